"""Two imports of one table at the same moment: they run one after the other (the dataset
row is locked), so both succeed and the second finds the first's values, instead of the
second failing on the unique constraint with a server error.

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
