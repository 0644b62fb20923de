"""Score the brief's summary against the abstracts that the articles' authors wrote.

    python benchmarks/summary.py ../shared/corpus/orangesum
    python benchmarks/summary.py FOLDER --limit 299          # the first 299 articles only
    python benchmarks/summary.py FOLDER --json               # figures as JSON

FOLDER is in the orangesum format: `documents.txt` (one article a line) and
`abstracts.txt` (the reference abstract of the same line); `barthez.txt` and
`mbarthez.txt`, when present, are a neural system's abstracts, scored as anchors.
The orangesum data is from the OrangeSum dataset (Kamal Eddine, Tixier and
Vazirgiannis, BARThez, EMNLP 2021), CC BY-SA 4.0, © the dataset's authors.

Each article goes through `translator.pipeline.prepare_text` (read, clean, quotes,
speakers, sentences) and the brief's French-side selection (`summary.rank.rank` on the
French sentences, then `summary.compose.choose`): the same choice `brief` makes, with no
translation model. Rows:

LEAD-k          the article's first k sentences (the brief's splitter on the text as given);
                "LEAD-k, k of brief default": as many as the default brief has, article by article
METHOD-k        sumy's METHOD alone: its k best sentences, in reading order
brief-k         the brief's summary with `--sentences k --words 0` (no word budget); a short
                lead that the brief shows as its title (no headline) is read with it
brief default   the brief at its default settings (`--sentences`, `--words`)
brief -n 3 --words N  the brief with three sentences at most and a word budget

ROUGE-1, -2 and -L are F1 scores (rouge-score, Google's ROUGE-1.5.5 port) on lower-cased
Unicode word tokens (accents kept, no stemming); words = the summary's tokens on average.
An article that cleaning loses ("no article text left") scores 0 for the brief rows and
is counted. The articles are cut in two fixed parts, every third one (index 2, 5, 8, …,
0-based) set aside: rules are tuned on the other part and checked on this one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from translator.errors import BriefError  # noqa: E402
from translator.french.sentences import split_sentences  # noqa: E402
from translator.pipeline import prepare_text  # noqa: E402
from translator.summary.compose import BriefOptions, choose  # noqa: E402
from translator.summary.rank import METHODS, rank  # noqa: E402

_TOKEN = re.compile(r"\w+")
ASIDE_EVERY = 3  # index % 3 == 2 is set aside
SIZES = (1, 2, 3)
LEAD_MATCHED = "LEAD-k, k of brief default"


class FrenchTokenizer:
    """rouge-score's tokenizer interface: lower-cased Unicode words, accents kept."""

    def tokenize(self, text: str) -> list[str]:
        return _TOKEN.findall(text.lower())


@dataclass
class Scores:
    rouge1: float = 0.0
    rouge2: float = 0.0
    rougeL: float = 0.0
    words: float = 0.0
    count: int = 0

    def add(self, other: "Scores") -> None:
        for name in ("rouge1", "rouge2", "rougeL", "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.count += other.count

    def mean(self) -> dict[str, float]:
        n = max(self.count, 1)
        return {
            "rouge1": 100 * self.rouge1 / n,
            "rouge2": 100 * self.rouge2 / n,
            "rougeL": 100 * self.rougeL / n,
            "words": self.words / n,
            "articles": self.count,
        }


@lru_cache(maxsize=1)
def _scorer():
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError:
        sys.exit("summary.py: error: rouge-score is not installed (pip install -e '.[test]')")
    return RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False, tokenizer=FrenchTokenizer())


def score(scorer, summary: str, reference: str) -> Scores:
    words = len(FrenchTokenizer().tokenize(summary))
    if not words:
        return Scores(count=1)
    result = scorer.score(reference, summary)
    return Scores(result["rouge1"].fmeasure, result["rouge2"].fmeasure, result["rougeL"].fmeasure, words, 1)


def brief_rows(text: str, words_budgets: list[int]) -> tuple[dict[str, str], int] | None:
    """The brief's summaries of one article (French), by row name, and the number of
    sentences of the default one; None when cleaning loses the article."""
    try:
        prepared = prepare_text(text, "article.txt")
    except BriefError:
        return None
    segments = prepared.segments
    defaults = BriefOptions()
    # The French-side selection: rank the French sentences, then choose.
    ranking = rank([s.text for s in segments], defaults.method, "french")
    by_index = {s.index: s.text for s in segments}

    def summary(options: BriefOptions) -> list[str]:
        choice = choose(prepared.article, segments, prepared.quotes, ranking, options)
        # A short lead on a page without a headline is the brief's title: it is read all the same.
        shown = sorted({*choice.summary, choice.lead} if choice.lead_is_title else choice.summary)
        return [by_index[i] for i in shown]

    rows = {f"brief-{k}": " ".join(summary(_options(defaults, sentences=k, words=0))) for k in SIZES}
    default = summary(defaults)
    rows["brief default"] = " ".join(default)
    for budget in words_budgets:
        rows[f"brief -n 3 --words {budget}"] = " ".join(summary(_options(defaults, sentences=3, words=budget)))
    for method in METHODS:
        order = rank([s.text for s in segments], method, "french")
        for k in SIZES:
            rows[f"{method}-{k}"] = " ".join(by_index[segments[i].index] for i in sorted(order[:k]))
    return rows, len(default)


def _options(defaults: BriefOptions, **changes) -> BriefOptions:
    from dataclasses import replace

    # BriefOptions may not have a word budget (older revisions): drop what it lacks.
    fields = set(defaults.__dataclass_fields__)
    return replace(defaults, **{k: v for k, v in changes.items() if k in fields})


def lead(text: str, k: int) -> str:
    return " ".join(split_sentences(text)[:k])


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def score_article(args: tuple[int, str, str, dict[str, str], list[int]]) -> tuple[int, dict[str, Scores] | None]:
    """Every row's scores for one article; None for the brief rows when cleaning loses it."""
    index, text, reference, anchors, words_budgets = args
    scorer = _scorer()
    rows = {f"LEAD-{k}": lead(text, k) for k in SIZES}
    briefs = brief_rows(text, words_budgets)
    if briefs is not None:
        rows.update(briefs[0])
        # LEAD-k with k = the number of sentences of the brief's default summary.
        rows[LEAD_MATCHED] = lead(text, briefs[1])
    rows.update(anchors)
    rows["reference"] = reference
    return index, ({name: score(scorer, summary, reference) for name, summary in rows.items()}, briefs is not None)


def run(folder: Path, limit: int | None, words_budgets: list[int], jobs: int) -> tuple[dict, dict]:
    documents = _lines(folder / "documents.txt")
    abstracts = _lines(folder / "abstracts.txt")
    anchors = {name: _lines(folder / f"{name}.txt") for name in ("barthez", "mbarthez") if (folder / f"{name}.txt").exists()}
    count = min(len(documents), len(abstracts), limit or len(documents))
    tasks = [
        (i, documents[i].strip(), abstracts[i].strip(), {n: lines[i] for n, lines in anchors.items() if i < len(lines)}, words_budgets)
        for i in range(count)
        if documents[i].strip() and abstracts[i].strip()
    ]
    if jobs > 1:
        from multiprocessing import get_context

        with get_context("spawn").Pool(jobs) as pool:
            scored = pool.map(score_article, tasks, chunksize=8)
    else:
        scored = [score_article(task) for task in tasks]
    totals: dict[str, dict[str, Scores]] = {part: defaultdict(Scores) for part in ("all", "tune", "aside")}
    lost: dict[str, list[int]] = {"all": [], "tune": [], "aside": []}
    brief_names = sorted({name for _, (rows, kept) in scored if kept for name in rows})
    for index, (rows, kept) in scored:
        part = "aside" if index % ASIDE_EVERY == ASIDE_EVERY - 1 else "tune"
        if not kept:
            lost["all"].append(index)
            lost[part].append(index)
            # A lost article has no summary: every brief row scores 0 for it.
            rows = {**{name: Scores(count=1) for name in brief_names}, **rows}
        for name, result in rows.items():
            totals["all"][name].add(result)
            totals[part][name].add(result)
    return {part: {name: s.mean() for name, s in rows.items()} for part, rows in totals.items()}, lost


def _order(names: list[str]) -> list[str]:
    def key(name: str) -> tuple[int, str]:
        if name.startswith("LEAD"):
            return (0, name)
        if name.startswith("brief"):
            return (1, name)
        if name.split("-")[0] in METHODS:
            return (2, name)
        return (3, name)

    return sorted(names, key=key)


def print_table(results: dict, lost: dict, seconds: float) -> None:
    names = _order(list(results["all"]))
    print(f"| summary | all R-1 | R-2 | R-L | words | aside R-1 | R-2 | R-L | words |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        cells = []
        for part in ("all", "aside"):
            m = results[part].get(name)
            cells += ["–"] * 4 if m is None else [f"{m['rouge1']:.1f}", f"{m['rouge2']:.1f}", f"{m['rougeL']:.1f}", f"{m['words']:.0f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    n_all = results["all"]["reference"]["articles"]
    n_aside = results["aside"]["reference"]["articles"] if "reference" in results["aside"] else 0
    print(f"\n{n_all} articles ({n_aside} set aside: every third); lost to cleaning: {len(lost['all'])}"
          f" ({len(lost['aside'])} set aside){': ' + ', '.join(map(str, lost['all'])) if lost['all'] else ''}")
    print(f"{seconds:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=HERE.parent.parent / "shared" / "corpus" / "orangesum")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--words", type=int, nargs="*", default=[50, 60, 70], help="word budgets to score (with -n 3)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (each loads spaCy once)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    for name in ("documents.txt", "abstracts.txt"):
        if not (args.folder / name).is_file():
            print(f"summary.py: error: {args.folder / name}: no such file", file=sys.stderr)
            return 2
    started = time.perf_counter()
    results, lost = run(args.folder, args.limit, args.words, args.jobs)
    if args.json:
        print(json.dumps({"results": results, "lost": lost}, indent=2))
    else:
        print_table(results, lost, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
