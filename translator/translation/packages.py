"""List and install Argos fr→en packages: from the online index, or from a local file."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from translator.translation.engine import SOURCE_LANGUAGE, TARGET_LANGUAGE, argos, packages_dir
from translator.errors import ModelError


@dataclass(frozen=True)
class PackageInfo:
    from_code: str
    to_code: str
    version: str
    path: str | None = None

    @property
    def name(self) -> str:
        return f"{self.from_code}→{self.to_code}"


def installed() -> list[PackageInfo]:
    argos_package = argos()[0]

    try:
        found = argos_package.get_installed_packages()
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot read the installed Argos packages in {packages_dir()}: {exc}") from None
    return [
        PackageInfo(pkg.from_code, pkg.to_code, pkg.package_version, str(pkg.package_path))
        for pkg in found
        if pkg.type == "translate"
    ]


def read_metadata(path: Path) -> dict:
    """metadata.json of a .argosmodel file, checked before anything is installed."""
    if not path.exists():
        raise ModelError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an Argos package (.argosmodel files are zip archives)")
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if name.endswith("metadata.json") and name.count("/") == 1]
        if not names:
            raise ModelError(f"{path}: not an Argos package (no <dir>/metadata.json inside)")
        try:
            metadata = json.loads(archive.read(names[0]))
        except json.JSONDecodeError as exc:
            raise ModelError(f"{path}: metadata.json is not valid JSON ({exc})") from None
        top = names[0].split("/")[0]
        if not any(n.startswith(f"{top}/model/") for n in archive.namelist()):
            raise ModelError(f"{path}: the package has no model/ directory")
    return metadata


def install_file(path: Path, allow_any_pair: bool = False) -> PackageInfo:
    """Install a local .argosmodel with Argos's own installer."""
    argos_package = argos()[0]

    metadata = read_metadata(path)
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if not allow_any_pair and pair != (SOURCE_LANGUAGE, TARGET_LANGUAGE):
        raise ModelError(f"{path}: this package translates {pair[0]}→{pair[1]}; brief needs fr→en")
    try:
        argos_package.install_from_path(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ModelError(f"{path}: cannot install this package, it looks damaged ({exc})") from None
    return PackageInfo(pair[0], pair[1], metadata.get("package_version", ""), packages_dir())


def available() -> list[PackageInfo]:
    """fr→en packages in the Argos online index (needs the network)."""
    return [PackageInfo(p.from_code, p.to_code, p.package_version) for p in _index_packages()]


INDEX_TIMEOUT_SECONDS = 30


def _refresh_index() -> None:
    """Download Argos's package index to where Argos reads it.

    Argos's own update_package_index() prints and swallows failures (and
    get_available_packages() then retries forever when no index was ever saved),
    so the download is done here, from the same address, with a timeout.
    """
    import urllib.error
    import urllib.request

    settings = argos()[1]

    from translator.files import make_folder, write_atomic

    try:
        with urllib.request.urlopen(settings.remote_package_index, timeout=INDEX_TIMEOUT_SECONDS) as response:
            data = response.read().decode("utf-8")
    except (urllib.error.URLError, OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(
            f"cannot reach the Argos package index ({reason}); offline, get a fr→en .argosmodel file and run "
            "`brief models install --file PATH.argosmodel`"
        ) from None
    try:
        json.loads(data)
    except json.JSONDecodeError:
        raise ModelError(f"the Argos package index at {settings.remote_package_index} is not valid JSON") from None
    make_folder(Path(settings.local_package_index).parent)
    write_atomic(settings.local_package_index, data)


def _index_packages() -> list:
    argos_package = argos()[0]

    _refresh_index()
    return [
        p
        for p in argos_package.get_available_packages()
        if p.type == "translate" and p.from_code == SOURCE_LANGUAGE and p.to_code == TARGET_LANGUAGE
    ]


def install_from_index() -> PackageInfo:
    """Download and install the fr→en package from the Argos index."""
    candidates = _index_packages()
    if not candidates:
        raise ModelError("the Argos package index lists no fr→en package")
    chosen = candidates[0]
    try:
        chosen.install()
    except Exception as exc:  # argos raises bare Exception on failed downloads
        raise ModelError(
            f"downloading the fr→en package failed ({exc}); "
            "install it offline with `brief models install --file PATH.argosmodel`"
        ) from None
    return PackageInfo(chosen.from_code, chosen.to_code, chosen.package_version, packages_dir())
