"""Speakers on wire copy nobody tuned for: OrangeSum articles with annotated quotations.

    python benchmarks/orangesum_speakers.py                 # quotes and speakers, used / set aside
    python benchmarks/orangesum_speakers.py --part used --verbose   # the misses rules may be written from

The 96 articles of `benchmarks/data/orangesum-speakers.json` (see its README) are taken
from `../shared/corpus/orangesum/documents.txt`, where each article is one line with its
paragraphs glued together ("domestique.Consternant"). The paragraph breaks are put back
where a sentence's end runs straight into a capital, so that speaker finding sees
paragraphs as on a page; the pages then go through `benchmarks/quality.py` (same split:
every third article set aside; same matching rules). Quotations the annotator marked
unsure are not scored. Only quotes and speakers are annotated, so the other columns are
empty.
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

# "…domestique.Consternant", "…tenir\"François": a sentence's end glued to the next paragraph.
_END_THEN_CAPITAL = re.compile(r'(?<=[a-zà-ÿ0-9)][.!?…])(?="?[A-ZÀ-Ý«])')
_QUOTE_THEN_CAPITAL = re.compile(r'(?:(?<=[a-zà-ÿ]")|(?<=[a-zà-ÿ][.!?…]"))(?=[A-ZÀ-Ý])')


def with_paragraphs(line: str) -> str:
    """An OrangeSum article with its paragraph breaks put back."""
    return _QUOTE_THEN_CAPITAL.sub("\n\n", _END_THEN_CAPITAL.sub("\n\n", line)).strip() + "\n"


def write_pages(corpus: Path, folder: Path) -> int:
    """The annotated articles as pages in `folder`, with an annotations.json for quality.py."""
    lines = (corpus / "documents.txt").read_text(encoding="utf-8").splitlines()
    entries = []
    for entry in json.loads(ANNOTATIONS.read_text(encoding="utf-8")):
        name = f"orangesum-{entry['line']:03d}.txt"
        (folder / name).write_text(with_paragraphs(lines[entry["line"]]), encoding="utf-8")
        quotes = [{"text_start": q["text_start"], "speaker": q["speaker"]} for q in entry["quotes"] if not q.get("unsure")]
        entries.append({"file": name, "title": None, "quotes": quotes})
    (folder / "annotations.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the orangesum folder")
    parser.add_argument("--verbose", action="store_true", help="list each miss")
    parser.add_argument("--part", choices=("used", "aside"), help="only the articles used, or only those set aside")
    args = parser.parse_args(argv)
    if not (args.corpus / "documents.txt").is_file():
        print(f"{args.corpus}: no documents.txt here", file=sys.stderr)
        return 1
    from quality import main as score

    with tempfile.TemporaryDirectory(prefix="orangesum-speakers-") as folder:
        write_pages(args.corpus, Path(folder))
        options = ["--split", *(["--verbose"] if args.verbose else []), *(["--part", args.part] if args.part else [])]
        return score([folder, *options]) or 0


if __name__ == "__main__":
    sys.exit(main())
