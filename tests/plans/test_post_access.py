"""Every plans action that writes, for every role, the anonymous user and outsiders.

A refused write changes nothing; an outsider learns nothing (404).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.plans import services
from koers.plans.models import AnnualPlanStatus
from tests.conftest import World
from tests.plans.test_view_access import ROLES


def frozen_with_amendment(world: World) -> Any:
    world.annual_plan.status = AnnualPlanStatus.ADOPTED
    world.annual_plan.save()
    return services.amendment_propose(
        actor=world.users["directeur"],
        activity=world.activity,
        field="title",
        new_value="Nieuwe titel",
        reason="Helderder",
    )


def a_realisation(world: World) -> Any:
    return services.realisation_record(
        actor=world.users["programmacoordinator"],
        indicator=world.indicator,
        date=dt.date(2021, 5, 1),
        value=Decimal(1),
    )


def under_advice(world: World) -> Any:
    world.annual_plan.status = AnnualPlanStatus.ADVICE
    world.annual_plan.save()
    return world.annual_plan


Setup = Callable[[World], Any]
# action, setup returning the object in the URL, form data, expected status per role
ACTIONS: list[tuple[str, Setup, dict[str, str], list[int]]] = [
    (
        "plans:realisation_create",
        lambda w: w.indicator,
        {"date": "2021-05-02", "value": "1"},
        [403, 302, 302, 302, 302, 403, 403, 403, 404, 403],
    ),
    (
        "plans:realisation_delete",
        a_realisation,
        {},
        # the recorder (coordinator) and those who may edit the plan; others 403
        [403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    (
        "plans:amendment_decide",
        frozen_with_amendment,
        {"approve": "1"},
        # regio funds another programme: the amendment is out of her sight
        [403, 403, 403, 403, 403, 403, 302, 404, 403, 403],
    ),
    (
        "plans:annual_plan_transition",
        lambda w: w.annual_plan,
        {"to_status": "ter_advies"},
        # only the director moves a draft on; the others see a refusal (403) or nothing (404)
        [403, 302, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    (
        "plans:activity_carry_over",
        lambda w: w.activity,
        {},
        [403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    (
        "plans:advisory_comment",
        under_advice,
        {"text": "Advies"},
        [403, 403, 403, 403, 403, 302, 403, 403, 403, 403],
    ),
]

CASES = [
    pytest.param(name, setup, data, role, expected, id=f"{name}-{role}")
    for name, setup, data, row in ACTIONS
    for role, expected in zip(ROLES, row, strict=True)
]


@pytest.mark.parametrize(("name", "setup", "data", "role", "expected"), CASES)
def test_write_access(
    world: World, name: str, setup: Setup, data: dict[str, str], role: str, expected: int
) -> None:
    target = setup(world)
    entries_before = AuditEntry.objects.count()
    response = world.client(role).post(reverse(name, args=[target.pk]), data)
    assert response.status_code == expected
    if expected != 302:
        assert AuditEntry.objects.count() == entries_before, "a refused write left a trace"
    else:
        assert AuditEntry.objects.count() > entries_before


@pytest.mark.parametrize(("name", "setup", "data", "row"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_anonymous_writes_are_sent_to_sign_in(
    world: World, name: str, setup: Setup, data: dict[str, str], row: list[int]
) -> None:
    target = setup(world)
    response = Client().post(reverse(name, args=[target.pk]), data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_forms_without_a_csrf_token_are_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["programmacoordinator"])
    response = client.post(
        reverse("plans:realisation_create", args=[world.indicator.pk]),
        {"date": "2021-05-02", "value": "1"},
    )
    assert response.status_code == 403
    assert not world.indicator.realisations.exists()
