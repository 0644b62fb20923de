"""Render a brief (or a cleaned article) as text, Markdown or JSON."""

from __future__ import annotations

import json
import re
import textwrap

from translator.document import Article, Brief

FORMATS = ("text", "markdown", "json")


_MARKUP = re.compile(r"([\\`<>\[\]])")


def md_text(text: str) -> str:
    """Page text made inert in Markdown: no HTML tag, link or code span can start in it."""
    return _MARKUP.sub(r"\\\1", text)


def code_span(text: str) -> str:
    """`text` as a Markdown code span, fenced with more backticks than it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _speaker(speaker: str | None, escape=str) -> str:
    return f" — {escape(speaker)}" if speaker else ""


def brief_text(brief: Brief) -> str:
    lines = [brief.title or "(untitled)"]
    if brief.date:
        lines.append(f"Date: {brief.date.human()}")
    lines.append(f"Source: {brief.source}")
    if brief.site:
        lines.append(f"Site: {brief.site}")
    lines += ["", "Summary"]
    lines += [textwrap.fill(s, 88, initial_indent="- ", subsequent_indent="  ") for s in brief.sentences]
    if brief.quotes:
        lines += ["", "Key quotes"]
        for quote in brief.quotes:
            text = quote.marked + _speaker(quote.speaker_en or quote.speaker)
            lines.append(textwrap.fill(text, 88, initial_indent="- ", subsequent_indent="  "))
    return "\n".join(lines) + "\n"


def brief_markdown(brief: Brief, heading: str = "#") -> str:
    lines = [f"{heading} {md_text(brief.title or '(untitled)')}", ""]
    meta = [f"*{brief.date.human()}*"] if brief.date else []
    meta += [md_text(brief.site)] if brief.site else []
    meta.append(f"source: {code_span(brief.source)}")
    lines += [" · ".join(meta), "", f"{heading}# Summary", ""]
    lines += [f"- {md_text(s)}" for s in brief.sentences]
    if brief.quotes:
        lines += ["", f"{heading}# Key quotes", ""]
        for quote in brief.quotes:
            lines.append(f"> {md_text(quote.marked)}{_speaker(quote.speaker_en or quote.speaker, md_text)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def brief_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_brief(brief: Brief, fmt: str) -> str:
    if fmt == "json":
        return brief_json(brief)
    if fmt == "markdown":
        return brief_markdown(brief)
    return brief_text(brief)


def render_clean(article: Article, fmt: str, show_removed: bool = False) -> str:
    """The cleaned body; with JSON or --show-removed, also what was dropped and why."""
    if fmt == "json":
        data = {
            "source": article.source,
            "format": article.source_format,
            "encoding": article.encoding,
            "title": article.title,
            "date": None if article.date is None else article.date.isoformat(),
            "paragraphs": article.paragraphs,
            "headings": article.headings,
            "removed": [{"line": r.line_number, "reason": r.reason, "text": r.text} for r in article.removed],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        headings = set(article.headings)
        body = "\n\n".join(f"## {p}" if i in headings else p for i, p in enumerate(article.paragraphs))
    else:
        body = "\n".join(article.paragraphs)
    if not show_removed:
        return body + "\n"
    removed = [f"  line {r.line_number:>3} [{r.reason}] {r.text}" for r in article.removed]
    report = body + "\n\n--- removed ---\n" + "\n".join(removed) + "\n"
    if article.headings:
        report += "\n--- sub-headings (kept, never summary sentences) ---\n"
        report += "".join(f"  {article.paragraphs[i]}\n" for i in article.headings)
    return report
