"""`--workers N`: sub-batches translated by N processes, each loading the model once.

A backend like any other: it implements `translate_batches`, so the batch driver stays
the only process that writes the cache, the records and the briefs.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING

from .quiet import quiet_libraries

if TYPE_CHECKING:
    from .batch import ModelRecipe
    from .engine import TextTranslator

# Sub-batches queued per worker: enough that none waits for work, few enough that
# stopping (Ctrl-C) throws away little.
IN_FLIGHT_PER_WORKER = 2

_worker_translator: "TextTranslator | None" = None


def _start_worker(recipe: "ModelRecipe") -> None:
    global _worker_translator
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver decides when to stop
    quiet_libraries()
    _worker_translator = recipe.load()


def _translate_in_worker(texts: list[str]) -> list[str]:
    assert _worker_translator is not None
    return _worker_translator.translate(texts)


class ProcessPoolTranslator:
    """A TextTranslator over `workers` processes, each with the model of `recipe`."""

    def __init__(self, recipe: "ModelRecipe", workers: int) -> None:
        self.model_id = recipe.model_id
        self.workers = workers
        context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        self._executor = ProcessPoolExecutor(workers, context, _start_worker, (recipe,))

    def translate(self, texts: Sequence[str]) -> list[str]:
        return self._executor.submit(_translate_in_worker, list(texts)).result()

    def translate_batches(self, batches: Sequence[Sequence[str]]) -> Iterator[tuple[int, list[str]]]:
        running: dict[Future, int] = {}
        queued = iter(enumerate(batches))
        try:
            while True:
                while len(running) < self.workers * IN_FLIGHT_PER_WORKER:
                    item = next(queued, None)
                    if item is None:
                        break
                    running[self._executor.submit(_translate_in_worker, list(item[1]))] = item[0]
                if not running:
                    return
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield running.pop(future), future.result()
        finally:
            for future in running:
                future.cancel()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class WorkerPool:
    """A ModelRecipe: `recipe`'s model in `workers` processes."""

    def __init__(self, recipe: "ModelRecipe", workers: int) -> None:
        self.recipe = recipe
        self.workers = workers
        self.model_id = recipe.model_id
        self.cache_key = recipe.cache_key

    def load(self) -> ProcessPoolTranslator:
        return ProcessPoolTranslator(self.recipe, self.workers)
