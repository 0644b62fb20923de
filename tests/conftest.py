"""Hermetic Argos folders for the whole run, and the tiny genuine model built once.

argostranslate reads its folders from the environment when first imported, so they
are set here, before any test module imports it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

_ROOT = Path(tempfile.mkdtemp(prefix="brief-tests-"))
for _name, _sub in {
    "ARGOS_PACKAGES_DIR": "argos-packages",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
    "BRIEF_CACHE_DIR": "brief-cache",
}.items():
    os.environ[_name] = str(_ROOT / _sub)
# Never let a test reach the real Argos index.
os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLES = PROJECT / "examples"
# Shared test data and the real fr→en model sit beside the clone (CI has them);
# BRIEF_SHARED_DIR points elsewhere, e.g. from a git worktree that has no ../shared.
SHARED = Path(os.environ.get("BRIEF_SHARED_DIR") or PROJECT.parent / "shared")
SEEDS = SHARED / "seeds"
REAL_MODEL = SHARED / "models" / "translate-fr_en-1.0.argosmodel"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_ROOT, ignore_errors=True)


class UpperTranslator:
    """Test double with the tiny model's behaviour; records every call."""

    model_id = "test-upper"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate(self, texts):
        self.calls.append(list(texts))
        return [text.upper() for text in texts]


class UpperRecipe:
    """A batch ModelRecipe that loads UpperTranslator; picklable for worker processes."""

    model_id = "test-upper"
    cache_key = "test-upper|beam=1"

    def __init__(self) -> None:
        self.loaded: list[UpperTranslator] = []

    def load(self) -> UpperTranslator:
        self.loaded.append(UpperTranslator())
        return self.loaded[-1]

    def translated(self) -> list[str]:
        return [text for translator in self.loaded for call in translator.calls for text in call]


@pytest.fixture
def upper() -> UpperTranslator:
    return UpperTranslator()


@pytest.fixture(scope="session")
def tiny_package_file() -> Path:
    from translator.testing.tiny_model import build_tiny_package

    return build_tiny_package(_ROOT / "built" / "translate-fr_en-tiny.argosmodel")


@pytest.fixture(scope="session")
def installed_model(tiny_package_file: Path) -> Path:
    """The tiny package installed with argostranslate's own install_from_path."""
    from argostranslate import package

    package.install_from_path(tiny_package_file)
    return Path(os.environ["ARGOS_PACKAGES_DIR"])


@pytest.fixture(scope="session")
def real_package():
    """The real fr→en package, installed with install_from_path into an Argos folder of its own.

    Both models are fr→en, so the real one never enters the tiny model's folder (where it
    would win `find_package`); tests pass this Package to ArgosTranslator explicitly.
    """
    if not REAL_MODEL.exists():
        pytest.skip(f"real fr→en model not present: {REAL_MODEL}")
    from argostranslate import package, settings

    folder = _ROOT / "argos-real-packages"
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "package_data_dir", folder)
        package.install_from_path(REAL_MODEL)
    [installed] = package.get_installed_packages(path=[folder])
    return installed


@pytest.fixture(scope="session")
def real_translator(real_package):
    """One load of the real model for the whole session."""
    from translator.translation.engine import ArgosTranslator

    return ArgosTranslator(real_package)


def run_brief(*args: str, stdin: str | bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `brief` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "translator.cli", *args],
        input=data,
        capture_output=True,
        env=full_env,
        cwd=PROJECT,
        timeout=300,
    )


@pytest.fixture
def local_web():
    """A web server on 127.0.0.1 (port 0) for the test; stopped afterwards."""
    from local_web import LocalWeb

    web = LocalWeb().start()
    yield web
    web.stop()
