"""Importing a StatLine download of 100,000 rows (two topics each: 200,000 values), against
reading the same file in the same run: time and peak memory of each step.

    .venv/bin/python bench/insight_import.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/insight_import.py

Steps, each timed once (the import changes the database) with its peak of Python memory
(tracemalloc):
- `json.load` of the rows file whole: what a reader that loads the file would hold (baseline);
- the streamed read alone: every row through `koers.insight.statline` with nothing stored;
- the dry run (the read, the checks and the comparison with what is stored: nothing yet);
- the import into an empty database;
- the dry run and the import of a newer version in which 1% of the values changed.

The bar (issue 21): memory stays bounded while importing: the streamed read's peak does not
grow with the file. Not part of the test suite; the figures go into bench/README.md.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-insight-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from koers.core.geo import shipped_boundaries  # noqa: E402
from koers.insight.importing import import_table  # noqa: E402
from koers.insight.models import ImportMethod, Observation  # noqa: E402
from koers.insight.statline import read_table  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
TOPICS = ("BevolkingOp1Januari_1", "Mannen_2")


def write_download(folder: Path, rows: int, changed_every: int = 0) -> Path:
    """A download folder of `rows` rows: the 342 municipalities × as many periods as needed."""
    folder.mkdir(parents=True, exist_ok=True)
    codes = sorted(shipped_boundaries())
    years = -(-rows // len(codes))
    periods = [f"{1900 + year}JJ00" for year in range(years)]
    parts: dict[str, Any] = {
        "TableInfos": [{"Identifier": "bench01", "Title": "Bench", "Period": "1900-"}],
        "DataProperties": [
            {"Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
            {"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
            *({"Type": "Topic", "Key": key, "Title": key, "Unit": "aantal"} for key in TOPICS),
        ],
        "RegioS": [{"Key": f"{code:<10}", "Title": code} for code in codes],
        "Perioden": [{"Key": p, "Title": p[:4], "Status": "Definitief"} for p in periods],
    }
    for name, data in parts.items():
        (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    with (folder / "TypedDataSet.json").open("w", encoding="utf-8") as out:
        out.write("[")
        for index in range(rows):
            region, period = codes[index % len(codes)], periods[index // len(codes)]
            bump = 1 if changed_every and index % changed_every == 0 else 0
            row = {"ID": index, "RegioS": f"{region:<10}", "Perioden": period,
                   TOPICS[0]: 1000 + index + bump, TOPICS[1]: 500 + index}  # fmt: skip
            out.write(("," if index else "") + json.dumps(row))
        out.write("]")
    return folder


def measured(what: str, step: Callable[[], Any]) -> Any:
    tracemalloc.start()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    print(f"{what:<58} {seconds:8.2f} s  peak {peak:7.1f} MB", flush=True)
    return result


def main() -> None:
    call_command("migrate", verbosity=0)
    work = Path(tempfile.mkdtemp(prefix="koers-bench-statline-"))
    first = write_download(work / "v1", ROWS)
    newer = write_download(work / "v2", ROWS, changed_every=100)
    size = (first / "TypedDataSet.json").stat().st_size / 1024 / 1024
    print(f"{ROWS:,} rows, {ROWS * len(TOPICS):,} values; TypedDataSet.json {size:.1f} MB")
    print(f"database: {django.db.connection.vendor}")

    rows_file = first / "TypedDataSet.json"
    measured(
        "baseline: json.load of the rows file whole", lambda: len(json.loads(rows_file.read_text()))
    )
    measured(
        "streamed read of every row, nothing stored",
        lambda: sum(1 for _ in read_table(first).rows()),
    )
    dry = measured(
        "dry run into an empty database",
        lambda: import_table(read_table(first), method=ImportMethod.COMMAND, dry_run=True),
    )
    done = measured(
        "import into an empty database",
        lambda: import_table(read_table(first), method=ImportMethod.COMMAND, dry_run=False),
    )
    again = measured(
        "dry run of a newer version (1% changed)",
        lambda: import_table(read_table(newer), method=ImportMethod.COMMAND, dry_run=True),
    )
    replaced = measured(
        "import of the newer version",
        lambda: import_table(read_table(newer), method=ImportMethod.COMMAND, dry_run=False),
    )
    assert dry.added == done.added == ROWS * len(TOPICS), (dry.added, done.added)
    assert again.changed == replaced.changed == -(-ROWS // 100), (again.changed, replaced.changed)
    assert Observation.objects.count() == ROWS * len(TOPICS)
    print(f"changed by the newer version: {replaced.changed:,} values (kept as history)")


if __name__ == "__main__":
    sys.exit(main())
