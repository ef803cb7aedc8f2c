"""Individual client support (OCO): the schemes a supporter works in, pseudonymous clients,
their cases and every contact in them, and the volunteers who take part.

A client is known by initials or a number, a band of birth years, a municipality and a
law: never a name or a date of birth. A case is opened only by its supporter, the
coordinator of the programme its scheme belongs to, and the director; every opening is in
the access log (NEN 7513). A closed case is removed when its scheme's retention has passed
(`koers.signals.cases.retention`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.versioning import VersionedModel
from koers.signals.managers import HeldQuerySet
from koers.signals.models.choices import BirthBand, CaseOutcome, ContactForm, Law


class CaseType(VersionedModel):
    """A scheme of client support ("OCO Wlz Flevoland en 't Gooi", "OCO Dronten sociaal
    domein"): the activity it is part of (and so its programme and coordinator), the law
    it mostly concerns and how long its closed cases are kept."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="case_types",
        verbose_name=_("kept by"),
    )
    name = models.CharField(_("name"), max_length=200)
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.PROTECT,
        related_name="case_types",
        verbose_name=_("activity"),
    )
    law = models.CharField(_("law or domain"), max_length=20, choices=Law.choices)
    retention_months = models.PositiveSmallIntegerField(
        _("kept after closing (months)"), default=24
    )
    active = models.BooleanField(_("in use"), default=True)

    objects = HeldQuerySet["CaseType"].as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kind of client support")
        verbose_name_plural = _("kinds of client support")
        constraints = [
            models.UniqueConstraint(fields=["holder", "name"], name="signals_casetype_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Client(models.Model):
    """A client by a pseudonym the supporter chooses (initials or a number)."""

    personal_data = PersonalData(
        subjects=_("clients of individual client support"),
        fields=("reference", "birth_band", "municipality", "law"),
        purpose=_(
            "Giving independent client support and counting how many different clients "
            "were helped each month."
        ),
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        retention=_("Removed with the client's last case."),
        special_category=True,
        recipients=_("The supporter, her coordinator and the director."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="support_clients",
        verbose_name=_("kept by"),
    )
    reference = models.CharField(
        _("pseudonym"),
        max_length=20,
        help_text=_("Initials or a number; never a name."),
    )
    birth_band = models.CharField(
        _("born"), max_length=12, choices=BirthBand.choices, default=BirthBand.ONBEKEND
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="support_clients",
        verbose_name=_("municipality"),
    )
    law = models.CharField(_("law or domain"), max_length=20, choices=Law.choices)

    class Meta:
        ordering = ["reference"]
        # "client" alone is the business sense elsewhere ("opdrachtgever"); here the person
        # supported (cliënt).
        verbose_name = pgettext_lazy("client support", "client")
        verbose_name_plural = pgettext_lazy("client support", "clients")
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "reference"], name="signals_client_unique_reference"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class Case(VersionedModel):
    personal_data = PersonalData(
        subjects=_("clients of individual client support"),
        fields=("client", "question", "outcome_note"),
        purpose=_("Giving independent client support and accounting for it in counts."),
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        retention=_("The retention of its kind of client support, counted from closing."),
        special_category=True,
        recipients=_("The supporter, her coordinator and the director."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="support_cases",
        verbose_name=_("kept by"),
    )
    case_type = models.ForeignKey(
        CaseType, on_delete=models.PROTECT, related_name="cases", verbose_name=_("kind")
    )
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=pgettext_lazy("client support", "client"),
    )
    question = models.TextField(_("question"))
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="support_cases",
        verbose_name=_("supporter"),
    )
    opened_on = models.DateField(_("opened on"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=CaseOutcome.choices, blank=True)
    outcome_note = models.TextField(_("about the outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # The signals raised from this case. Only the case knows them: a signal's page never
    # leads to a case, so reading signals never reveals a client.
    raised_signals = models.ManyToManyField(
        "signals.Signal", related_name="+", blank=True, verbose_name=_("signals raised")
    )

    objects = HeldQuerySet["Case"].as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("client support case")
        verbose_name_plural = _("client support cases")
        indexes = [models.Index(fields=["holder", "supporter"], name="signals_case_supporter")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="signals_case_closed_after_opened",
            ),
        ]

    def __str__(self) -> str:
        return _("Case %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("signals:case", args=[self.pk])


class CaseContact(models.Model):
    """One contact in a case: when, how long, in which form. What a client counts for in
    "unique clients per month" is a contact in that month."""

    TENANT_PATH = "case__holder"  # whose record it is (koers.core.records)

    personal_data = PersonalData(
        subjects=_("clients of individual client support"),
        fields=("note",),
        purpose=_("Giving independent client support and accounting for it in counts."),
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        retention=_("Removed with its case."),
        special_category=True,
    )

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("case")
    )
    on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    form = models.CharField(_("form"), max_length=20, choices=ContactForm.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("contact in a case")
        verbose_name_plural = _("contacts in cases")
        indexes = [models.Index(fields=["on"], name="signals_casecontact_on")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gte=1, minutes__lte=600),
                name="signals_casecontact_minutes",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} — {self.on}"


class SupportVolunteer(VersionedModel):
    """A volunteer (an experience expert) active in client support from `started_on`
    until `ended_on` (open: still active). Who she is lives in the directory."""

    personal_data = PersonalData(
        subjects=_("volunteers in client support"),
        fields=("person",),
        purpose=_("Coordinating volunteers and counting how many are active."),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_("The directory's retention of the person."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="support_volunteers",
        verbose_name=_("kept by"),
    )
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        related_name="support_volunteering",
        verbose_name=_("person"),
    )
    case_type = models.ForeignKey(
        CaseType,
        on_delete=models.PROTECT,
        related_name="volunteers",
        verbose_name=_("kind of client support"),
    )
    started_on = models.DateField(_("active from"))
    ended_on = models.DateField(_("active until"), null=True, blank=True)

    objects = HeldQuerySet["SupportVolunteer"].as_manager()

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = _("volunteer in client support")
        verbose_name_plural = _("volunteers in client support")

    def __str__(self) -> str:
        return str(self.person) if self.person_id else str(_("(erased)"))
