"""benchmarks/quality.py on ../shared/corpus/fr-news must not score below today's figures.

The pages are split in two parts by their place in annotations.json: the first 24, on
which the cleaning and speaker rules were written, and the pages added since. Each part
has its own floors, at the figures measured today, so a change that loses one body line,
one furniture line, one quotation, speaker, title or date on either part fails. Skipped
when the corpus is absent.
"""

from __future__ import annotations

import sys

import pytest
from conftest import PROJECT, SHARED

FR_NEWS = SHARED / "corpus" / "fr-news"
WRITTEN_ON = 24  # annotations.json entries 0-23: the pages the rules were developed on

# Today's figures (right answers per measure). Raise them when the figures improve; never
# lower one to let a change through. Each is also printed by `benchmarks/quality.py`.
QUALITY_FLOORS = {
    "written on": {"body": 48, "furniture": 89, "quotes": 48, "speakers": 47, "title": 16, "date": 24},
    "added since": {"body": 89, "furniture": 90, "quotes": 97, "speakers": 90, "title": 29, "date": 44},
}


@pytest.fixture(scope="module")
def scores():
    if not (FR_NEWS / "annotations.json").exists():
        pytest.skip(f"fr-news not present: {FR_NEWS}")
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    import quality

    pages, _ = quality.score_folder(FR_NEWS)
    parts = {"written on": pages[:WRITTEN_ON], "added since": pages[WRITTEN_ON:]}
    return {part: {m: sum(p.counts[m][0] for p in chosen) for m in quality.MEASURES} for part, chosen in parts.items()}


@pytest.mark.parametrize("part", QUALITY_FLOORS)
def test_real_pages_score_at_least_todays_figures(scores, part: str) -> None:
    below = {m: f"{scores[part][m]} < {floor}" for m, floor in QUALITY_FLOORS[part].items() if scores[part][m] < floor}
    assert not below, f"fr-news, pages {part}: {below}"
