"""robots.txt, read once per site (origin) and asked before every request.

Statuses as RFC 9309 says: 2xx → the rules; 4xx → no rules (everything allowed);
anything else (5xx) → the site is taken as closed to crawlers. A robots.txt that cannot be reached
at all (DNS, refused, timeout) fails every page of that origin with the same reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from translator.errors import FetchError


class RobotsRules:
    """`allowed(url)` for one crawler name; `fetch(origin)` gives robots.txt's (status, bytes)."""

    def __init__(self, fetch: Callable[[str], tuple[int, bytes]], token: str) -> None:
        self._fetch = fetch
        self._token = token
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._parsers: dict[str, RobotFileParser | FetchError] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one fetch of robots.txt per origin, however many threads ask
            parser = self._parsers.get(origin)
            if parser is None:
                try:
                    parser = self._load(origin)
                except FetchError as exc:
                    parser = exc
                self._parsers[origin] = parser
        if isinstance(parser, FetchError):
            raise FetchError(str(parser))
        return parser.can_fetch(self._token, url)

    def _load(self, origin: str) -> RobotFileParser:
        status, body = self._fetch(origin)
        parser = RobotFileParser(f"{origin}/robots.txt")
        if 200 <= status < 300:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500:
            parser.allow_all = True
        else:
            raise FetchError(f"robots.txt answered HTTP {status}: the site is taken as closed to crawlers (RFC 9309)")
        return parser
