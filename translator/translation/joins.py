"""The English put back together: translated quotes and frames joined so they read as English.

Each translated quotation is marked “…” here, never by the model; nested quotes in
single marks. Lower case after a quote unless the frame starts a sentence or a name,
American punctuation at quote ends (“…,” he said; “…?” she asked), no doubled
punctuation, and speakers' civilities in English ("Mme" as "Ms"; names never go to the
model). `assemble` applies the join strategy chosen in `translation.segment`.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from translator.document import Part, Quote, Segment
from translator.translation.segment import TERMINATORS


_SPACE = re.compile(r"[\s\u00a0\u202f]+")


def english_typography(text: str) -> str:
    """French spacing to English: no space before : ; ! ?, plain spaces, tidy edges."""
    text = _SPACE.sub(" ", text)
    text = re.sub(r" ([,.;:!?…)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r"”(?=[A-Za-z0-9“])", "” ", text)
    text = re.sub(r"(?<=[A-Za-z0-9,;:])“", " “", text)
    return text.strip()


# --- English joins -------------------------------------------------------------------------

# Words that keep their capital after a quote even when the French frame starts in lower case.
_ALWAYS_CAPITAL = {
    "I", "Mr", "Ms", "Mrs", "Dr", "Prof", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
}
_FIRST_WORD = re.compile(r"^[A-Z][\w'’\-]*")


def lower_first(english: str, french: str) -> str:
    """Lower-case the first word of a frame that continues a sentence, unless it is a name.

    A word capitalised in the French sentence (a name carried over, or translated with
    its first four letters kept: "Russie" → "Russia", "Chine" → "China"), an acronym, "I",
    a civility, a day or a month keeps its capital.
    """
    match = _FIRST_WORD.match(english)
    if not match:
        return english
    word = match.group(0)
    bare = re.split(r"['’]", word)[0]
    if bare in _ALWAYS_CAPITAL or (len(bare) > 1 and bare.isupper()):
        return english
    if is_carried_name(bare, french):
        return english
    return english[0].lower() + english[1:]


def is_carried_name(word: str, french: str) -> bool:
    """`word` is capitalised in `french`, or translates a capitalised word there that starts
    with the same four letters ("Russia" for "Russie", "Mauritius" for "Maurice")."""
    if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", french):
        return True
    return len(word) >= 4 and any(_stem(name) == _stem(word) for name in _CAPITALISED.findall(french))


_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,}")


def _stem(word: str) -> str:
    """The first four letters, lower case, accents off ("Égypte", "Egypt" → "egyp")."""
    return unicodedata.normalize("NFKD", word[:4].lower()).encode("ascii", "ignore").decode()


def quote_marks(quote: Quote) -> tuple[str, str]:
    """English marks of a quote: a quotation spanning paragraphs opens on every paragraph
    and closes only at its end."""
    return "“", "" if quote.continues else "”"


def _marked(english: str, quote: Quote) -> str:
    opening, closing = quote_marks(quote)
    return f"{opening}{inside_sentence_case(_quote_english(english, quote), quote)}{closing}"


def inside_sentence_case(english: str, quote: Quote) -> str:
    """A quotation that the French opens in lower case (inside a sentence: "a dit qu'« une
    minorité … »") starts in lower case in English too, a name or "I" aside."""
    if not quote.text[:1].islower():
        return english
    return lower_first(english, quote.text)


def nested_marks(english: str) -> str:
    """Quotation marks inside a quote's English become single ones: “a ‘b’ c”, with no
    space inside the marks (the model writes "‘ Do not …" or "'Do not …')."""
    english = re.sub(r"[“«‹]\s*", "‘", english)
    english = re.sub(r"\s*[”»›]", "’", english)
    english = re.sub(r"‘\s+", "‘", english)
    english = re.sub(r"(?<=[\w.,!?…])\s+’(?!\w)", "’", english)
    # Straight single marks used as quotation marks (not apostrophes: "don't", "workers'").
    english = re.sub(r"(?<=[.,!?…])\s*'(?!\w)", "’", english)
    english = re.sub(r"(?:(?<=\s)|^)'\s*(?=\w)", "‘", english)
    # ASCII double marks: opening after a space or at the start, closing otherwise.
    return re.sub(r'"', lambda m: "‘" if m.start() == 0 or not english[m.start() - 1].strip() else "’", english)


def _without_added_period(english: str, french: str) -> str:
    """The model ends fragments with a period: drop it where the French has none."""
    english = english.strip()
    if not french.rstrip().endswith(tuple(TERMINATORS)) and english.endswith(".") and not english.endswith(".."):
        english = english[:-1].rstrip()
    return english


def _quote_english(english: str, quote: Quote) -> str:
    """A quote's English as it goes between marks, nested quotations in single marks."""
    return nested_marks(_without_added_period(english, quote.text))


# Marked quotations in the model's English: double marks of any kind, or single marks
# standing apart from words (not the apostrophe of "don't" or "ministers'").
_MARKED = re.compile(r"[“\"«„]\s*([^“”\"«»]*?)\s*[”\"»]|(?<!\w)[‘']\s*([^‘’']*?)\s*[’'](?!\w)")
_MIN_QUOTE_LIKENESS = 0.3


def _likeness(a: str, b: str) -> float:
    words_a, words_b = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not words_a or not words_b:
        return 0.0
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def quotes_in_context(whole: str, quotes: list[tuple[Quote, str]]) -> str | None:
    """The model's whole-sentence English with each marked quotation replaced by the
    quote's own translation; None when the marks do not match the quotes one to one."""
    marked = list(_MARKED.finditer(whole))
    if len(marked) != len(quotes):
        return None
    pieces: list[str] = []
    position = 0
    for match, (quote, english) in zip(marked, quotes):
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if _likeness(inner, english) < _MIN_QUOTE_LIKENESS:
            return None
        # The model often writes the comma inside its marks ("…," he said): keep it, outside.
        moved = re.search(r"[,;:]$", inner)
        pieces.append(whole[position : match.start()])
        pieces.append(_marked(english, quote) + (moved.group(0) if moved else ""))
        position = match.end()
    pieces.append(whole[position:])
    return "".join(pieces)


# The model, given the whole sentence, sometimes drops the attribution after a long quote:
# its frame must keep at least this share of the words the frame units have alone.
_MIN_FRAME_WORDS = 0.6


def _gap_words(text: str) -> list[int]:
    """Words before, between and after the quotations marked “…” in `text`."""
    return [len(re.findall(r"\w+", gap)) for gap in re.split(r"“[^”]*(?:”|$)", text)]


def _frame_lost(context: str, cut: str) -> bool:
    """Has the model's whole sentence dropped frame text that the frame units kept?"""
    in_context, alone = _gap_words(context), _gap_words(cut)
    if len(in_context) != len(alone):
        return True
    lost_gap = any(words == 0 < kept for words, kept in zip(in_context, alone))
    return lost_gap or sum(in_context) < _MIN_FRAME_WORDS * sum(alone)


def _cut(segment: Segment, english: list[tuple[Part, str]]) -> str:
    pieces: list[str] = []
    after_quote = False
    for part, text in english:
        if part.is_quote and part.quote is not None:
            pieces.append(_marked(text, part.quote))
            after_quote = True
            continue
        frame = _without_added_period(text, part.text) if part.text else ""
        if after_quote and part.text[:1].islower():
            frame = lower_first(frame, segment.text)
        pieces.append(part.lead + frame + part.trail)
        after_quote = False
    return "".join(pieces)


_CIVILITIES = {"M.": "Mr", "MM.": "Messrs", "Mme": "Ms", "Mmes": "Mses", "Mlle": "Ms", "Mlles": "Mses", "Dr": "Dr",
               "Pr": "Prof.", "Mgr": "Mgr"}
_CIVILITY = re.compile(r"(?<![\w.])(" + "|".join(re.escape(c) for c in sorted(_CIVILITIES, key=len, reverse=True)) + r")(?=\s)")


def english_speaker(name: str) -> str:
    """A speaker's name in English: the name as written, only the civility translated
    ("M. Dupont" → "Mr Dupont", "Mme Roy" → "Ms Roy"); the model never sees it."""
    return _CIVILITY.sub(lambda m: _CIVILITIES[m.group(1)], name.strip())


# The English article a French determiner calls for when the model leaves it out ("Minister").
_ARTICLES = {"le": "the", "la": "the", "l'": "the", "l’": "the", "les": "the", "un": "a", "une": "a", "ce": "this",
             "cet": "this", "cette": "this", "ces": "these", "son": "the", "sa": "the", "ses": "the", "leur": "the",
             "leurs": "the", "quelque": "some", "quelques": "some", "plusieurs": "several"}
_ENGLISH_DETERMINER = re.compile(
    r"^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|some|several|one|two|three|many|\d)\b", re.IGNORECASE
)


def described_speaker_english(english: str, french: str) -> str:
    """A described speaker's English with the article its French has: "le ministre" →
    "the minister" even when the model writes a bare "Minister"; the article in lower case,
    as an attribution writes it ("— the demonstrators", not "— The demonstrators")."""
    english = english.strip().rstrip(".")
    first = re.match(r"^(l['’]|\w+)", french.strip().lower())
    article = _ARTICLES.get(first.group(1)) if first else None
    determiner = _ENGLISH_DETERMINER.match(english)
    if determiner is not None:
        return determiner.group(0).lower() + english[determiner.end():]
    if not english or article is None:
        return english
    if english.split()[0].casefold() == french.split()[0].casefold():
        return english  # the model left the French determiner as it was
    if article == "a" and english[:1].lower() in "aeiou":
        article = "an"
    return f"{article} {english}"


def speaker_is_described(speaker: str) -> bool:
    """True for a speaker the text describes in words ("la porte-parole", "cette enseignante"),
    which is translated; a speaker written as a name ("M. Dupont", "Anne Roy", "Le Monde")
    is not. A description may open a sentence: "Le bourgmestre de Wavre", "Sa voisine"."""
    words = speaker.split()
    if not words:
        return False
    first = re.match(r"^(l['’]|\w+)", words[0].lower())
    determiner = first is not None and first.group(1) in _ARTICLES
    rest = speaker[len(first.group(1)) :].lstrip() if determiner and first is not None else ""
    return speaker[:1].islower() or (determiner and rest[:1].islower())


def speaker_description(speaker: str | None) -> str | None:
    """The words of a speaker that the model translates: the whole of a described speaker
    ("la porte-parole"), the role before or after a name ("la virologue Anne Roy" → "la
    virologue", "Jean Roux, le ministre" → "le ministre"), nothing for a name alone.

    The model never sees a name: given one it drops the role beside it ("l'entraîneur
    Alain Rochat" → "the Alain Rochat") or anglicises it ("Marie-Paule" → "Mary-Paule")."""
    if not speaker:
        return None
    if speaker_is_described(speaker):
        return _role_before_name(speaker)
    _, _, role = speaker.partition(", ")
    return role if role and speaker_is_described(role) else None


def _role_before_name(speaker: str) -> str:
    """The role of "le Premier ministre libanais Hassan Diab"; the whole speaker when it does
    not end on a name: two capitalised words or more (particles between), after a word that
    is neither a preposition nor a determiner ("la maire de Strasbourg", "la Neue Zürcher
    Zeitung" are whole descriptions)."""
    match = _ROLE_THEN_NAME.match(speaker)
    if match is None or match.group("role").split()[-1].lower() in _NOT_BEFORE_A_NAME:
        return speaker
    return match.group("role")


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_ROLE_THEN_NAME = re.compile(
    rf"^(?P<role>(?:.*\s)?(?:[A-Za-z]['’])?[a-zà-öø-ÿ][\w'’\-]*)\s+(?P<name>(?!(?:Les?|La|L['’])\s){_NAME_WORD}"
    rf"(?:\s+(?:(?:de|du|des|d['’]|van|von|ben|el|al|le|la)\s+)?{_NAME_WORD})+)$"
)
_NOT_BEFORE_A_NAME = {"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "pour", "chez", "par", "sur", "le", "la",
                      "les", "l'", "l’", "un", "une", "et", "ou"}


def speaker_in_english(speaker: str | None, english: dict[str, str]) -> str | None:
    """A described speaker with its description in the model's English (`english` maps the
    French units to it), the name as written and the civility in English; None when the
    description was not translated (a brief-only run's other quotations)."""
    if not speaker:
        return None
    description = speaker_description(speaker)
    if description is None:
        return english_speaker(speaker)
    if description not in english:
        return None
    role = described_speaker_english(english_typography(english[description]), description)
    if description == speaker:
        return role
    if speaker.startswith(description):
        return f"{role} {english_speaker(speaker[len(description):])}"  # "the coach Alain Rochat"
    return f"{english_speaker(speaker[: -len(description)].rstrip(', '))}, {role}"  # "Jean Roux, the minister"


def english_punctuation(text: str, french: str) -> str:
    """Punctuation the English way around quotes, without doubled marks.

    “…,” he said (the comma inside, a period before it dropped); “…?” she asked (no
    comma after ? or !); a sentence ending on a quote ends inside it: “….”
    """
    text = re.sub(r"”\s+([,.;:])", r"”\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"([?!])”,", r"\1”", text)
    text = re.sub(r"\.?”,", ",”", text)
    text = re.sub(r"([.?!…])”\s*\.(?=\s|$)", r"\1”", text)
    text = re.sub(r"([^.?!…])”\s*\.(?=\s|$)", r"\1.”", text)
    text = re.sub(r"(?<!\.)\.\s*\.(?!\.)", ".", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"([;:])\s*[,;:]", r"\1", text)
    if re.search(r"\bMmes?\b", french):
        text = re.sub(r"\bMrs\b\.?", "Ms", text)
    text = re.sub(r"\b(Mr|Ms|Mrs|Dr)\.(?=\s[A-Z])", r"\1", text)
    return text


def assemble(segment: Segment, translated: list[str]) -> str:
    """Rebuild one English sentence from its translated parts; quotes get “ ” marks."""
    english: list[tuple[Part, str]] = []
    context: str | None = None
    it = iter(translated)
    for part in segment.parts:
        text = next(it) if part.text else ""
        if part.context:
            context = text
        else:
            english.append((part, text))
    cut = _cut(segment, english)
    joined = None
    if context is not None:
        joined = quotes_in_context(context, [(p.quote, text) for p, text in english if p.quote is not None])
        if joined is not None and _frame_lost(joined, cut):
            joined = None
    if joined is None:
        joined = cut
    return english_typography(english_punctuation(english_typography(joined), segment.text))
