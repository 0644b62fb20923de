"""Quotations that run over paragraph breaks: found as one quotation, marked the English way."""

from translator.summary.compose import BriefOptions
from translator.document import Article
from translator.pipeline import PreparedArticle, brief_articles
from translator.french.quotes import find_quotes
from translator.translation.segment import segment_article
from translator.speakers import attribute_speakers

SPEECH = [
    "Devant le conseil, il a tenu à rassurer : « Nous avons traversé une année difficile. Les comptes sont tenus.",
    "« Le pont sera rouvert en mai. Les travaux avancent.",
    "« Personne ne sera oublié », a conclu M. Berthier sous les applaudissements.",
    "La séance a ensuite été levée.",
]


def test_a_quotation_over_three_paragraphs_is_one_linked_quotation():
    quotes = find_quotes(SPEECH)
    assert [(q.paragraph, q.text) for q in quotes] == [
        (0, "Nous avons traversé une année difficile. Les comptes sont tenus."),
        (1, "Le pont sera rouvert en mai. Les travaux avancent."),
        (2, "Personne ne sera oublié"),
    ]
    assert [q.opened_in for q in quotes] == [0, 0, 0]
    assert [q.continues for q in quotes] == [True, True, False]
    assert [q.continued for q in quotes] == [False, True, True]
    assert [(q.opening, q.closing) for q in quotes] == [("«", ""), ("«", ""), ("«", "»")]
    # The speaker named at the end is the speaker of the whole quotation.
    assert {q.speaker for q in attribute_speakers(SPEECH, quotes)} == {"M. Berthier"}


def test_marked_keeps_only_the_marks_the_french_has():
    first, middle, last = find_quotes(SPEECH)
    assert first.marked == "«\u00a0Nous avons traversé une année difficile. Les comptes sont tenus."
    assert last.marked == "«\u00a0Personne ne sera oublié\u00a0»"


def test_continuation_without_a_repeated_mark_ends_at_the_closing_mark():
    paragraphs = [
        "Elle a expliqué : « Le budget est serré.",
        "Il faudra choisir », a-t-elle ajouté. Puis elle a parlé d'une « fausse piste ».",
    ]
    quotes = find_quotes(paragraphs)
    assert [(q.paragraph, q.text, q.continues, q.opened_in) for q in quotes] == [
        (0, "Le budget est serré.", True, 0),
        (1, "Il faudra choisir", False, 0),
        (1, "fausse piste", False, None),
    ]
    assert (quotes[1].opening, quotes[1].closing, quotes[1].start) == ("", "»", 0)


def test_nested_quote_stays_inside_a_continued_quotation():
    paragraphs = ["Il a lancé : « On nous a parlé de « réforme » sans fin.", "« Assez », a-t-il dit."]
    quotes = find_quotes(paragraphs)
    assert [q.text for q in quotes] == ["On nous a parlé de « réforme » sans fin.", "Assez"]


def test_an_unclosed_mark_not_carried_on_is_a_quotation_to_the_end_of_its_paragraph():
    paragraphs = ["Le syndicat prévient : « La grève continuera demain", "Le trafic sera réduit."]
    (quote,) = find_quotes(paragraphs)
    assert (quote.text, quote.continues, quote.opened_in) == ("La grève continuera demain", False, None)


def test_stray_closing_mark_without_an_open_quotation_is_ignored():
    assert find_quotes(["Une phrase normale.", "Un signe » perdu ici."]) == []


def test_a_continued_quotation_of_several_sentences_is_one_segment():
    article = Article(source="t", paragraphs=SPEECH)
    segments = segment_article(article, find_quotes(SPEECH))
    texts = [s.text for s in segments if s.paragraph == 1]
    assert texts == ["« Le pont sera rouvert en mai. Les travaux avancent."]


def test_english_opens_every_paragraph_and_closes_only_at_the_end(upper):
    article = Article(source="t", paragraphs=SPEECH)
    quotes = find_quotes(SPEECH)
    prepared = PreparedArticle(article, quotes, segment_article(article, quotes))
    (brief,) = brief_articles([prepared], upper, BriefOptions(sentences=1, quotes=1))
    english = brief.translation.paragraphs
    assert english[0] == "DEVANT LE CONSEIL, IL A TENU À RASSURER: “NOUS AVONS TRAVERSÉ UNE ANNÉE DIFFICILE. LES COMPTES SONT TENUS."
    assert english[1] == "“LE PONT SERA ROUVERT EN MAI. LES TRAVAUX AVANCENT."
    assert english[2].startswith("“PERSONNE NE SERA OUBLIÉ,” ")
    assert [p.count("“") for p in english] == [1, 1, 1, 0]
    assert [p.count("”") for p in english] == [0, 0, 1, 0]
    assert not any(mark in "".join(english) for mark in "«»")
