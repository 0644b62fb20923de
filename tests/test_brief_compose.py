"""The brief reads once and reads as news: lead first, no question or furniture, no repeats."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from translator.summary.compose import BriefOptions, choose
from translator.document import Article
from translator.pipeline import brief_file
from translator.french.quotes import find_quotes
from translator.translation.segment import segment_article
from translator.summary.statements import is_news_sentence

PARAGRAPHS = [
    "Économie",  # section label left by cleaning
    "La région a annoncé lundi un plan de 40 millions d'euros pour les lignes de bus rurales.",
    "Qui paiera la facture ?",
    "Le plan prévoit douze nouvelles lignes et des bus toutes les heures dans les villages.",
    "« Personne ne doit rester sans transport pour aller travailler », a déclaré la présidente Claire Martin.",
    "Les travaux",  # an in-body sub-heading
    "Les premiers bus rouleront en septembre sur les lignes de la vallée et du plateau.",
    "Les maires des villages ont salué un plan attendu depuis plus de dix ans.",
]


def _parts(paragraphs: list[str], **article_fields):
    article = Article(source="test", paragraphs=paragraphs, **article_fields)
    quotes = find_quotes(paragraphs)
    return article, quotes, segment_article(article, quotes)


def _texts(segments, indexes):
    by_index = {s.index: s.text for s in segments}
    return [by_index[i] for i in indexes]


def _worst_first(segments):
    """A ranking that puts what a brief must skip at the top, to show the rules, not luck, decide."""
    return [s.index for s in reversed(segments)]


def test_summary_skips_questions_short_lines_and_opens_with_the_lead():
    article, quotes, segments = _parts(PARAGRAPHS)
    choice = choose(article, segments, quotes, _worst_first(segments), BriefOptions(sentences=3, quotes=0))
    texts = _texts(segments, choice.summary)
    assert texts[0] == PARAGRAPHS[1]  # the lead, though ranked near the bottom
    assert "Qui paiera la facture ?" not in texts
    assert "Économie" not in texts and "Les travaux" not in texts
    assert len(texts) == 3


def test_a_sentence_shown_as_key_quote_is_not_also_a_summary_sentence():
    article, quotes, segments = _parts(PARAGRAPHS)
    quote_sentence = next(s.index for s in segments if s.quotes)
    ranking = [quote_sentence] + [s.index for s in segments if s.index != quote_sentence]
    choice = choose(article, segments, quotes, ranking, BriefOptions(sentences=3, quotes=1))
    assert [q.text for q in choice.quotes] == ["Personne ne doit rester sans transport pour aller travailler"]
    assert quote_sentence not in choice.summary
    assert len(choice.summary) == 3  # the next best sentence took its place


def test_a_quote_the_lead_already_shows_is_not_repeated_under_key_quotes():
    article, quotes, segments = _parts(
        [
            "« Nous fermerons la centrale à charbon avant la fin de l'année », a annoncé le ministre.",
            "La centrale emploie encore 300 personnes, qui seront reclassées dans la région.",
        ]
    )
    choice = choose(article, segments, quotes, [1, 0], BriefOptions(sentences=2, quotes=3))
    assert choice.summary == [0, 1] and choice.quotes == []


@dataclass
class _ArticleWithHeadings(Article):
    """Stands for cleaning's `Article.headings` (paragraph indexes of in-body sub-headings)."""

    headings: list[int] | None = None


def test_sub_headings_marked_by_cleaning_are_never_summary_sentences():
    paragraphs = [
        "Le festival a accueilli cette année plus de 80 000 spectateurs en quatre jours.",
        "Une programmation plus jeune a attiré un public venu de toute la région.",
        "Les organisateurs préparent déjà une édition plus longue pour l'été prochain.",
    ]
    article = _ArticleWithHeadings(source="test", paragraphs=paragraphs, headings=[1], title="Un festival record")
    segments = segment_article(article, [])
    assert [is_news_sentence(s, article) for s in segments] == [True, False, True]
    choice = choose(article, segments, [], [1, 2, 0], BriefOptions(sentences=3, quotes=0))
    assert choice.summary == [0, 2]


def test_repeats_of_the_title_or_of_a_chosen_sentence_are_skipped():
    title = "Le festival a accueilli plus de 80 000 spectateurs"
    paragraphs = [
        "Le festival de la vallée a fermé ses portes dimanche soir après quatre jours de concerts.",
        "Le festival a accueilli plus de 80 000 spectateurs.",
        "Les bénévoles étaient 600, un record pour cette édition.",
        "Les bénévoles étaient 600, un record pour cette édition !",
    ]
    article, quotes, segments = _parts(paragraphs, title=title)
    choice = choose(article, segments, quotes, [1, 3, 2, 0], BriefOptions(sentences=3, quotes=0, words=0))
    chosen = _texts(segments, choice.summary)
    # The title's repeat never; of the two near-identical sentences, one only.
    assert chosen[0] == paragraphs[0] and len(chosen) == 2 and chosen[1] in paragraphs[2:]


def test_a_wire_sign_off_does_not_hide_the_lead():
    paragraphs = ["Paris, 3 mars (AFP) - Le gouvernement a présenté mercredi son plan pour le rail.- AFP"]
    article, _, segments = _parts(paragraphs)
    assert is_news_sentence(segments[0], article)


def test_json_says_which_paragraph_each_key_quote_came_from(tmp_path, upper):
    source = tmp_path / "article.txt"
    source.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    brief = brief_file(source, translator=upper, options=BriefOptions(quotes=2))
    data = json.loads(json.dumps(brief.to_dict()))
    [quote] = data["quotes"]
    # An index into the cleaned French paragraphs (cleaning may drop lines above it).
    assert data["paragraphs_fr"][quote["paragraph"]] == PARAGRAPHS[4]
    assert quote["original"].replace("\u00a0", " ") in PARAGRAPHS[4]


@pytest.mark.parametrize("count", [2, 3])
def test_both_modes_choose_alike(tmp_path, upper, count):
    """--translate-all (the whole body translated) and --no-translate-all (only what the brief
    shows) rank the same French sentences: same sentences, same quotes (every fr-news page:
    test_one_choice.py)."""
    source = tmp_path / "article.txt"
    source.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    full = brief_file(source, translator=upper, options=BriefOptions(sentences=count, translate_all=True))
    partial = brief_file(source, translator=upper, options=BriefOptions(sentences=count, translate_all=False))
    assert full.sentences == partial.sentences
    assert [q.text for q in full.quotes] == [q.text for q in partial.quotes]
    assert full.sentences[0] == PARAGRAPHS[1].upper()
    assert not any(s.endswith("?") for s in full.sentences)
    assert not set(full.sentences) & {q.text for q in full.quotes}


def test_a_bare_quotation_is_speech_not_a_summary_sentence():
    paragraphs = [
        "« Les vendanges ont commencé trois semaines plus tôt que l'an dernier. »",
        "Le viticulteur Louis Bernard exploite douze hectares sur les coteaux de la Loire.",
        "La récolte s'annonce abondante après un été chaud et pluvieux.",
    ]
    article, quotes, segments = _parts(paragraphs, title="Des vendanges précoces")
    choice = choose(article, segments, quotes, [0, 1, 2], BriefOptions(sentences=3, quotes=1))
    assert choice.lead == 1 and choice.summary == [1, 2]
    assert [q.paragraph for q in choice.quotes] == [0]



def test_json_lists_every_quotation_found_and_says_which_are_key(tmp_path, upper):
    source = tmp_path / "article.txt"
    paragraphs = PARAGRAPHS + [
        "Le maire de Saint-Flour a jugé le plan « utile mais bien tardif ».",
        "« Nous attendions ces lignes depuis des années, enfin elles arrivent », a ajouté une habitante.",
    ]
    source.write_text("\n\n".join(paragraphs), encoding="utf-8")
    for translate_all in (True, False):
        brief = brief_file(source, translator=upper, options=BriefOptions(quotes=1, translate_all=translate_all))
        data = json.loads(json.dumps(brief.to_dict()))
        found = find_quotes(data["paragraphs_fr"])
        assert len(found) == 3 and len(data["quotes"]) == 1
        assert [q["original"].strip("«»“” \u00a0\"") for q in data["quotations"]] == [q.text for q in found]
        assert {"text", "original", "speaker", "speaker_en", "paragraph", "key"} <= set(data["quotations"][0])
        key = [q for q in data["quotations"] if q["key"]]
        assert [q["original"] for q in key] == [q["original"] for q in data["quotes"]]
        # Every quotation has its English when the whole body is translated.
        assert translate_all is False or all(q["text"] == q["text"].upper() and q["text"] for q in data["quotations"])
        # A described speaker's English is the model's, or null where it was not translated
        # (a brief-only run translates those of the key quotes only): never the French.
        described = [q for q in data["quotations"] if q["speaker"] in ("Le maire de Saint-Flour", "une habitante")]
        assert len(described) == 2
        english = [q["speaker_en"] for q in described]
        assert all(e is None or e == e.upper() for e in english)
        assert (None in english) is (not translate_all)


def test_a_title_cut_from_the_lead_never_leaves_a_quotation_open():
    from translator.summary.compose import lead_title

    lead = ("The former mayor Paul Roux insisted on Sunday “the need not to involve the town in a quarrel "
            "that is not its own,” before the vote.")
    assert lead_title(lead) == "The former mayor Paul Roux insisted on Sunday…"
    # Opened by the quotation: the mark is closed instead.
    opened = "“We will not give up the school, the library or the swimming pool this year or the next,” the mayor said."
    assert lead_title(opened) == "“We will not give up the school”"
    assert lead_title("“We will keep the school and the library open all year long in the village and beyond”, he said.").endswith("…”")
    # Nothing open: as it was.
    assert lead_title("The mayor said “no” to the plan on Sunday, before the vote of the council.") == (
        "The mayor said “no” to the plan on Sunday")
