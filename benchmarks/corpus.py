"""A synthetic corpus of scraped-looking French news pages for the benchmark.

Every sentence is built from templates with its own names, places and numbers, so no
two sentences of the corpus are the same: the benchmark measures batching, not the
de-duplication of repeated sentences (which would flatter `brief batch`).
"""

from __future__ import annotations

import random
from pathlib import Path

PEOPLE = [
    ("M.", "Jean", "Rivière"), ("Mme", "Sophie", "Lambert"), ("M.", "Karim", "Benali"), ("Mme", "Élodie", "Perrin"),
    ("M.", "Thomas", "Garnier"), ("Mme", "Nadia", "Chevalier"), ("M.", "Luc", "Fontaine"), ("Mme", "Inès", "Marchand"),
    ("M.", "Paul", "Renaud"), ("Mme", "Claire", "Moulin"), ("M.", "Yann", "Le Bihan"), ("Mme", "Julie", "Roussel"),
]
ROLES = [
    "maire de la commune", "président du conseil régional", "directrice de l'usine", "porte-parole du syndicat",
    "ministre de l'Agriculture", "responsable du projet", "économiste à l'université", "présidente de l'association",
]
PLACES = [
    "Brest", "Rennes", "Nantes", "Lyon", "Grenoble", "Toulouse", "Bordeaux", "Lille", "Strasbourg", "Dijon",
    "Limoges", "Clermont-Ferrand", "Tours", "Angers", "Metz", "Perpignan", "Nîmes", "Caen", "Rouen", "Pau",
]
SUBJECTS = [
    ("une nouvelle ligne de tramway", "le chantier"), ("un plan de rénovation des écoles", "le plan"),
    ("la fermeture d'une usine de papier", "la fermeture"), ("un festival de musique baroque", "le festival"),
    ("la construction d'un parc éolien en mer", "le projet"), ("une réforme des transports scolaires", "la réforme"),
    ("un accord sur le prix du lait", "l'accord"), ("la sécheresse qui touche les cultures", "la sécheresse"),
    ("l'ouverture d'un centre de santé", "le centre"), ("un budget participatif pour les quartiers", "le budget"),
]
VERBS = ["a annoncé", "a confirmé", "a expliqué", "a reconnu", "a estimé", "a précisé"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
HEADLINES = [
    "Les ventes de voitures électriques progressent", "Un nouveau record de chaleur en juin",
    "Le prix du pain en hausse dans les boulangeries", "La saison des champignons commence tôt",
    "Un musée ouvre ses réserves au public", "Les trains de nuit reviennent en Europe",
]
SOCIAL = ["Nous suivre sur Facebook", "Abonnez-vous à notre newsletter", "Scannez le code QR pour télécharger l'application"]


def _article(number: int, rng: random.Random) -> str:
    subject, short = SUBJECTS[number % len(SUBJECTS)]
    place = PLACES[number % len(PLACES)]
    day, month = 1 + number % 28, 1 + (number // 28) % 12
    lines = [f"Dernière mise à jour à {8 + number % 12:02d}h{(7 * number) % 60:02d} le {day:02d}/{month:02d}"]
    lines.append(
        f"À {place}, les élus ont présenté {DAYS[number % 6]} {subject}, un dossier attendu depuis "
        f"{2 + number % 9} ans par les {1000 + 37 * number} habitants concernés (article {number})."
    )
    for paragraph in range(rng.randint(5, 8)):
        title, first, last = rng.choice(PEOPLE)
        role, verb = rng.choice(ROLES), rng.choice(VERBS)
        amount, share = rng.randint(2, 900), f"{rng.randint(1, 99)},{rng.randint(0, 9)}"
        tag = f"{number}-{paragraph}"  # keeps every sentence distinct across the corpus
        templates = [
            f"{title} {first} {last}, {role}, {verb} que {short} coûterait {amount} millions d'euros "
            f"d'ici la fin de l'année {2026 + paragraph % 4} (point {tag}).",
            f"« Nous voulons que {short} profite d'abord aux familles de {place}, et nous tiendrons les délais », "
            f"{verb} {title} {last} devant la presse, en réponse aux questions n° {tag}.",
            f"Selon les chiffres publiés par la préfecture, {share} % des personnes interrogées soutiennent "
            f"{short}, contre {rng.randint(5, 40)} % l'an passé (enquête {tag}).",
            f"Les opposants dénoncent un calendrier « trop serré » et demandent une nouvelle réunion publique "
            f"avant le {rng.randint(1, 28)} du mois prochain, dossier {tag}.",
            f"Le conseil municipal examinera le texte le {rng.randint(1, 28)}/{rng.randint(1, 12):02d}, "
            f"après l'avis des {rng.randint(3, 40)} associations de quartier ({tag}). "
            f"Aucune date de vote n'a encore été fixée pour l'étape {tag}.",
        ]
        lines.append(templates[paragraph % len(templates)])
    lines += rng.sample(HEADLINES, 3) + SOCIAL
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` articles into `folder` and return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article_{number:03d}.txt"
        path.write_text(_article(number, rng), encoding="utf-8")
        paths.append(path)
    return paths
