"""The producer side of a batch: load, check the records, clean and plan each input in a
background thread, handing each article to the driver as soon as it is ready.

Local files are loaded in input order; inputs that wait on the network (`remote`) are
loaded by `loaders` threads at once and cleaned in the order they arrive. So while the
model translates one sub-batch, the next pages are being fetched and cleaned. Inputs an
earlier run finished are put in `skipped`, inputs that fail in `failed`, one line each;
a missing model (spaCy's) stops the batch as before.

Finding the speakers (spaCy) is the slow part of preparing, and the only one the title
and the lead of a brief do not depend on. So inputs are taken in chunks of up to
`LOOKAHEAD`: all of a chunk is cleaned first and the titles and leads of its articles
are handed over (`Early`), so the model translates them while spaCy works on the chunk;
then its articles follow one by one, each with its speakers (`Pending`).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from translator.batch.inputs import BatchInput, Loaded
from translator.batch.records import RecordStore
from translator.document import Failure
from translator.errors import BriefError, ModelError
from translator.output.digest import DigestEntry
from translator.pipeline import PreparedArticle, early_units, plan, prepare_without_speakers, with_speakers
from translator.summary.compose import BriefOptions

HANDOVER = 64  # prepared articles waiting for the translator at most (bounds memory)
# Articles cleaned ahead of the speakers: on the fr-news pages, 64 titles and leads kept
# both of the model's calls busy while spaCy loaded and found the speakers of the 64.
LOOKAHEAD = 64
_DONE = object()


@dataclass
class Pending:
    """An article ready for translation: its input, content hash and planned units."""

    item: BatchInput
    content: str
    prepared: PreparedArticle
    briefed: bool = False  # its brief is written (by this run or an earlier one)
    full: bool = False  # its output holds the whole body translated


@dataclass
class Early:
    """Units some briefs will show whoever their speakers are (titles, leads), handed
    over before those articles are `Pending`, so the model can start on them."""

    units: list[str]


@dataclass
class _Cleaned:
    """An input cleaned and cut into segments, its speakers still to find."""

    item: BatchInput
    content: str
    unattributed: PreparedArticle
    briefed: bool


def failure_reason(exc: BaseException, source: str) -> str:
    """One line for a failed input, without its name repeated at the front."""
    text = str(exc) if isinstance(exc, BriefError) else f"unexpected error: {type(exc).__name__}: {exc}"
    text = text.splitlines()[0] if text else type(exc).__name__
    return text.removeprefix(f"{source}: ")


class Preparer:
    """Iterate over it for the `Pending` articles; use it as a context manager."""

    def __init__(
        self,
        items: Sequence[BatchInput],
        records: RecordStore,
        signature: str,
        options: BriefOptions,
        max_bytes: int,
        loaders: int,
        stopping: Callable[[], bool],
    ) -> None:
        self.items = items
        self.records = records
        self.signature = signature
        self.options = options
        self.max_bytes = max_bytes
        self.loaders = max(1, loaders)
        self.stopping = stopping
        self.skipped: list[DigestEntry] = []
        self.failed: list[Failure] = []
        self._ready: queue.Queue = queue.Queue(maxsize=HANDOVER)
        self._cancelled = threading.Event()
        self._lock = threading.Lock()  # the producer appends to skipped/failed while the driver takes them
        self._thread = threading.Thread(target=self._produce, name="brief-prepare", daemon=True)

    def __enter__(self) -> Preparer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        # The producer sees the flag within 0.1 s, or once the article it is cleaning is
        # done; a stop does not wait for that (it and the loaders are daemon threads).
        self._cancelled.set()
        self._thread.join(timeout=0.2)

    def take_results(self) -> tuple[list[DigestEntry], list[Failure]]:
        """The inputs skipped and failed so far, each handed out once."""
        with self._lock:
            skipped, failed = self.skipped, self.failed
            self.skipped, self.failed = [], []
        return skipped, failed

    def __iter__(self) -> Iterator[Pending | Early]:
        while not self.stopping():
            try:
                got = self._ready.get(timeout=0.1)
            except queue.Empty:
                continue
            if got is _DONE:
                return
            if isinstance(got, BaseException):
                raise got
            yield got

    def _produce(self) -> None:
        try:
            remote = [item for item in self.items if item.source.remote]
            arrived = self._start_loaders(remote)
            waiting = len(remote)
            chunk: list[tuple[BatchInput, Loaded | BaseException]] = []
            for item in self.items:
                if self._cancelled.is_set():
                    return
                if not item.source.remote:
                    chunk.append((item, self._load(item)))
                while waiting and not arrived.empty():  # pages already fetched go in between files
                    chunk.append(arrived.get())
                    waiting -= 1
                if len(chunk) >= LOOKAHEAD:
                    chunk = self._prepare_chunk(chunk)
            while waiting and not self._cancelled.is_set():
                try:  # pages as they arrive; when none is there, go on with those that are
                    chunk.append(arrived.get(timeout=0.1) if not chunk else arrived.get_nowait())
                except queue.Empty:
                    chunk = self._prepare_chunk(chunk)
                    continue
                waiting -= 1
                if len(chunk) >= LOOKAHEAD:
                    chunk = self._prepare_chunk(chunk)
            self._prepare_chunk(chunk)
        except BaseException as exc:  # noqa: BLE001 - handed to the driver's thread, raised there
            self._put(exc)
        finally:
            self._put(_DONE)

    def _start_loaders(self, remote: list[BatchInput]) -> queue.Queue:
        """Threads loading the remote inputs, `loaders` at a time; results arrive as they finish."""
        todo: queue.Queue = queue.Queue()
        for item in remote:
            todo.put(item)
        arrived: queue.Queue = queue.Queue(maxsize=2 * self.loaders)

        def work() -> None:
            while not self._cancelled.is_set():
                try:
                    item = todo.get_nowait()
                except queue.Empty:
                    return
                result = self._load(item)
                while not self._cancelled.is_set():
                    try:
                        arrived.put((item, result), timeout=0.1)
                        break
                    except queue.Full:
                        continue

        for number in range(min(self.loaders, len(remote))):
            threading.Thread(target=work, name=f"brief-load-{number}", daemon=True).start()
        return arrived

    def _load(self, item: BatchInput) -> Loaded | BaseException:
        try:
            return item.source.load(self.max_bytes)
        except Exception as exc:  # noqa: BLE001 - reported for this input, the batch goes on
            return exc

    def _prepare_chunk(self, chunk: list[tuple[BatchInput, Loaded | BaseException]]) -> list:
        """Clean every input of `chunk`, hand over the titles and leads of the briefs to
        write, then find each one's speakers and hand it over; an empty chunk for the next."""
        cleaned = [c for item, loaded in chunk if (c := self._clean(item, loaded)) is not None]
        units = [u for c in cleaned if not c.briefed for u in early_units(c.unattributed, self.options)]
        if units and not self._cancelled.is_set():
            self._put(Early(units))
        for article in cleaned:
            if self._cancelled.is_set():
                break
            self._finish(article)
        return []

    def _clean(self, item: BatchInput, loaded: Loaded | BaseException) -> _Cleaned | None:
        """Skip what an earlier run finished; clean the rest; report bad inputs."""
        source = item.source.label
        if isinstance(loaded, BaseException):
            self._fail(Failure(source, failure_reason(loaded, source)))
            return None
        finished = self.records.finished(item.source.key, loaded.content, self.signature)
        if finished is not None:
            with self._lock:
                self.skipped.append(finished.entry)
            if finished.full or not self.options.translate_all:
                return None  # else only its full translation is missing
        try:
            unattributed = prepare_without_speakers(loaded.read())
        except Exception as exc:  # noqa: BLE001 - reported per input, the batch goes on
            self._fail(Failure(source, failure_reason(exc, source)))
            return None
        return _Cleaned(item, loaded.content, unattributed, briefed=finished is not None)

    def _finish(self, cleaned: _Cleaned) -> None:
        """Find the speakers, choose what the brief shows, and hand the article over."""
        try:
            prepared = plan(with_speakers(cleaned.unattributed), self.options)
        except ModelError:
            raise  # a missing model (spaCy's, for speakers) stops the batch: exit code 3
        except Exception as exc:  # noqa: BLE001 - reported per input, the batch goes on
            source = cleaned.item.source.label
            self._fail(Failure(source, failure_reason(exc, source)))
            return
        self._put(Pending(cleaned.item, cleaned.content, prepared, briefed=cleaned.briefed))

    def _fail(self, failure: Failure) -> None:
        with self._lock:
            self.failed.append(failure)

    def _put(self, value: object) -> None:
        while True:
            try:
                self._ready.put(value, timeout=0.1)
                return
            except queue.Full:
                if self._cancelled.is_set():
                    return
