"""Contacts (interactions) with organisations and persons, the actions that follow them, and
the personal calendar feed of open actions."""

from __future__ import annotations

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.relations.managers import HeldQuerySet


class InteractionKind(models.TextChoices):
    CONVERSATION = "gesprek", _("Conversation")
    PHONE = "telefoon", _("Phone call")
    EMAIL = "e-mail", _("E-mail")
    MEETING = "overleg", _("Meeting")


class Interaction(models.Model):
    """A contact with organisations and persons: who, when, about what, for which work."""

    personal_data = PersonalData(
        subjects=_("contact persons; staff"),
        fields=("persons", "staff", "summary"),
        purpose=_(
            "Keeping track of conversations with partners and funders, so colleagues can "
            "follow up and the network's knowledge is not lost."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_(
            "With the persons named; erasing a person removes her from the contact (the "
            "summary is written about organisations, not about her)."
        ),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="interactions",
        verbose_name=_("organisation"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=InteractionKind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    organisations = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="interactions_with",
        verbose_name=_("organisations"),
    )
    persons = models.ManyToManyField(
        "directory.Person", blank=True, related_name="interactions", verbose_name=_("persons")
    )
    staff = models.ManyToManyField(
        "accounts.User", blank=True, related_name="interactions", verbose_name=_("staff present")
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("programme"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("activity"),
    )
    network = models.ForeignKey(
        "relations.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("network meeting of"),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = HeldQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["holder", "date"])]

    def __str__(self) -> str:
        return f"{self.subject} ({date_format(self.date)})"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Action(models.Model):
    """A follow-up: what, by whom, by when; usually from a contact."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("owner",),
        purpose=_("Knowing who follows up what, and reminding her."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("As long as the contact it follows up."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("organisation"),
    )
    interaction = models.ForeignKey(
        Interaction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("contact"),
    )
    title = models.CharField(_("action"), max_length=200)
    owner = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("set by")
    )

    objects = HeldQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        indexes = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title


class CalendarFeed(models.Model):
    """A user's secret address for her calendar of actions and events. Knowing the address
    is the permission (calendar programs cannot sign in), so it is long, random, stored
    only as a hash, and replaced when she asks."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
