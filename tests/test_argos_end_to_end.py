"""`brief` through the real path: a genuine .argosmodel built here, installed with
argostranslate's install_from_path, loaded by Argos and run by CTranslate2.

The tiny model copies French in upper case, so every English unit can be checked
against its source exactly.
"""

import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import SEEDS, run_brief

pytestmark = pytest.mark.slow

ARTICLE = """Dernière mise à jour à 14h05 le 03/09
La mairie de Brest a présenté jeudi un plan de rénovation des écoles de 40 millions d'euros.
« Nous rénoverons toutes les écoles. Aucune ne sera oubliée », a déclaré M. Le Bihan devant le conseil.
L'opposition juge le calendrier « irréaliste » et réclame un audit.
Les travaux commenceront en janvier.
Un nouveau musée ouvre ses portes à Quimper
Nous suivre sur WeChat
"""


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "brest.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_real_argos_translation_through_the_api(installed_model):
    from translator.translation.engine import ArgosTranslator, find_package

    package = find_package()
    assert package.package_path.parent == installed_model
    translator = ArgosTranslator(package)
    assert translator.translate(["Le maire a parlé.", "Ça coûte 51,3 €."]) == ["LE MAIRE A PARLÉ.", "ÇA COÛTE 51,3 €."]
    assert translator.translate(["un", "deux"]) == ["UN", "DEUX"]
    assert "0.0.1-tiny" in translator.model_id


def test_automatic_batch_size_follows_the_tokenizer(installed_model):
    from translator.translation.engine import AUTO_BATCH_SENTENCES, MIN_AUTO_BATCH_TOKENS, ArgosTranslator, DecodingOptions

    automatic = ArgosTranslator(options=DecodingOptions())
    long_units = [["▁x"] * 100] * 3 + [["▁x"] * 40]
    kwargs = automatic._decoding_kwargs(long_units)
    assert (kwargs["max_batch_size"], kwargs["batch_type"]) == (AUTO_BATCH_SENTENCES * 85, "tokens")
    assert automatic._decoding_kwargs([["▁x"]] * 5)["max_batch_size"] == MIN_AUTO_BATCH_TOKENS
    fixed = ArgosTranslator(options=DecodingOptions(max_batch_size=16, batch_type="examples"))
    kwargs = fixed._decoding_kwargs(long_units)
    assert (kwargs["max_batch_size"], kwargs["batch_type"]) == (16, "examples")
    assert fixed.translate(["Un.", "Deux trois."]) == automatic.translate(["Un.", "Deux trois."]) == ["UN.", "DEUX TROIS."]


def test_translate_json_end_to_end(installed_model, article):
    result = run_brief("translate", str(article), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["model"].startswith("argos-fr-en-0.0.1-tiny")
    assert data["date"]["iso"] == "--09-03T14:05"
    assert "musée" not in data["body_fr"] and "WeChat" not in data["body_fr"]
    # Every paragraph translated, structure kept, quotes whole and re-marked in English.
    assert data["translation_en"].split("\n")[0] == data["paragraphs_fr"][0].upper()
    # English joins: comma inside the marks, the inverted attribution in the usual order.
    assert "“NOUS RÉNOVERONS TOUTES LES ÉCOLES. AUCUNE NE SERA OUBLIÉE,” M. LE BIHAN A DÉCLARÉ DEVANT" in data["translation_en"]
    assert "“IRRÉALISTE”" in data["translation_en"]
    (quote,) = [q for q in data["quotes"] if "ÉCOLES" in q["text"]]
    assert quote["text"] == "NOUS RÉNOVERONS TOUTES LES ÉCOLES. AUCUNE NE SERA OUBLIÉE"
    assert quote["speaker"] == "M. Le Bihan"
    assert quote["original"] == "«\u00a0Nous rénoverons toutes les écoles. Aucune ne sera oubliée\u00a0»"


def test_translate_from_stdin_to_markdown_file(installed_model, tmp_path):
    out = tmp_path / "brief.md"
    result = run_brief("translate", "-", "--format", "markdown", "-o", str(out), stdin=ARTICLE)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    text = out.read_text()
    assert text.startswith("# LA MAIRIE DE BREST")
    assert "> “NOUS RÉNOVERONS TOUTES LES ÉCOLES. AUCUNE NE SERA OUBLIÉE” — Mr Le Bihan" in text  # a name is not sent to the model


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else [], ids=lambda p: p.name)
def test_real_scraped_pages(installed_model, seed):
    result = run_brief("translate", str(seed), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = data["body_fr"]
    # The page's last lines are headlines and social boilerplate: none survives.
    for line in lines[-5:]:
        assert line not in body
    assert "WeChat" not in body
    assert lines[1] in body, "the first body paragraph is kept"
    assert data["date"] is not None and data["date"]["hour"] is not None
    # Every French quotation comes back whole, upper-cased by the tiny model, in “ ”.
    for quote in data["quotes"]:
        french = quote["original"].strip('"«»“” \u00a0')
        assert quote["text"] == french.upper()
        # English punctuation may sit inside the closing mark: “…,” he said.
        assert re.search(re.escape(f"“{quote['text']}") + r"[,.?!]?”", data["translation_en"])
    assert len(data["quotes"]) >= 1


def test_no_translate_all_is_partial(installed_model, article):
    result = run_brief("translate", str(article), "--format", "json", "--no-translate-all", "-n", "1")
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert data["translation_complete"] is False and data["translation_en"] is None
    assert len(data["brief"]) == 1


def test_missing_model_is_one_clear_line(tmp_path, article):
    out = tmp_path / "out.json"
    result = run_brief("translate", str(article), "-o", str(out), env={"ARGOS_PACKAGES_DIR": str(tmp_path / "none")})
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert "brief models install --file" in stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "input is empty"),
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
        (b"%PDF-1.7 rest", "PDF"),
        (b"The council voted the budget on Tuesday. The mayor said it protects families.", "does not look like French"),
    ],
)
def test_bad_inputs_are_one_line_errors(installed_model, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "out.txt"
    result = run_brief("translate", str(path), "-o", str(out))
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert message in stderr and stderr.count("\n") == 1 and "Traceback" not in stderr
    assert not out.exists()


def test_missing_and_huge_files(installed_model, tmp_path):
    missing = run_brief("translate", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and b"no such file" in missing.stderr
    huge = tmp_path / "huge.txt"
    huge.write_text("Le conseil a voté le budget. " * 1000)
    result = run_brief("translate", str(huge), "--max-bytes", "10000")
    assert result.returncode == 1 and b"too large" in result.stderr


def test_models_install_from_file_and_list(tmp_path, tiny_package_file):
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pkgs")}
    empty = run_brief("models", "list", env=env)
    assert b"(none)" in empty.stdout
    result = run_brief("models", "install", "--file", str(tiny_package_file), env=env)
    assert result.returncode == 0, result.stderr.decode()
    listed = run_brief("models", "list", env=env).stdout.decode()
    assert "fr→en 0.0.1-tiny" in listed
    assert (tmp_path / "pkgs" / "translate-fr_en-tiny" / "model" / "model.bin").exists()


def test_models_install_refuses_bad_files(tmp_path, tiny_package_file):
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pkgs")}
    not_zip = tmp_path / "x.argosmodel"
    not_zip.write_text("hello")
    result = run_brief("models", "install", "--file", str(not_zip), env=env)
    assert result.returncode == 3 and b"zip" in result.stderr
    # Same package relabelled de→en: refused before anything is installed.
    wrong = tmp_path / "de_en.argosmodel"
    with zipfile.ZipFile(tiny_package_file) as src, zipfile.ZipFile(wrong, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("metadata.json"):
                meta = json.loads(data)
                meta["from_code"] = "de"
                data = json.dumps(meta).encode()
            dst.writestr(item, data)
    result = run_brief("models", "install", "--file", str(wrong), env=env)
    assert result.returncode == 3 and "de→en" in result.stderr.decode()
    assert not (tmp_path / "pkgs").exists() or not any((tmp_path / "pkgs").iterdir())


def test_models_install_offline_says_how_to_install_from_a_file(tmp_path):
    # The index address points at a closed local port (set in conftest): a quick, clear failure.
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pkgs"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run_brief("models", "install", env=env)
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert "--file" in stderr and "Traceback" not in stderr and stderr.count("\n") == 1
