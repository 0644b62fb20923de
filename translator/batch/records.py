"""What a batch has finished, kept in OUTDIR/.brief-batch so an interrupted batch resumes.

A record says: this input (a file or a URL, by content hash), briefed with these settings, is written
to this output. An input is skipped on the next run only if all three still hold.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from translator.output.digest import DigestEntry
from translator.files import make_folder, write_atomic

RECORDS_DIR = ".brief-batch"


def remove_stale_temps(outdir: Path) -> int:
    """Delete temp files left by a killed run (write_atomic's `.NAME.*.tmp`)."""
    removed = 0
    for folder in (outdir, outdir / RECORDS_DIR):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
                removed += 1
    return removed


class RecordStore:
    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.folder = outdir / RECORDS_DIR

    def _path(self, key: str) -> Path:
        return self.folder / (hashlib.sha1(key.encode()).hexdigest()[:20] + ".json")

    def finished(self, key: str, content: str, signature: str) -> DigestEntry | None:
        """The entry of an earlier run's brief of the input `key`, if it is still valid and on disk."""
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
        return entry if (self.outdir / entry.output).is_file() else None

    def save(self, key: str, content: str, signature: str, entry: DigestEntry) -> None:
        record = {"source": key, "content": content, "signature": signature, "entry": entry.to_dict()}
        make_folder(self.folder)
        write_atomic(self._path(key), json.dumps(record, ensure_ascii=False) + "\n")
