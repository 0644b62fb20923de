"""A persistent translation cache (SQLite) and a translator that uses it.

Keys are (model key, normalised French unit). The model key is the package's model id
plus the decoding settings that change the output (beam size), so a different model or
beam never reuses another's English.
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .engine import TextTranslator
from .errors import BriefError

CACHE_ENV = "BRIEF_CACHE_DIR"
CACHE_FILE = "translations.sqlite3"
# Misses are written in chunks so an interrupted batch keeps what it has translated.
_WRITE_EVERY = 64


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
            self._db = sqlite3.connect(self.path, timeout=30)
            # WAL lets worker processes read while one of them writes.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS translations ("
                " model TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
                " PRIMARY KEY (model, source)) WITHOUT ROWID"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise BriefError(f"cannot open the translation cache {self.path}: {exc} (use --no-cache or --cache-dir)") from None

    def get_many(self, model: str, sources: Iterable[str]) -> dict[str, str]:
        """The cached English of those `sources` (already normalised) that are cached."""
        found: dict[str, str] = {}
        wanted = list(dict.fromkeys(sources))
        for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target FROM translations WHERE model = ? AND source IN ({marks})", [model, *chunk]
            )
            found.update(rows.fetchall())
        return found

    def put_many(self, model: str, pairs: Iterable[tuple[str, str]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, target) VALUES (?, ?, ?)",
                [(model, source, target) for source, target in pairs],
            )

    def count(self, model: str | None = None) -> int:
        if model is None:
            return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM translations WHERE model = ?", [model]).fetchone()[0]

    def close(self) -> None:
        self._db.close()


class CachedTranslator:
    """A TextTranslator that serves repeated units from the cache and translates the rest once.

    The real translator is created on first need, so a run served wholly from the cache
    never loads the model. Misses are streamed (when the translator can) and saved as
    they come; `on_progress(n)` is told how many units were finished, hits included.
    """

    def __init__(
        self,
        model_id: str,
        load: Callable[[], TextTranslator],
        cache: TranslationCache | None,
        model_key: str | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        self.model_id = model_id
        self.model_key = model_key or model_id
        self._load = load
        self._inner: TextTranslator | None = None
        self.cache = cache
        self.on_progress = on_progress
        self.hits = 0
        self.misses = 0

    @property
    def loaded(self) -> bool:
        return self._inner is not None

    def inner(self) -> TextTranslator:
        if self._inner is None:
            self._inner = self._load()
        return self._inner

    def _progress(self, count: int) -> None:
        if self.on_progress and count:
            self.on_progress(count)

    def translate(self, texts: Sequence[str]) -> list[str]:
        keys = [normalise(text) for text in texts]
        known = self.cache.get_many(self.model_key, keys) if self.cache else {}
        missing = [key for key in dict.fromkeys(keys) if key not in known]
        served = sum(1 for key in keys if key in known)
        self.hits += served
        self.misses += len(missing)
        self._progress(len(keys) - len(missing))  # so progress adds up to len(texts)
        if missing:
            known.update(self._translate_missing(missing))
        return [known[key] for key in keys]

    def _translate_missing(self, missing: list[str]) -> dict[str, str]:
        inner = self.inner()
        stream = getattr(inner, "translate_stream", None)
        results = stream(missing) if stream else iter(inner.translate(missing))
        done: dict[str, str] = {}
        pending: list[tuple[str, str]] = []
        try:
            for source, target in zip(missing, results, strict=True):
                done[source] = target
                pending.append((source, target))
                if len(pending) >= _WRITE_EVERY:
                    self._save(pending)
                    pending = []
        finally:
            self._save(pending)  # on Ctrl-C too: what was translated is kept
        return done

    def _save(self, pairs: list[tuple[str, str]]) -> None:
        if self.cache and pairs:
            self.cache.put_many(self.model_key, pairs)
        self._progress(len(pairs))
