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


# Scraped text whose paragraphs were joined without a space (issue 20).


def test_sentences_glued_by_a_scraper_are_cut():
    text = "Le drame a eu lieu dans un cadre domestique.Consternant, le maire a réagi.Le lendemain, rien."
    assert split_sentences(text) == [
        "Le drame a eu lieu dans un cadre domestique.",
        "Consternant, le maire a réagi.",
        "Le lendemain, rien.",
    ]


def test_glued_after_a_year_an_acronym_a_quote_a_question_and_an_ellipsis():
    text = (
        "Le chiffre date de 2019.Les syndicats visent la SNCF.Elle répond \u00ab non \u00bb."
        "Pourquoi?Personne ne sait…Rien n'est prévu."
    )
    assert split_sentences(text) == [
        "Le chiffre date de 2019.",
        "Les syndicats visent la SNCF.",
        "Elle répond \u00ab non \u00bb.",
        "Pourquoi?",
        "Personne ne sait…",
        "Rien n'est prévu.",
    ]


def test_elided_opening_glued_to_the_previous_sentence():
    assert split_sentences("Il vit à Paris.L'avion part demain.") == ["Il vit à Paris.", "L'avion part demain."]


def test_heading_glued_to_its_paragraph_is_cut():
    text = "Le concert est reportéLa rencontre aura lieu en mai. Selon la mairie, tout est prêt."
    assert split_sentences(text) == [
        "Le concert est reporté",
        "La rencontre aura lieu en mai.",
        "Selon la mairie, tout est prêt.",
    ]


def test_camel_case_names_are_not_headings():
    text = "EgyptAir et FranceAgriMer ont signé avec YouTube. McLaren aussi."
    assert split_sentences(text) == ["EgyptAir et FranceAgriMer ont signé avec YouTube.", "McLaren aussi."]


def test_glued_abbreviation_and_initials_stay_whole():
    text = "M.Dupont a rencontré J.-L. Mélenchon, A. B. Smith et J.Martin hier. Ils ont parlé."
    assert split_sentences(text) == [
        "M.Dupont a rencontré J.-L. Mélenchon, A. B. Smith et J.Martin hier.",
        "Ils ont parlé.",
    ]


def test_glued_decimals_stay_whole():
    text = "La hausse est de 3.5 % contre 3,5 points.La baisse suit."
    assert split_sentences(text) == ["La hausse est de 3.5 % contre 3,5 points.", "La baisse suit."]


def test_web_addresses_and_emails_are_not_cut():
    text = (
        "Écrire à jean.Dupont@exemple.fr ou lire www.Mairie.fr et https://exemple.fr/Page.Html avant lundi. "
        "Le dossier est ouvert."
    )
    assert split_sentences(text) == [
        "Écrire à jean.Dupont@exemple.fr ou lire www.Mairie.fr et https://exemple.fr/Page.Html avant lundi.",
        "Le dossier est ouvert.",
    ]


def test_ellipsis_in_brackets_before_a_capital_is_not_a_glued_end():
    text = "Il a parlé de la mairie (...)Les travaux reprennent. Fin."
    assert split_sentences(text)[-1] == "Fin."
    assert split_sentences(text)[0].startswith("Il a parlé de la mairie (...)Les travaux")


def test_a_quotation_glued_to_the_previous_sentence_opens_the_next_one():
    # The straight mark after "finale." opens the next quotation: it belongs to the next sentence.
    text = 'Il a parlé de la finale."Nous verrons. Le club est prêt", a-t-il dit.«Rien» ne change.'
    assert split_sentences(text) == [
        "Il a parlé de la finale.",
        '"Nous verrons. Le club est prêt", a-t-il dit.',
        "«Rien» ne change.",
    ]
    # A mark that closes a quotation still ends the sentence with it.
    assert split_sentences('Elle a dit "non".Puis rien.') == ['Elle a dit "non".', "Puis rien."]
