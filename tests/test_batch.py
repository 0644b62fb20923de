"""`brief batch`: mixed inputs, resume after an interruption, cache, digest, workers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROJECT, UpperRecipe, UpperTranslator, run_brief

from translator.batch.driver import BatchSettings, run_batch
from translator.batch.inputs import collect_inputs, name_outputs
from translator.summary.compose import BriefOptions
from translator.translation.cache import TranslationCache
from translator.batch.backends.pool import WorkerPool

# Four short articles written for these tests, each with its own date.
ARTICLES = {
    "port.txt": (
        "Dernière mise à jour à 09h10 le 04/03",
        "Le port de Saint-Malo a accueilli mardi son premier ferry électrique, après deux ans de travaux.",
        "« Nous avons prouvé qu'une traversée propre est possible dès aujourd'hui », a déclaré M. Hervé Le Goff, "
        "directeur de la compagnie.",
        "Le navire peut transporter six cents passagers et cent cinquante voitures sur la ligne de Jersey.",
        "Les dockers ont salué un chantier mené sans accident.",
    ),
    "musee.txt": (
        "Publié le 12/01/2025 à 17h45",
        "Le musée des Beaux-Arts de Lyon rouvre ses salles consacrées à la peinture flamande, fermées depuis "
        "l'automne.",
        "Selon Mme Claire Vasseur, conservatrice, « le public retrouvera les toiles dans une lumière plus douce, "
        "proche de celle des ateliers ».",
        "Quarante tableaux ont été restaurés, dont une vue d'Anvers longtemps attribuée à un anonyme.",
    ),
    "pluie.txt": (
        "Dernière mise à jour à 06h30 le 28/02",
        "De fortes pluies ont provoqué des inondations dans plusieurs communes de la vallée de la Garonne.",
        "« L'eau est montée de quarante centimètres en une heure, nous n'avons rien pu sauver », raconte une "
        "habitante de Marmande.",
        "La préfecture a ouvert deux gymnases pour accueillir les familles évacuées pendant la nuit.",
    ),
    "velo.txt": (
        "Dernière mise à jour à 20h05 le 15/03",
        "La coureuse bretonne Anaïs Morvan a remporté dimanche la première étape du Tour de Normandie.",
        "« J'ai attaqué dans la dernière côte parce que mes jambes répondaient bien », a-t-elle expliqué à "
        "l'arrivée.",
        "Elle devance de six secondes la Néerlandaise Femke de Vries et porte désormais le maillot jaune.",
    ),
}
TAIL = ("Les prix de l'immobilier reculent encore", "Un nouveau festival de jazz à Nantes", "Nous suivre sur Facebook")
# 12/01/2025 first: a page that names its year is never taken as older than one that does not.
NEWEST_FIRST = ["musee", "velo", "port", "pluie"]  # then 15/03, 04/03, 28/02 (no year)


def write_articles(folder: Path, names=ARTICLES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text("\n".join(ARTICLES[name] + TAIL) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def settings(**overrides) -> BatchSettings:
    return BatchSettings(**{"options": BriefOptions(sentences=2, quotes=2), **overrides})


def test_mixed_good_and_bad_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_articles(inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (inputs / "english.txt").write_text(
        "The city council voted on Monday to close the old bridge for repairs, which will take a year.\n"
    )
    (inputs / "huge.txt").write_text(ARTICLES["port.txt"][1] * 400, encoding="utf-8")
    paths, missing = collect_inputs([str(inputs), str(tmp_path / "nowhere.txt")])
    recipe = UpperRecipe()

    report = run_batch(paths, tmp_path / "out", settings(max_bytes=20_000), recipe, missing)

    assert sorted(Path(e.source).stem for e in report.done) == sorted(NEWEST_FIRST)
    reasons = {Path(f.source).name: f.reason for f in report.failed}
    assert set(reasons) == {"empty.txt", "image.txt", "english.txt", "huge.txt", "nowhere.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "PNG image" in reasons["image.txt"]
    assert "French" in reasons["english.txt"]
    assert "--max-bytes" in reasons["huge.txt"] or "large" in reasons["huge.txt"]
    assert all("\n" not in reason for reason in reasons.values())
    out = tmp_path / "out"
    assert sorted(p.name for p in out.glob("*.md")) == sorted([f"{n}.md" for n in NEWEST_FIRST] + ["digest.md"])
    digest = json.loads((out / "digest.json").read_text())
    assert {Path(f["source"]).name for f in digest["failed"]} == set(reasons)
    assert "## Failed" in (out / "digest.md").read_text()
    # The model was loaded once for the whole batch; all articles went in one call per step:
    # their titles and leads (while the speakers are found), the rest of what the briefs
    # show, then the rest of the bodies; nothing sent twice.
    assert len(recipe.loaded) == 1 and len(recipe.loaded[0].calls) == 3
    early, briefs, rest = recipe.loaded[0].calls
    assert not set(early) & set(briefs) and not set(early + briefs) & set(rest)
    assert "Les dockers ont salué un chantier mené sans accident." in rest  # shown in no brief of 2 sentences


def test_digest_is_ordered_newest_first_with_index_and_quotes(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in")
    run_batch(paths, tmp_path / "out", settings(), UpperRecipe())

    digest = json.loads((tmp_path / "out" / "digest.json").read_text())
    assert [Path(a["source"]).stem for a in digest["articles"]] == NEWEST_FIRST
    assert [i["output"] for i in digest["index"]] == [f"{n}.md" for n in NEWEST_FIRST]
    assert digest["index"][0]["date"] == "2025-01-12T17:45"
    assert digest["index"][1]["date"] == "--03-15T20:05"
    velo = digest["articles"][1]
    assert velo["quotes"][0]["text"].startswith("J'AI ATTAQUÉ DANS LA DERNIÈRE CÔTE")
    assert velo["quotes"][0]["original"].startswith("«\u00a0J'ai attaqué")
    assert velo["brief"] and all(s.isupper() for s in velo["brief"])

    markdown = (tmp_path / "out" / "digest.md").read_text()
    index_lines = [line for line in markdown.splitlines() if line[:2] in {"1.", "2.", "3.", "4."}]
    assert len(index_lines) == 4
    assert "(#story-1)" in index_lines[0] and "12 January 2025" in index_lines[0]
    assert "(#story-2)" in index_lines[1] and "15 March" in index_lines[1]
    assert markdown.index("## 1.") < markdown.index("## 4.")
    assert "> “J'AI ATTAQUÉ DANS LA DERNIÈRE CÔTE" in markdown
    for line in TAIL:
        assert line.upper() not in markdown


class StopAfter(UpperTranslator):
    """Translates `limit` sub-batches, then raises KeyboardInterrupt (Ctrl-C) in the next one."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def translate(self, texts):
        if len(self.calls) >= self.limit:
            raise KeyboardInterrupt
        return super().translate(texts)


class StopRecipe(UpperRecipe):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def load(self) -> StopAfter:
        self.loaded.append(StopAfter(self.limit))
        return self.loaded[-1]


def brief_only(**overrides) -> BatchSettings:
    return settings(options=BriefOptions(sentences=2, quotes=2, translate_all=False), **overrides)


def written_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.glob("*.md") if p.name != "digest.md"}


def phase_one_calls(paths: list[Path], tmp_path: Path, **small) -> int:
    """How many sub-batches the first phase (what the briefs show) takes for `paths`."""
    probe = UpperRecipe()
    run_batch(paths, tmp_path / "probe", brief_only(use_cache=False, **small), probe)
    return len(probe.loaded[0].calls)


@pytest.mark.parametrize("phase", ["briefs", "full text"])
def test_resume_after_interruption_loses_nothing_and_redoes_nothing(tmp_path: Path, phase: str) -> None:
    paths = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    small = {"sub_batch_units": 3, "sort_window": 1}
    run_batch(paths, tmp_path / "reference", settings(use_cache=False, **small), UpperRecipe())
    briefs = phase_one_calls(paths, tmp_path, **small)
    # Ctrl-C in the last sub-batch of the briefs, or in the second one of the full texts.
    first = StopRecipe(limit=briefs - 1 if phase == "briefs" else briefs + 1)

    report = run_batch(paths, out, settings(cache_dir=tmp_path / "cache", **small), first)

    assert report.interrupted
    assert not list(out.glob(".*.tmp")) and not list(out.glob("*.tmp"))
    written = written_files(out)
    assert len(written) == len(report.done) == len(list((out / ".brief-batch").glob("*.json")))
    if phase == "briefs":
        assert 0 < len(report.done) < 4
        assert not (out / "digest.md").exists()  # no digest pretending to be complete
    else:
        assert len(report.done) == 4 and 0 < report.full_texts < 4
        digest = json.loads((out / "digest.json").read_text())  # written before the full texts
        assert [Path(a["source"]).stem for a in digest["articles"]] == NEWEST_FIRST
    already_translated = set(first.translated())

    again = UpperRecipe()
    resumed = run_batch(paths, out, settings(cache_dir=tmp_path / "cache", **small), again)

    assert not resumed.interrupted and not resumed.failed
    assert len(resumed.skipped) == len(report.done) and len(resumed.done) == 4 - len(report.done)
    assert resumed.full_texts + report.full_texts == 4
    assert not already_translated & set(again.translated())  # nothing translated twice
    assert resumed.units == resumed.cache_hits + len(set(again.translated()))
    if phase == "briefs":  # every article still needs its full text, so every unit committed before
        assert resumed.cache_hits == len(already_translated)
    assert written_files(out) == written_files(tmp_path / "reference")
    digest = json.loads((out / "digest.json").read_text())
    assert [Path(a["source"]).stem for a in digest["articles"]] == NEWEST_FIRST


def test_briefs_first_then_the_full_texts(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    cache = {"cache_dir": tmp_path / "cache"}
    shown = UpperRecipe()
    quick = run_batch(paths, out, brief_only(**cache), shown)
    briefs = written_files(out)
    assert len(quick.done) == 4 and quick.full_texts == 0 and quick.digest_seconds is not None
    assert all(b"## Translation" not in data for data in briefs.values())
    assert "LES DOCKERS" not in (out / "port.md").read_text()  # in the body, shown in no brief

    again = UpperRecipe()
    skipped = run_batch(paths, out, brief_only(**cache), again)
    assert len(skipped.skipped) == 4 and not skipped.done and not again.loaded

    rest = UpperRecipe()
    full = run_batch(paths, out, settings(**cache), rest)  # only adds the full translations
    assert len(full.skipped) == 4 and not full.done and full.full_texts == 4
    assert "Les dockers ont salué un chantier mené sans accident." in rest.translated()
    assert not set(shown.translated()) & set(rest.translated())  # the briefs' units come from the cache
    assert full.cache_hits == len(set(shown.translated()))
    for name, data in written_files(out).items():
        brief, translation = data.split(b"\n## Translation\n\n")
        assert brief.rstrip() == briefs[name].rstrip()  # the same brief, now with the whole body
        assert b"LES DOCKERS" in translation or name != "port.md"

    fresh = run_batch(paths, tmp_path / "fresh", settings(use_cache=False), UpperRecipe())
    assert len(fresh.done) == 4
    assert written_files(out) == written_files(tmp_path / "fresh")


def test_changed_input_or_settings_are_redone(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", ["port.txt", "musee.txt"])
    out = tmp_path / "out"
    run_batch(paths, out, settings(), UpperRecipe())
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("mardi", "mercredi"), encoding="utf-8")

    report = run_batch(paths, out, settings(), UpperRecipe())
    assert [Path(e.source).name for e in report.done] == ["port.txt"]
    assert "MERCREDI" in (out / "port.md").read_text()

    json_report = run_batch(paths, out, settings(fmt="json"), UpperRecipe())
    assert len(json_report.done) == 2 and (out / "musee.json").exists()


def test_warm_cache_serves_everything_without_loading_the_model(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in")
    cache_dir = tmp_path / "cache"
    cold = run_batch(paths, tmp_path / "cold", settings(cache_dir=cache_dir), UpperRecipe())
    assert cold.cache_hits == 0 and cold.model_loaded

    recipe = UpperRecipe()
    warm = run_batch(paths, tmp_path / "warm", settings(cache_dir=cache_dir), recipe)

    assert not recipe.loaded and not warm.model_loaded
    assert warm.cache_hits == warm.units == cold.units
    for cold_file in (tmp_path / "cold").glob("[!d]*.md"):
        assert (tmp_path / "warm" / cold_file.name).read_text() == cold_file.read_text()
    assert TranslationCache(cache_dir).count(UpperRecipe.cache_key) >= cold.units


def test_no_cache_translates_again(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", ["port.txt"])
    run_batch(paths, tmp_path / "a", settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    recipe = UpperRecipe()
    report = run_batch(paths, tmp_path / "b", settings(cache_dir=tmp_path / "cache", use_cache=False), recipe)
    assert report.cache_hits == 0 and recipe.translated()


def test_worker_processes_give_the_same_briefs(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in")
    run_batch(paths, tmp_path / "one", settings(use_cache=False, sub_batch_units=4), UpperRecipe())
    report = run_batch(paths, tmp_path / "two", settings(use_cache=False, sub_batch_units=4),
                       WorkerPool(UpperRecipe(), 2))
    assert len(report.done) == 4 and report.model_loaded
    for name in NEWEST_FIRST:
        assert (tmp_path / "two" / f"{name}.md").read_text() == (tmp_path / "one" / f"{name}.md").read_text()


def test_inputs_from_directories_globs_and_name_collisions(tmp_path: Path) -> None:
    write_articles(tmp_path / "a", ["port.txt"])
    write_articles(tmp_path / "b" / "deep", ["port.txt", "musee.txt"])
    (tmp_path / "b" / "notes.md").write_text("pas un article")
    (tmp_path / "b" / ".hidden").mkdir()
    (tmp_path / "b" / ".hidden" / "x.txt").write_text("caché")
    out = tmp_path / "b" / "out"
    out.mkdir()
    (out / "old.txt").write_text("a brief from before")

    paths, failures = collect_inputs([str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "a" / "port.txt")],
                                     exclude=out)
    assert not failures
    assert sorted(p.relative_to(tmp_path).as_posix() for p in paths) == ["a/port.txt", "b/deep/musee.txt",
                                                                          "b/deep/port.txt"]
    names = [item.name for item in name_outputs(paths)]
    assert len(set(names)) == 3 and "musee" in names and all(n.startswith("port-") for n in names if n != "musee")
    assert name_outputs([tmp_path / "digest.txt"])[0].name != "digest"


def test_cli_batch_with_the_real_tiny_model(tmp_path: Path, installed_model: Path) -> None:
    inputs = tmp_path / "in"
    write_articles(inputs, ["port.txt", "velo.txt"])
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache")}

    first = run_brief("batch", str(inputs), "-o", str(out), env=env)

    assert first.returncode == 1
    err = first.stderr.decode()
    assert "2 done, 0 skipped (already done), 1 failed" in err
    assert f"failed: {inputs / 'empty.txt'}: input is empty" in err
    assert "Traceback" not in err
    digest = json.loads((out / "digest.json").read_text())
    assert digest["model"].startswith("argos-fr-en-0.0.1-tiny")
    assert [Path(a["source"]).stem for a in digest["articles"]] == ["velo", "port"]  # 15/03, 04/03
    assert f"digest in {out / 'digest.html'}" in err and (out / "digest.html").read_text().count("<article") == 2

    (inputs / "empty.txt").unlink()
    listed = "\n".join(str(p) for p in sorted(inputs.glob("*.txt"))) + "\n"
    second = run_brief("batch", "-", "-o", str(out), "--format", "markdown", stdin=listed, env=env)
    assert second.returncode == 0, second.stderr.decode()
    assert "0 done, 2 skipped" in second.stderr.decode()


def test_cli_brief_only_then_the_full_texts(tmp_path: Path, installed_model: Path) -> None:
    inputs = tmp_path / "in"
    write_articles(inputs, ["port.txt", "velo.txt"])
    out = tmp_path / "out"
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache")}

    quick = run_brief("batch", str(inputs), "-o", str(out), "--brief-only", "-n", "2", env=env)

    assert quick.returncode == 0, quick.stderr.decode()
    assert "2 done, 0 skipped (already done), 0 failed" in quick.stderr.decode()
    assert "full translations" not in quick.stderr.decode()
    assert "## Translation" not in (out / "port.md").read_text() and (out / "digest.md").exists()

    full = run_brief("batch", str(inputs), "-o", str(out), "-n", "2", env=env)

    err = full.stderr.decode()
    assert full.returncode == 0, err
    assert "0 done, 2 skipped (already done)" in err and "2 full translations added" in err
    assert "## Translation" in (out / "port.md").read_text()

    both = run_brief("batch", str(inputs), "-o", str(out), "--brief-only", "--translate-all", env=env)
    assert both.returncode == 2 and "--brief-only and --translate-all" in both.stderr.decode()


def test_cli_batch_usage_errors(tmp_path: Path) -> None:
    no_inputs = run_brief("batch", "-o", str(tmp_path / "out"))
    assert no_inputs.returncode == 2
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    none_found = run_brief("batch", str(empty_dir), "-o", str(tmp_path / "out"))
    assert none_found.returncode == 1
    assert none_found.stderr.decode().strip() == "brief: error: no input files found (patterns: *.txt, *.html, *.htm)"


@pytest.mark.slow
def test_killed_batch_resumes_from_what_was_written(tmp_path: Path, installed_model: Path) -> None:
    """SIGKILL in the middle: no half-written file, and the rerun only does the rest."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    names = []
    for number in range(120):
        base = ARTICLES[list(ARTICLES)[number % 4]]
        numbered = f"Cette dépêche porte le numéro {number} de notre fil régional."
        text = "\n".join(base[:2] + (numbered,) + base[2:] + TAIL)
        (inputs / f"a{number:03d}.txt").write_text(text + "\n", encoding="utf-8")
        names.append(f"a{number:03d}")
    out = tmp_path / "out"
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "translator.cli", "batch", str(inputs), "-o", str(out), "--quiet"]
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stderr=subprocess.DEVNULL)
    records = out / ".brief-batch"
    deadline = time.monotonic() + 240
    while process.poll() is None and time.monotonic() < deadline:
        if records.is_dir() and any(records.glob("*.json")):
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait(timeout=60)
    written = {p.name: p.read_bytes() for p in out.glob("a*.md")}
    for data in written.values():  # whatever is visible is a whole brief
        assert data.startswith(b"# ") and b"## Summary" in data and data.endswith(b"\n")

    rerun = run_brief("batch", str(inputs), "-o", str(out), env={"BRIEF_CACHE_DIR": str(tmp_path / "cache")})

    assert rerun.returncode == 0, rerun.stderr.decode()
    counts = re.search(r"(\d+) done, (\d+) skipped", rerun.stderr.decode())
    assert counts, rerun.stderr.decode()
    done, skipped = map(int, counts.groups())
    assert skipped >= 1 and done >= 1 and skipped + done == 120  # killed mid-batch, resumed
    assert sorted(p.stem for p in out.glob("a*.md")) == names
    assert not list(out.glob(".*.tmp"))
    for name, data in written.items():
        if data and (out / name).exists():  # finished briefs were not redone (a full translation may follow)
            assert (out / name).read_bytes().split(b"\n## Translation\n")[0] == data.split(b"\n## Translation\n")[0]
