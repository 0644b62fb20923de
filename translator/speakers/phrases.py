"""Words and phrases around a quotation: the noun phrase a word heads, a name set in
apposition to a role, whether a phrase names someone, speech verbs the tagger missed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from translator.speakers.frames import PLACEHOLDER, Pronoun
from translator.speakers.lexicon import ADVERBIALS, AGENT_SUFFIXES, DEMONSTRATIVES, DETERMINERS, LINKS, NAMING_ENTITIES, NEVER_NAMES, NOMINAL, NOT_AGENTS, PHRASE_STOP, PRONOUN_GENDER, ROLE_LINKS, ROLE_WORDS, SPEAKER_NOUNS, SPEECH_PARTICIPLES, SPEECH_VERB_FORMS, SPEECH_VERB_STEMS, TITLES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


def is_speech_verb_form(word: str) -> bool:
    """Present-tense forms of speech verbs that the tagger often reads as nouns ("juge",
    "note", "souffle") or adjectives, after a quotation: "« … », juge un syndicaliste"."""
    if word in SPEECH_VERB_FORMS:
        return True
    return any(word in (stem + "e", stem + "ent") for stem in SPEECH_VERB_STEMS)


def is_speech_participle(word: str) -> bool:
    """"déclaré", "répondu", "dit": a speech verb after its auxiliary."""
    return word in SPEECH_PARTICIPLES or (word.endswith("é") and word[:-1] in SPEECH_VERB_STEMS)


def is_speech_word(word: str) -> bool:
    """A speech verb's present form or its participle: "explique", "juge", "déclaré", "dit"."""
    return is_speech_verb_form(word) or is_speech_participle(word)


def mistagged_verb(word: Token) -> bool:
    """"la CGT dénonce « … »" with "dénonce" tagged as a noun: a speech verb's form right
    after a name or a noun that the parse links to it, or that "que" follows."""
    doc = word.doc
    previous = doc[word.i - 1] if word.i > 0 else None
    # "la préfecture rappelle que …" with "rappelle" read as an adjective: a speech verb's
    # form before "que" reports what follows, however the parse linked it.
    reports = word.i + 1 < len(doc) and doc[word.i + 1].lower_ in ("que", "qu'")
    return (previous is not None and previous.pos_ in ("PROPN", "NOUN") and word.pos_ not in ("VERB", "AUX")
            and is_speech_verb_form(word.lower_)
            and (reports or previous.head == word or word.head == previous
                 or any(c.dep_.startswith("nsubj") for c in word.children)))


def pronoun_phrase(phrase: Span, anchor: int) -> Pronoun | None:
    """"ce dernier", "cette dernière", "lui", "elle" stand for someone named earlier."""
    words = [w.lower_ for w in phrase]
    if len(words) == 1 and words[0] in ("il", "elle", "lui"):
        return Pronoun(anchor, PRONOUN_GENDER[words[0]])
    if len(words) == 2 and words[0] in ("ce", "cette") and words[1] in ("dernier", "dernière"):
        return Pronoun(anchor, PRONOUN_GENDER[words[1]])
    if len(words) == 1 and words[0] in DEMONSTRATIVES:
        return Pronoun(anchor, DEMONSTRATIVES[words[0]])  # "…, dit celui qui a dirigé ses thèses"
    return None


def coordinated_name(doc: Doc, at: int) -> bool:
    """A capitalised word at `at`, or after "de", "des", "de la", "du": what "et" joins in a
    name or a role's complement ("CGT et FO", "de l'Économie et des Finances")."""
    while at < len(doc) and doc[at].lower_ in LINKS | {"la", "l'"}:
        at += 1
    return at < len(doc) and doc[at].text[:1].isupper() and doc[at].is_alpha


def phrase_at(word: Token) -> Span | None:
    """The noun phrase around a subject the parser found: its words to the left, then `chunk_from`."""
    doc = word.doc
    start = word.i
    if word.pos_ == "PROPN" or (word.ent_type_ == "PER" and word.text[:1].isupper()):
        # A name starts where it starts ("… aux Armées Paul Mercier"), a title aside. (The
        # small model also tags roles as people: "le président de la République" is a role.)
        while start > word.sent.start and doc[start - 1].lower_ in TITLES:
            start -= 1
        # A hyphenated name the tokenizer split ("AP - HP" in "L'AP-HP") is one name.
        while (start - 2 >= word.sent.start and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
               and not doc[start - 1].whitespace_):
            start -= 2
        return chunk_from(doc[start])
    while start > word.sent.start and doc[start - 1].lower_ not in NEVER_NAMES and (  # not "lundi le préfet"
        doc[start - 1].pos_ in NOMINAL or doc[start - 1].lower_ in TITLES
        or (doc[start - 1].lower_ in LINKS and start - 2 >= word.sent.start and doc[start - 2].pos_ in ("NOUN", "PROPN"))
    ):
        start -= 1
    while start < word.i and doc[start].lower_ in LINKS:
        start += 1
    # "Le porte-parole du parti en matière de santé, Luc Bertin, a …": the name says who.
    subtree = {t.i for t in word.subtree}
    for comma in range(word.i + 1, word.right_edge.i + 1):
        if doc[comma].text == "," and comma + 1 in subtree:
            name = apposed_name(doc, comma)
            if name is not None:
                return name
    return chunk_from(doc[start])


def chunk_from(first: Token) -> Span | None:
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
        nominal = (word.pos_ in NOMINAL or lower in TITLES or lower in DETERMINERS
                   or word.ent_type_ == "PER" or (word.is_alpha and word.text[:1].isupper())
                   # a determiner announces a noun, whatever the tag ("Le bourgmestre" read as an adverb)
                   or (end > first.i and doc[end - 1].lower_ in DETERMINERS and word.is_alpha))
        if lower == PLACEHOLDER or lower in PHRASE_STOP or lower in ADVERBIALS or word.is_punct and word.text != "-":
            break
        if lower in LINKS and end > first.i and end + 1 < len(doc) and doc[end + 1].pos_ in NOMINAL:
            end += 1
            continue
        if end > first.i and mistagged_verb(word):
            break  # "la CGT dénonce": the name ends before its verb
        if lower == "et" and end > first.i and doc[end - 1].text[:1].isupper() and coordinated_name(doc, end + 1):
            end += 1  # "les syndicats CGT et FO": both speak; "le ministre de l'Économie et des Finances"
            continue
        if not nominal or (word.pos_ == "PRON" and lower not in DETERMINERS and word.ent_type_ != "PER"):
            if not (end == first.i and lower in ("ce", "cette", "il", "elle", "lui", *DEMONSTRATIVES)):
                break
        end += 1
    span = doc[first.i : end]
    while len(span) and (span[-1].pos_ in ("ADP", "DET", "CCONJ") or span[-1].lower_ in LINKS):
        span = span[:-1]
    if not len(span):
        return None
    if end < len(doc) and doc[end].text == ",":
        name = apposed_name(doc, end)
        if name is not None:
            return name
    return name_in_apposition(span) or name_after_role(span) or span


def name_after_role(phrase: Span) -> Span | None:
    """"un responsable de la Croix-Rouge Marc Dupin", "le président des Verts Jean Roux": a
    person's name that ends a role phrase with its complement, no comma between, says who
    speaks (a role right before the name stays: "l'entraîneur Julien Marty"). The
    name is read from the parse (a head and its `flat:name` words), as the small model's
    entities often run the role's last names into it; "le fils de Jean Roux" stays whole."""
    doc = phrase.doc
    for first in range(phrase.start + 1, phrase.end):
        head = doc[first]
        rest = doc[first + 1 : phrase.end]
        # Not the last part of a name ("la ministre Anne Leclerc": "Anne" is one of its words;
        # "Human Rights Watch": capitalised words in apposition one after the other).
        previous = doc[first - 1]
        inside_name = previous.dep_ == "flat:name" or (head.ent_type_ == "PER" and head.ent_iob_ == "I") or (
            previous.dep_ == head.dep_ == "appos" and previous.text[:1].isupper())
        if head.dep_ == "flat:name" or inside_name or not head.text[:1].isupper() or not all(
            w.dep_ == "flat:name" and first <= w.head.i < phrase.end for w in rest
        ):
            continue
        start = first - 1 if previous.lower_ in TITLES else first
        name = doc[start : phrase.end]
        # A first name and a name, a title, or one name the model knows for a person's (not
        # "le député Ensemble", a party); not a name the model starts an organisation or a
        # place at, nor one after a common noun naming a thing ("la compagnie Air France").
        before = doc[start - 1]
        thing = (head.ent_iob_ == "B" and head.ent_type_ in ("ORG", "LOC", "MISC")) or (
            before.pos_ == "NOUN" and before.text.islower() and not speaker_noun(before.lower_))
        person = not thing and (len(rest) >= 1 or start < first or head.ent_type_ == "PER")
        role = role_right_before(name) if person else None
        # "l'entraîneur Julien Marty" reads well whole; a role with its complement before
        # the name does not ("the president of the Greens Jean Roux"): the name alone.
        return name if role is not None and role.i < start - 1 else None
    return None


def name_in_apposition(role: Span) -> Span | None:
    """"la secrétaire générale de l'Union nationale des clubs de voile (UNCV),
    Maud Kerhervé": a person's name the parse sets in apposition to the role, after a
    comma further on (the role longer than the words read so far); the name is who speaks."""
    doc = role.doc
    for word in role:
        for child in word.children:
            start = child.i - 1 if doc[child.i - 1].lower_ in TITLES else child.i  # ", M. Paul Roux"
            if child.dep_ != "appos" or start <= role.end or child.ent_type_ != "PER" or doc[start - 1].text != ",":
                continue
            if any(w.pos_ in ("VERB", "AUX") or w.lower_ == PLACEHOLDER for w in doc[role.end : start]):
                continue
            end = child.i + 1
            while end < len(doc) and doc[end].head == child and doc[end].dep_ == "flat:name":
                end += 1
            return doc[start:end]
    # The parse may not link them: the first comma after the role, with no verb before it.
    for j in range(role.end, min(role.end + 15, role.sent.end)):
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].lower_ == PLACEHOLDER:
            break
        if doc[j].text == ",":
            return apposed_name(doc, j)
    return None


def apposed_name(doc: Doc, comma: int) -> Span | None:
    """The name set between commas after a role: ", Claire Dumas," / ", M. Paul Arnaud,"."""
    start = end = comma + 1
    if end < len(doc) and doc[end].lower_ in TITLES:
        end += 1
    while end < len(doc) and (doc[end].ent_type_ == "PER" or doc[end].pos_ == "PROPN") and doc[end].text[:1].isupper():
        end += 1
    person = doc[start:end]
    # A person entity, or a first name and a name the model did not take for one
    # ("le président, Kaies Saied," read as an organisation).
    full_name = len(person) >= 2 and all(w.pos_ == "PROPN" for w in person)
    if end == start or (doc[start].lower_ not in TITLES and not full_name and not any(w.ent_type_ == "PER" for w in person)):
        return None
    if len(person) < 2 and doc[start].lower_ in TITLES:
        return None
    return person if end < len(doc) and doc[end].text in ",." else None


def role_right_before(name: Span) -> Token | None:
    """The role noun right before a name, with or without its complement: "le ministre Jean
    Roux", "la présidente de la région Nord Claire Martin"; not "le fils de Jean Roux"."""
    doc = name.doc
    if name.start == 0:
        return None
    before = doc[name.start - 1]
    if is_nounlike(before) and before.pos_ in ("NOUN", "ADJ") and speaker_noun(before.lower_):
        return before
    if before.lower_ in ROLE_LINKS:
        return None
    # Back over the role's complement from the word right before the name: any word outside
    # a noun phrase ends it ("le comédien Paul Roy joue Hamlet": Hamlet holds no role).
    for word in reversed(doc[max(name.start - ROLE_WORDS, 0) : name.start]):
        if word.pos_ not in NOMINAL and word.lower_ not in ROLE_LINKS and word.lower_ not in TITLES:
            break
        if word.pos_ == "NOUN" and speaker_noun(word.lower_) and word.i > 0 and doc[word.i - 1].lower_ in DETERMINERS:
            return word
    return None


def is_finite_verb(word: Token) -> bool:
    """A conjugated verb or an auxiliary ("boulanger" in "Julien, 34 ans, boulanger" and
    "retraité" are not)."""
    return word.pos_ == "AUX" or (word.pos_ == "VERB" and word.morph.get("VerbForm") not in (["Inf"], ["Part"]))


def has_finite_verb(words: Span) -> bool:
    return any(is_finite_verb(w) for w in words)


def names_someone(phrase: Span) -> bool:
    """A person, group or body: a name (PER/ORG or a capitalised noun), a title or a role noun."""
    for word in phrase:
        if word.lower_ in NEVER_NAMES:
            continue  # "Jeudi, …": capitalised, never someone
        if word.ent_type_ in NAMING_ENTITIES or word.pos_ == "PROPN":
            return True
        if word.lower_ in TITLES:
            return True
        if is_nounlike(word) and speaker_noun(word.lower_) and not before_other_noun(word):
            return True
    return False


def before_other_noun(word: Token) -> bool:
    """"la première fois", "le dernier jour": an adjective set before a noun that names
    nobody describes that noun, even in an agent's form ("première")."""
    doc = word.doc
    following = doc[word.i + 1] if word.i + 1 < len(doc) else None
    return (word.pos_ == "ADJ" and following is not None and following.pos_ == "NOUN"
            and not speaker_noun(following.lower_))


def is_nounlike(word: Token) -> bool:
    """A noun, or a word the small model mistags after a determiner ("Le challenger" as a
    verb, "le bourgmestre" as an adverb, "la célèbre comédienne" as two adjectives): a
    determiner, perhaps with adjectives after it, announces a noun."""
    if word.pos_ == "NOUN":
        return True
    if word.i == 0 or word.pos_ not in ("ADJ", "ADV", "VERB", "X"):
        return False
    if word.pos_ == "ADJ":
        return determiner_before(word) is not None
    before = word.doc[word.i - 1]
    return before.lower_ in DETERMINERS and (word.pos_ != "VERB" or before.pos_ == "DET")


def determiner_before(word: Token) -> Token | None:
    """The determiner that announces `word`, with at most two adjectives between ("la
    célèbre comédienne"), read from the words' order: the parse may hang it elsewhere."""
    at = word.i - 1
    while at > 0 and word.i - at <= _ADJECTIVES_BEFORE and word.doc[at].pos_ == "ADJ":
        at -= 1
    before = word.doc[at] if at >= 0 else None
    return before if before is not None and before.lower_ in DETERMINERS else None


# How many adjectives may sit between a determiner and the noun it announces.
_ADJECTIVES_BEFORE = 2


def speaker_noun(word: str) -> bool:
    singular = word.rstrip("sx")
    if (word in NOT_AGENTS or singular in NOT_AGENTS) and word not in SPEAKER_NOUNS:
        return False
    # Feminine forms of listed nouns: "élue" → "élu", "préfète" → "préfet".
    masculine = singular[:-3] + "et" if singular.endswith("ète") else singular[:-1] if singular.endswith("e") else singular
    for form in (word, singular, masculine):
        last = form.split("-")[-1]
        if form in SPEAKER_NOUNS or last in SPEAKER_NOUNS or last.endswith(AGENT_SUFFIXES):
            return True
    return False
