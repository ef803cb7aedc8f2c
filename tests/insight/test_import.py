"""Importing StatLine tables: the OData download folder and the CSV export, with CBS's signs
for missing values, provisional periods, the dry run, the history of a re-import, and bad
input that changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.insight import importing
from koers.insight.importing import ImportRefused, import_table
from koers.insight.models import (
    Category,
    Dataset,
    DatasetImport,
    ImportMethod,
    Missing,
    Observation,
    StagedValue,
    ValueChange,
)
from koers.insight.statline import TableError, read_table
from tests.accounts.factories import MembershipFactory
from tests.insight.statline_files import (
    TABLE_ID,
    TITLE,
    csv_export,
    odata_folder,
    row,
    six_municipalities,
)

pytestmark = pytest.mark.django_db

ROWS = [
    row("GM0034", "2020JJ00", 214715, 105000),
    row("GM0034", "2021JJ00", 216000, None),  # typed: null is unknown
    row("GM0995", "2020JJ00", 78000, 38500),
    row("GM0995", "2021JJ00", 78600, 38800),
    row("PV24", "2021JJ00", 428000, 213000),
    row("NL01", "2021JJ00", 17475415, 8670000),
]


@pytest.fixture(autouse=True)
def municipalities() -> None:
    six_municipalities()


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """The messages are matched as written in the code; the Dutch ones are the catalogue's."""
    with translation.override("en"):
        yield


def imported(folder: Path, **options: Any) -> importing.ImportReport:
    return import_table(read_table(folder), method=ImportMethod.COMMAND, dry_run=False, **options)


def values() -> dict[tuple[str, str, str], tuple[Decimal | None, str, bool]]:
    return {
        (o.topic.key, o.region, o.period): (o.value, o.missing, o.provisional)
        for o in Observation.objects.select_related("topic")
    }


def test_a_download_folder_is_imported_with_its_source_period_and_status(tmp_path: Path) -> None:
    report = imported(odata_folder(tmp_path / "03759ned", ROWS))

    assert (report.added, report.changed, report.removed, report.imported) == (12, 0, 0, True)
    dataset = Dataset.objects.get()
    assert (dataset.source, dataset.table_id, dataset.title) == ("CBS StatLine", TABLE_ID, TITLE)
    assert dataset.period_covered == "1988-2021"
    assert dataset.modified_at_source is not None and dataset.modified_at_source.year == 2024
    assert "CC BY 4.0" in dataset.licence
    stored = values()
    # Codes come stripped of StatLine's padding; 2021 is provisional as Perioden.json says.
    assert stored["BevolkingOp1Januari_1", "GM0034", "2020JJ00"] == (Decimal(214715), "", False)
    assert stored["BevolkingOp1Januari_1", "GM0034", "2021JJ00"] == (Decimal(216000), "", True)
    assert stored["Mannen_2", "GM0034", "2021JJ00"] == (None, Missing.UNKNOWN, True)
    assert stored["BevolkingOp1Januari_1", "NL01", "2021JJ00"][0] == Decimal(17475415)
    assert report.missing == {Missing.UNKNOWN: 1}
    assert set(Category.objects.filter(provisional=True).values_list("key", flat=True)) == {
        "2021JJ00"
    }
    history = DatasetImport.objects.get()
    assert (history.method, history.added, history.file_name) == ("command", 12, "03759ned")
    assert AuditEntry.objects.filter(action="dataset.imported").exists()


def test_cbs_signs_in_an_untyped_download_are_missing_with_their_reason_never_zero(
    tmp_path: Path,
) -> None:
    rows = [
        row("GM0034", "2020JJ00", "    214715", "       ."),
        row("GM0995", "2020JJ00", "x", "-"),
    ]
    report = imported(odata_folder(tmp_path / "t", rows, typed=False))

    stored = values()
    assert stored["BevolkingOp1Januari_1", "GM0034", "2020JJ00"][:2] == (Decimal(214715), "")
    assert stored["Mannen_2", "GM0034", "2020JJ00"][:2] == (None, Missing.UNKNOWN)
    assert stored["BevolkingOp1Januari_1", "GM0995", "2020JJ00"][:2] == (None, Missing.SECRET)
    assert stored["Mannen_2", "GM0995", "2020JJ00"][:2] == (Decimal(0), "")  # "-" is nil
    assert report.missing == {Missing.UNKNOWN: 1, Missing.SECRET: 1}


def test_the_dry_run_reports_and_stores_nothing(tmp_path: Path) -> None:
    table = read_table(odata_folder(tmp_path / "t", ROWS))

    report = import_table(table, method=ImportMethod.COMMAND, dry_run=True)

    assert (report.added, report.imported, report.refusals) == (12, False, [])
    assert not Dataset.objects.exists()
    assert not Observation.objects.exists()
    assert not StagedValue.objects.exists()


def test_a_newer_version_replaces_its_values_and_keeps_what_changed(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(importing, "BATCH", 3)  # every step writes in several batches
    imported(odata_folder(tmp_path / "v1", ROWS))
    newer = [dict(r) for r in ROWS]
    newer[1]["BevolkingOp1Januari_1"] = 216500  # CBS revised Almere's 2021 figure
    newer[1]["Mannen_2"] = 107000  # and gave the one it did not know
    folder = odata_folder(
        tmp_path / "v2", newer, periods={"2020JJ00": "Definitief", "2021JJ00": "Definitief"}
    )

    dry = import_table(read_table(folder), method=ImportMethod.COMMAND, dry_run=True)
    # 2021's eight values: two revised, all eight made final; 2020's four as they were.
    assert (dry.added, dry.changed, dry.unchanged, dry.removed) == (0, 8, 4, 0)
    assert {(c.topic, c.region, c.old, c.new) for c in dry.examples} >= {
        ("BevolkingOp1Januari_1", "GM0034", "216000", "216500"),
        ("Mannen_2", "GM0034", "unknown", "107000"),
    }
    assert values()["BevolkingOp1Januari_1", "GM0034", "2021JJ00"][0] == Decimal(216000)

    report = imported(folder)

    assert report.changed == 8
    assert values()["BevolkingOp1Januari_1", "GM0034", "2021JJ00"] == (Decimal(216500), "", False)
    latest = DatasetImport.objects.order_by("-pk").first()
    assert latest is not None and latest.changed == 8
    change = ValueChange.objects.get(
        dataset_import=latest, topic_key="BevolkingOp1Januari_1", region="GM0034"
    )
    assert (change.old_value, change.new_value, change.removed) == (
        Decimal(216000),
        Decimal(216500),
        False,
    )
    assert Observation.objects.count() == 12
    assert ValueChange.objects.filter(dataset_import=latest).count() == 8
    assert not StagedValue.objects.exists()  # the staged rows never outlive the import


def test_a_version_with_fewer_periods_is_refused_unless_removal_is_chosen(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(importing, "BATCH", 3)
    imported(odata_folder(tmp_path / "v1", ROWS))
    only_2021 = [r for r in ROWS if r["Perioden"] == "2021JJ00"]
    folder = odata_folder(tmp_path / "v2", only_2021)

    with pytest.raises(ImportRefused) as refused:
        imported(folder)
    assert refused.value.report.removed == 4
    assert refused.value.report.removed_periods == {"2020JJ00"}
    assert "2020JJ00" in refused.value.report.refusals[0]
    assert Observation.objects.count() == 12
    assert DatasetImport.objects.count() == 1  # the refused one left nothing behind

    imported(folder, remove_absent=True)

    assert Observation.objects.count() == 8
    removed = ValueChange.objects.filter(removed=True)
    assert {(c.region, c.period) for c in removed} == {
        ("GM0034", "2020JJ00"),
        ("GM0995", "2020JJ00"),
    }
    assert removed.get(topic_key="BevolkingOp1Januari_1", region="GM0034").old_value == 214715


def test_a_region_koers_does_not_know_is_refused_or_left_out_when_chosen(tmp_path: Path) -> None:
    rows = [*ROWS, row("GM9999", "2021JJ00", 5), row("PV99", "2021JJ00", 6)]
    folder = odata_folder(tmp_path / "t", rows)

    with pytest.raises(ImportRefused) as refused:
        imported(folder)
    assert dict(refused.value.report.unknown_regions) == {"GM9999": 1, "PV99": 1}
    assert not Dataset.objects.exists()

    report = imported(folder, skip_unknown_regions=True)

    assert (report.added, report.imported) == (12, True)
    assert not Observation.objects.filter(region__in=["GM9999", "PV99"]).exists()


def test_a_cell_that_is_no_figure_rolls_back_what_was_already_written(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(importing, "BATCH", 2)  # the rows before the bad one are written first
    rows = [*ROWS, row("GM0184", "2021JJ00", "twintigduizend")]

    with pytest.raises(ImportRefused) as refused:
        imported(odata_folder(tmp_path / "t", rows))

    assert refused.value.report.problem_count == 1
    assert "twintigduizend" in refused.value.report.problems[0]
    assert not Dataset.objects.exists()
    assert not Observation.objects.exists()


def test_the_same_value_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        imported(odata_folder(tmp_path / "t", [*ROWS, ROWS[0]]))
    assert refused.value.report.problem_count == 2  # both topics of the repeated row
    assert not Observation.objects.exists()


@pytest.mark.parametrize(
    "leave_out", ["TableInfos", "DataProperties", "Perioden", "RegioS", "TypedDataSet"]
)
def test_a_download_missing_a_part_is_refused_before_anything(
    tmp_path: Path, leave_out: str
) -> None:
    folder = odata_folder(tmp_path / "t", ROWS, leave_out=(leave_out,))

    with pytest.raises(TableError) as error:
        import_table(read_table(folder), method=ImportMethod.COMMAND, dry_run=False)

    assert leave_out in str(error.value) or "rows" in str(error.value)
    assert not Dataset.objects.exists()


def test_a_third_dimension_becomes_the_breakdown_and_must_be_a_listed_category(
    tmp_path: Path,
) -> None:
    ages = {"10000": "Totaal", "70100": "0 tot 20 jaar"}
    rows = [
        row("GM0034", "2021JJ00", 216000, Leeftijd="10000"),
        row("GM0034", "2021JJ00", 52000, Leeftijd="70100"),
    ]
    imported(odata_folder(tmp_path / "t", rows, ages=ages))
    assert set(Observation.objects.values_list("breakdown", flat=True)) == {
        "Leeftijd=10000",
        "Leeftijd=70100",
    }

    with pytest.raises(ImportRefused) as refused:
        imported(
            odata_folder(
                tmp_path / "u", [row("GM0995", "2021JJ00", 1, Leeftijd="99999")], ages=ages
            )
        )
    assert "99999" in refused.value.report.problems[0]


def test_streaming_reads_rows_across_chunk_boundaries(tmp_path: Path, monkeypatch: Any) -> None:
    from koers.insight.statline import odata

    monkeypatch.setattr(odata, "CHUNK", 7)  # every object spans several reads
    report = imported(odata_folder(tmp_path / "t", ROWS))
    assert report.added == 12


def test_a_broken_rows_file_is_refused_with_its_name(tmp_path: Path) -> None:
    folder = odata_folder(tmp_path / "t", ROWS)
    text = (folder / "TypedDataSet.json").read_text()
    (folder / "TypedDataSet.json").write_text(text[: len(text) // 2])

    with pytest.raises(TableError, match=r"TypedDataSet\.json"):
        imported(folder)
    assert not Dataset.objects.exists()


# --- the CSV export ---------------------------------------------------------------------------

LABELLED = """\
"Regio's";"Perioden";"Bevolking op 1 januari (aantal)";"Gemiddelde leeftijd (jaar)"
"Almere";"2020";"214.715";"37,6"
"Almere";"2021*";"216.000";"."
"Flevoland (PV)";"2021*";"428.000";"x"
"Nederland";"2021*";"17.475.415";"42,4"
"""


def test_a_labelled_csv_export_is_read_by_names_with_provisional_stars(tmp_path: Path) -> None:
    table = read_table(csv_export(tmp_path / "export.csv", LABELLED), table_id="t1", title="T")

    report = import_table(table, method=ImportMethod.COMMAND, dry_run=False)

    assert report.added == 8
    topics = {t.key: (t.title, t.unit) for t in Dataset.objects.get().topics.all()}
    assert topics["bevolking-op-1-januari-aantal"] == ("Bevolking op 1 januari", "aantal")
    assert topics["gemiddelde-leeftijd-jaar"] == ("Gemiddelde leeftijd", "jaar")
    stored = values()
    assert stored["bevolking-op-1-januari-aantal", "GM0034", "2020JJ00"] == (
        Decimal(214715),
        "",
        False,
    )
    assert stored["gemiddelde-leeftijd-jaar", "GM0034", "2020JJ00"][0] == Decimal("37.6")
    assert stored["bevolking-op-1-januari-aantal", "PV24", "2021JJ00"][2] is True
    assert stored["gemiddelde-leeftijd-jaar", "PV24", "2021JJ00"][:2] == (None, Missing.SECRET)
    assert stored["bevolking-op-1-januari-aantal", "NL01", "2021JJ00"][0] == Decimal(17475415)


def test_a_coded_csv_export_with_a_third_column_of_categories(tmp_path: Path) -> None:
    text = (
        "ID,RegioS,Perioden,Leeftijd,Inwoners (aantal)\n"
        "1,GM0034,2021JJ00,Totaal,216000\n"
        "2,GM0034,2021JJ00,0 tot 20 jaar,52000\n"
    )
    table = read_table(csv_export(tmp_path / "c.csv", text), table_id="t2", title="T")
    import_table(table, method=ImportMethod.COMMAND, dry_run=False)

    assert set(Observation.objects.values_list("breakdown", "value")) == {
        ("leeftijd=Totaal", Decimal(216000)),
        ("leeftijd=0 tot 20 jaar", Decimal(52000)),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"Gemeente";"Jaar"\n', "No column holds figures"),
        ('"Waar";"Jaar";"Inwoners"\n"Almere";"2021";"1"\n', "region column"),
        ('"Regio\'s";"Inwoners"\n"Almere";"1"\n', "period column"),
        ('"Regio\'s";"Perioden";"A";"A"\n"Almere";"2021";"1";"2"\n', "same heading"),
        ('"Regio\'s";"Perioden";"A"\n"Almere";"2021";"1";"2"\n', "columns where the heading"),
        ("", "empty"),
    ],
)
def test_a_csv_whose_columns_do_not_match_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = csv_export(tmp_path / "bad.csv", text)
    with pytest.raises(TableError, match=message):
        table = read_table(path, table_id="t", title="T")
        import_table(table, method=ImportMethod.COMMAND, dry_run=False)
    assert not Dataset.objects.exists()


def test_a_csv_needs_its_table_id_and_title(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="table id and title"):
        read_table(csv_export(tmp_path / "e.csv", LABELLED))


# --- who may import ---------------------------------------------------------------------------


def test_only_an_administrator_imports_by_upload(tmp_path: Path) -> None:
    table = read_table(odata_folder(tmp_path / "t", ROWS))
    staff = MembershipFactory(role=Role.MEDEWERKER).user
    admin = MembershipFactory(role=Role.BEHEERDER).user

    with pytest.raises(PermissionDenied):
        import_table(table, actor=staff, dry_run=True)
    with pytest.raises(PermissionDenied):
        import_table(table, actor=None, method=ImportMethod.UPLOAD, dry_run=True)
    assert import_table(table, actor=admin, dry_run=False).imported
    assert Dataset.objects.get().imported_by == admin
    entry = AuditEntry.objects.get(action="dataset.imported")
    assert (entry.actor, entry.organisation_id) == (admin, admin.memberships.get().organisation_id)


def test_a_dimension_key_that_climbs_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = odata_folder(tmp_path / "t", ROWS)
    (tmp_path / "geheim.json").write_text("[]")
    properties = json.loads((folder / "DataProperties.json").read_text())
    properties.append({"Type": "Dimension", "Key": "../geheim", "Title": "x"})
    (folder / "DataProperties.json").write_text(json.dumps(properties))

    with pytest.raises(TableError, match="no StatLine key"):
        read_table(folder)


def test_a_missing_value_compares_by_its_reason_and_a_period_by_its_status(
    tmp_path: Path,
) -> None:
    """The database's comparison (a missing value as 0 beside its reason): unknown stays
    unknown unchanged; unknown becoming secret, 0 becoming unknown, and a period made final
    with the same figures are changes."""
    first = [
        row("GM0034", "2020JJ00", ".", "."),
        row("GM0995", "2020JJ00", "0", "5"),
        row("GM0184", "2021JJ00", "10", "20"),
    ]
    newer = [
        row("GM0034", "2020JJ00", ".", "x"),
        row("GM0995", "2020JJ00", ".", "5"),
        row("GM0184", "2021JJ00", "10", "20"),
    ]
    imported(odata_folder(tmp_path / "v1", first, typed=False))
    final = {"2020JJ00": "Definitief", "2021JJ00": "Definitief"}
    folder = odata_folder(tmp_path / "v2", newer, typed=False, periods=final)

    report = imported(folder)

    assert (report.added, report.changed, report.unchanged) == (0, 4, 2)
    changes = {
        (c.region, c.topic_key): (c.old_missing, c.new_missing, c.old_value, c.new_value)
        for c in ValueChange.objects.all()
    }
    assert changes == {
        ("GM0034", "Mannen_2"): (Missing.UNKNOWN, Missing.SECRET, None, None),
        ("GM0995", "BevolkingOp1Januari_1"): ("", Missing.UNKNOWN, Decimal(0), None),
        ("GM0184", "BevolkingOp1Januari_1"): ("", "", Decimal(10), Decimal(10)),
        ("GM0184", "Mannen_2"): ("", "", Decimal(20), Decimal(20)),
    }
    assert not Observation.objects.filter(region="GM0184", provisional=True).exists()
