"""The pass itself: every quotation of an article, with the people named so far."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from translator.document import Quote
from translator.speakers.clauses import closing_tag, impersonal_after, narrative_infinitive, speaker_after, speaker_in_sentence, subject_of, subject_speaker
from translator.speakers.phrases import has_finite_verb, is_finite_verb, is_speech_verb_form, is_speech_word, names_someone, phrase_at
from translator.speakers.frames import PLACEHOLDER, Pronoun, TYPOGRAPHY, as_written, frame_paragraph, token_at
from translator.speakers.lexicon import CLITICS, DETERMINERS, SUBJECT_CLITICS, TITLES
from translator.speakers.loader import load_french
from translator.speakers.roles import RoleTie, name_for_role, ties_in
from translator.speakers.people import Mention, gender_of_phrase, is_plural_phrase, is_whole_sentence, mentions_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


def attribute_speakers(paragraphs: Sequence[str], quotes: Sequence[Quote], nlp: Language | None = None) -> list[Quote]:
    """`quotes` (from `find_quotes(paragraphs)`) with `speaker` set where the text names one."""
    if not quotes:
        return list(quotes)
    nlp = nlp or load_french()
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    frames = [frame_paragraph(paragraph, by_paragraph.get(number, [])) for number, paragraph in enumerate(paragraphs)]
    docs = list(nlp.pipe(text for text, _, _ in frames))
    for doc, paragraph, (_, offsets, kept) in zip(docs, paragraphs, frames):
        doc.user_data["source"] = (paragraph, kept)
        doc.user_data["exclaims"] = {
            token.i: quote.text.rstrip().endswith(("!", "?", "…", "..."))
            for quote, offset in offsets if (token := token_at(doc, offset)) is not None
        }
    finder = SpeakerFinder(docs, nlp)
    speakers: dict[Quote, str | None] = {}
    for number, (doc, (_, offsets, _)) in enumerate(zip(docs, frames)):
        for quote, offset in offsets:
            token = token_at(doc, offset)
            speakers[quote] = finder.speaker(number, token, quote.text) if token is not None else None
            finder.said(number, token, speakers[quote])
    share_across_paragraphs(quotes, speakers)
    return [dataclasses.replace(q, speaker=speakers.get(q)) for q in quotes]


def share_across_paragraphs(quotes: Sequence[Quote], speakers: dict[Quote, str | None]) -> None:
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


class SpeakerFinder:
    """Speakers for the placeholders of one article, with the people named so far."""

    def __init__(self, docs: list[Doc], nlp: Language) -> None:
        self.docs = docs
        self.nlp = nlp
        self.mentions: list[Mention] = []
        self.ties: list[RoleTie] = []
        for number, doc in enumerate(docs):
            self.mentions.extend(mentions_in(number, doc))
            self.ties.extend(ties_in(number, doc))
        # The last quotation seen, with its sentence and speaker, for implicit attribution.
        self.previous: tuple[int, int, str | None] | None = None

    def said(self, paragraph: int, token: Token | None, speaker: str | None) -> None:
        if token is None:
            return
        self.previous = (paragraph, token.sent.end, speaker)
        if speaker and not any(m.paragraph == paragraph and m.position == token.i for m in self.mentions):
            known = [m.gender for m in self.mentions if m.text == speaker and m.gender]
            gender = known[0] if known else gender_of_phrase(speaker)
            words = speaker.split()
            named = words[0].lower() in TITLES or any(w[:1].isupper() for w in words[1:])
            self.mentions.append(Mention(paragraph, token.i, speaker, gender, True, token.sent.start, named))
            self.mentions.sort(key=lambda m: (m.paragraph, m.position))

    def speaker(self, paragraph: int, token: Token, quotation: str) -> str | None:
        """Who said the quotation at `token`: as the text names them, a role reported as
        the name the text set beside it ("le ministre" → "Jean Roux")."""
        found = self.named_speaker(paragraph, token, quotation)
        if found is not None:
            found = before_glued_sentence(found)
            return name_for_role(found, self.ties, (paragraph, token.i)) or found
        return None

    def named_speaker(self, paragraph: int, token: Token, quotation: str) -> str | None:
        if impersonal_after(token):
            return None  # "« … », affirme-t-on au ministère": nobody is named
        found = speaker_in_sentence(token) or self.incise(quotation, token)
        if isinstance(found, Pronoun):
            return self.still_speaking(paragraph, token, found.gender) or self.resolve(paragraph, found.anchor, found.gender)
        if found is not None:
            return found
        if is_whole_sentence(token):
            return self.implicit(paragraph, token)
        return None

    def incise(self, quotation: str, token: Token) -> str | Pronoun | None:
        """A speech tag set inside the quotation between commas:
        "« Nous avons, explique-t-il, tout essayé »", "« Je pense, dit Anne Roy, que … »"."""
        pieces = quotation.split(",")
        tags = pieces[1:-1]
        for piece in pieces[1:]:
            # "« Cela dure, explique le délégué. Mais … »": a tag that ends a sentence inside.
            end = re.search(r"[.!?…]\s+(?=[^\W\d_])", piece)
            if end is not None and piece[end.end():][:1].isupper():
                tags.append(piece[: end.start()])
        for piece in dict.fromkeys(tags):
            words = piece.split()
            # Only the verb-first tag: "explique-t-elle", "dit Anne Roy" (not "le monde écoute").
            if 1 <= len(words) <= 10 and words[0].islower() and words[0].replace("’", "'") not in CLITICS | DETERMINERS:
                inner = self.nlp(f"{PLACEHOLDER.capitalize()}, {piece.strip()}.".translate(TYPOGRAPHY))
                inner.user_data["source"] = (f"{PLACEHOLDER.capitalize()}, {piece.strip()}.", [(0, 0, len(inner.text))])
                verb = inner[2].pos_ in ("VERB", "AUX") or is_speech_verb_form(inner[2].lower_)
                if not verb and not any(w.lower_ in SUBJECT_CLITICS for w in inner):
                    continue
                found = speaker_after(inner[0])
                if isinstance(found, Pronoun):
                    return Pronoun(token.i, found.gender)
                if found is not None and names_someone(inner[2:]):
                    return found
        return None

    def still_speaking(self, paragraph: int, token: Token, gender: str | None) -> str | None:
        """"« … », énumère le commandant. / « … », ajoute-t-il.": a pronoun in the sentence
        right after a quotation's (or in the same one) stands for that quotation's speaker,
        when the gender agrees and nobody else is named in between (the one who speaks
        stays the topic)."""
        if not self.previous or not self.previous[2]:
            return None
        last_paragraph, last_end, speaker = self.previous
        next_sentence = (
            token.sent.start <= last_end
            if last_paragraph == paragraph
            else last_paragraph == paragraph - 1 and token.sent.start == 0 and last_end >= len(self.docs[last_paragraph]) - 1
        )
        if not next_sentence:
            return None
        known = [m.gender for m in self.mentions if m.text == speaker and m.gender]
        speaker_gender = known[0] if known else gender_of_phrase(speaker)
        if (gender and speaker_gender and speaker_gender != gender) or is_plural_phrase(speaker):
            return None
        # Only someone else doing something takes the floor: a subject, and not the subject
        # of the quoted words ("Notre-Dame « c'est notre histoire », a-t-il lancé").
        between = [m for m in self.mentions if (last_paragraph, last_end) <= (m.paragraph, m.position) < (paragraph, token.i)
                   and m.subject and not (m.paragraph == paragraph and self.topic_of(m, token))]
        return speaker if all(m.text == speaker for m in between) else None

    @staticmethod
    def topic_of(mention: Mention, token: Token) -> bool:
        """"Le vieux phare « c'est notre mémoire », a-t-il lancé": a noun phrase set
        right before the quotation, with no verb or punctuation between, is what the
        quotation is about; the parse may still take it for the subject."""
        words = token.doc[mention.position : token.i]
        return len(words) > 0 and not any(w.is_punct or w.pos_ in ("VERB", "AUX") for w in words)

    def resolve(self, paragraph: int, position: int, gender: str | None) -> str | None:
        """The person a pronoun at (paragraph, position) points to: last named, same gender."""
        candidates = [
            m for m in self.mentions
            if (m.paragraph, m.position) < (paragraph, position) and (gender is None or m.gender in (None, gender))
            and not m.plural  # "il", "elle", "ce dernier" stand for one
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
        if sentence.start == 0 and sentence.end < len(doc):
            # A paragraph that opens on the quotation: the sentence after it may say who
            # ("« … ». Anne Roy a lancé cet appel mardi.", "« … » Voilà ce qu'ont scandé X.")
            following = self.named_after(doc[sentence.end].sent)
            if following is not None:
                return following
        if only_quotation(doc):
            # A paragraph that is only the quotation: a line naming a person just above it
            # introduces it ("Claire Dubois, 52 ans, infirmière"); else one just below signs it.
            found = self.name_line(paragraph - 1) or self.signed(paragraph, token)
            if found is not None:
                return found
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
        if previous_sentence[-1].text == ":":
            # "Les autorités indiquent :" then the quotation: whoever the sentence announcing
            # it makes its subject speaks, even a noun no list knows.
            subject = subject_of(root)
            phrase = phrase_at(subject) if subject is not None and subject.pos_ != "PRON" else None
            if phrase is not None and not any(w.lower_ == PLACEHOLDER for w in phrase):
                return as_written(phrase)
        # "« … », a-t-il lancé. Avant d'avancer une autre hypothèse. « … »": a sentence whose
        # main verb is a narrative infinitive goes on with the speaker before it ("Avant de
        # quitter la mairie, la préfète a salué …" is her sentence).
        if self.previous and self.previous[2] and self.previous[0] >= paragraph - 1 and narrative_infinitive(root):
            return self.previous[2]
        # "Beaucoup ont …, commente le directeur. « … »": the tag closing the sentence
        # before says who goes on speaking.
        closing = closing_tag(previous_sentence, speech=True)
        if isinstance(closing, Pronoun):
            return self.resolve(location[0], previous_sentence.start, closing.gender)
        if closing is not None:
            return closing
        for candidate in previous_sentence:
            if candidate.dep_ in ("nsubj", "nsubj:pass") and candidate.head == root:
                found = subject_speaker(candidate, candidate)
                if isinstance(found, Pronoun):
                    return self.resolve(location[0], candidate.i, found.gender)
                if found is not None:
                    return found
        # The parse may miss the subject: a person named before the main verb is one. A line
        # with no verb that names a person introduces the one who speaks next ("Claire
        # Dubois, 52 ans, infirmière" above her words).
        verbless = not has_finite_verb(previous_sentence)
        people = [m for m in self.mentions if m.paragraph == location[0]
                  and previous_sentence.start <= m.position < (previous_sentence.end if verbless else root.i)]
        if people:
            return people[0].text
        return self.continued(paragraph, token) or self.signed(paragraph, token)

    def named_after(self, sentence: Span) -> str | None:
        """The speaker a sentence right after a quotation names: an inverted relative ("Voilà
        ce qu'ont répété quelque 300 riverains") or the subject of a speech verb ("Anne
        Roy, la tête de liste, a lancé un appel au calme"), never a pronoun."""
        doc = sentence.doc
        for word in sentence[:-1]:
            if word.lower_ == "ce" and doc[word.i + 1].lower_ in ("qu'", "que"):
                found = speaker_after(doc[word.i + 1], comma=False)
                return found if isinstance(found, str) else None
        root = sentence.root
        if not is_speech_word(root.lower_):
            return None
        subject = subject_of(root)
        found = subject_speaker(subject, subject) if subject is not None else None
        return found if isinstance(found, str) else None

    def continued(self, paragraph: int, token: Token) -> str | None:
        """The previous quotation's speaker, when it is in the same paragraph and nobody
        else is named in between ("« … », indique X. [a sentence] « … »")."""
        if not self.previous or self.previous[0] != paragraph or not self.previous[2]:
            return None
        between = [m for m in self.mentions if m.paragraph == paragraph and self.previous[1] <= m.position < token.i]
        return self.previous[2] if all(m.text == self.previous[2] for m in between) else None

    def name_line(self, paragraph: int) -> str | None:
        """The person a one-sentence paragraph with no verb names first ("Claire Dubois, 52
        ans, infirmière"), or None."""
        if paragraph < 0 or len(list(self.docs[paragraph].sents)) != 1:
            return None
        if has_finite_verb(self.docs[paragraph][:]):
            return None
        return next((m.text for m in self.mentions if m.paragraph == paragraph and m.named), None)

    def signed(self, paragraph: int, token: Token) -> str | None:
        """A quotation paragraph followed by a line that only names its speaker: "Jean
        Dupont, maire de Lille, dans Le Monde.", "12 mars 2016 : Anne R., 31 ans, …"."""
        if not only_quotation(token.doc) or paragraph + 1 >= len(self.docs):
            return None
        following = self.docs[paragraph + 1]
        first = next(iter(following.sents), None)
        if first is None or is_finite_verb(first.root):
            return None  # a sentence of its own, not a signature (a clause inside it may have a verb)
        # A short lead before a colon (a date, a place) may come first.
        colon = next((w.i for w in following[:_SIGNATURE_LEAD] if w.text == ":"), None)
        start = 0 if colon is None or any(w.pos_ in ("VERB", "AUX") for w in following[:colon]) else colon + 1
        # The name, or a title and the name ("Pr Anne Roy, …").
        titled = start + 1 < len(following) and following[start].lower_ in TITLES
        names = [e for e in following.ents if e.label_ == "PER" and (e.start == start or titled and e.start == start + 1)]
        if not names:
            return None
        name = names[0]
        if name.end < len(following) and following[name.end].text not in ",.:":
            return None
        return as_written(following[start : name.end])


# A full stop with the next sentence glued to it ("Roux.25", "Roy.- Un deuil"), two
# letters before it so that initials ("M.Roux", "J.-C. Roy") stay whole.
_GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_]{2})\.(?=[\dA-ZÀ-Ý•«\"-])")


def before_glued_sentence(speaker: str) -> str:
    """"M. Roux" for "M. Roux.25 agents …": the speaker's words end where a sentence glued
    to them starts; a title's full stop ("Mme.Roux", "Dr.Roy") is not a sentence's end."""
    for stop in _GLUED_SENTENCE.finditer(speaker):
        # The regex's lookbehind guarantees two letters before the stop: a word is there.
        word = speaker[: stop.start()].split()[-1].lower()
        if word not in TITLES and f"{word}." not in TITLES:
            return speaker[: stop.start()]
    return speaker


# How many words a signature line may set before a colon and the name ("12 mars 2016 :").
_SIGNATURE_LEAD = 7


def only_quotation(doc: Doc) -> bool:
    """The paragraph is a quotation and nothing else (its placeholder, punctuation aside)."""
    return len([w for w in doc if not w.is_punct and not w.is_space]) <= 1
