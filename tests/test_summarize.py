import pytest

from translator.summary.rank import METHODS, rank, select

SENTENCES = [
    "The city council approved the new budget on Tuesday.",
    "The budget raises spending on schools and public transport.",
    "It was raining in the morning.",
    "Opposition members said the budget for schools and transport was still too small.",
    "The council will vote on the transport plan next month.",
]


@pytest.mark.parametrize("method", METHODS)
def test_every_method_ranks_every_sentence_once(method):
    ranking = rank(SENTENCES, method)
    assert sorted(ranking) == list(range(len(SENTENCES)))


@pytest.mark.parametrize("method", ["lexrank", "textrank", "lsa", "luhn"])
def test_off_topic_sentence_is_not_chosen(method):
    assert 2 not in select(SENTENCES, 2, method)


def test_selection_is_in_document_order_and_sized():
    chosen = select(SENTENCES, 3)
    assert chosen == sorted(chosen) and len(chosen) == 3


def test_more_requested_than_available():
    assert select(SENTENCES[:2], 5) == [0, 1]


def test_french_ranking_works_offline():
    french = ["Le conseil a voté le budget.", "Le budget des écoles augmente.", "Il pleuvait."]
    assert sorted(rank(french, "lexrank", "french")) == [0, 1, 2]


def test_unknown_method():
    with pytest.raises(ValueError, match="unknown summarization method"):
        rank(SENTENCES, "magic")
