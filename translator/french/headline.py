"""Which line of a scraped page is its headline.

A headline is a line of a few words without a sentence end, above the article (or in the
header lines at its top), that is not a name, a label, a menu, a list of links, a widget
or a date line. Several lines can look like one (a site's slogan, a teaser, a video's
title); the headline is the one the page treats as such: its byline or date follows it
(photo and caption lines may sit in between), or the page repeats it (a site suffix
aside: "… - LyonMag"), or it sits right above the standfirst or the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.french.lines import french_share, is_fragment, is_question, is_sentence_line, loose_key

HEADLINE_WORDS = (4, 25)
QUESTION_HEADLINE_WORDS = 20
# Reasons of line rules that follow a headline: its byline, its date, its author's address.
_HEADLINE_FOLLOWERS = frozenset({"byline", "timestamp", "contact"})
# Lines that may sit between a headline and its byline or date: the photo block.
_PHOTO_BLOCK = frozenset({"fragment", "caption", "credit", "copyright", "duplicate", "title"})
# A heading-like line this long under another one is the standfirst, not the headline.
_STANDFIRST_WORDS = 15
# How many lines of the photo block a headline's byline may come after.
_PHOTO_BLOCK_LINES = 3
# How far down the page (in non-empty lines) a headline can sit in the body's header.
_HEADER_LINES = 8
# A list item of a scraped menu or breadcrumb: "1. Accueil", "  2. Finance".
NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
# A trailing site name: "… - LyonMag", "… | Le Journal" (a few words after a dash or bar).
_SITE_SUFFIX = re.compile(r"\s+(?:\|\s*|[–—-]\s+)[^|–—-]{1,30}$")
# "Thomas Garnier", "Anne-Marie de la Tour": a person's name alone on a line.
NAME_LINE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:(?:de|du|des|d['’]|le|la)\s*)*[A-ZÀ-ÖØ-Þ][\w'’\-.]*){1,3}"
)
# A headline that is a quotation, or a label and a quotation: "Université: «On s'unit.»".
_QUOTE_HEADLINE = re.compile(r"^(?:[^«“\"]{1,40}:\s*)?[«“\"][^«»“”\"]+[»”\"]$")
_QUOTE_HEADLINE_WORDS = 12
# A page's own words in a hashtag ("#ONfr", "#Francophonie"): a tag line, not a headline.
_HASHTAG = re.compile(r"(?:^|\s)#\w")


@dataclass
class PageLine:
    number: int
    text: str  # spaces normalised
    kept: str  # the line as kept in the body (stripped, inner spacing intact)
    reason: str | None = None  # why it was removed, None while kept


def _upper_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0


def _capitalised_share(text: str) -> float:
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return sum(w.lstrip("«\"“'(")[:1].isupper() for w in words) / len(words) if words else 0.0


# A domain-like token: a dot between letters, then a top-level part all lower or all upper
# case ("exemple.fr", "JOURNAL.INFO"; not "ville.Il", two sentences glued together).
_DOMAIN = re.compile(r"[^\W\d_]\.(?:[a-z]{2,10}|[A-Z]{2,10})(?=$|[\s/:|,)])")


def is_site_name(text: str) -> bool:
    """"french.example.com", "LE JOURNAL.INFO", "/news/politics": a name or address, not words."""
    if len(text.split()) > 8:
        return False  # a sentence that names a site is still a sentence
    return bool(_DOMAIN.search(text) or text.startswith("/")) or (
        _upper_share(text) > 0.6 and len(text.split()) <= 6
    )


def is_quote_headline(text: str) -> bool:
    """"« Nous ne lâcherons rien »", "Hôpital: «On tient. On gagnera.»": a short line that
    is a quotation (after a label) ends like a sentence but reads as a headline."""
    return len(text.split()) <= _QUOTE_HEADLINE_WORDS and bool(_QUOTE_HEADLINE.match(text))


def is_heading_like(text: str) -> bool:
    """A headline or sub-heading: a few words, no sentence end, not a name, label or menu."""
    words = len(text.split())
    if not HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] or is_fragment(text) or _HASHTAG.search(text):
        return False
    if is_sentence_line(text) and not is_quote_headline(text):
        return False
    if is_site_name(text) or NUMBERED_ITEM.match(text):
        return False
    # An all-capitals line is a label or a name, unless it is a phrase ("LA VILLE : UN PARI").
    if _upper_share(text) > 0.6 and not (words >= 5 and french_share(text) > 0):
        return False
    # A menu is a long run of capitalised words ("Accueil Actualités Photos Contact …").
    return not (words >= 8 and _capitalised_share(text) > 0.6 and _upper_share(text) <= 0.6)


def is_headline_question(text: str) -> bool:
    """"Peut-on encore sauver les abeilles ?": a short question can be a headline too."""
    words = len(text.split())
    return (
        HEADLINE_WORDS[0] <= words <= QUESTION_HEADLINE_WORDS and is_question(text) and not is_site_name(text) and not NUMBERED_ITEM.match(text)
    )


def same_headline(text: str, title: str) -> bool:
    """The headline again, punctuation and case aside."""
    return bool(loose_key(title)) and loose_key(text) == loose_key(title)


def same_headline_but_site(text: str, title: str) -> bool:
    """The headline again, or with the site's name after it ("… - LyonMag")."""
    return same_headline(text, title) or any(
        same_headline(_SITE_SUFFIX.sub("", a), b) and _SITE_SUFFIX.search(a) for a, b in ((text, title), (title, text))
    )


def choose_headline(lines: list[PageLine], first_anchor: int, last_anchor: int) -> int | None:
    """Index of the page's headline among the kept lines, or None.

    Among the heading-like lines above the body block: the one a byline or date line
    follows, the photo block aside (unless it is a long line under another heading-like
    line: then it is a standfirst under the headline), else one the page repeats, else one
    right above a prose line, else the first, else a short question. With none above the
    body, a heading-like line beside the byline or date at the top of the body (a page
    that opens with its standfirst), or the one right after the body when a byline or
    date follows (pages that put the article first).
    """
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    above = [i for i in kept if i < first_anchor and is_heading_like(lines[i].text)]
    for i in above:
        if _followed_by_byline_or_date(lines, i) and not _standfirst_under_heading(lines, i):
            return i
    for i in above:
        if any(j != i and same_headline_but_site(line.text, lines[i].text) for j, line in enumerate(lines)):
            return i
    for i in above:
        # Right above the standfirst or the first paragraph.
        if i + 1 < len(lines) and lines[i + 1].reason is None and is_sentence_line(lines[i + 1].text):
            return i
    if above:
        # The first, unless it reads as a name (a site's, a section's) and a headline follows.
        return next((i for i in above if not _names_something(lines[i].text)), above[0])
    questions = [i for i in kept if i < first_anchor and is_headline_question(lines[i].text)]
    if questions:
        return questions[0]
    header = next((i for i in kept if first_anchor < i < last_anchor and _in_header(lines, i)), None)
    if header is not None:
        return header
    after = next((i for i in kept if i > last_anchor), None)
    if after is not None and is_heading_like(lines[after].text) and _followed_by_byline_or_date(lines, after):
        return after
    if kept and _exclaimed_at_top(lines, kept):
        return kept[0]
    return None


_NAME_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "&"})


def _names_something(text: str) -> bool:
    """"Le Courrier du Sud", "Radio Télé Nord": a few words, each capitalised but the small
    words between: a name (a paper, a section, a place), not a headline."""
    words = text.split()
    return len(words) <= 5 and all(
        (w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha()) or w.lower() in _NAME_LINKS
        for w in words
    )


def site_suffix_removed(title: str) -> str:
    """"Lycées : la région vote un plan - Le Courrier du Sud" → the headline: a dash or bar
    then a name (a domain, capitals, or capitalised words) ends a page title, not a headline."""
    match = _SITE_SUFFIX.search(title)
    if match is None:
        return title
    suffix = match.group(0).strip(" |–—-")
    return title[: match.start()] if _DOMAIN.search(suffix) or _names_something(suffix) else title


def _exclaimed_at_top(lines: list[PageLine], kept: list[int]) -> bool:
    """"Le club de Brest remonte en première division !" as the page's first line, over longer
    prose: a short exclamation or question opening a page with no other headline is one."""
    if len(kept) < 2:
        return False
    text, following = lines[kept[0]].text, lines[kept[1]].text
    words = len(text.split())
    return (
        HEADLINE_WORDS[0] <= words <= QUESTION_HEADLINE_WORDS
        and re.search(r"[!?][\s»”\"’)]*$", text) is not None
        and is_sentence_line(following)
        and len(following.split()) > 2 * words
        and not is_site_name(text)
    )


def _followed_by_byline_or_date(lines: list[PageLine], index: int) -> bool:
    """A byline, date or author's address comes next, after at most a few lines of the
    photo block (captions, credits, one-word tags) or the author's name alone."""
    skipped = 0
    for line in lines[index + 1 :]:
        if line.reason in _HEADLINE_FOLLOWERS:
            return True
        if line.reason == "fragment":
            continue
        photo = line.reason in _PHOTO_BLOCK or (line.reason is None and len(line.text.split()) == 1)
        name = line.reason is None and bool(NAME_LINE.fullmatch(line.text))
        skipped += 1
        if not (photo or name) or skipped > _PHOTO_BLOCK_LINES:
            return False
    return False


def _standfirst_under_heading(lines: list[PageLine], index: int) -> bool:
    """A line of standfirst length right under another heading-like line."""
    previous = next((line for line in reversed(lines[:index]) if line.reason != "fragment"), None)
    return (
        previous is not None
        and previous.reason is None
        and is_heading_like(previous.text)
        and len(lines[index].text.split()) >= max(_STANDFIRST_WORDS, len(previous.text.split()) + 1)
    )


def _in_header(lines: list[PageLine], index: int) -> bool:
    """A heading-like line next to the byline or date, near the top of the body."""
    if not is_heading_like(lines[index].text) or index > _HEADER_LINES:
        return False
    neighbours = [line for line in lines[max(index - 1, 0) : index + 2] if line is not lines[index]]
    return any(line.reason in _HEADLINE_FOLLOWERS for line in neighbours)
