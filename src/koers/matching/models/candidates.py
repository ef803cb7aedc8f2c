"""Candidates of the talent pool: who, which roles, which qualifications until when, when
available, where from, and every step of the funnel and every call."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.versioning import VersionedModel
from koers.matching.managers import HeldByPoolQuerySet
from koers.matching.models.choices import CallOutcome, CareRole, QualificationKind, Route, Stage


class Candidate(VersionedModel):
    """One person in the pool. Who she is lives in the directory (`person`, with her own
    purpose, lawful basis and consent); this row holds what matching needs. When she is
    erased the person goes and this row stays without her (`erased_on`), so the counts
    of sign-ups, placements and referrals stay true."""

    personal_data = PersonalData(
        subjects=_("candidates of the talent pool"),
        fields=("person", "municipality", "max_travel_km", "route_note", "remarks"),
        purpose=_(
            "Matching volunteers and job seekers to care and welfare organisations that "
            "asked for help, and keeping the pool current by calling candidates back."
        ),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_(
            "Until she withdraws consent or asks to be removed; the person herself follows "
            "the directory's retention. Without her, the counts stay."
        ),
        recipients=_(
            "Staff of the organisation keeping the pool; a care organisation's contact sees "
            "the people proposed for its own requests. Never funders."
        ),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="pool_candidates",
        verbose_name=_("kept by"),
    )
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidacies",
        verbose_name=_("person"),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="pool_candidates",
        verbose_name=_("municipality of residence"),
    )
    max_travel_km = models.PositiveSmallIntegerField(
        _("travels up to (km)"),
        default=25,
        help_text=_("Distance between municipalities' centres, as the crow flies."),
    )
    route = models.CharField(_("came in through"), max_length=30, choices=Route.choices)
    route_note = models.CharField(
        _("route detail"),
        max_length=200,
        blank=True,
        help_text=_("Which campaign, who referred her, which employer (work-to-work)."),
    )
    remarks = models.TextField(
        _("remarks"),
        blank=True,
        help_text=_("Work-related only. Never health or other special categories of data."),
    )
    # The current stage and since when, kept with the history in `StageChange` by the
    # funnel's service, so the pool page filters without reading the history.
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.AANGEMELD
    )
    stage_since = models.DateField(_("in this stage since"))
    signed_up_on = models.DateField(_("signed up on"), db_index=True)
    last_contact_on = models.DateField(_("last spoken to"), null=True, blank=True)
    erased_on = models.DateField(_("erased on"), null=True, blank=True, editable=False)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = HeldByPoolQuerySet["Candidate"].as_manager()

    class Meta:
        ordering = ["-signed_up_on", "id"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [
            models.Index(fields=["holder", "stage"]),
            models.Index(fields=["holder", "last_contact_on"]),
        ]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else str(_("Removed candidate"))

    def get_absolute_url(self) -> str:
        return reverse("matching:candidate", args=[self.pk])


class CandidateRole(models.Model):
    TENANT_PATH = "candidate__holder"  # whose record it is (koers.core.records)

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="roles", verbose_name=_("candidate")
    )
    role = models.CharField(_("role"), max_length=20, choices=CareRole.choices)

    class Meta:
        ordering = ["role"]
        verbose_name = _("role of a candidate")
        verbose_name_plural = _("roles of candidates")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "role"], name="matching_role_once")
        ]
        indexes = [models.Index(fields=["role", "candidate"])]

    def __str__(self) -> str:
        return self.get_role_display()


class Qualification(models.Model):
    """A BIG registration, a diploma or a VOG. It counts from `valid_from` through
    `valid_until` (no end: it does not expire); an expired one stops counting that day."""

    TENANT_PATH = "candidate__holder"  # whose record it is (koers.core.records)

    personal_data = PersonalData(
        subjects=_("candidates of the talent pool"),
        fields=("reference",),
        purpose=_("Checking that a candidate may do the work she is proposed for."),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_("Removed with the candidate's person."),
    )

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="qualifications",
        verbose_name=_("candidate"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=QualificationKind.choices)
    reference = models.CharField(
        _("number or reference"),
        max_length=60,
        blank=True,
        help_text=_("The BIG number, the diploma's name or the VOG's date of issue."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: does not expire.")
    )
    checked_on = models.DateField(_("document seen on"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "-valid_until"]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="matching_qualification_period",
            )
        ]
        indexes = [models.Index(fields=["kind", "valid_until"])]

    def __str__(self) -> str:
        return self.get_kind_display()


# Weekdays as bits, Monday first (date.weekday() == bit position).
ALL_WEEKDAYS = 0b1111111


class Availability(models.Model):
    """When she can work: on these weekdays, between these hours (an end at or before the
    start runs past midnight: a night shift), from a date until "geldig tot"."""

    TENANT_PATH = "candidate__holder"  # whose record it is (koers.core.records)

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="availability",
        verbose_name=_("candidate"),
    )
    weekdays = models.PositiveSmallIntegerField(
        _("weekdays"), default=ALL_WEEKDAYS, help_text=_("Monday is bit 0, Sunday bit 6.")
    )
    start_time = models.TimeField(_("from (time)"))
    end_time = models.TimeField(_("until (time)"))
    valid_from = models.DateField(_("available from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["valid_from", "start_time"]
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="matching_availability_period",
            ),
            models.CheckConstraint(
                condition=models.Q(weekdays__gte=1, weekdays__lte=ALL_WEEKDAYS),
                name="matching_availability_weekdays",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"


class StageChange(models.Model):
    """One step of the funnel: which stage, on which day, who recorded it, and for a
    referral to whom, for a stop why."""

    TENANT_PATH = "candidate__holder"  # whose record it is (koers.core.records)

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="stage_changes",
        verbose_name=_("candidate"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    on = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    referred_to = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pool_referrals",
        verbose_name=_("referred to"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        indexes = [models.Index(fields=["stage", "on"])]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} ({self.on})"


class CallLog(models.Model):
    """A call to a candidate, mostly to keep the pool current ("actief nabellen")."""

    TENANT_PATH = "candidate__holder"  # whose record it is (koers.core.records)

    personal_data = PersonalData(
        subjects=_("candidates of the talent pool"),
        fields=("note",),
        purpose=_("Keeping the pool current by calling candidates back."),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_("Removed with the candidate's person."),
    )

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="calls", verbose_name=_("candidate")
    )
    called_on = models.DateField(_("called on"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("called by"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=CallOutcome.choices)
    still_available = models.BooleanField(_("still available"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-called_on", "-id"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.called_on})"
