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

from translator.french.headline import NAME_LINE, QUESTION_HEADLINE_WORDS, PageLine, choose_headline, is_site_name
from translator.french.lines import SIGN_OFF, addresses_reader, french_share, is_question, is_sentence_line

ANCHOR_WORDS = 12
ANCHOR_FRENCH_SHARE = 0.15
STANDFIRST_WORDS = 15
STANDFIRST_WORDS_UNDER_HEADLINE = 10
# Reasons of line rules after which the page says the article is over.
_END_MARKERS = frozenset({"read-more", "related-section", "comments"})
# Reasons of line rules for the article's header (an ad or a share bar can sit mid-body too).
_HEADER_REASONS = frozenset({"byline", "timestamp", "contact"})


def is_anchor(text: str) -> bool:
    """A paragraph of real prose: a sentence of some length, made of French function words."""
    return (
        is_sentence_line(text)
        # a short question is a headline or a teaser, not the prose that anchors the body
        and not (is_question(text) and len(text.split()) <= QUESTION_HEADLINE_WORDS)
        and len(text.split()) >= ANCHOR_WORDS
        and french_share(text) >= ANCHOR_FRENCH_SHARE
    )


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



def mark_byline_names(lines: list[PageLine]) -> None:
    """A byline over two lines: the name alone beside the author's role ("Journaliste sportif")."""
    for i, line in enumerate(lines):
        if line.reason != "byline":
            continue
        for other in lines[max(i - 1, 0) : i] + lines[i + 1 : i + 2]:
            if other.reason is None and NAME_LINE.fullmatch(other.text):
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
            elif NAME_LINE.fullmatch(text):
                lines[i].reason = "byline"  # a person's name alone: the author, not a sub-heading
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
