"""What every translation backend shares: the model recipe the batch driver hands to it.

The driver (`batch.driver`) and every backend import this module; it imports neither,
so the backends plug in one way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from translator.translation.engine import ArgosTranslator, DecodingOptions, TextTranslator, choose_device, find_package
from translator.translation.engine import estimated_tokens, package_model_id, token_counter
from translator.translation.glossary import GLOSSARY_VERSION
from translator.translation.long_units import PIECES_VERSION


class ModelRecipe(Protocol):
    """How to get the translator, and so which backend runs it (this process, a process
    pool, Ray actors: see `model_recipe`). Picklable, so each worker can load its own.

    A translator may have `translate_batches` (see engine.iter_translated_batches) and
    `close()`, which the driver calls when it is done or stops early. A recipe may have
    `unit_length()`: how long a unit is for the model (its tokens), which the driver sorts
    sub-batches by; without it, tokens are guessed from characters.
    """

    model_id: str
    cache_key: str

    def load(self) -> TextTranslator: ...


class ArgosModel:
    """The installed Argos fr→en package with given decoding settings, loaded in this process.

    The other backends wrap it (`WorkerPool`) or extend it (`RayModel`), so all share its
    model id and cache key.
    """

    def __init__(self, decoding: DecodingOptions | None = None) -> None:
        self.decoding = decoding or DecodingOptions()
        self.model_id = package_model_id(find_package())  # fails early when no model is installed
        # Beam size changes the output, so it is part of what the cache is keyed on; so do
        # the way units are cut into pieces, the glossary's rewrites and a compute type other
        # than the CPU's int8.
        self.cache_key = f"{self.model_id}|beam={self.decoding.beam_size}|pieces={PIECES_VERSION}|terms={GLOSSARY_VERSION}"
        compute_type = choose_device(self.decoding.device, self.decoding.compute_type).compute_type
        if compute_type != "int8":
            self.cache_key += f"|{compute_type}"

    def load(self) -> TextTranslator:
        return ArgosTranslator(find_package(), self.decoding)

    def unit_length(self) -> Callable[[str], int]:
        """A unit's length in the model's tokens, from the package's tokenizer alone (no model
        loaded): what a sub-batch's time depends on, so what the driver sorts units by."""
        return token_counter(find_package())


def unit_length_of(recipe: ModelRecipe) -> Callable[[str], int]:
    """`recipe`'s way to measure a unit for the model, or tokens guessed from characters."""
    measure = getattr(recipe, "unit_length", None)
    return measure() if measure else estimated_tokens
