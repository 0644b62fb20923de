"""`--workers N`: sub-batches translated by N processes, each loading the model once.

A backend like any other: it implements `translate_batches`, so the batch driver stays
the only process that writes the cache, the records and the briefs. Workers ignore
Ctrl-C; the driver decides, and `close()` ends them at once when it stops early.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .quiet import quiet_libraries

if TYPE_CHECKING:
    from .batch import ModelRecipe
    from .engine import TextTranslator

_worker_translator: "TextTranslator | None" = None


def _start_worker(recipe: "ModelRecipe") -> None:
    global _worker_translator
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver decides when to stop
    quiet_libraries()
    _worker_translator = recipe.load()


def _translate_in_worker(job: tuple[int, list[str]]) -> tuple[int, list[str]]:
    assert _worker_translator is not None
    index, texts = job
    return index, _worker_translator.translate(texts)


class ProcessPoolTranslator:
    """A TextTranslator over `workers` processes, each with the model of `recipe`."""

    def __init__(self, recipe: "ModelRecipe", workers: int) -> None:
        self.model_id = recipe.model_id
        self.workers = workers
        context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        self._pool = context.Pool(workers, _start_worker, (recipe,))
        self._finished = False

    def translate(self, texts: Sequence[str]) -> list[str]:
        return self._pool.apply(_translate_in_worker, ((0, list(texts)),))[1]

    def translate_batches(self, batches: Sequence[Sequence[str]]) -> Iterator[tuple[int, list[str]]]:
        """Each worker takes the next sub-batch when it is free; results come as they finish."""
        jobs = ((index, list(batch)) for index, batch in enumerate(batches))
        received = 0
        for result in self._pool.imap_unordered(_translate_in_worker, jobs, chunksize=1):
            received += 1
            yield result
        self._finished = received == len(batches)

    def close(self) -> None:
        """Wait for idle workers to exit; stop busy ones (their sub-batches are not wanted)."""
        if self._finished:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()


class WorkerPool:
    """A ModelRecipe: `recipe`'s model in `workers` processes."""

    def __init__(self, recipe: "ModelRecipe", workers: int) -> None:
        self.recipe = recipe
        self.workers = workers
        self.model_id = recipe.model_id
        self.cache_key = recipe.cache_key

    def load(self) -> ProcessPoolTranslator:
        return ProcessPoolTranslator(self.recipe, self.workers)
