"""Who said each quotation: a pass after quote finding, on spaCy's French analysis.

`attribute_speakers(paragraphs, quotes)` returns the quotes with `speaker` set to the
person, role or body the text names, as written ("M. Garnier", "la porte-parole",
"cette mère de 34 ans"), or None when the text names nobody.

Each paragraph is analysed with every quotation replaced by the placeholder "cela": the
small French model parses plain French far better than sentences full of guillemets, and
names inside a quotation are never taken for its speaker. Around each placeholder, in
this order (see `clauses.speaker_in_sentence`):

1. after it, an inverted speech clause: "…, a déclaré X", "…, a-t-il ajouté",
   "…, lui répond le ministre", "…, souffle cette mère de 34 ans", "…, s'est réjoui
   l'entraîneur", "…, juge un syndicaliste", read by position (a participle after the
   auxiliary, a speech verb's present form) because the model often mistags the
   inverted verb; "…, affirme-t-on" names nobody;
2. "selon X", "d'après X", "pour X, « … »" (also with asides: "Pour Anne Roy,
   présidente de …, « … »", and "Pour X, ces chiffres sont « … »" when nobody else is
   made to speak), "aux yeux de X, « … »", "Comme l'a dit X, « … »", and a speech
   clause between commas before it ("Mais, poursuit-il, « … »");
3. before it, the subject of the nearest verb ("X a estimé que « … »", "Il se disait
   « … »", "X a fait savoir que « … »"; the reporting verb above a "que" clause, even one
   the parser hangs on a noun), "X : « … »", or "(Et) de souligner : « … »" for the last
   person named; a verb the parse left without subject takes the person named before it;
4. a quotation that is its whole sentence, with none of the above, belongs to the
   speaker of the sentence before it (the quote there, the speaker of a narrative
   infinitive's sentence "Avant d'avancer …", the speech tag closing it "…, commente
   le directeur.", or the person who is its subject), else to the previous quote's
   speaker in the paragraph when nobody else is named in between, else to a following
   line that only names someone.

Pronouns (il, elle, "ce dernier", "selon lui") are resolved to the last person named
outside quotations whose gender agrees (title M./Mme, the article of a role beside the
name, "Roy elle-même", a participle that agrees, else spaCy's gender); a role or body
("le préfet", "l'ambassade") when no named person fits, or when, in the pronoun's own
paragraph, it is the subject of a sentence after the last person named who fits (the
closer antecedent) or a mention of the stated gender after a name of unknown gender.
A quotation across paragraphs gets one speaker. Speakers are returned exactly as the
paragraph writes them.

Modules: `loader` (spaCy start-up), `lexicon` (word lists), `frames` (the paragraph as the
parser reads it), `clauses` (the rules around one quotation), `people` (mentions, gender),
`attribution` (the pass, with its per-article state).
"""

from translator.speakers.attribution import attribute_speakers
from translator.speakers.loader import INSTALL_HINT, SPACY_MODEL, SpeakerModelError, load_french

__all__ = ["INSTALL_HINT", "SPACY_MODEL", "SpeakerModelError", "attribute_speakers", "load_french"]
