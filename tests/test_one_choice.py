"""One choice of what the brief shows, whether or not the rest of the body is translated.

`--translate-all` and `--no-translate-all` must give the same brief, sentence by
sentence: the choice is made on the French, so translating more only adds to the
translation. Checked on a page written for this test and, when ../shared is present,
on every page of ../shared/corpus/fr-news (with the upper-casing test double, so the
comparison is exact).
"""

from __future__ import annotations

import pytest
from conftest import SHARED, UpperTranslator

from translator import BriefOptions
from translator.pipeline import brief_articles, prepare, prepare_text
from translator.document import Brief
from translator.french.reader import DEFAULT_MAX_BYTES
from translator.errors import InputError

FR_NEWS = SHARED / "corpus" / "fr-news"

# Written for this test: a lead, sentences of unequal weight, quotes with and without a speaker.
PAGE = """Publié le 14/05/2025 à 11h20
La communauté de communes du Val de Saône a voté jeudi la création d'un réseau de bus à la demande.
Le service desservira vingt-trois villages à partir de septembre, avec six minibus électriques.
« Personne ne doit renoncer à un rendez-vous médical faute de voiture », a déclaré la présidente Hélène Morel.
Les réservations se feront par téléphone ou sur une application, la veille avant dix-huit heures.
Le coût annuel du service est estimé à 480 000 euros, dont un tiers financé par la région.
Selon un conseiller d'opposition, « ce budget aurait dû aller d'abord à l'entretien des routes communales ».
Une réunion publique est prévue le 3 juin à la salle des fêtes de Pontailler.
Les horaires définitifs seront publiés en juillet sur le site de la communauté de communes.
"""


def shown(brief: Brief) -> tuple:
    """Everything a brief shows a reader."""
    quotes = [(q.text, q.speaker_en, q.original, q.paragraph) for q in brief.quotes]
    return brief.title, brief.title_from, brief.sentences, quotes


def both_modes(prepared_twice, options: BriefOptions) -> tuple[Brief, Brief, UpperTranslator, UpperTranslator]:
    full_model, partial_model = UpperTranslator(), UpperTranslator()
    full = brief_articles([prepared_twice[0]], full_model, options)[0]
    partial = brief_articles([prepared_twice[1]], partial_model, BriefOptions(
        options.method, options.sentences, options.quotes, translate_all=False))[0]
    return full, partial, full_model, partial_model


@pytest.mark.parametrize("method", ["lexrank", "textrank", "luhn"])
@pytest.mark.parametrize("sentences", [1, 3, 5])
def test_both_modes_show_the_same_brief(method: str, sentences: int) -> None:
    options = BriefOptions(method=method, sentences=sentences, quotes=2)
    full, partial, full_model, partial_model = both_modes([prepare_text(PAGE), prepare_text(PAGE)], options)

    assert shown(full) == shown(partial)
    assert len(full.sentences) == sentences
    assert full.translation.complete and not partial.translation.complete
    # Only what the brief shows went to the model: fewer units, all of them among the full run's.
    assert set(partial_model.calls[0]) < set(full_model.calls[0])


@pytest.mark.skipif(not FR_NEWS.is_dir(), reason="../shared/corpus/fr-news not present")
def test_both_modes_show_the_same_brief_on_every_real_page() -> None:
    pages = sorted(p for p in FR_NEWS.iterdir() if p.suffix in {".txt", ".html", ".htm"})
    compared = 0
    different: list[str] = []
    for page in pages:
        try:
            twice = [prepare(page, DEFAULT_MAX_BYTES), prepare(page, DEFAULT_MAX_BYTES)]
        except InputError:
            continue  # brief batch reports such a page as failed in both modes
        full, partial, full_model, partial_model = both_modes(twice, BriefOptions())
        compared += 1
        if shown(full) != shown(partial):
            different.append(page.name)
        assert len(partial_model.calls[0]) <= len(full_model.calls[0])
    assert compared >= len(pages) - 2, "nearly every page is briefed"
    assert not different, f"the two modes chose differently on {len(different)} pages: {different}"


@pytest.mark.skipif(not FR_NEWS.is_dir(), reason="../shared/corpus/fr-news not present")
def test_one_page_overlapped_is_the_brief_of_one_call_on_every_real_page() -> None:
    # `brief translate` translates the body while spaCy finds the speakers; its brief must
    # be byte for byte the one of `brief_articles` (one call after the speakers).
    from translator.french.reader import read_document
    from translator.output.render import render_brief
    from translator.pipeline import brief_one, prepare_without_speakers

    different: list[str] = []
    for page in sorted(p for p in FR_NEWS.iterdir() if p.suffix in {".txt", ".html", ".htm"}):
        try:
            single = brief_articles([prepare(page, DEFAULT_MAX_BYTES)], UpperTranslator(), BriefOptions())[0]
        except InputError:
            continue
        overlapped = brief_one(prepare_without_speakers(read_document(page)), UpperTranslator(), BriefOptions())
        if render_brief(overlapped, "json") != render_brief(single, "json"):
            different.append(page.name)
    assert not different, f"the overlapped path differs on {len(different)} pages: {different}"
