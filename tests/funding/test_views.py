"""The money pages: what each person sees, the journeys through them, and their documents."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.funding import services
from koers.funding.models import Grant, GrantStatus
from koers.plans.models import Target
from tests.funding.factories import GrantFactory
from tests.funding.test_pipeline import decide, move, to_submitted


def granted(world: Any, **kwargs: Any) -> Grant:
    grant = GrantFactory(
        organisation=world.own, funder=world.province, programmes=[world.programme], **kwargs
    )
    return move(
        world, decide(world, to_submitted(world, grant)), GrantStatus.GRANTED, dt.date(2020, 12, 15)
    )


def sheet_rows(content: bytes, sheet: int = 0) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return [list(row) for row in workbook.worksheets[sheet].iter_rows(values_only=True)]


def test_a_funder_sees_the_grants_of_her_own_organisation_only(world: Any) -> None:
    GrantFactory(organisation=world.own, funder=world.province, title="Provinciegeld")
    regio_grant = GrantFactory(organisation=world.own, funder=world.regio, title="Regio-geld")
    page = world.client("opdrachtgever").get(reverse("funding:grants"))
    assert "Provinciegeld" in page.content.decode()
    assert "Regio-geld" not in page.content.decode()
    assert (
        world.client("opdrachtgever")
        .get(reverse("funding:grant", args=[regio_grant.pk]))
        .status_code
        == 404
    )
    export = world.client("opdrachtgever").get(reverse("funding:export", args=["subsidies"]))
    titles = [row[0] for row in sheet_rows(export.content)[1:]]
    assert titles == ["Provinciegeld"]
    staff = world.client("bedrijfsvoering").get(reverse("funding:export", args=["subsidies"]))
    assert sorted(row[0] for row in sheet_rows(staff.content)[1:]) == [
        "Provinciegeld",
        "Regio-geld",
    ]


def test_another_organisations_grant_is_not_found(world: Any) -> None:
    theirs = GrantFactory(organisation=world.other_org, funder=world.province)
    client = world.client("bedrijfsvoering")
    for name in ("funding:grant", "funding:grant_edit"):
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404
    response = client.post(
        reverse("funding:grant_move", args=[theirs.pk]), {"to": "preparation", "on": "2021-01-01"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == GrantStatus.IDEA


def test_operations_moves_a_grant_to_granted_and_sees_the_advances(world: Any) -> None:
    grant = to_submitted(world, GrantFactory(organisation=world.own, funder=world.province))
    client = world.client("bedrijfsvoering")
    refused = client.post(
        reverse("funding:grant_move", args=[grant.pk]),
        {"to": "granted", "on": "2020-12-15"},
        follow=True,
    )
    assert "amount granted" in refused.content.decode() or "bedrag" in refused.content.decode()
    decide(world, grant)
    client.post(
        reverse("funding:grant_move", args=[grant.pk]), {"to": "granted", "on": "2020-12-15"}
    )
    page = client.get(reverse("funding:grant", args=[grant.pk])).content.decode()
    assert grant.advances.count() == 4
    assert "267.484,25" in page


def test_the_decision_shows_agreed_and_planned_targets_side_by_side(world: Any) -> None:
    grant = granted(world)
    Target.objects.filter(pk=world.target.pk).update(value=Decimal("7"), year=2021)
    client = world.client("bedrijfsvoering")
    client.post(
        reverse("funding:grant_indicator", args=[grant.pk]),
        {"indicator": world.indicator.pk, "year": "2021", "agreed_target": "9"},
    )
    row = grant.indicators.get()
    assert row.agreed_target == Decimal("9")
    page = client.get(reverse("funding:grant", args=[grant.pk])).content.decode()
    assert "wijkt af" in page
    export = client.get(reverse("funding:export", args=["subsidies"]))
    [row] = sheet_rows(export.content, sheet=2)[1:]
    assert row[3:] == [world.indicator.title, 2021, 9, 7]


def test_an_indicator_of_another_organisation_cannot_be_agreed(world: Any) -> None:
    grant = granted(world)
    world.client("bedrijfsvoering").post(
        reverse("funding:grant_indicator", args=[grant.pk]),
        {"indicator": world.other_indicator.pk, "year": "2021", "agreed_target": "9"},
    )
    assert not grant.indicators.exists()


def test_an_invoice_is_a_pdf_with_the_grants_reference_and_amount(world: Any) -> None:
    from pypdf import PdfReader

    grant = granted(world)
    advance = grant.advances.order_by("number").first()
    client = world.client("bedrijfsvoering")
    client.post(reverse("funding:advance_update", args=[advance.pk]), {"sent_on": "2021-01-04"})
    advance.refresh_from_db()
    assert advance.invoice_number == "2021-001"
    response = client.get(reverse("funding:advance_invoice", args=[advance.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "2021-001" in text
    assert "FLE-2020-1" in text
    assert "267.484,25" in text


def test_an_advance_that_is_not_invoiced_has_no_invoice(world: Any) -> None:
    advance = granted(world).advances.first()
    assert (
        world.client("bedrijfsvoering")
        .get(reverse("funding:advance_invoice", args=[advance.pk]))
        .status_code
        == 404
    )


def test_the_advances_page_lists_what_to_invoice_this_quarter(world: Any) -> None:
    grant = granted(world)
    page = world.client("bedrijfsvoering").get(reverse("funding:advances") + "?kwartaal=2021-2")
    overview = page.context["overview"]
    assert [a.number for a in overview.to_invoice] == [1, 2]
    assert overview.totals["to_invoice"] == Decimal("534968.50")
    first = grant.advances.get(number=1)
    services.advance_update(
        actor=world.users["bedrijfsvoering"], advance=first, sent_on=dt.date(2021, 1, 4)
    )
    page = world.client("bedrijfsvoering").get(reverse("funding:advances") + "?kwartaal=2021-2")
    assert [a.number for a in page.context["overview"].outstanding] == [1]


def test_a_stale_edit_of_a_grant_gets_409_with_the_other_version(world: Any) -> None:
    grant = GrantFactory(organisation=world.own, funder=world.province, title="Eerste titel")
    url = reverse("funding:grant_edit", args=[grant.pk])
    data = {
        "title": "Mijn titel",
        "funder": world.province.pk,
        "kind": "instellingssubsidie",
        "starts_on": "2021-01-01",
        "ends_on": "2021-12-31",
        "version": str(grant.version),
    }
    Grant.objects.filter(pk=grant.pk).update(
        title="Titel van een collega", version=grant.version + 1
    )
    response = world.client("bedrijfsvoering").post(url, data)
    assert response.status_code == 409
    assert "Titel van een collega" in response.content.decode()
    grant.refresh_from_db()
    assert grant.title == "Titel van een collega"


def test_bad_input_on_the_grant_form_changes_nothing(world: Any) -> None:
    response = world.client("bedrijfsvoering").post(
        reverse("funding:grant_add"),
        {
            "title": "x",
            "funder": world.province.pk,
            "kind": "fonds",
            "starts_on": "2021-12-31",
            "ends_on": "2021-01-01",
            "amount_requested": "veel",
        },
    )
    assert response.status_code == 400
    assert not Grant.objects.exists()


def test_the_budget_export_puts_each_figure_in_its_own_column(world: Any) -> None:
    services.budget_line_save(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={
            "programme": world.programme,
            "year": 2021,
            "direction": "income",
            "funder": world.province,
            "cost_type": "",
            "amount": Decimal("1500.50"),
            "amount_low": Decimal("1000"),
            "amount_high": Decimal("2000"),
        },
    )
    response = world.client("directeur").get(
        reverse("funding:export", args=["begroting"]) + "?jaar=2021"
    )
    header, row = sheet_rows(response.content)[:2]
    assert len(header) == len(row) == 9
    assert row[0] == 2021
    assert row[1] == world.programme.name
    assert Decimal(str(row[4])) == Decimal("1500.50")
    assert (row[5], row[6]) == (1000, 2000)


def test_the_budget_table_page_shows_both_figures_of_a_total_that_does_not_add_up(
    world: Any,
) -> None:
    table = services.budget_table_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        title="Transitieplan",
        columns=["2020", "2021"],
        rows=[
            {"label": "Frictiekosten", "cells": [92166, 75000], "stated_total": Decimal("167133")}
        ],
    )
    page = (
        world.client("directeur")
        .get(reverse("funding:budget_table", args=[table.pk]))
        .content.decode()
    )
    assert "167.133" in page
    assert "167.166" in page


@pytest.mark.parametrize("count", [2, 20])
def test_the_pipeline_page_costs_the_same_queries_for_few_or_many_grants(
    world: Any, count: int
) -> None:
    for _ in range(count):
        GrantFactory(organisation=world.own, funder=world.province, programmes=[world.programme])
    client = world.client("bedrijfsvoering")
    client.get(reverse("funding:grants"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("funding:grants")).status_code == 200
    assert len(queries) <= 16


@pytest.mark.parametrize("count", [1, 30])
def test_the_budget_page_costs_the_same_queries_for_few_or_many_lines(
    world: Any, count: int
) -> None:
    for index in range(count):
        services.budget_line_save(
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            values={
                "programme": world.programme if index % 2 else world.unfunded_programme,
                "year": 2021,
                "direction": "cost",
                "funder": world.province,
                "cost_type": "material",
                "amount": Decimal("10"),
            },
        )
    client = world.client("bedrijfsvoering")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("funding:budget") + "?jaar=2021").status_code == 200
    assert len(queries) <= 20


def test_every_table_exports_even_with_titles_excel_would_refuse(world: Any) -> None:
    for title in ("Krachtige Samenleving: reserve", "Krachtige Samenleving: coalitie"):
        services.budget_table_store(
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            title=title,
            columns=["2020"],
            rows=[{"label": "A", "cells": [5], "stated_total": Decimal("5")}],
        )
    response = world.client("directeur").get(reverse("funding:export", args=["tabellen"]))
    assert response.status_code == 200
    from openpyxl import load_workbook

    names = load_workbook(io.BytesIO(response.content), read_only=True).sheetnames
    assert len(names) == 2 and len(set(names)) == 2
    assert all(":" not in name and len(name) <= 31 for name in names)


def test_a_wrong_date_on_an_advance_can_be_cleared(world: Any) -> None:
    advance = granted(world).advances.get(number=2)
    client = world.client("bedrijfsvoering")
    client.post(reverse("funding:advance_update", args=[advance.pk]), {"sent_on": "2021-04-01"})
    advance.refresh_from_db()
    assert advance.sent_on == dt.date(2021, 4, 1)
    client.post(
        reverse("funding:advance_update", args=[advance.pk]), {"sent_on": "", "paid_on": ""}
    )
    advance.refresh_from_db()
    assert advance.sent_on is None
    assert advance.invoice_number == "2021-001"  # a number once given is not reused


def test_a_typed_invoice_number_must_be_unused(world: Any) -> None:
    grant = granted(world)
    first, second = grant.advances.order_by("number")[:2]
    actor = world.users["bedrijfsvoering"]
    services.advance_update(actor=actor, advance=first, sent_on=dt.date(2021, 1, 4))
    with pytest.raises(ValidationError, match="used already"):
        services.advance_update(
            actor=actor, advance=second, sent_on=dt.date(2021, 4, 1), invoice_number="2021-001"
        )
    second.refresh_from_db()
    assert second.sent_on is None


def test_a_funders_official_chooses_whose_budget_among_the_partners_she_funds(
    world: Any,
) -> None:
    """Her money is in two partners' budgets: she chooses (first by name when she does not),
    instead of silently reading the one with the lowest number; another's is not found."""
    from koers.funding.models import BudgetLine

    for organisation, programme, amount in (
        (world.own, world.programme, 1500),
        (world.other_org, world.other_programme, 2500),
    ):
        BudgetLine.objects.create(
            organisation=organisation,
            programme=programme,
            funder=world.province,
            year=2021,
            direction="income",
            amount=Decimal(amount),
        )
    client = world.client("opdrachtgever")
    url = reverse("funding:budget") + "?jaar=2021"
    page = client.get(url)
    choice = page.context["choice"]
    assert [o.pk for o in choice.organisations] == sorted(
        [world.own.pk, world.other_org.pk],
        key=lambda pk: next(o.name for o in choice.organisations if o.pk == pk),
    )
    assert choice.organisation_id == choice.organisations[0].pk
    for organisation, programme in (
        (world.own, world.programme),
        (world.other_org, world.other_programme),
    ):
        chosen = client.get(url + f"&organisatie={organisation.pk}")
        assert chosen.context["choice"].organisation_id == organisation.pk
        assert programme.name in chosen.content.decode()
        assert chosen.context["is_funder"] and not chosen.context["may_manage"]
    assert client.get(url + f"&organisatie={world.regio.pk}").status_code == 404
    # Her own staff read their own budget, with nothing to choose.
    own = world.client("directeur").get(url).context["choice"]
    assert own.organisation_id == world.own.pk and len(own.organisations) == 1
