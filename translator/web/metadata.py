"""What a page says about itself: title, publication time and site name.

In order of trust: Open Graph and `article:*` meta tags, then JSON-LD (`NewsArticle`
and kin), then plain meta tags and `<title>`. Page text is untrusted: values are only
read as strings, never kept as markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "pubdate", "publish-date", "sailthru.date", "parsely-pub-date")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    published: date | None = None  # a datetime when the page gives the time
    site: str | None = None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset>` or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def site_of(url: str) -> str:
    """A site name from a URL when the page names none: its host without "www."."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def page_metadata(html: str) -> PageMetadata:
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1) or "<html/>")
    except (ParserError, ValueError):
        return PageMetadata()
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = _text(meta.get("content"))
        if key and content:
            metas.setdefault(key, content)
    article = next(_json_ld_articles(tree), {})
    publisher = article.get("publisher")
    titles = [metas.get("og:title"), _text(article.get("headline")), metas.get("twitter:title"),
              _text(tree.findtext(".//title"))]
    dates = [metas.get("article:published_time"), _text(article.get("datePublished"))]
    dates += [metas.get(key) for key in _DATE_META[2:]]
    sites = [metas.get("og:site_name"), _text(publisher.get("name")) if isinstance(publisher, dict) else None,
             metas.get("application-name")]
    return PageMetadata(
        title=next((t for t in titles if t), None),
        published=next((d for d in map(parse_when, dates) if d), None),
        site=next((s for s in sites if s), None),
    )


def parse_when(value: str | None) -> date | None:
    """An ISO 8601 date or date-time as the page wrote it (its local time kept, the offset dropped)."""
    if not value:
        return None
    value = value.strip()
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if len(value) <= 10:
        return when.date()
    return when.replace(tzinfo=None)


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACES.sub(" ", value).strip()
    return text or None


_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "opinionnewsarticle", "backgroundnewsarticle", "report", "liveblogposting"}


def _json_ld_articles(tree) -> Iterator[dict]:
    """Article-like objects of the page's JSON-LD blocks (lists and @graph flattened)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                    yield item
                stack.extend(v for k, v in item.items() if k == "@graph")
