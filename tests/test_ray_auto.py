"""`--ray auto` with no cluster anywhere: one line and exit 5.

Apart from tests/test_ray.py because Ray's `auto` also finds a cluster by looking for its
processes on this machine, and that module keeps one running for its tests until it ends.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, run_brief
from test_ray import closed_port, ray, write_articles

pytestmark = pytest.mark.ray


@pytest.mark.skipif(ray is None, reason="Ray is not installed")
def test_ray_auto_with_nothing_there_is_one_line_and_exit_5(installed_model, tmp_path: Path) -> None:
    """`--ray auto` goes where RAY_ADDRESS says, else to a `ray start` cluster on this machine."""
    write_articles(tmp_path / "in")
    command = ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache", "--ray", "auto"]
    port = closed_port()
    addressed = run_brief(*command, env={"RAY_ADDRESS": f"127.0.0.1:{port}"})
    lines = addressed.stderr.decode().strip().splitlines()
    assert addressed.returncode == 5
    assert lines == [f"brief: error: cannot reach the Ray cluster at auto: {os.strerror(errno.ECONNREFUSED)}"]
    # No RAY_ADDRESS and no cluster in this (empty) Ray temp folder.
    env = {key: value for key, value in os.environ.items() if key != "RAY_ADDRESS"}
    nothing = subprocess.run([sys.executable, "-m", "translator.cli", *command], cwd=PROJECT, capture_output=True,
                             timeout=300, env={**env, "RAY_TMPDIR": str(tmp_path / "ray-tmp")})
    lines = nothing.stderr.decode().strip().splitlines()
    assert nothing.returncode == 5
    assert len(lines) == 1 and lines[0].startswith("brief: error: cannot connect to the Ray cluster at auto: ")
    assert not list((tmp_path / "out").glob("*.md"))
