"""benchmarks/quality.py's fixed split: every third page set aside, scored apart."""

import json
import sys

from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "benchmarks"))
from quality import main, part_of, score_folder  # noqa: E402


def _page(folder, number):
    name = f"page{number}.txt"
    body = f"Le conseil municipal de la commune numéro {number} a voté mardi soir le budget de l'année prochaine."
    (folder / name).write_text(f"Budget voté à la commune {number}\n{body}\n", encoding="utf-8")
    return {"file": name, "title": f"Budget voté à la commune {number}", "body_first_words": "Le conseil municipal",
            "body_last_words": "de l'année prochaine.", "furniture_examples": [], "quotes": []}


def test_every_third_entry_is_set_aside():
    assert [part_of(i) for i in range(7)] == ["used", "used", "set aside"] * 2 + ["used"]


def test_parts_are_scored_apart(tmp_path, capsys):
    entries = [_page(tmp_path, n) for n in range(6)]
    entries[5]["title"] = "Un autre titre"  # a miss on a set-aside page
    (tmp_path / "annotations.json").write_text(json.dumps(entries), encoding="utf-8")
    used, used_totals = score_folder(tmp_path, "used")
    aside, aside_totals = score_folder(tmp_path, "set aside")
    assert [p.file for p in used] == ["page0.txt", "page1.txt", "page3.txt", "page4.txt"]
    assert [p.file for p in aside] == ["page2.txt", "page5.txt"]
    assert used_totals["title"] == [4, 4] and aside_totals["title"] == [1, 2]
    assert main([str(tmp_path), "--split"]) == 0
    out = capsys.readouterr().out
    assert "used (4 pages)" in out and "set aside (2 pages)" in out and "page5.txt *" in out
