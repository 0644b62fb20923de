"""fr→en translation with an installed Argos package: its tokenizer, CTranslate2 underneath.

Argos's own `translate()` splits sentences with stanza/minisbd models that it downloads
on first use; `brief` splits sentences itself, so it loads the package's tokenizer and
CTranslate2 model directly and sends all units of an article in one batched call.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from translator.errors import ModelError, ModelNotInstalledError
from translator.translation.long_units import MAX_UNIT_TOKENS, translate_in_pieces
from translator.translation.parallel import in_parallel, native_call

if TYPE_CHECKING:
    from argostranslate.package import Package

# Tried on 2 cores with the tiny test model: ~56 sentences per batch was the fastest size
# (7 per batch: 2.7× slower; 112: 1.3× slower), and memory grows with the batch.
# Re-measure with a real model (benchmarks/bench_batch.py --batch-size N).
AUTO_BATCH_SENTENCES = 64
MIN_AUTO_BATCH_TOKENS = 512

SOURCE_LANGUAGE = "fr"
TARGET_LANGUAGE = "en"


class TextTranslator(Protocol):
    """Anything that turns French units into English ones, in order.

    A translator may also have `translate_batches(batches)`, yielding `(batch_index,
    english_list)` for each sub-batch as soon as it is finished, in any order (parallel
    calls, worker processes, Ray actors); `iter_translated_batches` uses it when present.
    One that `runs_elsewhere` (processes, actors) is stopped at once by a batch's Ctrl-C.
    """

    model_id: str

    def translate(self, texts: Sequence[str]) -> list[str]: ...


class BatchTranslator(TextTranslator, Protocol):
    def translate_batches(self, batches: Iterable[Sequence[str]]) -> Iterator[tuple[int, list[str]]]: ...


def iter_translated_batches(
    translator: TextTranslator, batches: Iterable[Sequence[str]]
) -> Iterator[tuple[int, list[str]]]:
    """`(batch_index, english_list)` per sub-batch as each is finished (any order).

    `batches` may be a generator that plans sub-batches while earlier ones translate."""
    translate_batches = getattr(translator, "translate_batches", None)
    if translate_batches is not None:
        yield from translate_batches(batches)
        return
    for index, batch in enumerate(batches):
        yield index, translator.translate(batch)


@dataclass(frozen=True)
class DecodingOptions:
    """CTranslate2 settings; the defaults suit a 2-core laptop."""

    beam_size: int = 4
    # 0 = automatic: about AUTO_BATCH_SENTENCES sentences per batch, counted in tokens of
    # this model's tokenizer (a fixed token budget holds 5× fewer sentences with a
    # character-level vocabulary than with a subword one).
    max_batch_size: int = 0
    batch_type: str = "tokens"
    # Calls that may run at once (`translate_batches`), each on its own replica of the model
    # with `intra_threads` threads (0: CTranslate2 picks). See `batch_threads`.
    inter_threads: int = 1
    intra_threads: int = 0
    device: str = "auto"  # auto: CUDA when CTranslate2 sees a GPU, else the CPU
    compute_type: str = "auto"  # auto: int8 on the CPU, int8_float16 on a GPU
    # Longer units are cut at clause boundaries (long_units.py); outputs are capped here.
    max_unit_tokens: int = MAX_UNIT_TOKENS
    max_decoding_length: int = 1024


DEVICES = ("auto", "cpu", "cuda")
COMPUTE_TYPES = ("auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16", "bfloat16",
                 "float32")


@dataclass(frozen=True)
class DeviceChoice:
    device: str
    compute_type: str
    note: str = ""  # why the device differs from the one asked for


def cuda_device_count() -> int:
    import ctranslate2

    try:
        return ctranslate2.get_cuda_device_count()
    except Exception:  # noqa: BLE001 - a broken CUDA install means: no GPU
        return 0


def choose_device(device: str = "auto", compute_type: str = "auto") -> DeviceChoice:
    """The device and compute type CTranslate2 will use for `device` (auto|cpu|cuda)."""
    gpus = cuda_device_count() if device in ("auto", "cuda") else 0
    note = ""
    if device == "cuda" and not gpus:
        note = "CTranslate2 sees no CUDA GPU; using the CPU"
    chosen = "cuda" if gpus else "cpu"
    if compute_type == "auto":
        compute_type = "int8_float16" if chosen == "cuda" else "int8"
    return DeviceChoice(chosen, compute_type, note)


def argos():
    """argostranslate's `package` and `settings` modules; it creates its folders on import."""
    try:
        from argostranslate import package, settings
    except OSError as exc:
        where = os.environ.get("ARGOS_PACKAGES_DIR") or exc.filename or "the Argos data folder"
        reason = "it is not a folder" if os.path.isfile(where) else (exc.strerror or str(exc))
        raise ModelError(f"cannot use the Argos package folder {where}: {reason}") from None
    return package, settings


def packages_dir() -> str:
    return str(argos()[1].package_data_dir)


def find_package(from_code: str = SOURCE_LANGUAGE, to_code: str = TARGET_LANGUAGE) -> "Package":
    """The newest installed Argos translate package for from_code→to_code."""
    import packaging.version

    argos_package = argos()[0]

    try:
        installed = argos_package.get_installed_packages()
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot read the installed Argos packages in {packages_dir()}: {exc}") from None
    matching = [
        pkg
        for pkg in installed
        if pkg.type == "translate" and pkg.from_code == from_code and pkg.to_code == to_code
    ]
    if not matching:
        raise ModelNotInstalledError(packages_dir())

    def version(pkg: "Package") -> packaging.version.Version:
        try:
            return packaging.version.parse(pkg.package_version or "0")
        except packaging.version.InvalidVersion:
            return packaging.version.parse("0")

    return max(matching, key=version)


def package_model_id(pkg: "Package") -> str:
    """Identifies the model for the cache: package version plus a fingerprint of its weights."""
    model_dir = pkg.package_path / "model"
    digest = hashlib.sha1()
    for name in ("config.json", "model.bin"):
        path = model_dir / name
        if path.exists():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}".encode())
            if name == "config.json":
                digest.update(path.read_bytes())
    return f"argos-{pkg.from_code}-{pkg.to_code}-{pkg.package_version or '0'}-{digest.hexdigest()[:10]}"


def load_tokenizer(pkg: "Package"):
    """`pkg`'s sentencepiece or BPE tokenizer (Argos loads its file), or a ModelError."""
    try:
        tokenizer = getattr(pkg, "tokenizer", None)
    except Exception as exc:  # noqa: BLE001 - Argos loads the tokenizer file itself
        raise ModelError(f"cannot load the tokenizer of {pkg.package_path}: {exc}") from None
    if tokenizer is None:
        raise ModelError(f"Argos package at {pkg.package_path} has no sentencepiece.model or bpe.model")
    return tokenizer


CHARACTERS_PER_TOKEN = 3.8  # the mean over the fr-news units with the fr→en model's tokenizer


def estimated_tokens(text: str) -> int:
    """A unit's tokens guessed from its characters, where no tokenizer is at hand."""
    return round(len(text) / CHARACTERS_PER_TOKEN)


def token_counter(pkg: "Package") -> Callable[[str], int]:
    """Count a text's tokens with `pkg`'s tokenizer, without loading its model."""
    tokenizer = load_tokenizer(pkg)
    return lambda text: len(tokenizer.encode(text))


class ArgosTranslator:
    """Translates batches of French units with one loaded Argos package."""

    def __init__(self, pkg: "Package | None" = None, options: DecodingOptions | None = None) -> None:
        import ctranslate2

        self.package = pkg if pkg is not None else find_package()
        self.options = options or DecodingOptions()
        self.tokenizer = load_tokenizer(self.package)
        self.model_id = package_model_id(self.package)
        self.device = choose_device(self.options.device, self.options.compute_type)
        try:
            self.translator = ctranslate2.Translator(
                str(self.package.package_path / "model"),
                device=self.device.device,
                inter_threads=self.options.inter_threads,
                intra_threads=self.options.intra_threads,
                compute_type=self.device.compute_type,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model in {self.package.package_path}: {exc}") from None
        self.target_prefix = self.package.target_prefix or ""

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text))

    def _decoding_kwargs(self, tokenized: list[list[str]]) -> dict:
        longest = max((len(tokens) for tokens in tokenized), default=1)
        batch_size, batch_type = self.options.max_batch_size, self.options.batch_type
        if batch_size <= 0:
            mean = sum(len(tokens) for tokens in tokenized) / max(1, len(tokenized))
            batch_size, batch_type = max(MIN_AUTO_BATCH_TOKENS, round(AUTO_BATCH_SENTENCES * mean)), "tokens"
        return {
            "beam_size": self.options.beam_size,
            "max_batch_size": batch_size,
            "batch_type": batch_type,
            # Argos relies on CTranslate2's default of 256 tokens, which truncates long quotes.
            "max_decoding_length": min(self.options.max_decoding_length, 2 * longest + 16),
            "replace_unknowns": True,
            "length_penalty": 0.2,
            "target_prefix": [[self.target_prefix]] * len(tokenized) if self.target_prefix else None,
        }

    def _decode(self, tokens: list[str]) -> str:
        text = self.tokenizer.decode(tokens)
        if self.target_prefix and text.startswith(self.target_prefix):
            text = text[len(self.target_prefix) :]
        return text.strip()

    def _translate_pieces(self, texts: list[str]) -> list[tuple[str, bool]]:
        """One batched CTranslate2 call (sorted by length inside); flags outputs cut short:
        stopped at the decoding limit, or far shorter than their input (a model that skips
        items of a long list stops early without reaching any limit)."""
        tokenized = [self.tokenizer.encode(text) for text in texts]
        kwargs = self._decoding_kwargs(tokenized)
        limit = kwargs["max_decoding_length"]
        with native_call():
            results = self.translator.translate_batch(tokenized, **kwargs)
        return [
            (self._decode(r.hypotheses[0]), _cut_short(len(source), len(r.hypotheses[0]), limit))
            for source, r in zip(tokenized, results, strict=True)
        ]

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate all `texts`; units over max_unit_tokens go in pieces, and nothing is cut short."""
        if not texts:
            return []
        return translate_in_pieces(texts, self._translate_pieces, self.count_tokens, self.options.max_unit_tokens)

    def translate_batches(self, batches: Iterable[Sequence[str]]) -> Iterator[tuple[int, list[str]]]:
        """`(index, english)` per sub-batch as each finishes: up to `inter_threads` at once,
        one per replica (see translation.parallel); the next is taken when one is free."""
        return in_parallel(lambda batch: self.translate(list(batch)), batches, self.options.inter_threads)


# English comes out at ~0.8–1.1 times the French token count with a joint vocabulary; under
# this share of a long input, part of it was skipped (seen on 400-item lists: runs of items
# missing while the output stayed under every length limit).
SHORT_OUTPUT_RATIO = 0.6
_SHORT_CHECK_MIN_TOKENS = 24


def _cut_short(source_tokens: int, output_tokens: int, limit: int) -> bool:
    if output_tokens >= limit - 1:
        return True
    return source_tokens >= _SHORT_CHECK_MIN_TOKENS and output_tokens < SHORT_OUTPUT_RATIO * source_tokens


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)


def batch_threads(threads: int, device: str, workers: int = 1, elsewhere: bool = False) -> tuple[int, int]:
    """`(inter_threads, intra_threads)` for a batch using `threads` CPU threads (0: every
    core). In this process on the CPU: that many calls at once of one thread each (on 2
    cores, 2x the units per second of one call with two threads: see translation.parallel);
    on a GPU, one call at a time. `workers` processes, or Ray actors (`elsewhere`), each
    take one sub-batch at a time: the threads are shared out among the workers, and an
    actor with 0 gets its share of the cluster's CPUs (RayTranslator)."""
    if workers > 1:
        return 1, max(1, (threads or default_threads()) // workers)
    if elsewhere or device == "cuda":
        return 1, threads
    return (threads or default_threads()), 1
