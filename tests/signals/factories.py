"""Factories of signals' records. Signals made here skip the scrubber (their texts hold no
personal data); a test of what is stored goes through `signal_record`. Every part's tests
may use these; add, do not rewrite."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from koers.signals.models import (
    AgendaItem,
    Case,
    CaseContact,
    CaseType,
    Category,
    Client,
    Meeting,
    Signal,
    SupportVolunteer,
)
from koers.signals.weeks import IsoWeek
from tests.directory.factories import MunicipalityFactory, OrganisationFactory, PersonFactory
from tests.plans.factories import ActivityFactory


def flevoland(code: str = "GM0995", name: str = "Lelystad") -> object:
    """A municipality inside the default region (Flevoland, PV24)."""
    return MunicipalityFactory(code=code, name=name, slug=name.lower(), province_code="PV24")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    holder = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Categorie {n}")


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signal

    class Params:
        week = IsoWeek(2021, 10)

    holder = factory.SubFactory(OrganisationFactory)
    iso_year = factory.LazyAttribute(lambda o: o.week.year)
    iso_week = factory.LazyAttribute(lambda o: o.week.week)
    quarter = factory.LazyAttribute(lambda o: o.week.quarter)
    channel = "oco"
    law = "wlz"
    sentiment = "negatief"
    municipality = factory.LazyFunction(flevoland)
    description = "De wachtlijst voor het verpleeghuis is lang."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    holder = factory.SubFactory(OrganisationFactory)
    kind = "provincie"
    title = "Kwartaaloverleg provincie"
    held_on = dt.date(2021, 6, 10)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    holder = factory.SubFactory(OrganisationFactory)
    title = "Wachtlijsten Wlz"
    question = "Hoe kunnen de wachttijden voor een verpleeghuisplek korter?"


class CaseTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseType

    holder = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"OCO Wlz {n}")
    activity = factory.SubFactory(ActivityFactory)
    law = "wlz"


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    holder = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"C-{n:04d}")
    birth_band = "1940_1949"
    municipality = factory.LazyFunction(flevoland)
    law = "wlz"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    holder = factory.SubFactory(OrganisationFactory)
    case_type = factory.SubFactory(CaseTypeFactory, holder=factory.SelfAttribute("..holder"))
    client = factory.SubFactory(ClientFactory, holder=factory.SelfAttribute("..holder"))
    question = "Vraag over de indicatie voor langdurige zorg."
    supporter = None  # a user: pass one
    opened_on = dt.date(2021, 3, 1)


class CaseContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseContact

    case = factory.SubFactory(CaseFactory)
    on = dt.date(2021, 3, 1)
    minutes = 45
    form = "telefoon"


# --- entry (signals:index, signal_add, contacts) -------------------------------------------


class SignalContactFactory(factory.django.DjangoModelFactory):
    """A resident waiting to hear back about a signal of the same holder."""

    class Meta:
        model = "signals.SignalContact"

    holder = factory.SubFactory(OrganisationFactory)
    signal = factory.SubFactory(SignalFactory, holder=factory.SelfAttribute("..holder"))
    name = "Bewoner"
    email = "bewoner@example.org"
    consent_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) - dt.timedelta(days=3))
    retain_until = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=180))


# --- cases ---
# --- demo + measures (part F) ---


class SupportVolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportVolunteer

    holder = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, holder=factory.SelfAttribute("..holder"))
    case_type = factory.SubFactory(CaseTypeFactory, holder=factory.SelfAttribute("..holder"))
    started_on = dt.date(2021, 1, 1)


# --- analysis ---


def signals_in(
    holder: object,
    count: int,
    *,
    week: IsoWeek | None = None,
    category: object | None = None,
    municipality: object | None = None,
    law: str = "wlz",
    channel: str = "oco",
) -> None:
    """`count` signals of `holder` in one week, theme, municipality, law and channel, made in
    one insert (the analysis counts them; their text does not matter)."""
    week = week or IsoWeek(2021, 10)
    Signal.objects.bulk_create(
        Signal(
            holder=holder,
            iso_year=week.year,
            iso_week=week.week,
            quarter=week.quarter,
            channel=channel,
            law=law,
            sentiment="negatief",
            category=category,
            municipality=municipality,
            description="Voorbeeld",
        )
        for _ in range(count)
    )
