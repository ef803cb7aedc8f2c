"""Two imports of one table at the same moment run one after the other, so both succeed and
the second finds the first's values, instead of failing on a unique constraint with a server
error: a first import's second waits for the dataset's row to be made (and then finds it),
a re-import's second for the row's lock.

Needs several connections to one database: PostgreSQL only (DATABASE_URL)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections

from koers.insight.importing import ImportReport, import_table
from koers.insight.models import Dataset, DatasetImport, ImportMethod, Observation, StagedValue
from koers.insight.statline import read_table
from tests.insight.statline_files import odata_folder, row, six_municipalities

ROWS = [row(code, "2021JJ00", 1000 + n, 500 + n) for n, code in enumerate(
    ["GM0034", "GM0303", "GM0995", "GM0171", "GM0184", "GM0050"]
)]  # fmt: skip


def _both_at_once(folder: Path) -> list[Any]:
    """Import `folder` twice at the same moment; each answer is the report or the error."""
    start = threading.Barrier(2)
    answers: list[Any] = [None, None]

    def run(index: int) -> None:
        try:
            start.wait()
            answers[index] = import_table(
                read_table(folder), method=ImportMethod.COMMAND, dry_run=False
            )
        except Exception as error:
            answers[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.django_db(transaction=True)
def test_two_first_imports_of_one_table_at_once_both_succeed_one_after_the_other(
    tmp_path: Path,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (two connections at once)")
    six_municipalities()
    folder = odata_folder(tmp_path / "t", ROWS)

    answers = _both_at_once(folder)

    assert all(isinstance(answer, ImportReport) for answer in answers), answers
    added = sorted(answer.added for answer in answers)
    assert added == [0, 12], answers  # the second compared with what the first wrote
    assert Dataset.objects.count() == 1
    assert DatasetImport.objects.count() == 2
    assert Observation.objects.count() == 12
    assert not StagedValue.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_re_imports_of_one_table_at_once_run_one_after_the_other(tmp_path: Path) -> None:
    """The dataset's lock at work: without it both would compare with the first version and
    the second would insert the new period's values again (a unique-constraint error)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (two connections at once)")
    six_municipalities()
    import_table(
        read_table(odata_folder(tmp_path / "v1", ROWS)), method=ImportMethod.COMMAND, dry_run=False
    )
    later = [{**r, "Perioden": "2020JJ00"} for r in ROWS]
    periods = {"2020JJ00": "Definitief", "2021JJ00": "Voorlopig"}
    folder = odata_folder(tmp_path / "v2", [*ROWS, *later], periods=periods)

    answers = _both_at_once(folder)

    assert all(isinstance(answer, ImportReport) for answer in answers), answers
    assert sorted(answer.added for answer in answers) == [0, 12], answers
    assert DatasetImport.objects.count() == 3
    assert Observation.objects.count() == 24
    assert not StagedValue.objects.exists()
