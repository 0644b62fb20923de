"""Stories of a digest: the articles that report one event, gathered under one brief.

Which articles belong together is decided elsewhere (`translator.grouping`, on the French);
this module turns those groups into what a reader sees: the most complete article's brief
first, the other sources after it, their key quotes that the first does not already
have, and the stories in reading order (newest first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from translator.document import ArticleDate, BriefQuote
from translator.output.digest import DigestEntry

# Two quotes are one when this share of the shorter one's words is in the other: AFP and
# Reuters give the same sentence with a word or two changed, or one cuts it shorter.
SAME_QUOTE_SHARE = 0.6
_WORDS = re.compile(r"\w+")


@dataclass
class Story:
    """One event: the lead article (whose brief is shown) and the other sources."""

    lead: DigestEntry
    others: list[DigestEntry] = field(default_factory=list)
    # Key quotes of the other sources that the lead does not have, with their source.
    more_quotes: list[tuple[DigestEntry, BriefQuote]] = field(default_factory=list)

    @property
    def sources(self) -> list[DigestEntry]:
        return [self.lead, *self.others]

    @property
    def title(self) -> str | None:
        """The lead's headline; when its page had none, another source's headline rather
        than a title made from a first sentence."""
        headlines = [e.title for e in self.sources if e.title and e.title_from == "page"]
        return headlines[0] if headlines else self.lead.title or next((e.title for e in self.others if e.title), None)

    @property
    def date(self) -> ArticleDate | None:
        """The earliest source's date: when the story broke."""
        dated = [entry.date for entry in self.sources if entry.date]
        return min(dated, key=ArticleDate.sort_key) if dated else None


def _words(quote: BriefQuote) -> set[str]:
    return set(_WORDS.findall((quote.original or quote.text).casefold()))


def _already_there(quote: BriefQuote, present: list[set[str]]) -> bool:
    words = _words(quote)
    return any(
        len(words & other) >= SAME_QUOTE_SHARE * min(len(words), len(other)) for other in present if words and other
    )


def make_story(entries: Sequence[DigestEntry]) -> Story:
    """The most complete article (most French words; the first on a tie) leads; the others
    follow in the order given, and bring the quotes the story does not have yet."""
    lead = max(entries, key=lambda entry: entry.words_fr)  # max keeps the first of equals
    story = Story(lead, [entry for entry in entries if entry is not lead])
    present = [_words(quote) for quote in lead.quotes]
    for entry in story.others:
        for quote in entry.quotes:
            if not _already_there(quote, present):
                story.more_quotes.append((entry, quote))
                present.append(_words(quote))
    return story


def make_stories(entries: Sequence[DigestEntry], groups: Sequence[Sequence[int]] | None = None) -> list[Story]:
    """Stories from `entries` (in input order) and groups of their indexes, in reading order.

    Without groups every article is its own story (`brief batch --no-group`).
    """
    groups = groups if groups is not None else [[i] for i in range(len(entries))]
    return order_stories([make_story([entries[i] for i in group]) for group in groups])


def order_stories(stories: list[Story]) -> list[Story]:
    """Newest first (a page that names its year before one that does not); undated stories
    last, in the order given."""
    dated = sorted((s for s in stories if s.date), key=lambda s: s.date.sort_key(), reverse=True)  # type: ignore[union-attr]
    return dated + [s for s in stories if not s.date]
