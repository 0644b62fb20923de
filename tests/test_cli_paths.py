"""What the README shows on the command line, run through the real `brief` with the tiny model:
`brief clean`'s options, --glob, --cache-dir and the default cache folder, the digest's order,
‹ › quotations, undecodable input, settings that redo a brief, and the decoding options that
must reach CTranslate2.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, run_brief

from translator.translation.cache import CACHE_FILE

pytestmark = pytest.mark.slow

# Short French pages written for these tests.
PAGES = {
    "dated.txt": (
        "Publié le 14/02/2025 à 08h30",
        "Le conseil départemental du Cantal a voté jeudi un plan de soutien aux éleveurs touchés par la sécheresse.",
        "« Aucune exploitation ne sera laissée seule face à cette crise », a déclaré Mme Odile Ferrand, présidente "
        "du département.",
        "Les aides seront versées avant la fin du mois de mars à près de quatre cents exploitations.",
    ),
    "yearless.txt": (
        "Dernière mise à jour à 17h20 le 03/06",
        "La ville de Colmar a inauguré samedi une passerelle piétonne au-dessus de la Lauch, après un an de travaux.",
        "Les riverains attendaient depuis longtemps un passage plus sûr vers le marché couvert du centre.",
    ),
    "undated.txt": (
        "Un incendie a détruit dans la nuit de dimanche à lundi un hangar agricole à la sortie du village de Murat.",
        "Les pompiers ont maîtrisé le feu en deux heures, sans faire de blessé parmi les habitants voisins.",
    ),
    "chevrons.txt": (
        "Publié le 02/09/2024 à 11h00",
        "Le lycée Jean-Moulin de Béziers a ouvert mardi une classe consacrée aux métiers de la vigne et du vin.",
        "‹ Nos élèves apprendront la taille, les vendanges et la vinification dès la première année ›, a expliqué "
        "le proviseur Marc Delorme.",
        "Vingt-quatre élèves ont été retenus parmi plus de cent candidatures venues de tout le département.",
    ),
}


def write_pages(folder: Path, names=PAGES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text("\n\n".join(PAGES[name]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def cache_rows(cache_file: Path) -> int:
    with sqlite3.connect(cache_file) as db:
        return db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]


# --- brief clean ------------------------------------------------------------------------------

# A page with furniture of the usual shapes (invented) and an in-body sub-heading.
FURNITURE_PAGE = "\n".join([
    "Région",
    "La forêt de Brocéliande rouvre ses sentiers aux promeneurs",
    "Par Jeanne Morel",
    "Publié le 22/05/2025 à 07h45",
    "Partager sur Facebook",
    "Les sentiers de la forêt de Brocéliande rouvrent ce week-end après trois mois de travaux d'entretien.",
    "L'Office national des forêts a abattu les arbres malades et refait les passerelles des étangs du massif.",
    "Le calendrier",
    "Les circuits les plus longs resteront fermés jusqu'à la fin du mois de juin, le temps de finir les chantiers.",
    "Les gardes forestiers rappellent que les chiens doivent être tenus en laisse sur tous les chemins du site.",
    "À lire aussi : Les randonnées de l'été en Ille-et-Vilaine",
])


@pytest.fixture
def furniture_page(tmp_path: Path) -> Path:
    path = tmp_path / "foret.txt"
    path.write_text(FURNITURE_PAGE + "\n", encoding="utf-8")
    return path


def test_clean_show_removed_lists_each_dropped_line_with_its_reason(furniture_page: Path) -> None:
    result = run_brief("clean", str(furniture_page), "--show-removed")
    assert result.returncode == 0, result.stderr.decode()
    body, removed = result.stdout.decode().split("\n--- removed ---\n")
    assert body.splitlines()[0].startswith("Les sentiers de la forêt de Brocéliande rouvrent")
    for line, reason in [("Par Jeanne Morel", "byline"), ("Publié le 22/05/2025 à 07h45", "timestamp"),
                         ("Partager sur Facebook", "social")]:
        assert f"[{reason}] {line}" in removed
        assert line not in body
    assert "--- sub-headings (kept, never summary sentences) ---\n  Le calendrier\n" in removed


def test_clean_json_and_markdown(furniture_page: Path) -> None:
    as_json = run_brief("clean", str(furniture_page), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr.decode()
    data = json.loads(as_json.stdout)
    assert data["title"] == "La forêt de Brocéliande rouvre ses sentiers aux promeneurs"
    assert data["date"].startswith("2025-05-22T07:45")
    assert data["paragraphs"][data["headings"][0]] == "Le calendrier" and len(data["headings"]) == 1
    lines = FURNITURE_PAGE.splitlines()
    for entry in data["removed"]:
        assert set(entry) == {"line", "reason", "text"}
        assert lines[entry["line"] - 1] == entry["text"]  # the page's own line, numbered from 1
    assert {"byline", "social", "timestamp"} <= {entry["reason"] for entry in data["removed"]}

    as_markdown = run_brief("clean", str(furniture_page), "--format", "markdown")
    assert as_markdown.returncode == 0, as_markdown.stderr.decode()
    paragraphs = as_markdown.stdout.decode().strip().split("\n\n")
    assert paragraphs == [f"## {p}" if i in data["headings"] else p for i, p in enumerate(data["paragraphs"])]


# --- one batch: --glob, --cache-dir, the digest's order, ‹ › marks, undecodable input --------------


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory, installed_model):
    root = tmp_path_factory.mktemp("mixed")
    inputs = root / "in"
    write_pages(inputs)
    # A UTF-8 byte-order mark, then a cp1252 "é": no encoding reads it as the mark says.
    (inputs / "undecodable.txt").write_bytes(b"\xef\xbb\xbfLe conseil a vot\xe9 le budget mardi soir.\n")
    (inputs / "page.html").write_text("<html><body><p>" + PAGES["undated.txt"][0] + "</p></body></html>",
                                      encoding="utf-8")
    out = root / "out"
    result = run_brief("batch", str(inputs), "-o", str(out), "--glob", "*.txt", "--beam-size", "1",
                       "--cache-dir", str(root / "option-cache"), env={"BRIEF_CACHE_DIR": str(root / "env-cache")})
    return root, out, result


def test_glob_takes_only_the_files_it_names(mixed_batch) -> None:
    _, out, result = mixed_batch
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    briefed = sorted(Path(entry["source"]).name for entry in digest["articles"])
    assert briefed == sorted(PAGES)  # page.html is not a *.txt
    assert not (out / "page.md").exists()


def test_undecodable_input_fails_alone_with_one_line(mixed_batch) -> None:
    root, out, result = mixed_batch
    err = result.stderr.decode()
    assert result.returncode == 1, err
    failed = [line for line in err.splitlines() if line.startswith("brief: failed:")]
    assert failed == [f"brief: failed: {root / 'in' / 'undecodable.txt'}: cannot decode the text: it starts with "
                      "a UTF-8 byte-order mark but is not valid UTF-8 (invalid continuation byte)"]
    assert "Traceback" not in err and "internal error" not in err
    assert f"{len(PAGES)} done" in err


def test_cache_dir_option_wins_over_the_environment(mixed_batch) -> None:
    root, _, _ = mixed_batch
    assert cache_rows(root / "option-cache" / CACHE_FILE) > 0
    assert not (root / "env-cache").exists()


def test_digest_newest_first_year_less_after_dated_and_undated_last(mixed_batch) -> None:
    _, out, _ = mixed_batch
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert [entry["output"] for entry in digest["index"]] == ["dated.md", "chevrons.md", "yearless.md",
                                                               "undated.md"]
    assert [entry["date"] for entry in digest["index"]] == ["2025-02-14T08:30", "2024-09-02T11:00", "--06-03T17:20",
                                                             None]
    markdown = (out / "digest.md").read_text(encoding="utf-8")
    assert markdown.index("PASSERELLE PIÉTONNE") < markdown.index("UN INCENDIE A DÉTRUIT")


def test_single_guillemets_are_a_quotation_translated_whole(mixed_batch) -> None:
    _, out, _ = mixed_batch
    brief = (out / "chevrons.md").read_text(encoding="utf-8")
    quote = "NOS ÉLÈVES APPRENDRONT LA TAILLE, LES VENDANGES ET LA VINIFICATION DÈS LA PREMIÈRE ANNÉE"
    assert f"> “{quote}” — LE PROVISEUR Marc Delorme" in brief  # the role goes to the model, the name not
    assert "‹" not in brief and "›" not in brief


def test_the_default_cache_is_in_the_user_cache_folder(tmp_path: Path, installed_model) -> None:
    write_pages(tmp_path / "in", ["undated.txt"])
    env = {key: value for key, value in os.environ.items() if key != "BRIEF_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")
    result = subprocess.run([sys.executable, "-m", "translator.cli", "batch", str(tmp_path / "in"), "-o",
                             str(tmp_path / "out"), "--beam-size", "1"], cwd=PROJECT, env=env, capture_output=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert cache_rows(tmp_path / "user-cache" / "brief" / CACHE_FILE) > 0


# --- settings that change a brief redo it ----------------------------------------------------------


def other_model(tmp_path: Path, installed_model: Path) -> Path:
    """An Argos folder holding the tiny package under another version: another model id."""
    folder = tmp_path / "other-argos"
    [package] = [p for p in installed_model.iterdir() if (p / "metadata.json").exists()]
    shutil.copytree(package, folder / package.name)
    metadata = json.loads((folder / package.name / "metadata.json").read_text())
    metadata["package_version"] += ".1"
    (folder / package.name / "metadata.json").write_text(json.dumps(metadata))
    return folder


def test_changed_settings_redo_the_brief_and_the_cache_key_follows_the_model(tmp_path: Path, installed_model) -> None:
    # A page without quotations: spaCy is never loaded, so the nine runs stay quick.
    [page] = write_pages(tmp_path / "in", ["yearless.txt"])
    out = tmp_path / "out"
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache")}

    def run(*options: str, extra_env: dict | None = None) -> str:
        result = run_brief("batch", str(page), "-o", str(out), *options, env={**env, **(extra_env or {})})
        err = result.stderr.decode()
        assert result.returncode == 0, err
        return err

    base = ["--beam-size", "1"]
    run(*base)
    assert "0 done, 1 skipped" in run(*base)
    # Each setting the brief depends on redoes it; the translations come from the cache
    # unless the setting is part of the cache key (model, beam, a compute type other than int8).
    for options, from_cache in [
        (["--method", "textrank"], True),
        (["--sentences", "2"], True),
        (["--quotes", "1"], True),
        (["--beam-size", "2"], False),
        (["--compute-type", "float32"], False),
        (["--format", "json"], True),
    ]:
        err = run(*base, *options)
        assert "1 done, 0 skipped" in err, (options, err)
        units = err.split("; ")[1]
        translated, hits = (int(word) for word in units.split() if word.isdigit())
        assert (hits == translated) is from_cache, (options, err)
    err = run(*base, extra_env={"ARGOS_PACKAGES_DIR": str(other_model(tmp_path, installed_model))})
    assert "1 done, 0 skipped" in err and " 0 from the cache" in err


# --- decoding options reach CTranslate2 ------------------------------------------------------------

# Wraps ctranslate2.Translator to write the settings it is given to $CT2_LOG, then runs `brief`.
RECORDING_CT2 = """
import json, os, sys
import ctranslate2
from translator.cli import main

Real = ctranslate2.Translator
def log(kind, values):
    with open(os.environ["CT2_LOG"], "a") as sink:
        sink.write(json.dumps([kind, values]) + "\\n")

class Recording:
    def __init__(self, *args, **kwargs):
        log("load", {key: kwargs.get(key) for key in ("device", "compute_type", "inter_threads", "intra_threads")})
        self._real = Real(*args, **kwargs)
    def translate_batch(self, tokens, **kwargs):
        log("call", {key: kwargs.get(key) for key in ("max_batch_size", "batch_type", "beam_size")})
        return self._real.translate_batch(tokens, **kwargs)
    def __getattr__(self, name):
        return getattr(self._real, name)

ctranslate2.Translator = Recording
main(sys.argv[1:], prog_name="brief")
"""


def recorded_ct2(tmp_path: Path, *args: str) -> list[list]:
    log = tmp_path / "ct2.log"
    result = subprocess.run([sys.executable, "-c", RECORDING_CT2, *args], cwd=PROJECT, capture_output=True,
                            timeout=300, env={**os.environ, "CT2_LOG": str(log), "BRIEF_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_batch_decoding_options_reach_ctranslate2(tmp_path: Path, installed_model) -> None:
    write_pages(tmp_path / "in", ["dated.txt", "chevrons.txt"])
    calls = recorded_ct2(tmp_path, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--threads", "3",
                         "--batch-size", "3", "--batch-type", "examples", "--compute-type", "float32",
                         "--beam-size", "2", "--device", "cpu")
    loads = [values for kind, values in calls if kind == "load"]
    # A batch in one process: three sub-batches at once, one thread each.
    assert loads == [{"device": "cpu", "compute_type": "float32", "inter_threads": 3, "intra_threads": 1}]
    translations = [values for kind, values in calls if kind == "call"]
    assert translations and all(values == {"max_batch_size": 3, "batch_type": "examples", "beam_size": 2}
                                for values in translations)


def test_translate_decoding_defaults_reach_ctranslate2(tmp_path: Path, installed_model) -> None:
    [page] = write_pages(tmp_path / "in", ["dated.txt"])
    calls = recorded_ct2(tmp_path, "translate", str(page), "--threads", "2")
    assert calls[0] == ["load", {"device": "cpu", "compute_type": "int8", "inter_threads": 1, "intra_threads": 2}]
    assert all(values["beam_size"] == 4 and values["batch_type"] == "tokens" for kind, values in calls[1:])
