"""Fetch one page or feed over HTTP(S) with explicit limits.

Only http and https; connect, read and total timeouts; at most `max_redirects`
redirects, each hop checked again (scheme, robots.txt, loops); reading stops past
`max_bytes`; only the content types asked for; robots.txt respected; at most
`connections` requests at once and `per_host` on one host; 429 and 503 waited out
when `Retry-After` is within `max_retry_wait`. Every failure is a `FetchError` whose
message is one line naming the URL. Thread-safe: one `Fetcher` serves a pool of threads.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import cached_property
from hashlib import sha256
from urllib.parse import urljoin, urlsplit

import httpx

from translator import __version__
from translator.errors import FetchError, InputError
from translator.french.reader import DEFAULT_MAX_BYTES
from translator.web.robots import RobotsRules

USER_AGENT = f"brief/{__version__} (French news briefs; respects robots.txt)"
ROBOTS_TOKEN = "brief"  # the name robots.txt rules address us by

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = PAGE_TYPES | {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 503})
_DEFAULT_RETRY_WAIT = 2.0  # a 429/503 without Retry-After: a short pause, then one more try


@dataclass(frozen=True)
class FetchLimits:
    """How careful fetching is; the CLI's --timeout, --max-bytes, --connections, --per-host."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence while a response streams in
    total_timeout: float = 60.0  # a page trickling in slower than that still ends
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    connections: int = 8
    per_host: int = 2
    max_retry_wait: float = 60.0  # longest Retry-After honoured; longer ones fail the page
    retries: int = 2  # further tries after a 429/503


@dataclass(frozen=True)
class Page:
    """A fetched page (or feed): the raw bytes and what the server said about them."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    media_type: str  # "text/html", without parameters; "" when the server gave none
    charset: str | None
    body: bytes
    fetched_at: str  # ISO 8601, UTC

    @cached_property
    def sha256(self) -> str:
        return sha256(self.body).hexdigest()


def is_web_address(argument: str) -> bool:
    """An argument with a scheme ("https://…", "ftp://…") is a URL, never a file name."""
    return bool(_SCHEME.match(argument.strip()))


def check_url(url: str) -> str:
    """The URL if brief may fetch it; InputError naming what is wrong otherwise."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise InputError(f"{url}: bad URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: unsupported scheme {parts.scheme or '(none)'!r} (only http and https)")
    if not parts.hostname:
        raise InputError(f"{url}: bad URL (no host)")
    return url.strip()


def media_type(content_type: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from 'text/html; charset=UTF-8'."""
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def network_reason(exc: httpx.HTTPError, limits: FetchLimits) -> str:
    """One line for a failed connection: DNS, refused, timeout, TLS, broken."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"cannot connect: timed out after {limits.connect_timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out: no data for {limits.read_timeout:g} s"
    causes = list(_causes(exc))
    if any(isinstance(c, socket.gaierror) for c in causes) or "Name or service not known" in str(exc):
        host = urlsplit(str(exc.request.url)).hostname if _has_request(exc) else "the host"
        return f"DNS failure: cannot resolve {host}"
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "Connection refused" in str(exc):
        return "connection refused"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {exc}"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    return f"connection broken: {type(exc).__name__}: {exc}"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _has_request(exc: httpx.HTTPError) -> bool:
    try:
        exc.request  # noqa: B018 - raises RuntimeError when unset
    except RuntimeError:
        return False
    return True


class Fetcher:
    """An HTTP client with brief's limits; `fetch(url)` gives a `Page` or raises `FetchError`."""

    def __init__(self, limits: FetchLimits | None = None, user_agent: str = USER_AGENT) -> None:
        self.limits = limits = limits or FetchLimits()
        self.client = httpx.Client(
            timeout=httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout, pool=limits.total_timeout),
            limits=httpx.Limits(max_connections=limits.connections, max_keepalive_connections=limits.connections),
            headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"},
            follow_redirects=False,
        )
        self._overall = threading.BoundedSemaphore(limits.connections)
        self._lock = threading.Lock()
        self._per_host: dict[str, threading.BoundedSemaphore] = {}
        self._not_before: dict[str, float] = {}  # host → monotonic time a Retry-After asked us to wait for
        self._robots = RobotsRules(self._fetch_robots, ROBOTS_TOKEN)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def fetch(self, url: str, accept: frozenset[str] = PAGE_TYPES) -> Page:
        """The page at `url`, after at most `max_redirects` redirects."""
        current = check_url(url)
        seen = {current}
        for _ in range(self.limits.max_redirects + 1):
            try:
                allowed = self._robots.allowed(current)
            except FetchError as exc:  # robots.txt unreachable: so is the page
                raise FetchError(f"{url}: {exc}") from None
            if not allowed:
                raise FetchError(f"{url}: robots.txt of {urlsplit(current).netloc} disallows {current}")
            result = self._get(url, current, accept)
            if isinstance(result, Page):
                return result
            try:
                target = check_url(result)
            except InputError as exc:
                raise FetchError(f"{url}: redirected to {result}: {str(exc).removeprefix(result + ': ')}") from None
            if target in seen:
                raise FetchError(f"{url}: redirect loop ({current} → {target})")
            seen.add(target)
            current = target
        raise FetchError(f"{url}: more than {self.limits.max_redirects} redirects")

    @contextmanager
    def _slot(self, host: str) -> Iterator[None]:
        """One of `connections` overall and of `per_host` for this host, after any Retry-After.

        The Retry-After wait holds no slot: a site being waited out does not block the others.
        Its end is checked again once the slots are taken, for a Retry-After that came meanwhile.
        """
        with self._lock:
            host_slots = self._per_host.setdefault(host, threading.BoundedSemaphore(self.limits.per_host))
        while True:
            while (wait := self._not_before.get(host, 0.0) - time.monotonic()) > 0:
                time.sleep(wait)
            with host_slots, self._overall:
                if self._not_before.get(host, 0.0) <= time.monotonic():
                    yield
                    return

    def _get(self, url: str, current: str, accept: frozenset[str]) -> Page | str:
        """One request (and its 429/503 retries): a Page, or the Location of a redirect."""
        host = urlsplit(current).netloc.lower()
        for attempt in range(self.limits.retries + 1):
            with self._slot(host):
                try:
                    with self.client.stream("GET", current) as response:
                        status = response.status_code
                        if status in _REDIRECTS:
                            location = response.headers.get("location")
                            if not location:
                                raise FetchError(f"{url}: HTTP {status} redirect without a Location")
                            return urljoin(current, location)
                        if status in _RETRY_STATUSES:
                            wait = retry_after(response.headers.get("retry-after"))
                        elif not 200 <= status < 300:
                            raise FetchError(f"{url}: HTTP {status} {response.reason_phrase}".rstrip())
                        else:
                            return self._read(url, current, response, accept)
                except httpx.HTTPError as exc:
                    raise FetchError(f"{url}: {network_reason(exc, self.limits)}") from None
            # 429 or 503: wait as asked (for every request to this host), within the bound.
            reason = f"HTTP {status} {'Too Many Requests' if status == 429 else 'Service Unavailable'}"
            if wait is not None and wait > self.limits.max_retry_wait:
                raise FetchError(
                    f"{url}: {reason}, Retry-After {wait:.0f} s is longer than the {self.limits.max_retry_wait:g} s "
                    "brief waits; try again later"
                )
            if attempt == self.limits.retries:
                break
            with self._lock:
                self._not_before[host] = max(
                    self._not_before.get(host, 0.0), time.monotonic() + (_DEFAULT_RETRY_WAIT if wait is None else wait)
                )
        raise FetchError(f"{url}: {reason} after {self.limits.retries + 1} tries")

    def _read(self, url: str, current: str, response: httpx.Response, accept: frozenset[str]) -> Page:
        """The body, streamed: stops past max_bytes or the total timeout."""
        media, charset = media_type(response.headers.get("content-type", ""))
        if media and media not in accept:
            kind = "an HTML page" if accept == PAGE_TYPES else "a feed"
            raise FetchError(f"{url}: not {kind} (the server sends {media})")
        limit = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(_too_large(url, int(declared), limit))
        deadline = time.monotonic() + self.limits.total_timeout
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise FetchError(_too_large(url, limit, limit, at_least=True))  # what was read: past the limit
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out: the page took over {self.limits.total_timeout:g} s")
        fetched_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return Page(url, current, response.status_code, media, charset, bytes(body), fetched_at)

    def _fetch_robots(self, origin: str) -> tuple[int, bytes]:
        """(status, body) of ORIGIN/robots.txt, redirects followed; network errors raise FetchError."""
        target = f"{origin}/robots.txt"
        try:
            with self._slot(urlsplit(origin).netloc.lower()):
                for _ in range(self.limits.max_redirects + 1):
                    with self.client.stream("GET", target) as response:
                        location = response.headers.get("location")
                        if response.status_code in _REDIRECTS and location:
                            target = urljoin(target, location)
                            continue
                        body = bytearray()
                        for chunk in response.iter_bytes():
                            body += chunk
                            if len(body) > ROBOTS_MAX_BYTES:
                                break
                        return response.status_code, bytes(body[:ROBOTS_MAX_BYTES])
                return 404, b""  # a redirect chain for robots.txt: no usable rules (RFC 9309: allow)
        except httpx.HTTPError as exc:
            raise FetchError(network_reason(exc, self.limits)) from None


ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB


def _too_large(url: str, size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"{url}: too large ({more}{size / 1e6:.1f} MB, limit {limit / 1e6:.1f} MB); raise it with --max-bytes "
        "if this really is one article"
    )
