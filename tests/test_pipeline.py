"""The pipeline with a translator test double: batching, structure, quotes, options."""

import json

import pytest

from translator import BriefOptions
from translator.pipeline import brief_articles
from translator.pipeline import prepare
from translator.errors import InputError, NotFrenchError
from translator.output.render import render_brief

ARTICLE = """Publié le 3 mars 2024 à 09h30
Le conseil municipal de Lyon a adopté mardi un budget de 2,5 milliards d'euros, en hausse de 4,2 %.
« Ce budget protège les familles. Il investit dans les écoles », a déclaré le maire Paul Girard devant les élus.
L'opposition a jugé le texte « trop timide » et a voté contre.
Le vote final aura lieu mardi.
Selon Mme Claire Roy, adjointe aux finances, « la dette restera stable jusqu'en 2026 ».
Un festival de jazz s'ouvre à Vienne
Suivez-nous sur Facebook
Les prix de l'immobilier reculent à 51,3 % des ventes
"""


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "lyon.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_one_translation_call_for_the_whole_article(article_file, upper):
    brief_articles([prepare(article_file)], upper, BriefOptions())
    assert len(upper.calls) == 1
    assert len(upper.calls[0]) == len(set(upper.calls[0])), "each distinct unit is sent once"


@pytest.mark.parametrize("translate_all", [True, False])
def test_one_page_overlapped_gives_the_same_brief(article_file, upper, translate_all):
    # `brief translate` sends the body to the model while the speakers are found, then the
    # rest; the brief must be exactly the one a single call gives.
    from translator.french.reader import read_document
    from translator.pipeline import brief_one, prepare_without_speakers

    options = BriefOptions(translate_all=translate_all)
    single = brief_articles([prepare(article_file)], upper, options)[0]
    calls_before = len(upper.calls)
    overlapped = brief_one(prepare_without_speakers(read_document(article_file)), upper, options)
    assert render_brief(overlapped, "json") == render_brief(single, "json")
    assert len(upper.calls) - calls_before == (2 if translate_all else 1)
    sent = [text for call in upper.calls[calls_before:] for text in call]
    assert len(sent) == len(set(sent)), "each distinct unit is sent once"
    assert any(q.speaker for q in overlapped.quotes)


def test_the_segments_hold_the_quotes_with_their_speakers(article_file):
    # What the brief chooses looks quotes up in the segments: they must be the attributed ones.
    from translator.french.reader import read_document
    from translator.pipeline import prepare_without_speakers, with_speakers

    prepared = with_speakers(prepare_without_speakers(read_document(article_file)))
    held = [q for segment in prepared.segments for q in segment.quotes]
    assert held and all(q in prepared.quotes for q in held)
    assert any(q.speaker for q in held)


def test_one_call_for_many_articles(article_file, tmp_path, upper):
    other = tmp_path / "b.txt"
    other.write_text(ARTICLE.replace("Lyon", "Nantes"), encoding="utf-8")
    briefs = brief_articles([prepare(article_file), prepare(other)], upper, BriefOptions())
    assert len(upper.calls) == 1
    assert [b.source for b in briefs] == [str(article_file), str(other)]
    assert "NANTES" in briefs[1].translation.text and "NANTES" not in briefs[0].translation.text


def test_translation_keeps_paragraphs_and_drops_the_tail(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions())[0]
    assert brief.article.paragraphs[-1].startswith("Selon Mme Claire Roy")
    assert len(brief.translation.paragraphs) == len(brief.article.paragraphs) == 5
    assert "FESTIVAL" not in brief.translation.text and "FACEBOOK" not in brief.translation.text


def test_quotes_come_out_whole_and_marked(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions(quotes=5))[0]
    texts = {q.text: q for q in brief.quotes}
    assert "CE BUDGET PROTÈGE LES FAMILLES. IL INVESTIT DANS LES ÉCOLES" in texts
    assert texts["CE BUDGET PROTÈGE LES FAMILLES. IL INVESTIT DANS LES ÉCOLES"].speaker == "le maire Paul Girard"
    assert "“CE BUDGET PROTÈGE LES FAMILLES. IL INVESTIT DANS LES ÉCOLES,” LE MAIRE PAUL GIRARD A DÉCLARÉ DEVANT" in brief.translation.text
    assert "«" not in brief.translation.text and "»" not in brief.translation.text


def test_short_scare_quotes_are_not_key_quotes(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions(quotes=5))[0]
    assert "TROP TIMIDE" not in [q.text for q in brief.quotes]
    assert "“TROP TIMIDE”" in brief.translation.text


def test_summary_size_and_date(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions(sentences=2))[0]
    assert len(brief.sentences) == 2
    assert (brief.date.year, brief.date.month, brief.date.day, brief.date.hour) == (2024, 3, 3, 9)


def test_no_translate_all_translates_only_what_the_brief_needs(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions(sentences=1, quotes=1, translate_all=False))[0]
    sent = upper.calls[0]
    assert len(brief.sentences) == 1 and len(brief.quotes) == 1
    assert not brief.translation.complete
    assert len(brief.translation.segments) < len(prepare(article_file).segments)
    # The key quote's French went to the model (as its own unit).
    [original] = [q.text for q in prepare(article_file).quotes if q.text.upper() == brief.quotes[0].text]
    assert original in sent


def test_json_has_everything_a_consumer_needs(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions())[0]
    data = json.loads(render_brief(brief, "json"))
    assert data["source"] == str(article_file)
    assert data["date"]["iso"] == "2024-03-03T09:30"
    assert data["model"] == "test-upper"
    assert data["body_fr"].startswith("Le conseil municipal")
    assert data["translation_en"].startswith("LE CONSEIL MUNICIPAL")
    assert all({"text", "speaker", "original"} <= set(q) for q in data["quotes"])
    assert {r["reason"] for r in data["removed"]} >= {"timestamp", "social", "trailing-headline"}


def test_markdown_and_text_render_quotes_with_speakers(article_file, upper):
    brief = brief_articles([prepare(article_file)], upper, BriefOptions())[0]
    markdown = render_brief(brief, "markdown")
    assert markdown.startswith("# ") and "## Key quotes" in markdown
    # The role goes through the model (here: upper case), the name is written as it is.
    assert "> “CE BUDGET PROTÈGE LES FAMILLES. IL INVESTIT DANS LES ÉCOLES” — LE MAIRE Paul Girard" in markdown
    assert "Key quotes" in render_brief(brief, "text")


def test_title_falls_back_to_the_lead(article_file, upper):
    # A lead too long for a title: its first clause is the title, the full lead opens the
    # summary (what the title leaves out is the news).
    brief = brief_articles([prepare(article_file)], upper, BriefOptions())[0]
    assert brief.title_from == "lead"
    assert brief.title == "LE CONSEIL MUNICIPAL DE LYON A ADOPTÉ MARDI UN BUDGET DE 2,5 MILLIARDS D'EUROS"
    assert brief.sentences[0].startswith(brief.title + ", EN HAUSSE")


@pytest.mark.parametrize("translate_all", [True, False])
def test_a_short_lead_is_the_title_whole_and_the_summary_goes_on_after_it(tmp_path, upper, translate_all):
    path = tmp_path / "short.txt"
    lead = "Le conseil municipal de Lyon a adopté mardi son budget."
    path.write_text(ARTICLE.replace(ARTICLE.splitlines()[1], lead), encoding="utf-8")
    brief = brief_articles([prepare(path)], upper, BriefOptions(translate_all=translate_all))[0]
    assert (brief.title, brief.title_from) == ("LE CONSEIL MUNICIPAL DE LYON A ADOPTÉ MARDI SON BUDGET", "lead")
    # Never read twice, and the summary still holds the sentences asked for.
    assert not any(s.startswith("LE CONSEIL MUNICIPAL") for s in brief.sentences)
    assert len(brief.sentences) == BriefOptions().sentences


def test_headline_becomes_the_title(tmp_path, upper):
    path = tmp_path / "t.txt"
    path.write_text(ARTICLE.replace("Publié le 3 mars 2024 à 09h30\n", "Publié le 3 mars 2024 à 09h30\nLyon vote son budget\n"))
    brief = brief_articles([prepare(path)], upper, BriefOptions())[0]
    assert (brief.title, brief.title_from) == ("LYON VOTE SON BUDGET", "page")


def test_only_boilerplate_is_an_error(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Mis à jour le 05/11/2023 à 18:12\nSuivez-nous sur Twitter\nUn titre sans point\n")
    with pytest.raises(InputError, match="no article text left"):
        prepare(path)


def test_english_article_is_refused(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("The council voted the budget on Tuesday. The mayor said it protects families and schools.\n")
    with pytest.raises(NotFrenchError):
        prepare(path)
