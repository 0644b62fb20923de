"""`--workers N`: sub-batches translated by N processes, each loading the model once.

A backend like any other: it implements `translate_batches`, so the batch driver stays
the only process that writes the cache, the records and the briefs. Workers ignore
Ctrl-C; the driver decides, and `close()` ends them at once when it stops early.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from translator.batch.backends.recipe import unit_length_of
from translator.errors import ModelError
from translator.quiet import quiet_libraries

if TYPE_CHECKING:
    from translator.batch.backends.recipe import ModelRecipe
    from translator.translation.engine import TextTranslator

_worker_translator: "TextTranslator | None" = None
_worker_failure: str | None = None


def _exit_with_parent(interval: float = 0.5) -> None:
    """End this worker when the driver is gone (kill -9): the workers hold both ends of the
    pool's queues, so they would otherwise never see it close and would live on."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_worker(recipe: "ModelRecipe") -> None:
    global _worker_translator, _worker_failure
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver decides when to stop
    _exit_with_parent()
    quiet_libraries()
    try:
        _worker_translator = recipe.load()
    except Exception as exc:  # noqa: BLE001 - said once, in one line, by the driver
        # An initializer that raises makes the pool respawn workers and print tracebacks;
        # keep the reason and give it back with the first sub-batch instead.
        _worker_failure = str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _translate_in_worker(job: tuple[int, list[str]]) -> tuple[int, list[str]]:
    if _worker_failure is not None:
        raise ModelError(f"a --workers process could not load the model: {_worker_failure}")
    assert _worker_translator is not None
    index, texts = job
    return index, _worker_translator.translate(texts)


class ProcessPoolTranslator:
    """A TextTranslator over `workers` processes, each with the model of `recipe`."""

    runs_elsewhere = True  # a Ctrl-C stops at once: the workers' results would be lost anyway

    def __init__(self, recipe: "ModelRecipe", workers: int) -> None:
        self.model_id = recipe.model_id
        self.workers = workers
        context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        self._pool = ProcessPoolExecutor(workers, context, _start_worker, (recipe,))

    def translate(self, texts: Sequence[str]) -> list[str]:
        return self._result(self._pool.submit(_translate_in_worker, (0, list(texts))))[1]

    def translate_batches(self, batches: Iterable[Sequence[str]]) -> Iterator[tuple[int, list[str]]]:
        """Each worker takes the next sub-batch when it is free; results come as they finish.

        Two sub-batches per worker are queued at a time, so a stop drops little work.
        """
        jobs = iter(enumerate(batches))
        running: set[Future] = set()

        def submit_next() -> None:
            job = next(jobs, None)
            if job is not None:
                try:
                    running.add(self._pool.submit(_translate_in_worker, (job[0], list(job[1]))))
                except BrokenProcessPool:  # a worker died since the last result came back
                    raise self._died() from None

        for _ in range(2 * self.workers):
            submit_next()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                running.discard(future)
                result = self._result(future)
                submit_next()
                yield result

    @staticmethod
    def _result(future: Future) -> tuple[int, list[str]]:
        try:
            return future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): its sub-batch is lost, the rest is kept.
            raise ProcessPoolTranslator._died() from None

    @staticmethod
    def _died() -> ModelError:
        return ModelError("a --workers process died; finished work is kept, run the same command again to resume")

    def close(self) -> None:
        """Stop the workers at once: queued sub-batches are not wanted after a stop."""
        processes = list(getattr(self._pool, "_processes", {}).values())  # no public way before 3.14
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()


class WorkerPool:
    """A ModelRecipe: `recipe`'s model in `workers` processes."""

    def __init__(self, recipe: "ModelRecipe", workers: int) -> None:
        self.recipe = recipe
        self.workers = workers
        self.model_id = recipe.model_id
        self.cache_key = recipe.cache_key

    def load(self) -> ProcessPoolTranslator:
        return ProcessPoolTranslator(self.recipe, self.workers)

    def unit_length(self) -> Callable[[str], int]:
        """The wrapped recipe's unit length (the driver sorts sub-batches by it)."""
        return unit_length_of(self.recipe)
