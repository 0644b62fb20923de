from translator.french.quotes import find_quote_spans, find_quotes


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


def test_quote_offsets_point_at_the_marks():
    paragraph = "Avant « pendant » après."
    quote = find_quotes([paragraph])[0]
    assert paragraph[quote.start : quote.end] == "« pendant »"
    assert quote.marked == "«\u00a0pendant\u00a0»"
