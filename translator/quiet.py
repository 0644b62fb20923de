"""Keep library chatter (numpy, sumy, CTranslate2, stanza warnings) off the user's terminal.

`brief` speaks in one-line messages of its own; BRIEF_DEBUG=1 lets everything through.
"""

from __future__ import annotations

import logging
import os
import warnings

DEBUG_ENV = "BRIEF_DEBUG"
_LOGGERS = ("stanza", "argostranslate", "argos-translate", "ctranslate2", "sumy", "trafilatura", "urllib3")


def debugging() -> bool:
    return bool(os.environ.get(DEBUG_ENV))


def quiet_libraries() -> None:
    """Silence Python warnings and library logs below ERROR, unless BRIEF_DEBUG is set."""
    if debugging():
        return
    warnings.simplefilter("ignore")
    os.environ.setdefault("PYTHONWARNINGS", "ignore")  # spawned worker processes
    os.environ.setdefault("CT2_VERBOSE", "-3")  # CTranslate2's own (C++) log: off
    for name in _LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
