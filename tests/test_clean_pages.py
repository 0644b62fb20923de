"""Cleaning real-looking pages: line rules, the body block, the headline and sub-headings.

Every page here is written for the tests (invented stories and sites). The last tests check
benchmarks/quality.py itself; tests/test_real_page_floors.py scores ../shared/corpus/fr-news.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from conftest import PROJECT
from translator.french.clean import clean_document, furniture_reason
from translator.french.reader import RawDocument
from translator.output.render import render_clean



def clean(lines: list[str]):
    return clean_document(RawDocument("page.txt", "\n".join(lines), "utf-8"))


def reasons(article) -> dict[str, str]:
    return {line.text: line.reason for line in article.removed}


def load_quality():
    spec = importlib.util.spec_from_file_location("quality", PROJECT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "line, reason",
    [
        # captions end with their credit
        ("Les commerçants devant la halle rénovée, samedi. | LE COURRIER DU NORD", "caption"),
        ("Le maire Paul Roux devant la mairie (Photo : Studio Nord)", "caption"),
        ("Les pompiers sont intervenus en fin de matinée. (©(AGENCE PHOTO/JEAN DUPONT)", "caption"),
        ("Les élus pendant le vote du budget. Image: Agence Nord", "caption"),
        ("Le port de pêche au lever du jour. © JEAN MARTIN/AGENCE", "caption"),
        ("Une nouvelle variété de pomme a été présentée à Angers. - Twitter Marie Leroy", "caption"),
        ("Angers, le 3 mai. Les producteurs ont présenté leur récolte aux acheteurs. PHOTOPRESSE", "caption"),
        ("Le champ après la grêle, à Agen. — PAUL MARTIN/AGENCE SUD", "caption"),
        ("Les secours sur place vers 3 heures. Photo d'illustration Journal /Jean DUPONT", "caption"),
        ("Photo AGENCE/Jean Dupont", "credit"),
        ("Le Journal du Soir avec AFP", "credit"),
        # author and contact lines
        ("- ANNE MOREL amorel@journal-du-soir.fr", "contact"),
        ("Courriel : redaction@exemple.fr", "contact"),
        ("Paul Roux, correspondant à Lyon", "byline"),
        ("Marie Dupuis Journaliste", "byline"),
        # calls to act and notices
        ("Signaler une erreur", "report-error"),
        ("Vous avez repéré une erreur ? Écrivez-nous", "report-error"),
        ("Lire la suite de l'article sur exemple.fr", "read-more"),
        ("[...] Cliquez ici et poursuivez la lecture", "read-more"),
        ("Cet article est réservé aux abonnés", "paywall"),
        ("Déjà abonné ? Je me connecte", "paywall"),
        ("Devenez membre, ou connectez-vous.", "login"),
        ("Connexion", "login"),
        ("Commentaires", "comments"),
        ("Vous devez être inscrit pour ajouter des commentaires.", "comments"),
        ("Ce site utilise des cookies pour mesurer son audience.", "cookie-notice"),
        ("Tout accepter", "cookie-notice"),
        ("En savoir plus OK", "cookie-notice"),
        ("Les cookies nous aident à personnaliser les contenus et à mesurer notre trafic. Nous partageons aussi des "
         "informations sur l'usage de notre site avec nos partenaires de publicité et d'analyse, qui peuvent les "
         "combiner avec d'autres données que vous leur avez fournies.", "cookie-notice"),
        ("Lire l'article : Le conseil municipal a voté mardi soir le budget de la nouvelle piscine olympique sans le "
         "moindre débat", "related-link"),
        ("PHOTO JEANNE MARCHAL, REUTERS", "credit"),
        # lists of other articles
        ("Articles en relation", "related-section"),
        ("Les plus lus", "related-section"),
        (">>> À LIRE – Le budget de la ville voté sans surprise", "related-link"),
        # leftovers of the page's layout
        ("0", "fragment"),
        ("A- | A+", "fragment"),
        ("le", "fragment"),
        ("Publié", "timestamp"),
        ("Mis à jour le", "timestamp"),
        ("/sport/football", "link"),
        ("Aller au contenu principal", "page-furniture"),
        ("Temps de lecture : 3 min.", "page-furniture"),
        ("Offrir l'article", "page-furniture"),
        ("Voir plus", "page-furniture"),
        ("La foule devant la mairie pic.twitter.com/abc123", "social"),
        ("Loading the player...", "not-french"),
        ("Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail.", "social"),
    ],
)
def test_furniture_shapes(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "La CNIL a sanctionné un géant du web pour ses cookies publicitaires.",
        "Les pirates ont volé le mot de passe de deux millions de clients.",
        "La connexion internet a été coupée pendant deux jours dans le quartier.",
        "Le maire a refusé tout commentaire.",
        "Il a lu la lettre à voix haute devant le conseil municipal, mardi soir.",
        "Le ministre a salué « une décision courageuse » (AFP).",
        "Le président a salué la décision. - AFP",
        "Le match est prévu à 21h. OM-PSG",
        "La lecture publique progresse dans les communes rurales, selon le ministère.",
        # A long English line may be a quotation in the article.
        "The minister said that this was the most important decision of the decade for the country.",
    ],
)
def test_news_sentences_on_the_same_topics_stay(line):
    assert furniture_reason(line) is None


PAGE = [
    "Suivez-nous",
    "ACTUALITÉS",
    "Région",
    "Le marché aux fleurs de Vannes déménage sur le port",
    "Publié le",
    "Le marché aux fleurs, place des Lices. | LE JOURNAL DE L'OUEST",
    "Le marché aux fleurs de Vannes quittera la place des Lices au printemps pour s'installer sur le port, a annoncé mardi la mairie.",
    "- CLAIRE LENOIR clenoir@journal-ouest.fr",
    "Les vingt exposants ont été consultés pendant l'hiver et une large majorité a approuvé le projet, selon l'adjoint au commerce.",
    "Publicité",
    "Des places de parking en plus",
    "« Nos clients se plaignaient de ne jamais pouvoir se garer », explique Yvonne Le Floch, horticultrice à Séné depuis trente ans.",
    "Photo",
    "Le déménagement coûtera 40 000 euros à la ville, qui prendra en charge les nouveaux auvents des stands.",
    "C'est une première.",
    "Articles en relation",
    "Le port de Vannes accueille un nouveau ponton",
    "Les travaux de la gare ont commencé lundi et dureront deux ans, a précisé la région dans un communiqué.",
]


def test_the_body_block_is_kept_and_what_surrounds_it_goes():
    article = clean(PAGE)
    assert article.paragraphs == [PAGE[6], PAGE[8], PAGE[10], PAGE[11], PAGE[13], PAGE[14]]
    assert article.title == "Le marché aux fleurs de Vannes déménage sur le port"
    why = reasons(article)
    assert why["ACTUALITÉS"] == "site-name"
    assert why["Région"] == "label"
    assert why["Publié le"] == "timestamp"
    assert why[PAGE[5]] == "caption"
    assert why["- CLAIRE LENOIR clenoir@journal-ouest.fr"] == "contact"
    assert why["Photo"] == "label"
    assert why["Articles en relation"] == "related-section"
    assert why["Publicité"] == "page-furniture"
    assert why[PAGE[16]] == "related-link"
    # What follows the list of related articles is not this article, prose included.
    assert why[PAGE[17]] == "after-body"


def test_sub_headings_inside_the_body_are_marked():
    article = clean(PAGE)
    assert [article.paragraphs[i] for i in article.headings] == ["Des places de parking en plus"]


def test_clean_output_shows_headings_and_why_each_line_went():
    article = clean(PAGE)
    data = json.loads(render_clean(article, "json"))
    assert [data["paragraphs"][i] for i in data["headings"]] == ["Des places de parking en plus"]
    shown = render_clean(article, "text", show_removed=True)
    assert "[caption] Le marché aux fleurs, place des Lices." in shown
    assert "[related-link] Le port de Vannes accueille un nouveau ponton" in shown
    assert "[after-body] Les travaux de la gare" in shown
    assert shown.rstrip().endswith("Des places de parking en plus")
    assert "## Des places de parking en plus" in render_clean(article, "markdown")


def test_every_removed_line_says_why():
    article = clean(PAGE)
    assert all(line.reason for line in article.removed)
    kept_or_removed = len(article.paragraphs) + len(article.removed) + 1  # + the headline, removed as title
    assert kept_or_removed == len(PAGE) + 1


def test_a_creation_date_line_is_the_date():
    article = clean(["Créé: 04.05.2024, 09h12", "Le conseil municipal de Sion a voté mardi la gratuité des bus pour les moins de 25 ans."])
    assert article.date is not None and article.date.isoformat() == "2024-05-04T09:12"
    assert [line.reason for line in article.removed] == ["timestamp"]


def test_a_caption_repeated_with_its_credit_goes_twice():
    article = clean(
        [
            "Le nouveau tramway de Brest a transporté ses premiers voyageurs samedi, sous une pluie fine.",
            "La rame inaugurale quitte le dépôt.",
            "La rame inaugurale quitte le dépôt. | OUEST HEBDO",
            "Plus de 8 000 personnes ont essayé la ligne pendant le week-end, selon l'exploitant du réseau.",
        ]
    )
    assert len(article.paragraphs) == 2
    assert [line.reason for line in article.removed] == ["caption", "caption"]


def test_headline_after_the_body_when_a_byline_and_date_follow():
    article = clean(
        [
            "La cantine de l'école Jean-Moulin servira des repas entièrement bio dès la rentrée, a voté le conseil municipal.",
            "La cantine passe au bio",
            "par Hugo Marchal",
            "Publié le 2 septembre 2025 à 11:20",
        ]
    )
    assert article.title == "La cantine passe au bio"
    assert article.date is not None and article.date.isoformat() == "2025-09-02T11:20"
    assert len(article.paragraphs) == 1


def test_a_near_repeated_headline_goes_as_title():
    article = clean(
        [
            "Le Tour de France passera par Rodez en 2026",
            "Le Tour de France passera par Rodez en 2026.",
            "La ville de Rodez accueillera une arrivée d'étape du Tour de France en juillet 2026, a annoncé l'organisateur.",
        ]
    )
    assert article.title == "Le Tour de France passera par Rodez en 2026"
    assert [line.reason for line in article.removed] == ["title", "title"]


def test_the_title_is_never_a_label_a_site_name_or_a_notice():
    article = clean(
        [
            "LE COURRIER DU SUD",
            "www.courrier-du-sud.fr",
            "Accueil Actualités Sport Culture Économie Région Loisirs Annonces Contact",
            "Ce site utilise des cookies, vous pouvez les refuser.",
            "Le syndicat des eaux a relevé ses tarifs de 4 % au 1er janvier, une hausse votée en décembre par les élus.",
        ]
    )
    assert article.title is None
    assert len(article.paragraphs) == 1


def test_an_agency_signature_ends_the_article():
    article = clean(
        [
            "La production de sel de Guérande a atteint un niveau record cet été grâce à la chaleur. (AFP)",
            "Les vendanges commencent en Alsace",
            "Les viticulteurs alsaciens ont commencé la récolte avec dix jours d'avance sur le calendrier habituel.",
        ]
    )
    assert len(article.paragraphs) == 1
    assert [line.reason for line in article.removed] == ["after-body", "after-body"]


def test_read_more_ends_the_article_and_short_body_paragraphs_stay():
    article = clean(
        [
            "Le festival de jazz de Marciac a attiré 250 000 spectateurs cette année, un record pour sa 45e édition.",
            "C'est inédit.",
            "Lire la suite de l'article",
            "Quel avenir pour les petits festivals ?",
            "Les organisateurs de concerts s'inquiètent de la hausse des coûts de sécurité, selon une étude publiée lundi.",
        ]
    )
    assert article.paragraphs[-1] == "C'est inédit."
    assert len(article.paragraphs) == 2


def test_one_word_labels_and_photo_tags_inside_the_body_go():
    article = clean(
        [
            "Le conseil départemental a voté mardi un plan de rénovation de quarante collèges d'ici à 2030.",
            "Le collège Pasteur, à Tulle.",
            "Le collège Pasteur, à Tulle. | AGENCE CENTRE",
            "Corrèze",
            "Les travaux commenceront par les bâtiments les plus anciens, construits avant 1975, a précisé la présidente.",
            "Partenaire",
            "Les familles seront consultées sur les horaires des chantiers pendant les vacances scolaires.",
        ]
    )
    why = reasons(article)
    assert why["Corrèze"] == "caption"
    assert why["Partenaire"] == "label"
    assert len(article.paragraphs) == 3 and article.headings == []


def test_a_comments_button_under_the_standfirst_does_not_end_the_article():
    lead = "La ville de Nîmes rouvre ses arènes au public après dix-huit mois de travaux de restauration."
    body = [
        "Les gradins, fragilisés par l'érosion, ont été consolidés pierre par pierre par une équipe de vingt tailleurs.",
        "Le chantier a coûté 12 millions d'euros, financés pour moitié par l'État et pour moitié par la commune.",
        "La première corrida de la saison est prévue le 14 juin, a confirmé l'organisateur, qui attend 15 000 spectateurs.",
    ]
    article = clean([lead, "Commentaires", *body])
    assert article.paragraphs == [lead, *body]
    assert reasons(article) == {"Commentaires": "comments"}


def test_a_standfirst_without_a_final_stop_stays_under_the_headline():
    standfirst = "Le conseil régional veut doubler le nombre de trains entre Lyon et Saint-Étienne aux heures de pointe d'ici 2028"
    article = clean(
        [
            "Plus de trains entre Lyon et Saint-Étienne",
            standfirst,
            "Par Louise Garnier",
            "Publié le 12/02/2025 à 07h40",
            "La ligne, la plus fréquentée de la région hors Île-de-France, transporte 17 000 voyageurs chaque jour de semaine.",
        ]
    )
    assert article.title == "Plus de trains entre Lyon et Saint-Étienne"
    assert article.paragraphs[0] == standfirst and len(article.paragraphs) == 2


def test_a_question_can_be_the_headline():
    article = clean(
        [
            "SCIENCES",
            "Peut-on encore sauver les abeilles ?",
            "Une étude publiée jeudi montre que les colonies d'abeilles ont perdu un tiers de leurs effectifs en dix ans en France.",
        ]
    )
    assert article.title == "Peut-on encore sauver les abeilles ?"
    assert len(article.paragraphs) == 1


def test_short_lines_among_the_byline_and_date_are_not_headings():
    standfirst = "Le préfet a pris mardi un arrêté qui interdit l'arrosage des jardins dans quarante communes du département."
    body = "Les agriculteurs pourront encore irriguer la nuit, mais leurs volumes seront réduits d'un quart jusqu'à la fin du mois."
    article = clean(
        [
            "Sécheresse : l'arrosage interdit dans quarante communes",
            standfirst,
            "Par Lucie Faure",
            "Publié le 02/08/2025 à 09h15",
            "Réservé aux membres du club",
            "Réduire le texte",
            body,
        ]
    )
    assert article.paragraphs == [standfirst, body] and article.headings == []
    assert reasons(article)["Réduire le texte"] == "page-header"


def test_headlines_under_a_read_also_line_inside_the_body_go():
    body = [
        "Le département du Gers a lancé lundi un plan de soutien aux éleveurs de canards touchés par la grippe aviaire.",
        "Chaque exploitation pourra recevoir jusqu'à 30 000 euros, versés avant la fin du mois de mars.",
        "Les premiers dossiers ont été déposés dès mardi, selon la chambre d'agriculture, qui en attend plus de quatre cents.",
    ]
    article = clean([body[0], "À lire aussi", "Grippe aviaire : les élevages sous surveillance", body[1], body[2]])
    assert article.paragraphs == body and article.headings == []
    assert reasons(article)["Grippe aviaire : les élevages sous surveillance"] == "related-link"


# --- benchmarks/quality.py -------------------------------------------------------------


def test_speaker_matching_is_lenient_but_not_blind():
    quality = load_quality()
    assert quality.speaker_matches("M. Nassar", "Ramzi Nassar", "")
    assert quality.speaker_matches("la ministre", "la ministre de la Culture", "")
    # A role in the annotation: the person the text named before the quote counts too.
    assert quality.speaker_matches("Anne Leroy", "la porte-parole", "La porte-parole Anne Leroy a parlé.")
    assert not quality.speaker_matches("Anne Leroy", "la porte-parole", "")
    assert not quality.speaker_matches("Paul Roux", "Anne Leroy", "Paul Roux et Anne Leroy")
    assert not quality.speaker_matches(None, "Anne Leroy", "")
    assert quality.speaker_matches(None, None, "")


def test_quality_scores_any_annotated_folder(tmp_path):
    page = [
        "Publié",
        "Le port de Lorient agrandit son quai",
        "Le port de Lorient va agrandir son quai principal pour accueillir de plus gros navires, a annoncé mardi la région.",
        "« Nous ne pouvions plus refuser des escales faute de place », a déclaré Mme Anne Leroy, la présidente du port.",
        "Signaler une erreur",
    ]
    (tmp_path / "port.txt").write_text("\n".join(page), encoding="utf-8")
    entry = {
        "file": "port.txt",
        "title": "Le port de Lorient agrandit son quai",
        "body_first_words": "Le port de Lorient va agrandir",
        "body_last_words": "a déclaré Mme Anne Leroy, la présidente du port.",
        "furniture_examples": ["Publié", "Signaler une erreur"],
        "quotes": [{"text_start": "Nous ne pouvions plus refuser des", "speaker": "Anne Leroy"}],
        "date_on_page": None,  # "Publié" with no date after it
    }
    (tmp_path / "annotations.json").write_text(json.dumps([entry]), encoding="utf-8")
    pages, totals = load_quality().score_folder(tmp_path)
    assert totals == {"body": [2, 2], "furniture": [2, 2], "quotes": [1, 1], "speakers": [1, 1], "title": [1, 1],
                      "date": [1, 1]}
    assert pages[0].misses == []


def test_a_title_line_with_a_comment_and_the_site_gives_way_to_its_bare_repeat():
    article = clean([
        "Le tramway de Brest roulera jusqu'à minuit cet été<!-- --> | Le Courrier du Ponant",
        "Accueil",
        "Le tramway de Brest roulera jusqu'à minuit cet été",
        "Transports",
        "La métropole a voté mardi soir l'extension des horaires du tramway pendant les deux mois d'été.",
        "Les premières rames partiront toujours à cinq heures, mais les dernières quitteront le centre à minuit.",
    ])
    assert article.title == "Le tramway de Brest roulera jusqu'à minuit cet été"
    assert not any("<!--" in p for p in article.paragraphs)


def test_a_short_exclamation_opening_the_page_is_its_headline():
    article = clean([
        "Le club de Vannes remonte enfin en première division !",
        "Il aura fallu attendre dix ans : samedi soir, devant un stade comble, les joueurs de Vannes ont "
        "arraché leur montée face à Dijon, au terme d'un match longtemps indécis.",
        "Le public est resté plus d'une heure après le coup de sifflet final pour saluer les joueurs.",
    ])
    assert article.title == "Le club de Vannes remonte enfin en première division !"
    assert article.paragraphs[0].startswith("Il aura fallu attendre dix ans")
    # A page that opens with an exclamation inside its prose keeps it as prose.
    kept = clean([
        "Quelle soirée pour les supporters de Vannes, restés au stade jusqu'à minuit pour fêter la montée !",
        "Les joueurs ont fait le tour du terrain.",
    ])
    assert kept.title is None and kept.paragraphs[0].startswith("Quelle soirée")


def test_a_date_glued_after_the_headline_is_its_date_not_part_of_it():
    article = clean([
        "Le président et sa délégation visitent les îles du sud |12 March 2022",
        "Le président et sa délégation visitent les îles du sud",
        "La délégation a quitté Victoria samedi matin pour une tournée de trois jours dans les îles éloignées.",
        "Elle doit rencontrer les habitants et les garde-côtes de chaque île.",
    ])
    assert article.title == "Le président et sa délégation visitent les îles du sud"
    assert (article.date.day, article.date.month, article.date.year) == (12, 3, 2022)


@pytest.mark.parametrize("line", [
    "Le site des cookies de Noël de la boulangerie Martin a reçu mille visites en un jour.",
    "Les cookies permettent de personnaliser la publicité, rappelle la CNIL dans son dernier rapport annuel.",
    "Les cookies tiers seront interdits par le navigateur de Google dès l'an prochain, selon le régulateur.",
])
def test_news_about_cookies_stays(line):
    assert furniture_reason(line) is None


LYCEES = [
    "Le conseil régional a voté jeudi un plan de deux millions d'euros pour les lycées de la région, après trois "
    "heures de débat.",
    "Les travaux commenceront à la rentrée prochaine dans six établissements, selon le calendrier de l'exécutif.",
]


def test_a_relative_date_line_follows_the_headline_and_a_name_line_above_it_is_not_one():
    article = clean(["Le Courrier du Sud", "Lycées : la région vote un plan de deux millions d'euros",
                     "Mis à jour il y a 3 heures", *LYCEES])
    assert article.title == "Lycées : la région vote un plan de deux millions d'euros"
    assert reasons(article)["Mis à jour il y a 3 heures"] == "timestamp"


def test_a_site_name_after_a_dash_is_not_part_of_the_headline():
    article = clean(["Lycées : la région vote un plan de deux millions d'euros - Le Courrier du Sud", *LYCEES])
    assert article.title == "Lycées : la région vote un plan de deux millions d'euros"
    # What follows a dash and is not a name stays: a number, lower-case words.
    kept = clean(["Le palmarès des recettes du mois - N°8", "Par Anne Roy", *LYCEES])
    assert kept.title == "Le palmarès des recettes du mois - N°8"
    worded = clean(["Tournoi des collèges - la Savoie gagnante", "Par Anne Roy", *LYCEES])
    assert worded.title == "Tournoi des collèges - la Savoie gagnante"
