from translator.quotes import find_quote_spans, find_quotes


def inner(text):
    return [span.inner(text) for span in find_quote_spans(text)]


def test_all_quote_styles():
    text = 'Il a dit « un », puis “deux”, puis "trois".'
    assert inner(text) == ["un", "deux", "trois"]


def test_guillemets_with_non_breaking_spaces():
    text = "Elle a répondu\u00a0: «\u00a0Nous verrons\u00a0».\u202f"
    assert inner(text) == ["Nous verrons"]


def test_nested_quote_stays_inside_its_parent():
    text = "« Il a dit \"non\" puis ‘peut-être’ hier », raconte-t-elle."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].inner(text) == "Il a dit \"non\" puis ‘peut-être’ hier"


def test_unclosed_quote_is_not_guessed():
    assert find_quote_spans("Il a dit « ceci sans jamais fermer.") == []


def test_apostrophes_are_not_quotes():
    assert find_quote_spans("L'OTAN et l’Europe d'aujourd'hui.") == []


def test_speaker_after_the_quote():
    quotes = find_quotes(['"Nous resterons", a déclaré M. Dupont à la presse.'])
    assert quotes[0].speaker == "M. Dupont"


def test_speaker_with_role():
    quotes = find_quotes(["« Le budget est juste », a affirmé la ministre Anne Leclerc lundi."])
    assert quotes[0].speaker == "la ministre Anne Leclerc"


def test_speaker_with_selon():
    quotes = find_quotes(["Selon Jean Martin, « la réforme arrive trop tard »."])
    assert quotes[0].speaker == "Jean Martin"


def test_pronoun_resolves_to_last_named_person():
    paragraphs = [
        "Le maire de Lyon Paul Girard a présenté son budget.",
        "« Nous n'augmenterons pas les impôts », a-t-il assuré.",
    ]
    assert find_quotes(paragraphs)[0].speaker == "Paul Girard"


def test_speaker_before_a_colon():
    paragraphs = ["M. Durand a tenu à rassurer, affirmant notamment : « Rien ne change pour les familles »."]
    assert find_quotes(paragraphs)[0].speaker == "M. Durand"


def test_no_speaker_when_none_is_named():
    assert find_quotes(["Le projet a été jugé « trop coûteux » par l'opposition."])[0].speaker is None


def test_quote_offsets_point_at_the_marks():
    paragraph = "Avant « pendant » après."
    quote = find_quotes([paragraph])[0]
    assert paragraph[quote.start : quote.end] == "« pendant »"
    assert quote.marked == "«\u00a0pendant\u00a0»"


def test_selon_after_an_abbreviated_title():
    # "M." must not be taken for the end of the previous sentence.
    paragraph = "Le maire a reconnu sa défaite. Selon M. Roux, « le vote sera contesté »."
    assert find_quotes([paragraph])[0].speaker == "M. Roux"


def test_speaker_before_a_colon_without_a_speech_verb():
    paragraph = "La capitaine Inès Morel, elle, a tenu à remercier le public : « Merci pour tout. »"
    assert find_quotes([paragraph])[0].speaker == "Inès Morel"


def test_speaker_named_by_role_before_que():
    paragraphs = [
        "« C'est historique », a déclaré Jean Martin.",
        "Le soir même, la ministre de la Santé a estimé que « rien n'est joué ».",
    ]
    # The role is the speaker, not the last person named in the article.
    assert find_quotes(paragraphs)[1].speaker == "la ministre de la Santé"


def test_colon_lead_with_neither_person_nor_pronoun_has_no_speaker():
    paragraphs = ["« Oui », a dit M. Roux.", "Le rapport conclut : « les comptes sont justes »."]
    assert find_quotes(paragraphs)[1].speaker is None
