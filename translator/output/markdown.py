"""Untrusted page text written into Markdown: shown as text, never read as a link,
emphasis or raw HTML by whatever renders the file."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def markdown_text(text: str) -> str:
    """Page text for Markdown: its brackets, marks and angle brackets shown, never read as
    links, emphasis or raw HTML (page text is untrusted)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_code(text: str) -> str:
    """A code span that no backtick in `text` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}" if longest else f"`{text}`"


def markdown_target(target: str) -> str:
    """A link destination for a file name: spaces, parentheses and angle brackets allowed."""
    if not re.search(r"[\s()<>\\]", target):
        return target
    return "<" + re.sub(r"([\\<>])", r"\\\1", target).replace("\n", "%0A") + ">"
