"""The permission matrix's rows of insight (added to ROWS)."""

from __future__ import annotations

from typing import Any

# Statistics are public figures of the whole installation: every role that plans, reports or
# funds reads them (another organisation's director too); a signed-in user without a role
# and the two roles of Extra handen do not.
STATISTICS_READERS = [200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403]
NOT_ALLOWED = [405, 405, 405, 405, 405, 405, 405, 405, 405, 403, 403, 403]
# Importing a table (MANAGE_STATISTICS): the beheerder, directors (another organisation's
# too: the tables are the installation's) and coordinators.
IMPORTERS = [200, 200, 403, 200, 403, 403, 403, 403, 200, 403, 403, 403]
IMPORT_REFUSED_ON_PAGE = [400, 400, 403, 400, 403, 403, 403, 403, 400, 403, 403, 403]
IMPORT_CONFIRM_WITHOUT_UPLOAD = [302, 302, 403, 302, 403, 403, 403, 403, 302, 403, 403, 403]
IMPORT_CONFIRM_GET = [405, 405, 403, 405, 403, 403, 403, 403, 405, 403, 403, 403]


def a_dataset(world: Any) -> Any:
    """A small table: inhabitants of Almere in 2021 (example data)."""
    from decimal import Decimal

    from django.utils import timezone

    from koers.insight.models import Dataset, Observation, Topic

    dataset, made = Dataset.objects.get_or_create(
        source="Koers tests",
        table_id="t-1",
        defaults={
            "title": "Inwoners (voorbeeld)",
            "is_example": True,
            "imported_at": timezone.now(),
        },
    )
    if made:  # the rows of one test (a crawl of the matrix) share it
        topic = Topic.objects.create(
            dataset=dataset, key="inwoners", title="Inwoners", unit="aantal"
        )
        Observation.objects.create(
            dataset=dataset, topic=topic, region="GM0034", period="2021JJ00", value=Decimal(216000)
        )
    return dataset


def rows(Row: Any) -> list[Any]:
    return [
        Row(
            "insight:datasets",
            "statistics: the tables Koers holds",
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset",
            "statistics: one table's figures with their source",
            target=a_dataset,
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset",
            "statistics: one table, junk in the choice of figures (falls back)",
            target=a_dataset,
            expected=list(STATISTICS_READERS),
            query="?onderwerp=999999&uitsplitsing=x&regio=elders",
        ),
        Row(
            "insight:dataset_export",
            "statistics: one table's figures as CSV",
            target=lambda w: (a_dataset(w).pk, "csv"),
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset_export",
            "statistics: one table's figures as Excel",
            target=lambda w: (a_dataset(w).pk, "xlsx"),
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset_import",
            "statistics: the upload of a table",
            expected=list(IMPORTERS),
        ),
        Row(
            "insight:dataset_import",
            "statistics: the upload of a table, posted without a file (refused on its page)",
            method="POST",
            data={"source": "CBS StatLine", "licence": "CC BY 4.0"},
            expected=list(IMPORT_REFUSED_ON_PAGE),
        ),
        Row(
            "insight:dataset_import_confirm",
            "statistics: importing an upload this session did not keep (back to the upload)",
            method="POST",
            data={"token": "0" * 32 + ".csv", "source": "x", "licence": "x"},
            expected=list(IMPORT_CONFIRM_WITHOUT_UPLOAD),
        ),
        Row(
            "insight:dataset_import_confirm",
            "statistics: importing an upload, GET",
            expected=list(IMPORT_CONFIRM_GET),
        ),
        Row(
            "insight:dataset",
            "statistics: one table, POST",
            target=a_dataset,
            method="POST",
            expected=list(NOT_ALLOWED),
        ),
    ]
