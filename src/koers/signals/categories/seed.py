"""The themes the seeds name for signals (seed 001, chapter 4; seed 003), as the tree a new
organisation starts from: main categories with a few sub-categories each. They are data,
kept in Dutch as the organisation uses them; the organisation renames and extends them."""

from __future__ import annotations

SEED_TREE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Toegang tot zorg",
        ("Indicatie en toegang", "Eigen bijdrage en kosten", "Bereikbaarheid van zorg"),
    ),
    ("Wachtlijsten", ("Verpleeghuis", "Ggz", "Jeugdhulp", "Huishoudelijke hulp")),
    ("Eenzaamheid", ("Ouderen", "Jongeren", "Na verlies of verhuizing")),
    ("Mantelzorg", ("Overbelasting", "Respijtzorg", "Erkenning en ondersteuning")),
    (
        "Cliëntondersteuning",
        ("Bekendheid", "Onafhankelijkheid", "Bereikbaarheid van de ondersteuner"),
    ),
    ("Jeugdzorg", ("Toegang en verwijzing", "Overgang naar volwassenheid", "Passend onderwijs")),
    ("Wonen en zorg", ("Geschikte woning", "Zorg thuis", "Beschermd wonen")),
    (
        "Informatie en bejegening",
        ("Informatievoorziening", "Bejegening", "Klachten en bezwaar"),
    ),
    ("Vervoer", ("Wmo-vervoer", "Vervoer naar zorg")),
    ("Geld en bestaanszekerheid", ("Schulden", "Participatiewet en inkomen")),
)
