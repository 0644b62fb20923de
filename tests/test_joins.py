"""English joins around quotes: case, punctuation, attributions, civilities, context."""

from translator.summary.compose import BriefOptions
from translator.document import Article
from translator.pipeline import PreparedArticle, brief_articles
from translator.french.quotes import find_quotes
from translator.translation.segment import segment_article
from translator.translation.joins import assemble, english_punctuation, lower_first


def segment_of(text, joins="cut"):
    article = Article(source="t", paragraphs=[text])
    (segment,) = segment_article(article, find_quotes(article.paragraphs), joins=joins)
    return segment


def test_frame_after_a_quote_is_lower_case_with_the_comma_inside():
    segment = segment_of("« Nous gagnerons », a-t-il ajouté.")
    assert assemble(segment, ["We will win", "He added."]) == "“We will win,” he added."


def test_inverted_attribution_is_translated_in_the_usual_order():
    segment = segment_of("« Nous gagnerons », poursuit-elle sans attendre.")
    assert [p.text for p in segment.parts] == ["Nous gagnerons", "elle poursuit sans attendre."]


def test_a_name_after_a_quote_keeps_its_capital():
    segment = segment_of("« Rien ne change », a déclaré Paul Durand.")
    assert assemble(segment, ["Nothing changes", "Paul Durand said."]) == "“Nothing changes,” Paul Durand said."


def test_only_names_keep_a_capital_after_a_quote():
    segment = segment_of("Le maire a dit « non » et les élus ont voté.")
    english = assemble(segment, ["The mayor said", "no", "And the councillors voted."])
    # The French frame starts with a lower-case "et": only names would keep a capital.
    assert english == "The mayor said “no” and the councillors voted."
    segment = segment_of("« Non », Le Monde l'a écrit.")
    assert assemble(segment, ["No", "Le Monde wrote it."]) == "“No,” Le Monde wrote it."


def test_question_keeps_its_mark_and_drops_the_comma():
    segment = segment_of("« Viendrez-vous ? », a-t-elle demandé.")
    assert assemble(segment, ["Will you come?", "She asked."]) == "“Will you come?” she asked."


def test_period_the_model_adds_to_a_fragment_is_dropped():
    segment = segment_of("Il a parlé d'une « honte absolue » devant la presse.")
    english = assemble(segment, ["He spoke of a", "absolute shame.", "in front of the press."])
    assert english == "He spoke of a “absolute shame” in front of the press."


def test_sentence_ending_on_a_quote_ends_inside_the_marks():
    segment = segment_of("Il a parlé de « honte ».")
    assert assemble(segment, ["He spoke of", "shame"]) == "He spoke of “shame.”"


def test_civility_mme_is_ms_and_names_are_kept():
    segment = segment_of("« Oui », a répondu Mme Lefort.")
    assert assemble(segment, ["Yes", "Mrs. Lefort replied."]) == "“Yes,” Ms Lefort replied."


def test_no_doubled_or_stray_punctuation():
    assert english_punctuation("“Yes.”, , he said..", "") == "“Yes,” he said."
    assert english_punctuation("“Really?”, she asked", "") == "“Really?” she asked"


def test_lower_first_keeps_acronyms_days_and_i():
    assert lower_first("UN officials said", "ont dit les responsables de l'ONU") == "UN officials said"
    assert lower_first("Monday he said", "a-t-il dit lundi") == "Monday he said"
    assert lower_first("I think", "je pense") == "I think"
    assert lower_first("The minister said", "a dit le ministre") == "the minister said"
    # A name the model translated keeps its capital: its first letters are the French name's.
    assert lower_first("Russia must stop", "la Russie doit cesser") == "Russia must stop"
    assert lower_first("Egypt will host", "l'Égypte accueillera") == "Egypt will host"
    assert lower_first("Government must act", "le gouvernement doit agir, dit Gouda") == "government must act"


INLINE = "Le maire a dénoncé une « honte absolue » devant la presse."
ALONE = ["The mayor denounced a", "absolute shame", "In front of the press."]


def test_context_strategy_puts_the_quote_into_the_models_sentence():
    segment = segment_of(INLINE, joins="context")
    assert [p.context for p in segment.parts] == [False, False, False, True]
    assert segment.parts[-1].text == INLINE
    translated = ALONE + ['The mayor denounced an "absolute disgrace" in front of the press.']
    # The frame comes from the model's whole sentence; the quote is its own translation.
    assert assemble(segment, translated) == "The mayor denounced an “absolute shame” in front of the press."


def test_context_strategy_falls_back_to_cut_when_the_marks_are_lost():
    segment = segment_of(INLINE, joins="context")
    translated = ALONE + ["The mayor denounced an absolute disgrace in front of the press."]
    assert assemble(segment, translated) == "The mayor denounced a “absolute shame” in front of the press."


def test_context_strategy_falls_back_when_the_marked_text_is_another():
    segment = segment_of(INLINE, joins="context")
    translated = ALONE + ['The "mayor" denounced an absolute disgrace in front of the press.']
    assert assemble(segment, translated) == "The mayor denounced a “absolute shame” in front of the press."


def test_context_strategy_falls_back_when_the_model_drops_the_frame():
    segment = segment_of(INLINE, joins="context")
    translated = ALONE + ['The mayor denounced an "absolute disgrace".']
    assert assemble(segment, translated) == "The mayor denounced a “absolute shame” in front of the press."


def test_nominal_attribution_is_put_in_the_usual_order():
    segment = segment_of("« Nous gagnerons », a déclaré Paul Durand lors d'un meeting.")
    assert segment.parts[-1].text == "Paul Durand a déclaré lors d'un meeting."
    segment = segment_of("« Nous gagnerons », insiste cette élue, qui hésite encore.")
    assert segment.parts[-1].text == "cette élue, qui hésite encore, insiste."
    # Not a reporting verb: left as written.
    assert segment_of("« Oui », le taquine Paul.").parts[-1].text == "le taquine Paul."


def test_reordered_attributions_are_translated_alone():
    segment = segment_of("« Nous gagnerons », a-t-il ajouté.", joins="context")
    assert not any(p.context for p in segment.parts)


def test_context_is_only_for_sentences_with_a_quote_and_a_frame():
    assert not any(p.context for p in segment_of("« Nous gagnerons ! »", joins="context").parts)
    assert not any(p.context for p in segment_of("Le maire est arrivé.", joins="context").parts)


def test_pipeline_joins_with_the_upper_casing_model(upper):
    article = Article(source="t", paragraphs=["« Nous resterons unis », a déclaré le maire. Il a parlé de « honte »."])
    quotes = find_quotes(article.paragraphs)
    prepared = PreparedArticle(article, quotes, segment_article(article, quotes))
    (brief,) = brief_articles([prepared], upper, BriefOptions(sentences=1, quotes=1))
    assert brief.translation.text == "“NOUS RESTERONS UNIS,” LE MAIRE A DÉCLARÉ. IL A PARLÉ DE “HONTE.”"
    # Each quote went to the model alone, without its marks.
    sent = {text for call in upper.calls for text in call}
    assert {"Nous resterons unis", "honte"} <= sent


def test_speaker_names_keep_their_spelling_and_only_the_civility_changes():
    from translator.translation.joins import english_speaker

    assert english_speaker("M. Jean-Luc Dubois") == "Mr Jean-Luc Dubois"
    assert english_speaker("Mme Claire Roy") == "Ms Claire Roy"
    assert english_speaker("Maison Blanche") == "Maison Blanche"
    assert english_speaker("le maire Paul Girard") == "le maire Paul Girard"


def test_a_quote_inside_a_quote_gets_single_marks():
    segment = segment_of("Elle a dit : « Il m'a parlé de « réforme » hier ».")
    (quote,) = [p for p in segment.parts if p.is_quote]
    assert quote.text == "Il m'a parlé de « réforme » hier"
    english = assemble(segment, ["She said", 'He told me about "reform" yesterday'])
    assert english == "She said: “He told me about ‘reform’ yesterday.”"
    assert assemble(segment, ["She said", "He told me about “reform” yesterday"]) == english


# --- the English brief reads as English (issue 15) ---------------------------------------


def test_a_quotation_inside_a_sentence_starts_in_lower_case():
    from translator.document import Quote
    from translator.translation.joins import inside_sentence_case

    inside = Quote(text="une minorité a transformé le débat", opening="«", closing="»", paragraph=0, start=30, end=70)
    opening = Quote(text="Nous ne céderons pas", opening="«", closing="»", paragraph=0, start=0, end=24)
    named = Quote(text="selon Paris, rien ne change", opening="«", closing="»", paragraph=0, start=10, end=40)
    assert inside_sentence_case("A minority has turned the debate", inside) == "a minority has turned the debate"
    assert inside_sentence_case("We will not give in", opening) == "We will not give in"
    assert inside_sentence_case("According to Paris, nothing changes", named) == "according to Paris, nothing changes"
    assert inside_sentence_case("I will stay", inside) == "I will stay"


def test_described_speakers_keep_their_article_names_are_not_described():
    from translator.translation.joins import described_speaker_english, speaker_is_described

    assert described_speaker_english("Minister", "le ministre") == "the Minister"
    assert described_speaker_english("activist", "une militante") == "an activist"
    assert described_speaker_english("the spokeswoman", "la porte-parole") == "the spokeswoman"
    assert described_speaker_english("Anne Roy", "Anne Roy") == "Anne Roy"
    # A description opening a sentence is still a description; a title of the press is a name.
    assert speaker_is_described("Le bourgmestre de Wavre") and speaker_is_described("Sa voisine")
    assert not speaker_is_described("Le Monde") and not speaker_is_described("M. Dupont")


def test_nested_quotation_marks_are_single_and_tight():
    from translator.translation.joins import nested_marks

    assert nested_marks("a message: ' Do not count on us. ' Then") == "a message: ‘Do not count on us.’ Then"
    assert nested_marks("a message: 'Do not count on us.' Then") == "a message: ‘Do not count on us.’ Then"
    assert nested_marks("the workers' union won't sign") == "the workers' union won't sign"
