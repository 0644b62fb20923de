"""`brief batch`: many articles → one brief each plus a digest, resumably.

Cleaning is cheap and done up front, so bad files are reported before any model work.
The units of many articles then go to the translator together, in chunks: each chunk is
one large call that CTranslate2 sorts by length and batches, its results are written
(atomically) as soon as it ends, and every translated unit is in the cache already, so
an interrupted run loses at most a few seconds of work.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from . import __version__
from .batch_inputs import BatchInput, Failure, name_outputs
from .brief import BriefOptions
from .cache import CachedTranslator, TranslationCache
from .digest import DigestEntry, digest_json, digest_markdown
from .document import Brief
from .engine import ArgosTranslator, DecodingOptions, TextTranslator, find_package, package_model_id
from .errors import BriefError
from .output import write_atomic
from .pipeline import PreparedArticle, finish, plan, prepare, translate_units
from .reader import DEFAULT_MAX_BYTES
from .records import RecordStore, content_hash, remove_stale_temps
from .render import render_brief

EXTENSIONS = {"markdown": "md", "json": "json", "text": "txt"}


class ModelRecipe(Protocol):
    """How to get the translator; picklable, so each worker process can load its own."""

    model_id: str
    cache_key: str

    def load(self) -> TextTranslator: ...


class ArgosModel:
    """The installed Argos fr→en package with given decoding settings."""

    def __init__(self, decoding: DecodingOptions | None = None) -> None:
        self.decoding = decoding or DecodingOptions()
        self.model_id = package_model_id(find_package())  # fails early when no model is installed
        # Beam size changes the output, so it is part of what the cache is keyed on.
        self.cache_key = f"{self.model_id}|beam={self.decoding.beam_size}"

    def load(self) -> TextTranslator:
        return ArgosTranslator(find_package(), self.decoding)


def model_recipe(decoding: DecodingOptions, ray_address: str | None = None, ray_actors: int = 0) -> ModelRecipe:
    """The model here, or on the actors of a Ray cluster (`--ray`; Ray is imported only then)."""
    if ray_address is None:
        return ArgosModel(decoding)
    from .ray_backend import RayModel

    return RayModel(decoding, ray_address, ray_actors)


@dataclass(frozen=True)
class BatchSettings:
    fmt: str = "markdown"
    options: BriefOptions = field(default_factory=BriefOptions)
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    use_cache: bool = True
    cache_dir: Path | None = None
    # A chunk is translated in one call; its briefs are saved when it ends.
    chunk_units: int = 800
    chunk_articles: int = 32

    def signature(self, cache_key: str) -> str:
        """What an output depends on besides its input: a change means the brief is redone."""
        data = {"version": __version__, "format": self.fmt, "options": asdict(self.options), "model": cache_key}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class BatchReport:
    done: list[DigestEntry] = field(default_factory=list)
    skipped: list[DigestEntry] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    units: int = 0
    cache_hits: int = 0
    model_loaded: bool = False
    interrupted: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        text = (
            f"{len(self.done)} done, {len(self.skipped)} skipped (already done), {len(self.failed)} failed"
            f" in {self.seconds:.1f}s"
        )
        if self.units:
            text += f"; {self.units} units translated, {self.cache_hits} from the cache"
        return text


class Progress:
    """Two tqdm bars (articles, sentences) on a terminal; nothing otherwise."""

    def __init__(self, articles: int, units: int, enabled: bool) -> None:
        self.bars = []
        if enabled:
            from tqdm import tqdm

            common = {"file": sys.stderr, "dynamic_ncols": True, "mininterval": 0.2}
            self.bars = [
                tqdm(total=articles, desc="articles ", unit="art", position=0, **common),
                tqdm(total=units, desc="sentences", unit="sent", position=1, **common),
            ]

    def articles(self, count: int = 1) -> None:
        if self.bars:
            self.bars[0].update(count)

    def units(self, count: int) -> None:
        if self.bars:
            self.bars[1].update(count)

    def close(self) -> None:
        for bar in reversed(self.bars):
            bar.close()


@dataclass
class _Pending:
    item: BatchInput
    content: str
    prepared: PreparedArticle


def _reason(exc: BaseException, source: str) -> str:
    text = str(exc) if isinstance(exc, BriefError) else f"unexpected error: {type(exc).__name__}: {exc}"
    text = text.splitlines()[0] if text else type(exc).__name__
    return text.removeprefix(f"{source}: ")


def brief_chunk(
    chunk: Sequence[PreparedArticle], translator: TextTranslator, options: BriefOptions
) -> list[Brief | Failure]:
    """Translate the units of all articles of a chunk in one call, then brief each article."""
    english = translate_units([unit for prepared in chunk for unit in prepared.units()], translator)
    results: list[Brief | Failure] = []
    for prepared in chunk:
        try:
            results.append(finish(prepared, english, translator.model_id, options))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not sink the batch
            results.append(Failure(prepared.article.source, _reason(exc, prepared.article.source)))
    return results


def chunked(items: Sequence[_Pending], max_units: int, max_articles: int) -> Iterator[list[_Pending]]:
    chunk: list[_Pending] = []
    units = 0
    for item in items:
        size = len(set(item.prepared.units()))
        if chunk and (units + size > max_units or len(chunk) >= max_articles):
            yield chunk
            chunk, units = [], 0
        chunk.append(item)
        units += size
    if chunk:
        yield chunk


# Worker processes: each loads the model once, with its own cache connection.
_worker_translator: CachedTranslator | None = None


def _start_worker(model: ModelRecipe, settings: BatchSettings) -> None:
    global _worker_translator
    cache = TranslationCache(settings.cache_dir) if settings.use_cache else None
    _worker_translator = CachedTranslator(model.model_id, model.load, cache, model.cache_key)


def _worker_chunk(chunk: list[PreparedArticle], options: BriefOptions) -> tuple[list[Brief | Failure], int, bool]:
    """Brief a chunk in a worker; also say how many units came from the cache and if the model loaded."""
    assert _worker_translator is not None
    before = _worker_translator.hits
    results = brief_chunk(chunk, _worker_translator, options)
    return results, _worker_translator.hits - before, _worker_translator.loaded


class Batch:
    """One run of `brief batch` over `inputs`, writing into `outdir`."""

    def __init__(self, outdir: Path, settings: BatchSettings, model: ModelRecipe, show_progress: bool = False) -> None:
        self.outdir = outdir
        self.settings = settings
        self.model = model
        self.show_progress = show_progress
        self.store = RecordStore(outdir)
        self.signature = settings.signature(model.cache_key)
        self.report = BatchReport()

    def run(self, paths: Sequence[Path], failures: Sequence[Failure] = ()) -> BatchReport:
        started = time.perf_counter()
        self.outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(self.outdir)
        self.report.failed += failures
        named = name_outputs(paths)
        pending = self._prepare(named)
        progress = Progress(len(pending), sum(len(set(p.prepared.units())) for p in pending), self.show_progress)
        try:
            chunks = list(chunked(pending, self.settings.chunk_units, self.settings.chunk_articles))
            if self.settings.workers > 1 and len(chunks) > 1:
                self._run_workers(chunks, progress)
            else:
                self._run_here(chunks, progress)
        except KeyboardInterrupt:
            self.report.interrupted = True
        finally:
            progress.close()
            self.report.seconds = time.perf_counter() - started
        if not self.report.interrupted:
            self._write_digest(named)
        return self.report

    def _prepare(self, named: list[BatchInput]) -> list[_Pending]:
        """Skip what an earlier run finished; clean and plan the rest; report bad files."""
        pending: list[_Pending] = []
        for item in named:
            source = str(item.path)
            try:
                content = content_hash(item.path)
            except OSError as exc:
                self.report.failed.append(Failure(source, f"cannot read: {exc.strerror or exc}"))
                continue
            entry = self.store.finished(item.path, content, self.signature)
            if entry is not None:
                self.report.skipped.append(entry)
                continue
            try:
                prepared = plan(prepare(item.path, self.settings.max_bytes), self.settings.options)
            except Exception as exc:  # noqa: BLE001 - reported per file, the batch goes on
                self.report.failed.append(Failure(source, _reason(exc, source)))
                continue
            pending.append(_Pending(item, content, prepared))
        return pending

    def _run_here(self, chunks: list[list[_Pending]], progress: Progress) -> None:
        cache = TranslationCache(self.settings.cache_dir) if self.settings.use_cache else None
        translator = CachedTranslator(self.model.model_id, self.model.load, cache, self.model.cache_key, progress.units)
        try:
            for chunk in chunks:
                hits = translator.hits
                results = brief_chunk([p.prepared for p in chunk], translator, self.settings.options)
                self._save(chunk, results, translator.hits - hits, progress)
        finally:
            self.report.model_loaded = translator.loaded
            if cache:
                cache.close()

    def _run_workers(self, chunks: list[list[_Pending]], progress: Progress) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        workers = min(self.settings.workers, len(chunks))
        executor = ProcessPoolExecutor(workers, context, _start_worker, (self.model, self.settings))
        try:
            running: dict[Future, list[_Pending]] = {
                executor.submit(_worker_chunk, [p.prepared for p in chunk], self.settings.options): chunk
                for chunk in chunks
            }
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk = running.pop(future)
                    results, hits, loaded = future.result()
                    progress.units(sum(len(set(p.prepared.units())) for p in chunk))
                    self._save(chunk, results, hits, progress)
                    self.report.model_loaded |= loaded
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def _save(self, chunk: list[_Pending], results: list[Brief | Failure], hits: int, progress: Progress) -> None:
        """Write each brief atomically, then its record (so a crash in between only redoes it)."""
        self.report.cache_hits += hits
        self.report.units += len(set(u for p in chunk for u in p.prepared.units()))
        extension = EXTENSIONS[self.settings.fmt]
        for pending, result in zip(chunk, results, strict=True):
            if isinstance(result, Failure):
                self.report.failed.append(result)
            else:
                output = f"{pending.item.name}.{extension}"
                write_atomic(self.outdir / output, render_brief(result, self.settings.fmt))
                entry = DigestEntry.from_brief(result, output)
                self.store.save(pending.item.path, pending.content, self.signature, entry)
                self.report.done.append(entry)
            progress.articles()

    def _write_digest(self, named: list[BatchInput]) -> None:
        entries = self.report.skipped + self.report.done
        # Input order first, so undated articles keep it in the digest.
        order = {str(item.path): number for number, item in enumerate(named)}
        entries.sort(key=lambda entry: order.get(entry.source, len(order)))
        write_atomic(self.outdir / "digest.md", digest_markdown(entries, self.report.failed))
        write_atomic(self.outdir / "digest.json", digest_json(entries, self.report.failed, self.model.model_id))


def run_batch(
    paths: Sequence[Path],
    outdir: Path,
    settings: BatchSettings | None = None,
    model: ModelRecipe | None = None,
    failures: Sequence[Failure] = (),
    show_progress: bool = False,
) -> BatchReport:
    """Brief every file of `paths` into `outdir`, plus digest.md and digest.json."""
    settings = settings or BatchSettings()
    return Batch(outdir, settings, model or ArgosModel(), show_progress).run(paths, failures)

