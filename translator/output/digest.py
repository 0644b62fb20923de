"""The combined digest of a batch as Markdown and JSON: its stories (articles about one
event, grouped across sources), newest first, each with its brief, key quotes and sources."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from translator.document import ArticleDate, Brief, BriefQuote, Failure
from translator.output.markdown import markdown_code, markdown_target, markdown_text

if TYPE_CHECKING:  # pragma: no cover
    from translator.output.stories import Story


@dataclass
class DigestEntry:
    """What the digest (and a resumed batch) needs of one article's brief: the English brief,
    and the French side that grouping and the HTML digest's originals read."""

    source: str
    output: str  # the brief's file name in OUTDIR
    title: str | None
    date: ArticleDate | None
    sentences: list[str]
    quotes: list[BriefQuote]
    title_fr: str | None = None
    paragraphs_fr: list[str] = field(default_factory=list)
    site: str | None = None
    title_from: str = "page"  # "page": the page's headline; "lead": made from its first sentence

    @classmethod
    def from_brief(cls, brief: Brief, output: str) -> DigestEntry:
        article = brief.article
        return cls(
            brief.source, output, brief.title, brief.date, list(brief.sentences), list(brief.quotes),
            article.title, list(article.paragraphs), article.site, brief.title_from,
        )

    @property
    def words_fr(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.paragraphs_fr)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "site": self.site,
            "output": self.output,
            "title": self.title,
            "date": None if self.date is None else self.date.to_dict(),
            "brief": self.sentences,
            "quotes": [asdict(q) for q in self.quotes],
            "title_from": self.title_from,
            "title_fr": self.title_fr,
            "paragraphs_fr": self.paragraphs_fr,
        }

    @classmethod
    def from_dict(cls, data: dict) -> DigestEntry:
        """Raises KeyError for a record of an older version (no French side): it is redone."""
        date = data.get("date")
        date_fields = {f.name for f in fields(ArticleDate)}
        return cls(
            source=data["source"],
            output=data["output"],
            title=data.get("title"),
            date=ArticleDate(**{k: v for k, v in date.items() if k in date_fields}) if date else None,
            sentences=list(data.get("brief", [])),
            quotes=[BriefQuote(**q) for q in data.get("quotes", [])],
            title_fr=data.get("title_fr"),
            paragraphs_fr=list(data["paragraphs_fr"]),
            site=data.get("site"),
            title_from=data.get("title_from", "page"),
        )


def _anchor(number: int) -> str:
    return f"story-{number}"


def _source_line(entry: DigestEntry) -> str:
    parts = [entry.title or "(untitled)"]
    parts += [entry.date.human()] if entry.date else []
    parts += [entry.site] if entry.site else []
    return (
        markdown_text(" · ".join(parts))
        + f" — {markdown_code(entry.source)} · [brief]({markdown_target(entry.output)})"
    )


def _quote_line(quote: BriefQuote, via: DigestEntry | None = None) -> str:
    speaker = quote.speaker_en or quote.speaker
    credit = " — ".join(filter(None, [speaker, via and (via.site or via.source)]))
    return f"> {markdown_text(quote.marked + (f' — {credit}' if credit else ''))}"


def digest_markdown(stories: list[Story], failures: list[Failure]) -> str:
    """Stories as given (see `stories.order_stories`), an index first, failures last."""
    articles = sum(len(story.sources) for story in stories)
    counts = f"{len(stories)} {'story' if len(stories) == 1 else 'stories'} from {articles} articles"
    counts += f", {len(failures)} failed" if failures else ""
    lines = ["# News digest", "", counts, ""]
    for number, story in enumerate(stories, 1):
        when = f" ({story.date.human()})" if story.date else ""
        lines.append(f"{number}. [{markdown_text(story.title or '(untitled)')}](#{_anchor(number)}){when}")
    for number, story in enumerate(stories, 1):
        lead = story.lead
        title = markdown_text(story.title or "(untitled)")
        lines += ["", f'<a id="{_anchor(number)}"></a>', "", f"## {number}. {title}", ""]
        meta = [story.date.human()] if story.date else []
        if len(story.sources) > 1:
            meta.append(f"{len(story.sources)} sources")
        else:
            meta += [markdown_text(lead.site)] if lead.site else []
            meta.append(f"source: {markdown_code(lead.source)}")
        meta += [f"[full brief]({markdown_target(lead.output)})"]
        lines += [" · ".join(meta), ""]
        lines += [f"- {markdown_text(sentence)}" for sentence in lead.sentences]
        if lead.quotes or story.more_quotes:
            lines += ["", "Key quotes:", ""]
            for quote in lead.quotes:
                lines += [_quote_line(quote), ""]
            for via, quote in story.more_quotes:
                lines += [_quote_line(quote, via), ""]
        if len(story.sources) > 1:
            lines += ["", "Sources:", ""]
            lines += [f"- {_source_line(entry)}" for entry in story.sources]
    if failures:
        lines += ["", "## Failed", ""]
        lines += [f"- {markdown_code(failure.source)}: {markdown_text(failure.reason)}" for failure in failures]
    return "\n".join(lines).rstrip() + "\n"


def _date_json(value: ArticleDate | None) -> str | None:
    return None if value is None else value.isoformat()


def digest_json(stories: list[Story], failures: list[Failure], model_id: str) -> str:
    """`stories` (each naming its sources' outputs), `articles` in story order, `failed`."""
    articles = [entry for story in stories for entry in story.sources]
    data = {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": model_id,
        "count": len(articles),
        "index": [{"title": e.title, "date": _date_json(e.date), "output": e.output} for e in articles],
        "stories": [
            {
                "title": story.title,
                "date": _date_json(story.date),
                "lead": story.lead.output,
                "sources": [
                    {"output": e.output, "source": e.source, "site": e.site, "title": e.title,
                     "date": _date_json(e.date)}
                    for e in story.sources
                ],
                "brief": story.lead.sentences,
                "quotes": [{**asdict(q), "output": story.lead.output} for q in story.lead.quotes]
                + [{**asdict(q), "output": via.output} for via, q in story.more_quotes],
            }
            for story in stories
        ],
        "articles": [e.to_dict() for e in articles],
        "failed": [asdict(failure) for failure in failures],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
