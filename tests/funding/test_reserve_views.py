"""Adding and editing an earmarked reserve with its planned additions per plan year: the
flag above the ceiling after saving, bad input refused in Dutch with nothing changed, and a
save in between answered with 409."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.funding import services
from koers.funding.models import EarmarkedReserve, ReserveAddition

D = Decimal


def plan_years(world: Any) -> list[int]:
    return list(world.plan.years)


def posted(world: Any, **changes: str) -> dict[str, str]:
    first = plan_years(world)[0]
    data = {
        "name": "Organisatierisico’s",
        "purpose": "Bedrijfsrisico’s opvangen",
        "ceiling": "250000",
        "opening_year": str(first - 1),
        "opening_balance": "100000",
        f"addition_{first}": "20000",
        f"addition_{first + 1}": "-5000",
    }
    return {**data, **changes}


def stored(world: Any, **values: Any) -> EarmarkedReserve:
    first = plan_years(world)[0]
    return services.earmarked_reserve_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={
            "name": "Organisatierisico’s",
            "ceiling": D("250000"),
            "opening_year": first - 1,
            "opening_balance": D("100000"),
            **values,
        },
        additions={first: D("10000")},
    )


def test_adding_a_reserve_stores_it_with_its_additions_and_an_audit_entry(world: Any) -> None:
    first = plan_years(world)[0]
    response = world.client("bedrijfsvoering").post(reverse("funding:reserve_add"), posted(world))
    reserve = EarmarkedReserve.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('funding:risks')}#reserve-{reserve.pk}"
    assert (reserve.organisation, reserve.ceiling, reserve.is_example) == (
        world.own,
        D("250000"),
        False,
    )
    assert list(reserve.additions.values_list("year", "amount")) == [
        (first, D("20000")),
        (first + 1, D("-5000")),
    ]
    assert AuditEntry.objects.filter(action="earmarked_reserve.stored").count() == 1


def test_the_add_page_offers_one_field_per_plan_year(world: Any) -> None:
    page = world.client("bedrijfsvoering").get(
        reverse("funding:reserve_add"), HTTP_ACCEPT_LANGUAGE="nl"
    )
    form = page.context["form"]
    assert [name for name in form.fields if name.startswith("addition_")] == [
        f"addition_{year}" for year in plan_years(world)
    ]
    assert "Geplande toevoeging" in page.content.decode()


def test_editing_a_reserve_replaces_its_additions_and_raises_the_version(world: Any) -> None:
    reserve = stored(world)
    first = plan_years(world)[0]
    form = world.client("bedrijfsvoering").get(reverse("funding:reserve_edit", args=[reserve.pk]))
    assert form.context["form"].initial[f"addition_{first}"] == D("10000")
    response = world.client("bedrijfsvoering").post(
        reverse("funding:reserve_edit", args=[reserve.pk]),
        posted(world, name="Reserve organisatierisico’s", version=str(reserve.version)),
    )
    assert response.status_code == 302
    reserve.refresh_from_db()
    assert (reserve.name, reserve.version) == ("Reserve organisatierisico’s", 2)
    assert dict(reserve.additions.values_list("year", "amount")) == {
        first: D("20000"),
        first + 1: D("-5000"),
    }


def test_saving_above_the_ceiling_is_allowed_and_flagged_with_both_figures(world: Any) -> None:
    first = plan_years(world)[0]
    response = world.client("bedrijfsvoering").post(
        reverse("funding:reserve_add"),
        posted(world, **{f"addition_{first}": "200000"}),
        HTTP_ACCEPT_LANGUAGE="nl",
        follow=True,
    )
    text = response.content.decode().replace("\u00a0", " ").replace("&nbsp;", " ")
    assert response.status_code == 200
    assert "Geplande stand € 300.000 ligt boven het plafond van € 250.000" in text
    assert "Geplande stand € 295.000 ligt boven het plafond van € 250.000" in text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ceiling", "-1", "Zorg ervoor dat deze waarde minstens 0 is"),
        ("opening_balance", "veel", "Vul een getal in"),
        ("opening_year", "1990", "Kies een jaar van"),
        ("addition_first", "1O000", "Vul een getal in"),
        ("opening_year", "last", "na het jaar van de beginstand"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_changes_nothing(
    world: Any, field: str, value: str, message: str
) -> None:
    reserve = stored(world)
    years = plan_years(world)
    if field == "addition_first":
        field = f"addition_{years[0]}"
    if value == "last":
        value = str(years[-1])
    response = world.client("bedrijfsvoering").post(
        reverse("funding:reserve_edit", args=[reserve.pk]),
        posted(world, version="1", **{field: value}),
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    errors = response.context["form"].errors
    assert list(errors) == (
        [f"addition_{years[0]}", f"addition_{years[1]}"] if value == str(years[-1]) else [field]
    )
    reserve.refresh_from_db()
    assert (reserve.version, reserve.ceiling, reserve.opening_balance) == (
        1,
        D("250000"),
        D("100000"),
    )
    assert list(ReserveAddition.objects.values_list("year", "amount")) == [(years[0], D("10000"))]


def test_a_name_in_use_is_refused_and_adds_nothing(world: Any) -> None:
    stored(world)
    response = world.client("bedrijfsvoering").post(
        reverse("funding:reserve_add"), posted(world), HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 400
    assert "Er is al een bestemmingsreserve met deze naam" in response.content.decode()
    assert EarmarkedReserve.objects.count() == 1


def test_a_stale_edit_gets_409_and_keeps_the_other_version(world: Any) -> None:
    reserve = stored(world)
    EarmarkedReserve.objects.filter(pk=reserve.pk).update(ceiling=D("300000"), version=2)
    response = world.client("bedrijfsvoering").post(
        reverse("funding:reserve_edit", args=[reserve.pk]),
        posted(world, ceiling="200000", version="1"),
    )
    assert response.status_code == 409
    reserve.refresh_from_db()
    assert reserve.ceiling == D("300000")
    assert reserve.additions.count() == 1


def test_the_risks_page_links_to_add_and_edit_for_managers_only(world: Any) -> None:
    reserve = stored(world)
    edit = reverse("funding:reserve_edit", args=[reserve.pk])
    manager = world.client("bedrijfsvoering").get(reverse("funding:risks")).content.decode()
    viewer = world.client("programmacoordinator").get(reverse("funding:risks")).content.decode()
    assert edit in manager and reverse("funding:reserve_add") in manager
    assert edit not in viewer and reverse("funding:reserve_add") not in viewer


def test_other_organisations_get_404_and_funders_403(world: Any) -> None:
    edit = reverse("funding:reserve_edit", args=[stored(world).pk])
    assert world.client("outsider").get(edit).status_code == 404
    assert world.client("opdrachtgever").get(edit).status_code == 403
    assert world.client("opdrachtgever").get(reverse("funding:reserve_add")).status_code == 403


def test_an_edit_keeps_an_addition_before_the_plan_and_opens_in_few_queries(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    first = plan_years(world)[0]
    reserve = services.earmarked_reserve_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={"name": "Reserve", "opening_year": first - 2, "opening_balance": D("5")},
        additions={first - 1: D("-3"), first: D("7")},
    )
    client = world.client("bedrijfsvoering")
    url = reverse("funding:reserve_edit", args=[reserve.pk])
    client.get(url)  # warm the session and menu caches
    with django_assert_max_num_queries(20):
        page = client.get(url)
    form = page.context["form"]
    assert form.years[:2] == [first - 1, first]
    assert form.initial[f"addition_{first - 1}"] == D("-3")
