"""Render a brief (or a cleaned article) as text, Markdown, JSON or HTML."""

from __future__ import annotations

import json
import re
import textwrap

from translator.document import Article, Brief
from translator.output.markdown import markdown_code, markdown_text

FORMATS = ("text", "markdown", "json", "html")
CLEAN_FORMATS = ("text", "markdown", "json")


def _speaker(speaker: str | None) -> str:
    return f" — {speaker}" if speaker else ""


def _markdown_safe(text: str) -> str:
    """Page text as plain Markdown text: no HTML, and no line start read as a heading, list or quote."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"^(\s*)([#*+\-=|]|\d+[.)])", r"\1\\\2", text)


def _translation_markdown(brief: Brief, heading: str = "#") -> list[str]:
    """The whole English body, paragraph by paragraph (sub-headings as headings), when it was translated."""
    if not brief.translation.complete or not brief.translation.segments:
        return []
    headings = set(brief.article.headings)
    lines = [f"{heading}# Translation", ""]
    for number, paragraph in enumerate(brief.translation.paragraphs):
        lines += [f"{heading}## {_markdown_safe(paragraph)}" if number in headings else _markdown_safe(paragraph), ""]
    return lines


def _translation_text(brief: Brief) -> list[str]:
    if not brief.translation.complete or not brief.translation.segments:
        return []
    lines = ["", "Translation"]
    for paragraph in brief.translation.paragraphs:
        lines += [textwrap.fill(paragraph, 88), ""]
    return lines[:-1]


def brief_text(brief: Brief, full_text: bool = False) -> str:
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
    if full_text:
        lines += _translation_text(brief)
    return "\n".join(lines) + "\n"


def brief_markdown(brief: Brief, heading: str = "#", full_text: bool = False) -> str:
    lines = [f"{heading} {markdown_text(brief.title or '(untitled)')}", ""]
    meta = [f"*{brief.date.human()}*"] if brief.date else []
    meta += [markdown_text(brief.site)] if brief.site else []
    meta.append(f"source: {markdown_code(brief.source)}")
    lines += [" · ".join(meta), "", f"{heading}# Summary", ""]
    lines += [f"- {markdown_text(s)}" for s in brief.sentences]
    if brief.quotes:
        lines += ["", f"{heading}# Key quotes", ""]
        for quote in brief.quotes:
            lines.append(f"> {markdown_text(quote.marked + _speaker(quote.speaker_en or quote.speaker))}")
            lines.append("")
    translation = _translation_markdown(brief, heading) if full_text else []
    if translation:
        lines += ([""] if lines[-1] else []) + translation
    return "\n".join(lines).rstrip() + "\n"


def brief_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_brief(brief: Brief, fmt: str, full_text: bool = False) -> str:
    """The brief in `fmt`. JSON always carries the whole translation when there is one;
    `full_text` adds it to text and Markdown too, after the brief (as `brief batch` does)."""
    if fmt == "json":
        return brief_json(brief)
    if fmt == "markdown":
        return brief_markdown(brief, full_text=full_text)
    if fmt == "html":
        from translator.output.html import brief_html

        return brief_html(brief)
    return brief_text(brief, full_text)


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
