"""Who a role is: a name the text sets beside a role noun, so that "a déclaré le ministre"
is reported with the minister's name ("Jean Roux, le ministre"), the role kept.

The text ties a name to a role in a few shapes, all read from the parse or the words'
order, never from a list of people: "le ministre Jean Roux", "Jean Roux, ministre des
Finances, …", "le ministre des Finances, Jean Roux, …", "Jean Roux est ministre des
Finances", "Jean Roux, nommé ministre …". A role speaker ("le ministre des Finances")
becomes the name tied, before the quotation, to the same role noun whose role words
hold the speaker's own, when only one person is tied to it ("le ministre" fits "ministre des Finances"; "le ministre de
la Culture" does not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from translator.speakers.frames import as_written
from translator.speakers.lexicon import AUXILIARIES, DETERMINERS, ETRE, ROLE_LINKS, ROLE_WORDS, TITLES
from translator.speakers.people import names_a_thing, reads_as_name, role_before_comma
from translator.speakers.phrases import role_right_before, speaker_noun

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# Verbs after which the noun is the subject's role: "X a été nommé ministre", "X devient maire".
_BECOMING = {"nommé", "nommée", "élu", "élue", "devenu", "devenue", "désigné", "désignée", "reconduit", "reconduite"}
# Nouns for the office a person holds ("ses fonctions de préfète", "le poste de directeur"),
# and the words that introduce the role itself ("comme juge", "en tant que juge").
_OFFICES = {"fonction", "fonctions", "poste", "mandat", "rôle", "titre", "charge", "siège"}
_AS_ROLE = {"de", "d'", "comme", "que"}


@dataclass(frozen=True)
class RoleTie:
    """A name the text sets beside a role, at (paragraph, position)."""

    paragraph: int
    position: int
    noun: str  # the role noun, lower case ("ministre", "porte-parole")
    words: frozenset[str]  # the role's words ("ministre", "finances")
    name: str  # the name as the page writes it


def role_words(noun: Token) -> frozenset[str]:
    """The content words of the role phrase headed by `noun` ("ministre des Finances")."""
    words = [w for w in noun.subtree if w.i >= noun.i and w.ent_type_ != "PER"][:ROLE_WORDS]
    stop = next((k for k, w in enumerate(words) if w.is_punct), len(words))
    return frozenset(w.lower_ for w in words[:stop] if w.is_alpha and w.lower_ not in ROLE_LINKS)


def role_beside(name: Span) -> Token | None:
    """The role noun the text sets beside the name `name`, or None."""
    doc = name.doc
    root = name.root
    right_before = role_right_before(name)  # "le ministre (de la Santé) Jean Roux"
    if right_before is not None:
        return right_before
    for relative in [root.head, *root.children]:
        if relative.dep_ == "appos" or root.dep_ == "appos" and relative is root.head:
            if relative.pos_ == "NOUN" and speaker_noun(relative.lower_) and relative.i != root.i:
                return relative  # "Jean Roux, ministre des Finances" / "le ministre, Jean Roux"
    earlier = role_before_comma(name)  # "le ministre des Finances, Jean Roux, …"
    if earlier:
        return earlier[0]
    if name.end + 2 < len(doc) and doc[name.end].text == ",":
        # "Jean Roux, ministre …" or "Jean Roux, le ministre …" however the parser linked them
        at = name.end + 1 + (doc[name.end + 1].lower_ in DETERMINERS)
        if doc[at].pos_ == "NOUN" and speaker_noun(doc[at].lower_):
            return doc[at]
    if root.dep_ in ("nsubj", "nsubj:pass"):
        found = predicated_role(root.head)
        if found is not None:
            return found
    return relative_role(name)


def relative_role(name: Span) -> Token | None:
    """"Jean Roux, qui est ministre des Finances, …", "…, qui a été nommée préfète": the role
    a relative clause right after the name gives it, read from the words' order (the small
    parser often misreads such clauses)."""
    doc = name.doc
    at = name.end
    if at + 3 >= len(doc) or doc[at].text != "," or doc[at + 1].lower_ != "qui":
        return None
    at += 2
    while at < len(doc) and (doc[at].lower_ in ETRE | AUXILIARIES | _BECOMING | {"été", "devenu", "devenue"}
                              or doc[at].pos_ == "ADV"):
        at += 1
    if at < len(doc) and doc[at].is_alpha and doc[at].lower_ not in DETERMINERS and speaker_noun(doc[at].lower_):
        return doc[at]
    return None


def predicated_role(head: Token) -> Token | None:
    """The role a clause gives its subject: "X est ministre", "X a été nommé ministre", "X a
    pris ses fonctions de préfète", "X siège comme juge". A role noun with no determiner is
    a function, not another person ("X a reçu le ministre" ties nothing)."""
    if head.pos_ == "NOUN" and any(c.dep_ == "cop" for c in head.children) and speaker_noun(head.lower_):
        return head  # "Jean Roux est ministre des Finances"
    if head.lower_ in _BECOMING:
        for child in head.children:
            if child.dep_ in ("xcomp", "obj", "obl:arg") and child.pos_ in ("NOUN", "ADJ") and speaker_noun(child.lower_):
                return child  # "Jean Roux a été nommé ministre"
    for child in head.children:
        if child.dep_ not in ("obj", "obl", "obl:mod", "obl:arg", "xcomp", "advcl"):
            continue
        if child.pos_ == "NOUN" and child.lower_ in _OFFICES:
            candidates = [w for w in child.children if w.dep_ == "nmod"]  # "ses fonctions de préfète"
        else:
            candidates = [child]  # "comme juge", "en tant que juge"
        for noun in candidates:
            cases = {c.lower_ for c in noun.children if c.dep_ in ("case", "mark", "fixed")}
            bare = not any(c.dep_ == "det" for c in noun.children) and "Plur" not in noun.morph.get("Number")
            if noun.pos_ == "NOUN" and bare and speaker_noun(noun.lower_) and cases & _AS_ROLE:
                return noun
    return None


def ties_in(paragraph: int, doc: Doc) -> list[RoleTie]:
    """The role ties of one paragraph: each person's name with the role set beside it."""
    ties = []
    for entity in doc.ents:
        if entity.label_ != "PER" or not reads_as_name(entity) or names_a_thing(entity):
            continue
        noun = role_beside(entity)
        if noun is not None:
            start = entity.start - 1 if entity.start > 0 and doc[entity.start - 1].lower_ in TITLES else entity.start
            name = as_written(doc[start : entity.end])
            ties.append(RoleTie(paragraph, entity.start, noun.lower_, role_words(noun), name))
    return ties


def speaker_role(speaker: str) -> tuple[str, frozenset[str]] | None:
    """("ministre", {"ministre", "finances"}) for "le ministre des Finances"; None for a name."""
    words = speaker.replace("’", "'").split()
    if words and words[0].lower().startswith("l'") and len(words[0]) > 2:
        first, rest = words[0][2:], words[1:]
    elif len(words) >= 2 and words[0].lower() in DETERMINERS:
        first, rest = words[1], words[2:]
    else:
        return None
    if not first[:1].islower():
        return None
    previous = [first, *rest]
    if any(w[:1].isupper() and previous[k].lower() not in ROLE_LINKS | {"d'"} and not previous[k].lower().endswith("'")
           for k, w in enumerate(rest)):
        return None  # already named: "l'entraîneur Alain Rochat" (not "le ministre des Finances")
    content = {w.lower().strip(",.()") for w in [first, *rest] if w.lower() not in ROLE_LINKS}
    return first.lower(), frozenset(w for w in content if w)


def name_for_role(speaker: str, ties: list[RoleTie], before: tuple[int, int]) -> str | None:
    """"Jean Roux, le ministre": the name tied before `before` to the role `speaker` names,
    when one person is, with the role as the attribution wrote it; None otherwise."""
    role = speaker_role(speaker)
    if role is None:
        return None
    noun, words = role
    fitting = [
        tie for tie in ties
        if (tie.paragraph, tie.position) < before and tie.noun == noun and (words <= tie.words or tie.words <= words)
    ]
    # Two people tied to the role ("l'ancien président X" … "le président Y"): which one
    # speaks is not for the role to say.
    names = {tie.name for tie in fitting}
    return f"{fitting[-1].name}, {speaker}" if len(names) == 1 else None
