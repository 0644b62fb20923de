"""Real English end to end: the shared fr→en model through the whole pipeline.

Skipped when ../shared/models/ is absent; the model is loaded once per session
(`real_translator` in conftest.py). The texts are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from translator.summary.compose import BriefOptions
from translator.pipeline import brief_file

ARTICLES = {
    "trees": (
        "La ville de Nantes va planter 5 000 arbres d'ici 2027, a annoncé mardi la maire Claire Martin.\n\n"
        "« Nous voulons que chaque quartier ait un parc à moins de dix minutes à pied », a déclaré "
        "Claire Martin devant le conseil municipal.\n\n"
        "Le projet coûtera 12 millions d'euros, dont 3,5 millions versés par la région.\n"
    ),
    "hospitals": (
        "Le ministre de la Santé, Marc Lefèvre, a présenté jeudi un plan pour les hôpitaux de l'Ouest.\n\n"
        "Il a expliqué : « Les urgences de Rennes recevront 300 médecins de plus avant l'été. »\n\n"
        "« Ce plan arrive beaucoup trop tard pour les patients », a répondu la syndicaliste Anne Leroy.\n"
    ),
    "football": (
        "Le club de Rennes a battu Marseille 2 à 1 samedi soir, devant 18 000 spectateurs.\n\n"
        "« Nous avons joué avec le cœur du début à la fin », a affirmé l'entraîneur Paul Girard. "
        "« Les joueurs méritent cette victoire. »\n\n"
        "Rennes remonte à la huitième place du championnat avec 31 points.\n"
    ),
}
NAMES = {
    "trees": ["Nantes", "Claire Martin"],
    "hospitals": ["Marc Lefèvre", "Rennes", "Anne Leroy"],
    "football": ["Rennes", "Marseille", "Paul Girard"],
}
SPEAKERS = {"trees": ["Claire Martin"], "hospitals": ["Anne Leroy"], "football": ["Paul Girard"]}


@pytest.fixture(scope="module")
def briefs(real_translator, tmp_path_factory):
    folder = tmp_path_factory.mktemp("real-english")
    result = {}
    for name, text in ARTICLES.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        result[name] = brief_file(path, translator=real_translator, options=BriefOptions(quotes=3))
    return result


def _numbers(text: str) -> list[str]:
    """Digit runs with thousands and decimal separators removed ("5 000", "5,000" → "5000")."""
    return re.findall(r"\d+", re.sub(r"(?<=\d)[\s\u00a0\u202f,.](?=\d)", "", text))


def test_it_is_english_from_the_real_model(briefs):
    for brief in briefs.values():
        assert brief.model_id.startswith("argos-fr-en-1.0")
        english = brief.translation.text.lower()
        assert re.search(r"\b(the|and|of|we|this)\b", english), english
        assert not re.search(r"\b(le|les|nous|avec|dont)\b", english), english


@pytest.mark.parametrize("name", ARTICLES)
def test_quote_marks_present_and_paired(briefs, name):
    brief = briefs[name]
    quotes_per_paragraph = [0] * len(brief.article.paragraphs)
    for segment in brief.translation.segments:
        quotes_per_paragraph[segment.segment.paragraph] += len(segment.segment.quotes)
    for english, expected in zip(brief.translation.paragraphs, quotes_per_paragraph, strict=True):
        marks = re.sub(r"[^“”]", "", english)
        assert marks == "“”" * expected, english


@pytest.mark.parametrize("name", ARTICLES)
def test_key_quotes_read_as_in_the_body(briefs, name):
    brief = briefs[name]
    assert brief.quotes
    for quote in brief.quotes:
        assert quote.text and "“" not in quote.text and "”" not in quote.text
        # Word for word as in the body; the body may move or drop the quote's own final
        # punctuation to join the attribution the English way (“…,” she said).
        assert "“" + quote.text.rstrip(".,;:!?") in brief.translation.text
        assert brief.article.paragraphs[quote.paragraph].count(quote.original.strip("«»“”\"\u00a0 ")) == 1


@pytest.mark.parametrize("name", ARTICLES)
def test_speakers_kept_as_written(briefs, name):
    speakers = [(q.speaker or "", q.speaker_en or "") for q in briefs[name].quotes]
    for person in SPEAKERS[name]:
        assert any(person in french and person in english for french, english in speakers), speakers


@pytest.mark.parametrize("name", ARTICLES)
def test_numbers_and_names_carried_into_the_english(briefs, name):
    english = briefs[name].translation.text
    assert sorted(_numbers(english)) == sorted(_numbers(ARTICLES[name]))
    for person_or_place in NAMES[name]:
        assert person_or_place in english


_DOUBLED = re.compile(r"[.!?,;:]”?\s?[.,;:]")


# The first word of the frame that goes on after a quote: “…,” he said / “…”, he said.
_AFTER_QUOTE = re.compile(r"(?:[,?!]”|”,) (\w+)")
_CAPITAL_IN_ENGLISH = {"I", "Mr", "Ms", "Mrs", "Dr"}


def test_joins_have_no_doubled_punctuation_or_stray_capitals(briefs):
    joins = 0
    for name, brief in briefs.items():
        english = brief.translation.text
        assert not _DOUBLED.search(english), english
        for word in _AFTER_QUOTE.findall(english):
            joins += 1
            assert word.islower() or word in _CAPITAL_IN_ENGLISH or word in ARTICLES[name], english
    assert joins >= 3, "the articles must hold quotes that a frame goes on after"
