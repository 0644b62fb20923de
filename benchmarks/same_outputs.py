"""Snapshot what `brief` writes, to show a refactor changed no output byte.

Runs `brief clean`, `brief translate` and `brief batch` on `examples/`, the seeds and
`../shared/corpus/fr-news` with the code on `sys.path` (set PYTHONPATH to a checkout of
another revision to snapshot that one), and writes every output into one folder. Two
snapshots are then compared file by file::

    python benchmarks/same_outputs.py snapshot /tmp/after
    (cd OLD_CHECKOUT && PYTHONPATH=$PWD python NEW_CHECKOUT/benchmarks/same_outputs.py snapshot /tmp/before)
    python benchmarks/same_outputs.py compare /tmp/before /tmp/after

Inputs are named relative to the checkout the script sits in (the same files in both).

The model is whichever fr→en Argos package is installed (ARGOS_PACKAGES_DIR); the cache
is a fresh folder inside the snapshot, so both runs translate everything. `digest.json`'s
`generated` timestamp is the one field that differs by design; it is blanked.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEF_SHARED_DIR") or ROOT.parent / "shared")


def inputs(limit: int | None) -> dict[str, list[Path]]:
    news = sorted((SHARED / "corpus" / "fr-news").glob("*.txt"))[:limit]
    return {
        "examples": sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file() and p.name != "README.md"),
        "seeds": sorted((SHARED / "seeds").glob("*")),
        "fr-news": news,
    }


def brief(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Inputs are named relative to ROOT, so both revisions' outputs name them alike; `-c`
    # puts the working folder first on sys.path, so it is dropped for PYTHONPATH to choose.
    code = "import sys; sys.path.remove(''); from translator.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, env=env, cwd=ROOT)


def relative(path: Path) -> str:
    return os.path.relpath(path, ROOT)


def record(out: Path, name: str, result: subprocess.CompletedProcess) -> None:
    """Keep stdout, stderr and the exit code of one command."""
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.stdout").write_bytes(result.stdout)
    (out / f"{name}.stderr").write_bytes(result.stderr)
    (out / f"{name}.exit").write_text(f"{result.returncode}\n")


def snapshot(out: Path, limit: int | None, translate_news: bool) -> None:
    env = {**os.environ, "BRIEF_CACHE_DIR": str(out / ".cache")}
    groups = inputs(limit)
    for group, paths in groups.items():
        for path in paths:
            stem = f"{group}/{path.parent.name}-{path.name}"
            name = relative(path)
            record(out / "clean", f"{stem}.text", brief("clean", name, "--show-removed", env=env))
            record(out / "clean", f"{stem}.json", brief("clean", name, "--format", "json", env=env))
            if group != "fr-news" or translate_news:
                record(out / "translate", f"{stem}.json", brief("translate", name, "--format", "json", env=env))
        if group == "examples":
            continue  # examples/edge holds bad inputs on purpose; the batch below takes the articles
        batch_out = out / "batch" / group
        record(out / "batch", f"{group}.md", brief("batch", *map(relative, paths), "-o", str(batch_out), "--quiet", env=env))
    for fmt in ("markdown", "json"):
        folder = out / "batch" / f"examples-{fmt}"
        args = ["examples/articles", "examples/html"]
        record(out / "batch", f"examples-{fmt}", brief("batch", *args, "-o", str(folder), "--format", fmt, "--quiet", env=env))
    blank_generated(out)
    print(f"snapshot: {sum(1 for p in out.rglob('*') if p.is_file())} files in {out}")


def blank_generated(out: Path) -> None:
    for digest in out.rglob("digest.json"):
        data = json.loads(digest.read_text(encoding="utf-8"))
        data["generated"] = ""
        digest.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def compare(before: Path, after: Path) -> int:
    """Every file in both snapshots, byte for byte; the batch's private records and cache aside."""

    def files(root: Path) -> set[Path]:
        skip = (".cache", ".brief-batch")
        return {p.relative_to(root) for p in root.rglob("*") if p.is_file() and not any(s in p.parts for s in skip)}

    left, right = files(before), files(after)
    differ = sorted(p for p in left & right if not filecmp.cmp(before / p, after / p, shallow=False))
    for path in sorted(left ^ right):
        print(f"only in {'before' if path in left else 'after'}: {path}")
    for path in differ:
        print(f"differs: {path}")
    same = len(left & right) - len(differ)
    print(f"{same} of {len(left | right)} files identical")
    return 0 if same == len(left | right) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="run brief on the inputs and keep every output")
    snap.add_argument("out", type=Path)
    snap.add_argument("--limit", type=int, help="only the first N fr-news pages")
    snap.add_argument("--no-translate-news", action="store_true", help="fr-news through `batch` only, not `translate` one by one")
    comp = sub.add_parser("compare", help="compare two snapshots byte for byte")
    comp.add_argument("before", type=Path)
    comp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.out, args.limit, not args.no_translate_news)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
