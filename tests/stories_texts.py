"""French articles written for the story tests: one event told by three outlets, the same
people's next event, and an unrelated story."""

# One event (a warehouse fire in Vénissieux), three outlets, three wordings.
FIRE = {
    "feu-le-progres.txt": (
        "Incendie spectaculaire dans un entrepôt de Vénissieux",
        "Publié le 14/05/2025 à 16h20",
        "Un incendie a ravagé mardi après-midi un entrepôt de pneumatiques de 4 500 mètres carrés dans la zone "
        "industrielle de Vénissieux, au sud de Lyon.",
        "Quatre-vingt-cinq pompiers ont été mobilisés et deux salariés, légèrement intoxiqués, ont été conduits à "
        "l'hôpital Édouard-Herriot.",
        "« Le feu a pris dans la zone de stockage et s'est propagé très vite à cause des pneus », a expliqué le "
        "commandant Julien Ferrand, du service départemental d'incendie.",
        "Un épais panache de fumée noire était visible depuis la rocade est, et la préfecture a demandé aux "
        "habitants de fermer leurs fenêtres.",
    ),
    "feu-lyon-direct.txt": (
        "Vénissieux : un entrepôt de pneus détruit par les flammes",
        "Publié le 14/05/2025 à 17h05",
        "Les flammes ont détruit mardi un entrepôt de pneus de 4 500 mètres carrés à Vénissieux, dans la zone "
        "industrielle proche de la rocade est.",
        "Selon le commandant Julien Ferrand, « le feu a pris dans la zone de stockage et s'est propagé très vite ».",
        "Deux salariés ont été légèrement intoxiqués par les fumées et transportés à l'hôpital Édouard-Herriot, "
        "tandis que 85 pompiers luttaient contre le sinistre.",
        "La préfecture du Rhône a recommandé aux riverains de rester chez eux, fenêtres fermées.",
    ),
    "feu-radio-rhone.txt": (
        "Feu d'entrepôt à Vénissieux : deux blessés légers",
        "Publié le 14/05/2025 à 18h40",
        "Quatre-vingt-cinq pompiers sont intervenus mardi dans la zone industrielle de Vénissieux, où un entrepôt "
        "de pneumatiques a entièrement brûlé.",
        "Deux employés, intoxiqués, ont été hospitalisés à Édouard-Herriot, sans que leurs jours soient en danger.",
        "« Nous surveillerons le site toute la nuit pour éviter une reprise », a indiqué le commandant Julien "
        "Ferrand.",
        "Une enquête a été ouverte par le parquet de Lyon pour déterminer l'origine du feu.",
    ),
}

# The same commander and town, another event: a chemical leak at a school, months later.
LEAK = (
    "Fuite de chlore dans une piscine de Vénissieux : 23 enfants évacués",
    "Publié le 02/10/2025 à 11h15",
    "Une fuite de chlore a provoqué jeudi matin l'évacuation de la piscine municipale Auguste-Delaune, à "
    "Vénissieux, où se trouvaient 23 écoliers d'une classe de CM2.",
    "Trois enfants, pris de nausées, ont été examinés sur place par le Samu avant de rentrer chez eux.",
    "« Un robinet de la cuve de traitement a cédé pendant une livraison », a précisé le commandant Julien "
    "Ferrand, qui dirigeait les 30 sapeurs-pompiers engagés.",
    "La mairie a fermé l'équipement jusqu'à la fin de la semaine, le temps d'une inspection complète.",
)

# Unrelated: a cycling race in Brittany.
RACE = (
    "Anaïs Morvan remporte la première étape du Tour de Bretagne",
    "Publié le 16/03/2025 à 19h30",
    "La coureuse bretonne Anaïs Morvan a remporté dimanche à Quimper la première étape du Tour de Bretagne, "
    "longue de 142 kilomètres.",
    "« J'ai attaqué dans la dernière côte parce que mes jambes répondaient bien », a-t-elle expliqué à "
    "l'arrivée.",
    "Elle devance de six secondes la Néerlandaise Femke de Vries et porte désormais le maillot jaune.",
)
