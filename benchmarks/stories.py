"""Story grouping measured against an expected grouping, and timed at scale.

    python benchmarks/stories.py ../shared/corpus/fr-stories            # B-cubed and pairwise P/R/F1
    python benchmarks/stories.py ../shared/corpus/fr-stories --verbose  # and every group found
    python benchmarks/stories.py ../shared/corpus/fr-stories --apart ../shared/corpus/fr-news
    python benchmarks/stories.py ../shared/corpus/fr-stories --scale 2000
    python benchmarks/stories.py ../shared/corpus/fr-stories --sweep    # the threshold's margin

FOLDER holds pages and `stories.json` (a list of {"story", "files"}). `--apart FOLDER`
groups pages that are all different stories (every file its own story): any merge there
is a false one. `--scale N` repeats the pages with variations (sentences shuffled,
numbers changed, a word dropped in ten) up to N articles and times the grouping alone
(the pages are cleaned first, as a batch does), against the baseline of the same run
reading the features only, and prints peak memory for N/4, N/2 and N to show its growth.
The first grouping of FOLDER is timed with its imports (scikit-learn, SciPy, PyStemmer):
what a batch pays once.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translator.french.clean import clean_document  # noqa: E402
from translator.french.reader import read_document  # noqa: E402
from translator.grouping import THRESHOLD, StoryText, features, group_stories  # noqa: E402


def load(folder: Path, expected: bool = True) -> tuple[list[str], list[StoryText], dict[str, str]]:
    """The pages (file order), their French side, and each file's expected story."""
    if expected:
        stories = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
        label = {name: story["story"] for story in stories for name in story["files"]}
    else:
        label = {path.name: path.name for path in folder.glob("*.txt")}
    names = sorted(label)
    texts = []
    for name in names:
        article = clean_document(read_document(folder / name))
        texts.append(StoryText(article.title, article.paragraphs, article.date))
    return names, texts, label


def scores(found: list[list[int]], truth: list[str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 (per item, averaged) and pairwise precision/recall/F1."""
    cluster = {item: number for number, group in enumerate(found) for item in group}
    items = range(len(truth))
    precision = recall = 0.0
    for item in items:
        same_found = {other for other in items if cluster[other] == cluster[item]}
        same_truth = {other for other in items if truth[other] == truth[item]}
        both = len(same_found & same_truth)
        precision += both / len(same_found)
        recall += both / len(same_truth)
    precision /= len(truth)
    recall /= len(truth)
    pairs_found = {(a, b) for a, b in combinations(items, 2) if cluster[a] == cluster[b]}
    pairs_truth = {(a, b) for a, b in combinations(items, 2) if truth[a] == truth[b]}
    hit = len(pairs_found & pairs_truth)
    pair_p = hit / len(pairs_found) if pairs_found else 1.0
    pair_r = hit / len(pairs_truth) if pairs_truth else 1.0
    return {
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "bcubed_f1": 2 * precision * recall / (precision + recall),
        "pairwise_precision": pair_p,
        "pairwise_recall": pair_r,
        "pairwise_f1": 2 * pair_p * pair_r / (pair_p + pair_r) if pair_p + pair_r else 0.0,
        "pairs_found": len(pairs_found),
        "pairs_expected": len(pairs_truth),
    }


def variation(text: StoryText, rng: random.Random) -> StoryText:
    """A look-alike of a page: its paragraphs shuffled, numbers moved, a word in ten dropped."""
    paragraphs = list(text.paragraphs)
    rng.shuffle(paragraphs)
    changed = []
    for paragraph in paragraphs:
        words = [w for w in paragraph.split() if rng.random() > 0.1]
        words = [str(int(w) + rng.randint(1, 9)) if w.isdigit() else w for w in words]
        changed.append(" ".join(words))
    return StoryText(text.title, changed, text.date)


def scale(texts: list[StoryText], total: int) -> None:
    rng = random.Random(16)
    print(f"grouping at scale (threshold {THRESHOLD}):")
    print("| articles | features only s | grouping s | grouping CPU s | groups | peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (total // 4, total // 2, total):
        batch = [texts[i % len(texts)] if i < len(texts) else variation(texts[i % len(texts)], rng) for i in range(size)]
        started = time.perf_counter()
        for text in batch:
            features(text)
        baseline = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        groups = group_stories(batch)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        tracemalloc.start()  # a second run, as tracing slows it down
        group_stories(batch)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"| {size} | {baseline:.2f} | {seconds:.2f} | {cpu:.2f} | {len(groups)} | {peak:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--apart", type=Path, action="append", default=[],
                        help="a folder of pages that are all different stories (repeatable)")
    parser.add_argument("--scale", type=int, default=0, help="also time grouping this many articles")
    parser.add_argument("--sweep", action="store_true", help="scores over a range of thresholds")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    names, texts, label = load(args.folder)
    truth = [label[name] for name in names]
    started = time.perf_counter()
    found = group_stories(texts)
    seconds = time.perf_counter() - started
    result = {"folder": str(args.folder), "threshold": THRESHOLD, "articles": len(names), "stories": len(found),
              "seconds (imports included)": round(seconds, 3), **scores(found, truth)}
    apart = scores([[i] for i in range(len(names))], truth)
    result["baseline: one story per article"] = {k: round(v, 3) for k, v in apart.items() if k.startswith("bcubed")}
    for folder in args.apart:
        apart_names, apart_texts, _ = load(folder, expected=False)
        merged = [[apart_names[i] for i in group] for group in group_stories(apart_texts) if len(group) > 1]
        result[f"merged in {folder}"] = {"pages": len(apart_names), "false_groups": merged}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")
    if args.verbose:
        for group in found:
            print(" + ".join(f"{names[i]} [{truth[i]}]" for i in group))
    if args.sweep:
        print("| threshold | B-cubed P | B-cubed R | B-cubed F1 | pairwise P | pairwise R |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for step in range(14, 40, 2):
            value = step / 100
            s = scores(group_stories(texts, value), truth)
            print(f"| {value:.2f} | {s['bcubed_precision']:.3f} | {s['bcubed_recall']:.3f} | {s['bcubed_f1']:.3f}"
                  f" | {s['pairwise_precision']:.3f} | {s['pairwise_recall']:.3f} |")
    if args.scale:
        scale(texts, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
