"""Worlds outside a role's scope, shaped like the `world` fixture so the permission matrix's
builders (`tests/permission_matrix.py`) make their objects there.

A placement is a `World` whose own organisation, plan, programme, activity, indicator and
annual plan lie outside the scope of the attacking role, with a user for every role of the
matrix who *does* act there (so the builders, which record through the services, and an
editor who proves the posted data valid, both work):

- `away`: another executing organisation (the world's `other_org`, with its programme)
  with its own staff in every role; outside the scope of everyone of the first
  organisation.
- `unfunded`: the first organisation's programme that the province does not fund
  (`unfunded_programme`, funded by Regio+) with a coordinator of its own; outside the
  scope of the province's official, and of the first coordinator wherever her capability
  holds for her own programme only.
- `home`: the world itself; outside the scope of Regio+'s official, of the director of
  the other organisation and of a user without a role.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from koers.accounts.roles import Role
from koers.plans.models import Plan
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import ROLES_IN_OWN_ORG, World
from tests.directory.factories import OrganisationFactory
from tests.plans.factories import (
    ActivityFactory,
    AnnualPlanFactory,
    IndicatorFactory,
    TargetFactory,
)

STAFF_ROLES = {str(role) for role in ROLES_IN_OWN_ORG}
# The GGD/GHOR's official (at the holder) and a care organisation's contact: "away" is
# another holder with its own official, and another care organisation with its own contact.
MATCHING_ROLES = {"prioritering", "zorgvrager"}


def placement_for(role: str, *, programme_scoped: bool) -> str:
    """Where an object lies outside `role`'s scope, for an act whose capability a
    coordinator holds for her own programme only (`programme_scoped`) or for her whole
    organisation."""
    if role == "programmacoordinator":
        return "unfunded" if programme_scoped else "away"
    if role in STAFF_ROLES:
        return "away"
    if role == "opdrachtgever":
        return "unfunded"
    if role in MATCHING_ROLES:
        return "away"
    return "home"  # regio, outsider, no_role


def build(world: World, placement: str) -> World:
    if placement == "home":
        return world
    if placement == "unfunded":
        return _unfunded(world)
    if placement == "away":
        return _away(world)
    raise ValueError(placement)


def _unfunded(world: World) -> World:
    programme = world.unfunded_programme
    activity = ActivityFactory(programme=programme, title="Werkgevers verbinden")
    indicator = IndicatorFactory(activity=activity)
    coordinator = MembershipFactory(
        user=UserFactory(username="coordinator_arbeidsmarkt"),
        organisation=world.own,
        role=Role.COORDINATOR,
        programmes=[programme],
    ).user
    users = {
        **world.users,
        "programmacoordinator": coordinator,
        # Regio+ funds this programme; the province is the other funder here.
        "opdrachtgever": world.users["regio"],
        "regio": world.users["opdrachtgever"],
    }
    return dataclasses.replace(
        world,
        province=world.regio,
        regio=world.province,
        programme=programme,
        unfunded_programme=world.programme,
        activity=activity,
        indicator=indicator,
        target=TargetFactory(indicator=indicator),
        users=users,
    )


def _away(world: World) -> World:
    plan: Plan = world.other_programme.plan
    plan.funder = world.province  # the province funds its programme, and adopts its plans
    plan.save(update_fields=["funder"])
    users: dict[str, Any] = {}
    for role in ROLES_IN_OWN_ORG:
        users[str(role)] = MembershipFactory(
            user=UserFactory(username=f"{role}_elders"),
            organisation=world.other_org,
            role=role,
            programmes=[world.other_programme] if role == Role.COORDINATOR else None,
        ).user
    care_org = OrganisationFactory(name="Zorggroep elders", kind="care")
    users.update(
        opdrachtgever=world.users["opdrachtgever"],
        regio=world.users["regio"],
        outsider=world.users["directeur"],
        no_role=world.users["no_role"],
        prioritering=MembershipFactory(
            user=UserFactory(username="prioritering_elders"),
            organisation=world.other_org,
            role=Role.PRIORITEIT,
        ).user,
        zorgvrager=MembershipFactory(
            user=UserFactory(username="zorgvrager_elders"),
            organisation=care_org,
            role=Role.ZORGVRAGER,
        ).user,
    )
    return dataclasses.replace(
        world,
        own=world.other_org,
        other_org=world.own,  # the builders' partner organisation: anyone but the holder
        plan=plan,
        programme=world.other_programme,
        unfunded_programme=world.other_programme,
        activity=world.other_activity,
        indicator=world.other_indicator,
        target=TargetFactory(indicator=world.other_indicator),
        annual_plan=AnnualPlanFactory(plan=plan, year=2021),
        other_programme=world.programme,
        other_activity=world.activity,
        other_indicator=world.indicator,
        care_org=care_org,
        users=users,
    )


def own_scope(world: World, role: str) -> dict[str, Any]:
    """Form values that name the attacker's own scope, for the scope fields a form may have:
    where she would move an object to. Funders and users without a role own nothing."""
    if role in STAFF_ROLES:
        programme, activity, indicator, holder = (
            world.programme,
            world.activity,
            world.indicator,
            world.own,
        )
    elif role == "outsider":
        programme, activity, indicator, holder = (
            world.other_programme,
            world.other_activity,
            world.other_indicator,
            world.other_org,
        )
    else:
        return {}
    return {
        "programme": str(programme.pk),
        "programmes": [str(programme.pk)],
        "activity": str(activity.pk),
        "activities": [str(activity.pk)],
        "indicator": str(indicator.pk),
        "plan": str(programme.plan_id),
        "holder": str(holder.pk),
    }
