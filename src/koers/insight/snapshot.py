"""The statistics Koers ships, so that a new installation shows context before anyone imports
a table: the figures the seed documents give, and example data labelled as such
(`snapshot/README.md` says where each comes from). They go through the same import as any
StatLine CSV export; a table already in the installation (imported since, or changed) is
left as it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from koers.insight.importing import ImportReport, import_table
from koers.insight.models import Dataset, ImportMethod
from koers.insight.statline.csv_export import read_csv_export

FOLDER = Path(__file__).parent / "snapshot"
SEED_SOURCE = "Meerjarenplan CMO Flevoland 2021–2024"


@dataclass(frozen=True)
class ShippedTable:
    file: str
    table_id: str
    title: str
    source: str
    licence: str
    description: str
    is_example: bool = False


SHIPPED = (
    ShippedTable(
        file="seed-001-arbeidsmarkt.csv",
        table_id="mjp-2021-arbeidsmarkt",
        title="Arbeidsmarkt zorg en welzijn in Flevoland volgens het meerjarenplan",
        source=SEED_SOURCE,
        licence="Citaat uit het meerjarenplan (§3.1, programma Arbeidsmarkt en Onderwijs)",
        description=(
            "Zo wordt in Flevoland een tekort van ongeveer 1.087 medewerkers verwacht in 2022. "
            "[…] ongeveer een derde (33%) van de werknemers in Flevoland werkt in sectoren, "
            "die te maken hebben met een (zeer) grote krimp van werkgelegenheid."
        ),
    ),
    ShippedTable(
        file="voorbeeld-inwoners.csv",
        table_id="voorbeeld-inwoners",
        title="Inwoners van de Flevolandse gemeenten (voorbeelddata)",
        source="Koers (voorbeelddata)",
        licence="Voorbeelddata, geen gepubliceerde cijfers",
        description=(
            "Afgeronde aantallen van de juiste grootte, geen CBS-cijfers. Importeer CBS-tabel "
            "03759ned voor de echte."
        ),
        is_example=True,
    ),
)


def load_snapshot() -> list[ImportReport]:
    """Import each shipped table this installation does not hold yet; the reports of those
    imported."""
    reports = []
    for shipped in SHIPPED:
        if Dataset.objects.filter(source=shipped.source, table_id=shipped.table_id).exists():
            continue
        table = read_csv_export(
            FOLDER / shipped.file,
            table_id=shipped.table_id,
            title=shipped.title,
            source=shipped.source,
            licence=shipped.licence,
            description=shipped.description,
        )
        reports.append(
            import_table(
                table, method=ImportMethod.SNAPSHOT, dry_run=False, is_example=shipped.is_example
            )
        )
    return reports
