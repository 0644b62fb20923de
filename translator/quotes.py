"""Find direct quotations (« … », “ … ”, "…") and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Quote

# Directional pairs: the opening mark tells which closing mark to look for.
_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_SPACES = " \u00a0\u202f\t"


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets of a top-level quotation in a paragraph: [start, end) includes the marks."""

    start: int
    end: int
    opening: str
    closing: str

    def inner(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1].strip(_SPACES)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations in one paragraph; nested ones stay inside their parent.

    An opening mark with no closing mark in the paragraph is not a quotation
    (it is left as ordinary text rather than guessed).
    """
    spans: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _PAIRS or (ch == '"' and _opens_ascii(text, i)):
            end = _find_close(text, i)
            if end is not None:
                closing = text[end - 1]
                spans.append(QuoteSpan(i, end, ch, closing))
                i = end
                continue
        i += 1
    return spans


def _opens_ascii(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _SPACES or before in "([:—–-'’\n" or i == 0) and after not in _SPACES + ".,;"


def _closes_ascii(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return after in _SPACES or after in ".,;:!?)]…»”'’-—–\n" or i + 1 == len(text)


def _find_close(text: str, start: int) -> int | None:
    """Index just after the mark that closes the quotation opened at `start`."""
    opening = text[start]
    closing = _PAIRS.get(opening, '"')
    depth = 0
    i = start + 1
    while i < len(text):
        ch = text[i]
        if opening != '"' and ch == opening:
            depth += 1
        elif ch == closing and (opening != '"' or _closes_ascii(text, i)):
            if depth == 0:
                return i + 1 if text[start + 1 : i].strip(_SPACES) else None
            depth -= 1
        elif ch in _PAIRS and opening == '"':
            # A guillemet pair nested in an ASCII quote: skip over it whole.
            nested = _find_close(text, i)
            if nested is not None:
                i = nested
                continue
        elif ch == '"' and opening != '"':
            # An ASCII quote nested inside guillemets or curly quotes: skip it whole.
            if _opens_ascii(text, i):
                nested = _find_close(text, i)
                if nested is not None:
                    i = nested
                    continue
        i += 1
    return None


# --- speakers -------------------------------------------------------------------------

_VERBS = (
    "déclar|affirm|ajout|expliqu|indiqu|soulign|estim|assur|précis|annonc|lanc|martel|insist|"
    "rappel|confi|reconn|prévien|prévenu|avert|répond|poursui|conclu|comment|not|observ|jug|"
    "déplor|dénonc|regrett|plaid|tranch|résum|confirm|admi|témoign|racont|relev|ironis|réag|"
    "signal|répét|écri|twe|insist|promi|avou|fait valoir|fait savoir|dit|dis|di|sout|insist"
)
_VERB = rf"(?:{_VERBS})\w*"
_TITLE = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|Pr|Mgr)"
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:de\s+|d['’]|du\s+|van\s+|von\s+|le\s+|la\s+)?[A-ZÀ-ÖØ-Þ][\w'’\-]+)*"
# Capitalised words that start a sentence or name a place/day, never a person.
_NOT_NAME = (
    r"(?:Le|La|Les|L|Un|Une|Des|Du|De|Au|Aux|Ce|Cette|Ces|En|Et|Il|Elle|Ils|Elles|Selon|Pour|Dans|"
    r"Sur|Mais|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Etats|États|Union|Nations)\b"
)
_PERSON = re.compile(
    rf"\b{_TITLE}\s+{_NAME}"
    rf"|\b(?!{_NOT_NAME})(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+\s+)+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þa-zà-öø-ÿ'’\-]+"
)
_PRONOUN = r"(?:il|elle|ils|elles)"
# ", a-t-il déclaré" / ", a déclaré M. X" / ", explique la ministre Anne Leclerc"
_AFTER = re.compile(
    rf"^[\s\u00a0]*[,.]?[\s\u00a0]*(?:(?:a|ont|avait|avaient|aurait)(?:-t)?-(?P<pron>{_PRONOUN})\s+{_VERB}"
    rf"|(?:(?:a|ont|avait|avaient|aurait)\s+)?{_VERB}(?:-t)?(?:-(?P<pron2>{_PRONOUN})\b"
    rf"|\s+(?P<who>(?:{_TITLE}\s+)?[^,.;:!?«»\"“”]+)))",
    re.IGNORECASE,
)
# "X a déclaré :" / "affirmant notamment :" / "X a estimé que" just before the quotation
_BEFORE = re.compile(
    rf"(?P<lead>[^.!?«»\"“”]*?)\b{_VERB}(?:[^.!?«»\"“”:]*:|\s+que)[\s\u00a0]*$", re.IGNORECASE
)
# Any sentence ending in a colon: "Le capitaine X, lui, a tenu à remercier les supporters :"
_COLON_LEAD = re.compile(r"(?P<lead>[^«»\"“”]*?)[\s\u00a0]*:[\s\u00a0]*$")
_ROLES = (
    r"ministre|président|présidente|porte-parole|maire|directeur|directrice|responsable|"
    r"syndicat|expert|experte|chercheur|chercheuse|avocat|avocate|médecin|entraîneur|juge"
)
# "la ministre de la Transition écologique a estimé que …" names a role, not a person.
_ROLE_SUBJECT = re.compile(
    rf"\b(?:le|la|l['’]|les)\s*(?:{_ROLES})\b(?:\s+(?:de|du|des|d['’])\s*[^,;:]*?)?"
    r"(?=\s+(?:a|ont|avait|avaient|aurait)\b|,|\s*$)",
    re.IGNORECASE,
)
_SELON = re.compile(rf"\bselon\s+(?P<who>(?:{_TITLE}\s+)?[^,.;:!?«»\"“”]+)", re.IGNORECASE)
# Words that end a speaker phrase: "a déclaré M. Mattis à ses homologues" → "M. Mattis"
_WHO_STOP = re.compile(
    r"\s+(?:à|au|aux|lors|dans|devant|sur|pendant|en|après|avant|depuis|mardi|lundi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|hier|ce|cette|qui|que|lorsqu|quand|pour|avec|dont|sous)\b.*$",
    re.IGNORECASE,
)


def _clean_who(who: str) -> str | None:
    who = _WHO_STOP.sub("", who.strip(_SPACES + ",")).strip(_SPACES)
    who = re.sub(r"^(?:encore|aussi|également|notamment|ensuite|enfin)\s+", "", who, flags=re.IGNORECASE)
    if not who or len(who.split()) > 9:
        return None
    if re.fullmatch(_PRONOUN, who, re.IGNORECASE):
        return None
    # A speaker names someone or something: at least one capitalised word or a role noun.
    if not re.search(r"[A-ZÀ-ÖØ-Þ]", who) and not re.search(rf"\b(?:{_ROLES})\b", who, re.IGNORECASE):
        return None
    return who


def last_person(text: str) -> str | None:
    """The last person named in `text` ("M. Mattis", "Anne Leclerc"), for resolving il/elle."""
    found = None
    for match in _PERSON.finditer(text):
        found = match.group(0)
    if found and not re.match(_TITLE, found):
        # "Défense James Mattis": a run of capitals ends with first name + surname.
        found = " ".join(found.split()[-2:])
    return found


def find_speaker(paragraph: str, span: QuoteSpan, context_before: str = "") -> str | None:
    """The speaker of the quotation at `span`, from the words around it.

    `context_before` is the article text before this paragraph, used to resolve
    "a-t-il déclaré" to the last person named.
    """
    after = paragraph[span.end :]
    before = paragraph[: span.start]
    pronoun = False
    match = _AFTER.match(after)
    if match:
        if match.group("who"):
            who = _clean_who(match.group("who"))
            if who:
                return who
        pronoun = bool(match.group("pron") or match.group("pron2"))
    sentence_before = _current_sentence(before)
    selon = _SELON.search(sentence_before) or _SELON.search(after.split(". ")[0])
    if selon:
        who = _clean_who(selon.group("who"))
        if who:
            return who
    if not pronoun:
        lead = _BEFORE.search(sentence_before) or _COLON_LEAD.search(sentence_before)
        if lead:
            # Everything up to the verb: the lead group itself stops at the dot of "M.".
            subject = sentence_before[: lead.end("lead")]
            person = last_person(subject)
            if person:
                return person
            role = _ROLE_SUBJECT.search(subject)
            if role:
                return role.group(0).strip()
            # "il a déclaré :" refers back to the last person named; a lead with no person,
            # role or pronoun ("Le rapport conclut :") has no speaker to give.
            pronoun = bool(re.search(rf"\b{_PRONOUN}\b", subject, re.IGNORECASE)) or not subject.strip()
    if pronoun:
        return last_person(context_before + " " + before)
    return None


def _current_sentence(before: str) -> str:
    """The (unfinished) sentence at the end of `before`, with abbreviations like "M." respected."""
    # Imported here: the splitter itself depends on this module's quote finder.
    from .sentences import split_spans

    spans = split_spans(before)
    return before[spans[-1][0] :] if spans else before


# Marks that open a quotation running over several paragraphs (French repeats « at the
# start of each continuing paragraph). ASCII " is too ambiguous to follow across breaks.
_SPANNING = "«“"


def _unclosed_opening(text: str, spans: list[QuoteSpan]) -> int | None:
    """Index of the first top-level « or “ that nothing in the paragraph closes."""
    for i, ch in enumerate(text):
        if ch in _SPANNING and not any(s.start <= i < s.end for s in spans) and _find_close(text, i) is None:
            return i
    return None


def _continuation_end(text: str, opening: str) -> int | None:
    """Index just after the mark closing a quotation continued from an earlier paragraph.

    A repeated opening mark at the start of the paragraph is skipped; marks opened and
    closed inside the continuation are nested quotes.
    """
    closing = _PAIRS[opening]
    i = len(text) - len(text.lstrip(_SPACES + "\n"))
    if text[i : i + 1] == opening:
        i += 1
    depth = 0
    for j in range(i, len(text)):
        if text[j] == opening:
            depth += 1
        elif text[j] == closing:
            if depth == 0:
                return j + 1
            depth -= 1
    return None


def _continues_in(text: str, opening: str) -> bool:
    """Does this paragraph carry on a quotation left open: it starts with the opening
    mark again, or it holds the closing mark with no opening of its own?"""
    return text.lstrip(_SPACES + "\n").startswith(opening) or _continuation_end(text, opening) is not None


@dataclass(frozen=True)
class _Piece:
    """One paragraph's share of a quotation (or a whole one-paragraph quotation)."""

    span: QuoteSpan
    text: str
    opened_in: int | None = None
    continues: bool = False


def _pieces(paragraphs: list[str]) -> list[list[_Piece]]:
    """Every paragraph's quotations, quotations that run over paragraph breaks included."""
    result: list[list[_Piece]] = []
    open_mark, opened_in = "", None  # a quotation still open at the previous paragraph's end
    for number, paragraph in enumerate(paragraphs):
        pieces: list[_Piece] = []
        position = 0
        if open_mark:
            end = _continuation_end(paragraph, open_mark)
            start = len(paragraph) - len(paragraph.lstrip(_SPACES + "\n"))
            stop = end if end is not None else len(paragraph.rstrip(_SPACES + "\n"))
            head = open_mark if paragraph[start : start + 1] == open_mark else ""
            tail = paragraph[stop - 1] if end is not None else ""
            inner = paragraph[start + len(head) : stop - len(tail)].strip(_SPACES)
            span = QuoteSpan(start, stop, head, tail)
            pieces.append(_Piece(span, inner, opened_in, continues=end is None))
            if end is None:
                result.append(pieces)
                continue
            open_mark, opened_in, position = "", None, end
        rest = paragraph[position:]
        spans = [QuoteSpan(s.start + position, s.end + position, s.opening, s.closing) for s in find_quote_spans(rest)]
        unclosed = _unclosed_opening(rest, find_quote_spans(rest))
        if unclosed is not None:
            unclosed += position
            spans = [s for s in spans if s.start < unclosed]
        pieces += [_Piece(s, s.inner(paragraph)) for s in spans]
        if unclosed is not None:
            mark = paragraph[unclosed]
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
            continues = _continues_in(following, mark)
            stop = len(paragraph.rstrip(_SPACES + "\n"))
            # An unclosed mark runs to the end of its paragraph; the quotation goes on when
            # the next paragraph carries it on.
            span = QuoteSpan(unclosed, stop, mark, "")
            inner = paragraph[unclosed + 1 : stop].strip(_SPACES)
            pieces.append(_Piece(span, inner, number if continues else None, continues))
            if continues:
                open_mark, opened_in = mark, number
        result.append(pieces)
    return result


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """All top-level quotations of an article, with speakers where the text names one.

    A quotation that runs over paragraph breaks gives one Quote per paragraph, linked by
    `opened_in`/`continues`; all of them get the speaker of the whole quotation.
    """
    quotes: list[Quote] = []
    context = ""
    for number, (paragraph, pieces) in enumerate(zip(paragraphs, _pieces(paragraphs))):
        for piece in pieces:
            if not any(ch.isalnum() for ch in piece.text):
                continue
            span = piece.span
            quotes.append(
                Quote(
                    text=piece.text,
                    opening=span.opening,
                    closing=span.closing,
                    paragraph=number,
                    start=span.start,
                    end=span.end,
                    speaker=find_speaker(paragraph, span, context),
                    opened_in=piece.opened_in,
                    continues=piece.continues,
                )
            )
        context += "\n" + paragraph
    return _one_speaker_per_quotation(quotes)


def _one_speaker_per_quotation(quotes: list[Quote]) -> list[Quote]:
    """Parts of a quotation spanning paragraphs share one speaker: the first one found."""
    from dataclasses import replace

    speakers: dict[int, str] = {}
    for quote in quotes:
        if quote.opened_in is not None and quote.speaker and quote.opened_in not in speakers:
            speakers[quote.opened_in] = quote.speaker
    return [replace(q, speaker=speakers[q.opened_in]) if q.opened_in in speakers else q for q in quotes]
