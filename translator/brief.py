"""Choose the brief's sentences and key quotes, and put the English brief together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Article, Brief, BriefQuote, Quote, Segment, Translation
from .segment import english_typography, nested_marks
from .summarize import DEFAULT_METHOD

MIN_KEY_QUOTE_WORDS = 4
_TITLE_WORDS = 14


@dataclass(frozen=True)
class BriefOptions:
    method: str = DEFAULT_METHOD
    sentences: int = 3
    quotes: int = 3
    translate_all: bool = True


def key_quotes(quotes: list[Quote], segments: list[Segment], ranking: list[int], count: int) -> list[Quote]:
    """The most important quotations, in reading order.

    A quote scores by the rank of the sentence that holds it, with a bonus for a named
    speaker and for substance (short scare quotes like "trop coûteux" rarely qualify).
    """
    if count <= 0 or not quotes:
        return []
    position = {index: place for place, index in enumerate(ranking)}
    holder: dict[tuple[int, int], int] = {}
    for segment in segments:
        for quote in segment.quotes:
            holder[(quote.paragraph, quote.start)] = segment.index
    candidates = [q for q in quotes if q.word_count >= MIN_KEY_QUOTE_WORDS] or list(quotes)
    total = max(len(ranking), 1)

    def score(quote: Quote) -> float:
        place = position.get(holder.get((quote.paragraph, quote.start), -1), total)
        return (1 - place / total) + (0.3 if quote.speaker else 0) + 0.3 * min(quote.word_count, 40) / 40

    chosen = sorted(candidates, key=score, reverse=True)[:count]
    return sorted(chosen, key=lambda q: (q.paragraph, q.start))


def lead_title(text: str) -> str:
    """A title made from the lead sentence when the page shows none."""
    words = text.split()
    first_clause = re.split(r"(?<=[,;:])\s", text, maxsplit=1)[0]
    if 4 <= len(first_clause.split()) <= _TITLE_WORDS:
        return first_clause.rstrip(",;:.")
    if len(words) <= _TITLE_WORDS:
        return text.rstrip(".")
    return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"


def assemble_brief(
    article: Article,
    translation: Translation,
    summary_segments: list[int],
    chosen_quotes: list[Quote],
    english: dict[str, str],
    options: BriefOptions,
) -> Brief:
    """The brief from already-chosen segments/quotes and the English of every unit used."""
    by_index = {seg.segment.index: seg for seg in translation.segments}
    sentences = [by_index[i].text for i in summary_segments if i in by_index]
    quotes = [
        BriefQuote(
            # Same typography as in the translated body, so the quote reads identically in both.
            text=nested_marks(english_typography(english[q.text])),
            original=q.marked,
            speaker=q.speaker,
            speaker_en=english.get(q.speaker) if q.speaker else None,
        )
        for q in chosen_quotes
    ]
    if article.title:
        title, title_from = english_typography(english.get(article.title, article.title)), "page"
    elif translation.segments:
        title, title_from = lead_title(translation.segments[0].text), "lead"
    else:
        title, title_from = None, "none"
    return Brief(
        source=article.source,
        title=title,
        title_from=title_from,
        date=article.date,
        sentences=sentences,
        quotes=quotes,
        method=options.method,
        model_id=translation.model_id,
        article=article,
        translation=translation,
    )
