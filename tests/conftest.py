from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from koers.accounts.roles import Role
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.directory.factories import FunderFactory, OrganisationFactory
from tests.plans.factories import (
    ActivityFactory,
    AnnualPlanFactory,
    GoalFactory,
    IndicatorFactory,
    PlanFactory,
    ProgrammeFactory,
    TargetFactory,
)

pytest_plugins = ["tests.shared_demo"]  # one demo per test process, read last

# `make mutation` runs the property tests once per mutant, traced and beside other work: the
# same examples every time (a score that does not depend on luck), and no health check on
# how fast they are drawn (`--hypothesis-profile=mutation` in pyproject.toml's [tool.mutmut]).
hypothesis_settings.register_profile(
    "mutation", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(autouse=True)
def _isolated_files(settings: Any, tmp_path: Any) -> None:
    """Uploads and the data folder (pending imports, backups) go to a temporary folder;
    static files are found without collectstatic."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path / "data"
    # A fast hasher: the tests sign in hundreds of times; production hashes with Argon2id
    # (tests/accounts/test_password_hashing.py tests that, with the real list).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # No background tiles in the tests: the maps draw boundaries and markers without them.
    settings.MAP_TILE_URL = ""


@dataclass
class World:
    """Two executing organisations, two funders and a user for every role.

    `programme` (own organisation, funded by `province`) holds `activity` with
    `indicator` (target 7 in 2021). `other_programme` belongs to another organisation,
    so everything in it is out of scope for the users of the first.
    """

    own: Any
    other_org: Any
    province: Any
    regio: Any
    goal: Any
    plan: Any
    programme: Any
    unfunded_programme: Any
    activity: Any
    indicator: Any
    target: Any
    annual_plan: Any
    other_programme: Any
    other_activity: Any
    other_indicator: Any
    care_org: Any
    users: dict[str, Any]

    def client(self, role: str) -> Client:
        return verified_client(self.users[role])


def verified_client(user: Any, client: Client | None = None) -> Client:
    """A client signed in as `user` the way the sign-in leaves her after both steps: with
    a confirmed authenticator app, the session verified by it (as django-otp marks it),
    and authenticated just now (so re-authentication is not asked yet)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from koers.accounts.reauth import AUTHENTICATED_AT

    client = client or Client()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[AUTHENTICATED_AT] = int(time.time())
    session.save()
    return client


ROLES_IN_OWN_ORG = [
    Role.BEHEERDER,
    Role.DIRECTEUR,
    Role.BEDRIJFSVOERING,
    Role.COORDINATOR,
    Role.MEDEWERKER,
    Role.TOEZICHT,
]


@pytest.fixture
def world(db: Any) -> World:
    own = OrganisationFactory(name="CMO Flevoland")
    other_org = OrganisationFactory(name="Andere organisatie")
    province = FunderFactory(name="Provincie Flevoland")
    regio = FunderFactory(name="Regio+")
    goal_root = GoalFactory(funder=province, code="KS", title="Krachtige Samenleving")
    goal = GoalFactory(funder=province, code="KS-1", title="Gezond Flevoland", parent=goal_root)
    plan = PlanFactory(organisation=own, funder=province)
    programme = ProgrammeFactory(plan=plan, name="Positieve Gezondheid", funders=[province])
    programme.goals.add(goal)
    unfunded = ProgrammeFactory(plan=plan, name="Arbeidsmarkt", funders=[regio])
    activity = ActivityFactory(programme=programme, title="Partners verbinden")
    indicator = IndicatorFactory(activity=activity)
    target = TargetFactory(indicator=indicator)
    annual_plan = AnnualPlanFactory(plan=plan, year=2021)
    other_plan = PlanFactory(organisation=other_org)
    other_programme = ProgrammeFactory(plan=other_plan, funders=[province])
    other_activity = ActivityFactory(programme=other_programme)
    other_indicator = IndicatorFactory(activity=other_activity)
    users: dict[str, Any] = {}
    for role in ROLES_IN_OWN_ORG:
        user = UserFactory(username=str(role))
        MembershipFactory(
            user=user,
            organisation=own,
            role=role,
            programmes=[programme] if role == Role.COORDINATOR else None,
        )
        users[str(role)] = user
    users["opdrachtgever"] = MembershipFactory(
        user=UserFactory(username="provincie"), organisation=province, role=Role.OPDRACHTGEVER
    ).user
    users["regio"] = MembershipFactory(
        user=UserFactory(username="regio"), organisation=regio, role=Role.OPDRACHTGEVER
    ).user
    users["outsider"] = MembershipFactory(
        user=UserFactory(username="outsider"), organisation=other_org, role=Role.DIRECTEUR
    ).user
    users["no_role"] = UserFactory(username="no_role")
    # Extra hands (koers.matching): the GGD/GHOR's prioritising official, a member of the
    # organisation that runs the matching, and a care organisation's own contact.
    care_org = OrganisationFactory(name="Zorggroep Almere", kind="care")
    users["prioritering"] = MembershipFactory(
        user=UserFactory(username="prioritering"), organisation=own, role=Role.PRIORITEIT
    ).user
    users["zorgvrager"] = MembershipFactory(
        user=UserFactory(username="zorgvrager"), organisation=care_org, role=Role.ZORGVRAGER
    ).user
    # Keeps what the organisations share (the directory, goal trees); she works at CMO.
    users["installatiebeheerder"] = MembershipFactory(
        user=UserFactory(username="installatiebeheerder"),
        organisation=own,
        role=Role.INSTALLATIEBEHEERDER,
    ).user
    return World(
        own=own,
        other_org=other_org,
        province=province,
        regio=regio,
        goal=goal,
        plan=plan,
        programme=programme,
        unfunded_programme=unfunded,
        activity=activity,
        indicator=indicator,
        target=target,
        annual_plan=annual_plan,
        other_programme=other_programme,
        other_activity=other_activity,
        other_indicator=other_indicator,
        care_org=care_org,
        users=users,
    )
