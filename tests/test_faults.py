"""Fault injection: `brief batch` stopped (SIGINT, SIGTERM, SIGKILL) at several points, then rerun.

The rerun must skip every finished brief (adding only the full translations still
missing), take every committed unit from the cache, and write the same bytes as a run
that was never interrupted (digest timestamp aside).
Also: two batches sharing one cache at once, and a broken cache file.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROJECT, run_brief

from translator.translation.cache import CACHE_FILE

pytestmark = pytest.mark.slow

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"]


def write_inputs(folder: Path, count: int) -> list[Path]:
    """`count` short French articles written for this test, every sentence different."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        text = "\n".join([
            f"Publié le {1 + n % 28:02d}/{1 + n % 12:02d}/2024 à 10h{n % 60:02d}",
            f"Le conseil de la commune numéro {n} a voté le budget de {MONTHS[n % 10]} après {n + 3} heures de débat.",
            f"« Nous avons tenu parole pour la {n + 1}e fois », a déclaré M. Paul Martin{n}, maire depuis {1990 + n}.",
            f"La salle des fêtes numéro {n * 7} sera rénovée avant l'été, pour {n * 1000 + 500} euros.",
            f"Les habitants du quartier {n * 3} ont salué une décision attendue depuis {n + 2} ans.",
        ])
        path = folder / f"commune{n:03d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def batch_command(inputs: Path, out: Path, workers: int = 1, beam_size: int = 1) -> list[str]:
    return [sys.executable, "-m", "translator.cli", "batch", str(inputs), "-o", str(out),
            "--beam-size", str(beam_size), "--workers", str(workers)]


def cache_rows(cache: Path) -> int:
    try:
        with sqlite3.connect(cache / CACHE_FILE, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    except sqlite3.Error:
        return 0


def records(out: Path) -> int:
    folder = out / ".brief-batch"
    return len(list(folder.glob("*.json"))) if folder.is_dir() else 0


def outputs(out: Path) -> dict[str, bytes]:
    """Every written file; digest.json without its timestamp."""
    files = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    if "digest.json" in files:
        data = json.loads(files["digest.json"])
        data.pop("generated")
        files["digest.json"] = json.dumps(data).encode()
    return files


def summary_counts(stderr: str) -> dict[str, int]:
    articles = re.search(r"(\d+) done, (\d+) skipped", stderr)
    assert articles, stderr
    units = re.search(r"(\d+) units translated, (\d+) from the cache", stderr)
    done, skipped = map(int, articles.groups())
    translated, hits = map(int, units.groups()) if units else (0, 0)
    return {"done": done, "skipped": skipped, "units": translated, "hits": hits}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, installed_model) -> tuple[Path, dict[str, bytes]]:
    """The inputs, and the outputs of an uninterrupted run."""
    root = tmp_path_factory.mktemp("faults")
    inputs = root / "in"
    write_inputs(inputs, 40)
    reference = root / "reference"
    done = subprocess.run(batch_command(inputs, reference), cwd=PROJECT, capture_output=True, timeout=600,
                          env={**os.environ, "BRIEF_CACHE_DIR": str(root / "reference-cache")})
    assert done.returncode == 0, done.stderr.decode()
    return inputs, outputs(reference)


def interrupt(command: list[str], env: dict, when, how: int) -> tuple[subprocess.CompletedProcess, float]:
    """Run `command`; once `when()` holds, send signal `how`; return the result and how long it took to stop."""
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline and not when():
        time.sleep(0.02)
    assert process.poll() is None, "the batch finished before the fault could be injected"
    sent = time.monotonic()
    process.send_signal(how)
    stdout, stderr = process.communicate(timeout=120)
    stopped = time.monotonic() - sent
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), stopped


@pytest.mark.parametrize(
    ("how", "point", "workers"),
    [
        (signal.SIGKILL, "first unit committed", 1),
        (signal.SIGINT, "first unit committed", 1),
        (signal.SIGKILL, "first brief written", 1),
        (signal.SIGINT, "a third of the briefs written", 1),
        (signal.SIGKILL, "two thirds of the briefs written", 1),
        (signal.SIGTERM, "first brief written", 1),
        (signal.SIGINT, "first brief written", 2),
        (signal.SIGKILL, "a third of the briefs written", 2),
    ],
)
def test_interrupted_batch_resumes_to_the_same_bytes(
    tmp_path: Path, corpus, how: int, point: str, workers: int
) -> None:
    inputs, expected = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache)}
    conditions = {
        "first unit committed": lambda: cache_rows(cache) > 0,
        "first brief written": lambda: records(out) > 0,
        "a third of the briefs written": lambda: records(out) >= 13,
        "two thirds of the briefs written": lambda: records(out) >= 26,
    }

    first, stopped = interrupt(batch_command(inputs, out, workers), env, conditions[point], how)

    finished_before = records(out)
    committed = cache_rows(cache)
    assert not list(out.glob(".*.tmp")) or how == signal.SIGKILL
    if how in (signal.SIGINT, signal.SIGTERM):  # both stop after the sub-batch in progress
        err = first.stderr.decode()
        assert first.returncode == 130, err
        assert stopped < 3.0, f"took {stopped:.1f}s to stop after Ctrl-C"
        assert "interrupted" in err and "done" in err and "Traceback" not in err
        # The digest comes once every brief is written (then the full texts), never before.
        assert not (out / "digest.md").exists() or finished_before == 40
    else:
        assert first.returncode == -signal.SIGKILL

    rerun = subprocess.run(batch_command(inputs, out), cwd=PROJECT, env=env, capture_output=True, timeout=600)

    err = rerun.stderr.decode()
    assert rerun.returncode == 0, err
    counts = summary_counts(err)
    assert counts["skipped"] == finished_before and counts["done"] == 40 - finished_before
    # Nothing committed before the fault is translated again.
    assert counts["units"] - counts["hits"] == cache_rows(cache) - committed
    assert outputs(out) == expected
    assert not list(out.glob(".*.tmp"))


def test_two_batches_share_one_cache_at_the_same_time(tmp_path: Path, corpus) -> None:
    inputs, expected = corpus
    cache = tmp_path / "cache"
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache)}
    runs = [subprocess.Popen(batch_command(inputs, tmp_path / name), cwd=PROJECT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for name in ("one", "two")]
    for run in runs:
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr.decode()
        assert "warning" not in stderr.decode()
    assert outputs(tmp_path / "one") == expected
    assert outputs(tmp_path / "two") == expected


@pytest.mark.parametrize("damage", ["corrupt", "unopenable"])
def test_a_broken_cache_gives_one_warning_and_the_batch_runs(tmp_path: Path, corpus, damage: str) -> None:
    inputs, expected = corpus
    cache = tmp_path / "cache"
    cache.mkdir()
    if damage == "corrupt":
        (cache / CACHE_FILE).write_bytes(b"not a database, just bytes " * 200)
    else:
        (cache / CACHE_FILE).mkdir()  # SQLite cannot open a folder (chmod does not stop root)

    result = run_brief("batch", str(inputs), "-o", str(tmp_path / "out"), "--beam-size", "1",
                       env={"BRIEF_CACHE_DIR": str(cache)})

    err = result.stderr.decode()
    assert result.returncode == 0, err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "going on without the cache" in warnings[0] and str(cache) in warnings[0]
    assert "Traceback" not in err
    assert outputs(tmp_path / "out") == expected
