"""Byte-identical batches with the real fr→en model: in one go, killed and resumed, on two workers.

The tiny test model upper-cases each unit alone, so it cannot show whether a real network's
output depends on which units share a CTranslate2 call. Here the real model briefs a few
pages of ../shared/corpus/fr-news three ways, and every file must be the same bytes
(digest.json's `generated` time aside). Skipped when the model or the pages are absent.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT, SHARED
from test_faults import batch_command, cache_rows, interrupt, outputs, summary_counts

from translator.batch.planning import SUB_BATCH_UNITS

pytestmark = pytest.mark.slow

FR_NEWS = SHARED / "corpus" / "fr-news"
PAGES = 3  # a few pages: about ten sub-batches of the real model, well under a minute in all


@pytest.fixture(scope="module")
def real_run(tmp_path_factory, real_package):
    """The pages, the environment that finds the real model, and the files of an uninterrupted run."""
    pages = sorted(FR_NEWS.glob("*.txt"))[:PAGES] if FR_NEWS.is_dir() else []
    if len(pages) < PAGES:
        pytest.skip(f"fr-news pages not present: {FR_NEWS}")
    root = tmp_path_factory.mktemp("real-batch")
    inputs = root / "in"
    inputs.mkdir()
    for page in pages:
        (inputs / page.name).symlink_to(page)
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(Path(real_package.package_path).parent)}
    clean = subprocess.run(batch_command(inputs, root / "clean", beam_size=4), cwd=PROJECT, capture_output=True,
                           timeout=600, env={**env, "BRIEF_CACHE_DIR": str(root / "clean-cache")})
    assert clean.returncode == 0, clean.stderr.decode()
    # More units than one sub-batch holds, so a resumed run groups them differently.
    assert summary_counts(clean.stderr.decode())["units"] > SUB_BATCH_UNITS, clean.stderr.decode()
    expected = outputs(root / "clean")
    assert len(expected) == PAGES + 3  # a brief per page, digest.html, digest.md and digest.json
    return inputs, env, expected


def test_a_killed_and_resumed_real_batch_writes_the_same_bytes(tmp_path: Path, real_run) -> None:
    inputs, env, expected = real_run
    out, cache = tmp_path / "out", tmp_path / "cache"
    env = {**env, "BRIEF_CACHE_DIR": str(cache)}
    command = batch_command(inputs, out, beam_size=4)

    killed, _ = interrupt(command, env, lambda: cache_rows(cache) > 0, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    committed = cache_rows(cache)

    resumed = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()
    # The resumed run translates the rest in sub-batches of other units than the first run's.
    counts = summary_counts(resumed.stderr.decode())
    assert counts["hits"] >= committed > 0 and counts["units"] > counts["hits"]
    assert outputs(out) == expected


def test_a_real_batch_on_two_workers_writes_the_same_bytes(tmp_path: Path, real_run) -> None:
    inputs, env, expected = real_run
    out = tmp_path / "out"
    result = subprocess.run(batch_command(inputs, out, workers=2, beam_size=4), cwd=PROJECT, capture_output=True,
                            timeout=600, env={**env, "BRIEF_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr.decode()
    assert outputs(out) == expected
