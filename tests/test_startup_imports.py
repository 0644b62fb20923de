"""What `brief` does not import: --help and `clean` nothing heavy, a page without quotations no spaCy.

Each command runs in a fresh interpreter that reports, as it exits, which of the heavy
libraries ended up in sys.modules. (How long --help takes is measured by
benchmarks/speakers_startup.py, not here.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

# spaCy pulls thinc and torch; argostranslate can pull stanza (and torch) too.
PARSER = {"spacy", "thinc", "torch", "stanza"}
MODEL = {"ctranslate2", "argostranslate", "sentencepiece", "sumy", "numpy"}

REPORTING_BRIEF = f"""
import atexit, sys
watched = {sorted(PARSER | MODEL)!r}
atexit.register(lambda: sys.__stderr__.write("IMPORTED " + " ".join(m for m in watched if m in sys.modules) + "\\n"))
from translator.cli import main
main(sys.argv[1:], prog_name="brief")
"""


def imported(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", REPORTING_BRIEF, *args], cwd=PROJECT, capture_output=True,
                            timeout=300)
    err = result.stderr.decode()
    assert result.returncode == 0, err
    [report] = [line for line in err.splitlines() if line.startswith("IMPORTED")]
    return set(report.split()[1:])


def page(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(["Publié le 12/03/2025 à 09h30", *lines]) + "\n", encoding="utf-8")
    return str(path)


NEWS = ("Le conseil municipal de Dole a voté mardi soir le budget de la commune pour l'année prochaine.",
        "Les travaux de la piscine commenceront au printemps et dureront deux ans selon le calendrier prévu.")
QUOTED = "« Nous tiendrons les délais et le budget de ce chantier », a assuré le maire Paul Renaud."


def test_help_imports_nothing_heavy() -> None:
    assert imported("--help") == set()
    assert imported("batch", "--help") == set()


def test_clean_imports_nothing_heavy(tmp_path: Path) -> None:
    assert imported("clean", page(tmp_path, *NEWS, QUOTED), "--format", "json") == set()


def test_translate_without_quotations_never_loads_spacy(tmp_path: Path, installed_model) -> None:
    loaded = imported("translate", page(tmp_path, *NEWS), "--beam-size", "1")
    assert not loaded & PARSER
    assert {"ctranslate2", "argostranslate"} <= loaded  # the probe sees what is imported


@pytest.mark.slow
def test_translate_with_a_quotation_does_load_spacy(tmp_path: Path, installed_model) -> None:
    """The other side of the guard: speakers need the parser, and the probe sees it."""
    assert "spacy" in imported("translate", page(tmp_path, *NEWS, QUOTED), "--beam-size", "1")
