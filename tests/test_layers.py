"""The layering in pyproject.toml holds, and a wrong-way import breaks it with a readable line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed (pip install -e '.[test]')")


def lint(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-logo", "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_package_keeps_every_contract() -> None:
    result = lint(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_wrong_way_import_is_named_in_one_line(tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "translator", tmp_path / "translator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "pyproject.toml", tmp_path)
    document = tmp_path / "translator" / "document.py"
    document.write_text(document.read_text() + "\nfrom translator.cli import main  # the model reaching up\n")

    result = lint(tmp_path)

    assert result.returncode != 0
    assert "translator.document is not allowed to import translator.cli" in result.stdout
