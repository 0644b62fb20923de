"""The combined digest of a batch: every article's title, date, brief and key quotes."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone

from translator.document import ArticleDate, Brief, BriefQuote, Failure
from translator.output.render import code_span, md_text


@dataclass
class DigestEntry:
    """What the digest (and a resumed batch) needs of one article's brief."""

    source: str
    output: str  # the brief's file name in OUTDIR
    title: str | None
    date: ArticleDate | None
    sentences: list[str]
    quotes: list[BriefQuote]
    site: str | None = None

    @classmethod
    def from_brief(cls, brief: Brief, output: str) -> DigestEntry:
        return cls(brief.source, output, brief.title, brief.date, list(brief.sentences), list(brief.quotes),
                   brief.site)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "site": self.site,
            "output": self.output,
            "title": self.title,
            "date": None if self.date is None else self.date.to_dict(),
            "brief": self.sentences,
            "quotes": [asdict(q) for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> DigestEntry:
        date = data.get("date")
        date_fields = {f.name for f in fields(ArticleDate)}
        return cls(
            source=data["source"],
            output=data["output"],
            title=data.get("title"),
            date=ArticleDate(**{k: v for k, v in date.items() if k in date_fields}) if date else None,
            sentences=list(data.get("brief", [])),
            quotes=[BriefQuote(**q) for q in data.get("quotes", [])],
            site=data.get("site"),
        )


def order_entries(entries: list[DigestEntry]) -> list[DigestEntry]:
    """Newest first; undated articles last, in input order."""
    dated = sorted((e for e in entries if e.date), key=lambda e: e.date.sort_key(), reverse=True)  # type: ignore[union-attr]
    return dated + [e for e in entries if not e.date]


def _anchor(number: int) -> str:
    return f"article-{number}"


def digest_markdown(entries: list[DigestEntry], failures: list[Failure]) -> str:
    ordered = order_entries(entries)
    lines = ["# News digest", "", f"{len(ordered)} articles" + (f", {len(failures)} failed" if failures else ""), ""]
    for number, entry in enumerate(ordered, 1):
        when = f" ({entry.date.human()})" if entry.date else ""
        lines.append(f"{number}. [{md_text(entry.title or '(untitled)')}](#{_anchor(number)}){when}")
    for number, entry in enumerate(ordered, 1):
        title = md_text(entry.title or "(untitled)")
        lines += ["", f'<a id="{_anchor(number)}"></a>', "", f"## {number}. {title}", ""]
        meta = [entry.date.human()] if entry.date else []
        meta += [md_text(entry.site)] if entry.site else []
        meta += [f"source: {code_span(entry.source)}", f"[full brief]({entry.output})"]
        lines += [" · ".join(meta), ""]
        lines += [f"- {md_text(sentence)}" for sentence in entry.sentences]
        if entry.quotes:
            lines += ["", "Key quotes:", ""]
            for quote in entry.quotes:
                speaker = quote.speaker_en or quote.speaker
                lines.append(f"> {md_text(quote.marked)}" + (f" — {md_text(speaker)}" if speaker else ""))
                lines.append("")
    if failures:
        lines += ["", "## Failed", ""]
        lines += [f"- {code_span(failure.source)}: {md_text(failure.reason)}" for failure in failures]
    return "\n".join(lines).rstrip() + "\n"


def digest_json(entries: list[DigestEntry], failures: list[Failure], model_id: str) -> str:
    ordered = order_entries(entries)
    data = {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": model_id,
        "count": len(ordered),
        "index": [
            {"title": e.title, "date": None if e.date is None else e.date.isoformat(), "output": e.output}
            for e in ordered
        ],
        "articles": [e.to_dict() for e in ordered],
        "failed": [asdict(failure) for failure in failures],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
