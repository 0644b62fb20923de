from translator.document import Article
from translator.french.quotes import find_quotes
from translator.translation.segment import segment_article, units
from translator.translation.joins import assemble, english_typography


def segments_of(*paragraphs, joins="cut"):
    article = Article(source="t", paragraphs=list(paragraphs))
    return segment_article(article, find_quotes(article.paragraphs), joins=joins)


def test_quote_and_frame_are_separate_units_without_marks():
    (segment,) = segments_of('"Nous resterons unis", a déclaré M. Dupont.')
    assert [(p.text, p.is_quote) for p in segment.parts] == [
        ("Nous resterons unis", True),
        ("M. Dupont a déclaré.", False),  # the inverted attribution in the usual order
    ]
    assert segment.parts[1].lead == ", "
    assert all('"' not in unit for unit in units([segment]))


def test_assemble_marks_quotes_in_english_and_keeps_them_whole():
    (segment,) = segments_of("Il a affirmé\u00a0: «\u00a0Rien ne change. Tout continue\u00a0», selon M. Roy.")
    english = assemble(segment, ["He said", "Nothing changes. Everything goes on", "according to Mr Roy."])
    assert english == "He said: “Nothing changes. Everything goes on,” according to Mr Roy."


def test_sentence_made_only_of_a_quote():
    segments = segments_of("Le maire est arrivé. « Nous gagnerons ! » La salle a applaudi.")
    middle = segments[1]
    assert [p.is_quote for p in middle.parts] == [True]
    assert assemble(middle, ["We will win!"]) == "“We will win!”"


def test_two_quotes_in_one_sentence():
    (segment,) = segments_of("Le bloc était « allé trop loin » et « sans issue », a-t-il dit.")
    assert [p.text for p in segment.parts if p.is_quote] == ["allé trop loin", "sans issue"]
    assert segment.parts[-1].text == "il a dit."  # the inverted attribution in the usual order
    english = assemble(segment, ["The bloc had", "gone too far", "and", "with no way out", "He said."])
    assert english == "The bloc had “gone too far” and “with no way out,” he said."


def test_paragraph_and_sentence_indices():
    segments = segments_of("Un. Deux.", "Trois.")
    assert [(s.paragraph, s.index, s.text) for s in segments] == [(0, 0, "Un."), (0, 1, "Deux."), (1, 2, "Trois.")]


def test_english_typography():
    assert english_typography("Il a dit : « oui » ; non !") == "Il a dit: « oui »; non!"
    assert english_typography("“Yes”and no") == "“Yes” and no"
