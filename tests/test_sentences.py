from translator.french.sentences import QuoteAwareTokenizer, split_sentences


def test_french_abbreviations_do_not_end_sentences():
    text = "M. Dupont et Mme Leclerc sont arrivés. Dr Martin les attendait. Ils sont partis."
    assert split_sentences(text) == [
        "M. Dupont et Mme Leclerc sont arrivés.",
        "Dr Martin les attendait.",
        "Ils sont partis.",
    ]


def test_etc_ends_a_sentence_only_before_a_capital():
    text = "Pommes, poires, etc., tout augmente. Il y a des fruits, des légumes, etc. Le marché ferme."
    assert split_sentences(text) == [
        "Pommes, poires, etc., tout augmente.",
        "Il y a des fruits, des légumes, etc.",
        "Le marché ferme.",
    ]


def test_initials_and_dotted_abbreviations():
    text = "Né en 52 av. J.-C. à Rome, il est mort. Voir p. ex. le livre de J. Martin. Fin."
    assert split_sentences(text) == ["Né en 52 av. J.-C. à Rome, il est mort.", "Voir p. ex. le livre de J. Martin.", "Fin."]


def test_decimal_numbers_stay_whole():
    text = "L'indice a reculé à 51,3 en janvier. Il valait 3.5 points de plus en 2019."
    assert split_sentences(text) == ["L'indice a reculé à 51,3 en janvier.", "Il valait 3.5 points de plus en 2019."]


def test_never_cuts_inside_a_quote_spanning_sentences():
    text = '"Nous ne céderons pas. Jamais. Est-ce clair ?", a-t-il lancé. La salle a applaudi.'
    assert split_sentences(text) == ['"Nous ne céderons pas. Jamais. Est-ce clair ?", a-t-il lancé.', "La salle a applaudi."]


def test_quote_that_ends_a_sentence_closes_it():
    text = "Il a dit\u00a0: «\u00a0Je viendrai. Nous verrons bien\u00a0!\u00a0» Puis il est parti."
    assert split_sentences(text) == [
        "Il a dit\u00a0: «\u00a0Je viendrai. Nous verrons bien\u00a0!\u00a0»",
        "Puis il est parti.",
    ]


def test_quote_followed_by_attribution_is_one_sentence():
    text = "« On verra. » a-t-elle répondu. Rien d'autre."
    assert split_sentences(text)[-1] == "Rien d'autre."
    assert split_sentences(text)[0].startswith("« On verra. »")


def test_nested_quotes_do_not_split():
    text = "« Il m'a dit \"non. Jamais.\" hier. C'est tout », raconte Mme Dubois. Fin."
    assert split_sentences(text) == ["« Il m'a dit \"non. Jamais.\" hier. C'est tout », raconte Mme Dubois.", "Fin."]


def test_english_abbreviations():
    text = "Mr. Smith met Dr. Jones in the U.S. capital. They talked."
    assert split_sentences(text, "english") == ["Mr. Smith met Dr. Jones in the U.S. capital.", "They talked."]


def test_tokenizer_for_sumy():
    tokenizer = QuoteAwareTokenizer("french")
    assert tokenizer.to_sentences("Un. Deux « trois. quatre ».") == ("Un.", "Deux « trois. quatre ».")
    assert tokenizer.to_words("L'OTAN a dit : « non » (51,3 %).") == ("L'OTAN", "a", "dit", "non", "51", "3")
