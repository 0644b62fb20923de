"""Dataclasses for the data that flows through the pipeline.

article (cleaned French) → segments (sentences split into quote/frame parts)
→ translation (English parts) → brief (summary + key quotes).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ArticleDate:
    """A publication/update date as the page shows it; the year is often missing."""

    day: int
    month: int
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    raw: str = ""

    def sort_key(self) -> tuple[int, int, int, int, int]:
        # Unknown year sorts as 0 so it never claims to be newer than a dated page.
        return (self.year or 0, self.month, self.day, self.hour or 0, self.minute or 0)

    def isoformat(self) -> str:
        """ISO 8601; without a year this is the `--MM-DD` form."""
        date = f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else f"--{self.month:02d}-{self.day:02d}"
        if self.hour is not None:
            date += f"T{self.hour:02d}:{self.minute or 0:02d}"
        return date

    def to_dict(self) -> dict:
        return {**asdict(self), "iso": self.isoformat()}

    def human(self) -> str:
        text = datetime(2000, self.month, self.day).strftime("%d %B").lstrip("0")
        if self.year:
            text += f" {self.year}"
        if self.hour is not None:
            text += f", {self.hour:02d}:{self.minute or 0:02d}"
        return text


@dataclass(frozen=True)
class RemovedLine:
    """A line dropped by cleaning, with the rule that dropped it."""

    line_number: int
    text: str
    reason: str


@dataclass
class Article:
    """A cleaned French article."""

    source: str
    paragraphs: list[str]
    title: str | None = None
    date: ArticleDate | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    encoding: str = "utf-8"
    source_format: str = "text"
    # Indexes in `paragraphs` of the in-body sub-headings: body text, never summary sentences.
    headings: list[int] = field(default_factory=list)
    # The site that published it (a fetched page's og:site_name, say); None for files.
    site: str | None = None

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Quote:
    """A direct quotation found in the French text."""

    text: str
    opening: str
    closing: str
    paragraph: int
    start: int
    end: int
    speaker: str | None = None
    # A quotation that spans paragraphs is one Quote per paragraph: `opened_in` is the
    # paragraph where it opens (on every part; None for a one-paragraph quotation) and
    # `continues` says that it goes on in the next paragraph (no closing mark here).
    # `opening`/`closing` are "" where the French has no mark at that end.
    opened_in: int | None = None
    continues: bool = False

    @property
    def continued(self) -> bool:
        """This part continues a quotation opened in an earlier paragraph."""
        return self.opened_in is not None and self.opened_in != self.paragraph

    @property
    def marked(self) -> str:
        """The quotation with its original marks (guillemets get French spacing)."""
        before = f"{self.opening}\u00a0" if self.opening in ("«", "‹") else self.opening
        after = f"\u00a0{self.closing}" if self.closing in ("»", "›") else self.closing
        return f"{before}{self.text}{after}"

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Part:
    """A piece of a sentence translated as one unit: a whole quote, or the text around quotes.

    `lead` and `trail` are punctuation and spacing kept verbatim around the translated
    `text`, so the model never sees (and cannot drop or merge) the quotation marks.
    """

    text: str
    quote: Quote | None = None
    lead: str = ""
    trail: str = ""
    # The whole sentence, quotes and marks included, translated only so that the frame
    # reads right in context; assemble() puts the separately translated quotes into it.
    context: bool = False
    # A frame whose inverted French attribution was put in the usual order ("il a ajouté").
    reordered: bool = False

    @property
    def is_quote(self) -> bool:
        return self.quote is not None

    @property
    def is_frame(self) -> bool:
        return self.quote is None and not self.context


@dataclass(frozen=True)
class Segment:
    """One sentence (never cut inside a quote), as parts ready for translation."""

    paragraph: int
    index: int
    text: str
    parts: tuple[Part, ...]

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(p.quote for p in self.parts if p.quote is not None)


@dataclass(frozen=True)
class TranslatedSegment:
    segment: Segment
    parts: tuple[str, ...]
    text: str


@dataclass
class Translation:
    """The English text of an article, segment by segment, paragraph structure kept."""

    segments: list[TranslatedSegment]
    model_id: str
    complete: bool = True

    @property
    def paragraphs(self) -> list[str]:
        grouped: dict[int, list[str]] = {}
        for seg in self.segments:
            grouped.setdefault(seg.segment.paragraph, []).append(seg.text)
        return [" ".join(texts) for _, texts in sorted(grouped.items())]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class BriefQuote:
    """A quotation in English (None when its sentence was not translated), with its
    French original and speaker; `key` when the brief shows it under Key quotes."""

    text: str | None
    original: str
    speaker: str | None
    speaker_en: str | None = None
    # Index of the French paragraph (in `Article.paragraphs`) the quote comes from.
    paragraph: int | None = None
    key: bool = True

    @property
    def marked(self) -> str:
        return f"“{self.text}”"


@dataclass
class Brief:
    """The English brief of one article."""

    source: str
    title: str | None
    title_from: str
    date: ArticleDate | None
    sentences: list[str]
    quotes: list[BriefQuote]
    method: str
    model_id: str
    article: Article
    translation: Translation
    # Every quotation found in the article, key quotes included, in reading order.
    quotations: list[BriefQuote] = field(default_factory=list)

    @property
    def site(self) -> str | None:
        return self.article.site

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "site": self.site,
            "title": self.title,
            "title_from": self.title_from,
            "date": None if self.date is None else self.date.to_dict(),
            "brief": self.sentences,
            "quotes": [
                {
                    "text": q.text,
                    "speaker": q.speaker,
                    "speaker_en": q.speaker_en,
                    "original": q.original,
                    "paragraph": q.paragraph,
                }
                for q in self.quotes
            ],
            "quotations": [
                {
                    "text": q.text,
                    "original": q.original,
                    "speaker": q.speaker,
                    "speaker_en": q.speaker_en,
                    "paragraph": q.paragraph,
                    "key": q.key,
                }
                for q in self.quotations
            ],
            "method": self.method,
            "model": self.model_id,
            "translation_complete": self.translation.complete,
            "body_fr": self.article.body,
            "paragraphs_fr": self.article.paragraphs,
            "headings_fr": self.article.headings,
            "translation_en": self.translation.text if self.translation.complete else None,
            "removed": [asdict(r) for r in self.article.removed],
        }


@dataclass(frozen=True)
class Failure:
    """An input that produced no brief, and why (one line)."""

    source: str
    reason: str
