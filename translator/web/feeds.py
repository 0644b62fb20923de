"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, through feedparser: the items to brief.

Items are deduplicated by link and by guid (across feeds too), filtered by
`--since` (items without a date are kept: nothing says they are old) and cut to the
`--max-items` newest of each feed.
"""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from translator.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: the page to fetch and what the feed says about it."""

    link: str
    guid: str | None
    title: str | None
    published: datetime | None  # UTC
    feed_title: str | None


def parse_feed(data: bytes, source: str, base_url: str | None = None) -> list[FeedItem]:
    """The items of a feed document; InputError when it is not a feed."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    feed_title = parsed.feed.get("title") or None
    items = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        guid = (entry.get("id") or "").strip() or None
        if not link and guid and guid.startswith(("http://", "https://")):
            link = guid  # RSS 2.0: a permalink guid with no <link>
        if link:
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            published = datetime.fromtimestamp(calendar.timegm(when), timezone.utc) if when else None
            items.append(FeedItem(link, guid, (entry.get("title") or "").strip() or None, published, feed_title))
    # Like every feed reader, take the items a slightly broken feed still gives; with none,
    # it is a malformed feed (or not a feed at all), unless it is a well-formed empty one.
    if not items and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).splitlines()[0]})" if problem else ""
        raise InputError(f"{source}: malformed feed, not RSS or Atom{detail}")
    return items


def select_items(items: Iterable[FeedItem], since: datetime | None = None, max_items: int | None = None) -> list[FeedItem]:
    """Items newer than `since` (undated ones kept), the `max_items` newest first."""
    kept = [item for item in items if since is None or item.published is None or item.published >= since]
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    kept.sort(key=lambda item: item.published or oldest, reverse=True)  # stable: undated keep feed order
    return kept[:max_items] if max_items else kept


def unique_items(items: Iterable[FeedItem], seen: set[str] | None = None) -> list[FeedItem]:
    """Each item once, by link and by guid; `seen` carries what earlier feeds gave."""
    seen = set() if seen is None else seen
    unique = []
    for item in items:
        keys = {item.link} | ({item.guid} if item.guid else set())
        if keys & seen:
            continue
        seen |= keys
        unique.append(item)
    return unique
