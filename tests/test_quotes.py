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


# --- mark conventions of other presses ------------------------------------------------


def test_two_single_marks_as_one_double_mark():
    assert inner("Le ministre a lancé ‘‘Nous ne reculerons pas devant la menace’’ aux députés.") == [
        "Nous ne reculerons pas devant la menace"
    ]
    assert inner("Il a ajouté ''La saison des pluies sera rude'' avant de partir.") == ["La saison des pluies sera rude"]
    # Typed with a straight pair at the end.
    assert inner("Elle a dit ‘‘Le marché rouvrira lundi'' devant la foule.") == ["Le marché rouvrira lundi"]
    # A lone pair opening nothing is left alone.
    assert find_quote_spans("La note ‘‘ est restée sans suite.") == []
    # Opened with a left and a right mark, or two right marks, as keyboards produce them.
    assert inner("‘’Nous avons gagné la bataille, pas la guerre’’, a lancé le capitaine.") == [
        "Nous avons gagné la bataille, pas la guerre"
    ]
    assert inner("L’arbitre a jugé ’’la décision définitive’’ et l’État s’est tu.") == ["la décision définitive"]


def test_a_closing_guillemet_typed_the_wrong_way_round():
    assert inner("« Nous resterons ici jusqu'au bout (et après)« , a dit le délégué.") == [
        "Nous resterons ici jusqu'au bout (et après)"
    ]
    # A « opening a nested quotation has words after it: it stays nested.
    assert inner("« La loi «Travail» est morte », a dit le délégué.") == ["La loi «Travail» est morte"]


def test_single_curly_marks_are_a_quotation_apostrophes_are_not():
    text = "Le maire a prévenu : ‘Nous ne céderons rien à la pression.’ L’État n’a pas répondu."
    assert inner(text) == ["Nous ne céderons rien à la pression."]
    assert find_quote_spans("Aujourd’hui, l’État et l’Europe s’accordent.") == []


def test_a_straight_mark_right_after_a_full_stop_opens_a_quotation():
    assert inner('Il a refusé le débat."Ma campagne, c’est sur les marchés", a-t-il dit.') == [
        "Ma campagne, c’est sur les marchés"
    ]


def test_a_quotation_opened_straight_and_closed_with_a_guillemet():
    text = 'Selon la police, "rien n’est encore établi. » Les voisins se taisent. "Et l’enquête ne fait que commencer."'
    assert inner(text) == ["rien n’est encore établi.", "Et l’enquête ne fait que commencer."]
