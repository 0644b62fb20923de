"""The French words speaker finding reads by: titles, pronouns, people nouns, speech verbs."""

from __future__ import annotations

from translator.speakers.frames import PLACEHOLDER

TITLES = {"m.": "Masc", "mm.": "Masc", "monsieur": "Masc", "mme": "Fem", "mmes": "Fem", "madame": "Fem",
           "mlle": "Fem", "me": None, "dr": None, "pr": None, "mgr": "Masc"}
# Demonstratives that take up someone named before in a speech tag: "…, dit celui qui …",
# "…, a ajouté celle-ci" ("celui-ci"/"celle-ci" as a subject are in PRONOUN_GENDER).
DEMONSTRATIVES = {"celui": "Masc", "celle": "Fem", "celui-ci": "Masc", "celle-ci": "Fem"}
PRONOUN_GENDER = {"il": "Masc", "elle": "Fem", "-il": "Masc", "-elle": "Fem", "-t-il": "Masc", "-t-elle": "Fem",
                   "lui": "Masc", "dernier": "Masc", "dernière": "Fem",
                   **{word: gender for word, gender in DEMONSTRATIVES.items() if word.endswith("-ci")}}
# Nouns that name a person, a group or a body that can speak. Agent suffixes cover most
# professions and roles ("réalisatrice", "enseignante", "virologue", "agitateurs").
SPEAKER_NOUNS = set(
    "ministre maire porte-parole femme homme jeune juge médecin chef député élu élue avocat avocate témoin "
    "source proche responsable expert experte secrétaire syndicat gouvernement ministère ambassade instance "
    "service police parquet cour tribunal armée commission conseil comité agence parti entreprise groupe "
    "organisation association fédération club équipe famille mère père fils fille frère sœur épouse mari "
    "enfant cadre patron patronne pape roi reine prince capitaine général colonel soldat gendarme magistrat "
    "écrivain poète auteur autrice diplomate ambassadeur chancelier gouverneur sénateur préfet procureur "
    "directeur directrice présidence élysée kremlin maison-blanche opposition majorité collectif mouvement "
    "voisin voisine ami amie habitant habitante public foule manifestant manifestante militant militante "
    "dirigeant dirigeante leader coach sélectionneur joueur joueuse président présidente spécialiste agent "
    "correspondant correspondante adhérent adhérente résident résidente mairie préfecture municipalité "
    "direction rectorat intersyndicale confédération commune hôpital université athlète interprète victime otage "
    "riverain riveraine salarié salariée parent bénévole candidat candidate supporter élève "
    "autorité entourage cabinet institut conseiller conseillère fiancé fiancée ambassadrice champion championne "
    "analyste membre "
    # the press and accounts quoted in press reviews and wire copy
    "journal quotidien hebdomadaire magazine média chaîne radio télévision".split()
)
# Nouns that end like an agent but name a thing, a time or a feeling ("l'heure", "le
# restaurant", "le dossier", "la valeur"); read from the speakers found in unannotated
# OrangeSum articles and the commonest such words in news French.
NOT_AGENTS = set(
    "heure restaurant lien instant manière quartier fichier anniversaire erreur prière métier primaire rumeur "
    "affaire maintien ampleur cœur coeur tournant courant intérieur "
    "entretien faveur dossier chantier inventaire salaire commentaire itinéraire horaire dictionnaire "
    "questionnaire formulaire papier courrier calendrier panier secteur moteur honneur bonheur valeur couleur "
    "humeur chaleur hauteur longueur lueur peur douleur terreur liste piste bien chien dialogue catalogue "
    "lumière matière frontière carrière rivière barrière filière montant carburant quotidienne".split()
)
AGENT_SUFFIXES = ("eur", "euse", "trice", "iste", "aste", "logue", "ien", "ienne", "ier", "ière", "ant", "ante",
                   "aire", "graphe", "naute", "crate", "phile")
NAMING_ENTITIES = {"PER", "ORG"}
CLITICS = {"lui", "leur", "le", "la", "l'", "les", "se", "s'", "nous", "vous", "me", "m'", "en", "y"}
ETRE = {"est", "était", "sera", "serait", "fut", "sont", "étaient", "seront"}
AUXILIARIES = {"a", "avait", "aurait", "ont", "avaient", "auraient", "aura", "est", "était", "sera", "sont", "étaient"}
PLURAL_DETERMINERS = set("les des ces leurs nos vos plusieurs certains certaines quelques".split())
QUANTIFIERS = set("chaque aucun aucune tout toute tous toutes deux trois quatre cinq dix cent mille".split())
DETERMINERS = set("le la l' les un une des ce cet cette ces son sa ses leur leurs notre nos".split())
SUBJECT_PRONOUNS = {"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"}
SUBJECT_CLITICS = {"-t", "-il", "-elle", "-t-il", "-t-elle", "-ils", "-elles", "-t-ils", "-t-elles"}
NOT_VERBS = {"DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "PUNCT", "ADV"}
NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "int")
# Speech verbs in "-er" (present: stem + e / ent) and other forms, for when the tag is wrong.
SPEECH_VERB_STEMS = set(
    "jug souffl lanc not rappel rappell soulign ajout estim confi racont expliqu insist affirm assur déclar "
    "indiqu précis résum tranch gliss martèl regrett dénonc observ constat comment tempêt accus nuanc "
    "avou concèd ironis plaid protest réclam renchér témoign admett scand désol exclam lament inquièt félicit "
    "indign insurg étonn emport agac interrog questionn rétorqu répliqu murmur chuchot hurl cri tweet twitt "
    "rassur annonc invit exhort appell implor déplor salu relev point signal taquin".split()
)
SPEECH_VERB_FORMS = set(
    "dit disent répond répondent conclut concluent poursuit poursuivent reconnaît reconnaissent admet "
    "admettent avertit avertissent prévient préviennent réagit réagissent renchérit renchérissent écrit écrivent "
    "prédit réjouit réjouissent".split()
)
SPEECH_PARTICIPLES = set(
    "dit répondu écrit conclu poursuivi reconnu admis averti prévenu réagi renchéri prédit".split()
)
LINKS = {"de", "du", "des", "d'"}
NAME_PARTICLES = {"de", "du", "des", "d'", "le", "la", "van", "von", "ben", "el", "al"}  # "Dominique de Villepin"
# Words inside a role phrase that are not its content ("le ministre de l'Intérieur et des Cultes").
ROLE_LINKS = DETERMINERS | LINKS | {"l'", "à", "au", "aux", "en", "et"}
ROLE_WORDS = 10  # words a role phrase spans at most
# Words that may sit between an inverted verb and its subject: "a dit mardi soir à l'AFP X".
WEEKDAYS = set("lundi mardi mercredi jeudi vendredi samedi dimanche".split())
ADVERBIALS = WEEKDAYS | set("hier soir matin encore aussi ensuite enfin déjà alors".split())
MONTHS = set("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())
NEVER_NAMES = ADVERBIALS | MONTHS | {PLACEHOLDER}
# Nouns of a time, heads of a date between an inverted verb and its subject ("le même jour").
TIME_NOUNS = set("jour jours soir soirée matin matinée nuit semaine mois année an lendemain veille après-midi week-end".split())
# Nouns of what someone said: "selon les termes de X" is X's.
SPEECH_NOUNS = set("terme termes mot mots propos parole paroles formule expression déclaration déclarations".split())
# Adverbials of several words that may sit after an auxiliary or an inverted verb: "a à
# nouveau assuré X", "commente quant à lui X", "a pour sa part déclaré X".
MULTIWORD_ADVERBIALS = tuple(tuple(words.split()) for words in (
    "à nouveau", "de nouveau", "une nouvelle fois", "une fois de plus", "quant à lui", "quant à elle",
    "quant à eux", "quant à elles", "pour sa part", "de son côté", "à son tour", "lui aussi", "elle aussi",
    "par ailleurs", "en outre", "pour autant", "bien sûr", "tout de suite"))
TO_WHOM = {"à", "au", "aux", "devant", "dans", "sur"}
SPEECH_INTRODUCERS = {"selon", "d'après"}  # "d'après" is one token or two
FRAMING_PREPOSITIONS = {"pour"}  # only as "Pour X, « … »"
# Words that end a speaker phrase: dates, places and circumstances of speaking, clauses.
PHRASE_STOP = WEEKDAYS | set(
    "hier aujourd'hui lors dans devant pendant après avant depuis sur au aux à en qui que dont lorsqu quand "
    "avec sous".split()
)
