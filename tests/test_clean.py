"""Line rules of the cleaner, one shape at a time."""

import pytest

from translator.french.clean import clean_document, furniture_reason
from translator.french.dates import parse_timestamp
from translator.french.reader import RawDocument


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Dernière mise à jour à 08h15 le 21/11", "--11-21T08:15"),
        ("Publié le 04/06/2025 à 18h30", "2025-06-04T18:30"),
        ("Mis à jour le 1er mars 2024 à 9:05", "2024-03-01T09:05"),
        ("Mise à jour : 18/05/25 - 22h47", "2025-05-18T22:47"),
        ("Le 3 mars 2024, 14h05", "2024-03-03T14:05"),
    ],
)
def test_timestamps_are_parsed(line, iso):
    stamp = parse_timestamp(line)
    assert stamp is not None and stamp.isoformat() == iso


@pytest.mark.parametrize(
    "line",
    [
        "Le 3 mars 2024, le conseil a voté le budget de la ville.",
        "Publié le 31/02 à 10h00",  # no such day
        "Les 12 élus se sont réunis à 18h30.",
    ],
)
def test_sentences_with_dates_are_not_timestamps(line):
    assert parse_timestamp(line) is None


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Par Anne Morel", "byline"),
        ("par Jean-Luc Petit, avec AFP", "byline"),
        ("Par la rédaction", "byline"),
        ("Par notre correspondante à Lyon", "byline"),
        ("Photo : AFP", "credit"),
        ("Suivez-nous sur Telegram", "social"),
        ("Scannez le code QR pour nous suivre", "social"),
        ("À lire aussi : le budget 2025", "related-link"),
        ("© 2025 Journal du Soir", "copyright"),
    ],
)
def test_furniture_reasons(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Par ailleurs, la ville a voté un nouveau budget.",
        "Par 45 voix contre 12, le conseil a adopté le texte.",
        "Il a partagé son inquiétude avec les habitants du quartier lors de la réunion publique.",
    ],
)
def test_body_sentences_are_not_furniture(line):
    assert furniture_reason(line) is None


def test_trailing_headlines_go_short_body_sentences_stay():
    text = "\n".join(
        [
            "Le conseil a voté le budget mardi soir, après six heures de débat.",
            "C'est une première.",
            "Un pont fermé pour travaux",
            "Pourquoi les loyers montent-ils ?",
            "La rentrée en chiffres",
        ]
    )
    article = clean_document(RawDocument("t.txt", text, "utf-8"))
    assert article.paragraphs == text.split("\n")[:2]
    assert [r.reason for r in article.removed] == ["trailing-headline"] * 3


# A paragraph of running prose is never furniture, whatever words it uses (issue 20).
_PROSE_WITH_FURNITURE_WORDS = (
    "La mairie de Brives a annoncé lundi sur les réseaux sociaux, Twitter et Facebook, la fermeture de la piscine "
    "municipale pour six mois de travaux. « Abonnez-vous à la lettre de la mairie pour suivre le "
    "chantier », a écrit le maire, qui invite les habitants à partager leurs idées. Les nageurs "
    "pourront lire aussi le compte rendu du conseil municipal, publié mardi, où le coût est estimé "
    "à 1,2 million d'euros.Le club de natation s'entraînera à Tulle."
)


def test_a_paragraph_naming_networks_and_calls_to_act_is_article_text():
    assert furniture_reason(_PROSE_WITH_FURNITURE_WORDS) is None


def test_a_one_line_article_naming_networks_is_not_lost():
    article = clean_document(RawDocument("brives.txt", _PROSE_WITH_FURNITURE_WORDS, "utf-8"))
    assert article.paragraphs == [_PROSE_WITH_FURNITURE_WORDS]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Suivez-nous sur Twitter et sur Facebook !", "social"),
        ("Abonnez-vous à notre lettre d'information.", "social"),
        ("Lire aussi : La piscine de Brives ferme pour travaux", "related-link"),
        # Two sentences, but a notice: it talks to the reader.
        (
            "Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite et profiter de toutes "
            "nos offres numériques, sans engagement de durée, dès aujourd'hui sur tous vos écrans.",
            "paywall",
        ),
    ],
)
def test_notices_with_the_same_words_still_go(line, reason):
    assert furniture_reason(line) == reason
