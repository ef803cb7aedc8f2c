"""The statistics Koers ships, so that a new installation shows context before anyone imports
a table: the figures the seed documents give, and example data labelled as such
(`snapshot/README.md` says where each comes from). They go through the same import as any
StatLine CSV export; a table already in the installation (imported since, or changed) is
left as it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from koers.insight.importing import ImportReport, import_table
from koers.insight.models import Dataset, ImportMethod, KeyFigure, LabourFlow, Topic
from koers.insight.statline.csv_export import read_csv_export
from koers.plans.models import Goal

FOLDER = Path(__file__).parent / "snapshot"
SEED_SOURCE = "Meerjarenplan CMO Flevoland 2021–2024"


@dataclass(frozen=True)
class ShippedFigure:
    """A topic of a shipped table chosen as a key figure when the table is first loaded: by
    its column (0 for the first figure), with its labour-market flow and the codes of the
    goals it is context for (the province's programme lines, where the installation has
    them)."""

    column: int
    flow: str = ""
    goal_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShippedTable:
    file: str
    table_id: str
    title: str
    source: str
    licence: str
    description: str
    is_example: bool = False
    figures: tuple[ShippedFigure, ...] = ()


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
        figures=(
            # The shortage is what retention and inflow must close; the workers of shrinking
            # sectors are whom the programme hopes to see move on into care and welfare.
            ShippedFigure(0, flow=LabourFlow.RETENTION, goal_codes=("KS-4",)),
            ShippedFigure(1, flow=LabourFlow.TRANSFER, goal_codes=("KS-4",)),
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
        figures=(ShippedFigure(0, goal_codes=("KS-1", "KS-2")),),
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
        _choose_figures(shipped)
    return reports


def _choose_figures(shipped: ShippedTable) -> None:
    """The shipped table's key figures, on its first load only: a figure someone took off the
    dashboards since stays off."""
    topics = list(
        Topic.objects.filter(
            dataset__source=shipped.source, dataset__table_id=shipped.table_id
        ).order_by("position", "pk")
    )
    position = KeyFigure.objects.count()
    for chosen in shipped.figures:
        figure, made = KeyFigure.objects.get_or_create(
            topic=topics[chosen.column],
            breakdown="",
            defaults={"flow": chosen.flow, "position": position},
        )
        position += 1
        if made and chosen.goal_codes:
            figure.goals.set(Goal.objects.filter(code__in=chosen.goal_codes))
