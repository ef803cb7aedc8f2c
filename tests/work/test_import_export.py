"""Import of hours with a dry run, skipped rows as a download, export to Excel."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from koers.core.models import AuditEntry
from koers.work.models import ClosedMonth, StaffProfile, TimeCategory, TimeEntry
from tests.conftest import World

HEADER = "datum;medewerker;uren;activiteit;categorie;notitie\n"


@pytest.fixture
def setup(world: World) -> Any:
    staff = world.users["medewerker"]
    staff.email = "mila@cmo.example"
    staff.save()
    StaffProfile.objects.create(user=staff, organisation=world.own)
    TimeCategory.objects.create(organisation=world.own, name="Verlof")
    TimeCategory.objects.create(organisation=world.own, name="Overig", needs_note=True)
    ClosedMonth.objects.create(
        organisation=world.own, month=dt.date(2021, 1, 1), closed_by=world.users["bedrijfsvoering"]
    )
    return world


def _upload(client: Client, body: str) -> Any:
    upload = SimpleUploadedFile("uren.csv", (HEADER + body).encode(), content_type="text/csv")
    return client.post(reverse("work:import"), {"file": upload})


def test_the_dry_run_checks_every_rule_and_saves_nothing(setup: World) -> None:
    code = setup.activity.code
    body = (
        f"2021-03-01;medewerker;6;{code};;\n"  # fine
        f"1-3-2021;mila@cmo.example;20;;Verlof;\n"  # 26 hours that day
        "2021-01-15;medewerker;4;;Verlof;\n"  # closed month
        "2021-03-02;iemand;4;;Verlof;\n"  # not staff
        "2021-03-02;medewerker;4;;Overig;\n"  # needs a note
        f"2021-03-02;medewerker;4;{code};Verlof;\n"  # two targets
        "2021-03-03;medewerker;veel;;Verlof;\n"  # not a number
        f"2022-03-03;medewerker;2;{code};;\n"  # activity of 2021 not in 2022
    )
    response = _upload(setup.client("bedrijfsvoering"), body)
    assert response.status_code == 200
    report = response.context["report"]
    assert [row.line for row in report.passing] == []  # row 2 fails with row 3: 26 hours
    assert {row.line for row in report.failing} == set(range(2, 10))
    assert not TimeEntry.objects.exists()


def test_failing_rows_block_the_import_unless_skipped_and_can_be_downloaded(
    setup: World,
) -> None:
    code = setup.activity.code
    body = f"2021-03-01;medewerker;6;{code};;\n2021-03-02;iemand;4;;Verlof;\n"
    client = setup.client("bedrijfsvoering")
    dry_run = _upload(client, body)
    token = dry_run.context["token"]
    refused = client.post(reverse("work:import"), {"token": token})
    assert refused.status_code == 400
    assert not TimeEntry.objects.exists()
    done = client.post(reverse("work:import"), {"token": token, "skip_failing": "on"})
    assert done.status_code == 200
    entry = TimeEntry.objects.get()
    assert (entry.date, entry.hours, entry.activity) == (
        dt.date(2021, 3, 1),
        Decimal(6),
        setup.activity,
    )
    assert AuditEntry.objects.filter(action="time.imported", subject_id=entry.pk).count() == 1
    # imported once: the same upload cannot be imported again
    assert client.post(reverse("work:import"), {"token": token}).status_code == 404
    failing = client.get(reverse("work:import_failing", args=[token]))
    lines = failing.content.decode().splitlines()
    assert len(lines) == 2  # the header and the one skipped row, as it came, with its problem
    assert lines[1].startswith("2021-03-02;iemand;4;;Verlof;;")
    assert "iemand" in lines[1].split(";")[-1]


def test_the_year_exports_one_row_per_entry(setup: World) -> None:
    TimeEntry.objects.create(
        user=setup.users["medewerker"],
        organisation=setup.own,
        date=dt.date(2021, 3, 1),
        hours=Decimal("6.5"),
        activity=setup.activity,
    )
    response = setup.client("directeur").get(reverse("work:export"), {"jaar": "2021"})
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    assert rows[0][7] == 6.5 and rows[0][6] == "ja"


def test_a_file_longer_than_an_import_takes_is_refused_not_cut_short(
    setup: World, monkeypatch: Any
) -> None:
    from koers.work import imports

    monkeypatch.setattr(imports, "MAX_ROWS", 2)
    body = "".join(f"2021-03-0{day};medewerker;2;;Verlof;\n" for day in (1, 2, 3))
    response = _upload(setup.client("bedrijfsvoering"), body)
    report = response.context["report"]
    assert report.problems == ["Hooguit 2 rijen tegelijk; splits het bestand."]
    assert not report.passing
    assert not TimeEntry.objects.exists()


def test_failing_rows_corrected_and_uploaded_again_import_what_was_typed(setup: World) -> None:
    """The download neutralises a note that looks like a formula ("'=SOM(1)"); uploaded
    again once corrected, the note is imported as typed, without the quote."""
    client = setup.client("bedrijfsvoering")
    dry_run = _upload(client, "2021-03-02;iemand;4;;Overig;=SOM(1)\n")
    failing = client.get(reverse("work:import_failing", args=[dry_run.context["token"]]))
    row = failing.content.decode().splitlines()[1]
    assert row.startswith("2021-03-02;iemand;4;;Overig;'=SOM(1);")
    corrected = failing.content.decode().replace("iemand", "medewerker")
    upload = SimpleUploadedFile("uren.csv", corrected.encode(), content_type="text/csv")
    again = client.post(reverse("work:import"), {"file": upload})
    assert [row.line for row in again.context["report"].passing] == [2]
    client.post(reverse("work:import"), {"token": again.context["token"]})
    assert TimeEntry.objects.get().note == "=SOM(1)"


def test_a_dry_run_of_more_than_a_thousand_days_and_persons_checks_them_all(
    setup: World,
) -> None:
    """Four staff members over 300 days: 1,200 (person, day) pairs, one query for the hours
    already registered (one condition per pair made SQLite refuse it past a thousand)."""
    staff = [setup.users[role] for role in ("programmacoordinator", "directeur", "toezicht")]
    for user in staff:
        StaffProfile.objects.create(user=user, organisation=setup.own)
    staff.append(setup.users["medewerker"])
    first = dt.date(2021, 2, 1)
    TimeEntry.objects.create(
        user=staff[0],
        organisation=setup.own,
        date=first,
        hours=Decimal("23.5"),
        category=None,
        activity=setup.activity,
    )
    lines = [
        f"{first + dt.timedelta(days=day)};{user.username};1;;Verlof;"
        for day in range(300)
        for user in staff
    ]
    response = _upload(setup.client("bedrijfsvoering"), "\n".join(lines) + "\n")
    assert response.status_code == 200
    report = response.context["report"]
    assert len(report.rows) == 1200
    assert [(row.values["user"], row.values["date"]) for row in report.failing] == [
        (staff[0].username, first.isoformat())  # 23.5 hours already, and one more
    ]


def _dry_run_queries(organisation_id: int, body: list[str]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from koers.work import imports

    rows = [HEADER.strip().split(";"), *(line.split(";") for line in body)]
    with CaptureQueriesContext(connection) as queries:
        report = imports.check(rows, organisation_id=organisation_id)
    assert len(report.passing) == len(body)
    return len(queries)


@pytest.mark.parametrize("count", [10, 1000])
def test_a_dry_run_asks_the_closed_months_once_not_per_row(setup: World, count: int) -> None:
    """Rows over many days and months, none closed: the queries do not grow with the rows
    (asking "is this month closed" per row made a dry run one query a row)."""
    first = dt.date(2021, 2, 1)
    body = [f"{first + dt.timedelta(days=day)};medewerker;1;;Verlof;" for day in range(count)]
    assert _dry_run_queries(setup.own.pk, body) <= 6
