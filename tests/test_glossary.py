"""Court and police terms said in plain French before the model reads them (glossary.py)."""

from __future__ import annotations

import pytest

from translator.translation.glossary import plain_french
from translator.translation.long_units import plan_pieces, translate_in_pieces


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(
    ("french", "plain"),
    [
        ("Le parquet de Rennes a ouvert une enquête.", "Le bureau du procureur de Rennes a ouvert une enquête."),
        ("Il a été déféré au parquet, selon les parquets de Metz.",
         "Il a été déféré au bureau du procureur, selon les bureaux du procureur de Metz."),
        ("Elle est restée en garde à vue, puis en garde-à-vue encore.",
         "Elle est restée en détention policière, puis en détention policière encore."),
        ("Les gardes à vue ont été levées.", "Les détentions policières ont été levées."),
        ("Le maire a été mis en examen.", "Le maire a été formellement accusé."),
        ("Trois élus ont été mis en examen.", "Trois élus ont été formellement accusés."),
        ("La juge l'a mise en examen.", "La juge l'a formellement accusée."),
        ("Sa mise en examen tombe mal, comme la mise en examen de son frère.",
         "Son accusation formelle tombe mal, comme l'accusation formelle de son frère."),
        ("Le prévenu se tait ; la prévenue parle au nom des prévenus.",
         "L'accusé se tait ; l'accusée parle au nom des accusés."),
        ("L'avocat du prévenu répond au prévenu.", "L'avocat de l'accusé répond à l'accusé."),
        ("Ce prévenu est libre.", "Cet accusé est libre."),
        ("Il reste sous contrôle judiciaire.", "Il reste sous surveillance judiciaire."),
        ("Il a pris trois ans de prison ferme.", "Il a pris trois ans d'emprisonnement effectif."),
        ("Les gendarmes et une gendarme de la gendarmerie nationale.",
         "Les policiers et une policière de la Gendarmerie nationale."),
        ("Le gendarme de la brigade de Dax parle au gendarme des marchés.",
         "Le policier de la brigade de Dax parle au régulateur des marchés."),
        ("Un homme a été interpellé mardi.", "Un homme a été arrêté mardi."),
        ("Deux femmes ont été rapidement interpellées par les policiers.",
         "Deux femmes ont été rapidement arrêtées par les policiers."),
        ("La police a interpellé un suspect.", "La police a arrêté un suspect."),
    ],
)
def test_a_term_the_model_does_not_know_is_said_in_plain_french(french: str, plain: str) -> None:
    assert plain_french(french) == plain


@pytest.mark.parametrize(
    "french",
    [
        # the verb "prévenir" (to warn), which the model knows
        "Il a prévenu ses voisins avant de partir.",
        # "interpeller" in politics: to challenge, by someone who is not the police
        "La ministre a été interpellée par les députés sur la réforme.",
        "Le sénateur interpelle le gouvernement sur les retraites.",
        # the floor
        "Les joueurs ont foulé le parquet de Bercy.",
        "Il a glissé sur le parquet du salon.",
        "Un parquet en chêne recouvre la pièce.",
        # "gendarmerie" already written as a name
        "La Gendarmerie nationale recrute.",
    ],
)
def test_the_same_word_in_another_sense_is_left_alone(french: str) -> None:
    assert plain_french(french) == french


def test_only_what_goes_to_the_model_is_rewritten() -> None:
    plan = plan_pieces("Le parquet a fait appel […] selon le prévenu.", words)
    assert plan == [("Le bureau du procureur a fait appel", True), ("[…]", False), ("selon l'accusé.", True)]
    english = translate_in_pieces(["Le parquet requiert."], lambda pieces: [(p.upper(), False) for p in pieces], words)
    assert english == ["LE BUREAU DU PROCUREUR REQUIERT."]
