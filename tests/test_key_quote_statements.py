"""Key quotes are statements: whole clauses set off from the sentence, never borrowed phrases."""

from __future__ import annotations

import pytest

from translator.summary.compose import BriefOptions, choose
from translator.document import Article
from translator.french.quotes import find_quotes
from translator.translation.segment import segment_article
from translator.summary.statements import is_statement


def _statements(paragraph: str) -> dict[str, bool]:
    """Each quotation of a one-paragraph text → whether it reads as a statement."""
    article = Article(source="test", paragraphs=[paragraph])
    segments = segment_article(article, find_quotes(article.paragraphs))
    return {q.text: is_statement(q, s) for s in segments for q in s.quotes}


@pytest.mark.parametrize(
    "paragraph",
    [
        # The whole sentence, the speaker after it.
        "« Nous rouvrirons la piscine municipale dès le mois de juin », a déclaré la maire.",
        # Set off by a colon.
        "La directrice a prévenu : « Aucune classe ne fermera à la rentrée prochaine. »",
        # Set off by a comma, and a clause (subject, verb) in lower case.
        "Pour le syndicat, « la réforme des horaires arrive beaucoup trop tard » cette année.",
        # A new sentence opening inside the marks straight after the speech verb.
        "Le capitaine a lancé « Nous jouerons chaque match pour gagner le titre » aux supporters.",
    ],
)
def test_set_off_clauses_are_statements(paragraph):
    assert list(_statements(paragraph).values()) == [True]


@pytest.mark.parametrize(
    "paragraph",
    [
        # A noun phrase the sentence borrows after a preposition.
        "Le ministre a insisté lundi sur « la nécessité de ne pas fermer les petites lignes de train ».",
        # A verb phrase whose subject stays outside the marks.
        "Selon le préfet, l'incendie « aurait pu être maîtrisé bien plus tôt dans la soirée ».",
        # Embedded after que.
        "Les élus regrettent que la région « n'ait toujours pas publié le calendrier des travaux ».",
        # Set off by a comma, but it continues the sentence (conjunction, preposition).
        "Le port restera fermé jusqu'à jeudi, « car les quais sont encore sous vingt centimètres d'eau ».",
        "Bref, « contre tout ce qui pourrait retarder encore la reconstruction du pont », a-t-il résumé.",
        # After an elided article.
        "Il parle d'« une décision qui engage toute la commune pour dix ans ».",
    ],
)
def test_borrowed_fragments_are_not_statements(paragraph):
    assert list(_statements(paragraph).values()) == [False]


def test_short_quotes_are_not_statements_even_when_whole():
    assert _statements("« Nous verrons bien demain », a souri le maire.") == {"Nous verrons bien demain": False}


def _article(*paragraphs: str) -> tuple[Article, list, list]:
    article = Article(source="test", paragraphs=list(paragraphs))
    quotes = find_quotes(article.paragraphs)
    return article, quotes, segment_article(article, quotes)


def test_fragments_are_never_offered_even_when_nothing_else_is():
    article, quotes, segments = _article(
        "Le conseil municipal a voté mardi le budget de la commune pour l'année prochaine.",
        "Le maire a insisté sur « la nécessité de ne pas augmenter les impôts locaux cette année ».",
        "L'opposition a voté contre le texte, qui prévoit aussi la rénovation du gymnase.",
    )
    choice = choose(article, segments, quotes, [s.index for s in segments], BriefOptions(quotes=3))
    assert choice.quotes == []
    # The fragment stays marked in the body: it is still a quote part of its sentence.
    assert any(p.is_quote for p in segments[1].parts)


def test_statements_are_offered_and_a_near_repeat_only_once():
    article, quotes, segments = _article(
        "Le conseil municipal a voté mardi le budget de la commune pour l'année prochaine.",
        "« Nous ne toucherons pas aux impôts locaux cette année », a déclaré le maire.",
        "Le lendemain, il a répété : « Nous ne toucherons pas aux impôts locaux cette année. »",
        "L'opposition a voté contre le texte, qui prévoit aussi la rénovation du gymnase.",
    )
    choice = choose(article, segments, quotes, [s.index for s in segments], BriefOptions(quotes=3))
    assert [q.text for q in choice.quotes] == ["Nous ne toucherons pas aux impôts locaux cette année"]
