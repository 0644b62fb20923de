"""People, roles and bodies named outside quotations, and their gender, for pronouns."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from translator.speakers.phrases import determiner_before, is_finite_verb, is_nounlike, is_speech_verb_form, is_speech_word, names_someone, phrase_at, pronoun_phrase, role_right_before, speaker_noun
from translator.speakers.frames import as_written
from translator.speakers.lexicon import AUXILIARIES, DETERMINERS, ETRE, LINKS, NAMING_ENTITIES, NEVER_NAMES, NOMINAL, PLURAL_DETERMINERS, QUANTIFIERS, TITLES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Mention:
    """A person, role or body named outside quotations: who a pronoun can point to."""

    paragraph: int
    position: int  # token index in the paragraph's frame doc
    text: str
    gender: str | None
    subject: bool
    sentence: int  # token index where its sentence starts
    named: bool = True  # a person's name, not only a role or a body
    plural: bool = False  # "les élus", "d'autres enfants": never "il" or "elle"


def gender_of_phrase(text: str) -> str | None:
    first = text.split()[0].lower() if text.split() else ""
    if first in TITLES:
        return TITLES[first]
    if first in ("la", "cette", "une"):
        return "Fem"
    if first in ("le", "ce", "cet", "un"):
        return "Masc"
    return None


def mentions_in(paragraph: int, doc: Doc) -> list[Mention]:
    """People named outside quotations: person entities and "M./Mme Name"."""
    found: list[Mention] = []
    taken: set[int] = set()
    for entity in doc.ents:
        if entity.label_ != "PER" or all(w.lower_ in NEVER_NAMES for w in entity):
            continue
        start = entity.start
        if start > 0 and doc[start - 1].lower_ in TITLES:
            start -= 1
        end = entity.end
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        if end == start or not reads_as_name(doc[entity.start : end]) or names_a_thing(entity):
            continue
        span = doc[start:end]
        taken.update(range(start, end))
        found.append(mention_of(paragraph, span))
    for word in doc:
        if word.lower_ in TITLES and word.i + 1 < len(doc) and doc[word.i + 1].pos_ == "PROPN" and word.i not in taken:
            end = word.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            found.append(mention_of(paragraph, doc[word.i : end]))
            taken.update(range(word.i, end))
    # A name the model missed, given an age: "Antoine, 14 ans, …", "Awa Diallo, 52 ans, …".
    for word in doc:
        if word.i in taken or not aged(word):
            continue
        start = word.i
        while start > word.sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            start -= 1
        span = doc[start : word.i + 1]
        if span[0].lower_ in DETERMINERS or any(w.lower_ in NEVER_NAMES for w in span):
            continue
        taken.update(range(start, word.i + 1))
        found.append(dataclasses.replace(mention_of(paragraph, span), subject=start == word.sent.start, named=True,
                                         gender=apposed_gender(doc, word.i + 4)))
    # Subjects that name a role or a body ("le maire de Lyon", "l'ambassade") can be "il"/"elle" too.
    for word in doc:
        # By function first: the small model tags some subjects as adjectives or unknown
        # words ("Sa voisine directe" as ADJ + X); their phrase still has to name someone.
        subject = word.dep_ in ("nsubj", "nsubj:pass") or inverted_subject(word)
        if subject and (word.pos_ in ("NOUN", "PROPN", "ADJ", "X") or is_nounlike(word)) and (
            word.i not in taken
        ):
            phrase = phrase_at(word)
            # A bare common noun ("citée comme possible candidate de la droite") is what
            # someone is, not someone a pronoun can stand for: a role needs its determiner.
            bare = phrase is not None and phrase[0].text.islower() and not (
                phrase[0].lower_ in DETERMINERS | PLURAL_DETERMINERS | QUANTIFIERS | TITLES.keys() or phrase[0].like_num)
            if phrase is not None and not bare and pronoun_phrase(phrase, phrase.start) is None and names_someone(phrase) and (
                not taken.intersection(range(phrase.start, phrase.end))
            ):
                itself = intensive_gender(phrase)
                named = itself is not None or any(
                    (w.ent_type_ == "PER" and w.text[:1].isupper()) or w.dep_ == "flat:name" for w in phrase
                )
                mention = dataclasses.replace(mention_of(paragraph, phrase), subject=True, named=named)
                found.append(dataclasses.replace(mention, gender=itself) if itself else mention)
                taken.update(range(phrase.start, phrase.end))
    return sorted(found, key=lambda m: m.position)


def inverted_subject(word: Token) -> bool:
    """"…, a annoncé lundi le préfet du Rhône.": the noun after a speech verb set after a
    comma (its auxiliary between) is its subject, whatever the parse calls it."""
    verb = word.head
    if verb.i >= word.i or not is_speech_word(verb.lower_):
        return False
    doc = word.doc
    before = verb.i - 1 if verb.i > 0 and doc[verb.i - 1].lower_ in AUXILIARIES else verb.i
    # Not a phrase after a preposition ("a indiqué à l'AFP …").
    return (before > 0 and doc[before - 1].text == "," and word.dep_ in ("obj", "nsubj")
            and not any(c.dep_ == "case" for c in word.children))


def reads_as_name(span: Span) -> bool:
    """A person entity that is a name: a proper noun in it, or (the small model tags some
    first names as adjectives: "Anne Roy" as ADJ + ADJ) two or more capitalised words."""
    if any(w.pos_ == "PROPN" for w in span):
        return True
    return len(span) >= 2 and all(w.text[:1].isupper() and w.text.rstrip(".").isalpha() for w in span)


def aged(word: Token) -> bool:
    """A capitalised word followed by an age, ", 14 ans,": the end of a person's name."""
    doc = word.doc
    return (word.text[:1].isupper() and word.is_alpha and word.i + 3 < len(doc) and doc[word.i + 1].text == ","
            and doc[word.i + 2].like_num and doc[word.i + 3].lower_ == "ans")


def apposed_gender(doc: Doc, at: int) -> str | None:
    """The gender an apposition after a name and its age states: ", 14 ans, un de leurs
    voisins" (masculine), ", 52 ans, infirmière" (feminine); the model's guess from a first
    name alone is not trusted."""
    if at + 1 >= len(doc) or doc[at].text != ",":
        return None
    word = doc[at + 1]
    if word.lower_ in ("un", "le", "l'un", "ce", "cet"):
        return "Masc"
    if word.lower_ in ("une", "la", "l'une", "cette"):
        return "Fem"
    gender = word.morph.get("Gender")
    return gender[0] if word.pos_ == "NOUN" and gender else None


def names_a_thing(entity: Span) -> bool:
    """"l'avenue Habib Bourguiba", "le lycée Victor Hugo": a person's name right after a
    common noun with its determiner names a street, a school, a stadium, not someone there."""
    doc = entity.doc
    if entity.start < 2:
        return False
    noun, before = doc[entity.start - 1], doc[entity.start - 2]
    return (noun.pos_ == "NOUN" and noun.text.islower() and not speaker_noun(noun.lower_)
            and before.lower_ in DETERMINERS | {"du", "au", "aux"})


def intensive_gender(phrase: Span) -> str | None:
    """"Roux elle-même", "Roux lui-même": a name the text itself marks for gender."""
    if phrase.end < len(phrase.doc) and phrase.root.pos_ == "PROPN":
        return {"elle-même": "Fem", "lui-même": "Masc"}.get(phrase.doc[phrase.end].lower_)
    return None


def mention_of(paragraph: int, span: Span) -> Mention:
    subject = any(w.dep_ in ("nsubj", "nsubj:pass") for w in span) or span.root.dep_ in ("nsubj", "nsubj:pass")
    plural = is_plural_phrase(as_written(span)) or (
        span.root.pos_ == "NOUN" and span.root.morph.get("Number") == ["Plur"])
    return Mention(paragraph, span.start, as_written(span), gender_of(span), subject, span.sent.start, plural=plural)


def is_plural_phrase(text: str) -> bool:
    """"les élus du groupe", "d'autres enfants", "la CGT et FO": several, by their words."""
    words = text.lower().replace("’", "'").split()
    return bool(words) and (words[0] in PLURAL_DETERMINERS or words[0] == "d'autres" or "et" in words[1:])


def gender_of(span: Span) -> str | None:
    """Gender from a title (M., Mme), a role noun it stands beside, agreement, or a
    feminine tag on the name itself (a masculine one says little)."""
    first = span[0].lower_
    if first in TITLES and TITLES[first]:
        return TITLES[first]
    root = span.root
    neighbours = [root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []
    neighbours += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    neighbours += [role for role in [role_right_before(span)] if role is not None] + role_before_comma(span)
    neighbours = [w for w in neighbours if speaker_noun(w.lower_)] + role_after_comma(span)
    agreed = agreement_gender(span)
    if agreed and not any(w.pos_ == "NOUN" for w in neighbours + list(span)):
        return agreed  # a name alone: "Claire Roux est arrivée" says more than the name's tag
    apposed = apposed_participle_gender(span)
    if apposed and not neighbours:
        return apposed  # "Mariam Diallo, chargée de …": the participle agrees with the name
    # "le Dr Lucie Azaïs", "Me Anne Roy": Dr, Pr and Me take "le" whoever holds them, so only
    # a role beside the name ("L'avocate de la famille, Me Anne Roy") tells.
    for word in neighbours + ([] if first in TITLES else list(span)):
        determiners = [c for c in word.children if c.dep_ == "det"]
        if word in neighbours and (announcing := determiner_before(word)) is not None:
            determiners.append(announcing)  # "la célèbre comédienne": the parse hangs "la" on the adjective
        for det in determiners:
            if det.morph.get("Gender"):
                return det.morph.get("Gender")[0]
        gender = word.morph.get("Gender")
        if word.pos_ == "PROPN" and gender != ["Fem"]:
            # The small model tags many women's names "Masc" (6 of 16 in a probe) and few
            # men's "Fem" (1 of 12): only a feminine tag on a name says something.
            continue
        if gender and word.pos_ in ("NOUN", "PROPN", "ADJ"):  # an adjective agrees with its noun
            return gender[0]
    return None


def role_before_comma(span: Span) -> list[Token]:
    """"L'avocat de la défense, Me Paul Roy": the role noun the name follows after a comma,
    however the parser linked them."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return []
    for i in range(span.start - 2, max(span.start - 8, -1), -1):
        word = doc[i]
        if word.pos_ not in NOMINAL and word.lower_ not in LINKS | DETERMINERS:
            break
        if word.pos_ == "NOUN" and speaker_noun(word.lower_):
            return [word]
    return []


def role_after_comma(span: Span) -> list[Token]:
    """"Lina Ferrand, la porte-parole du collectif, …": the role noun set after the name
    between commas (a determiner, then the noun), however the parser linked them."""
    doc = span.doc
    at = span.end
    if at + 2 >= len(doc) or doc[at].text != "," or doc[at + 1].lower_ not in DETERMINERS:
        return []
    word = doc[at + 2]
    return [word] if word.pos_ == "NOUN" else []


def apposed_participle_gender(span: Span) -> str | None:
    """"Anna Kowal, chargée des droits humains, …": a participle set after the name
    between commas agrees with it (a foreign first name's tag says little)."""
    doc = span.doc
    at = span.end
    if at + 1 >= len(doc) or doc[at].text != ",":
        return None
    word = doc[at + 1]
    participle = word.pos_ == "ADJ" or (word.pos_ == "VERB" and word.morph.get("VerbForm") == ["Part"])
    gender = word.morph.get("Gender")
    # Only one that hangs on the name and is singular ("La lettre envoyée à Marc Dupin,
    # publiée mardi" agrees with the letter; "… et Jean Roux, mariés" with both).
    agrees = span.start <= word.head.i < span.end and word.morph.get("Number") != ["Plur"]
    # The parse may hang on the name a participle that agrees with a noun before it: such a
    # noun of the participle's gender and number leaves the agreement in doubt.
    rival = any(w.pos_ == "NOUN" and w.morph.get("Gender") == gender and w.morph.get("Number") == word.morph.get("Number")
                for w in doc[span.sent.start : span.start])
    agrees = agrees and not rival
    return gender[0] if participle and agrees and gender and word.lower_.endswith(("é", "ée")) else None


def agreement_gender(span: Span) -> str | None:
    """Gender shown by a participle or adjective agreeing with the subject `span` after
    "être": "X est arrivée" (feminine), "X s'est dit prêt" (masculine)."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubj:pass") or root.head.i < span.end:
        return None
    head = root.head
    if not any(c.dep_ in ("cop", "aux:pass") or (c.dep_.startswith("aux") and c.lower_ in ETRE) for c in head.children):
        return None
    word = head.lower_
    if word.endswith(("ée", "ées")):
        return "Fem"
    if word.endswith(("é", "és")):
        return "Masc"
    return None


def is_whole_sentence(token: Token) -> bool:
    """The quotation stands for its sentence: at most a few words around it, or words that
    only go on with it, with no verb of their own and no one named ("« … » entre les plus
    qualifiés et les autres", "Aujourd'hui, « … » en venant prier")."""
    words = [w for w in token.sent if not w.is_punct and not w.is_space and w.i != token.i]
    if len(words) <= 2:
        return True
    # A clause of their own: a conjugated verb, a speech verb's form the tagger missed
    # ("Le rapport conclut :"), or a subject ("on lit", "lit" read as a noun).
    clause = any(is_finite_verb(w) or is_speech_verb_form(w.lower_) or w.dep_ in ("nsubj", "nsubj:pass") for w in words)
    return not clause and not any(w.ent_type_ in NAMING_ENTITIES or w.lower_ in TITLES for w in words)
