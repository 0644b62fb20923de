"""Turn a scraped page into the article body: drop page furniture, keep every body paragraph.

Two passes, both about the *shape* of lines, never about one site's wording:
1. line rules (`furniture_reason`): timestamps, copyright, credits and captions, bylines and
   contact lines, calls to act (share, follow, sign up, report an error, read more),
   paywall, login, comment and cookie notices, related-article headings, fragments,
   English lines;
2. the page layout (layout.py): the body is the block of prose between the first and last
   long prose paragraph; labels, site names and headline runs above it go, the headline
   becomes the title, the page's end markers (related articles, "read more", comments,
   an agency signature) cut what follows, trailing headlines go; short lines without a
   sentence inside the block are kept as sub-headings.
"""

from __future__ import annotations

import re
from datetime import datetime

from translator.document import Article, ArticleDate, RemovedLine
from translator.french.dates import DATE_NUMERIC, RELATIVE_STAMP, TIME, is_empty_stamp, parse_timestamp
from translator.french.headline import NUMBERED_ITEM, PageLine, is_headline_question, same_headline_but_site, site_suffix_removed
from translator.french.layout import place_body
from translator.french.lines import (
    addresses_reader,
    is_english,
    is_fragment,
    is_running_prose,
    is_sentence_line,
    loose_key,
    reads_as_news,
    words_of,
)
from translator.french.lines import SENTENCE_END as _SENTENCE_END
from translator.french.lines import norm as _norm
from translator.french.reader import RawDocument



_PLATFORMS = (
    r"(?:facebook|twitter|x\.com|wechat|weibo|instagram|linkedin|whatsapp|telegram|tiktok|youtube|"
    r"snapchat|bluesky|mastodon|threads|flux\s+rss|rss|google\s+news)"
)
_CALL_TO_ACTION = re.compile(
    r"\brecevez\s+(?:gratuitement\s+)?(?:notre|nos|chaque|tous\s+les|l['’]essentiel)|"
    r"\b(?:suivez[- ]nous|suivez\s+(?:[\w'’.\-]+\s+){1,4}sur|nous\s+suivre|retrouvez[- ]nous|rejoignez[- ]nous|nous\s+rejoindre|abonnez[- ]vous|"
    r"inscrivez[- ]vous|partagez|partager|scannez|scanner|téléchargez|likez|aimez\s+notre\s+page|"
    r"code\s+qr|qr\s+code|newsletter|lettre\s+d['’]information)\b",
    re.IGNORECASE,
)
_PLATFORM = re.compile(rf"\b{_PLATFORMS}\b", re.IGNORECASE)
# What is left of an embedded post: "pic.twitter.com/…", "— Nom (@compte) 3 mars 2024".
_EMBEDDED_POST = re.compile(r"\bpic\.twitter\.com/|\(@\w+\)\s+(?:\d|[a-zéû]+\s+\d)", re.IGNORECASE)
_ONLY_PLATFORMS = re.compile(rf"^(?:[\s|•·,/\-–]*{_PLATFORMS})+[\s|•·,/\-–]*$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|tous\s+droits\s+réservés|all\s+rights\s+reserved", re.IGNORECASE)
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
# The lead words are case-insensitive, the name after them must be capitalised.
_BYLINE = re.compile(
    rf"^(?i:par|(?:é|e)crit\s+par|de\s+notre\s+(?:envoyée?\s+spéciale?|correspondante?)|propos\s+recueillis\s+par|texte\s*:|"
    rf"rédaction\s*:|auteur\s*:)\s+(?:{_CAPITALISED})(?:\s+(?:de\s+|d['’])?{_CAPITALISED})*"
    r"(?:\s*(?:,|avec|et|à|–|-)\s*.*)?$"
    # "Lille de notre correspondante", "Kinshasa, de notre envoyé spécial": a place, then the byline
    rf"|^{_CAPITALISED}(?:[\s\-]+{_CAPITALISED})?\s*,?\s+(?i:de\s+notre\s+(?:envoyée?\s+spéciale?|correspondante?|"
    r"bureau|rédaction))\b.*$"
    # "Par la rédaction", "Par notre correspondante à Lyon"
    r"|^(?i:par\s+(?:la\s+rédaction|notre\s+(?:rédaction|envoyée?\s+spéciale?|correspondante?))\b.*)$"
    # "Anne Morel, correspondante à Lyon", "Paul Roux Journaliste", "LDA Journaliste"
    rf"|^{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}\s*[,\-–—]?\s*(?i:journaliste|correspondante?|correspondance|"
    r"envoyée?\s+spéciale?|rédact(?:eur|rice)|reporter|photographe|chroniqueu(?:r|se))\b.*$"
    # The role alone, its name on the next line: "Journaliste sportif", "Correspondante à Lille"
    r"|^(?i:journaliste|correspondante?|envoyée?\s+spéciale?|rédact(?:eur|rice)|reporter|photographe|"
    r"chroniqueu(?:r|se))(?:\s+[\w'’\-]+){0,3}$",
)
_CREDIT = re.compile(
    r"^(?:photo|photos|crédits?(?:\s+photo)?|source|sources|illustration|image|vidéo|légende)\s*[:©]"
    # "Photo REUTERS/Jean Dupont": a credit word, then an agency or a name with a slash.
    r"|^(?:photo|photos|crédits?(?:\s+photo)?|image|illustration)\s+[A-ZÀ-ÖØ-Þ][^.!?]*/"
    # "PHOTO JEANNE ROY, REUTERS": the credit word and the name in capitals, then an agency.
    r"|^(?-i:PHOTOS?|CRÉDITS?)\s+(?-i:[A-ZÀ-ÖØ-Þ'’ .-]+),\s*(?-i:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ ./-]*)$"
    r"|^\(?(?:[\w'’ -]{0,30}\s)?(?:avec\s+)?(?:afp|reuters|ap|belga|ats|dpa)\)?$"
    # "(AGC)", "(Avec AGC)", "(AGC/XYZ)": an agency credit, a short all-caps token in brackets.
    r"|^\((?:(?i:avec)\s+)?[A-Z]{2,8}(?:\s*[/,]\s*[A-Za-z]{2,8})*\)$",
    re.IGNORECASE,
)
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+"
# A caption ends with its credit: "… | LE COURRIER", "… (Photo : X)", "… (©AP)", "… Image: AFP",
# "… © A. B./AFP", "… - Twitter X Y", "… Photo d'illustration Journal /Jean DUPONT",
# "… la récolte. PHOTOPRESSE", "… Gironde. — JEAN DUPONT/AGENCE": capitals after the last
# sentence (a credit word of 4+ capitals; a 2–3 letter acronym, or one capital word alone
# after a dash, is an agency signature ending a body paragraph).
_CAPTION_CREDIT = re.compile(
    r"\s\|\s*(?P<pipe>[^|]{1,40})$"
    r"|\((?i:\s*©|\s*photos?\b|\s*crédits?\b|\s*images?\b|\s*illustration\b)[^()]*\)?$"
    r"|[.!?…»)]\s*(?i:photos?|images?|crédits?(?:\s+photo)?|illustration|source)\s*:\s*[^.!?]{1,50}$"
    r"|[.!?…]\s+(?i:photos?|images?|crédits?)\b[^.!?]{0,40}(?:/|©|\b[A-ZÀ-ÖØ-Þ]{3,}\b)[^.!?]{0,40}$"
    r"|\S\s*©\s*[^©.!?]{1,50}$"
    rf"|\s[-–—]\s*(?i:{_PLATFORMS}|photos?|crédits?|images?|capture)\b[^.!?]{{0,50}}$"
    rf"|[.!?…]\s+(?:[-–—•·]\s*)?{_CAPS_WORD}(?:(?:\s+|\s*/\s*){_CAPS_WORD}){{1,4}}$"
    r"|[.!?…]\s+[A-ZÀ-ÖØ-Þ]{4,}$"
    # "… à Toronto. Archives, #ONfr": a credit that is the site's hashtag
    r"|[.!?…]\s+[^.!?]{0,30}#\w+$"
)
# A caption that opens with what the picture is: "Copie d'écran - L'ambassadeur …", "Photo : Le …".
_PICTURE_LEAD = re.compile(r"^(?:photos?|images?|illustration|(?:capture|copie)\s+d['’]écran)\s*[-–—:]\s", re.IGNORECASE)
# An advertising slot: "La suite sous cette publicité", "Votre publicité ici …", "Annonce".
_AD_SLOT = re.compile(
    r"^[^:]*(?:\b(?:cette|votre|notre|la|une)\s+publicité\b|\bespace\s+publicitaire\b|"
    r"\b(?:contenu|article|annonce)\s+sponsorisée?\b)[^:]*$",
    re.IGNORECASE,
)
_MAX_AD_SLOT_WORDS = 8
# A rating widget: "★★★★☆", "4,2/5 (120 avis)", "Note : 8/10".
_RATING = re.compile(r"[★☆✩✪⭐]|\b\d+(?:[.,]\d+)?\s*/\s*(?:5|10|20)\b.*\b(?:avis|votes?|notes?)\b|^note\s*:\s*\d", re.IGNORECASE)
# A label for subscribers: "Sélection abonnés", "Article abonné", "Premium".
_SUBSCRIBERS_LABEL = re.compile(r"\b(?:abonnée?s?|premium)\b", re.IGNORECASE)
# A hashtag: "#Francophonie", "Togo Protest #Tag".
_HASHTAG = re.compile(r"(?:^|\s)#\w")
# A comment's header: "Pseudo le 27/01/2026 à 12:45".
_COMMENT_HEADER_WORDS = 6
# A video or podcast card: "Title / Programme / 7 min. / le 25 septembre 2019".
_MEDIA_CARD = re.compile(r"\s/\s.*\s/\s.*\b\d+\s*(?:min|s|sec)\b\.?")
_RELATED = re.compile(
    r"^\W*(?:à|a)?\s*lire\s+(?:aussi|également|la\s+suite)|^\W*(?:à|a)\s+lire\s*[:–—-]|"
    r"^\W*voir\s+aussi|^en\s+savoir\s+plus",
    re.IGNORECASE,
)
# A heading that opens a list of other articles: what follows it is not this article.
_RELATED_SECTION = re.compile(
    r"^(?:(?:les\s+)?(?:articles?|sujets?|contenus?|vidéos?)\s+(?:en\s+relation|liés|similaires|associés|recommandés|"
    r"sponsorisés?)|sur\s+le\s+même\s+(?:sujet|thème)|dans\s+la\s+même\s+rubrique|les\s+plus\s+(?:lus|commentés|"
    r"partagés|populaires|consultés)|nos\s+derniers\s+articles|plus\s+d['’]articles?|vous\s+aimerez\s+aussi|"
    r"ailleurs\s+sur\s+le\s+web|contenus?\s+partenaires?|(?:à|a)\s+découvrir\s+aussi)\W*$",
    re.IGNORECASE,
)
# The page says the article stops here or goes on elsewhere.
_READ_MORE = re.compile(
    r"^\W*(?:\(\.\.\.\)|\[\.\.\.\]|…)?\s*(?:(?:lire|voir)\s+la\s+suite|continuer\s+(?:la\s+lecture|à\s+lire)|"
    r"(?:lire|voir)\s+l['’]article|cliquez\s+ici|cliquer\s+ici)",
    re.IGNORECASE,
)
# What a paywall says about the article ("Article réservé à nos abonnés"), not any sentence
# with "abonnés" in it ("le parking est réservé aux abonnés du service").
_PAYWALL_ABOUT_THE_ARTICLE = (
    r"\b(?:article|contenu|édition)s?\s+(?:est\s+)?réservée?s?\s+(?:aux|à\s+nos)\s+(?:abonnés|membres)|"
    r"^réservée?s?\s+(?:aux|à\s+nos)\s+abonnés|\bla\s+suite\s+est\s+réservée|\bje\s+m['’]abonne|"
    r"\bnotre\s+offre\s+(?:numérique|d['’]essai|du\s+moment|découverte)"
)
_PAYWALL = re.compile(
    _PAYWALL_ABOUT_THE_ARTICLE + r"|\bdéjà\s+abonnée?|\bpour\s+lire\s+la\s+suite|\bvous\s+êtes\s+abonnée?",
    re.IGNORECASE,
)
_LOGIN = re.compile(
    r"\b(?:connectez[- ]vous|se\s+connecter|je\s+me\s+connecte|devenez\s+membre|identifiez[- ]vous|"
    r"créez?\s+(?:un|votre)\s+compte)\b"
    # The reader told about their account: "Vous êtes inscrit", "Merci de vous être connectée".
    r"|^(?=.*\b(?:vous|votre)\b).*\b(?:inscrite?s?|connectée?s?|identifiée?s?|mot\s+de\s+passe)\b",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:commentaires?|réagir)\W*$|"
    r"\b(?:(?:ajout|laiss|post|publi|affich)(?:er|ez)|écrire|écrivez|voir)(?:[- ]nous)?\s+"
    r"(?:un|des|les|vos?|votre)\s+commentaires?\b|"
    r"\baucun\s+commentaire\s+n['’]est\b|"
    # the reader asked to comment: "Donnez votre avis dans les commentaires"
    r"^(?=.*\b(?:vous|votre|vos)\b|\W*[^\W\d_]+ez\b).*\bcommentaires?\b",
    re.IGNORECASE,
)
_REPORT_ERROR = re.compile(
    r"\bsignal(?:er|ez)(?:[- ]nous|[- ]le)?\s+(?:une|un|l['’]|les)?\s*(?:erreur|faute|coquille|contenu|ici)|"
    r"\b(?:repéré|relevé|remarqué|trouvé)\s+une\s+(?:erreur|faute|coquille)|\bsignalez[- ]le\b",
    re.IGNORECASE,
)
# Cookie and script notices talk to the reader about the site ("vous", "ce site"); a news
# sentence about cookies does not.
_COOKIES = re.compile(
    r"^(?=.*\b(?:cookies?|traceurs|javascript)\b)(?=.*\b(?:vous|votre|vos|ce\s+site|notre\s+site|nous\s+utilisons|"
    r"accepte[rz]?|paramétre[rz]?|notre\s+trafic|nous\s+permettent)\b)"
    r"|^(?:j['’]accepte|tout\s+accepter|tout\s+refuser|accepter\s+et\s+fermer|continuer\s+sans\s+accepter)\W*$",
    re.IGNORECASE,
)
# The site speaking of itself to its reader: a consent notice, never news about cookies.
_SITE_VOICE = re.compile(
    r"\b(?:notre\s+site|nos\s+partenaires|notre\s+trafic|nous\s+utilisons|vous\s+acceptez|votre\s+consentement)\b",
    re.IGNORECASE,
)
# The buttons of a consent banner on one line: "En savoir plus OK", "Paramétrer Accepter".
_CONSENT_BUTTONS = re.compile(
    r"^(?:en\s+savoir\s+plus|paramétrer|paramètres|personnaliser|gérer\s+mes\s+choix)\W+"
    r"(?:ok|accepter|j['’]accepte|fermer|refuser|tout\s+accepter)\W*$",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"^(?:e-?mail|courriel|contact|tél(?:éphone)?\.?)\s*:", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)?[\w.\-]*[/.][\w./\-#?=&%]+$", re.IGNORECASE)
# Buttons and widgets of a page, alone on a short line.
_FURNITURE = re.compile(
    # one-word labels alone, or before a separator ("Mots-clés : …", "Accueil > Monde"), not
    # the first word of a sentence ("Menu unique à la cantine.", "Accueil des réfugiés : …")
    r"^[\W_]*(?:accueil|imprimer|envoyer|mots[- ]clés|tags?|publicité|menu|rechercher|fermer|partager)"
    r"(?:\W*$|\s*[:|›>»/]\s*\S)"
    # widgets of several words
    r"|^(?:envoyer\s+(?:à\s+un\s+ami|par\s+e-?mail)|retour\s+en\s+haut|taille\s+du\s+texte|copier\s+le\s+lien|"
    r"(?:lire|voir|afficher|charger)\s+plus|"
    r"(?:aller|passer|accéder)\s+(?:directement\s+)?(?:au\s+contenu|à\s+la\s+navigation|au\s+menu|à\s+la\s+recherche)|"
    r"(?:écouter|offrir|sauvegarder|enregistrer)\s+(?:cet\s+|l['’])?article|"
    r"ajouter\s+à\s+(?:mes|vos)\s+(?:favoris|sélections|listes?)|"
    # ("Mis à jour il y a 3 heures" is a timestamp: dates.RELATIVE_STAMP)
    r"(?:temps\s+de\s+)?lecture\s*:?\s*\d+\s*min|\d+\s*min(?:utes?)?\s+de\s+lecture)\b",
    re.IGNORECASE,
)
_MAX_FURNITURE_WORDS = 12
_MAX_NOTICE_WORDS = 30


# (reason, pattern, most words a line of that kind has)
_NOTICES = (
    ("paywall", _PAYWALL, _MAX_NOTICE_WORDS),
    ("comments", _COMMENTS, 20),
    ("login", _LOGIN, _MAX_FURNITURE_WORDS),
    ("report-error", _REPORT_ERROR, 20),
    ("cookie-notice", _COOKIES, 60),
)


def _is_caption(text: str, words: int) -> bool:
    match = _CAPTION_CREDIT.search(text)
    if match is None or words > 60:
        return False
    pipe = match.group("pipe")
    if pipe is None:
        return True
    # "… | LE COURRIER": the part after the bar is a credit in capitals, not a second clause.
    letters = [ch for ch in pipe if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.6


# Rules that go by a phrase ("partager", "laisser un commentaire", "Source :", "Menu"): a
# line they catch that reads as a news sentence is article text unless its shape is
# unmistakable furniture (it talks to the reader, it is only a label, a credit names its
# author or agency).
_PHRASE_REASONS = frozenset(
    {"social", "comments", "report-error", "page-furniture", "contact", "credit", "related-link", "paywall"}
)
# Every rule that fires on a word or phrase rather than on the line's shape: none of them
# may take a paragraph of running prose (`is_running_prose`) for furniture.
_WORDING_REASONS = _PHRASE_REASONS | {
    "copyright", "read-more", "call-to-act", "related-section", "login", "cookie-notice", "not-french",
}
# "Lire aussi :", "À lire –", "Voir aussi :": a label announcing a link; "Lire aussi Le …",
# "En savoir plus sur Le …": a link to a headline.
_LINK_LABEL = re.compile(
    r"^\W*(?i:(?:(?:à|a)\s+)?(?:lire|voir)(?:\s+(?:aussi|également|l['’]article|notre\s+article))?\s*[:–—-])"
    r"|^\W*(?i:(?:(?:à|a)\s+)?(?:(?:lire|voir)\s+(?:aussi|également)|en\s+savoir\s+plus(?:\s+sur)?))\s+[A-ZÀ-ÖØ-Þ]"
)
# "Lire aussi Le titre d'un autre article…": a link to a headline, which can be long.
_MAX_LINK_WORDS = 30
# A link line reads as a teaser ("En savoir plus sur le projet de loi."); a sentence that
# starts with those words goes on longer.
_MIN_LINK_LIKE_SENTENCE_WORDS = 10
# "Source : AGC", "Crédit : Jean Dupont": a credit names someone, in capitals.
_NAMED_CREDIT = re.compile(rf"^[^:©]+[:©]\s*(?:{_CAPITALISED}\s*)+(?:[/,]|$)")
# The page speaking of itself: "Partager cet article sur les réseaux sociaux."
_ABOUT_THE_PAGE = re.compile(r"\b(?:cet\s+article|cette\s+page|ce\s+contenu|réseaux\s+sociaux|ci-dessous|ci-contre)\b", re.IGNORECASE)


def furniture_reason(line: str) -> str | None:
    """Why a single line is page furniture rather than article text, or None.

    Each rule is one shape of line; the reason names the rule (shown by `--show-removed`).
    """
    text = _norm(line)
    reason = _line_shape(text)
    if reason in _PHRASE_REASONS and reads_as_news(text) and not _unmistakable(reason, text):
        return None
    if reason == "cookie-notice" and _SITE_VOICE.search(text):
        return reason  # the site speaking of its own cookies, however long its prose
    if reason in _WORDING_REASONS and is_running_prose(text):
        # A paragraph of several news sentences is the article, whatever words it uses.
        return None
    return reason


def _unmistakable(reason: str, text: str) -> bool:
    """A line that reads as a sentence but whose shape is still furniture of that kind."""
    if reason == "related-link":
        return bool(_LINK_LABEL.match(text)) or len(words_of(text)) < _MIN_LINK_LIKE_SENTENCE_WORDS
    if reason == "credit":
        # "Photo : …", "Légende : …" describe a picture; only "Source : …" may open a sentence.
        return not text.lower().startswith("source") or bool(_NAMED_CREDIT.match(text))
    if reason == "contact":
        return bool(_NAMED_CREDIT.match(text) or _EMAIL.search(text) or re.search(r"\d{2}(?:[ .]?\d{2}){3}", text))
    if reason == "paywall":
        return bool(re.search(_PAYWALL_ABOUT_THE_ARTICLE, text, re.IGNORECASE))
    if reason in ("social", "comments", "report-error"):
        return bool(_ABOUT_THE_PAGE.search(text))
    return False


def _line_shape(text: str) -> str | None:
    words = len(text.split())
    ends_sentence = bool(_SENTENCE_END.search(text))
    if _COPYRIGHT.search(text):
        return "copyright"
    if is_fragment(text):
        return "fragment"
    if is_empty_stamp(text) or RELATIVE_STAMP.match(text):
        return "timestamp"
    if _ONLY_PLATFORMS.match(text) or _EMBEDDED_POST.search(text):
        return "social"
    if _CALL_TO_ACTION.search(text) and (_PLATFORM.search(text) or words <= _MAX_FURNITURE_WORDS or "qr" in text.lower()):
        return "social"
    if _CONTACT.match(text) or (words <= _MAX_FURNITURE_WORDS and _EMAIL.search(text)):
        return "contact"
    if _CONSENT_BUTTONS.match(text):
        return "cookie-notice"  # before "En savoir plus" is read as a link to more
    if words <= _MAX_FURNITURE_WORDS + 4 and _READ_MORE.match(text):
        return "read-more" if re.search(r"suite|lecture|article", text, re.IGNORECASE) else "call-to-act"
    if words <= 8 and _RELATED_SECTION.match(text):
        return "related-section"
    if (words <= _MAX_FURNITURE_WORDS + 4 and _RELATED.match(text)) or (words <= _MAX_LINK_WORDS and _LINK_LABEL.match(text)):
        return "related-link"
    for reason, pattern, most_words in _NOTICES:
        if words <= most_words and pattern.search(text):
            return reason
    if words <= 4 and re.search(r"\b(?:connexion|inscription|s['’]inscrire|s['’]abonner)\b", text, re.IGNORECASE):
        return "login"
    if words <= _MAX_FURNITURE_WORDS and not ends_sentence and _BYLINE.match(text):
        return "byline"
    if (words <= 6 or (words <= _MAX_FURNITURE_WORDS and not ends_sentence)) and _FURNITURE.match(text):
        return "page-furniture"
    if words <= _MAX_FURNITURE_WORDS and _CREDIT.match(text):
        return "credit"
    if words <= _MAX_AD_SLOT_WORDS and _AD_SLOT.search(text) and (not ends_sentence or addresses_reader(text)):
        return "advert"
    if words <= _MAX_FURNITURE_WORDS and _RATING.search(text) and not ends_sentence:
        return "rating"
    if words <= 3 and _SUBSCRIBERS_LABEL.search(text) and not ends_sentence:
        return "paywall"
    if words <= 8 and _HASHTAG.search(text) and not ends_sentence:
        return "social"
    if words <= _COMMENT_HEADER_WORDS and DATE_NUMERIC.search(text) and TIME.search(text) and not ends_sentence:
        return "comments"  # a date line parse_timestamp did not take: a name before it
    if _is_caption(text, words) or _MEDIA_CARD.search(text) or (words <= 60 and _PICTURE_LEAD.match(text)):
        return "caption"
    if words == 1 and _URL_ONLY.match(text):
        return "link"
    if words <= _MAX_FURNITURE_WORDS and is_english(text):
        # A short English line on a French page is a widget or an English caption; a
        # long one may be a quotation, and stays.
        return "not-french"
    return None


def _strip_site_name(title: str) -> str:
    # "Le port de Marseille… | Le Journal" → the part before the site name.
    parts = re.split(r"\s+[|–—-]\s+", title)
    return max(parts, key=len) if len(parts) > 1 else title


def clean_document(raw: RawDocument) -> Article:
    """Article body, title, date, sub-headings and the list of removed lines for one raw document."""
    article_date: ArticleDate | None = None
    if raw.published is not None:
        published = raw.published
        hour, minute = (published.hour, published.minute) if isinstance(published, datetime) else (None, None)
        article_date = ArticleDate(published.day, published.month, published.year, hour, minute, raw=str(published))
    title = _norm(_strip_site_name(raw.title)) if raw.title else None

    lines: list[PageLine] = []
    seen: set[str] = set()
    for number, line in enumerate(raw.text.split("\n"), start=1):
        text = _norm(line)
        if not text:
            continue
        page_line = PageLine(number, text, line.strip())
        key = loose_key(text) or text.casefold()
        stamp = parse_timestamp(text)
        if stamp is not None:
            if article_date is None or (article_date.hour is None and stamp.hour is not None and not raw.published):
                article_date = stamp
            page_line.reason = "timestamp"
        elif title and same_headline_but_site(text, title):
            page_line.reason = "title"
        elif key in seen:
            page_line.reason = "duplicate"
        else:
            page_line.reason = furniture_reason(text)
        if not NUMBERED_ITEM.match(text):
            seen.add(key)  # a breadcrumb's item repeats the headline: the headline is the copy that counts
        lines.append(page_line)

    headline, headings = place_body(lines, title_known=title is not None)
    if headline is not None:
        title = lines[headline].text
        # The page's <title> line chosen ("… | Site") while the page repeats it bare: the bare one.
        bare = min((line.text for line in lines if len(line.text) < len(title) and same_headline_but_site(line.text, title)),
                   key=len, default=title)
        if article_date is None and bare != title and title.startswith(bare):
            # "… îles éloignées |10 April 2021": what follows the headline may be its date.
            article_date = parse_timestamp(title[len(bare) :].strip(" |–—-"))
        title = site_suffix_removed(bare)
        for line in lines:
            if line.reason in (None, "duplicate") and same_headline_but_site(line.text, title):
                line.reason = "title"
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    _drop_trailing_headlines([lines[i] for i in kept])
    kept = [i for i in kept if lines[i].reason is None]
    return Article(
        source=raw.source,
        paragraphs=[lines[i].kept for i in kept],
        title=title,
        date=article_date,
        removed=[RemovedLine(line.number, line.text, line.reason) for line in lines if line.reason is not None],
        encoding=raw.encoding,
        source_format=raw.source_format,
        site=raw.site,
        headings=[kept.index(i) for i in headings if i in kept],
    )


def _drop_trailing_headlines(kept: list[PageLine]) -> None:
    """Remove the run of unrelated headlines after the last body paragraph."""
    cut = len(kept)
    while cut > 0:
        text = kept[cut - 1].text
        if not is_sentence_line(text):
            cut -= 1
        elif is_headline_question(text) and cut >= 2 and not is_sentence_line(kept[cut - 2].text) and cut < len(kept):
            # "Pourquoi … ?" sitting between headlines is a headline too.
            cut -= 1
        else:
            break
    for line in kept[cut:]:
        line.reason = "trailing-headline"
