"""Turn `brief batch` arguments into a list of article files and stable output names."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translator.document import Failure

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
RESERVED_STEMS = frozenset({"digest"})  # OUTDIR/digest.md and digest.json are the batch's own


@dataclass(frozen=True)
class BatchInput:
    """One article file of a batch and the name its brief gets in OUTDIR."""

    path: Path
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


def name_outputs(paths: Sequence[Path]) -> list[BatchInput]:
    """Output stems: the file's stem, plus a short hash of its path when two collide (or it is reserved)."""
    stems = [path.stem or "article" for path in paths]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem.lower()] = counts.get(stem.lower(), 0) + 1
    named = []
    for path, stem in zip(paths, stems):
        if counts[stem.lower()] > 1 or stem.lower() in RESERVED_STEMS:
            stem = f"{stem}-{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]}"
        named.append(BatchInput(path, stem))
    return named
