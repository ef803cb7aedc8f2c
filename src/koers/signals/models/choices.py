"""The fixed lists of signals: channels, laws, sentiments, the agenda's statuses, meetings,
and client support's forms of contact and age bands. Values are Dutch and stored; labels are
translated."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a signal reached the organisation."""

    OCO = "oco", _("Client support conversation (OCO)")
    ADVIESLIJN = "advieslijn", _("Zorgbelang advice line")
    EXPEX = "expex", _("Experience expert (ExpEx)")
    CLIENTENRAAD = "clientenraad", _("Client council")
    BIJEENKOMST = "bijeenkomst", _("Meeting")
    FORMULIER = "formulier", _("Online form")
    ENQUETE = "enquete", _("Survey")


class Law(models.TextChoices):
    """The law or domain a signal is about."""

    WMO = "wmo", _("Wmo (social support)")
    WLZ = "wlz", _("Wlz (long-term care)")
    ZVW = "zvw", _("Zvw (health insurance)")
    JEUGDWET = "jeugdwet", _("Youth Act (Jeugdwet)")
    PARTICIPATIEWET = "participatiewet", _("Participation Act")
    OVERIG = "overig", _("Other")


class Sentiment(models.TextChoices):
    POSITIEF = "positief", _("Positive")
    NEGATIEF = "negatief", _("Negative")
    GEMENGD = "gemengd", _("Mixed")


class AgendaStatus(models.TextChoices):
    """An agenda item's route, in order: bundled, interpreted, on a meeting's agenda, and
    what was done with it fed back."""

    NIEUW = "nieuw", _("New")
    GEDUID = "geduid", _("Interpreted")
    GEAGENDEERD = "geagendeerd", _("On the agenda")
    TERUGGEKOPPELD = "teruggekoppeld", _("Fed back")


AGENDA_ORDER = [status.value for status in AgendaStatus]


class MeetingKind(models.TextChoices):
    PROVINCIE = "provincie", _("Quarterly meeting with the province")
    GEMEENTE = "gemeente", _("Meeting with a municipality")
    ZORGTAFEL = "zorgtafel", _("Zorgtafel or another regional table")
    OVERIG = "overig", _("Other")


class ContactForm(models.TextChoices):
    """How a supporter spoke with a client."""

    TELEFOON = "telefoon", _("Phone")
    HUISBEZOEK = "huisbezoek", _("Home visit")
    SPREEKUUR = "spreekuur", _("Office hours")
    BEELDBELLEN = "beeldbellen", _("Video call")
    EMAIL = "email", _("E-mail")
    OVERIG = "overig", _("Other")


class BirthBand(models.TextChoices):
    """A client's age as a band of birth years, never a date: enough to see who is served."""

    TOT_1940 = "tot_1940", _("Born before 1940")
    JAREN_1940 = "1940_1949", _("Born 1940–1949")
    JAREN_1950 = "1950_1959", _("Born 1950–1959")
    JAREN_1960 = "1960_1969", _("Born 1960–1969")
    JAREN_1970 = "1970_1979", _("Born 1970–1979")
    JAREN_1980 = "1980_1989", _("Born 1980–1989")
    JAREN_1990 = "1990_1999", _("Born 1990–1999")
    VANAF_2000 = "vanaf_2000", _("Born in 2000 or later")
    ONBEKEND = "onbekend", _("Unknown")


class CaseOutcome(models.TextChoices):
    INFORMATIE = "informatie", _("Informed and advised")
    DOORVERWEZEN = "doorverwezen", _("Referred")
    OPGELOST = "opgelost", _("Question resolved")
    NIET_OPGELOST = "niet_opgelost", _("Not resolved")
    GESTOPT = "gestopt", _("Stopped by the client")


class TargetGroup(models.TextChoices):
    """Who the signal is about."""

    OUDEREN = "ouderen", _("Older people")
    JONGEREN = "jongeren", _("Young people")
    GEZINNEN = "gezinnen", _("Families")
    MANTELZORGERS = "mantelzorgers", _("Informal carers")
    BEPERKING = "beperking", _("People with a disability")
    GGZ = "ggz", _("People with mental health problems")
    ALGEMEEN = "algemeen", _("Residents in general")
