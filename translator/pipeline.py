"""The whole path: read → clean → quotes → speakers → segment → translate (batched) → brief.

`brief_articles` translates the units of many articles in one call, which is what
makes `brief batch` fast; `brief_file` is the single-article path of `brief translate`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from translator.summary.compose import BriefChoice, BriefOptions, assemble_brief, choose, lead_sentence
from translator.summary.compose import news_sentences
from translator.french.clean import clean_document
from translator.document import Article, Brief, Quote, Segment, TranslatedSegment, Translation
from translator.translation.engine import TextTranslator
from translator.errors import InputError
from translator.french.language import ensure_french
from translator.french.quotes import find_quotes
from translator.french.reader import DEFAULT_MAX_BYTES, RawDocument, document_from_text, read_document
from translator.translation.segment import segment_article
from translator.translation.joins import assemble, speaker_description
from translator.speakers import attribute_speakers
from translator.summary.rank import rank


@dataclass
class PreparedArticle:
    """A cleaned French article cut into segments, with what must be translated."""

    article: Article
    quotes: list[Quote]
    segments: list[Segment]
    # Filled by plan(): what the brief shows (chosen on the French, the same in every mode),
    # the segments it shows, and the segments to translate (those, or the whole body).
    choice: BriefChoice | None = None
    shown_segments: list[int] = field(default_factory=list)
    translate_segments: list[int] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every segment is translated (the JSON's `translation_en` can be given)."""
        return len(set(self.translate_segments)) == len(self.segments)

    def brief_only(self) -> PreparedArticle:
        """The same article, translating only what its brief shows."""
        return replace(self, translate_segments=list(self.shown_segments))

    def units(self) -> list[str]:
        """The French texts to translate, each once: the segments' parts, then the key quotes
        (their holder sentences are not shown), the title and speakers described in words."""
        wanted = set(self.translate_segments)
        texts = [p.text for s in self.segments if s.index in wanted for p in s.parts if p.text]
        chosen = self.choice.quotes if self.choice else []
        texts += [q.text for q in chosen]
        texts += [self.article.title] if self.article.title else []
        # Names are never sent to the model (see translation.joins.english_speaker); descriptions are.
        # A whole translation lists every quotation (JSON `quotations`), so every described
        # speaker is translated; a brief-only one, only those of the key quotes.
        described = self.quotes if self.complete else chosen
        texts += [d for q in described if (d := speaker_description(q.speaker)) is not None]
        return list(dict.fromkeys(texts))


def prepare(source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> PreparedArticle:
    """Read, clean, check the language and segment one article (no model needed)."""
    return prepare_document(read_document(source, max_bytes))


def prepare_text(text: str, name: str = "<text>") -> PreparedArticle:
    """`prepare` for an article already in memory (plain text or HTML)."""
    return prepare_document(document_from_text(text, name))


def prepare_document(document: RawDocument) -> PreparedArticle:
    """Clean, check the language and segment one article that has been read."""
    article = clean_french(document)
    quotes = attribute_speakers(article.paragraphs, find_quotes(article.paragraphs))
    return PreparedArticle(article, quotes, segment_article(article, quotes))


def clean_french(document: RawDocument) -> Article:
    """The cleaned article; bad input (nothing left, not French) is reported here."""
    source = document.source
    article = clean_document(document)
    if not article.paragraphs:
        raise InputError(f"{source}: no article text left after cleaning (only headlines or page furniture)")
    ensure_french(article.body, str(source))
    return article


def prepare_without_speakers(document: RawDocument) -> PreparedArticle:
    """`prepare_document` but for the speakers (spaCy's part, the slow one): the quotes
    are found, nobody is named yet. Bad input is reported here."""
    article = clean_french(document)
    quotes = find_quotes(article.paragraphs)
    return PreparedArticle(article, quotes, segment_article(article, quotes))


def with_speakers(prepared: PreparedArticle) -> PreparedArticle:
    """The article with each quotation's speaker found. The segments hold the quotes, so
    they are cut again; their texts never depend on the speakers."""
    quotes = attribute_speakers(prepared.article.paragraphs, prepared.quotes)
    return replace(prepared, quotes=quotes, segments=segment_article(prepared.article, quotes))


def early_units(unattributed: PreparedArticle, options: BriefOptions) -> list[str]:
    """Units the brief shows whoever the speakers turn out to be: the title and the lead
    (the first news sentence; without a title, the sentence it is made from). A batch
    translates them while spaCy finds the speakers; `plan` chooses them again, alike."""
    segments = unattributed.segments
    lead = lead_sentence(news_sentences(unattributed.article, segments), options)
    if lead is None and not unattributed.article.title and segments:
        lead = segments[0].index
    texts = [unattributed.article.title] if unattributed.article.title else []
    texts += [p.text for s in segments if s.index == lead for p in s.parts if p.text]
    return texts


def plan(prepared: PreparedArticle, options: BriefOptions) -> PreparedArticle:
    """Choose what the brief shows, on the French, and decide which segments to translate.

    The choice never depends on the English, so `--translate-all` and `--no-translate-all`
    give the same brief; translating all only adds the rest of the body to the translation.
    """
    segments = prepared.segments
    ranking = rank([s.text for s in segments], options.method, "french")
    choice = choose(prepared.article, segments, prepared.quotes, ranking, options)
    shown = set(choice.summary)
    if not prepared.article.title and segments:
        # No headline: the title is made from the lead (or the first sentence).
        shown.add(segments[0].index if choice.lead is None else choice.lead)
    prepared.choice = choice
    prepared.shown_segments = sorted(shown)
    prepared.translate_segments = [s.index for s in segments] if options.translate_all else sorted(shown)
    return prepared


def finish(prepared: PreparedArticle, english: dict[str, str], model_id: str, options: BriefOptions) -> Brief:
    """Put translated units back into sentences and build the brief `plan` chose."""
    if prepared.choice is None:
        raise ValueError("finish() needs an article that plan() has chosen for")
    translated: list[TranslatedSegment] = []
    wanted = set(prepared.translate_segments)
    for segment in prepared.segments:
        if segment.index not in wanted:
            continue
        parts = tuple(english[p.text] for p in segment.parts if p.text)
        translated.append(TranslatedSegment(segment, parts, assemble(segment, list(parts))))
    translation = Translation(translated, model_id, complete=prepared.complete)
    return assemble_brief(prepared.article, translation, prepared.choice, english, options, prepared.quotes)


def translate_units(units: Sequence[str], translator: TextTranslator) -> dict[str, str]:
    """Translate each distinct unit once, all in one call."""
    distinct = list(dict.fromkeys(u for u in units if u))
    return dict(zip(distinct, translator.translate(distinct)))


def brief_articles(
    prepared: Sequence[PreparedArticle],
    translator: TextTranslator,
    options: BriefOptions,
    translate: Callable[[Sequence[str], TextTranslator], dict[str, str]] = translate_units,
) -> list[Brief]:
    """Briefs for several prepared articles, with one translation call for all of them."""
    for item in prepared:
        plan(item, options)
    english = translate([u for item in prepared for u in item.units()], translator)
    return [finish(item, english, translator.model_id, options) for item in prepared]


def brief_one(unattributed: PreparedArticle, translator: TextTranslator, options: BriefOptions) -> Brief:
    """One article's brief, as `brief_articles` would make it, sooner: with the whole body
    to translate, its units go to the model while spaCy finds the speakers (CTranslate2
    works outside Python's lock), then what only the brief adds (title, speakers described
    in words, key quotes not already a unit) in a second call. `unattributed` comes from
    `prepare_without_speakers`."""
    if not options.translate_all:
        return brief_articles([with_speakers(unattributed)], translator, options)[0]
    body = [p.text for s in unattributed.segments for p in s.parts if p.text]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="brief-translate") as pool:
        early = pool.submit(translate_units, body, translator)
        try:
            prepared = plan(with_speakers(unattributed), options)
        finally:
            english = early.result()  # an error in either surfaces, after the thread is done
    english.update(translate_units([u for u in prepared.units() if u not in english], translator))
    return finish(prepared, english, translator.model_id, options)


def brief_file(
    source: str | Path,
    translator: TextTranslator | None = None,
    options: BriefOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Brief:
    """The English brief of one French article (file path, or "-" for stdin)."""
    unattributed = prepare_without_speakers(read_document(source, max_bytes))
    return brief_one(unattributed, translator or _installed_model(), options or BriefOptions())


def brief_text(text: str, translator: TextTranslator | None = None, options: BriefOptions | None = None) -> Brief:
    """The English brief of one French article given as a string (plain text or HTML)."""
    unattributed = prepare_without_speakers(document_from_text(text, "<text>"))
    return brief_one(unattributed, translator or _installed_model(), options or BriefOptions())


def brief_many(
    sources: Sequence[str | Path],
    translator: TextTranslator | None = None,
    options: BriefOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Brief]:
    """Briefs of several article files, in order, with one model load and one batched
    translation. A bad file raises its `InputError`; `brief batch` (`translator.batch`)
    is the resumable, cached form that reports bad files and goes on."""
    prepared = [prepare(source, max_bytes) for source in sources]
    return brief_articles(prepared, translator or _installed_model(), options or BriefOptions())


def _installed_model() -> TextTranslator:
    from translator.translation.engine import ArgosTranslator

    return ArgosTranslator()
