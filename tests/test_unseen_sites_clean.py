"""Headlines and furniture on page shapes from sites the rules were not written on.

Every page here is French written for the tests; each checks one cue of
translator/french/headline.py or one line rule that feeds it.
"""

import pytest

from translator.french.clean import clean_document, furniture_reason
from translator.french.dates import parse_timestamp
from translator.french.headline import is_heading_like, same_headline_but_site
from translator.french.reader import RawDocument

BODY = [
    "Le conseil municipal de Quimper a voté mardi soir la rénovation complète de la halle du marché couvert.",
    "Les travaux commenceront au printemps et dureront deux ans, pendant lesquels les commerçants seront installés place de la Résistance.",
]


def title_of(*header: str) -> str | None:
    return clean_document(RawDocument("t.txt", "\n".join([*header, *BODY]), "utf-8")).title


def test_numbered_menu_items_are_not_the_headline():
    assert title_of(
        "1. Aller au contenu", "2. Aller au menu principal", "La halle de Quimper fait peau neuve",
        "Marie Le Goff", "12 mars 2024",
    ) == "La halle de Quimper fait peau neuve"


def test_a_breadcrumb_repeating_a_question_headline():
    # The breadcrumb's last item repeats the headline; the headline is the copy without its number.
    assert title_of(
        "1. Accueil", "2. Régions", "3. Pourquoi la halle de Quimper ferme-t-elle deux ans ?",
        "Régions", "Pourquoi la halle de Quimper ferme-t-elle deux ans ?",
    ) == "Pourquoi la halle de Quimper ferme-t-elle deux ans ?"


def test_a_date_line_with_fields_is_a_timestamp_not_a_headline():
    stamp = parse_timestamp("3 avril 2023 - 10h15 - Bretagne - Écrit par :")
    assert stamp is not None and (stamp.day, stamp.month, stamp.year, stamp.hour) == (3, 4, 2023, 10)
    stamp = parse_timestamp("Agence Armor Presse | 07. 05. 2024")
    assert stamp is not None and (stamp.day, stamp.month, stamp.year) == (7, 5, 2024)
    assert title_of("Quimper : la halle fermée deux ans", "3 avril 2023 - 10h15 - Bretagne - Écrit par :") == (
        "Quimper : la halle fermée deux ans"
    )
    # A sentence with a date is no date line.
    assert parse_timestamp("La vente aura lieu le 3 avril - annonce la mairie - à la halle.") is None


def test_a_headline_repeated_with_the_site_name_keeps_the_plain_one():
    assert same_headline_but_site("La halle rouvre en 2026 - Quimper Infos", "La halle rouvre en 2026")
    assert not same_headline_but_site("La halle rouvre en 2026 - Quimper Infos", "La gare rouvre en 2026")
    assert title_of(
        "Quimper : la halle du marché fermée deux ans",
        "Quimper : la halle du marché fermée deux ans - QuimperMag",
        "Le marché déménage.",
    ) == "Quimper : la halle du marché fermée deux ans"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Quimper de notre correspondante", "byline"),
        ("Brest, de notre envoyé spécial", "byline"),
        ("Écrit par Yann Kervella", "byline"),
        ("Copie d'écran - Le maire de Quimper lors de son allocution vidéo du 3 avril", "caption"),
        ("La halle de Quimper / Le magazine / 7 min. / le 3 avril 2024", "caption"),
        ("Les commerçants ont manifesté devant la halle, le 3 avril, à Quimper. Archives, #QuimperInfo", "caption"),
    ],
)
def test_header_lines_that_are_not_headlines(line, reason):
    assert furniture_reason(line) == reason


def test_the_headline_above_a_photo_block_and_its_byline():
    assert title_of(
        "Édition du Finistère", "Radio de la Cornouaille",
        "Quimper : une aide pour les commerçants de la halle se met en place",
        "Halle-Quimper-Marche", "Copie d'écran - Le maire de Quimper lors de son allocution vidéo",
        "Écrit par Yann Kervella", "Publié le 3 avril 2024",
    ) == "Quimper : une aide pour les commerçants de la halle se met en place"


def test_a_quotation_headline_and_a_hashtag_caption():
    assert is_heading_like("Halle de Quimper : « On ne partira pas. »")
    assert not is_heading_like("Les commerçants devant la halle, à Quimper. Archives, #QuimperInfo")
    assert title_of(
        "Halle de Quimper : « On ne partira pas. »",
        "Les commerçants devant la halle, le 3 avril, à Quimper. Archives, #QuimperInfo",
    ) == "Halle de Quimper : « On ne partira pas. »"


def test_an_all_capitals_headline_that_is_a_phrase():
    assert is_heading_like("HALLE DE QUIMPER : UN CHANTIER DE DEUX ANS")
    assert not is_heading_like("OUEST ARMOR INFO")
    assert title_of("HALLE DE QUIMPER : UN CHANTIER DE DEUX ANS") == "HALLE DE QUIMPER : UN CHANTIER DE DEUX ANS"


def test_a_headline_under_the_standfirst_beside_the_date():
    text = "\n".join([
        BODY[0], "Publié le vendredi 3 avril 2024 | Ouest Armor", "La halle de Quimper fermée pour deux ans",
        BODY[1],
    ])
    assert clean_document(RawDocument("t.txt", text, "utf-8")).title == "La halle de Quimper fermée pour deux ans"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Suivez Ouest Armor sur Facebook et Instagram pour ne rien manquer.", "social"),
        ("Vous avez relevé une faute dans cet article ? Dites-le nous.", "report-error"),
        ("- Publicité -", "page-furniture"),
        ("La suite après cette publicité", "advert"),
        ("Votre publicité ici …", "advert"),
        ("★★★☆☆ 3,1/5 (48 avis)", "rating"),
        ("Réservé abonnés", "paywall"),
        ("Manifestation #Quimper #Halle", "social"),
        ("Gwen29 le 04/03/2024 à 18:02", "comments"),
        ("Lire aussi Le maire de Brest veut une halle couverte comme à Quimper : ce que l'on sait du projet...", "related-link"),
    ],
)
def test_furniture_of_other_sites(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "La publicité pour les jeux d'argent sera interdite dès mardi.",
        "Les abonnés du réseau de chaleur ont protesté devant la mairie.",
        "Il suit la course depuis la voiture du directeur sportif.",
        "Le 04/03/2024 à 18:02, la halle a fermé ses portes pour deux ans.",
    ],
)
def test_news_sentences_like_that_furniture_stay(line):
    assert furniture_reason(line) is None


def test_a_name_alone_inside_the_body_is_a_byline_not_a_heading():
    text = "\n".join([BODY[0], "Yann Kervella", BODY[1]])
    article = clean_document(RawDocument("t.txt", text, "utf-8"))
    assert article.paragraphs == BODY and article.headings == []
    assert [r.reason for r in article.removed] == ["byline"]
