"""What may stand in a brief on its own: news sentences and quotations that are statements.

Decided on the French side, so `--translate-all` and `--no-translate-all` choose alike.

- A summary sentence carries news: a finished statement ("." or "!"), of some length, not
  a question, not a line trailing off ("…" at a teaser cut), not a sub-heading, not a
  repeat of the title, not a bare quotation with no one reporting it.
- A key quote is a statement: a whole clause of at least `MIN_STATEMENT_WORDS` words, set
  off from the sentence that reports it (it starts the sentence, or follows ":" or ","),
  or a new sentence opening inside the marks. A phrase a sentence merely borrows ("a
  insisté sur « la nécessité de … »", "la fuite « aurait pu être évitée »") is a
  fragment: it stays marked in the body, but is not offered as a key quote.
"""

from __future__ import annotations

import re

from translator.document import Article, Part, Quote, Segment
from translator.french.headline import same_headline
from translator.french.lines import SIGN_OFF, words_of
from translator.french.lines import is_question as ends_with_question

MIN_STATEMENT_WORDS = 6
MIN_NEWS_WORDS = 5

_SPACES = " \u00a0\u202f\t\n"
_CLOSERS = "»”\"’')]›"
# Words that continue a sentence rather than start a clause: prepositions, conjunctions
# and relatives. A lower-case quotation opening with one of them is the rest of the
# reporter's sentence ("…, « car le pays ploie … »", "Bref, « contre tout ce qui … »").
_CONTINUING = frozenset(
    "à au aux de du d des en dans sur sous pour par avec sans contre vers chez entre depuis pendant "
    "selon malgré envers parmi car mais et ou donc ni or puisque parce que qu dont qui où afin comme "
    "lorsque lorsqu tandis jusqu jusque".split()
)
# Words after which an opening mark is inside a phrase even when the quotation starts
# with a capital ("le quotidien « Le Monde … »", "que « Nous … »").
_EMBEDDING = _CONTINUING | frozenset(
    "le la les l un une ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos "
    "est sont était être a ont".split()
)


def _first_word(text: str) -> str:
    """The first word, lower-cased, with an elided article/pronoun cut at its apostrophe."""
    words = words_of(text)
    return words[0] if words else ""


def _is_frame(part: Part) -> bool:
    # A part that is neither a quote nor the whole sentence sent along only as context
    # for translating the frame (a `context` part, where the segmenter makes one).
    return not part.is_quote and not getattr(part, "context", False)


def frame_before(quote: Quote, segment: Segment) -> str:
    """The French text between the sentence start (or the previous quotation) and `quote`."""
    before = ""
    for part in segment.parts:
        if part.quote == quote:
            return before
        if part.is_quote:
            before = ""
        elif _is_frame(part):
            before += part.lead + part.text + part.trail
    return before


def is_statement(quote: Quote, segment: Segment) -> bool:
    """True when `quote` reads as a statement on its own (see the module docstring)."""
    if quote.word_count < MIN_STATEMENT_WORDS:
        return False
    text = quote.text.lstrip(_SPACES + "…-–—([")
    if not text:
        return False
    capital = text[0].isupper() or text[0].isdigit()
    before = frame_before(quote, segment).rstrip(_SPACES)
    if not any(ch.isalnum() for ch in before) or before.endswith((":", ",", ";", "—", "–")):
        set_off = True
    else:
        # Straight after a word: only a new sentence opening inside the marks
        # ("Il a déclaré « Nous … »") stands alone.
        last = re.split(r"['’]", before.split()[-1].lower())[-1] if before.split() else ""
        set_off = capital and last not in _EMBEDDING and not before.endswith(("'", "’"))
    if not set_off:
        return False
    return capital or _first_word(text) not in _CONTINUING


def _ending(text: str) -> str:
    """The sentence's end: a wire sign-off ("….- AGC", "… (AGC)"), closing marks and spaces stripped."""
    return SIGN_OFF.sub("", text.rstrip(_SPACES)).rstrip(_SPACES + _CLOSERS)


def is_question(segment: Segment) -> bool:
    return ends_with_question(segment.text)


def heading_paragraphs(article: Article) -> set[int]:
    """Paragraph indexes that are sub-headings inside the body (`Article.headings`)."""
    return set(article.headings)


def is_news_sentence(segment: Segment, article: Article, headings: set[int] | None = None) -> bool:
    """True when the French sentence can stand in the summary (see the module docstring)."""
    if segment.paragraph in (heading_paragraphs(article) if headings is None else headings):
        return False
    ending = _ending(segment.text)
    if not ending.endswith((".", "!")) or ending.endswith(("...", "…")):
        return False
    if len(words_of(segment.text)) < MIN_NEWS_WORDS:
        return False
    if not any(ch.isalnum() for part in segment.parts if _is_frame(part) for ch in part.text):
        # Only a quotation, nobody reporting it: speech, offered under Key quotes instead.
        return False
    return not (article.title and same_headline(segment.text, article.title))


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of four letters or more: enough to tell near-repeats apart."""
    return frozenset(w for w in words_of(text) if len(w) >= 4)


def repeats(words: frozenset[str], seen: list[frozenset[str]], threshold: float = 0.7) -> bool:
    """True when `words` overlaps one of `seen` by `threshold` or more (Jaccard)."""
    return any(words and other and len(words & other) / len(words | other) >= threshold for other in seen)
