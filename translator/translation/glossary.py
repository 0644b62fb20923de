"""Court and police words the fr→en model never learned, said in plain French before it reads them.

The shared Argos model turns "le parquet" into "the parcat" or "the Lake", "placé en garde à
vue" into "watched", "les gendarmes" into "the kidnapped" and "le prévenu" into "the
warned": words of every court story (in OrangeSum's 750 articles: parquet 100 times,
gendarme 107, interpellé 75, mis en examen 56, garde à vue 46). A glossary cannot be handed
to a CTranslate2 model, and a placeholder put in the French comes back mangled, so each term
is rewritten, in the French sent to the model only, to plain French that says the same and
that the model does translate ("le bureau du procureur" → "the prosecutor's office",
"mis en examen" → "formellement accusé" → "formally accused"). The French the brief shows, quotations included, stays as written.

A term is rewritten only where its form says it is the legal word: "prévenu" after a
determiner (not "il a prévenu la police"), "interpellé" in the passive and not by someone
who is not the police (not "le ministre a été interpellé par les députés"), "parquet" not
underfoot ("sur le parquet", "parquet en chêne"). Every rewrite keeps the French grammatical:
gender, number and elision follow ("le prévenu" → "l'accusé", "sa mise en examen" → "son
accusation formelle").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Part of the translation cache key: other rewrites give other English.
GLOSSARY_VERSION = "1"

_FLAGS = re.IGNORECASE
_Rewrite = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _same_case(original: str, replacement: str) -> str:
    """`replacement` with a capital first letter where `original` had one (a sentence start)."""
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# "parquet": the prosecution, unless it is the floor (walked on, or of some material).
_PARQUET = re.compile(
    r"\bparquet(s)?\b(?!\s+(?:en\s+(?:bois|chêne|pin|hêtre|noyer)|massif|ciré|cirés|flottant|stratifié|vitrifié|"
    r"du\s+salon|de\s+la\s+salle))",
    _FLAGS,
)
# "sur le parquet", "fouler le parquet": the floor (of a home, of a basketball court).
_UNDERFOOT = re.compile(r"\b(?:sur|foul\w*|arpent\w*)\s+(?:le|les|un|ce|son|sa|leur|du|des)\s+$", _FLAGS)


def _parquet(match: re.Match[str]) -> str:
    if _UNDERFOOT.search(match.string[max(0, match.start() - 20) : match.start()]):
        return match.group(0)
    return _same_case(match.group(0), "bureaux du procureur" if match.group(1) else "bureau du procureur")


_GARDE_A_VUE = re.compile(r"\bgarde(s)?[\s-]+à[\s-]+vue\b", _FLAGS)


def _garde_a_vue(match: re.Match[str]) -> str:
    return _same_case(match.group(0), "détentions policières" if match.group(1) else "détention policière")


# The noun after a determiner ("sa mise en examen"): the formal charge. The determiner is
# rewritten too, since "accusation" begins with a vowel.
_DETERMINER_BEFORE_VOWEL = {"la": "l'", "sa": "son", "ma": "mon", "ta": "ton"}
_MISE_EN_EXAMEN_NOUN = re.compile(
    r"\b(la|une|sa|cette|leur|les|des|ses|leurs|ces)\s+mise(s)?\s+en\s+examen\b", _FLAGS
)


def _mise_en_examen_noun(match: re.Match[str]) -> str:
    determiner = match.group(1)
    new_determiner = _DETERMINER_BEFORE_VOWEL.get(determiner.lower(), determiner.lower())
    noun = "accusations formelles" if match.group(2) else "accusation formelle"
    joined = f"{new_determiner}{noun}" if new_determiner.endswith("'") else f"{new_determiner} {noun}"
    return _same_case(determiner, joined)


# The participle ("a été mis en examen", "le juge l'a mise en examen"): formally charged
# ("inculpé" comes back as "inculated" as often as "charged"). "mis" may be plural: an
# auxiliary in the plural before it says so.
_MIS_EN_EXAMEN = re.compile(r"\b(mis|mise|mises)\s+en\s+examen\b", _FLAGS)
_PLURAL_AUXILIARY = re.compile(r"\b(?:ont|sont|seront|avaient|étaient|furent)\s+(?:été\s+)?(?:\w+\s+)?$", _FLAGS)


def _mis_en_examen(match: re.Match[str]) -> str:
    ending = {"mis": "", "mise": "e", "mises": "es"}[match.group(1).lower()]
    if ending == "" and _PLURAL_AUXILIARY.search(match.string[max(0, match.start() - 30) : match.start()]):
        ending = "s"
    return _same_case(match.group(0), "formellement accusé" + ending)


# "prévenu" as a noun (after a determiner) is the defendant; as a verb ("a prévenu") it is
# "warned", which the model gets right. The determiner follows the vowel of "accusé".
_PREVENU = re.compile(
    r"\b(le|la|les|un|une|des|du|au|aux|ce|cette|ces|son|sa|ses|leur|leurs|l['’])\s*(prévenu(e)?(s)?)\b", _FLAGS
)
_BEFORE_ACCUSE = {"le": "l'", "la": "l'", "l'": "l'", "l’": "l’", "du": "de l'", "au": "à l'", "ce": "cet", "sa": "son"}


def _prevenu(match: re.Match[str]) -> str:
    determiner = match.group(1)
    noun = "accusé" + ("e" if match.group(3) else "") + ("s" if match.group(4) else "")
    new_determiner = _BEFORE_ACCUSE.get(determiner.lower(), determiner.lower())
    joined = f"{new_determiner}{noun}" if new_determiner.endswith(("'", "’")) else f"{new_determiner} {noun}"
    return _same_case(determiner, joined)


_CONTROLE_JUDICIAIRE = re.compile(r"\bcontrôle\s+judiciaire\b", _FLAGS)
_PRISON_FERME = re.compile(r"\bde\s+prison\s+ferme\b", _FLAGS)


# "gendarme": a police officer (of the Gendarmerie); the model knows neither word in lower
# case ("the kidnapped", "weapons") but keeps "Gendarmerie" written as a name. "Le gendarme
# de la Bourse, du secteur": the watchdog of a field, a regulator; a unit of the Gendarmerie
# ("le gendarme de la brigade de Dax") or a place ("de Saint-Tropez") is a real one.
_GENDARME = re.compile(r"\b(?:(la|une|cette)\s+)?gendarme(s)?\b", _FLAGS)
# The field after it is a lower-case noun; only the prepositions ignore case.
_WATCHDOG = re.compile(
    r"^\s+(?i:de\s+la|de\s+l['’]|du|des)\s*(?!brigade|peloton|compagnie|groupement|section|escadron|gendarmerie)[a-zà-ÿ]"
)
_GENDARMERIE = re.compile(r"\bgendarmerie\b")


def _gendarme(match: re.Match[str]) -> str:
    after = match.string[match.end() : match.end() + 30]
    if not match.group(1) and not match.group(2) and _WATCHDOG.search(after):
        return _same_case(match.group(0), "régulateur")
    officer = "policière" if match.group(1) else "policier"
    determiner = f"{match.group(1)} " if match.group(1) else ""
    return _same_case(match.group(0), determiner + officer + ("s" if match.group(2) else ""))


# "interpellé" is "arrested" when the police act: in the passive unless someone else is
# named as the one who questions ("le ministre a été interpellé par les députés": challenged),
# in any form when the sentence speaks of the police. In politics it means "challenged".
_INTERPELLE = re.compile(r"\binterpell(é|ée|és|ées|er|ent|e|ait|aient|a|èrent)\b", _FLAGS)
_PASSIVE_BEFORE = re.compile(r"\b(?:été|être|est|sont|sera|seront|était|étaient|fut|furent)\s+(?:\w+\s+)?$", _FLAGS)
_BY_SOMEONE = re.compile(r"^\s+par\s", _FLAGS)
_POLICE = re.compile(r"\b(?:polic\w*|Gendarmerie|enquêteurs?|forces\s+de\s+l['’]ordre|douaniers?|BAC|CRS)\b", _FLAGS)


def _interpelle(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 30) : match.start()]
    after = match.string[match.end() : match.end() + 60]
    passive = bool(_PASSIVE_BEFORE.search(before)) and match.group(1).lower().startswith("é")
    police = bool(_POLICE.search(match.string))
    if police or (passive and not _BY_SOMEONE.search(after)):
        return _same_case(match.group(0), "arrêt" + match.group(1))
    return match.group(0)


# Order matters: the noun "mise en examen" before the participle, "gendarme" before
# "Gendarmerie" is capitalised.
_REWRITES: list[_Rewrite] = [
    (_PARQUET, _parquet),
    (_GARDE_A_VUE, _garde_a_vue),
    (_MISE_EN_EXAMEN_NOUN, _mise_en_examen_noun),
    (_MIS_EN_EXAMEN, _mis_en_examen),
    (_PREVENU, _prevenu),
    (_CONTROLE_JUDICIAIRE, lambda m: _same_case(m.group(0), "surveillance judiciaire")),
    (_PRISON_FERME, lambda m: _same_case(m.group(0), "d'emprisonnement effectif")),
    (_GENDARME, _gendarme),
    (_GENDARMERIE, lambda m: "Gendarmerie"),
    (_INTERPELLE, _interpelle),
]


def plain_french(sentence: str) -> str:
    """`sentence` with the court and police terms the model does not know said in plain French."""
    for pattern, rewrite in _REWRITES:
        sentence = pattern.sub(rewrite, sentence)
    return sentence
