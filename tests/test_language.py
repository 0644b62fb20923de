import pytest

from translator.errors import NotFrenchError
from translator.french.language import ensure_french

FRENCH = "Le conseil municipal a voté le budget mardi soir, malgré l'opposition des élus écologistes qui dénoncent une hausse."
ENGLISH = "The city council voted on the budget on Tuesday evening, despite opposition from green members who decried a rise."
SPANISH = "El consejo municipal votó el presupuesto el martes por la noche, pese a la oposición de los concejales ecologistas."


def test_french_passes():
    ensure_french(FRENCH, "x")


@pytest.mark.parametrize("text, language", [(ENGLISH, "English"), (SPANISH, "Spanish")])
def test_other_languages_are_refused_with_a_guess(text, language):
    with pytest.raises(NotFrenchError, match=language):
        ensure_french(text, "x")


def test_too_short_is_refused():
    with pytest.raises(NotFrenchError, match="too little text"):
        ensure_french("Bonjour à tous", "x")
