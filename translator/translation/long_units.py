"""Units the model handles badly: several sentences, elision marks, or over the bound.

Argos models are trained on sentences. Given two, the fr→en model merges them with ", and"
or drops one (« … s'est passé ! … La victoire est en marche. Nous allons … » lost its
third sentence); on 200 pairs of NTREX sentences, each pair as one unit scored chrF 45.36
/ BLEU 13.84 against 47.88 / 15.24 sentence by sentence (`benchmarks/translation.py
--limit 400 --no-argos`, "two sentences as one unit"). So a unit is
translated sentence by sentence (argostranslate's own `translate()` splits sentences too),
and the English sentences are joined with a space. An elision mark ("[…]", "(...)") is
never sent: the model turns it into a run of dots; it is cut out and put back as written.

A 400-clause run-on "sentence" (a scraped list or table) comes back with most of it
silently missing. So a sentence over the bound is cut into pieces (at ; then : then ,
then dashes, then spaces) that each fit, and a piece whose translation came back cut
short (at the decoding limit, or far shorter than the piece: see engine._cut_short) is
cut smaller and translated again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from translator.french.sentences import split_sentences
from translator.translation.glossary import plain_french

# Measured with the real fr→en model: NTREX sentences joined with commas into one unit of
# N tokens, English words of the whole against the sentences translated apart (worst of
# 6–8 units): 50 tokens 0.93, 100 tokens 0.79–0.88, 125 tokens 0.12, 150 tokens 0.58,
# 200 tokens 0.37 (mean 0.55). Past ~100 tokens whole clauses start to vanish; on a
# 400-item list, pieces of 100 tokens still lost 16 items, of 70 or 50 tokens 2.
MAX_UNIT_TOKENS = 64
# Pieces are not cut below this many tokens when a translation is redone.
MIN_PIECE_TOKENS = 8

# Cut points, strongest first: after the mark, where a space follows (so "3,5" stays whole).
_CUTS = [re.compile(rf"(?<=[{marks}])\s+") for marks in (";", ":", ",", "—–")] + [re.compile(r"\s+")]

# How units are cut into pieces: part of the cache key, since another cut gives other English.
PIECES_VERSION = "sentences"
# "[…]", "[...]", "(…)", "(...)": what a quotation leaves out, kept as written.
_ELISION = re.compile(r"\s*([\[(](?:\.\.\.|…)[\])])\s*")

CountTokens = Callable[[str], int]
# Translates pieces; for each, the English and whether it came back cut short.
TranslatePieces = Callable[[list[str]], list[tuple[str, bool]]]


def split_long(text: str, count_tokens: CountTokens, bound: int = MAX_UNIT_TOKENS) -> list[str]:
    """`text` as pieces of at most `bound` tokens, cut at the strongest boundaries that suffice."""
    if count_tokens(text) <= bound:
        return [text]
    for cut in _CUTS:
        parts = [part for part in cut.split(text) if part]
        if len(parts) > 1:
            return [piece for group in _group(parts, count_tokens, bound) for piece in split_long(group, count_tokens, bound)]
    middle = len(text) // 2  # one unbroken "word" longer than the bound
    return split_long(text[:middle], count_tokens, bound) + split_long(text[middle:], count_tokens, bound)


def _group(parts: list[str], count_tokens: CountTokens, bound: int) -> list[str]:
    """Join neighbouring parts back together while they fit, so pieces stay as long as allowed."""
    groups: list[str] = []
    current, size = "", 0
    for part in parts:
        tokens = count_tokens(part)
        if current and size + tokens > bound:
            groups.append(current)
            current, size = "", 0
        current = f"{current} {part}" if current else part
        size += tokens
    groups.append(current)
    return groups


def plan_pieces(text: str, count_tokens: CountTokens, bound: int = MAX_UNIT_TOKENS) -> list[tuple[str, bool]]:
    """The pieces `text` is translated in, each with whether the model translates it: its
    sentences, with the court terms the model does not know said plainly (glossary.py), cut
    further when over `bound`; elision marks are kept as written."""
    plan: list[tuple[str, bool]] = []
    for k, chunk in enumerate(_ELISION.split(text)):
        if k % 2:
            plan.append((chunk, False))
            continue
        for sentence in split_sentences(chunk) if chunk.strip() else []:
            plan += [(piece, True) for piece in split_long(plain_french(sentence), count_tokens, bound)]
    return plan


def translate_in_pieces(
    texts: Sequence[str], translate: TranslatePieces, count_tokens: CountTokens, bound: int = MAX_UNIT_TOKENS
) -> list[str]:
    """Translate `texts` in the pieces `plan_pieces` makes, redoing pieces that were cut short."""
    plans = [plan_pieces(text, count_tokens, bound) for text in texts]
    sent = [piece for plan in plans for piece, model in plan if model]
    english = iter(_translate_checked(sent, translate, count_tokens))
    return [" ".join(next(english) if model else piece for piece, model in plan) for plan in plans]


def _translate_checked(pieces: list[str], translate: TranslatePieces, count_tokens: CountTokens) -> list[str]:
    if not pieces:
        return []
    results = translate(pieces)
    english = [text for text, _ in results]
    redo: dict[int, list[str]] = {}
    for index, (piece, (_, cut_short)) in enumerate(zip(pieces, results, strict=True)):
        if not cut_short:
            continue
        tokens = count_tokens(piece)
        if tokens >= 2 * MIN_PIECE_TOKENS:
            smaller = split_long(piece, count_tokens, max(MIN_PIECE_TOKENS, tokens // 2))
            if len(smaller) > 1:
                redo[index] = smaller
    if redo:
        again = iter(_translate_checked([p for smaller in redo.values() for p in smaller], translate, count_tokens))
        for index, smaller in redo.items():
            english[index] = " ".join(next(again) for _ in smaller)
    return english
