"""brief: clean scraped French news, translate it offline with Argos, brief it in English.

The public API (what the CLI does, from Python)::

    from translator import BriefOptions, brief_file, brief_text, brief_many

    brief = brief_file("article.txt", options=BriefOptions(sentences=3))
    print(brief.title, brief.sentences, [q.text for q in brief.quotes])

Names are imported on first use, so `import translator` (and every `--workers` process)
loads nothing heavy. The packages, by concept (README "Layout"): `french/` reads and
analyses the French page, `speakers/` finds who said each quotation, `translation/` runs
the Argos model, `summary/` chooses and composes the brief, `output/` writes it, `batch/`
runs many articles, and `pipeline` ties the stages together.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# name → module that defines it: what a user needs to brief articles from Python, and no
# more (the stages and their dataclasses are in their modules: README "Layout").
_PUBLIC = {
    "brief_file": "translator.pipeline",
    "brief_text": "translator.pipeline",
    "brief_many": "translator.pipeline",
    "BriefOptions": "translator.summary.compose",
    "Brief": "translator.document",
    "BriefQuote": "translator.document",
    "ArgosTranslator": "translator.translation.engine",
    "DecodingOptions": "translator.translation.engine",
    "BriefError": "translator.errors",
    "InputError": "translator.errors",
    "ModelError": "translator.errors",
    "ModelNotInstalledError": "translator.errors",
    "NotFrenchError": "translator.errors",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'translator' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])


if TYPE_CHECKING:  # for type checkers and editors; never run  # noqa: F401
    from translator.document import Brief, BriefQuote
    from translator.errors import BriefError, InputError, ModelError, ModelNotInstalledError, NotFrenchError
    from translator.pipeline import brief_file, brief_many, brief_text
    from translator.summary.compose import BriefOptions
    from translator.translation.engine import ArgosTranslator, DecodingOptions
