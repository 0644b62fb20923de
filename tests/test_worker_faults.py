"""`--workers N`: a worker that cannot load the model, or dies mid-run, ends the batch in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROJECT

from translator.errors import ModelError
from translator.batch.backends.pool import WorkerPool

pytestmark = pytest.mark.slow


class BrokenRecipe:
    """A ModelRecipe whose model cannot be loaded (as with damaged weights)."""

    model_id = "broken"
    cache_key = "broken|beam=1"

    def load(self):
        raise ModelError("cannot load the CTranslate2 model in /nowhere: damaged weights")


def test_a_worker_that_cannot_load_the_model_is_one_error_not_a_hang() -> None:
    translator = WorkerPool(BrokenRecipe(), 2).load()
    try:
        with pytest.raises(ModelError, match="could not load the model: .*damaged weights"):
            list(translator.translate_batches([["Bonjour."], ["Merci."]]))
    finally:
        translator.close()


def test_a_worker_killed_mid_run_ends_the_batch_in_one_line_and_the_rerun_finishes(
    tmp_path: Path, installed_model
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(30):
        (inputs / f"a{n:02d}.txt").write_text(
            f"Le conseil de la commune numéro {n} a voté le budget après {n + 3} heures de débat.\n"
            f"La salle des fêtes numéro {n * 7} sera rénovée avant l'été, pour {n * 1000 + 500} euros.\n",
            encoding="utf-8",
        )
    out, env = tmp_path / "out", {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "translator.cli", "batch", str(inputs), "-o", str(out), "--workers", "2",
               "--beam-size", "1"]
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    children = []
    deadline = time.monotonic() + 120
    while not children and time.monotonic() < deadline and process.poll() is None:
        found = subprocess.run(["pgrep", "-P", str(process.pid), "-f", "spawn_main"], capture_output=True,
                               text=True).stdout.split()
        children = [int(pid) for pid in found]
        time.sleep(0.05)
    assert children, "no worker process was started"
    os.kill(children[0], signal.SIGKILL)  # while it loads the model or translates its first sub-batch
    _, stderr = process.communicate(timeout=120)
    err = stderr.decode()
    assert process.returncode == 3, err
    assert "Traceback" not in err and "a --workers process died" in err
    rerun = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert len(list(out.glob("a*.md"))) == 30
