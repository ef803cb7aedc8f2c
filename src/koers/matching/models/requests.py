"""Care and welfare organisations' requests for extra hands, and their shifts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.core.versioning import VersionedModel
from koers.matching.models.choices import CareRole, Priority, RequestStatus


class HelpRequestQuerySet(models.QuerySet["HelpRequest"]):
    def visible_to(self, user: object) -> HelpRequestQuerySet:
        from koers.matching.managers import requests_visible_to

        return self.filter(requests_visible_to(user))

    def held_by(self, organisation_id: int) -> HelpRequestQuerySet:
        return self.filter(holder_id=organisation_id)

    def open(self) -> HelpRequestQuerySet:
        return self.filter(status__in=(RequestStatus.NIEUW, RequestStatus.OPEN))


class HelpRequest(VersionedModel):
    """A request from a care or welfare organisation: how many people in which role, on
    which shifts (or one period), where, with which qualifications. Its priority is set by
    the GGD/GHOR's official only (`Capability.PRIORITISE_REQUESTS`); until then it is
    matched at normal weight and shown as not yet prioritised."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="held_help_requests",
        verbose_name=_("kept by"),
    )
    requester = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="help_requests",
        verbose_name=_("requesting organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=CareRole.choices)
    people_needed = models.PositiveSmallIntegerField(_("people per shift"), default=1)
    required_qualifications = models.JSONField(
        _("required qualifications"),
        default=list,
        blank=True,
        help_text=_("Kinds of qualification each person must hold, valid on the shift's date."),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="help_requests",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, null=True, blank=True
    )
    priority_note = models.CharField(_("reason for the priority"), max_length=300, blank=True)
    priority_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("priority set by"),
    )
    priority_set_at = models.DateTimeField(_("priority set at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NIEUW
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("request for extra hands")
        verbose_name_plural = _("requests for extra hands")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(people_needed__gte=1), name="matching_request_people"
            ),
            models.CheckConstraint(
                condition=models.Q(priority__isnull=True)
                | models.Q(priority__gte=1, priority__lte=4),
                name="matching_request_priority_range",
            ),
        ]
        indexes = [
            models.Index(fields=["holder", "status"]),
            models.Index(fields=["requester", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.requester}: {self.get_role_display()}"

    def get_absolute_url(self) -> str:
        return reverse("matching:request", args=[self.pk])


class Shift(models.Model):
    """A time range to fill with `people_needed` people. A request for a period is one
    shift over the period."""

    TENANT_PATH = "request__holder"  # whose record it is (koers.core.records)

    request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("request")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    people_needed = models.PositiveSmallIntegerField(_("people needed"), default=1)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="matching_shift_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(people_needed__gte=1), name="matching_shift_people"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{date_format(starts, 'DATETIME_FORMAT')}–{ends:%H:%M}"
