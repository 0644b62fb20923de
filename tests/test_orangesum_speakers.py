"""benchmarks/orangesum_speakers.py: pages rebuilt from OrangeSum's one-line articles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from orangesum_speakers import DEFAULT_CORPUS, write_pages, with_paragraphs  # noqa: E402


def test_a_closing_quote_mark_stays_with_its_sentence():
    assert with_paragraphs('Il a dit "nous partons demain."Le maire a répondu.').split("\n\n") == [
        'Il a dit "nous partons demain."', "Le maire a répondu.\n"]
    assert with_paragraphs('Fin du texte."Nous partons" a dit Anne.').split("\n\n") == [
        "Fin du texte.", '"Nous partons" a dit Anne.\n']


def test_glued_paragraphs_are_parted_where_a_sentence_runs_into_a_capital():
    text = ('Le port a rouvert lundi.Les pêcheurs ont repris la mer. "Nous respirons enfin"Le maire a salué '
            'la décision. Il a cité M. Roy.')
    assert with_paragraphs(text).split("\n\n") == [
        "Le port a rouvert lundi.", 'Les pêcheurs ont repris la mer. "Nous respirons enfin"',
        "Le maire a salué la décision. Il a cité M. Roy.\n",
    ]


@pytest.mark.skipif(not (DEFAULT_CORPUS / "documents.txt").is_file(), reason="../shared/corpus/orangesum is absent")
def test_every_annotated_quotation_is_in_its_rebuilt_page(tmp_path):
    scored = []
    for sample in (1, 2, 3, 4):
        folder = tmp_path / str(sample)
        folder.mkdir()
        assert write_pages(DEFAULT_CORPUS, folder, sample) == 96
        entries = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        missing = [(e["file"], q["text_start"]) for e in entries for q in e["quotes"]
                   if q["text_start"] not in (folder / e["file"]).read_text(encoding="utf-8")]
        assert missing == []
        scored.append(sum(len(e["quotes"]) for e in entries))
    assert scored == [426, 524, 418, 488]  # those marked unsure are not scored
