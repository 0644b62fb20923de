"""Find direct quotations (« … », “ … ”, "…", ‘‘…’’, ‘’…’’, ‘…’); translator/speakers/ says who said them.

Pages mark quotations in many ways: French guillemets, curly or straight double marks,
two single marks for a double one (‘‘…’’, ‘’…’’, ’’…’’ or ''…'', common in West-African
papers), or single curly marks. A straight mark may open right after a sentence's end with no space
("… Lurel."Mon débat …"), a quotation opened with " may be closed with » or ”, and one
opened with « may be closed with « typed the wrong way round ("… Biya)« , a dit X").
"""

from __future__ import annotations

from dataclasses import dataclass

from translator.document import Quote

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
        return text[self.start + len(self.opening) : self.end - len(self.closing)].strip(_SPACES)


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
        double = _double_single_at(text, i)
        if double is not None:
            if double.end > i:
                spans.append(double)
                i = double.end
            else:
                i += 2
            continue
        if ch == "‘" and _opens_single(text, i):
            end = _find_single_close(text, i)
            if end is not None:
                spans.append(QuoteSpan(i, end, ch, "’"))
                i = end
                continue
        if ch in _PAIRS or (ch == '"' and _opens_ascii(text, i)):
            end = _find_close(text, i)
            if end is not None:
                closing = text[end - 1]
                spans.append(QuoteSpan(i, end, ch, closing))
                i = end
                continue
        i += 1
    return spans


# Two single marks used as one double mark: ‘‘…’’, ‘’…’’, ’’…’’ or ''…''.
_DOUBLE_SINGLE = {"‘‘": "’’", "‘’": "’’", "’’": "’’", "''": "''"}
_MIN_DOUBLE_SINGLE_WORDS = 2


def _double_single_at(text: str, i: int) -> QuoteSpan | None:
    """A ‘‘…’’ or ''…'' quotation opening at `i` (its span), a pair of marks at `i` that
    opens nothing (a span ending at `i`), or None when no such pair is at `i`."""
    opening = text[i : i + 2]
    if opening not in _DOUBLE_SINGLE:
        return None
    after = text[i + 2 : i + 3]
    if not after or after in _SPACES + "\n" or (i > 0 and text[i - 1].isalnum()):
        return QuoteSpan(i, i, opening, "")
    closing = _DOUBLE_SINGLE[opening]
    end = text.find(closing, i + 2)
    if opening != "''":
        # Typists close with ’’ or with two straight or mixed marks.
        ends = [e for e in (text.find(mark, i + 2) for mark in ("’’", "''", "’'", "'’")) if e != -1]
        end, closing = (min(ends), text[min(ends) : min(ends) + 2]) if ends else (-1, closing)
    inner = text[i + 2 : end] if end != -1 else ""
    if end == -1 or len(inner.split()) < _MIN_DOUBLE_SINGLE_WORDS:
        return QuoteSpan(i, i, opening, "")
    return QuoteSpan(i, end + 2, opening, closing)


def _opens_single(text: str, i: int) -> bool:
    """‘ opens a quotation when a word follows it (it is never an apostrophe)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return after not in _SPACES + "\n‘"


def _find_single_close(text: str, start: int) -> int | None:
    """Index after the ’ closing a ‘…’ quotation: a ’ not followed by a letter (not an
    apostrophe as in "l’État"), with at least two words inside."""
    for i in range(start + 1, len(text)):
        if text[i] == "’" and not (i + 1 < len(text) and text[i + 1].isalnum()):
            return i + 1 if len(text[start + 1 : i].split()) >= 2 else None
    return None


def _opens_ascii(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # Also right after a sentence's end with no space: "… Lurel."Mon débat …".
    opens_after = before in _SPACES or before in "([:—–-'’\n" or i == 0 or (before in ".!?…" and after.isupper())
    return opens_after and after not in _SPACES + ".,;"


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
        if opening == "«" and ch == "«" and depth == 0 and _reversed_close(text, i):
            return i + 1  # "… (Paul Biya)« , a expliqué X": typed the wrong way round
        if opening != '"' and ch == opening:
            depth += 1
        elif ch == closing and (opening != '"' or _closes_ascii(text, i)):
            if depth == 0:
                return i + 1 if text[start + 1 : i].strip(_SPACES) else None
            depth -= 1
        elif opening == '"' and ch in "»”" and depth == 0:
            # Opened straight, closed curly: "Mais cela reste à confirmer. »
            return i + 1 if text[start + 1 : i].strip(_SPACES) else None
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


def _reversed_close(text: str, i: int) -> bool:
    """A « that closes: glued to the word before it, and only punctuation (or the end)
    after it, where an opening mark would have words."""
    if i == 0 or text[i - 1] in _SPACES + "\n(«":
        return False
    rest = text[i + 1 :].lstrip(_SPACES)
    return not rest or rest[0] in ",.;:!?)"


_SPANNING = "«“"


def _unclosed_opening(text: str, spans: list[QuoteSpan]) -> int | None:
    """Index of the first top-level « or “ that nothing in the paragraph closes."""
    for i, ch in enumerate(text):
        if ch in _SPANNING and not any(s.start <= i < s.end for s in spans) and _find_close(text, i) is None:
            return i
    return None


def _continuation_end(text: str, opening: str) -> int | None:
    """Index just after the mark closing a quotation continued from an earlier paragraph.

    A repeated opening mark at the start of the paragraph is skipped; marks opened and
    closed inside the continuation are nested quotes.
    """
    closing = _PAIRS[opening]
    i = len(text) - len(text.lstrip(_SPACES + "\n"))
    if text[i : i + 1] == opening:
        i += 1
    depth = 0
    for j in range(i, len(text)):
        if text[j] == opening:
            depth += 1
        elif text[j] == closing:
            if depth == 0:
                return j + 1
            depth -= 1
    return None


def _continues_in(text: str, opening: str) -> bool:
    """Does this paragraph carry on a quotation left open: it starts with the opening
    mark again, or it holds the closing mark with no opening of its own?"""
    return text.lstrip(_SPACES + "\n").startswith(opening) or _continuation_end(text, opening) is not None


@dataclass(frozen=True)
class _Piece:
    """One paragraph's share of a quotation (or a whole one-paragraph quotation)."""

    span: QuoteSpan
    text: str
    opened_in: int | None = None
    continues: bool = False


def _pieces(paragraphs: list[str]) -> list[list[_Piece]]:
    """Every paragraph's quotations, quotations that run over paragraph breaks included."""
    result: list[list[_Piece]] = []
    open_mark, opened_in = "", None  # a quotation still open at the previous paragraph's end
    for number, paragraph in enumerate(paragraphs):
        pieces: list[_Piece] = []
        position = 0
        if open_mark:
            end = _continuation_end(paragraph, open_mark)
            start = len(paragraph) - len(paragraph.lstrip(_SPACES + "\n"))
            stop = end if end is not None else len(paragraph.rstrip(_SPACES + "\n"))
            head = open_mark if paragraph[start : start + 1] == open_mark else ""
            tail = paragraph[stop - 1] if end is not None else ""
            inner = paragraph[start + len(head) : stop - len(tail)].strip(_SPACES)
            span = QuoteSpan(start, stop, head, tail)
            pieces.append(_Piece(span, inner, opened_in, continues=end is None))
            if end is None:
                result.append(pieces)
                continue
            open_mark, opened_in, position = "", None, end
        rest = paragraph[position:]
        spans = [QuoteSpan(s.start + position, s.end + position, s.opening, s.closing) for s in find_quote_spans(rest)]
        unclosed = _unclosed_opening(rest, find_quote_spans(rest))
        if unclosed is not None:
            unclosed += position
            spans = [s for s in spans if s.start < unclosed]
        pieces += [_Piece(s, s.inner(paragraph)) for s in spans]
        if unclosed is not None:
            mark = paragraph[unclosed]
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
            continues = _continues_in(following, mark)
            stop = len(paragraph.rstrip(_SPACES + "\n"))
            # An unclosed mark runs to the end of its paragraph; the quotation goes on when
            # the next paragraph carries it on.
            span = QuoteSpan(unclosed, stop, mark, "")
            inner = paragraph[unclosed + 1 : stop].strip(_SPACES)
            pieces.append(_Piece(span, inner, number if continues else None, continues))
            if continues:
                open_mark, opened_in = mark, number
        result.append(pieces)
    return result


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """All top-level quotations of an article (speakers are set later by translator.speakers).

    A quotation that runs over paragraph breaks gives one Quote per paragraph, linked by
    `opened_in`/`continues`.
    """
    quotes: list[Quote] = []
    for number, pieces in enumerate(_pieces(paragraphs)):
        for piece in pieces:
            if not any(ch.isalnum() for ch in piece.text):
                continue
            span = piece.span
            quotes.append(
                Quote(
                    text=piece.text,
                    opening=span.opening,
                    closing=span.closing,
                    paragraph=number,
                    start=span.start,
                    end=span.end,
                    opened_in=piece.opened_in,
                    continues=piece.continues,
                )
            )
    return quotes
