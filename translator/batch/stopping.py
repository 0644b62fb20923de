"""Ctrl-C and SIGTERM during a batch: stop after the sub-batches under way, or at once on a second."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class StopRequest:
    """SIGINT/SIGTERM while a batch runs: the first asks to stop after the sub-batches under way,
    a second one stops at once. Only in the main thread (signals cannot be caught elsewhere).

    In this process a sub-batch cannot be cut (CTranslate2 holds its thread), so the
    first stop finishes and keeps the ones under way. A backend whose translator
    `runs_elsewhere` (worker processes, Ray actors) only waits here: it is stopped at
    once (`at_once`), as what it has not returned yet would be lost anyway. Even then, files
    being written (`writing()`) are finished first, so no brief, record or temp file is
    left half-made.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested = False
        self.at_once = False
        self._previous: dict[int, object] = {}
        self._writing = 0  # nesting depth of `writing()`
        self._deferred = False  # a stop-at-once that arrived while writing

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested or self.at_once:
            self.requested = True
            if self._writing:
                self._deferred = True
                return
            raise KeyboardInterrupt
        self.requested = True

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold a stop-at-once back until the files written inside are whole; then stop."""
        self._writing += 1
        try:
            yield
        finally:
            self._writing -= 1
        if not self._writing and self._deferred:
            self._deferred = False
            raise KeyboardInterrupt

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread():
            for number in self.SIGNALS:
                self._previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
