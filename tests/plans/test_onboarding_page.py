"""The installation administrator brings an organisation into Koers from the browser: the
same service as `koers organisation add`, its refusals on the form's fields, the password
shown once and kept by no cache, and her name in the audit log."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from koers.accounts.models import Membership
from koers.core.models import AuditEntry
from koers.plans.models import AnnualPlan, Plan
from tests.conftest import World
from tests.plans.conftest import LINES
from tests.plans.factories import GoalFactory
from tests.plans.test_onboarding import counts

URL = reverse("plans:onboard")
pytestmark = pytest.mark.usefixtures("tree")  # the province's lines KS-1 to KS-4


def form(world: World, **changes: Any) -> dict[str, Any]:
    return {
        "name": "GGD Flevoland",
        "funder": world.province.pk,
        "goal_root": world.goal.parent.pk,  # KS, the province's tree
        "from_plan": "",
        "start_year": 2021,
        "end_year": 2024,
        "plan_title": "",
        "beheerder_username": "fenna",
        "beheerder_email": "fenna@ggdflevoland.nl",
        **changes,
    }


def test_she_brings_a_partner_in_and_sees_its_beheerders_password_once(world: World) -> None:
    admin = world.users["installatiebeheerder"]
    client = world.client("installatiebeheerder")
    assert "Organisatie in Koers opnemen" in client.get(URL).content.decode()
    listing = client.get(reverse("directory:organisations")).content.decode()
    assert URL in listing  # where she finds the page

    response = client.post(URL, form(world))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    membership = Membership.objects.get(user__username="fenna")
    plan = Plan.objects.get(organisation=membership.organisation)
    assert membership.role == "beheerder" and plan.funder == world.province
    assert sorted(plan.programmes.values_list("goals__code", flat=True)) == [
        "KS-1",
        *LINES,
    ]
    assert AnnualPlan.objects.filter(plan=plan, year=2021).exists()
    assert "GGD Flevoland is in Koers" in text or "GGD Flevoland staat in Koers" in text
    password = response.context["done"].password
    assert len(password) >= 12 and password in text
    assert membership.user.check_password(password)
    logged = AuditEntry.objects.filter(action__in=["organisation.add", "plan.add", "account.add"])
    assert logged.count() == 3 and {entry.actor_id for entry in logged} == {admin.pk}


def test_refusals_land_on_their_fields_and_nothing_is_saved(world: World) -> None:
    client = world.client("installatiebeheerder")
    before = counts()
    for changes, field in (
        ({"goal_root": "XX-9"}, "goal_root"),
        ({"goal_root": ""}, "goal_root"),  # neither a goal nor an earlier plan
        ({"start_year": 2024, "end_year": 2021}, "start_year"),
        ({"beheerder_username": "beheerder"}, "beheerder_username"),  # taken
        ({"goal_root": GoalFactory(funder=world.regio, code="RP").pk}, "goal_root"),  # not hers
    ):
        response = client.post(URL, form(world, **changes))
        assert response.status_code == 400, changes
        errors = response.context["form"].errors
        assert errors.get(field), (changes, errors)
    assert counts() == before


def test_only_the_installation_administrator_opens_it(world: World) -> None:
    for role in ("beheerder", "directeur", "opdrachtgever"):
        assert world.client(role).get(URL).status_code == 403
        assert world.client(role).post(URL, form(world)).status_code == 403
    assert not Membership.objects.filter(user__username="fenna").exists()
