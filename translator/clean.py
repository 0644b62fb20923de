"""Turn a scraped page into the article body: drop page furniture, keep every body paragraph.

The rules are about the *shape* of lines (timestamps, calls to follow/share, bylines,
a trailing run of short unpunctuated headlines), never about one site's wording.
"""

from __future__ import annotations

import re
from datetime import date

from .document import Article, ArticleDate, RemovedLine
from .reader import RawDocument

_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_MONTH = "|".join(_MONTHS)
_DATE_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?\b")
_DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_DATE_WORDS = re.compile(rf"\b(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?\b", re.IGNORECASE)
_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])\s*(?:h|H|:)\s*(?P<min>[0-5]\d)\b")
_STAMP_WORDS = re.compile(
    r"\b(?:(?:dernière\s+)?mise?\s+à\s+jour|mis\s+à\s+jour|màj|maj|publié(?:e)?|modifié(?:e)?|actualisé(?:e)?|"
    r"mise\s+en\s+ligne|posté(?:e)?|updated|published)\b",
    re.IGNORECASE,
)
_WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

_PLATFORMS = (
    r"(?:facebook|twitter|x\.com|wechat|weibo|instagram|linkedin|whatsapp|telegram|tiktok|youtube|"
    r"snapchat|bluesky|mastodon|threads|flux\s+rss|rss|google\s+news)"
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:suivez[- ]nous|nous\s+suivre|retrouvez[- ]nous|rejoignez[- ]nous|nous\s+rejoindre|abonnez[- ]vous|"
    r"inscrivez[- ]vous|partagez|partager|scannez|scanner|téléchargez|likez|aimez\s+notre\s+page|"
    r"code\s+qr|qr\s+code|newsletter|lettre\s+d['’]information)\b",
    re.IGNORECASE,
)
_PLATFORM = re.compile(rf"\b{_PLATFORMS}\b", re.IGNORECASE)
_ONLY_PLATFORMS = re.compile(rf"^(?:[\s|•·,/\-–]*{_PLATFORMS})+[\s|•·,/\-–]*$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|tous\s+droits\s+réservés|all\s+rights\s+reserved", re.IGNORECASE)
# The lead words are case-insensitive, the name after them must be capitalised.
_BYLINE = re.compile(
    r"^(?i:par|de\s+notre\s+(?:envoyée?\s+spéciale?|correspondante?)|propos\s+recueillis\s+par|texte\s*:|"
    r"rédaction\s*:|auteur\s*:)\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*)(?:\s+(?:de\s+|d['’])?[A-ZÀ-ÖØ-Þ][\w'’.\-]*)*"
    r"(?:\s*(?:,|avec|et|à|–|-)\s*.*)?$"
    # "Par la rédaction", "Par notre correspondante à Lyon"
    r"|^(?i:par\s+(?:la\s+rédaction|notre\s+(?:rédaction|envoyée?\s+spéciale?|correspondante?))\b.*)$",
)
_CREDIT = re.compile(
    r"^(?:photo|photos|crédits?(?:\s+photo)?|source|sources|illustration|image|vidéo|légende)\s*[:©]"
    r"|^\(?(?:afp|reuters|ap|xinhua|belga|ats|dpa)\)?$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:à|a)?\s*lire\s+(?:aussi|également|la\s+suite)|^voir\s+aussi|^sur\s+le\s+même\s+sujet|"
    r"^en\s+savoir\s+plus|^articles?\s+(?:liés|similaires|associés)|^dans\s+la\s+même\s+rubrique",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:accueil|imprimer|envoyer(?:\s+à\s+un\s+ami)?|commentaires?|réagir|mots[- ]clés|tags?|publicité|"
    r"menu|rechercher|se\s+connecter|fermer|retour\s+en\s+haut|plus\s+d['’]articles?)\b",
    re.IGNORECASE,
)
# A line "ends a sentence" when it closes with . ! ? … possibly followed by quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…](?:[\s\u00a0\u202f]*[»”\"’)\]])*$")
_MAX_HEADLINE_WORDS = 25
_MAX_FURNITURE_WORDS = 12


def _norm(line: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", line).strip()


def parse_timestamp(line: str) -> ArticleDate | None:
    """Parse a "Dernière mise à jour à 08h44 le 17/02"-style line; None if it is not one."""
    text = _norm(line)
    if len(text.split()) > 16:
        return None
    found = _DATE_ISO.search(text) or _DATE_WORDS.search(text) or _DATE_NUMERIC.search(text)
    clock = _TIME.search(text)
    if found is None:
        return None
    rest = text
    for match in (found, clock):
        if match is not None:
            rest = rest.replace(match.group(0), " ")
    # Either a stamp keyword, or nothing but date words around the date ("Le 3 mars 2024, 14h05").
    leftovers = re.sub(rf"\b(?:le|à|a|les|de|du|et|{_WEEKDAYS})\b|[\s,.\-–|:()]", "", rest, flags=re.IGNORECASE)
    if not _STAMP_WORDS.search(text) and leftovers:
        return None
    month_text = found.group("m")
    month = _MONTHS.get(month_text.lower()) if not month_text.isdigit() else int(month_text)
    day = int(found.group("d"))
    year_text = found.group("y")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return ArticleDate(
        day=day,
        month=month,
        year=year,
        hour=int(clock.group("h")) if clock else None,
        minute=int(clock.group("min")) if clock else None,
        raw=text,
    )


def furniture_reason(line: str) -> str | None:
    """Why a single line is page furniture rather than article text, or None."""
    text = _norm(line)
    words = len(text.split())
    if _COPYRIGHT.search(text):
        return "copyright"
    if _ONLY_PLATFORMS.match(text):
        return "social"
    if _CALL_TO_ACTION.search(text) and (_PLATFORM.search(text) or words <= _MAX_FURNITURE_WORDS or "qr" in text.lower()):
        return "social"
    if words <= _MAX_FURNITURE_WORDS + 4 and _RELATED.match(text):
        return "related-link"
    if words <= _MAX_FURNITURE_WORDS and not _SENTENCE_END.search(text):
        if _BYLINE.match(text):
            return "byline"
        if _FURNITURE.match(text):
            return "page-furniture"
    if words <= _MAX_FURNITURE_WORDS and _CREDIT.match(text):
        return "credit"
    return None


def is_sentence_line(line: str) -> bool:
    """A body-like line: ends like a sentence, or is too long to be a headline."""
    text = _norm(line)
    return bool(_SENTENCE_END.search(text)) or len(text.split()) > _MAX_HEADLINE_WORDS


def _is_short_question(line: str) -> bool:
    text = _norm(line)
    return len(text.split()) <= 14 and bool(re.search(r"[?!](?:[\s\u00a0]*[»”\"])*$", text))


def _strip_site_name(title: str) -> str:
    # "Le port de Marseille… | Le Journal" → the part before the site name.
    parts = re.split(r"\s+[|–—-]\s+", title)
    return max(parts, key=len) if len(parts) > 1 else title


def clean_document(raw: RawDocument) -> Article:
    """Article body, title, date and the list of removed lines for one raw document."""
    removed: list[RemovedLine] = []
    kept: list[tuple[int, str]] = []
    seen: set[str] = set()
    article_date: ArticleDate | None = None
    if raw.published is not None:
        article_date = ArticleDate(raw.published.day, raw.published.month, raw.published.year, raw=str(raw.published))
    title = _norm(_strip_site_name(raw.title)) if raw.title else None

    for number, line in enumerate(raw.text.split("\n"), start=1):
        text = _norm(line)
        if not text:
            continue
        key = text.casefold()
        stamp = parse_timestamp(text)
        if stamp is not None:
            if article_date is None or (article_date.hour is None and stamp.hour is not None and not raw.published):
                article_date = stamp
            removed.append(RemovedLine(number, text, "timestamp"))
        elif title and key == title.casefold():
            removed.append(RemovedLine(number, text, "title"))
        elif key in seen:
            removed.append(RemovedLine(number, text, "duplicate"))
        elif reason := furniture_reason(text):
            removed.append(RemovedLine(number, text, reason))
        else:
            kept.append((number, line.strip()))
        seen.add(key)

    kept = _drop_trailing_headlines(kept, removed)
    if title is None and len(kept) >= 2 and not is_sentence_line(kept[0][1]) and is_sentence_line(kept[1][1]):
        # A short unpunctuated line opening the page, followed by prose, is its headline.
        number, text = kept.pop(0)
        title = _norm(text)
        removed.append(RemovedLine(number, _norm(text), "title"))

    removed.sort(key=lambda r: r.line_number)
    return Article(
        source=raw.source,
        paragraphs=[text for _, text in kept],
        title=title,
        date=article_date,
        removed=removed,
        encoding=raw.encoding,
        source_format=raw.source_format,
    )


def _drop_trailing_headlines(kept: list[tuple[int, str]], removed: list[RemovedLine]) -> list[tuple[int, str]]:
    """Remove the run of unrelated headlines after the last body paragraph."""
    cut = len(kept)
    while cut > 0:
        text = kept[cut - 1][1]
        if not is_sentence_line(text):
            cut -= 1
        elif _is_short_question(text) and cut >= 2 and not is_sentence_line(kept[cut - 2][1]) and cut < len(kept):
            # "Pourquoi … ?" sitting between headlines is a headline too.
            cut -= 1
        else:
            break
    for number, text in kept[cut:]:
        removed.append(RemovedLine(number, _norm(text), "trailing-headline"))
    return kept[:cut]
