"""`brief batch --ray`: translation on Ray actors gives what a local run gives, also when an actor dies.

The cluster is started here, on 127.0.0.1 with 2 CPUs, and its workers get an Argos
folder of their own (a node without the driver's disk), so the model has to travel
through Ray's object store. Tests that need Ray are marked `ray` and skipped without it.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PROJECT, run_brief

from translator.batch.backends import ArgosModel
from translator.batch.driver import BatchSettings, run_batch
from translator.translation.engine import ArgosTranslator, DecodingOptions

try:
    import ray
except ImportError:
    ray = None



def needs_ray(test):
    """Marked `ray` (deselect with -m 'not ray'); skipped where Ray is not installed."""
    return pytest.mark.ray(pytest.mark.skipif(ray is None, reason="Ray is not installed: pip install -e '.[ray]'")(test))


# Three short articles written for these tests.
ARTICLES = {
    "verger.txt": (
        "Dernière mise à jour à 07h15 le 09/04",
        "Un gel tardif a touché les vergers de la vallée du Rhône dans la nuit de lundi à mardi.",
        "« Nous avons allumé des bougies entre les rangs jusqu'à l'aube, mais les abricots ont souffert », "
        "a déclaré M. Julien Ferrand, arboriculteur à Loriol.",
        "La chambre d'agriculture estime qu'un tiers des fleurs est perdu.",
        "Les producteurs demandent une aide au département.",
    ),
    "bibliotheque.txt": (
        "Publié le 21/05/2025 à 11h00",
        "La bibliothèque municipale de Quimper ouvrira désormais le dimanche après-midi.",
        "Selon Mme Anne Kerhervé, adjointe à la culture, « les familles réclamaient ce créneau depuis des années ».",
        "Deux agents supplémentaires seront recrutés pour l'été.",
    ),
    "tramway.txt": (
        "Dernière mise à jour à 18h40 le 02/03",
        "Les travaux de la deuxième ligne de tramway de Besançon commenceront à l'automne.",
        "« Le chantier durera trois ans et les commerçants seront indemnisés », explique le président de "
        "l'agglomération.",
        "Le tracé reliera la gare au nouveau quartier des Vaîtes.",
        "Une réunion publique est prévue le mois prochain.",
    ),
}
DECODING = DecodingOptions(beam_size=1)  # the tiny model gives the same text at any beam; 1 is fastest


@dataclass
class Cluster:
    address: str
    node_packages: Path  # the workers' Argos folder: empty until a run ships the model there


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, installed_model) -> Cluster:
    node_packages = tmp_path_factory.mktemp("node-argos-packages")
    # Ray 2.60 starts a local cluster with token authentication unless RAY_AUTH_MODE says
    # otherwise, and writes a token to ~/.ray/auth_token if it finds none. Give it one
    # for this run instead, so the tests never write into the home folder.
    saved = {name: os.environ.get(name) for name in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN")}
    os.environ.setdefault("RAY_AUTH_TOKEN", secrets.token_hex(32))
    driver_packages = os.environ["ARGOS_PACKAGES_DIR"]
    # Ray's processes inherit the environment: its workers get their own Argos folder.
    os.environ["ARGOS_PACKAGES_DIR"] = str(node_packages)
    try:
        context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    finally:
        os.environ["ARGOS_PACKAGES_DIR"] = driver_packages
    yield Cluster(context.address_info["gcs_address"], node_packages)
    ray.shutdown()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, lines in ARTICLES.items():
        path = folder / name
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def outputs(folder: Path) -> dict[str, str]:
    """Every file a batch wrote, as text; digest.json without its time stamp."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if path.name == "digest.json":
                data = json.loads(text)
                data.pop("generated")
                text = json.dumps(data, sort_keys=True)
            found[path.name] = text
    return found


def sentences(count: int) -> list[str]:
    return [f"Le conseil municipal a voté la délibération numéro {n} à l'unanimité." for n in range(count)]


@needs_ray
@pytest.mark.usefixtures("cluster")
def test_translate_batches_yields_every_batch_once_as_a_local_translator_would() -> None:
    from translator.batch.backends.ray import RayModel

    batches = [sentences(n) for n in (5, 0, 17, 3, 11, 8)]
    local = ArgosTranslator(options=DECODING)
    translator = RayModel(DECODING, actors=2).load()
    try:
        results = list(translator.translate_batches(batches))
        in_order = translator.translate([text for batch in batches for text in batch])
    finally:
        translator.close()
    assert sorted(index for index, _ in results) == list(range(len(batches)))
    assert dict(results) == {index: local.translate(batch) for index, batch in enumerate(batches)}
    assert in_order == local.translate([text for batch in batches for text in batch])
    assert translator.retried == 0


@needs_ray
def test_each_node_installs_the_model_once_by_model_id(cluster: Cluster) -> None:
    import shutil

    from translator.batch.backends.ray import RayModel

    model = RayModel(DECODING, actors=2)
    shutil.rmtree(cluster.node_packages / model.model_id, ignore_errors=True)
    first = model.load()
    first.close()
    second = model.load()
    second.close()
    assert first.installs == 1  # two actors on one node: one installs, the other finds it
    assert (cluster.node_packages / model.model_id / "metadata.json").exists()
    assert second.installs == 0


@needs_ray
def test_run_batch_on_ray_writes_what_a_local_run_writes(cluster: Cluster, tmp_path: Path) -> None:
    from translator.batch.backends.ray import RayModel

    paths = write_articles(tmp_path / "in")
    settings = BatchSettings(fmt="json", use_cache=False)
    local = run_batch(paths, tmp_path / "local", settings, ArgosModel(DECODING))
    on_ray = run_batch(paths, tmp_path / "ray", settings, RayModel(DECODING, actors=2))
    assert len(on_ray.done) == len(local.done) == len(ARTICLES)
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")


class KillingRayModel:
    """A RayModel whose pool loses one actor (ray.kill), or all of them, as soon as the first sub-batch is back."""

    def __init__(self, kill_all: bool = False) -> None:
        from translator.batch.backends.ray import RayModel

        self.kill_all = kill_all
        self.recipe = RayModel(DECODING, actors=2)
        self.model_id, self.cache_key = self.recipe.model_id, self.recipe.cache_key
        self.translators: list = []
        self.killed = False

    def load(self):
        translator = self.recipe.load()
        self.translators.append(translator)
        batches_on_ray = translator.translate_batches

        def translate_batches(batches):  # called once per phase: the kill happens in the first only
            for result in batches_on_ray(batches):
                if not self.killed:
                    self.killed = True
                    for actor in list(translator.actors) if self.kill_all else translator.actors[:1]:
                        ray.kill(actor, no_restart=True)
                yield result

        translator.translate_batches = translate_batches
        return translator


@needs_ray
def test_actor_killed_mid_run_loses_nothing(cluster: Cluster, tmp_path: Path, monkeypatch) -> None:
    from translator.batch.backends import ray as ray_backend

    # Small sub-batches: every actor has two in flight when the first result comes back.
    monkeypatch.setattr(ray_backend, "SUB_BATCH_UNITS", 3)
    paths = write_articles(tmp_path / "in")
    settings = BatchSettings(fmt="markdown", use_cache=False, sub_batch_units=3)
    local = run_batch(paths, tmp_path / "local", settings, ArgosModel(DECODING))
    killing = KillingRayModel()
    on_ray = run_batch(paths, tmp_path / "ray", settings, killing)
    (translator,) = killing.translators
    translator.close()
    assert translator.retried >= 1  # the killed actor's sub-batches went to the others
    assert translator.replacements_left == ray_backend.REPLACEMENTS_PER_ACTOR * 2 - 1  # and it was replaced
    assert len(on_ray.done) == len(local.done) == len(ARTICLES) and not on_ray.failed
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")


@needs_ray
def test_losing_every_actor_stops_with_exit_5_and_keeps_what_was_done(cluster: Cluster, tmp_path: Path,
                                                                     monkeypatch) -> None:
    from translator.batch.backends import ray as ray_backend
    from translator.translation.cache import TranslationCache

    monkeypatch.setattr(ray_backend, "REPLACEMENTS_PER_ACTOR", 0)  # a dead actor is not replaced
    paths = write_articles(tmp_path / "in")
    settings = BatchSettings(fmt="markdown", cache_dir=tmp_path / "cache", sub_batch_units=3)
    dying = KillingRayModel(kill_all=True)
    with pytest.raises(ray_backend.RayClusterError, match="every Ray actor died") as stopped:
        run_batch(paths, tmp_path / "out", settings, dying)
    assert stopped.value.exit_code == 5
    dying.translators[0].close()
    # The sub-batch that came back before the actors died is in the cache: a rerun starts from it.
    assert TranslationCache(tmp_path / "cache").count(dying.cache_key) >= 1
    assert not (tmp_path / "out" / "digest.md").exists()


@needs_ray
def test_losing_every_actor_through_the_command_is_one_line_and_exit_5(cluster: Cluster, tmp_path: Path,
                                                                       monkeypatch, capsys) -> None:
    """The same loss through `brief batch --ray`: the command's one line and exit code."""
    from translator import cli
    from translator.batch import backends
    from translator.batch.backends import ray as ray_backend

    monkeypatch.setattr(ray_backend, "REPLACEMENTS_PER_ACTOR", 0)
    monkeypatch.setattr(backends, "model_recipe", lambda *args: KillingRayModel(kill_all=True))
    write_articles(tmp_path / "in")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache", "--quiet",
                  "--ray", cluster.address], prog_name="brief")
    assert stopped.value.code == 5
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("brief: error: ") and "every Ray actor died" in lines[0], lines


@needs_ray
def test_ray_auto_joins_the_cluster_ray_address_names(cluster: Cluster, tmp_path: Path) -> None:
    write_articles(tmp_path / "in")
    common = ["batch", str(tmp_path / "in"), "--no-cache", "--quiet", "--beam-size", "1"]
    local = run_brief(*common, "-o", str(tmp_path / "local"))
    auto = run_brief(*common, "-o", str(tmp_path / "auto"), "--ray", "auto", env={"RAY_ADDRESS": cluster.address})
    assert auto.returncode == 0, auto.stderr.decode()
    assert outputs(tmp_path / "auto") == outputs(tmp_path / "local")


@needs_ray
def test_cli_on_ray_gives_the_same_files_as_one_worker(cluster: Cluster, tmp_path: Path) -> None:
    write_articles(tmp_path / "in")
    common = ["batch", str(tmp_path / "in"), "--no-cache", "--quiet", "--beam-size", "1"]
    local = run_brief(*common, "-o", str(tmp_path / "local"), "--workers", "1")
    on_ray = run_brief(*common, "-o", str(tmp_path / "ray"), "--ray", cluster.address, "--ray-actors", "2")
    assert local.returncode == 0, local.stderr.decode()
    assert on_ray.returncode == 0, on_ray.stderr.decode()
    assert on_ray.stderr.decode() == ""  # --quiet: no Ray log lines either
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")


@needs_ray
def test_cluster_refusing_a_driver_without_its_token_is_one_line(cluster: Cluster, tmp_path: Path) -> None:
    """The cluster fixture starts Ray with a token unless RAY_AUTH_MODE=disabled was set by hand."""
    if os.environ.get("RAY_AUTH_MODE") != "token":
        pytest.skip("RAY_AUTH_MODE is set to start the local cluster without token authentication")
    write_articles(tmp_path / "in")
    env = {key: value for key, value in os.environ.items() if not key.startswith("RAY_AUTH_TOKEN")}
    env["RAY_AUTH_MODE"] = "disabled"  # a driver that does not send the token
    result = subprocess.run([sys.executable, "-m", "translator.cli", "batch", str(tmp_path / "in"), "-o",
                             str(tmp_path / "out"), "--no-cache", "--ray", cluster.address],
                            cwd=PROJECT, env=env, capture_output=True, timeout=300)
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 5
    assert len(lines) == 1 and "RAY_AUTH_MODE=token" in lines[0], lines[:3]


# --- without a cluster ----------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_cluster_is_one_line_and_exit_5(installed_model, tmp_path: Path) -> None:
    write_articles(tmp_path / "in")
    result = run_brief("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache",
                       "--ray", f"ray://127.0.0.1:{closed_port()}")
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 5
    assert len(lines) == 1 and lines[0].startswith("brief: error:")
    if ray is not None:
        assert "cannot reach the Ray cluster at ray://127.0.0.1:" in lines[0]
    assert not list((tmp_path / "out").glob("*.md"))




def test_ray_options_misused_are_usage_errors(tmp_path: Path) -> None:
    write_articles(tmp_path / "in")
    result = run_brief("batch", "--ray", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "--ray=local" in result.stderr.decode()
    result = run_brief("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--ray", "--workers", "2")
    assert result.returncode == 2
    assert "--workers" in result.stderr.decode()
    result = run_brief("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--ray-actors", "2")
    assert result.returncode == 2
    assert "--ray-actors goes with --ray" in result.stderr.decode()
    assert not (tmp_path / "out").exists()


def run_without_ray(code: str) -> subprocess.CompletedProcess:
    """Python with `import ray` failing, as where the [ray] extra is not installed."""
    return subprocess.run([sys.executable, "-c", "import sys; sys.modules['ray'] = None\n" + code],
                          capture_output=True, cwd=PROJECT, timeout=120)


def test_ray_not_installed_says_how_to_install_it(installed_model, tmp_path: Path) -> None:
    write_articles(tmp_path / "in")
    argv = ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--ray"]
    result = run_without_ray(f"from translator.cli import main\nmain({argv!r}, prog_name='brief')")
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 5
    assert len(lines) == 1 and 'pip install -e ".[ray]"' in lines[0]


def test_nothing_imports_ray_without_the_option() -> None:
    code = (
        "from translator import batch, cli, pipeline\n"
        "try:\n    cli.main(['batch', '--help'], prog_name='brief')\nexcept SystemExit:\n    pass\n"
        "cli.main(['--help'], prog_name='brief')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import sys, atexit\n"
         "atexit.register(lambda: sys.__stderr__.write('RAY LOADED\\n' if 'ray' in sys.modules else ''))\n" + code],
        capture_output=True, cwd=PROJECT, timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"--ray [ADDRESS]" in result.stdout
    assert b"RAY LOADED" not in result.stderr
