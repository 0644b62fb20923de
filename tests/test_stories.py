"""Stories across sources: grouping on the French, the story a reader sees, the digests
(Markdown, JSON, HTML), and what a batch writes, also warm and resumed."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, SHARED, UpperRecipe
from stories_texts import FIRE, LEAK, RACE

from translator.batch.driver import BatchSettings, run_batch
from translator.document import ArticleDate, BriefQuote, Failure
from translator.french.clean import clean_document
from translator.french.reader import document_from_text
from translator.grouping import StoryText, group_stories
from translator.output.digest import DigestEntry, digest_json, digest_markdown
from translator.output.html import digest_html
from translator.output.stories import make_stories, make_story
from translator.summary.compose import BriefOptions

FR_STORIES = SHARED / "corpus" / "fr-stories"


def story_text(lines: tuple[str, ...], name: str = "a.txt") -> StoryText:
    article = clean_document(document_from_text("\n".join(lines) + "\n", name))
    return StoryText(article.title, article.paragraphs, article.date)


def write(folder: Path, articles: dict[str, tuple[str, ...]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, lines in articles.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(folder / name)
    return paths


def settings(**overrides) -> BatchSettings:
    return BatchSettings(**{"options": BriefOptions(sentences=2, quotes=2), **overrides})


def entry(name: str, words: int = 10, date: ArticleDate | None = None, quotes: tuple[str, ...] = (),
          title: str | None = None) -> DigestEntry:
    return DigestEntry(
        source=f"in/{name}.txt", output=f"{name}.md", title=title or f"Title of {name}", date=date,
        sentences=[f"Sentence of {name}."], quotes=[BriefQuote(q.upper(), f"« {q} »", "M. X", "Mr X") for q in quotes],
        title_fr=f"Titre de {name}", paragraphs_fr=[" ".join(["mot"] * words)], site=f"{name}.example",
    )


# --- grouping ---------------------------------------------------------------------------

def test_one_event_from_three_outlets_is_one_story_and_the_same_peoples_next_event_is_not() -> None:
    texts = [story_text(lines) for lines in FIRE.values()] + [story_text(LEAK), story_text(RACE)]
    assert group_stories(texts) == [[0, 1, 2], [3], [4]]


def test_grouping_does_not_need_dates_and_dates_far_apart_keep_twins_apart() -> None:
    undated = [StoryText(t.title, t.paragraphs) for t in (story_text(lines) for lines in FIRE.values())]
    assert group_stories(undated + [StoryText(None, story_text(RACE).paragraphs)]) == [[0, 1, 2], [3]]
    same = story_text(next(iter(FIRE.values())))
    years_apart = [same, StoryText(same.title, same.paragraphs, ArticleDate(14, 5, 2026))]
    assert group_stories(years_apart) == [[0], [1]]
    assert group_stories([same, same]) == [[0, 1]]


def test_grouping_is_deterministic_and_does_not_depend_on_input_order() -> None:
    texts = [story_text(lines) for lines in (*FIRE.values(), LEAK, RACE)]
    order = list(range(len(texts)))
    random.Random(3).shuffle(order)
    shuffled = group_stories([texts[i] for i in order])
    as_sets = sorted(sorted(order[i] for i in group) for group in shuffled)
    assert as_sets == sorted(group_stories(texts)) == sorted(group_stories(texts))


def test_grouping_small_and_empty_inputs() -> None:
    assert group_stories([]) == []
    assert group_stories([story_text(RACE)]) == [[0]]
    assert group_stories([StoryText(None, []), StoryText(None, ["..."])]) == [[0], [1]]


@pytest.mark.skipif(not (FR_STORIES / "stories.json").exists(), reason=f"no {FR_STORIES}")
def test_grouping_on_the_annotated_stories_meets_the_goal() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from stories import load, scores

    names, texts, label = load(FR_STORIES)
    found = group_stories(texts)
    result = scores(found, [label[name] for name in names])
    assert result["bcubed_precision"] >= 0.95 and result["bcubed_f1"] >= 0.95, result


# --- the story a reader sees ------------------------------------------------------------

def test_the_most_complete_article_leads_and_others_bring_only_new_quotes() -> None:
    short = entry("short", 20, ArticleDate(3, 4, 2025), quotes=("nous reconstruirons le pont avant l'hiver",))
    long = entry("long", 80, ArticleDate(4, 4, 2025), quotes=("nous reconstruirons ce pont avant l'hiver prochain",))
    other = entry("other", 50, None, quotes=("les travaux commenceront dès lundi matin", "nous reconstruirons le pont"))
    story = make_story([short, long, other])
    assert story.lead is long
    assert story.others == [short, other]
    assert [(via.output, q.original) for via, q in story.more_quotes] == [
        ("other.md", "« les travaux commenceront dès lundi matin »")
    ]
    assert story.date == ArticleDate(3, 4, 2025)  # the earliest source's


def test_stories_newest_first_undated_last_in_input_order() -> None:
    entries = [entry("a"), entry("b", date=ArticleDate(1, 2, 2024)), entry("c"), entry("d", date=ArticleDate(5, 6, 2025)),
               entry("e", date=ArticleDate(1, 1, 2024))]
    stories = make_stories(entries, [[0], [1, 4], [2], [3]])
    assert [[e.output for e in s.sources] for s in stories] == [["d.md"], ["b.md", "e.md"], ["a.md"], ["c.md"]]
    assert stories[1].date == ArticleDate(1, 1, 2024)
    assert [s.lead.output for s in make_stories(entries)] == ["d.md", "b.md", "e.md", "a.md", "c.md"]


def test_a_story_with_ten_sources_lists_them_all() -> None:
    entries = [entry(f"s{i}", 10 + i, ArticleDate(10, 3, 2025), quotes=(f"citation numéro {i} toute différente {'x' * i}",))
               for i in range(10)]
    [story] = make_stories(entries, [list(range(10))])
    assert story.lead.output == "s9.md" and len(story.sources) == 10
    html = digest_html([story], [])
    assert html.count("<article") == 1
    assert len(re.findall(r'<a href="\./s\d\.md">English brief</a>', html)) == 10
    assert html.count('<details class="french" lang="fr">') == 10
    assert "10 sources" in html
    markdown = digest_markdown([story], [])
    assert all(f"(s{i}.md)" in markdown for i in range(10))
    data = json.loads(digest_json([story], [], "m"))
    assert len(data["stories"][0]["sources"]) == 10 and data["stories"][0]["lead"] == "s9.md"


def test_a_two_thousand_word_title_is_kept_whole_and_shortened_only_in_the_contents() -> None:
    title = " ".join(f"mot{i}" for i in range(2000))
    html = digest_html(make_stories([entry("long", title=title)]), [])
    assert title in html  # the article's heading: nothing dropped
    contents = html[html.index('<nav class="contents"'):html.index("</nav>")]
    assert title not in contents and "mot0 mot1" in contents and "…" in contents


# --- HTML: untrusted text, empty and failed batches ---------------------------------------

HOSTILE = ['<script>alert("t")</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }} {% raw %}"]


def test_page_text_comes_out_as_text_never_markup() -> None:
    hostile = DigestEntry(
        source='in/"><img src=x onerror=alert(2)>.txt', output="x.md", title=HOSTILE[0] + HOSTILE[2],
        date=None, sentences=[HOSTILE[1]],
        quotes=[BriefQuote(HOSTILE[1], f"« {HOSTILE[0]} »", HOSTILE[2], HOSTILE[0])],
        title_fr=HOSTILE[1], paragraphs_fr=[HOSTILE[0], HOSTILE[2]], site=HOSTILE[1],
    )
    html = digest_html(make_stories([hostile]), [Failure(HOSTILE[0], HOSTILE[1])])
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "{{ 7*7 }} {% raw %}" in html and "49" not in html
    # Self-contained: no script, no stylesheet or font to fetch, no remote address.
    assert not re.search(r"<(script|link|iframe|img)\b|@import|url\(|https?://", html, re.IGNORECASE)


LE_MONDE = "https://www.lemonde.fr/societe/article/2019/04/15/notre-dame-de-paris-en-feu_5450519_3224.html"


def test_a_web_source_links_to_its_page_and_a_file_to_itself() -> None:
    web = DigestEntry(LE_MONDE, "notre-dame.md", "Notre-Dame on fire", None, ["A sentence."], [],
                      "Notre-Dame en feu", ["Une phrase."], "Le Monde")
    local = entry("local")
    html = digest_html(make_stories([web, local], [[0, 1]]), [])
    assert f'<a href="{LE_MONDE}">www.lemonde.fr/…/notre-dame-de-paris-en-feu_5450519_3224.html</a>' in html
    assert "Le Monde · " in html and "(Le Monde)" in html  # the site names the source
    assert f'<a href="{(Path("in") / "local.txt").resolve().as_uri()}">local.txt</a>' in html
    assert "file:" not in html.replace((Path("in") / "local.txt").resolve().as_uri(), "")
    assert "https%3A" not in html
    markdown = digest_markdown(make_stories([web]), [])
    assert f"Le Monde · source: `{LE_MONDE}`" in markdown


@pytest.mark.parametrize("source", [
    "javascript:alert(1)", " JavaScript:alert(document.cookie)", "javascript://https://www.lemonde.fr/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>", "https:javascript:alert(1)", "vbscript:msgbox(1)",
])
def test_a_source_with_another_scheme_never_becomes_a_link(source: str) -> None:
    hostile = DigestEntry(source, "x.md", "Title", None, ["A sentence."], [], "Titre", ["Une phrase."], None)
    html = digest_html(make_stories([hostile]), [])
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == ["#story-1", "#", "./x.md"], hrefs
    assert "<script" not in html


def test_empty_batch_writes_a_digest_that_says_so(tmp_path: Path) -> None:
    report = run_batch([], tmp_path / "out", settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    assert not report.done and not report.failed
    html = (tmp_path / "out" / "digest.html").read_text()
    assert "0 stories from 0 articles" in html and "No article could be briefed." in html
    assert "<article" not in html
    assert json.loads((tmp_path / "out" / "digest.json").read_text())["stories"] == []


def test_batch_of_only_failures_lists_them_at_the_end(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "english.txt").write_text("This page is written in English only, about the weather in Leeds today.\n")
    paths = sorted(folder.iterdir())
    report = run_batch(paths, tmp_path / "out", settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    assert len(report.failed) == 2 and not report.done
    html = (tmp_path / "out" / "digest.html").read_text()
    assert "<article" not in html and "every file failed" in html
    failures = html[html.index('id="failures"'):]
    assert "empty.txt</code>: input is empty" in failures and "english.txt</code>" in failures
    assert "## Failed" in (tmp_path / "out" / "digest.md").read_text()


# --- batches ------------------------------------------------------------------------------

def test_batch_groups_the_outlets_and_no_group_keeps_them_apart(tmp_path: Path) -> None:
    paths = write(tmp_path / "in", {**FIRE, "fuite.txt": LEAK, "course.txt": RACE})
    run_batch(paths, tmp_path / "out", settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    data = json.loads((tmp_path / "out" / "digest.json").read_text())
    assert [sorted(s["output"] for s in story["sources"]) for story in data["stories"]] == [
        ["fuite.md"], ["feu-le-progres.md", "feu-lyon-direct.md", "feu-radio-rhone.md"], ["course.md"],
    ]
    fire = data["stories"][1]
    words = {a["output"]: len(" ".join(a["paragraphs_fr"]).split()) for a in data["articles"]}
    assert fire["lead"] == max(words, key=lambda output: (output.startswith("feu"), words[output]))
    assert fire["date"] == "2025-05-14T16:20"  # the earliest source's
    html = (tmp_path / "out" / "digest.html").read_text()
    assert html.count("<article") == 3 and "3 sources" in html
    assert '<details lang="fr"><summary lang="en">French original</summary>' in html

    run_batch(paths, tmp_path / "apart", settings(cache_dir=tmp_path / "cache", group=False), UpperRecipe())
    apart = json.loads((tmp_path / "apart" / "digest.json").read_text())
    assert len(apart["stories"]) == 5 and all(len(story["sources"]) == 1 for story in apart["stories"])


def test_warm_cache_groups_identically_and_a_resumed_batch_writes_the_same_digest(tmp_path: Path) -> None:
    paths = write(tmp_path / "in", {**FIRE, "fuite.txt": LEAK, "course.txt": RACE})
    cache = tmp_path / "cache"
    run_batch(paths, tmp_path / "cold", settings(cache_dir=cache), UpperRecipe())
    recipe = UpperRecipe()
    run_batch(paths, tmp_path / "warm", settings(cache_dir=cache), recipe)
    assert not recipe.loaded
    # Resumed: a first run that stopped after two articles, then the same command again.
    run_batch(paths[:2], tmp_path / "resumed", settings(cache_dir=cache), UpperRecipe())
    resumed = run_batch(paths, tmp_path / "resumed", settings(cache_dir=cache), UpperRecipe())
    assert len(resumed.skipped) == 2
    for name in ("digest.html", "digest.md"):
        cold = (tmp_path / "cold" / name).read_text()
        assert (tmp_path / "warm" / name).read_text() == cold
        assert (tmp_path / "resumed" / name).read_text() == cold
    stories = [json.loads((tmp_path / d / "digest.json").read_text())["stories"] for d in ("cold", "warm", "resumed")]
    assert stories[0] == stories[1] == stories[2]


def test_the_same_articles_again_reuse_the_saved_groups(tmp_path: Path, monkeypatch) -> None:
    from translator.batch import driver

    paths = write(tmp_path / "in", {**FIRE, "course.txt": RACE})
    out = tmp_path / "out"
    run_batch(paths, out, settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    first = (out / "digest.html").read_text()
    calls = []
    monkeypatch.setattr(driver, "group_stories", lambda texts: calls.append(texts) or [[i] for i in range(len(texts))])
    run_batch(paths, out, settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    assert not calls and (out / "digest.html").read_text() == first
    run_batch(paths[1:], out, settings(cache_dir=tmp_path / "cache"), UpperRecipe())
    assert len(calls) == 1  # other articles: grouped again


def test_cli_translate_writes_one_brief_as_an_html_page(tmp_path: Path, installed_model: Path) -> None:
    from conftest import run_brief

    source = write(tmp_path / "in", {"course.txt": RACE})[0]
    page = tmp_path / "brief.html"
    result = run_brief("translate", str(source), "--format", "html", "-o", str(page),
                       env={"BRIEF_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr.decode()
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and html.count("<article") == 1
    assert "ANAÏS MORVAN REMPORTE LA PREMIÈRE ÉTAPE" in html  # the tiny model's English
    assert '<details lang="fr"><summary lang="en">French original</summary>' in html
    assert "<h4>Anaïs Morvan remporte la première étape du Tour de Bretagne</h4>" in html
    assert "<script" not in html


def test_page_text_in_the_markdown_digest_is_never_a_link_or_raw_html() -> None:
    hostile = DigestEntry(
        source="in/a`b.txt", output="a b).md", title="x](javascript:alert(1)) <script>", date=None,
        sentences=["<img src=x onerror=alert(1)> *bold*"], quotes=[], paragraphs_fr=["mot " * 50],
    )
    markdown = digest_markdown(make_stories([hostile, entry("other")], [[0, 1]]), [Failure("<b>", "<i>")])
    assert not re.search(r"(?<![\\`])<(script|img|b)", markdown)  # only escaped, or in a code span
    assert "- `<b>`: \\<i\\>" in markdown
    assert "[x\\](javascript:alert(1)) \\<script\\>](#story-1)" in markdown
    assert "\\<img src=x onerror=alert(1)\\> \\*bold\\*" in markdown
    assert "`` in/a`b.txt ``" in markdown and "[brief](<a b).md>)" in markdown


def test_warm_up_leaves_grouping_nothing_to_import() -> None:
    # A batch calls warm_up() while the model translates, so the digest does not wait for
    # scikit-learn and SciPy: grouping must then need no module warm_up did not load.
    code = (
        "import sys\n"
        "from translator.grouping import StoryText, group_stories, warm_up\n"
        "warm_up()\n"
        "before = set(sys.modules)\n"
        "texts = [StoryText('Incendie au port', ['Un incendie a détruit trois entrepôts du port de Brest.'] * 3),\n"
        "         StoryText('Le feu au port', ['Trois entrepôts du port de Brest ont brûlé lundi soir.'] * 3)]\n"
        "group_stories(texts)\n"
        "print(sorted(name for name in set(sys.modules) - before if not name.startswith('translator')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
