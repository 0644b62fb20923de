"""A persistent translation cache (SQLite) and a translator that uses it.

Keys are (model key, normalised French unit). The model key is the package's model id
plus the decoding settings that change the output (beam size), so a different model or
beam never reuses another's English.
"""

from __future__ import annotations

import os
import sqlite3
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from translator.errors import BriefError

CACHE_ENV = "BRIEF_CACHE_DIR"
CACHE_FILE = "translations.sqlite3"
# Several `brief batch` runs may share one cache: a writer waits this long for another.
BUSY_TIMEOUT_SECONDS = 60


class CacheError(BriefError):
    """The cache file cannot be opened, read or written (a batch then runs without it)."""


def default_cache_dir() -> Path:
    """$BRIEF_CACHE_DIR, else the platform's user cache folder (platformdirs)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("brief", appauthor=False))


def normalise(text: str) -> str:
    """The cache's view of a unit: NFC, whitespace collapsed, non-breaking spaces as spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


class TranslationCache:
    """French unit → English, per model key, in one SQLite file (safe across processes)."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.path = Path(directory or default_cache_dir()) / CACHE_FILE
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            self._set_up()
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot open the translation cache {self.path}: {exc}") from None

    def _set_up(self) -> None:
        """WAL mode and the table. Two runs starting together on a new cache file can get
        "database is locked" here at once, without SQLite's busy wait (seen in
        test_two_batches_share_one_cache_at_the_same_time), so they take turns instead of one
        of them giving up the cache."""
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                # WAL: readers of other runs go on while one run commits a sub-batch.
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS translations ("
                    " model TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
                    " PRIMARY KEY (model, source)) WITHOUT ROWID"
                )
                self._db.commit()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def get_many(self, model: str, sources: Iterable[str]) -> dict[str, str]:
        """The cached English of those `sources` (already normalised) that are cached."""
        found: dict[str, str] = {}
        wanted = list(dict.fromkeys(sources))
        try:
            for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT source, target FROM translations WHERE model = ? AND source IN ({marks})", [model, *chunk]
                )
                found.update(rows.fetchall())
        except sqlite3.Error as exc:
            raise CacheError(f"cannot read the translation cache {self.path}: {exc}") from None
        return found

    def put_many(self, model: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Commit `pairs` at once: after a crash they are all there or none is."""
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO translations (model, source, target) VALUES (?, ?, ?)",
                    [(model, source, target) for source, target in pairs],
                )
        except sqlite3.Error as exc:
            raise CacheError(f"cannot write the translation cache {self.path}: {exc}") from None

    def count(self, model: str | None = None) -> int:
        if model is None:
            return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM translations WHERE model = ?", [model]).fetchone()[0]

    def close(self) -> None:
        self._db.close()
