"""Choose the brief's sentences and key quotes, and put the English brief together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.document import Article, Brief, BriefQuote, Quote, Segment, Translation
from translator.translation.joins import (
    described_speaker_english,
    english_speaker,
    english_typography,
    inside_sentence_case,
    nested_marks,
    speaker_description,
)
from translator.summary.statements import (
    content_words,
    heading_paragraphs,
    is_news_sentence,
    is_question,
    is_statement,
    repeats,
)
from translator.summary.rank import DEFAULT_METHOD

_TITLE_WORDS = 14


@dataclass(frozen=True)
class BriefOptions:
    method: str = DEFAULT_METHOD
    sentences: int = 3
    quotes: int = 3
    translate_all: bool = True


@dataclass(frozen=True)
class BriefChoice:
    """What the brief shows, chosen on the French segments (indexes are `Segment.index`)."""

    summary: list[int]
    quotes: list[Quote]
    lead: int | None = None


def key_quotes(
    quotes: list[Quote],
    segments: list[Segment],
    ranking: list[int],
    count: int,
    skip: frozenset[int] = frozenset(),
) -> list[Quote]:
    """The most important quotations that are statements, in reading order.

    A quote scores by the rank of the sentence that holds it, with a bonus for a named
    speaker and for substance. Fragments a sentence borrows are never offered, nor a
    quote held by a sentence in `skip` (one the summary already shows, a heading, a
    question), nor a near-repeat of a quote already chosen.
    """
    if count <= 0 or not quotes:
        return []
    position = {index: place for place, index in enumerate(ranking)}
    holders = {(q.paragraph, q.start): segment for segment in segments for q in segment.quotes}
    held = [(q, holders[(q.paragraph, q.start)]) for q in quotes if (q.paragraph, q.start) in holders]
    candidates = [(q, s) for q, s in held if s.index not in skip and is_statement(q, s)]
    total = max(len(ranking), 1)

    def score(candidate: tuple[Quote, Segment]) -> float:
        quote, segment = candidate
        place = position.get(segment.index, total)
        return (1 - place / total) + (0.3 if quote.speaker else 0) + 0.3 * min(quote.word_count, 40) / 40

    chosen: list[Quote] = []
    seen: list[frozenset[str]] = []
    for quote, _ in sorted(candidates, key=score, reverse=True):
        if len(chosen) == count:
            break
        words = content_words(quote.text)
        if not repeats(words, seen):
            chosen.append(quote)
            seen.append(words)
    return sorted(chosen, key=lambda q: (q.paragraph, q.start))


def choose(
    article: Article, segments: list[Segment], quotes: list[Quote], ranking: list[int], options: BriefOptions
) -> BriefChoice:
    """Summary sentences and key quotes, so that the brief reads once and reads as news.

    The lead (first news sentence) opens the summary: on news, the first sentences are a
    strong summary on their own. Key quotes come next, never one the lead already shows.
    The other summary sentences follow the ranking, skipping sentences that hold a key
    quote, sentences that are not news (questions, short lines, headings, furniture) and
    near-repeats of a sentence already chosen or of the title.
    """
    headings = heading_paragraphs(article)
    news = {s.index for s in segments if is_news_sentence(s, article, headings)}
    if not news:
        # Nothing reads as a finished statement (a page of bare lines): rank what there is.
        news = {s.index for s in segments}
    lead = min(news) if news and options.sentences > 0 else None
    by_index = {s.index: s for s in segments}
    # The lead's quotes are already read; quotes in headings or questions are not statements.
    skip = {s.index for s in segments if s.paragraph in headings or is_question(s)}
    skip |= set() if lead is None else {lead}
    key = key_quotes(quotes, segments, ranking, options.quotes, frozenset(skip))
    holders = {s.index for s in segments for q in s.quotes if q in key}
    summary: list[int] = []
    seen = [content_words(article.title)] if article.title else []
    for index in ([lead] if lead is not None else []) + ranking:
        if len(summary) >= options.sentences:
            break
        if index not in news or index in holders or index in summary:
            continue
        words = content_words(by_index[index].text)
        if index != lead and repeats(words, seen):
            continue
        summary.append(index)
        seen.append(words)
    return BriefChoice(sorted(summary), key, lead)


def lead_title(text: str) -> str:
    """A title made from the lead sentence when the page shows none."""
    words = text.split()
    first_clause = re.split(r"(?<=[,;:])\s", text, maxsplit=1)[0]
    if 4 <= len(first_clause.split()) <= _TITLE_WORDS:
        return first_clause.rstrip(",;:.")
    if len(words) <= _TITLE_WORDS:
        return text.rstrip(".")
    return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"


def _speaker_in_english(speaker: str | None, english: dict[str, str]) -> str | None:
    """A described speaker translated by the model; a name as written, civility in English."""
    if not speaker:
        return None
    description = speaker_description(speaker)
    if description is None:
        return english_speaker(speaker)
    role = described_speaker_english(english_typography(english.get(description, description)), description)
    if description == speaker:
        return role
    return f"{english_speaker(speaker[: -len(description)].rstrip(', '))}, {role}"  # "Jean Roux, the minister"


def assemble_brief(
    article: Article,
    translation: Translation,
    choice: BriefChoice,
    english: dict[str, str],
    options: BriefOptions,
    found: list[Quote] | None = None,
) -> Brief:
    """The brief from already-chosen segments/quotes and the English of every unit used;
    `found` are all the article's quotations, listed in the brief's `quotations`."""
    by_index = {seg.segment.index: seg for seg in translation.segments}
    sentences = [by_index[i].text for i in choice.summary if i in by_index]
    quotes = [_brief_quote(q, english, key=True) for q in choice.quotes]
    quotations = [_brief_quote(q, english, key=q in choice.quotes) for q in found or []]
    if article.title:
        title, title_from = english_typography(english.get(article.title, article.title)), "page"
    elif translation.segments:
        lead = by_index.get(choice.lead, translation.segments[0]) if choice.lead is not None else translation.segments[0]
        title, title_from = lead_title(lead.text), "lead"
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
        quotations=quotations,
    )


def _brief_quote(quote: Quote, english: dict[str, str], key: bool) -> BriefQuote:
    """A quotation for the brief; its English is None when its sentence was not translated."""
    translated = english.get(quote.text)
    return BriefQuote(
        # Same typography as in the translated body, so the quote reads identically in both.
        text=None if translated is None else inside_sentence_case(nested_marks(english_typography(translated)), quote),
        original=quote.marked,
        speaker=quote.speaker,
        speaker_en=_speaker_in_english(quote.speaker, english),
        paragraph=quote.paragraph,
        key=key,
    )
