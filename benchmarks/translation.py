"""Benchmark: translation quality through brief's pipeline, and how its English joins.

    python benchmarks/translation.py                      # 1,000 NTREX sentences + fr-news joins
    python benchmarks/translation.py --limit 200 --no-argos
    python benchmarks/translation.py --joins-only         # only the join-artefact count

Quality (NTREX-128 news, ../shared/corpus/ntrex-fr-en/, sentences in document order):
consecutive sentences are grouped into articles (--per-article, one sentence per
paragraph) and go through brief's own pipeline (find_quotes → segment_article →
one batched translation → assemble, via pipeline.brief_articles). They are scored with
sacrebleu (chrF and BLEU) against the reference English, next to, in the same run:

  raw    the same model on each whole sentence: CTranslate2 translate_batch with the same
         decoding settings (beam 4), no quote handling. The ceiling for the pipeline.
  argos  argostranslate.translate.translate(paragraph, "fr", "en") per paragraph: what a
         user would write. Offline, Argos cannot download its sentence splitter (MiniSBD),
         so, as in bench_batch.py, it gets brief's splitter instead (each paragraph is one
         sentence here, so this changes nothing but the download).

Scores are given overall and on the sentences holding a quotation. "Quotes kept": each
French quotation found by brief comes back once, whole (its own translation) and inside
“ ” marks. "Marks paired": the English has as many quotation pairs as the French.
"Two sentences as one unit": consecutive sentences paired, as a quotation of two sentences
is one unit, translated whole by the raw model and by brief's engine (sentence by sentence).

Joins (../shared/corpus/fr-news/, real pages): every page goes through the pipeline and
the English is searched for join artefacts (see `join_artefacts`).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path[:0] = [str(PROJECT), str(HERE)]
# ../shared from the repository root; BRIEF_SHARED_DIR for a checkout elsewhere (a worktree).
SHARED = Path(os.environ.get("BRIEF_SHARED_DIR") or PROJECT.parent / "shared")
NTREX = SHARED / "corpus" / "ntrex-fr-en"
FR_NEWS = SHARED / "corpus" / "fr-news"

_FRENCH_QUOTE = re.compile(r"[«“]|(?:^|[\s(])\"")


# --- the three ways to translate -------------------------------------------------------------


def articles_from(sentences: Sequence[str], per_article: int):
    from translator.document import Article

    return [
        Article(source=f"ntrex-{start // per_article:03d}", paragraphs=list(sentences[start : start + per_article]))
        for start in range(0, len(sentences), per_article)
    ]


def prepared_from(article, joins: str | None = None):
    """An article as pipeline.prepare makes it, without reading a file."""
    from translator.pipeline import PreparedArticle
    from translator.french.quotes import find_quotes
    from translator.translation.segment import segment_article

    quotes = find_quotes(article.paragraphs)
    segments = segment_article(article, quotes) if joins is None else segment_article(article, quotes, joins=joins)
    return PreparedArticle(article, quotes, segments)


def brief_pipeline(articles, translator, joins: str | None = None) -> tuple[list[list[str]], list, float]:
    """English paragraphs of every article through pipeline.brief_articles (one batched call)."""
    from translator.summary.compose import BriefOptions
    from translator.pipeline import brief_articles

    prepared = [prepared_from(article, joins) for article in articles]
    started = time.perf_counter()
    briefs = brief_articles(prepared, translator, BriefOptions(translate_all=True))
    seconds = time.perf_counter() - started
    return [brief.translation.paragraphs for brief in briefs], prepared, seconds, briefs


def context_used(briefs) -> tuple[int, int]:
    """Sentences whose frame came from the model's whole sentence, out of those that tried."""
    from translator.translation.joins import quotes_in_context

    used = tried = 0
    for brief in briefs:
        for translated in brief.translation.segments:
            parts = [p for p in translated.segment.parts if p.text]
            english = dict(zip(parts, translated.parts))
            whole = [english[p] for p in parts if p.context]
            if whole:
                tried += 1
                quotes = [(p.quote, english[p]) for p in parts if p.quote is not None]
                used += quotes_in_context(whole[0], quotes) is not None
    return used, tried


def raw_model(sentences: Sequence[str], translator) -> tuple[list[str], float]:
    """The same model and decoding settings on whole sentences: one translate_batch call."""
    started = time.perf_counter()
    tokenized = [translator.tokenizer.encode(text) for text in sentences]
    results = translator.translator.translate_batch(tokenized, **translator._decoding_kwargs(tokenized))
    english = [translator._decode(result.hypotheses[0]) for result in results]
    return english, time.perf_counter() - started


def two_sentence_units(french: Sequence[str], references: Sequence[str], translator) -> list[str]:
    """Consecutive sentences paired into one unit (as a quotation of two sentences is):
    the raw model on each pair whole against brief's engine (`translator.translate`,
    which sends a unit sentence by sentence), scored against the paired references."""
    pairs = [f"{french[i]} {french[i + 1]}" for i in range(0, len(french) - 1, 2)]
    paired_references = [f"{references[i]} {references[i + 1]}" for i in range(0, len(french) - 1, 2)]
    whole, _ = raw_model(pairs, translator)
    lines = []
    for label, english in (("raw model, pair whole", whole), ("brief's engine", translator.translate(pairs))):
        chrf, bleu = scores(english, paired_references)
        lines.append(f"{label} {chrf:.2f} / {bleu:.2f}")
    return [f"two sentences as one unit ({len(pairs)} pairs), chrF / BLEU: " + "; ".join(lines)]


def argos_per_paragraph(paragraphs: Sequence[str]) -> tuple[list[str], float, str]:
    from argostranslate import translate as argos_translate
    from argos_baseline import offline_argos

    started = time.perf_counter()
    sbd = offline_argos()
    english = [argos_translate.translate(text, "fr", "en") for text in paragraphs]
    return english, time.perf_counter() - started, sbd


# --- scores --------------------------------------------------------------------------------


# A quotation that goes on in the next paragraph has no closing mark in this one.
_ENGLISH_QUOTE = re.compile(r"“([^“”]*)(?:”|$)")
_ANY_PAIR = re.compile(r"“[^“”]*”|«[^«»]*»|\"[^\"]*\"|‘[^‘’]*’(?!\w)")


def scores(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[float, float]:
    import sacrebleu

    return (
        sacrebleu.corpus_chrf(list(hypotheses), [list(references)]).score,
        sacrebleu.corpus_bleu(list(hypotheses), [list(references)]).score,
    )


def _bare(text: str) -> str:
    return text.strip().rstrip(".,;:").strip()


def quotes_kept(prepared, english_paragraphs: list[list[str]], translator_english: dict[str, str]) -> tuple[int, int]:
    """French quotations that come back once, whole and marked “…”, out of all found."""
    from translator.translation.joins import english_typography, inside_sentence_case, nested_marks

    kept = total = 0
    for item, paragraphs in zip(prepared, english_paragraphs):
        for number, english in enumerate(paragraphs):
            quotes = [q for q in item.quotes if q.paragraph == number]
            marked = [_bare(m) for m in _ENGLISH_QUOTE.findall(english)]
            total += len(quotes)
            if len(marked) != len(quotes):
                continue
            for quote, found in zip(quotes, marked):
                # As the brief renders a quotation: nested marks single, lower case inside a sentence.
                own = inside_sentence_case(nested_marks(english_typography(translator_english[quote.text])), quote)
                kept += found == _bare(own)
    return kept, total


def marks_paired(french: Sequence[str], english: Sequence[str]) -> tuple[int, int]:
    """Sentences with quotations whose English has as many quote pairs as the French."""
    from translator.french.quotes import find_quote_spans

    good = total = 0
    for fr, en in zip(french, english):
        count = len(find_quote_spans(fr))
        if count:
            total += 1
            good += len(_ANY_PAIR.findall(en)) == count
    return good, total


# --- join artefacts ------------------------------------------------------------------------

# Words English writes with a capital anywhere (a colon may also start a new clause).
_CAPITALISED = {"I", "Mr", "Ms", "Mrs", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday"}
# Attributions after a quote that are not English: a pronoun and the named speaker both as
# subject ("he said Donald Trump"), "it" for the speaker, an infinitive ("to sum up the
# minister") or a bare auxiliary ("has indicated Victor B.").
_SPEECH = r"(?:said|added|declared|stated|indicated|explained|stressed|insisted|pointed out|assured|affirmed|noted)"
_GARBLED = re.compile(
    rf"^(?:(?:he|she|they) (?:has |had )?{_SPEECH} (?:Mr|Ms|Mrs|the|this|[A-Z])"
    rf"|it (?:has |had )?[a-z]+ed\b|to [a-z]+\b|(?:has|had) [a-z]+ed\b)"
)
_QUESTION_FORM = re.compile(r"^(?:Has|Have|Had|Did|Does|Do|Is|Are|Was|Were|Will|Would|Can|Could)\s+(?:he|she|they|it|we)\b")


def join_artefacts(french: str, english: str, open_at_end: bool = False) -> Counter:
    """Join faults in one English sentence made by brief from `french`.

    - capital after quote: the frame after a closing mark starts with a capital though it
      does not start a sentence, and the word is not capitalised in the French (a name is,
      also translated: "Mauritius" for "Maurice", see `joins.is_carried_name`)
    - name lowered: a name (so capitalised in the French) lowered after a closing mark or
      at the start of a quotation ("“russia must …" for « la Russie doit … »)
    - period then comma: “….”, — a quote's sentence-final period kept before a comma
    - doubled punctuation: ,, .. (not …) ,. ;, or a mark before a space and another mark
    - unpaired marks: “ and ” do not pair up, or French/ASCII marks left in the English
    - question-form attribution: a frame after a quote reads "Has he added", "Did he say"
    - garbled attribution: "he said Donald Trump", "it has added", "to sum up the minister"
    - frame lost: French text before the first or after the last quotation has no English
    """
    from translator.translation.joins import is_carried_name

    found: Counter = Counter()
    for match in re.finditer(r"”([,;]?)\s+([A-Z][\w'’-]*)", english):
        word = match.group(2)
        if word in _CAPITALISED or word.isupper() or is_carried_name(word, french):
            continue
        if _QUESTION_FORM.match(english[match.start(2):]):
            continue  # counted below
        found["capital after quote"] += 1
    found["period then comma"] += len(re.findall(r"\.”,", english))
    found["doubled punctuation"] += len(re.findall(r"(?<!\.)\.\.(?!\.)|,\s*[,.;:]|;\s*[,.;]|:\s*[,.;:]|”\s+[,.;:]", english))
    depth, unpaired = 0, 0
    for ch in english:
        if ch == "“":
            unpaired += depth > 0
            depth = 1
        elif ch == "”":
            unpaired += depth == 0
            depth = 0
    unpaired += depth and not open_at_end  # a quotation going on in the next paragraph
    unpaired += len(re.findall(r"[«»‹›]", english))
    unpaired += english.count('"') % 2
    found["unpaired marks"] += unpaired
    # Frame text the French has before the first or after the last quotation, lost in English.
    french_edges = re.match(r"^(.*?)[«“\"].*[»”\"](.*)$", french)
    english_edges = re.match(r"^(.*?)“.*”(.*)$", english)
    if french_edges and english_edges:
        for side in (1, 2):
            if re.search(r"\w", french_edges.group(side)) and not re.search(r"\w", english_edges.group(side)):
                found["frame lost"] += 1
    # A name lowered as if it were an ordinary word: "“russia must …" for « la Russie doit … ».
    for match in re.finditer(r"(?:”[,;]?\s+|“)([a-zà-ÿ][\w'’-]{3,})", english):
        word = match.group(1)
        if is_carried_name(word[0].upper() + word[1:], french) and not re.search(rf"\b{re.escape(word)}\b", french):
            found["name lowered"] += 1
    for match in re.finditer(r"”([,;:]?)\s+(.*)", english):
        if _QUESTION_FORM.match(match.group(2)):
            found["question-form attribution"] += 1
        elif match.group(1) == "," and _GARBLED.match(match.group(2)[:1].lower() + match.group(2)[1:]):
            found["garbled attribution"] += 1
    return found


def fr_news_joins(translator, joins: str | None = None) -> tuple[Counter, int, list[tuple[str, str, Counter]]]:
    """Join artefacts over every page of fr-news through the real pipeline."""
    from translator.summary.compose import BriefOptions
    from translator.pipeline import PreparedArticle, brief_articles, prepare
    from translator.translation.segment import segment_article

    prepared = []
    for path in sorted(FR_NEWS.glob("*.txt")):
        item = prepare(path)
        if joins is not None:
            item = PreparedArticle(item.article, item.quotes, segment_article(item.article, item.quotes, joins=joins))
        prepared.append(item)
    briefs = brief_articles(prepared, translator, BriefOptions(translate_all=True))
    total: Counter = Counter()
    examples = []
    sentences = 0
    for brief in briefs:
        for segment in brief.translation.segments:
            if not segment.segment.quotes:
                continue
            sentences += 1
            open_at_end = any(getattr(q, "continues", False) for q in segment.segment.quotes)
            found = join_artefacts(segment.segment.text, segment.text, open_at_end)
            total.update(found)
            if +found:
                examples.append((segment.segment.text, segment.text, +found))
    return total, sentences, examples


# --- driver --------------------------------------------------------------------------------


def print_table(rows: list[tuple[str, Sequence[str], float | None]], references: Sequence[str], quote_rows: list[int]) -> None:
    quote_refs = [references[i] for i in quote_rows]
    print(f"{'':34} {'chrF':>6} {'BLEU':>6} {'chrF q':>7} {'BLEU q':>7} {'seconds':>8}")
    for label, english, seconds in rows:
        chrf, bleu = scores(english, references)
        qchrf, qbleu = scores([english[i] for i in quote_rows], quote_refs)
        secs = f"{seconds:8.1f}" if seconds is not None else f"{'':8}"
        print(f"{label:34} {chrf:6.2f} {bleu:6.2f} {qchrf:7.2f} {qbleu:7.2f} {secs}")


def main() -> None:
    from translator.quiet import quiet_libraries

    quiet_libraries()  # as the CLI and bench_batch.py do: no library warnings in the table
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1000, help="Use the first N sentences (default: all 1,000).")
    parser.add_argument("--per-article", type=int, default=10, help="Consecutive sentences per article.")
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--joins", default=None,
                        help="Comma-separated join strategies of segment_article to compare (default: its default).")
    parser.add_argument("--no-argos", action="store_true", help="Skip the (slow) Argos translate() baseline.")
    parser.add_argument("--joins-only", action="store_true", help="Only count join artefacts on fr-news.")
    parser.add_argument("--no-joins", action="store_true", help="Skip the fr-news join-artefact count.")
    parser.add_argument("--show", type=int, default=0, help="Print N fr-news sentences with artefacts.")
    args = parser.parse_args()

    for needed in ([] if args.joins_only else [NTREX / "dev.fr"]) + ([] if args.no_joins else [FR_NEWS]):
        if not needed.exists():
            sys.exit(f"translation bench: {needed} not found")

    from translator.translation.engine import ArgosTranslator, DecodingOptions, find_package
    from translator.errors import BriefError
    from translator.pipeline import translate_units

    try:
        translator = ArgosTranslator(find_package(), DecodingOptions(beam_size=args.beam_size))
    except BriefError as exc:
        sys.exit(f"translation bench: {exc}")
    from translator.translation.segment import JOIN_STRATEGIES

    strategies: list[str | None] = args.joins.split(",") if args.joins else [None]
    unknown = [s for s in strategies if s not in (None, *JOIN_STRATEGIES)]
    if unknown:
        sys.exit(f"translation bench: unknown join strategy {unknown[0]!r}; one of {', '.join(JOIN_STRATEGIES)}")
    print(f"model {translator.model_id}; beam {args.beam_size}")

    if not args.joins_only:
        french = (NTREX / "dev.fr").read_text(encoding="utf-8").splitlines()[: args.limit]
        references = (NTREX / "dev.en").read_text(encoding="utf-8").splitlines()[: args.limit]
        quote_rows = [i for i, line in enumerate(french) if _FRENCH_QUOTE.search(line)]
        articles = articles_from(french, args.per_article)
        print(f"NTREX: {len(french)} sentences in {len(articles)} articles of {args.per_article}; "
              f"{len(quote_rows)} with quotations (q columns)")
        raw, raw_seconds = raw_model(french, translator)
        rows: list[tuple[str, Sequence[str], float | None]] = [("raw model, whole sentences", raw, raw_seconds)]
        kept_lines = []
        for strategy in strategies:
            paragraphs, prepared, seconds, briefs = brief_pipeline(articles, translator, strategy)
            english = [p for item in paragraphs for p in item]
            # Each NTREX line is one paragraph, so paragraph i is sentence i.
            rows.append((f"brief pipeline ({strategy or 'default'})", english, seconds))
            quote_english = translate_units([q.text for item in prepared for q in item.quotes], translator)
            kept, total = quotes_kept(prepared, paragraphs, quote_english)
            used, tried = context_used(briefs)
            units = len({u for item in prepared for u in item.units()})
            kept_lines.append(f"brief ({strategy or 'default'}): quotes kept {kept}/{total} "
                              f"({100 * kept / max(total, 1):.1f} %); "
                              f"{units} units; frame from context in {used} of {tried} sentences")
        if not args.no_argos:
            argos, argos_seconds, sbd = argos_per_paragraph(french)
            rows.append(("Argos translate() per paragraph", argos, argos_seconds))
        print_table(rows, references, quote_rows)
        for line in kept_lines:
            print(line)
        for label, english, _ in rows:
            if not label.startswith("brief"):
                good, pairs = marks_paired(french, english)
                print(f"{label}: marks paired {good}/{pairs}")
        if not args.no_argos:
            print(f"Argos sentence splitting: {sbd}")
        for line in two_sentence_units(french, references, translator):
            print(line)

    if not args.no_joins:
        for strategy in strategies:
            total, sentences, examples = fr_news_joins(translator, strategy)
            detail = ", ".join(f"{name} {count}" for name, count in sorted(total.items()) if count) or "none"
            print(f"fr-news joins ({strategy or 'default'}): {sum(total.values())} artefacts in {sentences} "
                  f"sentences with quotes ({detail})")
            for french_text, english_text, found in examples[: args.show]:
                print(f"  FR {french_text}\n  EN {english_text}\n     {dict(found)}")


if __name__ == "__main__":
    main()
