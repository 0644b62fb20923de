"""Ctrl-C once and twice, and an internal error, through the real `brief` command.

The tiny model answers a sub-batch in milliseconds, too fast to signal in the middle of
one, so these runs wrap its translate() with a pause in Python first (as a slow model
would take); everything else is the product as shipped. One Ctrl-C lets the sub-batch in
progress finish and keeps it; a second one stops at once and drops it. A bug is one line
and exit 70, and BRIEF_DEBUG=1 shows its traceback with the same exit code.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROJECT
from test_faults import cache_rows, write_inputs

pytestmark = pytest.mark.slow

# Seconds each sub-batch takes: long enough that a stop at once (which on a loaded machine
# took up to 3.2 s to tear the process down) is told apart from waiting for the sub-batch.
PAUSE = 10.0
INPUTS = 40  # about 120 units for the briefs alone (the first phase): four sub-batches
CALLS = 2  # sub-batches translated at once (--threads 2: two calls of one thread each)

# `brief`, with the model's translate() first writing a line to $STARTED and pausing.
SLOW_MODEL = f"""
import os, sys, time
from translator.translation import engine
from translator.cli import main

translate = engine.ArgosTranslator.translate
def slow_translate(self, texts):
    with open(os.environ["STARTED"], "a") as sink:
        sink.write("sub-batch\\n")
    time.sleep({PAUSE})
    return translate(self, texts)

engine.ArgosTranslator.translate = slow_translate
main(sys.argv[1:], prog_name="brief")
"""


def run_and_interrupt(tmp_path: Path, presses: int) -> tuple[subprocess.CompletedProcess, float, Path]:
    """Start a slow batch; once its first sub-batch is under way, press Ctrl-C `presses` times."""
    inputs, cache, started = tmp_path / "in", tmp_path / "cache", tmp_path / "started"
    write_inputs(inputs, INPUTS)
    command = [sys.executable, "-c", SLOW_MODEL, "batch", str(inputs), "-o", str(tmp_path / "out"),
               "--beam-size", "1", "--threads", str(CALLS)]
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache), "STARTED": str(started)}
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not started.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, process.communicate()[1].decode()
    time.sleep(0.3)
    pressed = time.monotonic()
    for _ in range(presses):
        process.send_signal(signal.SIGINT)
        time.sleep(0.2)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), time.monotonic() - pressed, cache


def test_one_ctrl_c_finishes_the_sub_batches_in_progress_and_keeps_them(tmp_path: Path, installed_model) -> None:
    result, stopped, cache = run_and_interrupt(tmp_path, presses=1)
    err = result.stderr.decode()
    assert result.returncode == 130, err
    assert stopped > PAUSE - 1.5, f"stopped {stopped:.1f}s after Ctrl-C: it did not wait for the sub-batch"
    assert "Run the same command again to resume" in err
    # The sub-batches under way (one per call) were finished and kept, and no other one was started.
    assert (tmp_path / "started").read_text().count("sub-batch") == CALLS
    assert cache_rows(cache) > 0
    done = re.search(r"brief: interrupted; (\d+) done", err)
    assert done and int(done.group(1)) < INPUTS, err
    assert "Traceback" not in err


def test_a_second_ctrl_c_stops_at_once_and_drops_the_sub_batches(tmp_path: Path, installed_model) -> None:
    result, stopped, cache = run_and_interrupt(tmp_path, presses=2)
    err = result.stderr.decode()
    assert result.returncode == 130, err
    assert stopped < PAUSE / 2, f"took {stopped:.1f}s to stop after a second Ctrl-C"
    assert "brief: interrupted; 0 done" in err
    assert cache_rows(cache) == 0
    assert "Traceback" not in err


# `brief` with a bug planted in the cleaner.
BUGGY_CLEANER = """
import sys
from translator.french import clean
from translator.cli import main

def broken(document):
    raise RuntimeError("a bug planted by the test")

clean.clean_document = broken
main(sys.argv[1:], prog_name="brief")
"""


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_is_exit_70_and_brief_debug_shows_the_traceback(tmp_path: Path, debug: bool) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Le conseil municipal a voté mardi soir le budget de la commune pour l'année prochaine.\n",
                    encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "BRIEF_DEBUG"}
    if debug:
        env["BRIEF_DEBUG"] = "1"
    result = subprocess.run([sys.executable, "-c", BUGGY_CLEANER, "clean", str(page)], cwd=PROJECT, env=env,
                            capture_output=True, timeout=120)
    err = result.stderr.decode()
    assert result.returncode == 70, err
    if debug:
        assert err.startswith("Traceback (most recent call last)")
        assert ", in broken\nRuntimeError: a bug planted by the test\n" in err
    else:
        assert err.splitlines() == ["brief: internal error: RuntimeError: a bug planted by the test "
                                    "(set BRIEF_DEBUG=1 for the traceback)"]
