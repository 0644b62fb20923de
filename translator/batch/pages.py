"""Web pages as batch inputs: URLs, files listing URLs, and the items of RSS/Atom feeds.

A page's content hash is the SHA-256 of its bytes as fetched (or as stored in
OUTDIR/.brief-web by an earlier run), so a page that changed is briefed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from translator.batch.inputs import Loaded, Source, read_list
from translator.document import Failure
from translator.errors import BriefError
from translator.web.feeds import FeedItem, select_items, unique_items
from translator.web.fetch import is_web_address
from translator.web.pages import page_document
from translator.web.store import StoredWeb

URL_LIST_MAX_BYTES = 1_000_000  # a file of URLs is small; an article file is never read here whole
_NOT_STEM = re.compile(r"[^A-Za-z0-9_-]+")
_WEB_SUFFIX = re.compile(r"\.(s?html?|php|aspx?|jsp|cms)$", re.IGNORECASE)


@dataclass(frozen=True)
class PageSource:
    """One web page; `item` is the feed item that linked to it, if any."""

    url: str
    web: StoredWeb = field(compare=False, repr=False)
    item: FeedItem | None = None
    remote = True

    @property
    def key(self) -> str:
        return self.url

    @property
    def label(self) -> str:
        return self.url

    @property
    def stem(self) -> str:
        return url_stem(self.url)

    def load(self, max_bytes: int) -> Loaded:
        page = self.web.page(self.url)  # the fetcher's limits carry --max-bytes
        return Loaded(page.sha256, lambda: page_document(page, self.item))


def url_stem(url: str) -> str:
    """A file stem for a URL's brief: its last path segment ("la-greve-des-ferries"), else its host."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    name = _WEB_SUFFIX.sub("", segments[-1]) if segments else ""
    stem = _NOT_STEM.sub("-", name).strip("-")[:80] or _NOT_STEM.sub("-", parts.hostname or "").strip("-")
    return stem.lower() or "page"


def is_url_list(path: Path) -> bool:
    """A small file whose every line (blank lines and # comments aside) is a URL."""
    try:
        if not path.is_file() or path.stat().st_size > URL_LIST_MAX_BYTES:
            return False
        lines = read_list(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False
    return bool(lines) and all(is_web_address(line) and " " not in line for line in lines)


def split_arguments(arguments: Iterable[str]) -> tuple[list[str], list[str]]:
    """(URLs, other arguments); a file listing URLs gives its URLs."""
    urls: list[str] = []
    others: list[str] = []
    for argument in arguments:
        if is_web_address(argument):
            urls.append(argument.strip())
        elif is_url_list(Path(argument)):
            urls += read_list(Path(argument).read_text(encoding="utf-8").splitlines())
        else:
            others.append(argument)
    return urls, others


def web_sources(
    urls: Sequence[str],
    feeds: Sequence[str],
    web: StoredWeb,
    since: datetime | None = None,
    max_items: int | None = None,
) -> tuple[list[Source], list[Failure]]:
    """Page sources for URLs and for the items of feeds (each page once); a feed that
    cannot be read is one failure, and the others go on."""
    seen: set[str] = set()
    sources: list[Source] = []
    for url in urls:
        if url not in seen:
            seen.add(url)
            sources.append(PageSource(url, web))
    failures: list[Failure] = []
    for feed in feeds:
        try:
            items = unique_items(select_items(web.feed(feed), since, max_items), seen)
        except BriefError as exc:
            failures.append(Failure(feed, str(exc).removeprefix(f"{feed}: ")))
            continue
        if not items:
            web.warn(f"{feed}: no items" + (" since the --since date" if since else ""))
        sources += [PageSource(item.link, web, item) for item in items]
    return sources, failures
