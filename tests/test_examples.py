"""Cleaning, quotes and splitting on the example pages in examples/ (and the shared seeds).

The expectations are written by hand from reading each page: which lines are furniture,
which paragraphs are body, who speaks each quotation.
"""

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEEDS, run_brief
from translator import BriefOptions
from translator.pipeline import brief_articles
from translator.pipeline import prepare
from translator.french.clean import clean_document
from translator.french.reader import read_document
from translator.french.sentences import split_sentences, split_spans

ARTICLES = EXAMPLES / "articles"
HTML = EXAMPLES / "html"
EDGE = EXAMPLES / "edge"
# Written out here rather than imported from translator.french.clean, so the tests check the cleaner.
ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?…][\s\u00a0»”\"]*$")


def clean(path: Path):
    return clean_document(read_document(path))


# file → (date, title, number of body paragraphs)
PAGES = {
    "articles/01_greve_ferries.txt": ("--03-12T07:15", "Grève des ferries : les liaisons vers les îles bretonnes perturbées", 6),
    "articles/02_mediatheque.txt": ("2025-06-04T18:30", "À Villeneuve-sur-Lot, la nouvelle médiathèque ouvre ses portes après trois ans de travaux", 7),
    "articles/03_vendanges.txt": ("2025-09-05T18:20", "Vendanges précoces dans le Languedoc, la sécheresse réduit les volumes", 6),
    "articles/04_municipale.txt": ("--06-29T23:05", "Élection partielle : la liste de Nadia Benali l'emporte à Saint-Priest-des-Champs", 5),
    "articles/05_glaciers.txt": ("2026-01-14T10:00", None, 7),
    "articles/06_football.txt": ("2025-05-18T22:47", "Le FC Annecy rate la montée malgré sa victoire à Rodez", 5),
    "html/01_marche_couvert.html": ("2025-10-11", "Le marché couvert de Roubaix rouvre après deux ans de rénovation", 6),
}

# file → {removed line (start of it): reason}
REMOVED = {
    "articles/01_greve_ferries.txt": {
        "Dernière mise à jour": "timestamp",
        "Grève des ferries": "title",
        "Par Claire Ménard": "byline",
        "Photo : Y. Le Goff": "credit",
        "Le festival du court métrage": "trailing-headline",
        "Marée noire": "trailing-headline",
        "Nous suivre sur Facebook": "social",
        "Abonnez-vous": "social",
    },
    "articles/02_mediatheque.txt": {
        "Publié le": "timestamp",
        "À lire aussi": "related-link",
        "Trois communes": "trailing-headline",
        "Partagez cet article": "social",
        "© Tous droits": "copyright",
    },
    "articles/03_vendanges.txt": {
        "Vidéo :": "credit",
        "Mots-clés": "page-furniture",
        "Suivez-nous": "social",
        "Rugby :": "trailing-headline",
        "Un incendie": "trailing-headline",
    },
    "articles/04_municipale.txt": {
        "Inondations :": "trailing-headline",
        # A short question between headlines is a headline too.
        "Qui présidera": "trailing-headline",
        "La foire aux bestiaux": "trailing-headline",
        "Scannez le code QR": "social",
    },
    "articles/05_glaciers.txt": {
        "Par la rédaction": "byline",
        "Crédit photo": "credit",
        "Partager sur Facebook": "social",
        "Partager sur X": "social",
        "Le Tour de France": "trailing-headline",
    },
    "articles/06_football.txt": {
        "Mise à jour :": "timestamp",
        "Photo : AFP": "credit",
        "Cyclisme :": "trailing-headline",
        "Retrouvez-nous": "social",
    },
}

# file → speaker of each quotation, in order
SPEAKERS = {
    "articles/01_greve_ferries.txt": ["M. Erwan Kerhervé", "Mme Sophie Daniel"],
    "articles/02_mediatheque.txt": ["Hélène Vidal", "M. Paul Arnaud", "Jeanne"],
    "articles/03_vendanges.txt": ["Marc Fabre", "Dr Lucie Azaïs"],
    "articles/04_municipale.txt": ["Mme Benali", "M. Pons"],
    "articles/05_glaciers.txt": ["Thomas Girardin", "la ministre de la Transition écologique"],
    "articles/06_football.txt": ["l'entraîneur Julien Marty", "Le capitaine Hugo Lefèvre"],
    "html/01_marche_couvert.html": ["Mme Fatima Haddad", "Karim Ouali"],
}


def source_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", PAGES)
def test_date_title_and_paragraph_count(name):
    date, title, paragraphs = PAGES[name]
    article = clean(EXAMPLES / name)
    assert article.date is not None and article.date.isoformat() == date
    assert article.title == title
    assert len(article.paragraphs) == paragraphs, article.paragraphs


@pytest.mark.parametrize("name", REMOVED)
def test_each_dropped_line_has_its_reason(name):
    article = clean(EXAMPLES / name)
    reasons = {line.text: line.reason for line in article.removed}
    for start, reason in REMOVED[name].items():
        matching = [text for text in reasons if text.startswith(start)]
        assert matching, f"{start!r} was not removed"
        assert reasons[matching[0]] == reason, matching[0]
    for line in article.removed:
        assert line.text not in article.body


@pytest.mark.parametrize("name", [n for n in PAGES if n.startswith("articles/")])
def test_body_is_the_run_of_sentence_lines(name):
    """Every kept paragraph is a line of the page, in order, and ends like a sentence."""
    article = clean(EXAMPLES / name)
    lines = source_lines(EXAMPLES / name)
    positions = [lines.index(paragraph) for paragraph in article.paragraphs]
    assert positions == sorted(positions)
    # The body is contiguous: nothing between its first and last paragraph was dropped.
    assert positions == list(range(positions[0], positions[0] + len(positions)))
    for paragraph in article.paragraphs:
        assert ENDS_LIKE_A_SENTENCE.search(paragraph), paragraph


def test_short_one_sentence_paragraphs_are_kept():
    assert "C'est inédit." in clean(ARTICLES / "05_glaciers.txt").paragraphs
    assert "Les commerçants de Belle-Île s'inquiètent déjà pour leurs livraisons." in clean(
        ARTICLES / "01_greve_ferries.txt"
    ).paragraphs


def test_a_repeated_headline_is_dropped_as_duplicate():
    reasons = [(line.text, line.reason) for line in clean(ARTICLES / "06_football.txt").removed]
    tennis = [reason for text, reason in reasons if text.startswith("Tennis :")]
    assert tennis == ["trailing-headline", "duplicate"]


@pytest.mark.parametrize("name", SPEAKERS)
def test_quotes_are_whole_with_their_speakers(name):
    prepared = prepare(EXAMPLES / name)
    assert [quote.speaker for quote in prepared.quotes] == SPEAKERS[name]
    for quote in prepared.quotes:
        paragraph = prepared.article.paragraphs[quote.paragraph]
        # The span covers the marks and everything between them.
        assert paragraph[quote.start] == quote.opening and paragraph[quote.end - 1] == quote.closing
        assert quote.text in paragraph[quote.start : quote.end]
        assert not quote.text.startswith(("\u00a0", " ")) and not quote.text.endswith(("\u00a0", " "))


def test_multi_sentence_and_nested_quotes():
    quotes = prepare(ARTICLES / "03_vendanges.txt").quotes
    assert quotes[0].text == "Les raisins sont sains, mais il y a peu de jus. On estime la perte à un tiers de la récolte"
    # The inner "…" stays inside the outer « … »: one quotation, not two.
    assert quotes[1].text.startswith('Mon grand-père disait : "on vendange à la Saint-Michel". Aujourd')
    assert quotes[1].text.endswith("et ce n'est plus une surprise")
    football = prepare(ARTICLES / "06_football.txt").quotes
    assert football[0].text.startswith("Est-ce qu'on a mal joué ? Non. On a manqué")


def test_guillemets_with_non_breaking_spaces():
    raw = (ARTICLES / "01_greve_ferries.txt").read_text(encoding="utf-8")
    assert "«\u00a0Nous" in raw, "the example really uses non-breaking spaces"
    quote = prepare(ARTICLES / "01_greve_ferries.txt").quotes[0]
    assert quote.opening == "«" and quote.closing == "»"
    assert quote.text.startswith("Nous ne demandons") and quote.text.endswith("en sécurité")


@pytest.mark.parametrize(
    "name, paragraph_start, expected",
    [
        # "etc." then a capital starts a new sentence; "etc." then lower case does not.
        ("articles/02_mediatheque.txt", "Le bâtiment", 2),
        ("articles/05_glaciers.txt", "Les chercheurs", 1),
        # "M." and "Mme" never end a sentence; the quotation is one piece of its sentence.
        ("articles/01_greve_ferries.txt", "La présidente", 2),
        ("articles/04_municipale.txt", "Le maire sortant", 2),
        # "?" and "." inside the quotation, "MM." before names.
        ("articles/06_football.txt", "« Est-ce", 1),
        ("articles/06_football.txt", "Les buts", 1),
        # Decimal comma and "%".
        ("articles/04_municipale.txt", "La liste d'union", 1),
    ],
)
def test_sentence_splitting(name, paragraph_start, expected):
    paragraphs = clean(EXAMPLES / name).paragraphs
    (paragraph,) = [p for p in paragraphs if p.replace("\u00a0", " ").startswith(paragraph_start)]
    assert len(split_sentences(paragraph)) == expected, split_sentences(paragraph)


def all_pages() -> list[Path]:
    pages = sorted(ARTICLES.glob("*.txt")) + sorted(HTML.glob("*.html"))
    return pages + (sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else [])


@pytest.mark.parametrize("path", all_pages(), ids=lambda p: p.name)
def test_no_sentence_boundary_inside_a_quote(path):
    prepared = prepare(path)
    for quote in prepared.quotes:
        paragraph = prepared.article.paragraphs[quote.paragraph]
        for start, end in split_spans(paragraph):
            inside = start < quote.end and quote.start < end
            if inside:
                assert start <= quote.start and quote.end <= end, (paragraph[start:end], quote.text)


def test_html_page_keeps_the_article_only():
    article = clean(HTML / "01_marche_couvert.html")
    assert article.source_format == "html"
    for furniture in ("Accueil", "Abonnez-vous", "Tourcoing", "Nous suivre", "Tous droits", "Mentions légales"):
        assert furniture not in article.body
    assert article.paragraphs[0].startswith("Après deux ans de travaux")
    assert article.paragraphs[-1] == "Le maire a promis d'étudier la demande lors du prochain conseil municipal."


def test_cp1252_text_is_decoded_not_mangled():
    raw = (EDGE / "cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = clean(EDGE / "cp1252.txt")
    assert article.encoding == "cp1252"
    assert "l’électricité" in article.body and "1,25 €" in article.body
    assert "Ã" not in article.body
    assert prepare(EDGE / "cp1252.txt").quotes[0].speaker == "Mme Odile Perrault"


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.txt", "input is empty"),
        ("binary.bin", "PNG image"),
        ("english.txt", "does not look like French"),
        ("only_boilerplate.txt", "no article text left after cleaning"),
        ("missing.txt", "no such file"),
    ],
)
def test_edge_inputs_give_one_clear_line(name, message, tmp_path):
    out = tmp_path / "out.md"
    result = run_brief("translate", str(EDGE / name), "-o", str(out))
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert message in stderr and stderr.count("\n") == 1 and "Traceback" not in stderr
    assert not out.exists()


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else [], ids=lambda p: p.name)
def test_seed_pages_clean_to_balanced_body(seed):
    article = clean(seed)
    assert article.date is not None and article.date.hour is not None
    assert not re.search(r"wechat|code qr|qr code|scannez", article.body, re.IGNORECASE)
    for paragraph in article.paragraphs:
        assert paragraph.count("«") == paragraph.count("»")
        assert paragraph.count('"') % 2 == 0
        assert ENDS_LIKE_A_SENTENCE.search(paragraph), paragraph
    lines = source_lines(seed)
    assert article.paragraphs[0] == lines[1], "the first body paragraph follows the timestamp"


def test_every_example_briefs_with_quotes_whole(upper):
    """The whole pipeline over the examples, with the upper-casing translator double."""
    pages = sorted(ARTICLES.glob("*.txt")) + sorted(HTML.glob("*.html"))
    briefs = brief_articles([prepare(page) for page in pages], upper, BriefOptions(sentences=3))
    assert len(upper.calls) == 1, "all examples go through one translation call"
    for brief in briefs:
        assert brief.title and brief.sentences
        english = brief.translation.text
        for quote in brief.quotes:
            # Translated as one unit: every word of the French, in order, nothing added.
            assert re.findall(r"\w+", quote.text) == re.findall(r"\w+", quote.original.upper())
            # English typography: no space before : ; ! ?, quotations inside it in single marks.
            assert not re.search(r"\s[:;!?]|[«»“”\u00a0]", quote.text), quote.text
            opening_marks = sum(map(quote.original.count, "«“‹")) + quote.original.count('"') // 2
            assert quote.text.count("‘") == opening_marks - 1
            # English punctuation may join it inside the marks: “…,” he said.
            assert re.search(re.escape(f"“{quote.text}") + r"[,.]?”", english)
        for sentence in brief.sentences:
            assert sentence.count("“") == sentence.count("”")


def test_markdown_digest_of_the_examples(tmp_path, installed_model):
    out = tmp_path / "digest"
    result = run_brief("batch", str(ARTICLES), str(HTML), "-o", str(out), "--quiet", "--no-cache")
    assert result.returncode == 0, result.stderr.decode()
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert digest["count"] == 7 and digest["failed"] == []
    dates = [entry["date"] for entry in digest["index"]]
    # Newest first; year-less dates ("le 12/03") come after the dated ones.
    assert dates == ["2026-01-14T10:00", "2025-10-11", "2025-09-05T18:20", "2025-06-04T18:30",
                     "2025-05-18T22:47", "--06-29T23:05", "--03-12T07:15"]
