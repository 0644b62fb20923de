"""No silent truncation: long units are cut at clause boundaries, and cut-short outputs redone."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_brief

from translator.translation.long_units import plan_pieces, split_long, translate_in_pieces


def words(text: str) -> int:
    return len(text.split())


def clauses(count: int) -> list[str]:
    """A run-on "sentence" as scraped lists give: clauses with no punctuation between them."""
    return [f"le lot {n} part vers la gare {n + 1}" for n in range(count)]


def test_long_text_is_cut_at_the_strongest_boundary_that_suffices() -> None:
    text = "un deux trois, quatre cinq six; sept huit neuf, dix onze douze"
    assert split_long(text, words, bound=20) == [text]
    assert split_long(text, words, bound=7) == ["un deux trois, quatre cinq six;", "sept huit neuf, dix onze douze"]
    assert split_long(text, words, bound=3) == ["un deux trois,", "quatre cinq six;", "sept huit neuf,", "dix onze douze"]
    assert split_long("a b c d e f g", words, bound=3) == ["a b c", "d e f", "g"]
    # A decimal comma is not a clause boundary.
    assert split_long("il a 3,5 ans et 4,2 mois", words, bound=3) == ["il a 3,5", "ans et 4,2", "mois"]


def test_a_unit_of_several_sentences_goes_to_the_model_sentence_by_sentence() -> None:
    sent: list[str] = []

    def model(pieces: list[str]) -> list[tuple[str, bool]]:
        sent.extend(pieces)
        return [(piece.upper(), False) for piece in pieces]

    unit = "Ce soir, tout a changé ! M. Roux a gagné. Nous allons construire ensemble"
    assert translate_in_pieces([unit, "Une phrase."], model, words) == [unit.upper(), "UNE PHRASE."]
    assert sent == ["Ce soir, tout a changé !", "M. Roux a gagné.", "Nous allons construire ensemble", "Une phrase."]


def test_an_elision_mark_is_never_sent_and_comes_back_as_written() -> None:
    # The model turns "[...]" into a run of dots.
    assert plan_pieces("J'ai noté mon opposition [...] ce qui me permet d'en parler", words) == [
        ("J'ai noté mon opposition", True), ("[...]", False), ("ce qui me permet d'en parler", True)]
    assert plan_pieces("(…) et puis rien", words) == [("(…)", False), ("et puis rien", True)]
    english = translate_in_pieces(["avant […] après"], lambda pieces: [(p.upper(), False) for p in pieces], words)
    assert english == ["AVANT […] APRÈS"]


def test_every_piece_fits_and_nothing_is_lost() -> None:
    text = " ".join(clauses(400))
    pieces = split_long(text, words, bound=150)
    assert all(words(piece) <= 150 for piece in pieces)
    assert " ".join(pieces) == text
    assert len(pieces) == -(-words(text) // 150)


def test_a_400_clause_sentence_comes_back_whole_with_the_tiny_model(installed_model: Path) -> None:
    from translator.translation.engine import ArgosTranslator, DecodingOptions

    translator = ArgosTranslator(options=DecodingOptions(beam_size=1))
    parts = clauses(400)
    sentence = " ".join(parts) + "."
    assert translator.count_tokens(sentence) > 10 * translator.options.max_unit_tokens

    english = translator.translate(["Un court début.", sentence, "Une courte fin."])

    assert english[0] == "UN COURT DÉBUT." and english[2] == "UNE COURTE FIN."
    position = 0
    for part in parts:  # every clause, in order
        position = english[1].index(part.upper(), position) + len(part)
    assert english[1] == sentence.upper()


def test_an_output_cut_at_the_decoding_limit_is_redone_in_pieces(installed_model: Path) -> None:
    from translator.translation.engine import ArgosTranslator, DecodingOptions

    # No cutting before decoding, and a low output limit: the check after decoding must act.
    translator = ArgosTranslator(options=DecodingOptions(max_unit_tokens=10_000, max_decoding_length=120))
    text = ", ".join(clauses(20))
    assert translator._translate_pieces([text])[0][1], "this text must hit the limit in one piece"

    assert translator.translate([text]) == [text.upper()]


def test_a_quote_shorter_than_the_bound_stays_one_piece(installed_model: Path) -> None:
    from translator.translation.engine import ArgosTranslator

    translator = ArgosTranslator()
    sent: list[str] = []
    inner = translator._translate_pieces
    translator._translate_pieces = lambda pieces: sent.extend(pieces) or inner(pieces)  # type: ignore[method-assign]
    quote = "nous tiendrons, quoi qu'il arrive, et nous reviendrons"
    assert translator.count_tokens(quote) < translator.options.max_unit_tokens
    long_frame = ", ".join(clauses(30))

    translator.translate([quote, long_frame])

    assert quote in sent and long_frame not in sent


def test_the_cli_keeps_every_clause_of_a_run_on_paragraph(tmp_path: Path, installed_model: Path) -> None:
    parts = clauses(400)
    article = tmp_path / "liste.txt"
    article.write_text(
        "Le département publie la liste des convois de la semaine.\n" + " ".join(parts) + ".\n"
        "La préfecture rappelle que les horaires peuvent changer.\n",
        encoding="utf-8",
    )
    result = run_brief("translate", str(article), "--format", "json", "--beam-size", "1")
    assert result.returncode == 0, result.stderr.decode()
    english = json.loads(result.stdout)["translation_en"]
    for part in parts:
        assert part.upper() in english


def test_an_output_far_shorter_than_a_long_input_counts_as_cut_short() -> None:
    from translator.translation.engine import _cut_short

    assert _cut_short(source_tokens=60, output_tokens=1023, limit=1024)  # stopped at the limit
    assert _cut_short(source_tokens=60, output_tokens=30, limit=1024)  # half of a long piece is missing
    assert not _cut_short(source_tokens=60, output_tokens=50, limit=1024)  # an ordinary translation
    assert not _cut_short(source_tokens=10, output_tokens=3, limit=1024)  # too short to judge ("Oui." → "Yes.")
