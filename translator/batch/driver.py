"""`brief batch`: many articles → one brief each plus a digest, resumably.

Inputs (files, web pages) are loaded, checked against the records, cleaned and planned
by a producer thread (preparing.py) while the model translates, so fetching overlaps
translation; the titles and leads of a chunk of inputs come first, before the speakers
are found. The model may run several sub-batches at once (translation.parallel). Then
two phases: first what every brief shows (title, chosen sentences, key quotes, speakers
described in words), taken in as each article is ready, after which the digest is
written; then, when whole bodies are wanted (`--translate-all`),
the rest of each briefed body, rewriting each output with its full translation. A
digest reader waits only for the first. The second phase's sub-batches are handed out
right after the first's, in one stream, so the model works on while the last briefs and
the digest are written. In each phase, units found in the cache are
served from it; the rest go to the translator in sub-batches of a few seconds each
(articles in the order they are ready, sorted by length within a small window so each
sub-batch holds similar lengths). Each finished sub-batch is committed to the cache at
once, and each output is written (atomically) as soon as all units it needs are
translated, then its record. Ctrl-C stops after the sub-batches under way; a kill loses at
most those, and the same command resumes: it skips written briefs and, if
whole bodies are wanted, only adds their translations.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translator import __version__
from translator.batch.backends import ArgosModel, ModelRecipe
from translator.batch.backends.recipe import unit_length_of
from translator.batch.inputs import BatchInput, Failure, Source, name_outputs
from translator.batch.preparing import Early, Pending, Preparer, failure_reason
from translator.summary.compose import BriefOptions
from translator.translation.cache import CacheError, TranslationCache, normalise
from translator.output.digest import DigestEntry, digest_json, digest_markdown
from translator.output.html import digest_html
from translator.output.stories import make_stories
from translator.grouping import StoryText, group_stories, grouping_key, warm_up
from translator.document import Brief
from translator.translation.engine import TextTranslator, iter_translated_batches
from translator.files import make_folder, write_atomic
from translator.pipeline import PreparedArticle, finish
from translator.french.reader import DEFAULT_MAX_BYTES
from translator.batch.planning import SORT_WINDOW, SUB_BATCH_UNITS, SubBatchPlanner
from translator.batch.records import RecordStore, remove_stale_temps
from translator.batch.stopping import StopRequest
from translator.output.render import render_brief

EXTENSIONS = {"markdown": "md", "json": "json", "text": "txt", "html": "html"}


@dataclass(frozen=True)
class BatchSettings:
    fmt: str = "markdown"
    options: BriefOptions = field(default_factory=BriefOptions)
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True
    cache_dir: Path | None = None
    # Units per translator call: what a kill can lose, and how long Ctrl-C may wait.
    sub_batch_units: int = SUB_BATCH_UNITS
    sort_window: int = SORT_WINDOW
    # Gather articles about one event into one story in the digest (`--no-group`: off).
    group: bool = True
    # Inputs loaded at once when loading waits on the network (web pages).
    loaders: int = 8

    @property
    def full_text(self) -> bool:
        """Translate whole bodies after the briefs (else only what the briefs show)."""
        return self.options.translate_all

    def signature(self, cache_key: str) -> str:
        """What a brief depends on besides its input: a change means the brief is redone.

        Not whether whole bodies are translated: the brief is the same either way, and a
        record says whether its output holds the full translation (see `records`).
        """
        options = {key: value for key, value in asdict(self.options).items() if key != "translate_all"}
        data = {"version": __version__, "format": self.fmt, "options": options, "model": cache_key}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class BatchReport:
    done: list[DigestEntry] = field(default_factory=list)
    skipped: list[DigestEntry] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    full_texts: int = 0  # outputs rewritten with the whole body translated
    units: int = 0
    cache_hits: int = 0
    model_loaded: bool = False
    interrupted: bool = False
    seconds: float = 0.0
    digest_seconds: float | None = None  # when the digest was written, from the start

    def summary(self) -> str:
        text = (
            f"{len(self.done)} done, {len(self.skipped)} skipped (already done), {len(self.failed)} failed"
            f" in {self.seconds:.1f}s"
        )
        if self.digest_seconds is not None:
            text += f" (digest after {self.digest_seconds:.1f}s)"
        if self.full_texts:
            text += f"; {self.full_texts} full translations added"
        if self.units:
            text += f"; {self.units} units translated, {self.cache_hits} from the cache"
        return text


class Progress:
    """Two tqdm bars (articles, sentences) on a terminal; nothing otherwise.

    Their totals grow as articles are cleaned and their units looked up."""

    def __init__(self, articles: int, units: int, enabled: bool, label: str = "articles") -> None:
        self.bars = []
        if enabled:
            from tqdm import tqdm

            common = {"file": sys.stderr, "dynamic_ncols": True, "mininterval": 0.2}
            self.bars = [
                tqdm(total=articles, desc=f"{label:9}", unit="art", position=0, **common),
                tqdm(total=units, desc="sentences", unit="sent", position=1, **common),
            ]

    def articles(self, count: int = 1) -> None:
        if self.bars:
            self.bars[0].update(count)

    def more_articles(self, count: int) -> None:
        if self.bars and count:
            self.bars[0].total += count
            self.bars[0].refresh()

    def relabel(self, label: str) -> None:
        if self.bars:
            self.bars[0].set_description(f"{label:9}")

    def units(self, count: int) -> None:
        if self.bars:
            self.bars[1].update(count)

    def more_units(self, count: int) -> None:
        if self.bars and count:
            self.bars[1].total += count
            self.bars[1].refresh()

    def close(self) -> None:
        for bar in reversed(self.bars):
            bar.close()


@dataclass(frozen=True)
class Phase:
    """One pass over the pending articles: translate what their outputs need, write each."""

    label: str  # on the progress bar
    full: bool  # whole bodies (else only what each brief shows)


BRIEFS = Phase("briefs", full=False)
FULL_TEXT = Phase("full text", full=True)


@dataclass
class _Waiting:
    """An article being translated for one phase: what it needs, their cache keys, and the keys still missing."""

    pending: Pending
    article: PreparedArticle  # the whole body, or only what its brief shows
    units: list[str]
    keys: list[str]
    missing: set[str]
    phase: Phase


def warn(message: str) -> None:
    print(f"brief: warning: {message}", file=sys.stderr, flush=True)


class Batch:
    """One run of `brief batch` over `inputs`, writing into `outdir`."""

    def __init__(
        self,
        outdir: Path,
        settings: BatchSettings,
        model: ModelRecipe,
        show_progress: bool = False,
        on_warning: Callable[[str], None] = warn,
    ) -> None:
        self.outdir = outdir
        self.settings = settings
        self.model = model
        self.show_progress = show_progress
        self.warn = on_warning
        self.store = RecordStore(outdir)
        self.signature = settings.signature(model.cache_key)
        self.report = BatchReport()
        self.cache: TranslationCache | None = None
        self.translator: TextTranslator | None = None
        self.english: dict[str, str] = {}  # normalised French unit → English, for the whole run
        self._length: Callable[[str], int] | None = None

    def run(self, inputs: Sequence[Path | Source], failures: Sequence[Failure] = ()) -> BatchReport:
        """Write the briefs as inputs are prepared, then the digest, then (when wanted) the full texts."""
        started = time.perf_counter()
        make_folder(self.outdir)
        remove_stale_temps(self.outdir)
        self.report.failed += failures
        named = name_outputs(inputs)
        with StopRequest() as stop:
            preparer = Preparer(named, self.store, self.signature, self.settings.options, self.settings.max_bytes,
                                self.settings.loaders, lambda: stop.requested)
            try:
                self._open_cache()
                with preparer:
                    _Stream(self, preparer, named, stop, started).run()
            except KeyboardInterrupt:
                self.report.interrupted = True
            finally:
                self._take_over(preparer)
                self.report.interrupted |= stop.requested
                self.report.seconds = time.perf_counter() - started
                self._close()
        return self.report

    def _take_over(self, preparer: Preparer) -> None:
        """The inputs the producer skipped or failed, into the report (once)."""
        skipped, failed = preparer.take_results()
        self.report.skipped += skipped
        self.report.failed += failed

    def _open_cache(self) -> None:
        if self.settings.use_cache:
            try:
                self.cache = TranslationCache(self.settings.cache_dir)
            except CacheError as exc:
                self._drop_cache(exc)

    def _drop_cache(self, exc: CacheError) -> None:
        """A broken cache must not sink the batch: say so once and go on without it."""
        self.warn(f"{exc}; going on without the cache")
        if self.cache:
            self.cache.close()
        self.cache = None

    def _close(self) -> None:
        close = getattr(self.translator, "close", None)
        self.translator = None
        if close:
            close()
        if self.cache:
            self.cache.close()

    def _cached(self, keys: list[str]) -> dict[str, str]:
        if self.cache:
            try:
                return self.cache.get_many(self.model.cache_key, keys)
            except CacheError as exc:
                self._drop_cache(exc)
        return {}

    def _translate(self, planned: Iterator[list[str]], stop: StopRequest) -> Iterator[list[tuple[str, str]]]:
        """(French, English) pairs of each sub-batch as it finishes, committed to the cache first.

        `planned` yields sub-batches as articles arrive. The model loads only once there
        is something to translate; after a stop request no sub-batch is handed out, and
        those under way (one per parallel call) are finished and kept.
        """
        first = next(planned, None)
        if first is None or stop.requested:
            return
        batches = [first]  # every sub-batch handed out, by index

        def handed_out() -> Iterator[list[str]]:
            yield first
            for batch in planned:
                if stop.requested:
                    return
                batches.append(batch)
                yield batch

        stream = iter_translated_batches(self._translator(stop), handed_out())
        try:
            for index, translated in stream:
                done = list(zip(batches[index], translated, strict=True))
                self._commit(done)
                self.report.units += len(done)
                yield done
        finally:
            stream.close()

    def _unit_length(self, unit: str) -> int:
        """A unit's length for the model (its tokens), to sort sub-batches; the tokenizer is
        loaded at the first sort, which a run served from the cache never reaches."""
        if self._length is None:
            self._length = unit_length_of(self.model)
        return self._length(unit)

    def _translator(self, stop: StopRequest) -> TextTranslator:
        """The model, loaded once for both phases; closed by `_close` at the end of the run."""
        if self.translator is None:
            self.translator = self.model.load()
            self.report.model_loaded = True
        stop.at_once = getattr(self.translator, "runs_elsewhere", False)
        return self.translator

    def _commit(self, pairs: list[tuple[str, str]]) -> None:
        if self.cache:
            try:
                self.cache.put_many(self.model.cache_key, pairs)
            except CacheError as exc:
                self._drop_cache(exc)

    def _write(self, waiter: _Waiting, progress: Progress, stop: StopRequest) -> None:
        """Brief one article, write it atomically, then its record (a crash in between only redoes it).

        A full text is not written over a brief that failed, nor over one that already
        holds the whole body (an article whose brief shows all of it)."""
        pending, article, phase = waiter.pending, waiter.article, waiter.phase
        if phase.full and (not pending.briefed or pending.full):
            progress.articles()
            return
        source = article.article.source
        english = {unit: self.english[key] for unit, key in zip(waiter.units, waiter.keys)}
        try:
            brief: Brief = finish(article, english, self.model.model_id, self.settings.options)
        except Exception as exc:  # noqa: BLE001 - one article's bug must not sink the batch
            reason = failure_reason(exc, source)
            self.report.failed.append(Failure(source, f"full translation: {reason}" if pending.briefed else reason))
        else:
            output = f"{pending.item.name}.{EXTENSIONS[self.settings.fmt]}"
            entry = DigestEntry.from_brief(brief, output)
            with stop.writing():
                write_atomic(self.outdir / output, render_brief(brief, self.settings.fmt, full_text=True))
                self.store.save(pending.item.source.key, pending.content, self.signature, entry,
                                full=article.complete)
            if not pending.briefed:
                self.report.done.append(entry)
            self.report.full_texts += phase.full
            pending.briefed, pending.full = True, article.complete
        progress.articles()

    def _write_digest(self, named: list[BatchInput], stop: StopRequest) -> None:
        """The three digests (and the saved story groups), never left half-written by a stop."""
        entries = self.report.skipped + self.report.done
        # Input order first, so undated articles keep it in the digest.
        order = {item.source.label: number for number, item in enumerate(named)}
        entries.sort(key=lambda entry: order.get(entry.source, len(order)))
        failed = self.report.failed
        with stop.writing():
            stories = make_stories(entries, self._groups(entries) if self.settings.group else None)
            write_atomic(self.outdir / "digest.html", digest_html(stories, failed, self.model.model_id))
            write_atomic(self.outdir / "digest.md", digest_markdown(stories, failed))
            write_atomic(self.outdir / "digest.json", digest_json(stories, failed, self.model.model_id))

    def _groups(self, entries: list[DigestEntry]) -> list[list[int]]:
        """Stories across sources, decided on the French only, so a warm cache or a resumed
        run groups exactly alike; the same articles again reuse the saved groups."""
        texts = [StoryText(entry.title_fr, entry.paragraphs_fr, entry.date) for entry in entries]
        key = grouping_key(texts)
        groups = self.store.stories(key)
        if groups is None or sorted(i for group in groups for i in group) != list(range(len(texts))):
            groups = group_stories(texts)
            self.store.save_stories(key, groups)
        return groups


class _Stream:
    """Both phases of one run as one stream of sub-batches: the briefs as articles arrive,
    the digest once the last brief is written, then (when wanted) the rest of each body.

    As articles arrive: serve what is known or cached, plan the rest into sub-batches,
    translate them, and write each output as soon as its last unit is translated. The
    full texts' sub-batches are handed out right after the briefs' last ones, so the
    model is not left idle while the last briefs finish and the digest is written; a
    unit is still taken in the order planned, so the digest comes no later.
    """

    def __init__(self, batch: Batch, preparer: Preparer, named: list[BatchInput], stop: StopRequest,
                 started: float) -> None:
        self.batch = batch
        self.preparer = preparer
        self.named = named
        self.stop = stop
        self.started = started
        self.english = batch.english
        self.waiting: dict[str, list[_Waiting]] = {}  # unit → the articles still waiting for it
        self.planner = SubBatchPlanner(batch.settings.sub_batch_units, batch.settings.sort_window, batch._unit_length)
        self.progress = Progress(0, 0, batch.show_progress, BRIEFS.label)
        self.briefs_left: set[int] = set()  # the briefs still to write (ids of their waiters)
        self.all_arrived = False
        self.digest_failures: int | None = None  # failures the digest was written with

    def run(self) -> None:
        batch = self.batch
        try:
            with closing(batch._translate(self.sub_batches(), self.stop)) as translated:  # a failed write stops it too
                for done in translated:
                    self.english.update(done)
                    self.progress.units(len(done))
                    for key, _ in done:
                        for waiter in self.waiting.pop(key, ()):
                            waiter.missing.discard(key)
                            if not waiter.missing:
                                self.written(waiter)
            if not self.stop.requested:  # every unit planned was translated: an article still waiting is a bug
                self.report_stranded()
            if self.digest_failures is not None and len(batch.report.failed) > self.digest_failures:
                batch._write_digest(self.named, self.stop)  # full texts that failed are listed too
        finally:
            self.progress.close()

    def sub_batches(self) -> Iterator[list[str]]:
        """The sub-batches to translate, in order: titles and leads, the briefs as their
        articles arrive, then every article's full text."""
        settings = self.batch.settings
        prepared: list[Pending] = []  # every article, for the full texts
        for pending in self.preparer:
            if self.stop.requested:
                return
            if isinstance(pending, Early):
                yield from self.early(pending.units)
                continue
            prepared.append(pending)
            if not pending.briefed:
                yield from self.arrive(BRIEFS, pending)
        if settings.group:  # the digest's grouping imports its libraries while the model works
            threading.Thread(target=warm_up, name="brief-warm-up", daemon=True).start()
        self.batch._take_over(self.preparer)  # the inputs skipped or failed belong in the digest
        yield from self.planner.flush()
        self.all_arrived = True
        self.digest_when_briefed()  # if every brief was already written
        if not settings.full_text:
            return
        self.planner.one_window()  # every article is here
        for pending in prepared:
            if self.stop.requested:
                return
            if not pending.full:  # a brief still being written is checked again when done
                yield from self.arrive(FULL_TEXT, pending)
        if not self.stop.requested:
            yield from self.planner.flush()

    def look_up(self, keys: list[str]) -> list[str]:
        """Serve what is known or cached; the distinct keys neither known nor under way."""
        unknown = [key for key in dict.fromkeys(keys) if key not in self.english and key not in self.waiting]
        cached = self.batch._cached(unknown)
        self.english.update(cached)
        self.batch.report.units += len(cached)
        self.batch.report.cache_hits += len(cached)
        self.progress.more_units(len(unknown))
        self.progress.units(len(cached))
        return [key for key in unknown if key not in self.english]

    def early(self, units: list[str]) -> list[list[str]]:
        """Titles and leads ahead of their articles: planned and handed out at once, so the
        model starts while the producer finds the speakers."""
        new = self.look_up([normalise(u) for u in units if u])
        for key in new:
            self.waiting.setdefault(key, [])  # under way: the articles will wait for it here
        return self.planner.add(new) + self.planner.flush()

    def arrive(self, phase: Phase, pending: Pending) -> list[list[str]]:
        """Take one article in for `phase`; the sub-batches it completes."""
        article = pending.prepared if phase.full else pending.prepared.brief_only()
        units = list(dict.fromkeys(u for u in article.units() if u))
        keys = [normalise(u) for u in units]
        self.look_up(keys)
        self.progress.more_articles(1)
        waiter = _Waiting(pending, article, units, keys, {key for key in keys if key not in self.english}, phase)
        if not waiter.missing:
            self.written(waiter)
            return []
        if not phase.full:
            self.briefs_left.add(id(waiter))
        for key in waiter.missing:
            self.waiting.setdefault(key, []).append(waiter)
        return self.planner.add(key for key in keys if key in waiter.missing)

    def written(self, waiter: _Waiting) -> None:
        """Write a finished article; after the last brief, the digest."""
        self.batch._write(waiter, self.progress, self.stop)
        self.briefs_left.discard(id(waiter))
        self.digest_when_briefed()

    def digest_when_briefed(self) -> None:
        """The digest, once every article has arrived and every brief is written (once);
        from then on the progress bar counts the full texts."""
        batch = self.batch
        if self.all_arrived and not self.briefs_left and self.digest_failures is None and not self.stop.requested:
            batch._write_digest(self.named, self.stop)
            batch.report.digest_seconds = time.perf_counter() - self.started
            self.digest_failures = len(batch.report.failed)
            if batch.settings.full_text:
                self.progress.relabel(FULL_TEXT.label)

    def report_stranded(self) -> None:
        """Every planned unit is translated, yet some articles still wait: a bug, reported
        once per article as a failure rather than left silent."""
        stranded = {id(waiter): waiter for waiters in self.waiting.values() for waiter in waiters}
        for waiter in stranded.values():
            if waiter.phase.full and not waiter.pending.briefed:
                continue  # its brief is stranded too: one line for the article
            reason = "internal error: some of its sentences were never translated; please report it"
            source = waiter.article.article.source
            self.batch.report.failed.append(Failure(source, f"full translation: {reason}" if waiter.phase.full
                                                    else reason))


def run_batch(
    inputs: Sequence[Path | Source],
    outdir: Path,
    settings: BatchSettings | None = None,
    model: ModelRecipe | None = None,
    failures: Sequence[Failure] = (),
    show_progress: bool = False,
) -> BatchReport:
    """Brief every input (file path or `Source`) into `outdir`, plus digest.html, digest.md and digest.json."""
    settings = settings or BatchSettings()
    return Batch(outdir, settings, model or ArgosModel(), show_progress).run(inputs, failures)
