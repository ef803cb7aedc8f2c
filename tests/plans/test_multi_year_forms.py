"""Adding and changing a programme's multi-year results and targets (issue 17, item 1: an
organisation enters its own multi-year plan): the pages save and audit, every refusal is a
Dutch message next to its field and changes nothing, and a newly linked indicator counts
in the target's progress over the period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from koers.core.models import AuditEntry
from koers.plans import queries, services
from koers.plans.models import MultiYearResult, MultiYearTarget
from tests.conftest import World
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    LineFactory,
    RealisationFactory,
)

RESULT = {
    "start_year": "2022",
    "end_year": "2024",
    "title": "Netwerk zelfstandig",
    "activity_text": "Het netwerk begeleiden naar zelfstandigheid",
    "result_text": "Het netwerk draait in 2024 zelfstandig",
}
TARGET = {"title": "Werkgevers bereikt", "start_year": "2022", "end_year": "2023", "value": "150"}


def _indicator(world: World, year: int, programme: Any = None) -> Any:
    return IndicatorFactory(
        activity=ActivityFactory(programme=programme or world.programme, code="AO-1", year=year),
        title="Bereik werkgevers",
        aggregation="sum",
    )


def _post(world: World, name: str, pk: int, data: dict[str, Any]) -> Any:
    return world.client("directeur").post(reverse(f"plans:{name}", args=[pk]), data)


def _page(response: Any) -> str:
    return str(response.content.decode())


def test_a_result_is_added_and_changed_with_audit_entries(world: World) -> None:
    line = LineFactory(programme=world.programme)
    response = _post(
        world, "multi_year_result_create", world.programme.pk, RESULT | {"line": str(line.pk)}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#multi-year")
    result = MultiYearResult.objects.get()
    assert (result.line, result.period, result.order) == (line, "2022–2024", 1)
    response = _post(
        world, "multi_year_result_edit", result.pk, RESULT | {"start_year": "2021", "line": ""}
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.line, result.period) == (None, "2021–2024")
    entries = AuditEntry.objects.filter(action="multi_year_result.save").order_by("pk")
    assert len(entries) == 2
    assert entries[1].changes == {"line": [line.pk, None], "start_year": [2022, 2021]}


def test_a_target_is_added_and_changed_and_counts_a_newly_linked_indicator(
    world: World,
) -> None:
    i2022, i2023 = _indicator(world, 2022), _indicator(world, 2023)
    RealisationFactory(indicator=i2022, date=dt.date(2022, 5, 1), value=Decimal(40))
    RealisationFactory(indicator=i2023, date=dt.date(2023, 5, 1), value=Decimal(25))
    result = MultiYearResult.objects.create(
        programme=world.programme,
        start_year=2022,
        end_year=2023,
        title="Werkgevers",
        activity_text="Werven",
        result_text="Bereikt",
    )
    response = _post(
        world,
        "multi_year_target_create",
        world.programme.pk,
        TARGET | {"indicators": [str(i2022.pk)], "result": str(result.pk)},
    )
    assert response.status_code == 302
    target = MultiYearTarget.objects.get()
    assert (target.result, target.value) == (result, Decimal(150))
    reference = dt.date(2023, 12, 31)

    def realised() -> Decimal:
        progress = queries.multi_year_progress([i2022.pk], reference)[i2022.pk][0]
        return Decimal(progress.progress.realised)

    assert realised() == Decimal(40)
    edit = reverse("plans:multi_year_target_edit", args=[target.pk])
    page = _page(world.client("directeur").get(edit))
    assert "2023 AO-1 – Bereik werkgevers" in page and 'value="150,00"' in page
    response = _post(
        world,
        "multi_year_target_edit",
        target.pk,
        TARGET
        | {"indicators": [str(i2022.pk), str(i2023.pk)], "value": "200", "result": str(result.pk)},
    )
    assert response.status_code == 302
    assert set(target.indicators.all()) == {i2022, i2023}
    assert realised() == Decimal(65)  # the newly linked year counts
    entries = AuditEntry.objects.filter(action="multi_year_target.save").order_by("pk")
    assert entries[1].changes["indicators"] == [
        [str(i2022.pk)],
        sorted([str(i2022.pk), str(i2023.pk)]),
    ]
    assert set(entries[1].changes) == {"indicators", "value"}


def _state() -> list[Any]:
    return [
        list(MultiYearResult.objects.values()),
        list(MultiYearTarget.objects.values()),
        list(MultiYearTarget.indicators.through.objects.values()),
        AuditEntry.objects.filter(action__startswith="multi_year").count(),
    ]


def _nothing_changed(before: list[Any]) -> None:
    assert _state() == before


PLAN_YEARS = "Kies een jaar van het plan, van 2021 tot en met 2024."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start_year": "2020"}, "start_year", PLAN_YEARS),
        ({"end_year": "2025"}, "end_year", PLAN_YEARS),
        ({"start_year": "2024", "end_year": "2022"}, "end_year", "Het laatste jaar kan niet"),
        ({"line": "other"}, "line", None),
        ({"result_text": "  "}, "result_text", "Dit veld is verplicht."),
    ],
)
def test_a_result_refused_changes_nothing(
    world: World, changes: dict[str, str], field: str, message: str | None
) -> None:
    existing = MultiYearResult.objects.create(
        programme=world.programme,
        start_year=2021,
        end_year=2022,
        title="Bestaand",
        activity_text="A",
        result_text="R",
    )
    if changes.get("line") == "other":
        changes = {"line": str(LineFactory(programme=world.unfunded_programme).pk)}
    before = _state()
    for name, pk in (
        ("multi_year_result_create", world.programme.pk),
        ("multi_year_result_edit", existing.pk),
    ):
        response = _post(world, name, pk, RESULT | changes)
        assert response.status_code == 400
        page = _page(response)
        assert f'id="id_{field}"' in page and 'aria-invalid="true"' in page
        if message:
            assert message in page
        _nothing_changed(before)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start_year": "2019"}, "start_year", PLAN_YEARS),
        ({"end_year": "2030"}, "end_year", PLAN_YEARS),
        ({"start_year": "2023", "end_year": "2022"}, "end_year", "Het laatste jaar kan niet"),
        ({"indicators": "other programme"}, "indicators", None),
        # The edit page offers only the period's years: its form refuses the rest.
        ({"indicators": "other year"}, "indicators", None),
        ({"result": "other programme"}, "result", None),
        ({"value": "-5"}, "value", "Een streefwaarde kan niet negatief zijn."),
    ],
)
def test_a_target_refused_changes_nothing(
    world: World, changes: dict[str, str], field: str, message: str | None
) -> None:
    own = _indicator(world, 2022)
    existing = MultiYearTarget.objects.create(
        programme=world.programme, title="Bestaand", start_year=2022, end_year=2023, value=10
    )
    existing.indicators.set([own])
    if changes.get("indicators") == "other programme":
        changes = {"indicators": str(_indicator(world, 2022, world.unfunded_programme).pk)}
    elif changes.get("indicators") == "other year":
        changes = {"indicators": str(_indicator(world, 2024).pk)}
    elif changes.get("result") == "other programme":
        changes = {
            "result": str(
                MultiYearResult.objects.create(
                    programme=world.unfunded_programme,
                    start_year=2021,
                    end_year=2022,
                    title="Elders",
                    activity_text="A",
                    result_text="R",
                ).pk
            )
        }
    before = _state()
    for name, pk in (
        ("multi_year_target_create", world.programme.pk),
        ("multi_year_target_edit", existing.pk),
    ):
        response = _post(world, name, pk, TARGET | changes)
        assert response.status_code == 400
        page = _page(response)
        assert f'id="id_{field}' in page and 'aria-invalid="true"' in page
        if message:
            assert message in page
        _nothing_changed(before)


def test_the_service_refuses_what_the_form_would_not_offer(world: World) -> None:
    """An indicator or line of another programme passed to the service directly."""
    director = world.users["directeur"]
    foreign = _indicator(world, 2022, world.unfunded_programme)
    before = _state()
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        services.multi_year_target_save(
            actor=director,
            programme=world.programme,
            title="Doel",
            start_year=2022,
            end_year=2023,
            value=Decimal(1),
            indicators=[foreign],
        )
    assert caught.value.message_dict == {"indicators": ["Kies indicatoren van dit programma."]}
    response = _post(
        world,
        "multi_year_target_create",
        world.programme.pk,
        TARGET | {"indicators": [str(_indicator(world, 2024).pk)]},
    )
    assert response.status_code == 400
    assert "Kies indicatoren van de jaren 2022 tot en met 2023." in _page(response)
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        services.multi_year_result_save(
            actor=director,
            programme=world.programme,
            line=LineFactory(programme=world.unfunded_programme),
            start_year=2022,
            end_year=2023,
            title="R",
            activity_text="A",
            result_text="R",
        )
    assert caught.value.message_dict == {"line": ["Kies een actielijn van dit programma."]}
    _nothing_changed(before)


def test_only_editors_of_the_programme_save(world: World) -> None:
    for role, programme in (
        ("medewerker", world.programme),
        ("opdrachtgever", world.programme),
        ("programmacoordinator", world.unfunded_programme),
    ):
        with pytest.raises(PermissionDenied):
            services.multi_year_result_save(
                actor=world.users[role],
                programme=programme,
                line=None,
                start_year=2022,
                end_year=2023,
                title="R",
                activity_text="A",
                result_text="R",
            )
    assert not MultiYearResult.objects.exists()


def test_the_programme_page_links_the_pages_for_editors_only(world: World) -> None:
    result = MultiYearResult.objects.create(
        programme=world.programme,
        start_year=2021,
        end_year=2022,
        title="Bestaand",
        activity_text="A",
        result_text="R",
    )
    target = MultiYearTarget.objects.create(
        programme=world.programme, title="Los doel", start_year=2021, end_year=2022, value=10
    )
    links = [
        reverse("plans:multi_year_result_create", args=[world.programme.pk]),
        reverse("plans:multi_year_target_create", args=[world.programme.pk]),
        reverse("plans:multi_year_result_edit", args=[result.pk]),
        reverse("plans:multi_year_target_edit", args=[target.pk]),
    ]
    url = reverse("plans:programme", args=[world.programme.pk])
    page = _page(world.client("programmacoordinator").get(url))
    assert all(link in page for link in links)
    assert "Resultaat toevoegen" in page and "Doel toevoegen" in page
    page = _page(world.client("opdrachtgever").get(url))
    assert not any(link in page for link in links)
    form = _page(world.client("directeur").get(links[0]))
    assert 'aria-label="Kruimelpad"' in form or "breadcrumb" in form
    assert world.programme.name in form
