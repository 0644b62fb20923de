"""The public API: the README's example runs as written, and `import translator` stays light."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT


def readme_example() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs_with_an_installed_model(installed_model: Path) -> None:
    result = subprocess.run([sys.executable, "-c", readme_example()], cwd=PROJECT, capture_output=True,
                            text=True, env=dict(os.environ), timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # The tiny model upper-cases: the first brief's title is the example's headline, upper-cased.
    headline = "Grève des ferries: les liaisons vers les îles bretonnes perturbées"  # English spacing
    assert lines[0].startswith(headline.upper())
    assert any(line.startswith("“") and "| French:" in line for line in lines)  # a key quote, marked
    articles = sorted((PROJECT / "examples/articles").glob("*.txt"))
    assert lines[-1].startswith(f"{len(articles)} briefs:")


def test_import_translator_loads_nothing_heavy() -> None:
    code = (
        "import sys, translator\n"
        "heavy = [m for m in ('spacy', 'torch', 'ctranslate2', 'argostranslate', 'sumy', 'translator.pipeline') if m in sys.modules]\n"
        "print(heavy)\n"
        "translator.BriefOptions  # a name still resolves on use\n"
        "print('translator.summary.compose' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split("\n")[:2] == ["[]", "True"], result.stderr


def test_an_unknown_name_is_an_attribute_error() -> None:
    import translator

    try:
        translator.no_such_name
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("translator.no_such_name resolved")


def test_python_m_translator_is_the_brief_command(tmp_path: Path) -> None:
    # The same command under both names: its help, and `clean` on a page written here.
    page = tmp_path / "page.txt"
    page.write_text(
        "Le conseil municipal de Lorient a voté lundi soir la rénovation complète du marché couvert.\n\n"
        "Les travaux commenceront au printemps et dureront dix-huit mois, selon la mairie.\n",
        encoding="utf-8",
    )
    brief = Path(sys.executable).with_name("brief")
    for command in (["--help"], ["clean", str(page)]):
        module = subprocess.run([sys.executable, "-m", "translator", *command], capture_output=True, text=True,
                                timeout=120)
        script = subprocess.run([str(brief), *command], capture_output=True, text=True, timeout=120)
        assert module.returncode == script.returncode == 0, module.stderr
        assert module.stdout == script.stdout and module.stdout.strip()
