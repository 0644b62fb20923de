"""`brief batch` and `brief translate` on web pages and feeds served from 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import UpperRecipe, UpperTranslator, run_brief
from local_web import ARTICLES, SITE, LocalWeb, html_page, unknown_host_names
from markupsafe import escape
from test_web_feeds import RSS2

from translator.batch.driver import BatchSettings, run_batch
from translator.batch.pages import split_arguments, url_stem, web_sources
from translator.summary.compose import BriefOptions
from translator.web.fetch import Fetcher, FetchLimits
from translator.web.store import STORE_DIR, PageStore, StoredWeb

ENGLISH = (b"<html lang='en'><head><title>Council news</title></head><body><article><p>The city council voted on "
           b"Monday to close the old bridge for repairs, which will take a whole year to finish.</p><p>Drivers "
           b"will have to use the ring road until the work is done next spring, the mayor said.</p></article>"
           b"</body></html>")
SETTINGS = BatchSettings(options=BriefOptions(sentences=2, quotes=1), use_cache=False)


def serve_site(web: LocalWeb) -> dict[str, str]:
    """The three articles, a robots.txt closing /prive/, and pages that must fail."""
    web.add("/robots.txt", body=b"User-agent: *\nDisallow: /prive/\n", headers={"Content-Type": "text/plain"})
    urls = {name: web.add(f"/{name}", body=html_page(name)) for name in ARTICLES}
    urls["missing"] = web.url("/missing")
    urls["pdf"] = web.add("/rapport.pdf", body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    urls["private"] = web.add("/prive/note", body=html_page("tramway"))
    urls["english"] = web.add("/english", body=ENGLISH)
    return urls


def batch_on(web_inputs: list[str], out: Path, recipe=None, refetch: bool = False, feeds=(), settings=SETTINGS):
    with Fetcher(FetchLimits(read_timeout=5)) as fetcher:
        stored = StoredWeb(fetcher, PageStore(out), refetch)
        sources, failures = web_sources(web_inputs, feeds, stored)
        return run_batch(sources, out, settings, recipe or UpperRecipe(), failures)


def test_pages_are_briefed_and_each_failure_is_one_line(local_web: LocalWeb, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    asked = unknown_host_names(monkeypatch)  # nowhere.invalid fails as the resolver fails it, without a query
    urls = serve_site(local_web)
    out = tmp_path / "out"
    report = batch_on([*urls.values(), "ftp://127.0.0.1/x", "http://nowhere.invalid/"], out)

    assert sorted(e.source for e in report.done) == sorted(urls[name] for name in ARTICLES)
    reasons = {f.source: f.reason for f in report.failed}
    assert reasons == {
        urls["missing"]: "HTTP 404 Not Found",
        urls["pdf"]: "not an HTML page (the server sends application/pdf)",
        urls["private"]: f"robots.txt of {urls['private'].split('/')[2]} disallows {urls['private']}",
        urls["english"]: reasons[urls["english"]],
        "ftp://127.0.0.1/x": "unsupported scheme 'ftp' (only http and https)",
        "http://nowhere.invalid/": "DNS failure: cannot resolve nowhere.invalid",
    }
    assert "French" in reasons[urls["english"]]
    assert asked == ["nowhere.invalid"]
    brief = (out / "tramway.md").read_text()
    assert brief.startswith("# LE TRAMWAY DE BREST")  # the tiny model upper-cases; og:title, not <title>
    assert f"*4 March 2025, 09:10* · {SITE} · source: `{urls['tramway']}`" in brief
    digest = json.loads((out / "digest.json").read_text())
    assert [a["site"] for a in digest["articles"]] == [SITE] * 3
    assert [a["output"] for a in digest["articles"]] == ["tramway.md", "ostreiculteurs.md", "bibliotheque.md"]
    stored = sorted(p.suffix for p in (out / STORE_DIR).iterdir())
    assert stored == [".html"] * 4 + [".json"] * 4  # the three articles and the English page: what was fetched


def test_a_rerun_is_offline_and_a_changed_page_is_briefed_again(local_web: LocalWeb, tmp_path: Path) -> None:
    urls = serve_site(local_web)
    articles = [urls[name] for name in ARTICLES]
    out = tmp_path / "out"
    batch_on(articles, out)
    written = {p.name: p.read_bytes() for p in out.glob("*.md") if p.name != "digest.md"}
    fetched = len(local_web.requests)

    again = batch_on(articles, out)  # from the pages kept in OUTDIR: no request at all
    assert len(again.skipped) == 3 and not again.done and not again.failed
    assert len(local_web.requests) == fetched
    assert {p.name: p.read_bytes() for p in out.glob("*.md") if p.name != "digest.md"} == written

    local_web.add("/tramway", body=html_page("tramway").replace(b"lundi", b"mardi"))
    kept = batch_on(articles, out)
    assert len(kept.skipped) == 3  # without --refetch, the stored copy stands
    refetched = batch_on(articles, out, refetch=True)
    assert [e.source for e in refetched.done] == [urls["tramway"]] and len(refetched.skipped) == 2
    assert "MARDI" in (out / "tramway.md").read_text()


def test_pages_briefed_only_then_given_their_whole_translation_offline(local_web: LocalWeb, tmp_path: Path) -> None:
    """Briefs first for web pages too: a --brief-only run, then a full run adds only the translations."""
    urls = serve_site(local_web)
    articles = [urls[name] for name in ARTICLES]
    out = tmp_path / "out"
    brief_only = BatchSettings(options=BriefOptions(sentences=2, quotes=1, translate_all=False), use_cache=False)
    first = batch_on(articles, out, settings=brief_only)
    assert len(first.done) == len(ARTICLES) and first.digest_seconds is not None and not first.full_texts
    briefs = sorted(out.glob("*.md"))
    assert briefs and not any("# Translation" in p.read_text() for p in briefs if p.name != "digest.md")
    fetched = len(local_web.requests)

    full = batch_on(articles, out)  # the pages kept in OUTDIR: no request
    assert len(local_web.requests) == fetched
    assert not full.done and len(full.skipped) == len(ARTICLES) and full.full_texts == len(ARTICLES)
    assert all("# Translation" in (out / e.output).read_text() for e in full.skipped)
    records = [json.loads(p.read_text()) for p in (out / ".brief-batch").glob("*.json")]
    assert sorted(r["source"] for r in records) == sorted(articles) and all(r["full"] for r in records)


def test_a_feed_in_the_batch(local_web: LocalWeb, tmp_path: Path) -> None:
    serve_site(local_web)
    feed = local_web.add("/rss2.xml", body=RSS2.format(base=local_web.base).encode(),
                         headers={"Content-Type": "application/rss+xml"})
    report = batch_on([local_web.url("/tramway")], tmp_path / "out", feeds=[feed, local_web.url("/missing")])
    assert sorted(Path(e.source).name for e in report.done) == ["bibliotheque", "ostreiculteurs", "tramway"]
    assert [(f.source, f.reason) for f in report.failed] == [(local_web.url("/missing"), "HTTP 404 Not Found")]
    assert len(local_web.hits("/tramway")) == 1  # given as a URL and twice by the feed: fetched once


def test_fetching_overlaps_translation(local_web: LocalWeb, tmp_path: Path) -> None:
    """While the model translates the first sub-batch, later pages are still being fetched."""
    import time

    paths = [local_web.add(f"/{name}-{n}", body=html_page(name), delay=0.3) for n in range(2) for name in ARTICLES]

    class Timed(UpperTranslator):
        first_call: float | None = None

        def translate(self, texts):
            Timed.first_call = Timed.first_call or time.monotonic()
            return super().translate(texts)

    class Recipe(UpperRecipe):
        def load(self):
            self.loaded.append(Timed())
            return self.loaded[-1]

    with Fetcher(FetchLimits(per_host=1)) as fetcher:
        sources, _ = web_sources(paths, [], StoredWeb(fetcher, PageStore(tmp_path)))
        settings = BatchSettings(options=SETTINGS.options, use_cache=False, sub_batch_units=4, sort_window=1)
        report = run_batch(sources, tmp_path / "out", settings, Recipe())
    assert len(report.done) == 6
    last_page = max(r.at for r in local_web.requests)
    assert Timed.first_call is not None and Timed.first_call < last_page


def test_url_arguments_and_files_of_urls(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# ce matin\nhttps://example.org/a\n\nhttps://example.org/b?id=3\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Le conseil municipal a voté lundi soir.\nhttps://example.org/a\n", encoding="utf-8")
    urls, others = split_arguments(["https://example.org/c", str(listing), str(article), "ftp://x/y"])
    assert urls == ["https://example.org/c", "https://example.org/a", "https://example.org/b?id=3", "ftp://x/y"]
    assert others == [str(article)]
    assert url_stem("https://www.example.fr/politique/2025/03/04/la-greve-des-ferries_123.html") == \
        "la-greve-des-ferries_123"
    assert url_stem("https://www.example.fr/") == "www-example-fr"
    assert url_stem("https://example.fr/a/%C3%A9t%C3%A9.php?x=1") == "t"  # only safe characters


def test_cli_batch_and_translate_on_urls(local_web: LocalWeb, tmp_path: Path, installed_model: Path) -> None:
    urls = serve_site(local_web)
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{urls['ostreiculteurs']}\n{urls['missing']}\n", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS2.format(base=local_web.base), encoding="utf-8")
    out = tmp_path / "out"
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache")}

    result = run_brief("batch", urls["tramway"], str(listing), "--feed", str(feed), "--max-items", "2",
                       "-o", str(out), env=env)

    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "2 done, 0 skipped (already done), 1 failed" in err
    assert f"brief: failed: {urls['missing']}: HTTP 404 Not Found" in err
    assert "Traceback" not in err
    digest = (out / "digest.md").read_text()
    assert digest.count(SITE) == 2 and f"`{urls['tramway']}`" in digest

    one = run_brief("translate", urls["bibliotheque"], env=env)
    assert one.returncode == 0, one.stderr.decode()
    text = one.stdout.decode()
    assert f"Source: {urls['bibliotheque']}\nSite: {SITE}\n" in text and "Date: 20 January 2025, 07:30" in text

    missing = run_brief("translate", urls["missing"], env=env)
    assert missing.returncode == 6
    assert missing.stderr.decode() == f"brief: error: {urls['missing']}: HTTP 404 Not Found\n"
    usage = run_brief("batch", "--since", "2025-01-01", "-o", str(out), urls["tramway"], env=env)
    assert usage.returncode == 2 and "--since and --max-items choose feed items" in usage.stderr.decode()


def test_html_links_a_page_to_its_url_and_names_its_site(local_web: LocalWeb, tmp_path: Path,
                                                          installed_model: Path) -> None:
    urls = serve_site(local_web)
    out = tmp_path / "out"
    assert len(batch_on([urls["tramway"], urls["ostreiculteurs"]], out).done) == 2
    digest = (out / "digest.html").read_text()
    host = urls["tramway"].split("/")[2]
    for name in ("tramway", "ostreiculteurs"):
        assert f'<a href="{urls[name]}">{host}/{name}</a>' in digest
    assert "file:" not in digest and "http%3A" not in digest
    assert digest.count(f"{escape(SITE)} · ") == 2  # each source's line names the site

    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    one = run_brief("translate", urls["bibliotheque"], "--format", "html", env=env)
    assert one.returncode == 0, one.stderr.decode()
    page = one.stdout.decode()
    assert f'<a href="{urls["bibliotheque"]}">{host}/bibliotheque</a>' in page
    assert f"{escape(SITE)} · " in page and "file:" not in page


def test_page_text_never_becomes_markup_in_markdown(local_web: LocalWeb, tmp_path: Path) -> None:
    hostile = "&lt;img src=x onerror=alert(1)&gt; [lien](javascript:alert(1))"
    page = html_page("tramway").replace(b'content="Le tramway', f'content="{hostile} Le tramway'.encode())
    page = page.replace(b'content="La Gazette', b'content="&lt;b&gt;La Gazette')
    out = tmp_path / "out"
    assert len(batch_on([local_web.add("/tramway", body=page)], out).done) == 1
    for name in ("tramway.md", "digest.md"):
        text = (out / name).read_text()
        assert "\\<IMG SRC=X ONERROR=ALERT(1)\\> \\[LIEN\\](JAVASCRIPT:ALERT(1))" in text  # shown, as text
        assert "\\<b\\>La Gazette" in text
        assert not re.search(r"(?<!\\)<(?!a id=\"story-\d+\"></a>|/a>)", text)  # our anchors only
        assert not re.search(r"(?<!\\)\[LIEN", text)
