"""Sub-batches translated several at once in this process (translation.parallel), and
the threads a batch uses for it (engine.batch_threads)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from conftest import PROJECT

from translator.batch.backends.pool import ProcessPoolTranslator
from translator.batch.backends.ray import RayTranslator
from translator.translation.engine import ArgosTranslator, DecodingOptions, batch_threads, default_threads
from translator.translation.parallel import in_parallel


class Gauge:
    """Counts the calls running at once, each held for `seconds`."""

    def __init__(self, seconds: float = 0.05) -> None:
        self.seconds = seconds
        self.running = 0
        self.most = 0
        self.started: list[int] = []
        self.lock = threading.Lock()

    def __call__(self, item: int) -> int:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
            self.started.append(item)
        time.sleep(self.seconds)
        with self.lock:
            self.running -= 1
        return item * 10


def test_every_item_comes_back_with_its_index_and_at_most_width_run_at_once() -> None:
    gauge = Gauge()
    results = dict(in_parallel(gauge, range(9), width=3))
    assert results == {index: index * 10 for index in range(9)}
    assert gauge.most == 3


def test_width_one_runs_one_call_at_a_time() -> None:
    gauge = Gauge(0.01)
    assert sorted(in_parallel(gauge, range(4), width=1)) == [(0, 0), (1, 10), (2, 20), (3, 30)]
    assert gauge.most == 1


def test_an_item_is_taken_only_when_a_thread_is_free_so_a_stop_starts_nothing_more() -> None:
    # The driver's plan ends as soon as a stop is asked for: the calls under way are
    # finished and handed back, and no item after them is taken or started.
    gauge = Gauge(0.2)
    stop = threading.Event()
    taken: list[int] = []

    def planned() -> Iterator[int]:
        for item in range(10):
            if stop.is_set():
                return
            taken.append(item)
            yield item

    finished = []
    for index, _ in in_parallel(gauge, planned(), width=2):
        finished.append(index)
        stop.set()
    assert sorted(finished) == sorted(gauge.started) == taken == [0, 1]


def test_an_error_in_a_call_is_raised_to_the_caller() -> None:
    def translate(item: int) -> int:
        if item == 2:
            raise ValueError("model failed on item 2")
        return item

    with pytest.raises(ValueError, match="item 2"):
        list(in_parallel(translate, range(5), width=2))


def test_a_batch_uses_one_call_per_core_on_the_cpu_and_one_call_on_a_gpu() -> None:
    assert batch_threads(0, "cpu") == (default_threads(), 1)
    assert batch_threads(3, "cpu") == (3, 1)
    assert batch_threads(4, "cuda") == (1, 4)
    # Worker processes and Ray actors take one sub-batch at a time each.
    assert batch_threads(4, "cpu", workers=2) == (1, 2)
    assert batch_threads(0, "cpu", workers=2) == (1, max(1, default_threads() // 2))
    assert batch_threads(0, "cpu", elsewhere=True) == (1, 0)


def test_parallel_calls_give_the_same_english_as_one_call_at_a_time(installed_model) -> None:
    batches = [[f"Phrase numéro {n} de la partie {part}." for n in range(part + 1)] for part in range(6)]
    one_at_a_time = ArgosTranslator(options=DecodingOptions(inter_threads=1, intra_threads=1))
    two_at_once = ArgosTranslator(options=DecodingOptions(inter_threads=2, intra_threads=1))
    expected = {index: one_at_a_time.translate(batch) for index, batch in enumerate(batches)}
    assert dict(two_at_once.translate_batches(batches)) == expected


def test_only_backends_working_elsewhere_are_stopped_at_once_by_a_ctrl_c() -> None:
    # Worker processes and Ray actors: what they have not returned is lost anyway. This
    # process's parallel calls cannot be cut, so the first Ctrl-C keeps them.
    assert ProcessPoolTranslator.runs_elsewhere and RayTranslator.runs_elsewhere
    assert not getattr(ArgosTranslator, "runs_elsewhere", False)


EXIT_WHILE_IN_THE_MODEL = """
import threading, time
from translator.translation.parallel import native_call

def call():
    with native_call():
        time.sleep(1.0)
        print("call ended", flush=True)

threading.Thread(target=call, daemon=True).start()
time.sleep(0.1)
print("main done", flush=True)
"""


def test_the_interpreter_waits_for_a_call_inside_the_model_before_it_exits() -> None:
    # A daemon thread coming back from C++ into a finalising interpreter aborts the process;
    # so the exit waits for the calls marked as being inside the model.
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", EXIT_WHILE_IN_THE_MODEL], cwd=PROJECT, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["main", "done", "call", "ended"]
    assert time.monotonic() - started >= 1.0
