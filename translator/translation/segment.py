"""Cut an article into segments (sentences) and parts (quotes vs. surrounding text), and
say which texts go to the model.

Each quotation is translated alone, as one unit, so it comes back whole and is marked
“…” by `assemble`, never by the model. How the text around the quotes (the frame) is
translated is the join strategy, measured with benchmarks/translation.py:

- "cut" (default): each frame between quotes is translated alone; an inverted French
  attribution after a quote is first put in the usual order ("a-t-il ajouté" → "il a
  ajouté", "a déclaré Donald Trump lors de …" → "Donald Trump a déclaré lors de …"), so
  the model reads a statement, not a question or a verb without its subject.
- "context": the whole sentence, quotes included, is translated too, and the quotes' own
  translations replace the quotations the model marked in it; the sentence falls back to
  "cut" when the model's marks do not match the quotes one to one or it drops frame
  words. Same chrF as "cut" on NTREX, lower BLEU, more join artefacts on real pages and
  7 % more units: kept only so that the benchmark can compare.

Both end with the same English joins (`translation.joins`).
"""

from __future__ import annotations

import re

from translator.document import Article, Part, Quote, Segment
from translator.french.sentences import split_spans

JOIN_STRATEGIES = ("cut", "context")
DEFAULT_JOINS = "cut"

_LEAD = re.compile(r"^[\s\u00a0\u202f,;:)\]—–\-]+")
_TRAIL = re.compile(r"[\s\u00a0\u202f,;:(\[—–\-]+$")
# "a-t-il ajouté", "estime-t-elle", "poursuit-il": verb, then the subject pronoun.
_INVERTED = re.compile(r"^(?P<verb>[a-zà-öø-ÿ]+)(?:-t)?-(?P<pronoun>il|elle|ils|elles|on)\b(?P<rest>.*)$", re.S)
TERMINATORS = ".!?…"
# "a déclaré Hélène Marchal lors d'un point-presse", "lui répond le ministre", "précise le
# cadre de l'Insee": a reporting verb, then its subject. Reporting verbs only, so that
# "le chambre Alexandra" (a verb with its object) is left alone.
_REPORTING = (
    r"(?:déclar|affirm|ajout|expliqu|indiqu|soulign|estim|assur|précis|annonc|lanc|martel|insist|rappel|"
    r"confi|répond|répondu|poursui|conclu|comment|not|observ|jug|déplor|dénonc|regrett|tranch|résum|"
    r"confirm|témoign|racont|relev|ironis|réag|signal|répét|écri|avert|prévien|prévenu|sout|dit|di|fait valoir"
    r"|fait savoir|reconn|admet|admis|avou|plaid|interroge|s'interroge|se réjoui|se félicit|souffl|lâch|gliss|"
    r"tempêt|s'insurg|s'indign|s'inquièt|s'étonn|avanc|argument|explicit)[a-zéèêû]*"
)
_NOMINAL = re.compile(
    rf"^(?P<verb>(?:(?:lui|leur|nous|vous|me|te)\s+)?(?:(?:a|ont|avait|avaient|aurait)\s+)?{_REPORTING})\s+"
    r"(?P<subject>(?:le|la|les|l['’]|un|une|cette|ce|cet|ces|son|sa|ses|leur|notre|M\.|Mme|MM\.|Mmes|Dr|Pr|Me|Mgr|"
    r"[A-ZÀ-ÖØ-Þ])[^,;:]*?)"
    r"(?P<rest>(?:,|\s+(?:lors|dans|devant|sur|à|au|aux|en|après|avant|depuis|pendant|selon|sous|jeudi|lundi|mardi|"
    r"mercredi|vendredi|samedi|dimanche|hier|ce|cette)\b).*|[.!?…]?)$",
    re.S,
)
# ", le principal auteur de l'étude" after a name, ", qui préfère …": stays with the subject.
_WITH_SUBJECT = re.compile(r"^,\s*(?:le|la|les|l['’]|un|une|son|sa|ses|leur|qui|dont)\b[^,;:]*?(?=[.!?…]?$)", re.S)


def frame_part(text: str, after_quote: bool = False) -> Part | None:
    """The text between quotes, with its edge punctuation kept outside the unit.

    Right after a quote, an inverted attribution is put in the usual order
    (`reorder_attribution`).
    """
    if not text:
        return None
    if not any(ch.isalnum() for ch in text):
        return Part(text="", lead=text)
    lead = _LEAD.match(text)
    trail = _TRAIL.search(text)
    start = lead.end() if lead else 0
    end = trail.start() if trail else len(text)
    body = text[start:end]
    reordered = reorder_attribution(body) if after_quote else None
    return Part(text=reordered or body, lead=text[:start], trail=text[end:], reordered=reordered is not None)


def reorder_attribution(frame: str) -> str | None:
    """An inverted French attribution after a quote in the usual order, or None.

    "a-t-il ajouté" → "il a ajouté"; "a déclaré Hélène Marchal lors d'un point-presse" →
    "Hélène Marchal a déclaré lors d'un point-presse"; "insiste cette enseignante, qui
    hésite" → "cette enseignante, qui hésite, insiste". Translated alone, the inverted
    forms read as questions or as verbs without subjects.
    """
    inverted = _INVERTED.match(frame)
    if inverted:
        return f"{inverted['pronoun']} {inverted['verb']}{inverted['rest']}"
    nominal = _NOMINAL.match(frame)
    if not nominal:
        return None
    subject, verb, rest = nominal["subject"].strip(), nominal["verb"], nominal["rest"]
    attached = _WITH_SUBJECT.match(rest)
    if attached:
        return f"{subject}{attached.group(0)}, {verb}{rest[attached.end():]}"
    return f"{subject} {verb}{rest}"


def segment_article(article: Article, quotes: list[Quote], joins: str = DEFAULT_JOINS) -> list[Segment]:
    """Sentences of every paragraph, each split into frame and quote parts.

    With the "context" join strategy, a sentence that holds a quote and some frame text
    also gets a context part: the whole sentence, to translate the frame in context.
    """
    if joins not in JOIN_STRATEGIES:
        raise ValueError(f"unknown join strategy {joins!r}; one of {', '.join(JOIN_STRATEGIES)}")
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    segments: list[Segment] = []
    for number, paragraph in enumerate(article.paragraphs):
        paragraph_quotes = by_paragraph.get(number, [])
        for start, end in sentence_spans(paragraph, paragraph_quotes):
            parts: list[Part] = []
            position = start
            for quote in paragraph_quotes:
                if quote.start < start or quote.end > end:
                    continue
                part = frame_part(paragraph[position : quote.start], after_quote=position != start)
                if part:
                    parts.append(part)
                parts.append(Part(text=quote.text, quote=quote))
                position = quote.end
            part = frame_part(paragraph[position:end], after_quote=position != start)
            if part:
                parts.append(part)
            sentence = paragraph[start:end]
            has_frame = any(p.text for p in parts if p.is_frame)
            # A quotation cut by a paragraph break has one mark in the French sentence, so
            # the model's English cannot be matched to it: such sentences are cut.
            whole_marks = all(p.quote.opening and p.quote.closing for p in parts if p.quote is not None)
            # A reordered attribution ("il a ajouté") is a clause that translates well alone;
            # given the whole sentence the model renders it "it has added" (measured).
            reordered = any(p.reordered for p in parts)
            if joins == "context" and has_frame and whole_marks and not reordered and any(p.is_quote for p in parts):
                parts.append(Part(text=_context_text(parts, paragraph), context=True))
            segments.append(Segment(number, len(segments), sentence, tuple(parts)))
    return segments


def _context_text(parts: list[Part], paragraph: str) -> str:
    """The sentence as the model sees it for context: quotes with their French marks,
    frames as in their own units (inverted attributions in the usual order)."""
    return "".join(
        paragraph[p.quote.start : p.quote.end] if p.quote is not None else p.lead + p.text + p.trail for p in parts
    ).strip()


def sentence_spans(paragraph: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentences of a paragraph, joined where a quotation runs over a sentence end.

    The splitter already keeps closed quotations whole; this also covers a quotation
    that continues into the next paragraph, whose mark is not closed here.
    """
    spans: list[tuple[int, int]] = []
    for start, end in split_spans(paragraph):
        if spans and any(q.start < spans[-1][1] and q.end > start for q in quotes):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def units(segments: list[Segment]) -> list[str]:
    """The texts to send to the model, in order (quotes, frames and context alike)."""
    return [part.text for segment in segments for part in segment.parts if part.text]
