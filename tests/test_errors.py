"""Every failure is one line on stderr and a documented exit code; library chatter stays quiet."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_brief

from translator.translation import engine
from translator.cli import main

ARTICLE = (
    "Le conseil municipal de Brest a adopté lundi soir le plan de rénovation du port de commerce.\n"
    "« Ce chantier fera travailler nos entreprises pendant cinq ans », a déclaré M. Yann Kervella, adjoint.\n"
    "Les travaux commenceront au printemps et coûteront douze millions d'euros.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and lines[0].startswith("brief: error: ")
    return lines[0]


def test_output_in_a_missing_folder(tmp_path: Path, article: Path, installed_model: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.txt"
    result = run_brief("translate", str(article), "-o", str(target), "--beam-size", "1")
    assert result.returncode == 4
    assert one_error_line(result.stderr.decode()) == f"brief: error: cannot write {target}: no such folder {target.parent}"
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_in_a_read_only_folder(tmp_path: Path, article: Path, installed_model: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run_brief("translate", str(article), "-o", str(folder / "out.txt"), "--beam-size", "1")
    finally:
        folder.chmod(0o700)
    assert result.returncode == 4
    assert "Permission denied" in one_error_line(result.stderr.decode())


def failing(error: int):
    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    return fail


@pytest.mark.parametrize(("where", "error"), [("tempfile.mkstemp", errno.EACCES), ("os.fsync", errno.ENOSPC)])
def test_read_only_folder_or_full_disk_leave_the_old_file_and_no_temp(
    tmp_path: Path, article: Path, installed_model: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: int
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("an older brief\n")
    module, name = where.split(".")
    monkeypatch.setattr(f"translator.files.{module}.{name}", failing(error))

    result = CliRunner().invoke(main, ["translate", str(article), "-o", str(target), "--beam-size", "1"])

    assert result.exit_code == 4
    assert one_error_line(result.stderr) == f"brief: error: cannot write {target}: {os.strerror(error)}"
    assert target.read_text() == "an older brief\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "out.txt"]  # no temp file left


def test_disk_full_in_a_batch_stops_it_with_one_line(
    tmp_path: Path, article: Path, installed_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("translator.files.os.fsync", failing(errno.ENOSPC))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(article), "-o", str(out), "--no-cache", "--beam-size", "1"])
    assert result.exit_code == 4
    assert "No space left on device" in one_error_line(result.stderr)
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_argos_package_folder_that_cannot_be_used(tmp_path: Path, article: Path) -> None:
    not_a_folder = tmp_path / "packages"
    not_a_folder.write_text("a file where the package folder should be")
    for command in (["translate", str(article)], ["models", "list"]):
        result = run_brief(*command, env={"ARGOS_PACKAGES_DIR": str(not_a_folder)})
        assert result.returncode == 3
        assert str(not_a_folder) in one_error_line(result.stderr.decode())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable folders")
def test_an_unreadable_argos_package_folder(tmp_path: Path, article: Path) -> None:
    packages = tmp_path / "packages"
    packages.mkdir()
    packages.chmod(0)
    try:
        result = run_brief("translate", str(article), env={"ARGOS_PACKAGES_DIR": str(packages)})
    finally:
        packages.chmod(0o700)
    assert result.returncode == 3
    assert str(packages) in one_error_line(result.stderr.decode())


def test_a_package_folder_holding_a_broken_package(tmp_path: Path, article: Path) -> None:
    packages = tmp_path / "packages"
    (packages / "half-installed").mkdir(parents=True)  # no metadata.json
    result = run_brief("translate", str(article), env={"ARGOS_PACKAGES_DIR": str(packages)})
    assert result.returncode == 3
    assert "cannot read the installed Argos packages" in one_error_line(result.stderr.decode())


def damaged_copies(good: Path, folder: Path) -> dict[str, Path]:
    """A truncated download, a zip whose data fails its CRC, and a package with broken weights."""
    data = good.read_bytes()
    truncated = folder / "truncated.argosmodel"
    truncated.write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(good) as archive:
        model_bin = next(i for i in archive.infolist() if i.filename.endswith("model/model.bin"))
    offset = model_bin.header_offset + 30 + len(model_bin.filename) + len(model_bin.extra) + 100
    bad_crc = folder / "bad-crc.argosmodel"
    bad_crc.write_bytes(data[:offset] + bytes(b ^ 0xFF for b in data[offset : offset + 64]) + data[offset + 64 :])
    broken_weights = folder / "broken-weights.argosmodel"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken_weights, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, b"\x00garbage" * 100 if item.filename.endswith("model/model.bin") else content)
    return {"truncated": truncated, "bad-crc": bad_crc, "broken-weights": broken_weights}


def test_a_corrupt_argosmodel_fails_in_one_line_at_install_or_load(
    tmp_path: Path, article: Path, tiny_package_file: Path
) -> None:
    damaged = damaged_copies(tiny_package_file, tmp_path)
    for name in ("truncated", "bad-crc"):
        env = {"ARGOS_PACKAGES_DIR": str(tmp_path / f"packages-{name}")}
        result = run_brief("models", "install", "--file", str(damaged[name]), env=env)
        assert result.returncode == 3, name
        assert str(damaged[name]) in one_error_line(result.stderr.decode())

    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "packages-broken")}
    installed = run_brief("models", "install", "--file", str(damaged["broken-weights"]), env=env)
    assert installed.returncode == 0, installed.stderr.decode()
    result = run_brief("translate", str(article), env=env)
    assert result.returncode == 3
    assert "cannot load the CTranslate2 model" in one_error_line(result.stderr.decode())


def test_library_warnings_stay_off_the_terminal_unless_debugging(tmp_path: Path, installed_model: Path) -> None:
    page = tmp_path / "guillemets.txt"
    # Two sentences with no word in common, one with 3,000 unmatched «: sumy's LexRank then
    # divides zero by zero (a numpy RuntimeWarning).
    page.write_text("Le maire de la ville a parlé longuement devant les élus du conseil.\n"
                    "Une violente tempête approche des côtes bretonnes pendant cette nuit " + "« " * 3000 + ".\n",
                    encoding="utf-8")

    quiet = run_brief("translate", str(page), "--beam-size", "1", "--max-bytes", "10000000")
    assert quiet.returncode == 0, quiet.stderr.decode()
    assert quiet.stderr.decode() == ""

    warnings_seen = run_brief("translate", str(page), "--beam-size", "1", "--max-bytes", "10000000",
                              env={"BRIEF_DEBUG": "1", "PYTHONWARNINGS": "always"})
    assert warnings_seen.returncode == 0
    assert "Warning" in warnings_seen.stderr.decode()


def test_device_auto_picks_cuda_only_when_ctranslate2_sees_a_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "cuda_device_count", lambda: 0)
    assert engine.choose_device("auto") == engine.DeviceChoice("cpu", "int8")
    assert engine.choose_device("cpu", "int8_float32") == engine.DeviceChoice("cpu", "int8_float32")
    fallback = engine.choose_device("cuda")
    assert (fallback.device, fallback.compute_type) == ("cpu", "int8") and "no CUDA GPU" in fallback.note
    monkeypatch.setattr(engine, "cuda_device_count", lambda: 1)
    assert engine.choose_device("auto") == engine.DeviceChoice("cuda", "int8_float16")
    assert engine.choose_device("cpu") == engine.DeviceChoice("cpu", "int8")


def test_device_options_reach_ctranslate2_and_fall_back_without_a_gpu(
    tmp_path: Path, article: Path, installed_model: Path
) -> None:
    if engine.cuda_device_count():
        pytest.skip("this machine has a GPU")
    translator = engine.ArgosTranslator(options=engine.DecodingOptions(compute_type="int8_float32"))
    assert (translator.translator.device, translator.translator.compute_type) == ("cpu", "int8_float32")

    result = run_brief("translate", str(article), "--device", "cuda", "--beam-size", "1")
    assert result.returncode == 0
    assert result.stderr.decode() == "brief: warning: CTranslate2 sees no CUDA GPU; using the CPU\n"
    assert "CE CHANTIER FERA TRAVAILLER" in result.stdout.decode()  # translated on the CPU

    listed = run_brief("models", "list")
    assert "Device (--device auto): cpu, compute type int8 (CTranslate2 sees no CUDA GPU)" in listed.stdout.decode()

    bad = run_brief("translate", str(article), "--device", "tpu")
    assert bad.returncode == 2
