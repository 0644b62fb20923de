"""Benchmark: does saying court terms in plain French (glossary.py) give better English?

    python benchmarks/glossary_ab.py make DIR [--count 80] [--skip EARLIER_DIR]  # a blind sheet and its key
    python benchmarks/glossary_ab.py score DIR               # after DIR/judgements.txt is written

No reference English exists for the sentences these terms live in (NTREX has none), so the
two translations are compared blind. `make` takes the OrangeSum sentences the glossary
rewrites (../shared/corpus/orangesum/documents.txt, a fixed random sample), translates each
with the real model as written and as rewritten, and writes `DIR/sheet.md`: the French and
the two English versions as A and B, in an order drawn at random per sentence, so a judge
cannot tell which is which; `DIR/key.json` says which is which. The judge (a person, or a
helper who reads only the sheet) writes `DIR/judgements.txt`: one line per sentence,
"N A", "N B" or "N =" (which English renders the French better, or neither). `score`
prints how often the rewrite won, lost or tied.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translator.french.sentences import split_sentences  # noqa: E402
from translator.translation.glossary import plain_french  # noqa: E402

DOCUMENTS = ROOT.parent / "shared" / "corpus" / "orangesum" / "documents.txt"
SEED = 19


def rewritten_sentences() -> list[str]:
    """Every OrangeSum sentence the glossary changes, in corpus order, once each."""
    seen: set[str] = set()
    found = []
    for line in DOCUMENTS.read_text(encoding="utf-8").splitlines():
        for sentence in split_sentences(line):
            if sentence not in seen and plain_french(sentence) != sentence and len(sentence.split()) <= 60:
                seen.add(sentence)
                found.append(sentence)
    return found


def make(folder: Path, count: int, skip: Path | None) -> None:
    from translator.translation.engine import ArgosTranslator, find_package

    sentences = rewritten_sentences()
    if skip is not None:  # a fresh sample: none of the sentences an earlier sheet showed
        shown = set(re.findall(r"^FR: (.*)$", (skip / "sheet.md").read_text(encoding="utf-8"), re.MULTILINE))
        sentences = [s for s in sentences if s not in shown]
    rng = random.Random(SEED)
    sample = sorted(rng.sample(range(len(sentences)), min(count, len(sentences))))
    chosen = [sentences[k] for k in sample]
    translator = ArgosTranslator(find_package())
    # _translate_pieces is the model call itself: the same decoding, no rewriting.
    as_written = [english for english, _ in translator._translate_pieces(chosen)]
    rewritten = [english for english, _ in translator._translate_pieces([plain_french(s) for s in chosen])]
    folder.mkdir(parents=True, exist_ok=True)
    key, lines = {}, ["# Which English renders the French better?", ""]
    for number, (french, old, new) in enumerate(zip(chosen, as_written, rewritten, strict=True), 1):
        new_is_a = rng.random() < 0.5
        key[str(number)] = "A" if new_is_a else "B"
        first, second = (new, old) if new_is_a else (old, new)
        lines += [f"## {number}", f"FR: {french}", f"A: {first}", f"B: {second}", ""]
    (folder / "sheet.md").write_text("\n".join(lines), encoding="utf-8")
    (folder / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    same = sum(old == new for old, new in zip(as_written, rewritten, strict=True))
    print(f"{len(sentences)} OrangeSum sentences rewritten (not on an earlier sheet); {len(chosen)} on the sheet ({same} with the same English)")


def score(folder: Path) -> None:
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    won = lost = tied = 0
    for line in (folder / "judgements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*(\d+)\s+([AB=])\s*$", line)
        if not match or match.group(1) not in key:
            continue
        verdict = match.group(2)
        if verdict == "=":
            tied += 1
        elif verdict == key[match.group(1)]:
            won += 1
        else:
            lost += 1
    judged = won + lost + tied
    print(f"{judged} of {len(key)} judged: plain French better {won}, as written better {lost}, neither {tied}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["make", "score"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=80, help="sentences on the sheet")
    parser.add_argument("--skip", type=Path, help="leave out the sentences on this earlier sheet")
    args = parser.parse_args()
    make(args.folder, args.count, args.skip) if args.action == "make" else score(args.folder)


if __name__ == "__main__":
    main()
