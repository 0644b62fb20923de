"""Where the article sits on a scraped page: its main block of prose, the headline, headings.

A news page is a block of prose (the article) with furniture around it: labels, site names
and the headline above, captions and credits beside, teasers, comments and paywall notices
below. Once the line rules of clean.py have dropped what has a clear furniture shape:
- the body block runs from the first to the last *anchor*, a paragraph of real prose (a
  sentence line of twelve words or more, full of French function words);
- above it, prose lines stay (a lead, a standfirst) and the other lines go: the headline
  becomes the title, labels, site names and teaser headlines are dropped;
- an end marker (an agency signature, or a "read more", related-articles or comments line
  with most of the prose above it) drops what follows;
- inside the block every line stays except one-word labels, photo tags beside a caption
  and short lines in the same gap as the byline or date; the other short lines without a
  sentence are the article's sub-headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.french.lines import SIGN_OFF, addresses_reader, french_share, is_fragment, is_question, is_sentence_line, loose_key

ANCHOR_WORDS = 12
ANCHOR_FRENCH_SHARE = 0.15
STANDFIRST_WORDS = 15
STANDFIRST_WORDS_UNDER_HEADLINE = 10
_HEADLINE_WORDS = (4, 25)
# Reasons of line rules after which the page says the article is over.
_END_MARKERS = frozenset({"read-more", "related-section", "comments"})
# Reasons of line rules for the article's header (an ad or a share bar can sit mid-body too).
_HEADER_REASONS = frozenset({"byline", "timestamp", "contact"})
# Reasons of line rules that follow a headline: its byline or date.
_HEADLINE_FOLLOWERS = frozenset({"byline", "timestamp"})


@dataclass
class PageLine:
    number: int
    text: str  # spaces normalised
    kept: str  # the line as kept in the body (stripped, inner spacing intact)
    reason: str | None = None  # why it was removed, None while kept


def is_anchor(text: str) -> bool:
    """A paragraph of real prose: a sentence of some length, made of French function words."""
    return (
        is_sentence_line(text)
        and len(text.split()) >= ANCHOR_WORDS
        and french_share(text) >= ANCHOR_FRENCH_SHARE
    )


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


def is_heading_like(text: str) -> bool:
    """A headline or sub-heading: a few words, no sentence end, not a name, label or menu."""
    words = len(text.split())
    if not _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1] or is_sentence_line(text) or is_fragment(text):
        return False
    if is_site_name(text) or _upper_share(text) > 0.6:
        return False
    # A menu is a long run of capitalised words ("Accueil Actualités Photos Contact …").
    return not (words >= 8 and _capitalised_share(text) > 0.6)


def _kept(lines: list[PageLine]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.reason is None]


def mark_related_links(lines: list[PageLine]) -> None:
    """The headlines listed under a bare "À lire aussi" or "Sur le même sujet" line are links too."""
    for i, line in enumerate(lines):
        if line.reason not in ("related-link", "related-section") or len(line.text.split()) > 4:
            continue
        for other in lines[i + 1 :]:
            if other.reason is not None and other.reason != "fragment":
                break
            if other.reason is None:
                if is_sentence_line(other.text):
                    break
                other.reason = "related-link"


# "Thomas Garnier", "Anne-Marie de la Tour": a person's name alone on a line.
_NAME_LINE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:(?:de|du|des|d['’]|le|la)\s*)*[A-ZÀ-ÖØ-Þ][\w'’\-.]*){1,3}"
)


def mark_byline_names(lines: list[PageLine]) -> None:
    """A byline over two lines: the name alone beside the author's role ("Journaliste sportif")."""
    for i, line in enumerate(lines):
        if line.reason != "byline":
            continue
        for other in lines[max(i - 1, 0) : i] + lines[i + 1 : i + 2]:
            if other.reason is None and _NAME_LINE.fullmatch(other.text):
                other.reason = "byline"


def mark_captions(lines: list[PageLine]) -> None:
    """A line repeated, with a credit added, as the next caption is that caption's text."""
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        stem = line.text.rstrip(" .")
        for other in lines[i + 1 : i + 3]:
            if other.reason == "caption" and other.text.startswith(stem) and len(stem.split()) >= 3:
                line.reason = "caption"
                break


def choose_headline(lines: list[PageLine], first_anchor: int, last_anchor: int) -> int | None:
    """Index of the page's headline among the kept lines, or None.

    Among the heading-like lines above the body block: the one a byline or date line
    follows (unless it follows another heading-like line: then it is a standfirst under
    the headline), else one the page repeats, else one right above a prose line, else the
    first, else a short question. With
    none above the body, the heading-like line right after it when a byline or date
    follows (pages that put the article first).
    """
    kept = _kept(lines)
    above = [i for i in kept if i < first_anchor and is_heading_like(lines[i].text)]
    repeated = {line.text for line in lines if line.reason in ("duplicate", "title")}
    for i in above:
        if _followed_by_byline_or_date(lines, i) and not _after_heading_like(lines, i):
            return i
    for i in above:
        if any(same_headline(text, lines[i].text) for text in repeated):
            return i
    for i in above:
        # Right above the standfirst or the first paragraph.
        if i + 1 < len(lines) and lines[i + 1].reason is None and is_sentence_line(lines[i + 1].text):
            return i
    if above:
        return above[0]
    questions = [i for i in kept if i < first_anchor and is_headline_question(lines[i].text)]
    if questions:
        return questions[0]
    after = next((i for i in kept if i > last_anchor), None)
    if after is not None and is_heading_like(lines[after].text) and _followed_by_byline_or_date(lines, after):
        return after
    return None


def is_headline_question(text: str) -> bool:
    """"Peut-on encore sauver les abeilles ?": a short question can be a headline too."""
    words = len(text.split())
    return _HEADLINE_WORDS[0] <= words <= 15 and is_question(text) and not is_site_name(text)


def _followed_by_byline_or_date(lines: list[PageLine], index: int) -> bool:
    following = next((line for line in lines[index + 1 :] if line.reason != "fragment"), None)
    return following is not None and following.reason in _HEADLINE_FOLLOWERS


def _after_heading_like(lines: list[PageLine], index: int) -> bool:
    previous = next((line for line in reversed(lines[:index]) if line.reason != "fragment"), None)
    return previous is not None and previous.reason is None and is_heading_like(previous.text)


def _next_to_caption(lines: list[PageLine], index: int) -> bool:
    neighbours = lines[max(index - 1, 0) : index] + lines[index + 1 : index + 2]
    return any(line.reason in ("caption", "credit", "copyright") for line in neighbours)


def cut_after_body(lines: list[PageLine], anchors: list[int]) -> None:
    """Drop everything after the point where the page says the article ends.

    That point is an agency signature closing a paragraph, or a line the page puts after
    an article (a "read more" link, a list of related articles, the comments: see
    `_is_end_marker`) with at least as much prose above it as below (the same line under a
    standfirst, with the article still to come, is only that line).
    """
    end = None
    for i in range(anchors[0], len(lines)):
        prose_above = _prose_words(lines, anchors, 0, i)
        if _is_end_marker(lines, i, anchors) and prose_above >= _prose_words(lines, anchors, i, len(lines)):
            end = i
            break
        if lines[i].reason is None and i in anchors and SIGN_OFF.search(lines[i].text):
            end = i + 1
            break
    if end is None:
        return
    for line in lines[end:]:
        if line.reason is None:
            line.reason = "after-body"


def _is_end_marker(lines: list[PageLine], index: int, anchors: list[int]) -> bool:
    """A strict end-of-article shape: a label ("Commentaires", "Sur le même sujet"), or a
    notice in sentence form that no prose paragraph follows (prose right after it means
    the article went on); a comments notice must also talk to the reader."""
    line = lines[index]
    if line.reason not in _END_MARKERS:
        return False
    if not is_sentence_line(line.text):
        return True
    following = next((i for i in range(index + 1, len(lines)) if lines[i].reason is None), None)
    if following in anchors:
        return False
    return line.reason != "comments" or addresses_reader(line.text)


def _prose_words(lines: list[PageLine], anchors: list[int], start: int, stop: int) -> int:
    return sum(len(lines[i].text.split()) for i in anchors if start <= i < stop)


def place_body(lines: list[PageLine], title_known: bool) -> tuple[int | None, list[int]]:
    """Mark what sits around the body block; return the headline's index and the headings'.

    Lines are PageLines whose `reason` the line rules already set. Sets `reason` on the
    lines that go, and returns (index of the headline line or None, indexes of headings).
    """
    mark_captions(lines)
    mark_byline_names(lines)
    mark_related_links(lines)
    kept = _kept(lines)
    anchors = [i for i in kept if is_anchor(lines[i].text)] or [i for i in kept if is_sentence_line(lines[i].text)]
    if not anchors:
        return None, []
    cut_after_body(lines, anchors)
    anchors = [i for i in anchors if lines[i].reason is None]
    first, last = anchors[0], anchors[-1]
    headline = None if title_known else choose_headline(lines, first, last)
    headings: list[int] = []
    standfirst = _standfirst(lines, first, headline)
    for i in _kept(lines):
        text = lines[i].text
        if i in (headline, standfirst) or is_sentence_line(text):
            continue
        if i < first:
            short = len(text.split()) <= 3
            lines[i].reason = "site-name" if is_site_name(text) else "label" if short else "before-body"
        elif i < last:
            if len(text.split()) <= 3 and _next_to_caption(lines, i):
                # A few words beside a photo caption belong to the photo block (title, tag).
                lines[i].reason = "caption"
            elif len(text.split()) == 1 or is_site_name(text):
                lines[i].reason = "label"
            elif _in_header_run(lines, i, anchors):
                lines[i].reason = "page-header"
            else:
                headings.append(i)
    return headline, headings


def _standfirst(lines: list[PageLine], first_anchor: int, headline: int | None) -> int | None:
    """A standfirst without a final stop: prose right under the headline, or right above the body."""
    if headline is not None and headline + 1 < first_anchor:
        below = headline + 1
        if lines[below].reason is None and _reads_as_prose(lines[below].text, STANDFIRST_WORDS_UNDER_HEADLINE):
            return below
    above = [i for i in _kept(lines) if i < first_anchor and i != headline]
    if above and _reads_as_prose(lines[above[-1]].text, STANDFIRST_WORDS):
        return above[-1]
    return None


def _reads_as_prose(text: str, min_words: int) -> bool:
    return len(text.split()) >= min_words and french_share(text) >= 0.2 and not is_site_name(text)


def _in_header_run(lines: list[PageLine], index: int, anchors: list[int]) -> bool:
    """Between two body paragraphs, with the byline or date: page header, not a heading."""
    before = max((a for a in anchors if a < index), default=-1)
    after = min((a for a in anchors if a > index), default=len(lines))
    return any(line.reason in _HEADER_REASONS for line in lines[before + 1 : after])


def same_headline(text: str, title: str) -> bool:
    """The headline again, punctuation and case aside."""
    return bool(loose_key(title)) and loose_key(text) == loose_key(title)
