"""Budget imports: amounts as people type them, a dry run that saves nothing, and the
table check before a stated table is stored."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from koers.core.models import AuditEntry
from koers.funding import imports
from koers.funding.models import BudgetLine, BudgetTable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("€ 1234.56", "1234.56"),
        ("-50.000", "-50000"),
        ("1.500", "1500"),
        ("1,5", "1.5"),
        ("12.5", "12.5"),
        ("1.069.937", "1069937"),
        ("1,069,937.00", "1069937"),
        ("0.500", "0.5"),
        ("2023,68", "2023.68"),
        ("", None),
        ("—", None),
    ],
)
def test_amounts_are_read_as_people_type_them(text: str, expected: str | None) -> None:
    value = imports.parse_money(text)
    assert value == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("veel", "is not an amount"),
        ("1,234", "has more than two decimals"),
        ("12.345,678", "has more than two decimals"),
        ("1e400", "is not an amount"),
        ("1e3", "is not an amount"),
        ("NaN", "is not an amount"),
        ("--5", "is not an amount"),
        ("1.2.3", "is not an amount"),
    ],
)
def test_what_is_not_an_amount_in_cents_is_refused(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=f"^'{re.escape(text)}' {reason}.$"):
        imports.parse_money(text)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_a_dutch_written_amount_reads_back_exactly(value: Decimal) -> None:
    whole, cents = f"{abs(value):,.2f}".split(".")
    text = ("-" if value < 0 else "") + whole.replace(",", ".") + "," + cents
    assert imports.parse_money(text) == value


def test_numbers_from_excel_cells_keep_their_value() -> None:
    from koers.core.tables import _cell

    assert imports.parse_money(_cell(2023.6799999999998)) == Decimal("2023.68")
    assert imports.parse_money(_cell(1500.0)) == Decimal("1500")
    with pytest.raises(ValueError, match="decimals"):
        imports.parse_money(_cell(1.234))  # a number with three decimals, not 1234


def rows(world: Any) -> list[list[str]]:
    return [
        ["jaar", "programma", "soort", "financier", "kostensoort", "bedrag", "van", "tot"],
        ["2021", world.programme.code, "inkomsten", "Provincie Flevoland", "", "300.000", "", ""],
        ["2021", world.programme.name, "kosten", "", "personeel", "255.000,00", "", ""],
        ["2021", "Onbekend", "kosten", "", "reizen", "12,345", "", ""],
    ]


def test_the_dry_run_lists_every_problem_and_saves_nothing(world: Any) -> None:
    report = imports.check_lines(rows(world), organisation_id=world.own.pk)
    assert [r.line for r in report.passing] == [2, 3]
    [failing] = report.failing
    assert failing.line == 4
    assert len(failing.problems) == 3  # programme, cost type, amount
    with pytest.raises(ValidationError, match="1 rows have problems; nothing was saved"):
        imports.apply_lines(
            report,
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            skip_failing=False,
            remote_addr=None,
        )
    assert not BudgetLine.objects.exists()


def test_skipping_failing_rows_imports_the_others_each_audited(world: Any) -> None:
    report = imports.check_lines(rows(world), organisation_id=world.own.pk)
    count = imports.apply_lines(
        report,
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        skip_failing=True,
        remote_addr=None,
    )
    assert count == 2
    assert sorted(BudgetLine.objects.values_list("amount", flat=True)) == [
        Decimal("255000.00"),
        Decimal("300000.00"),
    ]
    assert AuditEntry.objects.filter(action="budget_line.created").count() == 2


def test_a_line_given_twice_in_the_file_is_a_problem_of_the_second_row(world: Any) -> None:
    twice = [*rows(world)[:2], rows(world)[1]]
    report = imports.check_lines(twice, organisation_id=world.own.pk)
    assert [r.line for r in report.passing] == [2]
    assert "2" in report.failing[0].problems[0]


def test_a_range_that_does_not_hold_the_amount_is_a_problem_of_its_row(world: Any) -> None:
    report = imports.check_lines(
        [
            ["jaar", "programma", "soort", "financier", "bedrag", "van", "tot"],
            ["2022", world.programme.code, "inkomsten", "Provincie Flevoland", "900", "100", "200"],
        ],
        organisation_id=world.own.pk,
    )
    assert "100" in report.failing[0].problems[0]


def test_the_lines_import_through_the_pages(world: Any) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows(world):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = world.client("bedrijfsvoering")
    upload = SimpleUploadedFile("begroting.xlsx", buffer.getvalue())
    dry_run = client.post(reverse("funding:budget_import"), {"shape": "regels", "file": upload})
    assert dry_run.status_code == 200
    assert not BudgetLine.objects.exists()
    token = dry_run.context["token"]
    failing = client.get(reverse("funding:budget_import_failing", args=[token]))
    assert "Onbekend" in failing.content.decode()
    refused = client.post(reverse("funding:budget_import"), {"token": token})
    assert refused.status_code == 400
    assert not BudgetLine.objects.exists()
    done = client.post(reverse("funding:budget_import"), {"token": token, "skip_failing": "on"})
    assert done.status_code == 200
    assert BudgetLine.objects.count() == 2
    again = client.post(reverse("funding:budget_import"), {"token": token, "skip_failing": "on"})
    assert again.status_code == 404
    assert BudgetLine.objects.count() == 2
    upload = SimpleUploadedFile("begroting.xlsx", buffer.getvalue())
    second = client.post(reverse("funding:budget_import"), {"shape": "regels", "file": upload})
    assert not second.context["report"].passing
    assert "already" in str(second.context["report"].failing[0].problems) or "al in" in str(
        second.context["report"].failing[0].problems
    )


TRANSITION_CSV = (
    "Kosten;2020 CMO;2020 provincie;2021 CMO;2021 provincie;Totaal\n"
    "Organisatie ontwikkeltraject;22.500;125.000;20.000;20.000;187.500\n"
    "Frictiekosten personeel;92.166;;;75.000;167.133\n"
    "Totaal;114.666;125.000;20.000;95.000;354.666\n"
)


def test_a_stated_table_is_checked_before_it_is_stored(world: Any) -> None:
    client = world.client("bedrijfsvoering")
    upload = SimpleUploadedFile("transitie.csv", TRANSITION_CSV.encode())
    dry_run = client.post(
        reverse("funding:budget_import"),
        {"shape": "tabel", "file": upload, "title": "Transitieplan", "source": "000 §6"},
    )
    assert dry_run.status_code == 200
    checked = dry_run.context["checked"]
    assert [(r.label, r.stated_total, r.computed_total) for r in checked.rows if r.mismatch] == [
        ("Frictiekosten personeel", Decimal("167133"), Decimal("167166"))
    ]
    assert not BudgetTable.objects.exists()
    stored = client.post(
        reverse("funding:budget_import"),
        {
            "token": dry_run.context["token"],
            "shape": "tabel",
            "title": "Transitieplan",
            "source": "000 §6",
        },
    )
    table = BudgetTable.objects.get()
    assert stored.status_code == 302
    assert table.columns == ["2020 CMO", "2020 provincie", "2021 CMO", "2021 provincie"]
    assert [row.is_total for row in table.rows.all()] == [False, False, True]


def test_a_table_with_a_word_for_an_amount_is_refused_with_its_row(world: Any) -> None:
    client = world.client("bedrijfsvoering")
    upload = SimpleUploadedFile("fout.csv", b"Kosten;2020;Totaal\nInhuur;veel;100\n")
    response = client.post(
        reverse("funding:budget_import"), {"shape": "tabel", "file": upload, "title": "Fout"}
    )
    assert response.status_code == 400
    assert "2" in response.context["problems"][0]
    assert not BudgetTable.objects.exists()


def test_a_table_needs_a_title(world: Any) -> None:
    upload = SimpleUploadedFile("t.csv", TRANSITION_CSV.encode())
    response = world.client("bedrijfsvoering").post(
        reverse("funding:budget_import"), {"shape": "tabel", "file": upload}
    )
    assert response.status_code == 400
    assert not BudgetTable.objects.exists()


@pytest.mark.parametrize("shape", ["regels", "tabel"])
def test_a_file_longer_than_an_import_takes_is_refused_not_cut_short(
    world: Any, monkeypatch: Any, shape: str
) -> None:
    monkeypatch.setattr(imports, "MAX_ROWS", 2)
    lines = [";".join(row) for row in rows(world)]  # a header and three lines
    assert len(lines) == 4
    upload = SimpleUploadedFile("begroting.csv", "\n".join(lines).encode())
    response = world.client("bedrijfsvoering").post(
        reverse("funding:budget_import"), {"shape": shape, "file": upload, "title": "Te lang"}
    )
    assert "Hooguit 2 rijen tegelijk; splits het bestand." in response.content.decode()
    assert not BudgetLine.objects.exists()
    assert not BudgetTable.objects.exists()
