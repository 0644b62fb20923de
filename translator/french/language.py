"""Is this text French? A function-word profile, enough for whole news articles."""

from __future__ import annotations

import re

from translator.errors import NotFrenchError

# Frequent function words that are rare in the other languages of the list.
_PROFILES = {
    "French": {
        "le", "la", "les", "des", "du", "une", "et", "est", "dans", "pour", "pas", "que", "qui", "sur",
        "au", "aux", "avec", "il", "elle", "ne", "ce", "cette", "ses", "sont", "mais", "ont", "été",
        "leur", "nous", "vous", "très", "à", "où", "d", "l", "qu", "n", "s", "c", "j",
    },
    "English": {
        "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "on", "are", "with", "as",
        "his", "they", "be", "at", "this", "have", "from", "by", "not", "but", "we", "he", "said", "has",
    },
    "Spanish": {
        "el", "los", "las", "del", "y", "en", "por", "con", "una", "es", "que", "se", "lo", "para",
        "su", "al", "como", "más", "pero", "sus", "fue", "ha", "muy", "también",
    },
    "Italian": {
        "il", "di", "che", "è", "per", "una", "con", "gli", "della", "non", "sono", "del", "nel",
        "alla", "anche", "come", "più", "ma", "dei", "ha", "questo",
    },
    "German": {
        "der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des",
        "auf", "für", "im", "dem", "auch", "es", "von", "wird", "wurde",
    },
    "Portuguese": {
        "o", "os", "as", "da", "do", "dos", "em", "um", "uma", "não", "com", "por", "para", "é",
        "que", "se", "mais", "foi", "ao", "também",
    },
}
_TOKEN = re.compile(r"[a-zà-öø-ÿœæ]+", re.IGNORECASE)
MIN_WORDS = 8


def language_scores(text: str) -> dict[str, float]:
    """Share of the words of `text` that are function words of each language."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens:
        return {name: 0.0 for name in _PROFILES}
    return {name: sum(t in words for t in tokens) / len(tokens) for name, words in _PROFILES.items()}


def ensure_french(text: str, source: str) -> None:
    """Raise NotFrenchError unless `text` reads as French."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < MIN_WORDS:
        raise NotFrenchError(f"{source}: too little text ({len(tokens)} words) to be an article")
    scores = language_scores(text)
    best = max(scores, key=lambda name: scores[name])
    if best != "French" or scores["French"] < 0.12:
        guess = f" (it looks like {best})" if scores[best] >= 0.12 else ""
        raise NotFrenchError(f"{source}: the text does not look like French{guess}; brief translates French articles")
