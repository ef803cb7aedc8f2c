"""The risk register's pages: the list with its totals and checks, one risk, adding and
editing (versioned), and who may see them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from koers.funding import services
from koers.funding.models import FinancialYear, Risk

D = Decimal


def make_risks(world: Any, count: int) -> None:
    Risk.objects.bulk_create(
        Risk(
            organisation=world.own,
            programme=world.programme if n % 2 else None,
            title=f"Risico {n:04d}",
            probability=n % 100,
            impact=D(1000 * (n + 1)),
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", [10, 1000])
def test_the_list_pages_in_a_fixed_number_of_queries(
    world: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    make_risks(world, count)
    client = world.client("bedrijfsvoering")
    client.get(reverse("funding:risks"))  # warm the session and menu caches
    with django_assert_max_num_queries(25):
        page = client.get(reverse("funding:risks"), {"sort": "-expected"})
    assert page.status_code == 200
    shown = list(page.context["risks"])
    assert len(shown) == min(count, 50)
    assert shown[0].expected_impact >= shown[-1].expected_impact


def test_the_list_narrows_to_a_programme_or_the_whole_organisation(world: Any) -> None:
    make_risks(world, 4)
    client = world.client("bedrijfsvoering")
    url = reverse("funding:risks")
    of_programme = client.get(url, {"programma": world.programme.pk}).context["risks"]
    whole = client.get(url, {"programma": "organisatie"}).context["risks"]
    junk = client.get(url, {"programma": "x' or 1=1"}).context["risks"]
    assert [r.title for r in of_programme] == ["Risico 0001", "Risico 0003"]
    assert [r.title for r in whole] == ["Risico 0000", "Risico 0002"]
    assert len(list(junk)) == 4


def test_the_list_shows_the_ceiling_check_and_coverage_in_dutch(world: Any) -> None:
    make_risks(world, 1)
    services.earmarked_reserve_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={
            "name": "Organisatierisico’s",
            "ceiling": D("250000"),
            "opening_year": 2019,
            "opening_balance": D("250000"),
        },
        additions={2020: D("10000")},
    )
    page = world.client("bedrijfsvoering").get(reverse("funding:risks"), HTTP_ACCEPT_LANGUAGE="nl")
    text = page.content.decode().replace("\u00a0", " ").replace("&nbsp;", " ")
    assert "Geplande stand € 260.000 ligt boven het plafond van € 250.000" in text
    assert "Dekking van de risico" in text


def test_the_position_page_shows_the_shortfall_and_the_flags(world: Any) -> None:
    FinancialYear.objects.create(
        organisation=world.own,
        year=2019,
        equity=D("103000"),
        required_equity_low=D("177000"),
        required_equity_high=D("350000"),
    )
    page = world.client("bedrijfsvoering").get(
        reverse("funding:position"), HTTP_ACCEPT_LANGUAGE="nl"
    )
    text = page.content.decode().replace("\u00a0", " ")
    assert "Eigen vermogen € 103.000 ligt € 74.000 onder het vereiste minimum van € 177.000" in text
    assert "€ 708.000 tegenover € 875.000" in text


def test_adding_a_risk_redirects_to_it(world: Any) -> None:
    response = world.client("bedrijfsvoering").post(
        reverse("funding:risk_add"),
        {
            "title": "Ziekteverzuim",
            "programme": world.programme.pk,
            "probability": "40",
            "impact": "60000",
            "review_on": "2021-06-30",
        },
    )
    risk = Risk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("funding:risk", args=[risk.pk])
    assert (risk.organisation, risk.programme, risk.is_example) == (
        world.own,
        world.programme,
        False,
    )


@pytest.mark.parametrize(
    "data",
    [
        {"title": "X", "probability": "150", "impact": "1"},
        {"title": "X", "probability": "10", "impact": "-5"},
        {"title": "", "probability": "10", "impact": "1"},
    ],
)
def test_bad_input_is_refused_in_dutch_and_adds_nothing(world: Any, data: dict[str, str]) -> None:
    response = world.client("bedrijfsvoering").post(
        reverse("funding:risk_add"), data, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 400
    assert not Risk.objects.exists()


def test_a_programme_of_another_organisation_cannot_be_chosen(world: Any) -> None:
    response = world.client("bedrijfsvoering").post(
        reverse("funding:risk_add"),
        {"title": "X", "probability": "1", "impact": "1", "programme": world.other_programme.pk},
    )
    assert response.status_code == 400
    assert not Risk.objects.exists()


def test_a_stale_edit_gets_409_and_keeps_the_other_version(world: Any) -> None:
    risk = Risk.objects.create(organisation=world.own, title="A", probability=10, impact=D("5"))
    Risk.objects.filter(pk=risk.pk).update(title="B", version=2)
    response = world.client("bedrijfsvoering").post(
        reverse("funding:risk_edit", args=[risk.pk]),
        {"title": "C", "probability": "10", "impact": "5", "version": "1"},
    )
    assert response.status_code == 409
    risk.refresh_from_db()
    assert risk.title == "B"


def test_an_edit_raises_the_version(world: Any) -> None:
    risk = Risk.objects.create(organisation=world.own, title="A", probability=10, impact=D("5"))
    response = world.client("bedrijfsvoering").post(
        reverse("funding:risk_edit", args=[risk.pk]),
        {"title": "C", "probability": "20", "impact": "5", "version": "1"},
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.title, risk.probability, risk.version) == ("C", 20, 2)


def test_the_detail_labels_example_figures(world: Any) -> None:
    risk = services.risk_save(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={"title": "A", "probability": 10, "impact": D("5"), "measures": "Vertragen"},
        is_example=True,
    )
    page = world.client("directeur").get(
        reverse("funding:risk", args=[risk.pk]), HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert "Voorbeeldgegevens" in page.content.decode()
    assert "Vertragen" in page.content.decode()


def test_funders_and_other_organisations_see_no_risk(world: Any) -> None:
    risk = Risk.objects.create(organisation=world.own, title="A", probability=10, impact=D("5"))
    detail = reverse("funding:risk", args=[risk.pk])
    assert world.client("opdrachtgever").get(reverse("funding:risks")).status_code == 403
    assert world.client("opdrachtgever").get(detail).status_code == 403
    assert world.client("outsider").get(detail).status_code == 404
    listing = world.client("outsider").get(reverse("funding:risks"))
    assert list(listing.context["risks"]) == []


def test_a_half_required_range_is_refused_and_nothing_saved(world: Any) -> None:
    response = world.client("bedrijfsvoering").post(
        reverse("funding:position_edit", args=[2019]), {"required_equity_low": "177000"}
    )
    assert response.status_code == 400
    assert not FinancialYear.objects.filter(organisation=world.own).exists()
