"""Several translator calls at once in this process, and an exit that waits for them.

CTranslate2 works outside Python's lock, and a model loaded with `inter_threads=N` keeps
N replicas that can each run a call. On the 2-core machine the README measures, two
calls of one thread each translated the briefs' units of the fr-news pages 2x faster
than one call of two threads (one beam search alone leaves the second core half idle),
with the same English for every unit. So a batch hands out its sub-batches to up to N
threads (`in_parallel`).

Those threads are daemon threads, so a stop at once (a second Ctrl-C) does not wait for
them; but the interpreter must not shut down while one is inside the model: a thread
coming back from C++ into a finalising Python is ended by unwinding through C++ frames,
which aborts the process. `native_call()` marks those stretches and an exit waits for
them (the calls under way, a few seconds).
"""

from __future__ import annotations

import atexit
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_EXIT_WAIT_SECONDS = 120.0
_busy = 0
_idle = threading.Condition()


@contextmanager
def native_call() -> Iterator[None]:
    """Mark a call into the model's C++ code, so that the interpreter's exit waits for it."""
    global _busy
    with _idle:
        _busy += 1
    try:
        yield
    finally:
        with _idle:
            _busy -= 1
            _idle.notify_all()


@atexit.register
def _wait_for_native_calls() -> None:
    with _idle:
        _idle.wait_for(lambda: _busy == 0, timeout=_EXIT_WAIT_SECONDS)


def in_parallel(
    function: Callable[[Item], Result], items: Iterable[Item], width: int, name: str = "brief-translate"
) -> Iterator[tuple[int, Result]]:
    """`(index, function(item))` for each item as it finishes (any order), at most `width`
    at a time, each in a daemon thread.

    The next item is taken only when a thread is free, so `items` may be a generator that
    plans work as it comes, and an item that is never taken is never started: when
    `items` ends early (a stop), the calls under way are finished and yielded, no other.
    An error in a call is raised here; the other calls are left to end on their own.
    """
    done: queue.Queue[tuple[int, Result | None, BaseException | None]] = queue.Queue()
    pending = enumerate(items)
    running = 0

    def start(index: int, item: Item) -> None:
        def work() -> None:
            try:
                done.put((index, function(item), None))
            except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                done.put((index, None, exc))

        threading.Thread(target=work, name=f"{name}-{index}", daemon=True).start()

    exhausted = False
    while True:
        while not exhausted and running < max(1, width):
            taken = next(pending, None)
            if taken is None:
                exhausted = True
            else:
                start(*taken)
                running += 1
        if not running:
            return
        index, result, error = _next_result(done)
        running -= 1
        if error is not None:
            raise error
        yield index, result  # type: ignore[misc]


def _next_result(done: queue.Queue) -> tuple:
    """The next finished call; waits in short steps so the main thread still sees Ctrl-C."""
    while True:
        try:
            return done.get(timeout=0.1)
        except queue.Empty:
            continue

