"""Choose the brief's sentences and key quotes, and put the English brief together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.document import Article, Brief, BriefQuote, Quote, Segment, Translation
from translator.translation.joins import english_typography, inside_sentence_case, nested_marks, speaker_in_english
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
# How a summary sentence after the lead is scored (`summary_order`). Set from
# benchmarks/summary.py on the tuning part of orangesum (every third article set aside).
RANK_WEIGHT = 1.0
POSITION_WEIGHT = 4.0
TOPIC_WEIGHT = 2.0
LENGTH_COST = 0.02
# Content-word overlap (Jaccard) from which a sentence repeats one already read.
REPEAT_THRESHOLD = 0.5


# The summary's default size, chosen on orangesum (README "Summary quality"): two
# sentences, and a budget of 35 words a sentence (an abstract's length) unless --words says.
DEFAULT_SENTENCES = 2
WORDS_PER_SENTENCE = 35


@dataclass(frozen=True)
class BriefOptions:
    method: str = DEFAULT_METHOD
    sentences: int = DEFAULT_SENTENCES
    quotes: int = 3
    translate_all: bool = True
    # At most this many words in the summary (the lead always stands); None:
    # WORDS_PER_SENTENCE a sentence; 0: no limit.
    words: int | None = None

    def word_budget(self) -> int | None:
        """The summary's word budget, or None for no limit."""
        if self.words is None:
            return WORDS_PER_SENTENCE * self.sentences
        return self.words or None


@dataclass(frozen=True)
class BriefChoice:
    """What the brief shows, chosen on the French segments (indexes are `Segment.index`)."""

    summary: list[int]
    quotes: list[Quote]
    lead: int | None = None
    # No headline on the page and a lead short enough to be the title whole: the brief
    # shows the lead as its title, so the summary goes on from the sentences after it.
    lead_is_title: bool = False


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
    strong summary on their own. On a page without a headline, a lead short enough to be
    the title whole is the title instead, and the summary starts after it (the reader
    would otherwise read it twice). Key quotes come next, never one the lead already shows.
    The other summary sentences are scored (`summary_order`) and taken best first while
    they fit `options.sentences` and `options.words`, skipping sentences that hold a key
    quote, sentences that are not news (questions, short lines, headings, furniture) and
    near-repeats of the title, the lead or a sentence already chosen.
    """
    headings = heading_paragraphs(article)
    news = news_sentences(article, segments, headings)
    lead = lead_sentence(news, options)
    by_index = {s.index: s for s in segments}
    # The lead's quotes are already read; quotes in headings or questions are not statements.
    skip = {s.index for s in segments if s.paragraph in headings or is_question(s)}
    skip |= set() if lead is None else {lead}
    key = key_quotes(quotes, segments, ranking, options.quotes, frozenset(skip))
    holders = {s.index for s in segments for q in s.quotes if q in key}
    if lead is None:
        return BriefChoice([], key, None)
    lead_is_title = not article.title and fits_title(by_index[lead].text)
    summary = [] if lead_is_title else [lead]
    budget = options.word_budget()
    if budget is not None and not lead_is_title:
        budget -= word_count(by_index[lead].text)
    seen = [content_words(by_index[lead].text)] + ([content_words(article.title)] if article.title else [])
    candidates = [i for i in ranking if i in news and i not in holders and i != lead]
    for index in summary_order(candidates, by_index, ranking, article.title, lead):
        if len(summary) >= options.sentences:
            break
        words = content_words(by_index[index].text)
        if repeats(words, seen, REPEAT_THRESHOLD):
            continue
        length = word_count(by_index[index].text)
        if budget is not None and length > budget:
            continue  # too long for what is left: a shorter sentence may fit
        summary.append(index)
        seen.append(words)
        budget = None if budget is None else budget - length
    return BriefChoice(sorted(summary), key, lead, lead_is_title)


def news_sentences(article: Article, segments: list[Segment], headings: set[int] | None = None) -> set[int]:
    """The segments that read as news sentences (the lead and the summary come from them)."""
    headings = heading_paragraphs(article) if headings is None else headings
    news = {s.index for s in segments if is_news_sentence(s, article, headings)}
    # Nothing reads as a finished statement (a page of bare lines): rank what there is.
    return news or {s.index for s in segments}


def lead_sentence(news: set[int], options: BriefOptions) -> int | None:
    """The lead: the first news sentence, which opens the summary (none when no sentence is asked for)."""
    return min(news) if news and options.sentences > 0 else None


def word_count(text: str) -> int:
    """Words as a reader counts them (what `--words` budgets)."""
    return len(text.split())


def summary_order(
    candidates: list[int], by_index: dict[int, Segment], ranking: list[int], title: str | None, lead: int
) -> list[int]:
    """The candidate sentences after the lead, best first.

    A sentence earns its place by what it adds for its length: its rank (sumy's), its
    nearness to the lead (news says the most right after the lead), the share of its
    words about the topic (the title's and the lead's words), less a cost per word.
    """
    place = {index: p for p, index in enumerate(ranking)}
    total = max(len(ranking), 1)
    topic = content_words(by_index[lead].text) | (content_words(title) if title else frozenset())
    # 1 for the first candidate after the lead, 1/2 for the next, …; 0 before the lead.
    nearness = {index: 1 / (1 + p) for p, index in enumerate(sorted(i for i in candidates if i > lead))}

    def score(index: int) -> float:
        text = by_index[index].text
        words = content_words(text)
        on_topic = len(words & topic) / len(words) if words else 0.0
        return (
            RANK_WEIGHT * (1 - place.get(index, total) / total)
            + POSITION_WEIGHT * nearness.get(index, 0.0)
            + TOPIC_WEIGHT * on_topic
            - LENGTH_COST * word_count(text)
        )

    return sorted(candidates, key=score, reverse=True)


def fits_title(text: str) -> bool:
    """A sentence short enough to stand whole as a title (decided on the French, so that
    both modes choose alike)."""
    return word_count(text) <= _TITLE_WORDS


def lead_title(text: str, whole: bool = False) -> str:
    """A title made from the lead sentence when the page shows none: the sentence `whole`
    (the summary then leaves it out), else its first clause or first words (the summary
    opens with the full sentence: what the title leaves out is the news)."""
    if whole:
        return text.rstrip(" .")
    words = text.split()
    first_clause = re.split(r"(?<=[,;:])\s", text, maxsplit=1)[0]
    if 4 <= len(first_clause.split()) <= _TITLE_WORDS:
        return _quotation_closed(first_clause.rstrip(",;:."))
    if len(words) <= _TITLE_WORDS:
        return text.rstrip(".")
    return _quotation_closed(" ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…")


def _quotation_closed(title: str) -> str:
    """A title cut inside a quotation ends before it ("Siniora insisted on Sunday…", not
    "… on Sunday “the need not…"), or, when the quotation opens it, closes its mark."""
    opening = title.rfind("“")
    if opening < 0 or title.find("”", opening) >= 0:
        return title
    before = title[:opening].rstrip(" ,;:")
    if len(before.split()) >= 4:
        return before + "…"
    return title.rstrip(",;:") + "”"


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
        title, title_from = lead_title(lead.text, whole=choice.lead_is_title), "lead"
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
        speaker_en=speaker_in_english(quote.speaker, english),
        paragraph=quote.paragraph,
        key=key,
    )
