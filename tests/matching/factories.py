"""Factories of matching's records: candidates with their roles, qualifications and
availability, steps and calls; requests with shifts, and placements (for the pages that
show them). Every part's tests may use these; add, do not rewrite."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from koers.core.privacy import LawfulBasis
from koers.matching.models import (
    ALL_WEEKDAYS,
    Availability,
    CallLog,
    CallOutcome,
    Candidate,
    CandidateRole,
    CareRole,
    HelpRequest,
    Placement,
    Qualification,
    QualificationKind,
    Route,
    Shift,
    Stage,
    StageChange,
)
from tests.directory.factories import MunicipalityFactory, OrganisationFactory, PersonFactory


def almere() -> object:
    return MunicipalityFactory(code="GM0034", name="Almere", slug="almere")


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    holder = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(
        PersonFactory,
        holder=factory.SelfAttribute("..holder"),
        lawful_basis=LawfulBasis.CONSENT,
        consent_given_on=dt.date(2020, 4, 1),
        phone="06-12345678",
    )
    municipality = factory.SubFactory(
        MunicipalityFactory, code="GM0034", name="Almere", slug="almere"
    )
    route = Route.LANDELIJKE_WEBSITE
    stage = Stage.AANGEMELD
    stage_since = dt.date(2020, 4, 1)
    signed_up_on = dt.date(2020, 4, 1)


class CandidateRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateRole

    candidate = factory.SubFactory(CandidateFactory)
    role = CareRole.VERZORGENDE


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    candidate = factory.SubFactory(CandidateFactory)
    kind = QualificationKind.DIPLOMA_VIG
    reference = "VIG-diploma ROC"


class AvailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Availability

    candidate = factory.SubFactory(CandidateFactory)
    weekdays = ALL_WEEKDAYS
    start_time = dt.time(8, 0)
    end_time = dt.time(16, 0)
    valid_from = dt.date(2020, 1, 1)


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    candidate = factory.SubFactory(CandidateFactory)
    stage = Stage.INTAKE_GEHAD
    on = dt.date(2020, 5, 1)


class CallLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallLog

    candidate = factory.SubFactory(CandidateFactory)
    called_on = dt.date(2021, 1, 5)
    outcome = CallOutcome.BEREIKT
    note = "Belt terug na de vakantie"


def available_candidate(
    holder: object,
    role: str = CareRole.VERZORGENDE,
    *,
    kind: str = QualificationKind.DIPLOMA_VIG,
    valid_until: dt.date | None = None,
    stage: str = Stage.INZETBAAR,
    **values: object,
) -> Candidate:
    """A candidate available for `role` from 2020 on: deployable, the role, its
    qualification (until `valid_until`) and availability on every day."""
    candidate = CandidateFactory(holder=holder, stage=stage, **values)
    CandidateRoleFactory(candidate=candidate, role=role)
    QualificationFactory(candidate=candidate, kind=kind, valid_until=valid_until)
    AvailabilityFactory(candidate=candidate)
    return candidate


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpRequest

    holder = factory.SubFactory(OrganisationFactory)
    requester = factory.SubFactory(OrganisationFactory, kind="care")
    role = CareRole.VERZORGENDE
    municipality = factory.SubFactory(
        MunicipalityFactory, code="GM0034", name="Almere", slug="almere"
    )


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    request = factory.SubFactory(HelpRequestFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda shift: shift.starts_at + dt.timedelta(hours=8))


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    shift = factory.SubFactory(ShiftFactory)
    candidate = factory.SubFactory(CandidateFactory)
    starts_at = factory.SelfAttribute("shift.starts_at")
    ends_at = factory.SelfAttribute("shift.ends_at")
