"""Cut an article into segments (sentences) and parts (quotes vs. surrounding text)."""

from __future__ import annotations

import re

from .document import Article, Part, Quote, Segment
from .sentences import split_spans

_LEAD = re.compile(r"^[\s\u00a0\u202f,;:)\]—–\-]+")
_TRAIL = re.compile(r"[\s\u00a0\u202f,;:(\[—–\-]+$")


def frame_part(text: str) -> Part | None:
    """The text between quotes, with its edge punctuation kept outside the unit."""
    if not text:
        return None
    if not any(ch.isalnum() for ch in text):
        return Part(text="", lead=text)
    lead = _LEAD.match(text)
    trail = _TRAIL.search(text)
    start = lead.end() if lead else 0
    end = trail.start() if trail else len(text)
    return Part(text=text[start:end], lead=text[:start], trail=text[end:])


def segment_article(article: Article, quotes: list[Quote]) -> list[Segment]:
    """Sentences of every paragraph, each split into frame and quote parts."""
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    segments: list[Segment] = []
    for number, paragraph in enumerate(article.paragraphs):
        paragraph_quotes = by_paragraph.get(number, [])
        for start, end in split_spans(paragraph):
            parts: list[Part] = []
            position = start
            for quote in paragraph_quotes:
                if quote.start < start or quote.end > end:
                    continue
                part = frame_part(paragraph[position : quote.start])
                if part:
                    parts.append(part)
                parts.append(Part(text=quote.text, quote=quote))
                position = quote.end
            part = frame_part(paragraph[position:end])
            if part:
                parts.append(part)
            segments.append(Segment(number, len(segments), paragraph[start:end], tuple(parts)))
    return segments


def units(segments: list[Segment]) -> list[str]:
    """The texts to send to the model, in order (quotes and frames alike)."""
    return [part.text for segment in segments for part in segment.parts if part.text]


_SPACE = re.compile(r"[\s\u00a0\u202f]+")


def english_typography(text: str) -> str:
    """French spacing to English: no space before : ; ! ?, plain spaces, tidy edges."""
    text = _SPACE.sub(" ", text)
    text = re.sub(r" ([,.;:!?…)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r"”(?=[A-Za-z0-9])", "” ", text)
    return text.strip()


def assemble(segment: Segment, translated: list[str]) -> str:
    """Rebuild one English sentence from its translated parts; quotes get “ ” marks."""
    pieces: list[str] = []
    it = iter(translated)
    for part in segment.parts:
        english = next(it) if part.text else ""
        if part.is_quote:
            pieces.append(f"“{english.strip()}”")
        else:
            pieces.append(part.lead + english.strip() + part.trail)
    return english_typography("".join(pieces))
