"""Dates on a page: timestamp lines ("Publié le 3 mars 2024 à 14h05", "Agence X | 07. 05. 2024"),
date lines left empty or relative to now. Used by cleaning to drop them and to date the article."""

from __future__ import annotations

import re
from datetime import date

from translator.document import ArticleDate
from translator.french.lines import FRENCH_FUNCTION_WORDS, MONTH_NUMBERS, WEEKDAYS, words_of
from translator.french.lines import SENTENCE_END as _SENTENCE_END
from translator.french.lines import norm as _norm

# Pages of bilingual countries (Seychelles, Mauritius, Cameroon) date French articles in English.
_ENGLISH_MONTHS = {
    name: number for number, name in enumerate(
        "january february march april may june july august september october november december".split(), start=1)
}
_MONTH_NUMBERS = {**MONTH_NUMBERS, **_ENGLISH_MONTHS}
_MONTH = "|".join(_MONTH_NUMBERS)
DATE_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})(?:[/-]|\.\s?)(?P<m>\d{1,2})(?:(?:[/-]|\.\s?)(?P<y>\d{4}|\d{2}))?\b")
# Fields of a metadata line: "15 janvier 2003 - 23h49 - Rubrique - Ecrit par :", "Agence X | 07.05.2024".
_FIELD_SEPARATOR = re.compile(r"\s+[-–—|•·]\s+")
_DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_DATE_WORDS = re.compile(rf"\b(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?\b", re.IGNORECASE)
TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])\s*(?:h|H|:)\s*(?P<min>[0-5]\d)\b")
_STAMP_WORDS = re.compile(
    r"\b(?:(?:dernière\s+)?mise?\s+à\s+jour|mis\s+à\s+jour|màj|maj|publié(?:e)?|modifié(?:e)?|actualisé(?:e)?|"
    r"mise\s+en\s+ligne|posté(?:e)?|créé(?:e)?|updated|published)\b",
    re.IGNORECASE,
)
_WEEKDAY = "|".join(WEEKDAYS)


def parse_timestamp(line: str) -> ArticleDate | None:
    """Parse a "Dernière mise à jour à 08h44 le 17/02"-style line; None if it is not one."""
    text = _norm(line)
    if len(text.split()) > 16:
        return None
    found = _DATE_ISO.search(text) or _DATE_WORDS.search(text) or DATE_NUMERIC.search(text)
    clock = TIME.search(text)
    if found is None:
        return None
    rest = text
    for match in (found, clock):
        if match is not None:
            rest = rest.replace(match.group(0), " ")
    # Either a stamp keyword, or nothing but date words around the date ("Le 3 mars 2024, 14h05").
    leftovers = re.sub(rf"\b(?:le|à|a|les|de|du|et|{_WEEKDAY})\b|[\s,.\-–|:()]", "", rest, flags=re.IGNORECASE)
    if not _STAMP_WORDS.search(text) and leftovers and not _date_field(text, found.group(0)):
        return None
    month_text = found.group("m")
    month = _MONTH_NUMBERS.get(month_text.lower()) if not month_text.isdigit() else int(month_text)
    day = int(found.group("d"))
    year_text = found.group("y")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return ArticleDate(
        day=day,
        month=month,
        year=year,
        hour=int(clock.group("h")) if clock else None,
        minute=int(clock.group("min")) if clock else None,
        raw=text,
    )

def _date_field(text: str, found: str) -> bool:
    """The date is one field of a metadata line ("15 janvier 2003 - 23h49 - Maroc - Ecrit
    par :", "Agence de presse X | 07. 05. 2024"): fields of a few words, no sentence."""
    fields = _FIELD_SEPARATOR.split(text)
    return (
        len(fields) >= 2
        and all(len(field.split()) <= 5 for field in fields)
        and any(found in field and len(field.split()) <= len(found.split()) + 2 for field in fields)
        and not _SENTENCE_END.search(text)
    )


# "Mis à jour il y a 3 heures", "Publié il y a 20 min": a date line the page gives relative
# to now (no date to parse, but a date line all the same: a headline's follower).
RELATIVE_STAMP = re.compile(
    r"^(?:(?:mis\s+à\s+jour|publié(?:e)?|modifié(?:e)?)\s+)?il\s+y\s+a\s+\d+\s+"
    r"(?:min(?:utes?)?|h(?:eures?)?|jours?|secondes?)\W*$",
    re.IGNORECASE,
)


def is_empty_stamp(text: str) -> bool:
    """"Publié", "Publié le", "Mis à jour le": a date line whose date the page left empty."""
    if not _STAMP_WORDS.search(text):
        return False
    rest = _STAMP_WORDS.sub(" ", text)
    return all(w in FRENCH_FUNCTION_WORDS for w in words_of(rest))
