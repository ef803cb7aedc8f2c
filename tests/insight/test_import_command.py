"""`koers import_statline`: the dry run, the import, and a refusal that changes nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from koers.core.models import AuditEntry
from koers.insight.models import Dataset, Observation
from tests.insight.statline_files import odata_folder, row, six_municipalities

pytestmark = pytest.mark.django_db

ROWS = [row("GM0034", "2021JJ00", 216000), row("GM9999", "2021JJ00", 1)]


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_statline", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_says_what_would_happen_and_stores_nothing(tmp_path: Path) -> None:
    six_municipalities()
    folder = odata_folder(tmp_path / "03759ned", ROWS)

    output = run(str(folder), "--dry-run")

    assert "03759ned" in output
    assert "GM9999" in output  # the refusal it would meet
    assert not Dataset.objects.exists()


def test_the_import_refuses_an_unknown_region_and_imports_without_it_when_asked(
    tmp_path: Path,
) -> None:
    six_municipalities()
    folder = odata_folder(tmp_path / "03759ned", ROWS)

    with pytest.raises(CommandError, match="GM9999"):
        run(str(folder))
    assert not Dataset.objects.exists()

    output = run(str(folder), "--skip-unknown-regions")

    assert "03759ned" in output
    assert Observation.objects.filter(region="GM0034").count() == 2
    assert AuditEntry.objects.filter(action="dataset.imported").exists()


def test_a_path_that_is_not_there_or_no_table(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        run(str(tmp_path / "nothing"))
    (tmp_path / "notes.txt").write_text("no table")
    with pytest.raises(CommandError):
        run(str(tmp_path / "notes.txt"))
    assert not Dataset.objects.exists()


def test_a_csv_export_with_its_table_id_and_title(tmp_path: Path) -> None:
    six_municipalities()
    path = tmp_path / "export.csv"
    path.write_text(
        '"Regio\'s";"Perioden";"Inwoners (aantal)"\n"Urk";"2021";"21000"\n"Urk";"2020";"20500"\n',
        encoding="utf-8",
    )

    run(str(path), "--table-id", "70072ned", "--title", "Regionale kerncijfers")

    dataset = Dataset.objects.get()
    assert (dataset.table_id, dataset.title) == ("70072ned", "Regionale kerncijfers")
    assert sorted(Observation.objects.values_list("period", "value")) == [
        ("2020JJ00", 20500),
        ("2021JJ00", 21000),
    ]
