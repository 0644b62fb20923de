"""Fetching pages from a local web server: limits, redirects, statuses, robots.txt, Retry-After.

Every request goes to 127.0.0.1; the DNS test never asks a resolver: socket.getaddrinfo is
replaced, in this process, by one that raises what the resolver raises for an unknown name.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from local_web import LocalWeb, Route, html_page, unknown_host_names

from translator import __version__
from translator.errors import FetchError, InputError
from translator.web.fetch import Fetcher, FetchLimits, media_type, retry_after
from translator.web.pages import page_document

QUICK = FetchLimits(connect_timeout=2, read_timeout=0.5, total_timeout=5, max_retry_wait=3)


@pytest.fixture
def fetcher():
    with Fetcher(QUICK) as client:
        yield client


def reason(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as caught:
        fetcher.fetch(url)
    message = str(caught.value)
    assert message.startswith(url) and "\n" not in message
    return message.removeprefix(url + ": ")


def test_a_page_comes_with_its_bytes_status_type_and_our_user_agent(local_web: LocalWeb, fetcher: Fetcher) -> None:
    url = local_web.add("/tramway", body=html_page("tramway"))
    page = fetcher.fetch(url)
    assert (page.status, page.media_type, page.charset, page.final_url) == (200, "text/html", "utf-8", url)
    assert page.body == html_page("tramway")
    assert len(page.sha256) == 64
    [request] = local_web.hits("/tramway")
    assert request.user_agent.startswith(f"brief/{__version__}")
    assert local_web.hits("/robots.txt"), "robots.txt is asked before the page"


def test_charset_from_the_header_else_from_the_page(local_web: LocalWeb, fetcher: Fetcher) -> None:
    latin = html_page("ostreiculteurs", charset="iso-8859-1")
    by_header = local_web.add("/h", body=latin, headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    by_meta = local_web.add("/m", body=latin, headers={"Content-Type": "text/html"})
    for url in (by_header, by_meta):
        document = page_document(fetcher.fetch(url))
        assert "huîtres" in document.text and document.title.startswith("Les ostréiculteurs")


def test_one_redirect_is_followed_and_a_loop_is_one_line(local_web: LocalWeb, fetcher: Fetcher) -> None:
    target = local_web.add("/new", body=html_page("tramway"))
    moved = local_web.add("/old", status=301, headers={"Location": "/new"})
    page = fetcher.fetch(moved)
    assert page.url == moved and page.final_url == target
    local_web.add("/a", status=302, headers={"Location": "/b"})
    local_web.add("/b", status=302, headers={"Location": "/a"})
    assert reason(fetcher, local_web.url("/a")).startswith("redirect loop")


def test_more_than_five_redirects_fail(local_web: LocalWeb, fetcher: Fetcher) -> None:
    for hop in range(7):
        local_web.add(f"/r{hop}", status=307, headers={"Location": f"/r{hop + 1}"})
    assert reason(fetcher, local_web.url("/r0")) == "more than 5 redirects"
    assert len(local_web.hits("/r5")) == 1 and not local_web.hits("/r6")


def test_redirect_to_another_scheme_is_refused(local_web: LocalWeb, fetcher: Fetcher) -> None:
    url = local_web.add("/ftp", status=302, headers={"Location": "ftp://127.0.0.1/file"})
    assert "unsupported scheme 'ftp'" in reason(fetcher, url)


@pytest.mark.parametrize("status, text", [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")])
def test_error_statuses(local_web: LocalWeb, fetcher: Fetcher, status: int, text: str) -> None:
    url = local_web.add(f"/s{status}", status=status, body=b"oops")
    assert reason(fetcher, url) == text


def test_a_silent_server_times_out(local_web: LocalWeb, fetcher: Fetcher) -> None:
    url = local_web.add("/slow", body=html_page("tramway"), delay=2.0)
    started = time.monotonic()
    assert reason(fetcher, url) == "timed out: no data for 0.5 s"
    assert time.monotonic() - started < 1.5


def test_reading_stops_past_max_bytes(local_web: LocalWeb) -> None:
    big = b"<html><body>" + b"<p>Le port.</p>" * 200_000 + b"</body></html>"  # 3 MB
    streamed = local_web.add("/big", body=big, length=False)
    declared = local_web.add("/declared", body=big)
    with Fetcher(FetchLimits(read_timeout=5, max_bytes=100_000)) as fetcher:
        assert reason(fetcher, streamed).startswith("too large (more than 0.1 MB, limit 0.1 MB)")
        assert reason(fetcher, declared).startswith("too large (3.0 MB, limit 0.1 MB)")


@pytest.mark.parametrize("kind, body", [("application/pdf", b"%PDF-1.7\n..."), ("image/png", b"\x89PNG\r\n")])
def test_not_html(local_web: LocalWeb, fetcher: Fetcher, kind: str, body: bytes) -> None:
    url = local_web.add("/file", body=body, headers={"Content-Type": kind})
    assert reason(fetcher, url) == f"not an HTML page (the server sends {kind})"


def test_a_pdf_sent_as_html_is_still_refused(local_web: LocalWeb, fetcher: Fetcher) -> None:
    url = local_web.add("/liar", body=b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(InputError, match="a PDF file"):
        page_document(fetcher.fetch(url))


def test_robots_txt_is_respected(local_web: LocalWeb, fetcher: Fetcher) -> None:
    local_web.add("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    private = local_web.add("/private/page", body=html_page("tramway"))
    public = local_web.add("/public", body=html_page("tramway"))
    assert reason(fetcher, private) == f"robots.txt of 127.0.0.1:{local_web.server.server_address[1]} disallows {private}"
    assert not local_web.hits("/private/page")
    assert fetcher.fetch(public).status == 200
    assert len(local_web.hits("/robots.txt")) == 1  # read once per site


def test_robots_rules_for_brief_by_name(local_web: LocalWeb, fetcher: Fetcher) -> None:
    local_web.add("/robots.txt", body=b"User-agent: brief\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                  headers={"Content-Type": "text/plain"})
    assert "disallows" in reason(fetcher, local_web.add("/page", body=html_page("tramway")))


def test_429_with_retry_after_is_waited_out(local_web: LocalWeb, fetcher: Fetcher) -> None:
    url = local_web.add("/busy", Route(429, b"", {"Retry-After": "1"}, then=Route(body=html_page("tramway"))))
    page = fetcher.fetch(url)
    first, second = local_web.hits("/busy")
    assert page.status == 200 and second.at - first.at >= 0.95


@pytest.fixture
def other_host():
    """A second site on another loopback address (127.0.0.2: Linux routes all of 127/8 to lo)."""
    try:
        web = LocalWeb("127.0.0.2")
    except OSError as exc:
        pytest.skip(f"cannot bind 127.0.0.2 here: {exc}")
    yield web.start()
    web.stop()


def test_a_site_being_waited_out_holds_no_connection_slot(local_web: LocalWeb, other_host: LocalWeb) -> None:
    """While one host's Retry-After runs, the only connection slot serves another host."""
    busy = local_web.add("/busy", Route(429, b"", {"Retry-After": "2"}, then=Route(body=html_page("tramway"))))
    other = other_host.add("/tramway", body=html_page("tramway"))
    with Fetcher(FetchLimits(connect_timeout=2, read_timeout=2, connections=1, per_host=1, max_retry_wait=3)) as fetcher:
        waited = threading.Thread(target=fetcher.fetch, args=(busy,))
        waited.start()
        deadline = time.monotonic() + 5
        while not local_web.hits("/busy") and time.monotonic() < deadline:
            time.sleep(0.01)
        assert fetcher.fetch(other).status == 200
        other_done = time.monotonic()
        waited.join()
    first, second = local_web.hits("/busy")
    assert second.at - first.at >= 1.95  # the wait itself is kept
    assert other_done < second.at - 0.5  # the other host did not wait for it
    assert other_done - first.at < 1.5


def test_a_retry_after_beyond_the_bound_fails_at_once(local_web: LocalWeb, fetcher: Fetcher) -> None:
    url = local_web.add("/later", status=503, headers={"Retry-After": "3600"})
    started = time.monotonic()
    text = reason(fetcher, url)
    assert text.startswith("HTTP 503 Service Unavailable, Retry-After 3600 s is longer than the 3 s brief waits")
    assert time.monotonic() - started < 1 and len(local_web.hits("/later")) == 1


@pytest.mark.parametrize("url, text", [
    ("ftp://example.org/page", "unsupported scheme 'ftp' (only http and https)"),
    ("file:///etc/passwd", "unsupported scheme 'file' (only http and https)"),
    ("http://", "bad URL (no host)"),
    ("http://127.0.0.1:99999/", "bad URL (Port out of range 0-65535)"),
])
def test_bad_urls(fetcher: Fetcher, url: str, text: str) -> None:
    assert reason(fetcher, url) == text


def test_dns_failure_is_one_line_and_quick(fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = unknown_host_names(monkeypatch)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("http://no-such-site.invalid/page")
    assert str(caught.value) == "http://no-such-site.invalid/page: DNS failure: cannot resolve no-such-site.invalid"
    assert caught.value.exit_code == 6
    assert time.monotonic() - started < 5
    assert asked == ["no-such-site.invalid"]  # once, for robots.txt: the page is failed with its reason


def test_connection_refused(fetcher: Fetcher) -> None:
    with socket.socket() as probe:  # a port nobody listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert reason(fetcher, f"http://127.0.0.1:{port}/") == "connection refused"


def test_concurrency_is_bounded_per_host(local_web: LocalWeb) -> None:
    paths = [local_web.add(f"/p{n}", body=html_page("tramway"), delay=0.2) for n in range(8)]
    with Fetcher(FetchLimits(connections=8, per_host=2)) as fetcher:
        threads = [threading.Thread(target=fetcher.fetch, args=(url,)) for url in paths]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len([r for r in local_web.requests if r.path.startswith("/p")]) == 8
    assert local_web.most_active == 2


def test_header_helpers() -> None:
    assert media_type('Text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert media_type("") == ("", None)
    assert retry_after("7") == 7.0 and retry_after(None) is None and retry_after("soon") is None
    assert 0 <= retry_after("Wed, 21 Oct 2015 07:28:00 GMT") < 1  # a date in the past: no wait


def test_fetch_errors_have_their_own_exit_code() -> None:
    assert FetchError.exit_code == 6 and issubclass(FetchError, InputError)


def test_a_robots_txt_answering_5xx_closes_the_site(local_web: LocalWeb, fetcher: Fetcher) -> None:
    local_web.add("/robots.txt", status=503, body=b"")
    url = local_web.add("/page", body=html_page("tramway"))
    assert reason(fetcher, url) == "robots.txt answered HTTP 503: the site is taken as closed to crawlers (RFC 9309)"
    assert not local_web.hits("/page")
