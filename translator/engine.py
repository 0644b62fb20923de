"""fr→en translation with an installed Argos package: its tokenizer, CTranslate2 underneath.

Argos's own `translate()` splits sentences with stanza/minisbd models that it downloads
on first use; `brief` splits sentences itself, so it loads the package's tokenizer and
CTranslate2 model directly and sends all units of an article in one batched call.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .errors import ModelError, ModelNotInstalledError

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
    """Anything that turns French units into English ones, in order."""

    model_id: str

    def translate(self, texts: Sequence[str]) -> list[str]: ...


@dataclass(frozen=True)
class DecodingOptions:
    """CTranslate2 settings; the defaults suit a 2-core laptop."""

    beam_size: int = 4
    # 0 = automatic: about AUTO_BATCH_SENTENCES sentences per batch, counted in tokens of
    # this model's tokenizer (a fixed token budget holds 5× fewer sentences with a
    # character-level vocabulary than with a subword one).
    max_batch_size: int = 0
    batch_type: str = "tokens"
    inter_threads: int = 1
    intra_threads: int = 0  # 0: let CTranslate2 use the physical cores
    device: str = "cpu"
    compute_type: str = "auto"


def packages_dir() -> str:
    from argostranslate import settings

    return str(settings.package_data_dir)


def find_package(from_code: str = SOURCE_LANGUAGE, to_code: str = TARGET_LANGUAGE) -> "Package":
    """The newest installed Argos translate package for from_code→to_code."""
    import packaging.version
    from argostranslate import package as argos_package

    try:
        installed = argos_package.get_installed_packages()
    except (OSError, ValueError) as exc:
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


class ArgosTranslator:
    """Translates batches of French units with one loaded Argos package."""

    def __init__(self, pkg: "Package | None" = None, options: DecodingOptions | None = None) -> None:
        import ctranslate2

        self.package = pkg if pkg is not None else find_package()
        self.options = options or DecodingOptions()
        if getattr(self.package, "tokenizer", None) is None:
            raise ModelError(f"Argos package at {self.package.package_path} has no sentencepiece.model or bpe.model")
        self.tokenizer = self.package.tokenizer
        self.model_id = package_model_id(self.package)
        try:
            self.translator = ctranslate2.Translator(
                str(self.package.package_path / "model"),
                device=self.options.device,
                inter_threads=self.options.inter_threads,
                intra_threads=self.options.intra_threads,
                compute_type=self.options.compute_type,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model in {self.package.package_path}: {exc}") from None
        self.target_prefix = self.package.target_prefix or ""

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
            "max_decoding_length": min(1024, 2 * longest + 16),
            "replace_unknowns": True,
            "length_penalty": 0.2,
            "target_prefix": [[self.target_prefix]] * len(tokenized) if self.target_prefix else None,
        }

    def _decode(self, tokens: list[str]) -> str:
        text = self.tokenizer.decode(tokens)
        if self.target_prefix and text.startswith(self.target_prefix):
            text = text[len(self.target_prefix) :]
        return text.strip()

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate all `texts` in one batched CTranslate2 call (sorted by length inside)."""
        if not texts:
            return []
        tokenized = [self.tokenizer.encode(text) for text in texts]
        results = self.translator.translate_batch(tokenized, **self._decoding_kwargs(tokenized))
        return [self._decode(result.hypotheses[0]) for result in results]

    def translate_stream(self, texts: Sequence[str]) -> Iterator[str]:
        """Like `translate`, but yields results as CTranslate2 finishes them, in order.

        CTranslate2 reads ahead, sorts by length and batches; this keeps memory flat
        on large batches and lets callers save progress as it comes.
        """
        if not texts:
            return iter(())
        tokenized = [self.tokenizer.encode(text) for text in texts]
        kwargs = self._decoding_kwargs(tokenized)
        prefix = kwargs.pop("target_prefix")
        results: Iterable = self.translator.translate_iterable(tokenized, target_prefix=prefix, **kwargs)
        return (self._decode(result.hypotheses[0]) for result in results)


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)
