"""Cut an article into segments (sentences) and parts (quotes vs. surrounding text), and
put the English back together so that it joins like English.

Each quotation is translated alone, as one unit, so it comes back whole and is marked
“…” by `assemble`, never by the model. How the text around the quotes (the frame) is
translated is the join strategy, measured with benchmarks/translation.py:

- "cut" (default): each frame between quotes is translated alone; an inverted French
  attribution after a quote is first put in the usual order ("a-t-il ajouté" → "il a
  ajouté", "a déclaré Donald Trump lors de …" → "Donald Trump a déclaré lors de …"), so
  the model reads a statement, not a question or a verb without its subject.
- "context": the whole sentence, quotes included, is translated too, and the quotes' own
  translations replace the quotations the model marked in it; the sentence falls back to
  "cut" when the model's marks do not match the quotes one to one or it drops frame
  words. Same chrF as "cut" on NTREX, lower BLEU, more join artefacts on real pages and
  7 % more units: kept only so that the benchmark can compare.

Both end with the same English joins: lower case after a quote unless the frame starts
a sentence or a name, American punctuation at quote ends (“…,” he said; “…?” she asked),
no doubled punctuation, nested quotes in single marks, and the civility "Mme" as "Ms".
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .document import Article, Part, Quote, Segment
from .sentences import split_spans

JOIN_STRATEGIES = ("cut", "context")
DEFAULT_JOINS = "cut"

_LEAD = re.compile(r"^[\s\u00a0\u202f,;:)\]—–\-]+")
_TRAIL = re.compile(r"[\s\u00a0\u202f,;:(\[—–\-]+$")
# "a-t-il ajouté", "estime-t-elle", "poursuit-il": verb, then the subject pronoun.
_INVERTED = re.compile(r"^(?P<verb>[a-zà-öø-ÿ]+)(?:-t)?-(?P<pronoun>il|elle|ils|elles|on)\b(?P<rest>.*)$", re.S)
_TERMINATORS = ".!?…"
# "a déclaré Donald Trump lors d'un point-presse", "lui répond le ministre", "précise le
# cadre de l'Insee": a reporting verb, then its subject. Reporting verbs only, so that
# "le chambre Alexandra" (a verb with its object) is left alone.
_REPORTING = (
    r"(?:déclar|affirm|ajout|expliqu|indiqu|soulign|estim|assur|précis|annonc|lanc|martel|insist|rappel|"
    r"confi|répond|répondu|poursui|conclu|comment|not|observ|jug|déplor|dénonc|regrett|tranch|résum|"
    r"confirm|témoign|racont|relev|ironis|réag|signal|répét|écri|avert|prévien|prévenu|sout|dit|di|fait valoir"
    r"|fait savoir|reconn|admet|admis|avou|plaid|interroge|s'interroge|se réjoui|se félicit|souffl|lâch|gliss|"
    r"tempêt|s'insurg|s'indign|s'inquièt|s'étonn|avanc|argument|explicit)[a-zéèêû]*"
)
_NOMINAL = re.compile(
    rf"^(?P<verb>(?:(?:lui|leur|nous|vous|me|te)\s+)?(?:(?:a|ont|avait|avaient|aurait)\s+)?{_REPORTING})\s+"
    r"(?P<subject>(?:le|la|les|l['’]|un|une|cette|ce|cet|ces|son|sa|ses|leur|notre|M\.|Mme|MM\.|Mmes|Dr|Pr|Me|Mgr|"
    r"[A-ZÀ-ÖØ-Þ])[^,;:]*?)"
    r"(?P<rest>(?:,|\s+(?:lors|dans|devant|sur|à|au|aux|en|après|avant|depuis|pendant|selon|sous|jeudi|lundi|mardi|"
    r"mercredi|vendredi|samedi|dimanche|hier|ce|cette)\b).*|[.!?…]?)$",
    re.S,
)
# ", le principal auteur de l'étude" after a name, ", qui préfère …": stays with the subject.
_WITH_SUBJECT = re.compile(r"^,\s*(?:le|la|les|l['’]|un|une|son|sa|ses|leur|qui|dont)\b[^,;:]*?(?=[.!?…]?$)", re.S)


def frame_part(text: str, after_quote: bool = False) -> Part | None:
    """The text between quotes, with its edge punctuation kept outside the unit.

    Right after a quote, an inverted attribution is put in the usual order
    (`reorder_attribution`).
    """
    if not text:
        return None
    if not any(ch.isalnum() for ch in text):
        return Part(text="", lead=text)
    lead = _LEAD.match(text)
    trail = _TRAIL.search(text)
    start = lead.end() if lead else 0
    end = trail.start() if trail else len(text)
    body = text[start:end]
    reordered = reorder_attribution(body) if after_quote else None
    return Part(text=reordered or body, lead=text[:start], trail=text[end:], reordered=reordered is not None)


def reorder_attribution(frame: str) -> str | None:
    """An inverted French attribution after a quote in the usual order, or None.

    "a-t-il ajouté" → "il a ajouté"; "a déclaré Donald Trump lors d'un point-presse" →
    "Donald Trump a déclaré lors d'un point-presse"; "insiste cette enseignante, qui
    hésite" → "cette enseignante, qui hésite, insiste". Translated alone, the inverted
    forms read as questions or as verbs without subjects.
    """
    inverted = _INVERTED.match(frame)
    if inverted:
        return f"{inverted['pronoun']} {inverted['verb']}{inverted['rest']}"
    nominal = _NOMINAL.match(frame)
    if not nominal:
        return None
    subject, verb, rest = nominal["subject"].strip(), nominal["verb"], nominal["rest"]
    attached = _WITH_SUBJECT.match(rest)
    if attached:
        return f"{subject}{attached.group(0)}, {verb}{rest[attached.end():]}"
    return f"{subject} {verb}{rest}"


def segment_article(article: Article, quotes: list[Quote], joins: str = DEFAULT_JOINS) -> list[Segment]:
    """Sentences of every paragraph, each split into frame and quote parts.

    With the "context" join strategy, a sentence that holds a quote and some frame text
    also gets a context part: the whole sentence, to translate the frame in context.
    """
    if joins not in JOIN_STRATEGIES:
        raise ValueError(f"unknown join strategy {joins!r}; one of {', '.join(JOIN_STRATEGIES)}")
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    segments: list[Segment] = []
    for number, paragraph in enumerate(article.paragraphs):
        paragraph_quotes = by_paragraph.get(number, [])
        for start, end in sentence_spans(paragraph, paragraph_quotes):
            parts: list[Part] = []
            position = start
            for quote in paragraph_quotes:
                if quote.start < start or quote.end > end:
                    continue
                part = frame_part(paragraph[position : quote.start], after_quote=position != start)
                if part:
                    parts.append(part)
                parts.append(Part(text=quote.text, quote=quote))
                position = quote.end
            part = frame_part(paragraph[position:end], after_quote=position != start)
            if part:
                parts.append(part)
            sentence = paragraph[start:end]
            has_frame = any(p.text for p in parts if p.is_frame)
            # A quotation cut by a paragraph break has one mark in the French sentence, so
            # the model's English cannot be matched to it: such sentences are cut.
            whole_marks = all(p.quote.opening and p.quote.closing for p in parts if p.quote is not None)
            # A reordered attribution ("il a ajouté") is a clause that translates well alone;
            # given the whole sentence the model renders it "it has added" (measured).
            reordered = any(p.reordered for p in parts)
            if joins == "context" and has_frame and whole_marks and not reordered and any(p.is_quote for p in parts):
                parts.append(Part(text=_context_text(parts, paragraph), context=True))
            segments.append(Segment(number, len(segments), sentence, tuple(parts)))
    return segments


def _context_text(parts: list[Part], paragraph: str) -> str:
    """The sentence as the model sees it for context: quotes with their French marks,
    frames as in their own units (inverted attributions in the usual order)."""
    return "".join(
        paragraph[p.quote.start : p.quote.end] if p.quote is not None else p.lead + p.text + p.trail for p in parts
    ).strip()


def sentence_spans(paragraph: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentences of a paragraph, joined where a quotation runs over a sentence end.

    The splitter already keeps closed quotations whole; this also covers a quotation
    that continues into the next paragraph, whose mark is not closed here.
    """
    spans: list[tuple[int, int]] = []
    for start, end in split_spans(paragraph):
        if spans and any(q.start < spans[-1][1] and q.end > start for q in quotes):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def units(segments: list[Segment]) -> list[str]:
    """The texts to send to the model, in order (quotes, frames and context alike)."""
    return [part.text for segment in segments for part in segment.parts if part.text]


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

    A word capitalised in the French sentence (a name carried over), an acronym, "I",
    a civility, a day or a month keeps its capital.
    """
    match = _FIRST_WORD.match(english)
    if not match:
        return english
    word = match.group(0)
    bare = re.split(r"['’]", word)[0]
    if bare in _ALWAYS_CAPITAL or (len(bare) > 1 and bare.isupper()):
        return english
    if re.search(rf"(?<![\w]){re.escape(bare)}(?![\w])", french):
        return english
    return english[0].lower() + english[1:]


def quote_marks(quote: Quote) -> tuple[str, str]:
    """English marks of a quote: a quotation spanning paragraphs opens on every paragraph
    and closes only at its end."""
    return "“", "" if quote.continues else "”"


def _marked(english: str, quote: Quote) -> str:
    opening, closing = quote_marks(quote)
    return f"{opening}{_quote_english(english, quote)}{closing}"


def nested_marks(english: str) -> str:
    """Quotation marks inside a quote's English become single ones: “a ‘b’ c”."""
    english = re.sub(r"[“«‹]\s*", "‘", english)
    english = re.sub(r"\s*[”»›]", "’", english)
    # ASCII double marks: opening after a space or at the start, closing otherwise.
    return re.sub(r'"', lambda m: "‘" if m.start() == 0 or not english[m.start() - 1].strip() else "’", english)


def _without_added_period(english: str, french: str) -> str:
    """The model ends fragments with a period: drop it where the French has none."""
    english = english.strip()
    if not french.rstrip().endswith(tuple(_TERMINATORS)) and english.endswith(".") and not english.endswith(".."):
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


def speaker_is_described(speaker: str) -> bool:
    """True for a speaker the text describes in words ("la porte-parole", "cette enseignante"),
    which is translated; a speaker written as a name ("M. Dupont", "Anne Roy") is not."""
    return speaker[:1].islower()


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
