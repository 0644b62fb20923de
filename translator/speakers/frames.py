"""A paragraph as the parser reads it: each quotation replaced by a placeholder, and the way
back from the parse to the words as the page writes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from translator.document import Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


PLACEHOLDER = "cela"


TYPOGRAPHY = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})


def frame_paragraph(paragraph: str, quotes: list[Quote]) -> tuple[str, list[tuple[Quote, int]], list[tuple[int, int, int]]]:
    """The paragraph with each quotation replaced by the placeholder, and where each went.

    The placeholder keeps the quotation's place in the sentence structure: capitalised
    where the quotation opens a sentence, followed by a period where it ends one.
    """
    pieces: list[str] = []
    offsets: list[tuple[Quote, int]] = []
    kept: list[tuple[int, int, int]] = []  # (frame offset, paragraph offset, length) of the text kept as is
    position = length = 0
    for quote in sorted(quotes, key=lambda q: q.start):
        before = paragraph[position : quote.start]
        kept.append((length, position, len(before)))
        pad = "" if not before or before[-1].isspace() else " "
        pieces.append(before + pad)
        length += len(before) + len(pad)
        offsets.append((quote, length))
        opens = not paragraph[: quote.start].strip() or paragraph[: quote.start].rstrip()[-1] in ".!?…"
        rest = paragraph[quote.end :].lstrip()
        ends = quote.text.rstrip().endswith((".", "!", "?", "…")) and (not rest or rest[0].isupper())
        placeholder = (PLACEHOLDER.capitalize() if opens else PLACEHOLDER) + ("." if ends else "")
        after = paragraph[quote.end : quote.end + 1]
        placeholder += " " if after.isalnum() else ""
        pieces.append(placeholder)
        length += len(placeholder)
        position = quote.end
    kept.append((length, position, len(paragraph) - position))
    pieces.append(paragraph[position:])
    # Same length, so offsets hold: the model was trained on straight apostrophes and spaces.
    return "".join(pieces).translate(TYPOGRAPHY), offsets, kept


def as_written(span: Span) -> str:
    """The words of `span` as the paragraph writes them (curly apostrophes, no-break spaces)."""
    paragraph, kept = span.doc.user_data.get("source", (None, ()))
    for frame_start, paragraph_start, length in kept:
        if frame_start <= span.start_char and span.end_char <= frame_start + length:
            shift = paragraph_start - frame_start
            return paragraph[span.start_char + shift : span.end_char + shift]
    return span.text


def token_at(doc: Doc, offset: int) -> Token | None:
    for token in doc:
        if token.idx == offset:
            return token
    return None


@dataclass(frozen=True)
class Pronoun:
    anchor: int
    gender: str | None
