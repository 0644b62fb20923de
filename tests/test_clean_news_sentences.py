"""A news sentence stays in the body even when it uses a word that page furniture uses.

The line rules go by shapes; some of them start from a phrase ("partager", "laisser un
commentaire", "Source :", "Menu"). A line such a phrase catches stays when it reads as a
news sentence, unless its shape is unmistakable furniture: it talks to the reader, it is
only a label, or a credit names its author. Every text here is written for the tests.
"""

import pytest

from translator.french.clean import clean_document, furniture_reason
from translator.french.reader import RawDocument

NEWS_SENTENCES = [
    # social: "partager" used as an ordinary verb
    "La directrice a tenu à partager ses souvenirs avec les anciens élèves du lycée.",
    # report-error: "signaler un contenu" said of someone else
    "Les usagers peuvent désormais signaler un contenu haineux au modérateur du forum.",
    # paywall words inside a quotation
    "« Nous avons vérifié tous nos articles un par un », a assuré le directeur de la publication.",
    # page-furniture labels as the first word of a sentence or a sub-heading
    "Menu végétarien deux fois par semaine dans les écoles de la ville.",
    "Accueil des saisonniers : le village ouvre un nouveau foyer",
    "Publicité trompeuse : le fabricant condamné en appel",
    # contact / credit labels followed by a sentence
    "Contact : le préfet n'a pas souhaité répondre à nos sollicitations.",
    "Source : la direction de l'usine n'a communiqué aucun chiffre lundi.",
    # related-link openings that begin a sentence
    "En savoir plus sur l'origine du virus reste l'objectif des équipes de recherche.",
    "Voir aussi le scrutin de 2017 : la participation y était déjà très basse.",
    # comments: someone declining to comment is news
    "Le propriétaire du terrain a refusé de laisser un commentaire jeudi.",
    # paywall words in a sentence about someone else
    "Il était déjà abonné au club de tir depuis 2019, selon ses proches.",
    "Pour lire la suite du rapport, il faudra attendre sa publication officielle lundi.",
    "« Si vous êtes abonné, vous payez moins cher », explique le directeur du réseau.",
    # "chez" is not an imperative
    "Chez les plus jeunes, partager ses photos en ligne est devenu une habitude.",
]


@pytest.mark.parametrize("line", NEWS_SENTENCES)
def test_a_news_sentence_is_not_furniture(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Partagez cet article avec vos proches.", "social"),
        ("Laissez-nous un commentaire.", "comments"),
        ("Source : Agence Centrale", "credit"),
        ("Crédit photo : Paul Martin / Studio Sud", "credit"),
        ("Contact : redaction@journal-exemple.fr", "contact"),
        ("Lire aussi : Le conseil municipal vote le budget.", "related-link"),
        ("Menu", "page-furniture"),
        ("Accueil > Régions > Bretagne", "page-furniture"),
        ("Merci de vous être connecté !", "login"),
        ("(AGC)", "credit"),
        ("(Avec AGC)", "credit"),
        # sentence-shaped, but still furniture of their kind
        ("Partager cet article sur les réseaux sociaux.", "social"),
        ("Cet article est réservé à nos abonnés.", "paywall"),
        ("Pour lire la suite, je m'abonne.", "paywall"),
        ("Pour suivre nos reportages sur Telegram, scannez le code affiché plus haut.", "social"),
        ("Photo : les pompiers sur les lieux de l'incendie, mardi soir.", "credit"),
        ("En savoir plus sur le projet de loi.", "related-link"),
        ("Lire aussi Le département ferme deux collèges à la rentrée prochaine.", "related-link"),
        ("Contact : la mairie, au 02 40 11 22 33.", "contact"),
    ],
)
def test_unmistakable_furniture_still_goes(line, reason):
    assert furniture_reason(line) == reason


def clean(lines: list[str]):
    return clean_document(RawDocument("page.txt", "\n".join(lines), "utf-8"))


BODY = [
    "Le conseil départemental a voté jeudi un plan de rénovation des collèges qui s'étalera sur six ans et coûtera près de 80 millions d'euros.",
    "Les travaux commenceront par les bâtiments les plus anciens, dont certains datent des années soixante et n'ont jamais été isolés.",
    "Les syndicats d'enseignants saluent un effort attendu depuis longtemps, tout en réclamant un calendrier précis pour chaque établissement.",
    "Une réunion avec les parents d'élèves est prévue le mois prochain dans chaque canton pour présenter les premières opérations.",
]


@pytest.mark.parametrize("sentence", NEWS_SENTENCES[:3] + NEWS_SENTENCES[6:])
@pytest.mark.parametrize("position", [1, 3])
def test_the_sentence_stays_and_does_not_cut_the_article(sentence, position):
    page = ["Rénovation des collèges : un plan de six ans", "Par Hélène Morvan"] + BODY[:position] + [sentence] + BODY[position:]
    article = clean(page)
    assert sentence in article.paragraphs
    assert all(paragraph in article.paragraphs for paragraph in BODY)


def test_a_notice_to_the_reader_after_the_body_still_ends_it():
    page = ["Rénovation des collèges : un plan de six ans"] + BODY + [
        "Laissez un commentaire",
        "Un lecteur : je trouve que ce plan arrive bien trop tard pour nos enfants, qui étudient dans le froid depuis des années.",
    ]
    article = clean(page)
    assert article.paragraphs == BODY


def test_a_byline_over_two_lines_is_not_a_heading():
    page = [
        "Rénovation des collèges : un plan de six ans",
        BODY[0],
        "Journaliste politique",
        "Hélène Morvan",
    ] + BODY[1:]
    article = clean(page)
    assert article.paragraphs == BODY
    assert article.headings == []
    why = {line.text: line.reason for line in article.removed}
    assert why["Journaliste politique"] == why["Hélène Morvan"] == "byline"


def test_a_site_address_above_the_body_is_a_site_name():
    article = clean(["Le Quotidien exemple.info", "Rénovation des collèges : un plan de six ans"] + BODY)
    assert {line.text: line.reason for line in article.removed}["Le Quotidien exemple.info"] == "site-name"



@pytest.mark.parametrize(
    "notice, cut",
    [
        ("Lire la suite de notre enquête dans l'édition de demain.", True),
        ("Donnez votre avis dans les commentaires ci-dessous.", True),
        ("Aucun commentaire n'est encore publié.", False),  # not addressed to the reader
    ],
)
def test_an_end_notice_in_sentence_form(notice, cut):
    after = "Le conseil départemental votera le calendrier détaillé des travaux lors de sa prochaine séance publique, en mars."
    page = ["Rénovation des collèges : un plan de six ans"] + BODY + [notice, "Un collège", after]
    article = clean(page)
    assert (after not in article.paragraphs) == cut
    # prose right after the notice: the article went on
    article = clean(["Rénovation des collèges : un plan de six ans"] + BODY + [notice, after])
    assert after in article.paragraphs
