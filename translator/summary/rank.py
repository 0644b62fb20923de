"""Rank sentences with sumy, using brief's own tokenizer (no NLTK data needed)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import lru_cache

from translator.french.sentences import QuoteAwareTokenizer

METHODS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")
DEFAULT_METHOD = "lexrank"


# What NLTK imports only if installed, for features sumy never uses (significance tests,
# scikit-learn classifiers); story grouping installs both, and they cost NLTK ~1.5 s.
_OPTIONAL_FOR_NLTK = ("scipy", "sklearn")


def _import_sumy() -> None:
    """Import sumy (its stemmers import NLTK) with NLTK's optional imports of scipy and
    scikit-learn made to fail, as NLTK allows: it falls back as on a machine without them.
    A package some other code already imported is left alone."""
    blocked = [name for name in _OPTIONAL_FOR_NLTK if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` fails fast
    try:
        import sumy.nlp.stemmers  # noqa: F401  (imports nltk)
    finally:
        for name in blocked:
            del sys.modules[name]


@lru_cache(maxsize=None)  # summarizers keep no state between documents; building one loads a stemmer
def _summarizer(method: str, language: str):
    _import_sumy()
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "kl": KLSummarizer,
        "sumbasic": SumBasicSummarizer,
    }
    if method not in classes:
        raise ValueError(f"unknown summarization method {method!r}; choose from {', '.join(METHODS)}")
    # Stemming is most of a ranking's time and a word recurs across sentences and articles.
    summarizer = classes[method](lru_cache(maxsize=200_000)(Stemmer(language)))
    summarizer.stop_words = get_stop_words(language)
    return summarizer


class _RankRecorder:
    """sumy accepts a callable as the sentence count: it receives every sentence sorted
    by rating, best first. Recording that order gives a full ranking, not just the top N."""

    def __init__(self) -> None:
        self.order: list[int] = []

    def __call__(self, infos):
        infos = list(infos)
        self.order = [info.order for info in infos]
        return infos


def rank(sentences: Sequence[str], method: str = DEFAULT_METHOD, language: str = "english") -> list[int]:
    """Indices of `sentences`, most important first."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    if not sentences:
        return []
    tokenizer = QuoteAwareTokenizer(language)
    document = ObjectDocumentModel([Paragraph([Sentence(text, tokenizer) for text in sentences])])
    recorder = _RankRecorder()
    _summarizer(method, language)(document, recorder)
    ranked = [i for i in recorder.order if 0 <= i < len(sentences)]
    # Summarizers that rate nothing (empty vocabulary) fall back to document order.
    seen = set(ranked)
    return ranked + [i for i in range(len(sentences)) if i not in seen]


def select(sentences: Sequence[str], count: int, method: str = DEFAULT_METHOD, language: str = "english") -> list[int]:
    """The `count` best sentence indices, in document order."""
    return sorted(rank(sentences, method, language)[:count])
