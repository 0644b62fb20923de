"""The HTML digest in a real browser: Debian's headless chromium, driven by selenium.

The digests of examples/ and of ../shared/corpus/fr-stories (`brief batch`; both with the
tiny model) and a digest with a 2,000-word title are opened at a phone's size (390×844)
and a desktop's (1280×800): no horizontal overflow, every story title on screen when
scrolled to. Screenshots go to the folder in BRIEF_SCREENSHOTS, or
to `browser-screenshots/` in the test run's temp folder (printed with `-rA`). Without
chromium or chromedriver the tests skip with one line saying what is missing; with
BRIEF_REQUIRE_BROWSER=1 (as `.ci/run` sets) that line fails them instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, SHARED, run_brief

from translator.batch.driver import BatchSettings, run_batch
from translator.output.digest import DigestEntry
from translator.output.html import digest_html
from translator.output.stories import make_stories
from translator.summary.compose import BriefOptions

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FR_STORIES = SHARED / "corpus" / "fr-stories"
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).is_file():
            return f"no {path}: apt-get install -y {package}"
    return None


MISSING = _missing()
# CI sets BRIEF_REQUIRE_BROWSER=1: there a missing browser fails each test (same one line)
# rather than skipping it, so a run with no browser test in it cannot pass.
REQUIRED = os.environ.get("BRIEF_REQUIRE_BROWSER", "") not in ("", "0")


@pytest.fixture(scope="session", autouse=True)  # before the model is built or chromium started
def _need_a_browser() -> None:
    if MISSING is None:
        return
    reason = f"browser tests need chromium: {MISSING}"
    if REQUIRED:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("BRIEF_SCREENSHOTS") or tmp_path_factory.mktemp("browser-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='brief-chromium-')}"):
        options.add_argument(flag)
    # A fixed driver path: selenium never downloads one.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def check_page(browser, page: Path, name: str, shots: Path) -> None:
    """At each size: no horizontal overflow, every story title visible once scrolled to; screenshots."""
    for size, (width, height) in SIZES.items():
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        browser.get(page.resolve().as_uri())
        overflow = browser.execute_script(
            "const d = document.documentElement;"
            "const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > d.clientWidth + 1);"
            "return [d.scrollWidth, d.clientWidth, wide.slice(0, 3).map(e => e.tagName + '.' + e.className)];")
        assert overflow[0] <= overflow[1], f"{name} at {size}: page {overflow[0]}px wide in {overflow[1]}px: {overflow[2]}"
        browser.save_screenshot(str(shots / f"{name}-{size}.png"))
        titles = browser.find_elements("css selector", "article.story h2")
        assert titles, f"{name}: no story in the page"
        for title in titles:
            browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", title)
            box = browser.execute_script(
                "const r = arguments[0].getBoundingClientRect();"
                "const s = getComputedStyle(arguments[0]);"
                "return [r.left, r.right, r.top, r.height, s.visibility, s.display, parseFloat(s.fontSize)];", title)
            left, right, top, height, visibility, display, font = box
            assert title.is_displayed() and visibility == "visible" and display != "none", title.text[:60]
            assert 0 <= left and right <= width and height > 0 and font >= 16, (size, title.text[:60], box)


def test_examples_digest_reads_on_a_phone_and_a_desktop(browser, shots: Path, tmp_path: Path,
                                                         installed_model: Path) -> None:
    paths = sorted((EXAMPLES / "articles").glob("*.txt")) + sorted((EXAMPLES / "html").glob("*.html"))
    settings = BatchSettings(options=BriefOptions(sentences=3, quotes=3), cache_dir=tmp_path / "cache")
    report = run_batch(paths, tmp_path / "out", settings)  # the tiny genuine Argos model
    assert len(report.done) == len(paths)
    check_page(browser, tmp_path / "out" / "digest.html", "examples", shots)


def test_a_two_thousand_word_title_does_not_overflow(browser, shots: Path, tmp_path: Path) -> None:
    title = " ".join(["Anticonstitutionnellement"] * 1000 + ["https://exemple.fr/" + "x" * 300] * 1000)
    entry = DigestEntry("in/long.txt", "long.md", title, None, ["A sentence."], [], title, ["Une phrase."], None)
    page = tmp_path / "digest.html"
    page.write_text(digest_html(make_stories([entry]), []), encoding="utf-8")
    check_page(browser, page, "long-title", shots)


@pytest.mark.skipif(not FR_STORIES.is_dir(), reason=f"no {FR_STORIES} (the shared fr-stories corpus)")
def test_fr_stories_digest_reads_on_a_phone_and_a_desktop(browser, shots: Path, tmp_path: Path,
                                                           installed_model: Path) -> None:
    pages = sorted(FR_STORIES.glob("*.txt"))
    out = tmp_path / "out"
    result = run_brief("batch", str(FR_STORIES), "-o", str(out),  # the tiny genuine Argos model
                       env={"BRIEF_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert f"{len(pages)} done" in result.stderr.decode()
    check_page(browser, out / "digest.html", "stories", shots)
