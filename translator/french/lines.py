"""The shape of one line of text: words, function-word share, sentence end, near-repeats."""

from __future__ import annotations

import re

from translator.french.sentences import split_sentences

# French function words: prose is full of them; labels, names and link text much less so.
FRENCH_FUNCTION_WORDS = frozenset(
    "le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où ce c cet cette ces "
    "son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos il elle ils elles on nous vous je j tu se s "
    "ne n pas plus en y à dans par pour sur avec sans sous entre vers chez est sont a ont été être avoir était "
    "fait comme si aussi très tout tous toute toutes cela ça lui eux même après avant depuis pendant selon contre "
    "alors ainsi encore déjà".split()
)
# Common English words that are not French: an English line on a French page is furniture.
ENGLISH_WORDS = frozenset(
    "the of and to by for with from please your you this is are was were be have has it its that at "
    "sign read more click here".split()
)
# An agency signature after the last sentence: "… (AFP)", "… (agc/xyz)", "….- AGC".
SIGNATURE = r"(?:[-–—/]\s*[A-Z]{2,6}|\([A-Za-z]{2,8}(?:/[A-Za-z]{2,8})*\))"
# The same signature right after a sentence: the article (or the wire text) ends there.
SIGN_OFF = re.compile(rf"(?<=[.!?…»”\"])\s*{SIGNATURE}$")
# A line "ends a sentence" when it closes with . ! ? … possibly followed by quotes/brackets
# and an agency signature.
SENTENCE_END = re.compile(rf"[.!?…](?:[\s\u00a0\u202f]*[»”\"’)\]])*(?:\s*{SIGNATURE})?$")
MAX_HEADLINE_WORDS = 25
# French month names (with the spellings scraped text drops accents from) and weekdays:
# dates in timestamps, and words that are never a speaker's name.
MONTH_NUMBERS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def norm(line: str) -> str:
    """Runs of spaces (no-break ones too) as one space, ends stripped; HTML comments left
    in scraped text ("championne du monde<!-- --> | Site") are markup, not words."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", _HTML_COMMENT.sub(" ", line)).strip()


_HTML_COMMENT = re.compile(r"<!--.*?-->")


def words_of(text: str) -> list[str]:
    """Lower-cased words (letters only; "l'avion" gives "l", "avion")."""
    return re.findall(r"[^\W\d_]+", text.casefold())


def loose_key(text: str) -> str:
    """The words of a line, punctuation and case aside: near-repeats share it."""
    return " ".join(words_of(text))


def french_share(text: str) -> float:
    """Share of French function words among the words of `text` (prose: about a third or more)."""
    words = words_of(text)
    return sum(w in FRENCH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def is_fragment(text: str) -> bool:
    """No word of two letters or more ("0", "…", "T+ | T-"), or a few function words only ("le", "sur")."""
    words = words_of(text)
    if not any(len(w) >= 2 for w in words):
        return True
    # "Et alors ?" is a (short) sentence; "le" and "sur" left alone on a line are not.
    return len(text.split()) <= 3 and all(w in FRENCH_FUNCTION_WORDS for w in words) and not SENTENCE_END.search(text)


def is_english(text: str) -> bool:
    """Two words or more, English ones and no French function word ("Please wait...")."""
    words = words_of(text)
    return len(words) >= 2 and not any(w in FRENCH_FUNCTION_WORDS for w in words) and any(
        w in ENGLISH_WORDS for w in words
    )


def is_question(text: str) -> bool:
    """Ends with "?" (closing marks and an agency signature aside)."""
    return bool(re.search(r"\?[\s\u00a0\u202f»”\"’)]*$", SIGN_OFF.sub("", text.rstrip())))


def is_sentence_line(line: str) -> bool:
    """A body-like line: ends like a sentence, or is too long to be a headline."""
    text = norm(line)
    return bool(SENTENCE_END.search(text)) or len(text.split()) > MAX_HEADLINE_WORDS


# A statement ends with "." "!" or "…", possibly inside closing quotes (a question may be a teaser).
_STATEMENT_END = re.compile(r"[.!…](?:[\s\u00a0\u202f]*[»”\"’)\]])*$")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# The reader addressed: "vous", "votre", an imperative opening the line or a clause
# ("Partagez", "…, scannez le code", "Signalez-la", "Inscrivez-vous") or the site speaking as the reader ("Je m'abonne").
_TO_READER = re.compile(
    r"\b(?:vous|votre|vos)\b|(?:^|[,;:]\s)\W*[^\W\d_]+ez\b|^\W*(?:je|j['’])\s|\b[^\W\d_]+ez[-‑](?:nous|vous|la|le|les|moi)\b",
    re.IGNORECASE,
)


# Words ending in "-ez" that are not imperatives.
_NOT_IMPERATIVE = re.compile(r"\b(?:chez|assez|rendez-vous|nez)\b", re.IGNORECASE)


def addresses_reader(text: str) -> bool:
    """The line talks to the reader (outside quotations): a call to act, not news."""
    return bool(_TO_READER.search(_NOT_IMPERATIVE.sub("_", _QUOTED.sub(" ", text))))


def reads_as_news(text: str, min_words: int = 5) -> bool:
    """A news sentence: several words, a statement's end, French prose, not talking to the reader.

    A line the line rules would take for furniture because of one phrase ("partager",
    "laisser un commentaire", "Source :") stays when it reads like this.
    """
    words = words_of(text)
    return (
        len(words) >= min_words
        and bool(_STATEMENT_END.search(text))
        and french_share(text) >= 0.2
        # ordinary lower-case words after the first: a sentence, not a title or a name list
        and sum(w.islower() and len(w) >= 3 for w in text.split()[1:]) >= 2
        and not addresses_reader(text)
    )


# A notice is short; a line longer than this made of news sentences is article text.
MIN_PROSE_WORDS = 30


def is_running_prose(text: str) -> bool:
    """A paragraph of article text: over `MIN_PROSE_WORDS` words, two news sentences or more,
    and those sentences are most of it.

    A phrase rule (share, follow, subscribe, read more, paywall, …) never drops such a line:
    an article may say "a annoncé sur Twitter" or quote "abonnez-vous" in its sentences,
    while a notice is a line or two that talks to the reader.
    """
    words = len(text.split())
    if words <= MIN_PROSE_WORDS:
        return False
    news = [s for s in split_sentences(text) if reads_as_news(s)]
    return len(news) >= 2 and 2 * sum(len(s.split()) for s in news) >= words
