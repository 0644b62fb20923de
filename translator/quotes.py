"""Find direct quotations (« … », “ … ”, "…"); translator/speakers.py says who said them."""

from __future__ import annotations

from dataclasses import dataclass

from .document import Quote

# Directional pairs: the opening mark tells which closing mark to look for.
_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_SPACES = " \u00a0\u202f\t"


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets of a top-level quotation in a paragraph: [start, end) includes the marks."""

    start: int
    end: int
    opening: str
    closing: str

    def inner(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1].strip(_SPACES)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations in one paragraph; nested ones stay inside their parent.

    An opening mark with no closing mark in the paragraph is not a quotation
    (it is left as ordinary text rather than guessed).
    """
    spans: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _PAIRS or (ch == '"' and _opens_ascii(text, i)):
            end = _find_close(text, i)
            if end is not None:
                closing = text[end - 1]
                spans.append(QuoteSpan(i, end, ch, closing))
                i = end
                continue
        i += 1
    return spans


def _opens_ascii(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _SPACES or before in "([:—–-'’\n" or i == 0) and after not in _SPACES + ".,;"


def _closes_ascii(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return after in _SPACES or after in ".,;:!?)]…»”'’-—–\n" or i + 1 == len(text)


def _find_close(text: str, start: int) -> int | None:
    """Index just after the mark that closes the quotation opened at `start`."""
    opening = text[start]
    closing = _PAIRS.get(opening, '"')
    depth = 0
    i = start + 1
    while i < len(text):
        ch = text[i]
        if opening != '"' and ch == opening:
            depth += 1
        elif ch == closing and (opening != '"' or _closes_ascii(text, i)):
            if depth == 0:
                return i + 1 if text[start + 1 : i].strip(_SPACES) else None
            depth -= 1
        elif ch in _PAIRS and opening == '"':
            # A guillemet pair nested in an ASCII quote: skip over it whole.
            nested = _find_close(text, i)
            if nested is not None:
                i = nested
                continue
        elif ch == '"' and opening != '"':
            # An ASCII quote nested inside guillemets or curly quotes: skip it whole.
            if _opens_ascii(text, i):
                nested = _find_close(text, i)
                if nested is not None:
                    i = nested
                    continue
        i += 1
    return None


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """All top-level quotations of an article (speakers are set later by speakers.py)."""
    quotes: list[Quote] = []
    for number, paragraph in enumerate(paragraphs):
        for span in find_quote_spans(paragraph):
            inner = span.inner(paragraph)
            if not any(ch.isalnum() for ch in inner):
                continue
            quotes.append(
                Quote(
                    text=inner,
                    opening=span.opening,
                    closing=span.closing,
                    paragraph=number,
                    start=span.start,
                    end=span.end,
                )
            )
    return quotes
