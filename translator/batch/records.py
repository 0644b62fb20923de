"""What a batch has finished, kept in OUTDIR/.brief-batch so an interrupted batch resumes.

A record says: this input (a file or a URL, by content hash), briefed with these settings,
is written to this output, with or without the rest of its body translated (`full`). An
input's brief is skipped on the next run only if the first three still hold; a run that
translates whole bodies then only adds the translation to a brief written without it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from translator.output.digest import DigestEntry
from translator.files import make_folder, write_atomic

RECORDS_DIR = ".brief-batch"
# Apart from the per-article records, so that every RECORDS_DIR/*.json is one article.
STORIES_RECORD = Path("stories") / "groups.json"


def remove_stale_temps(outdir: Path) -> int:
    """Delete temp files left by a killed run (write_atomic's `.NAME.*.tmp`)."""
    removed = 0
    for folder in (outdir, outdir / RECORDS_DIR):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
                removed += 1
    return removed


@dataclass(frozen=True)
class Finished:
    """An earlier run's brief of an input: its digest entry, and whether its output holds the whole translation."""

    entry: DigestEntry
    full: bool


class RecordStore:
    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.folder = outdir / RECORDS_DIR

    def _path(self, key: str) -> Path:
        return self.folder / (hashlib.sha1(key.encode()).hexdigest()[:20] + ".json")

    def finished(self, key: str, content: str, signature: str) -> Finished | None:
        """An earlier run's brief of the input `key`, if it is still valid and on disk."""
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if record.get("content") != content or record.get("signature") != signature:
            return None
        try:
            entry = DigestEntry.from_dict(record["entry"])
        except (KeyError, TypeError, ValueError):
            return None
        if not (self.outdir / entry.output).is_file():
            return None
        return Finished(entry, record.get("full") is True)

    def save(self, key: str, content: str, signature: str, entry: DigestEntry, full: bool) -> None:
        record = {"source": key, "content": content, "signature": signature, "full": full,
                  "entry": entry.to_dict()}
        make_folder(self.folder)
        write_atomic(self._path(key), json.dumps(record, ensure_ascii=False) + "\n")

    def stories(self, key: str) -> list[list[int]] | None:
        """The story groups an earlier run found for the same articles (`key`), if any."""
        try:
            record = json.loads((self.folder / STORIES_RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        groups = record.get("groups") if isinstance(record, dict) and record.get("key") == key else None
        return groups if isinstance(groups, list) else None

    def save_stories(self, key: str, groups: list[list[int]]) -> None:
        make_folder((self.folder / STORIES_RECORD).parent)
        write_atomic(self.folder / STORIES_RECORD, json.dumps({"key": key, "groups": groups}) + "\n")
