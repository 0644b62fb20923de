"""Stories across sources: which articles of a batch report the same event.

Decided on the French side (cleaned title and body, the page's date), before any
translation, so it costs nothing on a warm cache and never depends on the model.
Each article becomes two TF-IDF vectors (scikit-learn): its content words, stemmed with
the Snowball French stemmer (PyStemmer; sumy's French stop words out), and its
*specifics*, each counted once: proper names found by their shape (a capitalised word
that does not open a sentence) and numbers of two digits or more ("632 morts", "86 ans",
"2019"). Words say what an article is about; specifics say which event: the same
minister's next announcement shares the name and the topic but not the numbers, places
and other people of the first.

Similarity is the weighted sum of the two cosines. Pages whose dates are more than
`MAX_DAYS_APART` apart count as unrelated (similarity 0). Candidate pairs above
`THRESHOLD` are found by sparse products over blocks of rows (memory grows with the
batch, not its square); each connected set of candidates is then cut by average linkage
(SciPy) at the same threshold, so a chain of look-alikes does not glue two events
together. Same input, same groups.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from translator.document import ArticleDate
from translator.imports import heavy_imports

# The weight of the specifics' cosine (names, numbers); the words' cosine has the rest.
SPECIFICS_WEIGHT = 0.3
# Articles whose combined similarity reaches this are one story (README "Stories").
THRESHOLD = 0.26
# Dated pages further apart than this are different events, however alike.
MAX_DAYS_APART = 7
# Rows per sparse product when looking for candidate pairs.
BLOCK_ROWS = 512
# Changes whenever the way groups are found changes (a saved grouping is then redone).
VERSION = f"1|{SPECIFICS_WEIGHT}|{THRESHOLD}|{MAX_DAYS_APART}"

_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?|\d+")
# French elision ("l'Élysée", "qu'il", "jusqu'à"): the word after the apostrophe is the word.
_ELISION = re.compile(r"\b(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.IGNORECASE)
# The first word of a line or sentence: its capital says nothing about it being a name.
_OPENER = re.compile(r"(?:^|[.!?…:»\"]\s+)\W*([^\W\d_](?:[\w-]*\w)?)", re.MULTILINE)


@dataclass(frozen=True)
class StoryText:
    """What grouping reads of one article: its French title, body paragraphs and date."""

    title: str | None
    paragraphs: Sequence[str]
    date: ArticleDate | None = None


@functools.cache
def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("french"))


@functools.cache
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball French stemmer, in C

    return Stemmer.Stemmer("french", 100_000)


# token → (stem or None for a stop word, name or None): each distinct word is looked at once.
_TOKENS: dict[str, tuple[str | None, str | None]] = {}


def _token(token: str) -> tuple[str | None, str | None]:
    known = _TOKENS.get(token)
    if known is None:
        folded = token.casefold()
        if len(folded) < 3 or folded in _stop_words():
            known = (None, None)
        else:
            known = (_stemmer().stemWord(folded), folded if token[0].isupper() else None)
        if len(_TOKENS) > 1_000_000:
            _TOKENS.clear()
        _TOKENS[token] = known
    return known


def features(text: StoryText) -> tuple[dict[str, int], dict[str, int]]:
    """(stemmed content words with their counts, specifics) of one article."""
    full = _ELISION.sub(" ", "\n".join([text.title or "", *text.paragraphs]))
    counts = Counter(_WORD.findall(full))
    openers = Counter(_OPENER.findall(full))
    words: dict[str, int] = {}
    specifics: dict[str, int] = {}
    for token, count in counts.items():
        if token.isdigit():
            if len(token) >= 2:
                specifics[token] = 1
            continue
        stem, name = _token(token)
        if stem is not None:
            words[stem] = words.get(stem, 0) + count
            # A capitalised word seen at least once inside a sentence is a name.
            if name is not None and count > openers[token]:
                specifics[name] = 1
    return words, specifics


def _counts(docs: Sequence[dict[str, int]]):
    """Documents × terms count matrix (CSR), columns in order of first appearance."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    values: list[int] = []
    pointers = [0]
    for doc in docs:
        indices += [vocabulary.setdefault(term, len(vocabulary)) for term in doc]
        values += doc.values()
        pointers.append(len(indices))
    shape = (len(docs), max(1, len(vocabulary)))
    return csr_matrix((np.array(values, dtype=float), np.array(indices), np.array(pointers)), shape=shape)


def grouping_key(texts: Sequence[StoryText]) -> str:
    """What a grouping depends on: the French of every article, in order, and `VERSION`."""
    data = [[t.title, list(t.paragraphs), t.date and t.date.isoformat()] for t in texts]
    return hashlib.sha256(json.dumps([VERSION, data], ensure_ascii=False).encode()).hexdigest()


def _vectors(texts: Sequence[StoryText]):
    """One row per article: both TF-IDF spaces side by side, scaled so a dot product is the
    weighted sum of the two cosines."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfTransformer

    columns = list(zip(*(features(text) for text in texts)))
    parts = []
    # Words count, damped (1 + log tf); a specific counts once: a place named ten times in
    # one report and once in another is no more telling than once in each.
    for docs, weight in zip(columns, (1 - SPECIFICS_WEIGHT, SPECIFICS_WEIGHT)):
        parts.append(TfidfTransformer(sublinear_tf=True).fit_transform(_counts(docs)) * weight**0.5)
    return hstack(parts, format="csr")


def _days(value: ArticleDate | None) -> int | None:
    if value is None or value.year is None:
        return None
    try:
        return date(value.year, value.month, value.day).toordinal()
    except ValueError:
        return None


def warm_up() -> None:
    """Import what grouping needs (scikit-learn, SciPy, PyStemmer: about 1.5 CPU s), so a
    batch can do it while the model translates instead of when the digest is awaited."""
    with heavy_imports:  # not while another thread imports (see translator.imports)
        _stop_words()
        _stemmer()
        import scipy.cluster.hierarchy  # noqa: F401
        import scipy.sparse.csgraph  # noqa: F401
        import sklearn.feature_extraction.text  # noqa: F401


def group_stories(texts: Sequence[StoryText], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of article indexes, each one story; every index in exactly one group.

    Groups are in the order of their first article, and indexes inside a group ascend.
    """
    count = len(texts)
    if count < 2:
        return [[i] for i in range(count)]
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    matrix = _vectors(texts)
    days = [_days(text.date) for text in texts]
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, count, BLOCK_ROWS):
        block = (matrix[start : start + BLOCK_ROWS] @ matrix.T).tocoo()
        keep = (block.data >= threshold) & (block.row + start < block.col)
        rows.append(block.row[keep] + start)
        cols.append(block.col[keep])
    row, col = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(row)), (row, col)), shape=(count, count))
    _, component = connected_components(graph, directed=False)

    label_of: dict[int, tuple[int, int]] = {}
    by_component = np.argsort(component, kind="stable")
    bounds = np.flatnonzero(np.diff(component[by_component])) + 1
    for members in np.split(by_component, bounds):
        number = component[members[0]]
        if len(members) == 1:
            label_of[int(members[0])] = (int(number), 0)
            continue
        sub = matrix[members]
        similarity = np.asarray((sub @ sub.T).todense())
        when = np.array([np.nan if days[m] is None else days[m] for m in members], dtype=float)
        apart = np.abs(when[:, None] - when[None, :]) > MAX_DAYS_APART  # False where a date is unknown
        similarity[apart] = 0.0
        distance = np.clip(1.0 - similarity, 0.0, None)
        condensed = distance[np.triu_indices(len(members), k=1)]
        labels = fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")
        for member, label in zip(members, labels):
            label_of[int(member)] = (int(number), int(label))

    groups: dict[tuple[int, int], list[int]] = {}
    for index in range(count):
        groups.setdefault(label_of[index], []).append(index)
    return sorted(groups.values(), key=lambda group: group[0])
