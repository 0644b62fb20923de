"""Turn `brief batch` arguments into sources (files here; web pages in pages.py) and stable output names.

A `Source` is what the driver needs of one input: a stable key (for the resume
records), a label (for messages and the digest), an output stem, and `load()`, which
gives the hash of its content and a way to read it as a `RawDocument`.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from translator.document import Failure
from translator.errors import InputError
from translator.files import content_hash
from translator.french.reader import RawDocument, read_document

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
RESERVED_STEMS = frozenset({"digest"})  # OUTDIR/digest.md and digest.json are the batch's own


@dataclass(frozen=True)
class Loaded:
    """An input's content hash (a change means the brief is made again) and its reader."""

    content: str
    read: Callable[[], RawDocument]


class Source(Protocol):
    key: str  # identity in the resume records: a resolved path, a URL
    label: str  # what messages and the digest show: the path as given, the URL
    stem: str  # the brief's file name before collisions are resolved
    remote: bool  # loading waits on the network: done in parallel, ahead of cleaning

    def load(self, max_bytes: int) -> Loaded: ...


@dataclass(frozen=True)
class FileSource:
    """An article file."""

    path: Path
    remote = False

    @property
    def key(self) -> str:
        return str(self.path.resolve())

    @property
    def label(self) -> str:
        return str(self.path)

    @property
    def stem(self) -> str:
        return self.path.stem

    def load(self, max_bytes: int) -> Loaded:
        try:
            content = content_hash(self.path)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        return Loaded(content, lambda: read_document(self.path, max_bytes))


@dataclass(frozen=True)
class BatchInput:
    """One input of a batch and the name its brief gets in OUTDIR."""

    source: Source
    name: str  # output file stem, unique within the batch


def _walk(directory: Path, patterns: Sequence[str], exclude: Path | None) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        root_path = Path(root)
        # Hidden folders (.git, our own .brief-batch) and the output folder are never inputs.
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (exclude is None or (root_path / d).resolve() != exclude)
        )
        found += [
            root_path / name
            for name in sorted(files)
            if not name.startswith(".") and any(fnmatch.fnmatch(name, p) for p in patterns)
        ]
    return found


def collect_inputs(
    arguments: Iterable[str],
    patterns: Sequence[str] = DEFAULT_GLOBS,
    exclude: Path | None = None,
) -> tuple[list[Path], list[Failure]]:
    """Files named directly, plus matching files under directories (recursively).

    Paths that do not exist are reported as failures rather than stopping the batch;
    a file reached twice is kept once. `exclude` (the output folder) is never walked.
    """
    exclude = exclude.resolve() if exclude else None
    files: list[Path] = []
    failures: list[Failure] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files += _walk(path, patterns, exclude)
        elif path.exists():
            files.append(path)
        else:
            failures.append(Failure(argument, "no such file or directory"))
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), failures


def read_list(lines: Iterable[str]) -> list[str]:
    """Paths from a file list (one per line; blank lines and # comments ignored)."""
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def as_source(item: Path | Source) -> Source:
    return FileSource(item) if isinstance(item, Path) else item


def name_outputs(items: Sequence[Path | Source]) -> list[BatchInput]:
    """Output stems: the input's stem, plus a short hash of its key when two collide (or it is reserved)."""
    sources = [as_source(item) for item in items]
    stems = [source.stem or "article" for source in sources]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem.lower()] = counts.get(stem.lower(), 0) + 1
    named = []
    for source, stem in zip(sources, stems):
        if counts[stem.lower()] > 1 or stem.lower() in RESERVED_STEMS:
            stem = f"{stem}-{hashlib.sha1(source.key.encode()).hexdigest()[:8]}"
        named.append(BatchInput(source, stem))
    return named
