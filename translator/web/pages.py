"""A fetched page as a `RawDocument`: decoded, its article extracted, its metadata read.

HTML goes through the same path as an HTML file (trafilatura, then the cleaning rules).
Title, date and site come from the page's own metadata first, then the feed item that
linked to it (trafilatura's title before the feed's; its date, possibly guessed, after),
and the site at last from the host name.
"""

from __future__ import annotations

from translator.french.reader import RawDocument, decode_bytes, extract_html, looks_like_html
from translator.web.feeds import FeedItem
from translator.web.fetch import Page
from translator.web.metadata import PageMetadata, meta_charset, page_metadata, site_of

HTML_TYPES = ("text/html", "application/xhtml+xml")


def page_document(page: Page, item: FeedItem | None = None) -> RawDocument:
    """The page read as an article, as `read_document` reads a file."""
    name = page.url
    text, encoding = decode_bytes(page.body, name, page.charset or meta_charset(page.body))
    is_html = page.media_type in HTML_TYPES or (not page.media_type and looks_like_html(text))
    if is_html:
        body, title, published, extracted_site = extract_html(text, name)
        meta = page_metadata(text)
    else:
        body, title, published, extracted_site, meta = text, None, None, None, PageMetadata()
    feed_date = item.published.replace(tzinfo=None) if item and item.published else None
    return RawDocument(
        name,
        body,
        encoding,
        "html" if is_html else "text",
        title=meta.title or title or (item.title if item else None),
        # trafilatura's date may be a guess (a "© 2025" footer): the feed's own date comes first.
        published=meta.published or feed_date or published,
        site=meta.site or (item.feed_title if item else None) or extracted_site or site_of(page.final_url),
    )
