"""Factories of the atlas's records."""

from __future__ import annotations

import datetime as dt

import factory

from koers.atlas.models import Collaboration, Initiative, InitiativeKind, TieKind, TieSource
from tests.directory.factories import MunicipalityFactory, OrganisationFactory


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    holder = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Initiatief {n}")
    kind = InitiativeKind.RESIDENTS
    municipality = factory.SubFactory(
        MunicipalityFactory, code="GM0034", name="Almere", slug="almere"
    )
    confirmed_on = factory.LazyFunction(dt.date.today)


class CollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaboration

    holder = factory.SubFactory(OrganisationFactory)
    from_initiative = factory.SubFactory(
        InitiativeFactory, holder=factory.SelfAttribute("..holder")
    )
    to_organisation = factory.SubFactory(OrganisationFactory)
    kind = TieKind.COLLABORATION
    source = TieSource.CONVERSATION
    started_on = dt.date(2021, 3, 1)
