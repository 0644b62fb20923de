"""Quote-aware sentence splitting for French (and English), with no model to download.

Used for translation units and as sumy's tokenizer, in place of NLTK punkt.

Scraped text often loses the break between two paragraphs: "… domestique.Consternant, …"
(a sentence glued to the next) or "… le festival reportéLa rencontre …" (a heading glued to
its paragraph). Both are cut: a sentence mark with a capital straight after it ends a
sentence unless it closes an abbreviation or an initial ("M.Dupont", "J.-L. Mélenchon") or
sits in a web address or an e-mail ("www.Site.fr", "jean.Dupont@exemple.fr"); a run of
lower-case letters followed, with no space, by a word that opens French sentences
("Le", "Dans", "Selon", "L'") ends a heading.
"""

from __future__ import annotations

import re

from translator.french.quotes import find_quote_spans

# Abbreviations after which a period does not end a sentence (compared lower-cased).
_ABBREVIATIONS = {
    "french": {
        "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "pr", "mgr", "st", "ste", "av", "apr",
        "j.-c", "p", "ex", "cf", "env", "art", "chap", "vol", "no", "n°", "fig", "éd", "coll", "dir",
        "trad", "hab", "tél", "bd", "boul", "max", "min", "sq", "op", "cit", "ibid", "vs", "resp",
    },
    "english": {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc.,", "e.g", "i.e", "no", "fig",
        "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "inc", "ltd", "co", "corp", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m",
    },
}
_TERMINATORS = ".!?…"
_CLOSERS = "»”\"’)]"
_OPENERS = "«“\""  # quotation marks that may open the next sentence, glued to the last one
_SPACES = " \u00a0\u202f\t\n"
# What may start a sentence: a capital, a digit, an opening quote or bracket, a dash.
_STARTS = re.compile(r"[A-ZÀ-ÖØ-Þ0-9«“\"‘(\[—–-]")
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ«]")
# A heading glued to its paragraph: lower-case letters, then a sentence opener with no space.
_GLUED_HEADING = re.compile(
    r"(?<=[a-zß-öø-ÿ][a-zß-öø-ÿ])"
    r"(?=(?:Les?|La|Un|Une|Des|Du|De|Au|Aux|Ce|Cette|Ces|Il|Ils|Elle|Elles|On|En|Dans|Selon|Pour|Après|Avant|"
    r"Depuis|Lors|Mais|Et|Si|Sur|Avec|Par|Malgré|Alors|Ainsi|Pourtant)[ \u00a0]|(?:L|D|C|Qu|S)['’][^\W\d_])"
)
# Web addresses and e-mails: a mark inside them never ends a sentence.
_ADDRESS = re.compile(r"@|://|^(?:www|https?)\.", re.IGNORECASE)


def _ends_with_abbreviation(text: str, dot: int, abbreviations: set[str]) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial ("J. Martin")."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(«“\"'’":
        start -= 1
    token = text[start:dot].lower()
    if not token:
        return False
    if token in abbreviations or token.rstrip(".") in abbreviations:
        return True
    # A single letter ("J." in "J. Martin") or dotted initials ("J.-C.", "U.S.").
    return bool(re.fullmatch(r"[^\W\d_](?:[.\-]+[^\W\d_])*", token))


def split_spans(text: str, language: str = "french") -> list[tuple[int, int]]:
    """[start, end) offsets of the sentences in `text`; never cuts inside a quotation."""
    abbreviations = _ABBREVIATIONS.get(language, _ABBREVIATIONS["french"])
    quotes = find_quote_spans(text)
    opens = {span.start for span in quotes}  # a mark here opens a quotation, never closes a sentence
    inside = [False] * (len(text) + 1)
    for span in quotes:
        for i in range(span.start + 1, span.end - 1):
            inside[i] = True
    headings = _glued_headings(text, language)
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if i in headings and not inside[i] and i > start:
            spans.append((start, i))
            start = i
        if text[i] in _TERMINATORS and not inside[i]:
            end = i + 1
            while end < n and text[end] in _TERMINATORS:
                end += 1
            while end < n and text[end] in _CLOSERS and not inside[end] and end not in opens:
                end += 1
            if _is_boundary(text, i, end, abbreviations):
                spans.append((start, end))
                start = _skip_spaces(text, end)
                i = start
                continue
            i = end
            continue
        if text[i] in "»”\"" and inside[i - 1] and not inside[i]:
            # A quotation closed here: it ends the sentence when its own text ended one
            # ("« Nous viendrons. » Le maire…").
            j = i - 1
            while j > 0 and text[j] in _SPACES:
                j -= 1
            if text[j] in _TERMINATORS and _is_boundary(text, j, i + 1, abbreviations):
                spans.append((start, i + 1))
                start = _skip_spaces(text, i + 1)
                i = start
                continue
        i += 1
    if text[start:].strip(_SPACES):
        spans.append((start, len(text.rstrip(_SPACES))))
    return [(s, e) for s, e in spans if text[s:e].strip(_SPACES)]


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i


def _is_boundary(text: str, mark: int, end: int, abbreviations: set[str]) -> bool:
    nxt = _skip_spaces(text, end)
    if nxt == end and end < len(text):
        # "51.3", "U.S.A", "etc.,": no space after the mark; "fin.Le": two sentences glued.
        return _is_glued_boundary(text, mark, end, abbreviations)
    if nxt >= len(text):
        return True
    if not _STARTS.match(text[nxt]):
        return False  # lower-case next word: "etc. et", "p. ex. les"
    if text[mark] == "." and _ends_with_abbreviation(text, mark, abbreviations):
        return False
    return True


def _token_around(text: str, at: int) -> str:
    """The run of non-space characters around position `at`."""
    start, end = at, at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _is_glued_boundary(text: str, mark: int, end: int, abbreviations: set[str]) -> bool:
    """A sentence mark with the next sentence glued to it: "domestique.Consternant", "2019.Le",
    or to the quotation that opens it: 'finale."Nous'."""
    first = end + 1 if text[end] in _OPENERS else end
    if first >= len(text) or not _CAPITAL.match(text[first]) or mark == 0:
        return False
    before = text[mark - 1]
    if not (before.isalnum() or before in _CLOSERS):
        return False  # "(...)Le", ".NET": not a sentence's end
    if _ADDRESS.search(_token_around(text, mark)):
        return False
    return not (text[mark] == "." and _ends_with_abbreviation(text, mark, abbreviations))


def _glued_headings(text: str, language: str) -> set[int]:
    """Where a heading glued to its paragraph ends ("… reportéLa rencontre …")."""
    if language != "french":
        return set()
    return {m.start() for m in _GLUED_HEADING.finditer(text) if not _ADDRESS.search(_token_around(text, m.start()))}


def split_sentences(text: str, language: str = "french") -> list[str]:
    return [text[s:e] for s, e in split_spans(text, language)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


class QuoteAwareTokenizer:
    """A sumy tokenizer (to_sentences/to_words) that needs no NLTK data."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
