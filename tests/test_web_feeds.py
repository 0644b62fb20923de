"""Feeds (RSS 2.0, RSS 1.0, Atom) and what a page says about itself (title, date, site)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from local_web import LocalWeb, html_page

from translator.errors import FetchError, InputError
from translator.web.feeds import parse_feed, select_items, unique_items
from translator.web.fetch import Fetcher
from translator.web.metadata import page_metadata, parse_when
from translator.web.pages import page_document
from translator.web.store import PageStore, StoredWeb

RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>La Gazette de l'Ouest</title><link>{base}/</link>
<item><title>Tramway</title><link>{base}/tramway</link><guid>tram-1</guid>
<pubDate>Tue, 04 Mar 2025 08:10:00 GMT</pubDate></item>
<item><title>Huîtres</title><link>{base}/ostreiculteurs</link><guid>huitres-1</guid>
<pubDate>Tue, 11 Feb 2025 17:40:00 GMT</pubDate></item>
<item><title>Sans date</title><link>{base}/bibliotheque</link></item>
<item><title>Le même, deux fois</title><link>{base}/tramway</link><guid>tram-2</guid></item>
</channel></rss>"""
RSS1 = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{base}/rss1"><title>Le Fil Breton</title><link>{base}/</link><description>x</description></channel>
<item rdf:about="{base}/bibliotheque"><title>Bibliothèque</title><link>{base}/bibliotheque</link>
<dc:date>2025-01-20T06:30:00Z</dc:date></item>
<item rdf:about="{base}/tramway"><title>Tramway</title><link>{base}/tramway</link>
<dc:date>2025-03-04T08:10:00Z</dc:date></item>
</rdf:RDF>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Actualités de la mer</title><id>urn:mer</id>
<updated>2025-02-11T17:40:00Z</updated>
<entry><title>Huîtres</title><link href="/ostreiculteurs"/><id>urn:huitres</id>
<updated>2025-02-11T17:40:00Z</updated></entry>
</feed>"""
FEEDS = {"/rss2.xml": (RSS2, "application/rss+xml"), "/rss1.rdf": (RSS1, "application/rdf+xml"),
         "/atom.xml": (ATOM, "application/atom+xml")}


def serve_feeds(web: LocalWeb) -> dict[str, str]:
    return {path: web.add(path, body=text.format(base=web.base).encode(), headers={"Content-Type": kind})
            for path, (text, kind) in FEEDS.items()}


def test_each_feed_format_gives_its_items(local_web: LocalWeb) -> None:
    urls = serve_feeds(local_web)
    with Fetcher() as fetcher:
        web = StoredWeb(fetcher)
        rss2, rss1, atom = (web.feed(urls[path]) for path in FEEDS)
    base = local_web.base
    assert [i.link for i in rss2] == [f"{base}/tramway", f"{base}/ostreiculteurs", f"{base}/bibliotheque",
                                      f"{base}/tramway"]
    assert rss2[0].published == datetime(2025, 3, 4, 8, 10, tzinfo=timezone.utc)
    assert rss2[0].feed_title == "La Gazette de l'Ouest" and rss2[2].published is None
    assert [i.link for i in rss1] == [f"{base}/bibliotheque", f"{base}/tramway"]
    assert rss1[0].published == datetime(2025, 1, 20, 6, 30, tzinfo=timezone.utc)
    assert [(i.link, i.title, i.feed_title) for i in atom] == [
        (f"{base}/ostreiculteurs", "Huîtres", "Actualités de la mer")]  # relative link made absolute


def test_items_are_deduplicated_filtered_by_date_and_cut(local_web: LocalWeb) -> None:
    base = local_web.base
    rss2 = parse_feed(RSS2.format(base=base).encode(), "rss2")
    rss1 = parse_feed(RSS1.format(base=base).encode(), "rss1")
    seen: set[str] = set()
    first = unique_items(rss2, seen)
    assert [i.guid for i in first] == ["tram-1", "huitres-1", None]  # the repeated link once
    assert [i.link for i in unique_items(rss1, seen)] == []  # both already given by the first feed
    since = datetime(2025, 3, 1, tzinfo=timezone.utc)
    assert [i.title for i in select_items(rss2, since)] == ["Tramway", "Sans date", "Le même, deux fois"]
    assert [i.title for i in select_items(rss2, max_items=2)] == ["Tramway", "Huîtres"]  # the newest


def test_a_feed_from_a_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(ATOM.replace('href="/ostreiculteurs"', 'href="https://example.org/o"'), encoding="utf-8")
    with Fetcher() as fetcher:
        assert [i.link for i in StoredWeb(fetcher).feed(str(feed))] == ["https://example.org/o"]


@pytest.mark.parametrize("data", [b"<rss><channel><item><title>cut", b"<html><body><p>Une page</p></body></html>",
                                  b"\x00\x01 binary"])
def test_something_else_is_a_malformed_feed(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^feed: malformed feed, not RSS or Atom"):
        parse_feed(data, "feed")


def test_a_feed_is_fetched_every_run_and_the_stored_copy_serves_when_offline(local_web: LocalWeb,
                                                                                tmp_path: Path) -> None:
    urls = serve_feeds(local_web)
    warnings: list[str] = []
    with Fetcher() as fetcher:
        web = StoredWeb(fetcher, PageStore(tmp_path), warn=warnings.append)
        assert len(web.feed(urls["/atom.xml"])) == 1
        local_web.add("/atom.xml", status=500)
        assert len(web.feed(urls["/atom.xml"])) == 1  # the copy kept in OUTDIR
        assert len(local_web.hits("/atom.xml")) == 2
        assert warnings and "HTTP 500" in warnings[0] and "using the copy of the feed fetched at" in warnings[0]
        local_web.add("/gone.xml", status=404)
        with pytest.raises(FetchError, match="HTTP 404"):
            web.feed(local_web.url("/gone.xml"))


def test_page_metadata_in_order_of_trust() -> None:
    og = page_metadata(html_page("tramway").decode())
    assert og.title == "Le tramway de Brest prolongé jusqu'au port de commerce"
    assert og.published == datetime(2025, 3, 4, 9, 10) and og.site == "La Gazette de l'Ouest"
    json_ld = page_metadata(
        '<html><head><title>Autre titre | Le Site</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"},'
        ' {"@type": ["NewsArticle"], "headline": "Le titre JSON-LD", "datePublished": "2025-02-01",'
        ' "publisher": {"@type": "Organization", "name": "Le Journal"}}]}</script></head><body></body></html>')
    assert (json_ld.title, json_ld.published, json_ld.site) == ("Le titre JSON-LD", date(2025, 2, 1), "Le Journal")
    bare = page_metadata("<html><head><title> Un  titre </title></head><body><p>x</p></body></html>")
    assert (bare.title, bare.published, bare.site) == ("Un titre", None, None)
    assert page_metadata('<script type="application/ld+json">{not json</script>').title is None
    assert parse_when("2025-03-04T09:10:00Z") == datetime(2025, 3, 4, 9, 10) and parse_when("hier") is None


def test_the_feed_item_fills_in_what_the_page_does_not_say(local_web: LocalWeb) -> None:
    from translator.web.feeds import FeedItem

    url = local_web.add("/bare", body=html_page("bibliotheque", meta=False).replace(b"<title>", b"<title>x").replace(
        b" | La Gazette de l'Ouest", b""))
    item = FeedItem(url, None, "Titre du flux", datetime(2025, 1, 20, 6, 30, tzinfo=timezone.utc), "Le Fil Breton")
    with Fetcher() as fetcher:
        document = page_document(fetcher.fetch(url), item)
    assert document.site == "Le Fil Breton"  # no og:site_name: the feed's title
    assert document.published == datetime(2025, 1, 20, 6, 30)
    with Fetcher() as fetcher:
        alone = page_document(fetcher.fetch(url))
    assert alone.site == "127.0.0.1"  # the host, at last
