"""How benchmarks/quality.py decides that a found speaker is the annotated one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from quality import speaker_matches  # noqa: E402


@pytest.mark.parametrize(("found", "expected"), [
    ("M. Garnier", "Luc Garnier"),
    ("Mme Odile Vasseur", "Odile Vasseur"),
    ("la juge Odile Vasseur", "Odile Vasseur"),
    ("le ministre", "le ministre des Transports"),
    ("le ministre des Transports", "le ministre"),
    ("l'ancien Premier ministre", "L’ancien Premier ministre"),
    ("les syndicats", "les syndicats de la SNCF"),
    ("le ministre de l'Économie Luc Garnier Roy", "Luc Garnier Roy"),  # the complement's word, then the name
    ("la CGT", "CGT"),
    ("Insee", "L'Insee"),
    ("le Pr Raoult", "Didier Raoult"),
])
def test_same_speaker(found, expected):
    assert speaker_matches(found, expected, "")


@pytest.mark.parametrize(("found", "expected"), [
    ("Luc Garnier", "Odile Garnier"),
    ("le ministre des Transports", "le ministre de la Santé"),
    ("le président brésilien", "le président argentin"),
    ("Luc Garnier", None),
    (None, "Luc Garnier"),
    ("le ministre de l'Économie Luc Garnier", "Odile Garnier"),
    ("la CGT", "la CFDT"),
    ("l'avocat de Marine Le Pen", "Marine Le Pen"),  # "de" right before a name: not a complement
    ("la France", "France Bleu"),  # a body's name is equal or not the same
])
def test_different_speakers(found, expected):
    assert not speaker_matches(found, expected, "")


def test_a_name_counts_for_a_role_only_where_the_text_sets_them_side_by_side():
    beside = "Le budget est prêt. … , a assuré le ministre des Transports, Luc Garnier."
    assert speaker_matches("Luc Garnier", "le ministre des Transports", beside)
    assert speaker_matches("le ministre des Transports", "Luc Garnier", "Luc Garnier, ministre des Transports, a parlé.")
    apart = "Le ministre des Transports a dit à la radio que le maire Luc Garnier devait partir. …"
    assert not speaker_matches("Luc Garnier", "le ministre des Transports", apart)
    assert not speaker_matches("Luc Garnier", "le ministre des Transports", "Luc Garnier était là. Le ministre aussi.")
