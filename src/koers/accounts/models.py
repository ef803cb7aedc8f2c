from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.accounts.roles import STAFF_ROLES, Role
from koers.core.dates import timestamp


class User(AbstractUser):
    """A person who signs in. What she may do comes from her memberships, not from flags."""

    # A URL naming a user (a staff member's hours) names a record of the organisations she
    # is a member of (koers.core.records).
    TENANT_PATH = "memberships__organisation"

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A user's role in one organisation, optionally limited to programmes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    programmes = models.ManyToManyField(
        "plans.Programme",
        blank=True,
        related_name="coordinator_memberships",
        verbose_name=_("programmes"),
        help_text=_("For programme coordinators: the programmes they coordinate."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.organisation})"

    def clean(self) -> None:
        if self.user_id is None or self.organisation_id is None:
            return
        if staff_organisation_elsewhere(self.user_id, self.role, self.organisation_id):
            # Not named: where she works is that organisation's business, and whoever adds
            # the role here may be another organisation's beheerder.
            raise ValidationError({"role": one_staff_organisation(_("another organisation"))})


def staff_organisation_elsewhere(user_id: int, role: str, organisation_id: int) -> Any:
    """The other organisation where the user already works (holds a staff role), if `role`
    is a staff role: she works for one organisation only (`STAFF_ROLES`)."""
    if role not in STAFF_ROLES:
        return None
    other = (
        Membership.objects.filter(user_id=user_id, role__in=STAFF_ROLES)
        .exclude(organisation_id=organisation_id)
        .select_related("organisation")
        .first()
    )
    return other.organisation if other else None


def one_staff_organisation(organisation: Any) -> str:
    return _(
        "This account already works for %(organisation)s: hours, weeks and a staff profile "
        "belong to one organisation, so it can have a staff role in one organisation only. "
        "Give this person a separate account here, or a role that does not register hours "
        "(board, funder's official)."
    ) % {"organisation": organisation}


class UserSessionQuerySet(models.QuerySet["UserSession"]):
    def of(self, user: Any) -> UserSessionQuerySet:
        return self.filter(user=user, session__expire_date__gt=timezone.now())


class UserSession(models.Model):
    """One signed-in browser of a user, for "Mijn sessies".

    The row points at the session store's own row (`django_session`) rather than keeping
    a hash of its key: the store already holds that key in plain text as its primary key,
    so a hash here would protect nothing, while the link is what lets "end this session"
    delete the session itself, and makes this row go whenever the session goes (sign-out,
    timeout, `clearsessions`). The key is never shown; pages and URLs use `id`.
    """

    session = models.OneToOneField(
        "sessions.Session",
        on_delete=models.CASCADE,
        related_name="koers_user_session",
        verbose_name=_("session"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signed_in_sessions",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("signed in at"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen at"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=100, blank=True)

    objects = UserSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self) -> str:
        return f"{self.user} — {self.user_agent or '?'} ({timestamp(self.created_at)})"
