"""The summary earns its place: the lead first, then what adds most for its length, within
the word budget, never a sentence that repeats the lead (issue 20)."""

from __future__ import annotations

from translator.document import Article
from translator.french.quotes import find_quotes
from translator.summary.compose import BriefOptions, choose, summary_order, word_count
from translator.translation.segment import segment_article

LEAD = "Le conseil municipal de Brives a voté mardi la rénovation complète de la piscine Jean-Moulin."
LONG = (
    "Construite en 1972 et fermée depuis deux hivers faute de chauffage, la piscine avait vu partir "
    "ses clubs vers les bassins des communes voisines, parfois à plus de quarante kilomètres, ce que "
    "les familles dénonçaient depuis longtemps lors des réunions de quartier organisées par la mairie, "
    "avant de lancer une pétition signée par plus de trois mille habitants."
)
SHORT = "Les travaux de la piscine coûteront 4 millions d'euros."
REPEAT = "Mardi, le conseil municipal de Brives a voté la rénovation complète de la piscine Jean-Moulin !"
LATE = "Le marché de Noël ouvrira ses portes le premier samedi de décembre sur la place."


def _choose(paragraphs, ranking=None, **options):
    article = Article(source="test", paragraphs=paragraphs)
    quotes = find_quotes(paragraphs)
    segments = segment_article(article, quotes)
    ranking = [s.index for s in segments] if ranking is None else ranking
    choice = choose(article, segments, quotes, ranking, BriefOptions(quotes=0, **options))
    by_index = {s.index: s.text for s in segments}
    return [by_index[i] for i in choice.summary], segments


def test_the_word_budget_leaves_out_what_does_not_fit_and_takes_a_shorter_sentence():
    chosen, _ = _choose([LEAD, LONG, SHORT], sentences=3, words=40)
    assert chosen == [LEAD, SHORT]
    assert sum(word_count(s) for s in chosen) <= 40


def test_without_a_budget_the_sentence_count_decides():
    chosen, _ = _choose([LEAD, LONG, SHORT], sentences=3, words=0)
    assert chosen == [LEAD, LONG, SHORT]


def test_the_default_budget_grows_with_the_sentences_asked_for():
    # 35 words a sentence: two sentences leave out the long one, three take it.
    assert _choose([LEAD, LONG, SHORT], sentences=2)[0] == [LEAD, SHORT]
    assert _choose([LEAD, LONG, SHORT], sentences=3)[0] == [LEAD, LONG, SHORT]


def test_the_lead_stands_even_when_longer_than_the_budget():
    chosen, _ = _choose([LEAD, SHORT], sentences=2, words=5)
    assert chosen == [LEAD]


def test_a_sentence_repeating_the_lead_is_left_out():
    chosen, _ = _choose([LEAD, REPEAT, SHORT], sentences=2, words=0)
    assert chosen == [LEAD, SHORT]


def test_after_the_lead_a_sentence_on_its_topic_and_near_it_comes_first():
    # The ranking puts the off-topic sentence at the end of the page first.
    paragraphs = [LEAD, SHORT, LATE]
    _, segments = _choose(paragraphs)
    ranking = [2, 1, 0]
    by_index = {s.index: s for s in segments}
    order = summary_order([2, 1], by_index, ranking, None, 0)
    assert order == [1, 2]
    chosen, _ = _choose(paragraphs, ranking=ranking, sentences=2, words=0)
    assert chosen == [LEAD, SHORT]


def test_words_option_budgets_the_summary_of_brief_translate(tmp_path, installed_model):
    import json

    from click.testing import CliRunner

    from translator.cli import main

    article = tmp_path / "piscine.txt"
    article.write_text("\n\n".join([LEAD, LONG, SHORT]) + "\n", encoding="utf-8")
    runner = CliRunner()
    common = ["translate", str(article), "--format", "json", "--quotes", "0", "--sentences", "3", "--beam-size", "1"]
    budgeted = json.loads(runner.invoke(main, [*common, "--words", "40"]).stdout)["brief"]
    unlimited = json.loads(runner.invoke(main, [*common, "--words", "0"]).stdout)["brief"]
    assert len(budgeted) == 2 and len(unlimited) == 3
    assert "--words" in runner.invoke(main, ["translate", "--help"]).stdout


def test_the_word_budget_holds_when_a_short_lead_is_the_title():
    # No headline and a lead of 14 words or fewer: the lead is the title, the summary goes
    # on after it, still within --words.
    short_lead = "Brives va rénover sa piscine Jean-Moulin, fermée depuis deux hivers."
    chosen, _ = _choose([short_lead, LONG, SHORT], sentences=3, words=40)
    assert chosen == [SHORT]
