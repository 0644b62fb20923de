"""Fetched pages kept in the output folder, so that a rerun works offline and resumes.

OUTDIR/.brief-web/ holds, for each URL, the raw bytes as received and a JSON record
(URL, final URL, time, status, content type, charset, SHA-256). A page is fetched once;
later runs read it from here unless --refetch. Feeds are lists of what is new, so they
are fetched on every run; the stored copy is used (with a warning) only when the
network fails.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from translator.errors import FetchError
from translator.files import make_folder, write_atomic
from translator.french.reader import read_bytes
from translator.web.feeds import FeedItem, parse_feed
from translator.web.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, Page, is_web_address

STORE_DIR = ".brief-web"
_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}


class PageStore:
    """The pages of one output folder, by URL."""

    def __init__(self, outdir: Path) -> None:
        self.folder = outdir / STORE_DIR

    def _stem(self, url: str) -> str:
        return hashlib.sha1(url.encode()).hexdigest()[:20]

    def load(self, url: str) -> Page | None:
        """The stored page of `url`, or None (never stored, or its bytes no longer match their hash)."""
        try:
            record = json.loads((self.folder / f"{self._stem(url)}.json").read_text(encoding="utf-8"))
            body = (self.folder / record["file"]).read_bytes()
            page = Page(record["url"], record["final_url"], record["status"], record["media_type"],
                        record["charset"], body, record["fetched_at"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return page if page.url == url and page.sha256 == record.get("sha256") else None

    def save(self, page: Page) -> None:
        make_folder(self.folder)
        stem = self._stem(page.url)
        body_file = stem + _SUFFIXES.get(page.media_type, ".xml" if "xml" in page.media_type else ".bin")
        write_atomic(self.folder / body_file, page.body)
        record = {
            "url": page.url, "final_url": page.final_url, "fetched_at": page.fetched_at, "status": page.status,
            "media_type": page.media_type, "charset": page.charset, "sha256": page.sha256, "bytes": len(page.body),
            "file": body_file,
        }
        write_atomic(self.folder / f"{stem}.json", json.dumps(record, indent=2) + "\n")


class StoredWeb:
    """Pages from the store when there, else fetched and stored; feeds fetched each run."""

    def __init__(self, fetcher: Fetcher, store: PageStore | None = None, refetch: bool = False,
                 warn: Callable[[str], None] | None = None) -> None:
        self.fetcher = fetcher
        self.store = store
        self.refetch = refetch
        self.warn = warn or (lambda message: print(f"brief: warning: {message}", file=sys.stderr))

    def page(self, url: str) -> Page:
        stored = None if self.refetch or self.store is None else self.store.load(url)
        if stored is not None:
            return stored
        page = self.fetcher.fetch(url, PAGE_TYPES)
        if self.store is not None:
            self.store.save(page)
        return page

    def feed(self, source: str) -> list[FeedItem]:
        """The items of a feed given as a URL or a local file."""
        if not is_web_address(source):
            return parse_feed(read_bytes(source, self.fetcher.limits.max_bytes), source)
        try:
            page = self.fetcher.fetch(source, FEED_TYPES)
        except FetchError as exc:
            stored = self.store.load(source) if self.store is not None else None
            if stored is None:
                raise
            self.warn(f"{exc}; using the copy of the feed fetched at {stored.fetched_at}")
            page = stored
        else:
            if self.store is not None:
                self.store.save(page)
        return parse_feed(page.body, source, page.final_url)
