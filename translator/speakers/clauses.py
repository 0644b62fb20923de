"""The clause around one quotation: inverted speech verbs, "selon X", the subject before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from translator.speakers.frames import PLACEHOLDER, Pronoun, as_written
from translator.speakers.lexicon import ADVERBIALS, AUXILIARIES, CLITICS, DETERMINERS, FRAMING_PREPOSITIONS, MONTHS, MULTIWORD_ADVERBIALS, NAME_PARTICLES, NOMINAL, NOT_VERBS, PARTICIPLE_ENDINGS, PRONOUN_GENDER, SPEECH_INTRODUCERS, SUBJECT_PRONOUNS, SPEECH_NOUNS, SUBJECT_CLITICS, TIME_NOUNS, TITLES, TO_WHOM
from translator.speakers.phrases import chunk_from, is_speech_participle, is_speech_verb_form, is_speech_word, mistagged_verb, names_someone, phrase_at, pronoun_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


def speaker_in_sentence(token: Token) -> str | Pronoun | None:
    """The speaker named around the placeholder in its own sentence (see the module doc)."""
    return (speaker_after(token) or tag_of_sentence(token) or speaker_introduced(token) or incise_before(token)
            or speaker_before(token))


def incise_before(token: Token) -> str | Pronoun | None:
    """"Mais, poursuit-il, « … »", "Dans ce pays, affirme une source proche du dossier, le
    dispositif permet « … »": a speech clause set between commas earlier in the sentence,
    its verb first, reports what follows it; not one closing an earlier quotation ("« … »,
    a dit X, tandis que Y saluait « … »")."""
    doc = token.doc
    placeholders = doc.user_data.get("exclaims", {})
    commas = [w.i for w in doc[token.sent.start : token.i] if w.text == ","]
    for opening, closing in reversed(list(zip(commas, commas[1:]))):
        if opening <= token.sent.start:
            continue
        # Inverted and finite: "poursuit-il", "a précisé le ministre"; not a bare participle
        # ("Le ministre, interrogé par France Info, a jugé « … »").
        first = doc[opening + 1]
        if first.lower_ in AUXILIARIES and opening + 2 < closing:
            speech = is_speech_participle(doc[opening + 2].lower_)
        else:
            speech = is_speech_verb_form(first.lower_)
        if not speech:
            continue
        if opening - 1 in placeholders:
            return None  # the tag of the quotation right before it
        if someone_speaks_in(doc[closing + 1 : token.i]):
            return None  # "…, a précisé X, et le député Y a dénoncé « … »": Y's own clause
        return at_quotation(speaker_after(doc[opening - 1]), token)
    return None


def someone_speaks_in(words: Span) -> bool:
    """A subject in `words` that names someone or is a personal pronoun: the clause is theirs."""
    for word in words:
        if word.dep_ in ("nsubj", "nsubj:pass"):
            if word.lower_ in PRONOUN_GENDER or word.lower_ in SUBJECT_PRONOUNS:
                return True
            phrase = phrase_at(word) if word.pos_ != "PRON" else None
            if phrase is not None and names_someone(phrase):
                return True
    return False


def tag_of_sentence(token: Token) -> str | Pronoun | None:
    """"Elle est partie « en fin d'après-midi » jeudi, « sans un mot », a raconté X":
    a speech tag after the sentence's last quotation covers every quotation before it."""
    doc = token.doc
    # Every placeholder of the paragraph is a key of "exclaims" (set by attribute_speakers).
    later = sorted(i for i in doc.user_data.get("exclaims", {}) if token.i < i < token.sent.end)
    if later:
        # Right after the last quotation, or closing the sentence after more words: "… « … »,
        # montre « … » qui ne se reproduit que …, souligne X."
        found = speaker_after(doc[later[-1]]) or closing_tag(doc[later[-1] + 1 : token.sent.end])
        return at_quotation(found, token)
    # "Il s'agirait de … « … » et …, a annoncé X.": a speech clause after the sentence's
    # last comma, with no colon or semicolon between (another statement), reports all of it.
    return at_quotation(closing_tag(doc[token.i + 1 : token.sent.end]), token)


def closing_tag(words: Span, speech: bool = False) -> str | Pronoun | None:
    """The speech clause after the last comma of `words`, when they hold no colon or
    semicolon (another statement): "…, leurs lacunes sont immenses, commente le directeur.",
    or after one of the two commas before it when what follows the tag is an apposition or
    a circumstance ("…, souligne Paul Morel, le conservateur."). With `speech`, and for an
    earlier comma, only a verb of speech makes it one ("…, Pierre Roy, a reproché à la
    ministre sa déclaration" is his own clause)."""
    commas = [w.i for w in words if w.text == "," and w.i + 1 < words.end]
    if not commas or any(w.text in ";:" for w in words):
        return None
    for k, comma in enumerate(reversed(commas[-_TAG_COMMAS:])):
        # Inverted, so the verb comes first ("le parquet dément cette information" is a clause).
        tag = words.doc[comma + 1 : words.end]
        first = tag[0].lower_
        if (first in DETERMINERS and first != "leur") or first in SUBJECT_PRONOUNS or tag[0].text[:1].isupper():
            continue  # by the words, not the tags: the tagger reads "résume" as a pronoun
        if (speech or k > 0) and not any(is_speech_word(w.lower_) for w in tag[:_TAG_VERB_REACH]):
            continue
        return speaker_after(words.doc[comma - 1])
    return None


# How many commas from the end a closing tag may start after.
_TAG_COMMAS = 3
# How far into a closing tag its verb may come: "…, lui a alors répondu X".
_TAG_VERB_REACH = 4


def at_quotation(found: str | Pronoun | None, token: Token) -> str | Pronoun | None:
    """A pronoun found in a tag further on stands for someone named before the quotation
    at `token`, not before the tag ("Il a dénoncé « … » commise par X, a-t-il ajouté")."""
    return Pronoun(token.i, found.gender) if isinstance(found, Pronoun) else found


def speaker_after(token: Token, comma: bool = True) -> str | Pronoun | None:
    """"cela, a déclaré X" / "cela, a-t-il ajouté" / "cela, lui répond le ministre"; with
    `comma` False, the inverted clause right after `token` ("Comme l'a dit X").

    Read by position, not by the parse: after a quotation the small model often tags the
    inverted speech verb as a noun ("souffle", "raconte").
    """
    doc = token.doc
    i = token.i + 1
    if i < len(doc) and doc[i].text == "(":  # "« … » (sa bague), a-t-elle raconté": an aside
        closing = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].text == ")"), None)
        ends = closing is not None and (closing + 1 >= token.sent.end or doc[closing + 1].text in ".!?")
        if ends and bracketed_name(doc[i + 1 : closing]):
            return as_written(doc[i + 1 : closing])  # "« … » (Rachida Dati)." ends on who said it
        i = closing + 1 if closing is not None else i
    after_quotation = i
    while i < len(doc) and (doc[i].text in ",—–-" or doc[i].is_space):
        i += 1
    no_comma = i == after_quotation
    for _ in range(2):  # object clitics before the verb: "lui répond", "le chambre"
        if i < len(doc) and doc[i].lower_ in CLITICS:
            i += 1
    # "« … », dit X" has its comma; without one only "« … ! » s'exclame X" or a speech
    # verb ("« … » conclut le journal", "« … » leur a répondu X", "« … » se désole X") is
    # inverted ("« … » sera joué samedi" is not).
    speech_verb = i < len(doc) and (is_speech_verb_form(doc[i].lower_) or (
        doc[i].lower_ in AUXILIARIES and is_speech_participle(participle_after(doc, i + 1).lower_)))
    if comma and no_comma and not doc.user_data.get("exclaims", {}).get(token.i) and not speech_verb:
        return None
    auxiliary = i < len(doc) and doc[i].lower_ in AUXILIARIES
    if auxiliary:
        i = past_adverbs(doc, i + 1)
    if is_subject_clitic(doc, i):  # "a-t-il ajouté"
        return subject_clitic(doc, i, token)
    if i >= len(doc) or not doc[i].is_alpha or not doc[i].is_lower:
        return None
    # The tag alone misses inverted verbs ("s'est réjoui" as an adverb, "juge" as a noun):
    # a participle after the auxiliary, or a speech verb's form, is the verb all the same.
    shaped = (auxiliary and doc[i].lower_.endswith(PARTICIPLE_ENDINGS)) or is_speech_verb_form(doc[i].lower_)
    if doc[i].pos_ in NOT_VERBS and not shaped:
        return None
    if doc[i].sent != token.sent:
        return None
    i += 1  # the speech verb
    if i < len(doc) and doc[i].morph.get("VerbForm") == ["Inf"]:  # "a fait savoir X"
        i += 1
    while i < len(doc) and doc[i].is_space:  # "a déclaré  X" (a double space)
        i += 1
    i = after_adverbial(doc, i)  # "commente quant à lui X"
    if is_subject_clitic(doc, i):  # "explique-t-elle"
        return subject_clitic(doc, i, token)
    if i < len(doc) and doc[i].pos_ == "AUX":  # "il a déclaré" is not inverted
        return None
    if i >= len(doc) or doc[i].sent != token.sent:
        return None
    phrase = chunk_from(doc[inverted_subject_start(doc, i)])
    if phrase is None:
        return None
    pronoun = pronoun_phrase(phrase, token.i)
    if pronoun is not None:
        return pronoun
    # The inverted clause itself marks its noun phrase as the one who speaks.
    return as_written(phrase) if names_someone(phrase) or phrase.root.pos_ == "NOUN" else None


def past_adverbs(doc: Doc, i: int) -> int:
    """Where the participle after an auxiliary starts, past the adverbs at `i` between them."""
    # "a, immédiatement, réagi X": an adverb set between commas after the auxiliary
    while i + 2 < len(doc) and doc[i].text == "," and doc[i + 2].text == "," and (
        doc[i + 1].pos_ == "ADV" or doc[i + 1].lower_.endswith("ment")
    ):
        i += 3
    i = after_adverbial(doc, i)  # "a à nouveau assuré X"
    # "a notamment twitté X", "a néanmoins souligné X": an adverb between auxiliary and
    # participle (any adverb when a speech verb follows; "a toujours été" is no tag)
    while i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].is_lower and (
        doc[i].lower_.endswith("ment") or doc[i].lower_ in ADVERBIALS
        or (doc[i].pos_ == "ADV" and not is_subject_clitic(doc, i) and is_speech_participle(doc[i + 1].lower_))
    ):
        i += 1
    return i


def bracketed_name(words: Span) -> bool:
    """A person's name alone in brackets: capitalised words (particles such as "de" between
    them: "Dominique de Villepin", "Jean-Pierre Raffarin"), one of them a person's."""
    if not 1 <= len(words) <= 5 or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
        return False
    shaped = all((w.text[:1].isupper() and w.text.replace("-", "").isalpha()) or w.lower_ in NAME_PARTICLES for w in words)
    return shaped and any(w.ent_type_ == "PER" for w in words)


def inverted_subject_start(doc: Doc, i: int) -> int:
    """Skip a date or a "to whom" between the verb and its subject:
    "a expliqué mardi à l'AFP un responsable des secours"."""
    i = after_date(doc, i)
    if i >= len(doc):
        return len(doc) - 1
    # An adverb by its "-ment" too: the tagger misreads some after an inverted verb.
    if not (doc[i].lower_ in ADVERBIALS or doc[i].pos_ in ("ADP", "ADV") or doc[i].lower_.endswith("ment")):
        return i
    for j in range(i + 1, min(i + 8, len(doc))):
        if doc[j].is_punct:
            break
        previous = doc[j - 1]
        starts = doc[j].pos_ in ("DET", "PROPN") or doc[j].lower_ in TITLES or doc[j].lower_ in DETERMINERS
        if starts and previous.pos_ not in ("ADP", "DET") and previous.lower_ not in TO_WHOM | set(TITLES) | DETERMINERS:
            return j
    return i


def after_adverbial(doc: Doc, i: int) -> int:
    """Where an adverbial of several words starting at `i` ends ("à nouveau", "quant à
    lui"); `i` itself when none does."""
    for words in MULTIWORD_ADVERBIALS:
        end = i + len(words)
        if end <= len(doc) and tuple(w.lower_ for w in doc[i:end]) == words:
            return end
    return i


def after_date(doc: Doc, i: int) -> int:
    """Where a date at `i` ends: "mardi 9 juin", "jeudi soir", "le même jour", "le 3 mars
    2020"; `i` itself when no date starts there. Told by its words (days, months, numbers,
    nouns of a time), so that the noun phrase after it is read as the subject."""
    end = i
    for j in range(i, min(i + 7, len(doc))):
        word = doc[j]
        if word.lower_ in ADVERBIALS | MONTHS | TIME_NOUNS or word.like_num:
            end = j + 1
        elif not (word.lower_ in DETERMINERS or word.lower_ in ("même", "dernier", "dernière", "prochain", "suivant")):
            break
    return end


def impersonal_after(token: Token) -> bool:
    """"cela, affirme-t-on …", "cela, a-t-on appris": the inverted subject is "on"."""
    doc = token.doc
    for word in doc[token.i + 1 : min(token.i + 6, len(doc))]:
        if word.lower_ in ("-on", "-t-on") or (word.lower_ == "on" and doc[word.i - 1].lower_ == "-t"):
            return True
        if word.sent != token.sent or word.text in ".;:":
            break
    return False


def participle_after(doc: Doc, i: int) -> Token:
    """The word at `i` past a subject clitic and adverbs: the participle of "a t-il encore
    ajouté" (`i` at "t"), or the word at `i` itself."""
    if is_subject_clitic(doc, i):
        i += 2 if doc[i].lower_ in ("-t", "t") else 1
    while i + 1 < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    return doc[min(i, len(doc) - 1)]


def is_subject_clitic(doc: Doc, i: int) -> bool:
    """"-t-il", "-elle", and "t-il" as pages often type it ("confie t-il", "a t-elle dit")."""
    if i >= len(doc):
        return False
    return doc[i].lower_ in SUBJECT_CLITICS or (
        doc[i].lower_ == "t" and i + 1 < len(doc) and doc[i + 1].lower_ in SUBJECT_CLITICS)


def subject_clitic(doc: Doc, i: int, token: Token) -> Pronoun | None:
    words = doc[i].lower_ + (doc[i + 1].lower_ if doc[i].lower_ in ("-t", "t") and i + 1 < len(doc) else "")
    if words.endswith(("ils", "elles")):
        return None  # several speakers: none of them is named alone
    return Pronoun(token.i, "Fem" if words.endswith("elle") else "Masc")


def speaker_introduced(token: Token) -> str | Pronoun | None:
    """"selon X", "d'après X" in the sentence; "pour X, cela" / "aux yeux de X, cela" before it."""
    sentence = token.sent
    for word in sentence:
        if word.i == token.i or word.i + 1 >= len(token.doc):
            continue
        lower = word.lower_
        framing = lower in FRAMING_PREPOSITIONS and word.i < token.i and (
            comma_between(word, token) or opinion_frame(word, token)
        )
        eyes = lower == "yeux" and word.i < token.i and word.i + 1 < len(token.doc) and token.doc[word.i + 1].lower_ in ("de", "d'", "du")
        after = lower == "après" and word.i > 0 and token.doc[word.i - 1].lower_ == "d'"
        if lower == "comme" and word.i < token.i - 1 and token.doc[token.i - 1].text == ",":
            # "Comme l'a résumé le sélectionneur, « … »": an inverted speech clause up front;
            # not "citée comme possible candidate, « … »", where no speech verb follows.
            if not any(is_speech_word(w.lower_)
                       for w in token.doc[word.i + 1 : min(word.i + 4, token.i)]):
                continue
            found = speaker_after(word, comma=False)
            if found is not None:
                return Pronoun(token.i, found.gender) if isinstance(found, Pronoun) else found
            continue
        if lower in SPEECH_INTRODUCERS or framing or eyes or after:
            start = word.i + (2 if eyes else 1)
            if start >= len(token.doc) or start == token.i:
                continue
            phrase = chunk_from(token.doc[start])
            if phrase is None:
                continue
            phrase = whose_words(phrase)
            pronoun = pronoun_phrase(phrase, token.i)
            if pronoun is not None:
                return pronoun
            if names_someone(phrase):
                return as_written(phrase)
    return None


def whose_words(phrase: Span) -> Span:
    """"selon les termes de Jean Roux", "selon les mots de la ministre": the one who said
    them ("du ministre" is left whole: its determiner is inside "du")."""
    doc = phrase.doc
    head = next((w for w in phrase if w.pos_ == "NOUN" or w.lower_ in SPEECH_NOUNS), None)
    if head is None or head.lower_ not in SPEECH_NOUNS or head.i + 2 >= phrase.end:
        return phrase
    if doc[head.i + 1].lower_ not in ("de", "d'"):
        return phrase
    owner = chunk_from(doc[head.i + 2])
    return owner if owner is not None and names_someone(owner) else phrase


def opinion_frame(word: Token, token: Token) -> bool:
    """"(Justement,) pour le sélectionneur, jouer à Lille a ses avantages : « … »", "Pour le
    ministre, ces chiffres sont « le fruit de … »": a "pour X," opening the sentence frames
    all of it as X's view, the quotation after its colon too; not when the clause after
    the comma has a speech verb or a subject who is someone ("Pour finir, le maire a
    déclaré « … »", "Pour les habitants, la mairie a prévu des navettes « … »": "pour"
    there is "for")."""
    doc = token.doc
    opening = [w for w in doc[word.sent.start : word.i] if not w.is_punct]
    comma = next((w.i for w in doc[word.i + 1 : min(word.i + 10, token.i)] if w.text == ","), None)
    if len(opening) > 1 or comma is None:
        return False
    clause = doc[comma + 1 : token.i]
    return doc[token.i - 1].text == ":" or not (
        any(is_speech_word(w.lower_) for w in clause) or someone_speaks_in(clause)
    )


def comma_between(word: Token, token: Token) -> bool:
    """"Pour X, cela": the framing phrase ends with a comma just before the quotation."""
    between = token.doc[word.i + 1 : token.i]
    # Several commas when asides name the person ("Pour Anne Roy, maire de Nantes, « … »"),
    # but no verb: "Pour finir, il a dit « … »" is not a framing phrase.
    return len(between) > 1 and between[-1].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in between)


def speaker_before(token: Token) -> str | Pronoun | None:
    """The subject of the nearest verb before the placeholder, or "X : cela"."""
    doc = token.doc
    sentence_start = token.sent.start
    words = doc[sentence_start : token.i]
    if not len(words):
        return None
    verbs = [w for w in words if w.pos_ in ("VERB", "AUX") or mistagged_verb(w)]
    commas = [w.i for w in words if w.text == ","]
    if words[-1].text == ":" and verbs and commas and verbs[-1].i < commas[-1]:
        # "…, contre le roi son frère, le vieux duc maugrée : « … »": the last clause
        # announces the quotation; its verb, mistagged, is not the last verb found.
        found = person_announcing(doc[commas[-1] + 1 : token.i])
        if found is not None:
            return found
    if verbs:
        verb = verbs[-1]
        if verb.dep_ in ("cop", "aux:tense", "aux:pass") and verb.head.i <= token.i:
            # "que son geste était « … »", "que la ministre a « tout compris »": the quotation
            # is the predicate or the participle; the clause is reported. An auxiliary's
            # clause is its participle's: "Il a indiqué avoir signalé ces propos « … »"
            # goes up from "signalé" (however it is tagged) to "indiqué".
            verb = verb.head
        for _ in range(5):
            verb = reporting_verb(verb)
            subject = subject_of(verb)
            if subject is not None and subject.lower_ == PLACEHOLDER and subject.i < token.i:
                # "« … », a justifié X, invoquant « … »": the clause is the earlier quotation's
                # tag, whose speaker goes on.
                return speaker_after(subject)
            if subject is not None:
                found = subject_speaker(subject, token)
                if found is not None or subject.pos_ == "PRON" or verb.dep_ not in ("conj", "advcl") or verb.head.i > token.i:
                    return found  # "et on parle d'un « … »": "on" is somebody, just not named
                # "La mairie indique que les travaux ont pris du retard et que le coût serait
                # « … »": a subject that names nobody leaves the words to the clause above.
                verb = verb.head
                continue
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # "le Premier ministre X, regrettant que « … »": the participle's noun speaks;
                # a noun that is no one ("l'engagement …, affirmant") leads further up. A
                # finite verb read as a clause of the noun before it ("Le bourgmestre de Wavre
                # conclut") has the whole noun phrase for its subject.
                noun = verb.head
                finite = verb.morph.get("VerbForm") == ["Fin"] or is_speech_verb_form(verb.lower_)
                if not finite and any(c.dep_ == "case" for c in noun.children) and noun.head.i < token.i:
                    # "a-t-il insisté sur LCI, soulignant que « … »": a noun after a
                    # preposition does not speak; the participle goes with the clause.
                    verb = noun.head
                    continue
                while finite and noun.dep_ in ("nmod", "flat:name") and noun.head.i < noun.i:
                    noun = noun.head
                found = subject_speaker(noun, token)
                if found is not None:
                    return found
                verb = verb.head
                continue
            if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "parataxis") and verb.head != verb and verb.head.i < token.i:
                verb = verb.head
                continue
            break
        if narrative_infinitive(verb):
            # "Et de souligner : « … »": the last person named speaks.
            return Pronoun(token.i, None)
        return person_announcing(words, verbs[-1])
    return person_announcing(words) or name_and_colon(words)


def person_announcing(words: Span, verb: Token | None = None) -> str | None:
    """"Interrogée par l'AFP, Anne Roux, 52 ans, raconte : « … »" when the parse misses the
    subject: a sentence leading to the quotation with ":" names its speaker first; so does
    one whose verb before the quotation was left without a subject ("Devant la presse,
    Anne Roy, la présidente, a promis que « … »"): the person named before that verb."""
    end = words.end
    if words[-1].text != ":":
        if verb is None or verb.pos_ != "VERB" or any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        end = verb.i
    doc = words.doc
    people = [
        entity for entity in doc.ents
        if entity.label_ == "PER" and words.start <= entity.start < end
        and (entity.start == words.start or doc[entity.start - 1].pos_ not in ("ADP", "DET"))
    ]
    # The subject opens its clause (at the start, or after a comma): "Seul, trahi
    # dans sa guerre contre le roi son frère, Gaspard de Lure maugrée : « … »" is Gaspard de Lure's.
    opening = [e for e in people if e.start == words.start or doc[e.start - 1].text == ","]
    if opening:
        return as_written(opening[-1])
    return as_written(people[0]) if people else None


def name_and_colon(words: Span) -> str | None:
    """"Nicolas : « … »", "Nicolas Roy (Lorient) - « … »": a name or role alone before a
    colon or a dash, a parenthesis after it (club, party, town) aside."""
    if words[-1].text not in (":", "-", "–", "—"):
        return None
    phrase = words[:-1]
    bracket = next((w.i for w in phrase if w.text == "("), None)
    if bracket is not None and phrase[-1].text == ")":
        phrase = words.doc[phrase.start : bracket]
    if 1 <= len(phrase) <= 6 and names_someone(phrase) and (words[-1].text == ":" or phrase[0].text[:1].isupper()):
        return as_written(phrase)
    return None


def reporting_verb(verb: Token) -> Token:
    """"X a lâché que le club risquait de « … »": the quoted words are X's, not the club's.
    The parser sometimes hangs such a "que" clause on a noun ("a déclaré dans un avis que
    …" as a relative clause of "avis"): the "que" marker still says it is reported speech."""
    while True:
        if verb.dep_ == "conj" and verb.head.i < verb.i and any(c.lower_ in ("que", "qu'") for c in verb.children):
            verb = verb.head  # "X a assuré que … et que … « … »": the second "que" clause is reported too
            continue
        # "que" as the clause's conjunction, however the parse labels the link ("mark", or
        # "punct" in "elle assure que la ministre a « … »")
        if not (verb.dep_ in ("ccomp", "acl:relcl") and any(
                c.lower_ in ("que", "qu'") and (c.dep_ == "mark" or c.pos_ == "SCONJ") and c.i < verb.i
                for c in verb.children)):
            break
        head = verb.head
        while (head.pos_ != "VERB" or head.dep_ == "acl") and head.head != head:  # past "un avis détaillé"
            head = head.head
        if head.pos_ != "VERB" or head.i >= verb.i:
            break
        verb = head
    return verb


def narrative_infinitive(verb: Token) -> bool:
    """"(Et) de + infinitive" opening a sentence: French for "and he/she went on to say";
    "Avant d'ajouter", "Puis de conclure" too."""
    start = verb.sent.start
    words = [w.lower_ for w in verb.doc[start : verb.i]]
    return verb.morph.get("VerbForm") == ["Inf"] and len(words) in (1, 2) and words[-1] in ("de", "d'") and (
        len(words) == 1 or words[0] in ("et", "avant", "puis"))


def subject_of(verb: Token) -> Token | None:
    if verb.pos_ == "AUX" and verb.head != verb:  # "X ont « exigé … »": the subject hangs on the head
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and c.i < verb.i + 8]
    if not subjects and mistagged_verb(verb):
        return verb.doc[verb.i - 1]  # "la CGT dénonce": the name just before it
    if subjects:
        # Several (a misparse: "Interrogée sur X, la ministre a …"): the one nearest the verb.
        before = [c for c in subjects if c.i < verb.i]
        subject = before[-1] if before else subjects[0]
        return subject_after_comma(verb, subject) or subject
    for child in verb.children:
        # "a-t-il estimé": aux carries the subject clitic; "X a fait savoir que": "fait" carries X.
        if child.pos_ == "AUX" or (child.pos_ == "VERB" and child.i < verb.i and child.dep_ in ("dep", "aux", "xcomp")):
            for grandchild in child.children:
                if grandchild.dep_ in ("nsubj", "expl:subj"):
                    return grandchild
    return None


def subject_after_comma(verb: Token, subject: Token) -> Token | None:
    """"Accueillant le sénateur X dans son bureau, Netanyahu a déclaré …": the parser took a
    name inside the opening phrase for the subject; the name or noun right before the verb,
    after the phrase's comma, is the subject."""
    if subject.i >= verb.i:
        return None
    doc = verb.doc
    comma = next((i for i in range(verb.i - 1, subject.i, -1) if doc[i].text == ","), None)
    if comma is None:
        return None
    between = [w for w in doc[comma + 1 : verb.i] if not (w.pos_ == "AUX" or w.lower_ in CLITICS | {"ne", "n'"})]
    if not between or len(between) > 4 or any(w.pos_ not in NOMINAL and w.lower_ not in TITLES for w in between):
        return None
    head = next((w for w in reversed(between) if w.pos_ in ("PROPN", "NOUN")), None)
    return head if head is not None and names_someone(doc[between[0].i : between[-1].i + 1]) else None


def subject_speaker(subject: Token, token: Token) -> str | Pronoun | None:
    if subject.pos_ == "PRON":
        lower = subject.lower_
        if lower == "qui" and subject.head.dep_ in ("acl:relcl", "acl") and subject.head.head.pos_ in ("NOUN", "PROPN"):
            phrase = phrase_at(subject.head.head)
            return as_written(phrase) if phrase is not None and names_someone(phrase) else None
        doc = subject.doc
        if lower == "ci" and subject.i >= 2 and doc[subject.i - 1].text == "-":
            lower = f"{doc[subject.i - 2].lower_}-ci"  # "Celle-ci", which the tokenizer splits in three
        if lower in PRONOUN_GENDER:
            # Resolved where it stands: "elle déclare que l'Île-de-France est son « … »"
            # cannot stand for a name that comes after it.
            return Pronoun(min(subject.i, token.i), PRONOUN_GENDER[lower])
        return None
    phrase = phrase_at(subject)
    if phrase is None:
        return None
    pronoun = pronoun_phrase(phrase, token.i)
    if pronoun is not None:
        return pronoun
    return as_written(phrase) if names_someone(phrase) else None


