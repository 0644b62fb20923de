"""Speakers on wire copy nobody tuned for: OrangeSum articles with annotated quotations.

    python benchmarks/orangesum_speakers.py                 # all four samples
    python benchmarks/orangesum_speakers.py --sample 1 --part used --verbose   # the misses rules may be written from
    python benchmarks/orangesum_speakers.py --sample 2 --verbose               # those too

`benchmarks/data/orangesum-speakers.json` (see its README) holds four samples of 96
articles each from `../shared/corpus/orangesum/documents.txt`. Sample 1 is split as
`benchmarks/quality.py` splits fr-news (every third article set aside): rules may be
written from the misses of its used part. Sample 2 was held out whole until a rule that
sample 1 favoured lost on it (2026-12-01); its misses have been read since, so rules
may be written from it too. Samples 3 and 4 are held out whole: their misses are never
read. Sample 4's totals say whether a rule written from samples 1 and 2 generalises (a
rule may be kept or dropped on them); sample 3's are read only to report where a round
of rules ends, never to choose a rule.

Each article is one line of the dataset with its paragraphs glued together
("domestique.Consternant"). The paragraph breaks are put back where a sentence's end
runs straight into a capital, so that speaker finding sees paragraphs as on a page; the
pages then go through `quality.py` (same matching rules). Quotations the annotator
marked unsure are not scored. Only quotes and speakers are annotated, so the other
columns are empty.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "orangesum"
ANNOTATIONS = HERE / "data" / "orangesum-speakers.json"

# "…domestique.Consternant", "…tenir\"François", "…d'eau\"\"La": a sentence's end glued to the next paragraph.
_END_THEN_CAPITAL = re.compile(r'(?<=[a-zà-ÿ0-9)][.!?…])(?="?[A-ZÀ-Ý«])')
_QUOTE_THEN_CAPITAL = re.compile(r'(?:(?<=[a-zà-ÿ]")|(?<=[a-zà-ÿ][.!?…]"))(?="?[A-ZÀ-Ý])')


def with_paragraphs(line: str) -> str:
    """An OrangeSum article with its paragraph breaks put back. A straight quote mark
    after a sentence's end opens the next paragraph only when it opens a quotation (an
    even number of marks before it); a closing one stays with its sentence."""

    def cut(match: re.Match) -> str:
        opening = line[match.end():].startswith('"') and line.count('"', 0, match.end()) % 2 == 0
        return "\n\n" if opening or not line[match.end():].startswith('"') else ""

    text = _END_THEN_CAPITAL.sub(cut, line)
    return _QUOTE_THEN_CAPITAL.sub("\n\n", text).strip() + "\n"


def write_pages(corpus: Path, folder: Path, sample: int) -> int:
    """The annotated articles of one sample as pages in `folder`, with an annotations.json
    for quality.py."""
    lines = (corpus / "documents.txt").read_text(encoding="utf-8").splitlines()
    entries = []
    for entry in json.loads(ANNOTATIONS.read_text(encoding="utf-8")):
        if entry["sample"] != sample:
            continue
        name = f"orangesum-{entry['line']:03d}.txt"
        (folder / name).write_text(with_paragraphs(lines[entry["line"]]), encoding="utf-8")
        quotes = [{"text_start": q["text_start"], "speaker": q["speaker"]} for q in entry["quotes"] if not q.get("unsure")]
        entries.append({"file": name, "title": None, "quotes": quotes})
    (folder / "annotations.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the orangesum folder")
    parser.add_argument("--sample", type=int, choices=(1, 2, 3, 4), help="one sample only (default: all)")
    parser.add_argument("--verbose", action="store_true", help="list each miss (sample 1's used part and sample 2 only)")
    parser.add_argument("--part", choices=("used", "aside"), help="sample 1: only the articles used, or only those set aside")
    args = parser.parse_args(argv)
    if not (args.corpus / "documents.txt").is_file():
        print(f"{args.corpus}: no documents.txt here", file=sys.stderr)
        return 1
    if args.verbose and not (args.sample == 1 and args.part == "used" or args.sample == 2):
        print("--verbose lists misses to write rules from: only with --sample 1 --part used, or --sample 2", file=sys.stderr)
        return 2
    from quality import main as score

    for sample in (args.sample,) if args.sample else (1, 2, 3, 4):
        print(f"sample {sample}" + (" (split: used / set aside)" if sample == 1 else " (held out whole)"))
        with tempfile.TemporaryDirectory(prefix="orangesum-speakers-") as folder:
            write_pages(args.corpus, Path(folder), sample)
            options = ["--split"] if sample == 1 else []
            options += [*(["--verbose"] if args.verbose else []), *(["--part", args.part] if args.part and sample == 1 else [])]
            status = score([folder, *options])
            if status:
                return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
