"""Personal API keys and the log of what was asked with them.

A key acts for the user who made it, with her roles at the moment of each call (a role
taken away is reach taken away), narrowed to the scopes she chose, read-only and until
it expires or she revokes it. Only a SHA-256 digest of the secret is stored: the key is
shown once, at its making. A digest rather than a password hash, because the secret is
32 random bytes (nothing to guess) and a password hash would cost every call 30 ms.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.accounts.roles import Capability
from koers.core.privacy import LawfulBasis, PersonalData


class ApiScope(models.TextChoices):
    """What a key may read. Each scope still needs the capability its pages need."""

    PLANS = "plans", _("Goals, plans, programmes, activities and indicators")
    REPORTS = "reports", _("Reports sent, with their figures and checksums")
    PORTFOLIO = "portfolio", _("A funder's portfolio across her partners")
    STATISTICS = "statistics", _("Regional statistics (datasets)")


# The capability whose holders may choose each scope (the pages of the same data ask it).
SCOPE_CAPABILITY: dict[ApiScope, Capability] = {
    ApiScope.PLANS: Capability.VIEW_PLANS,
    ApiScope.REPORTS: Capability.VIEW_PLANS,
    ApiScope.PORTFOLIO: Capability.DECIDE_AS_FUNDER,
    ApiScope.STATISTICS: Capability.VIEW_STATISTICS,
}


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def of(self, user: Any) -> ApiTokenQuerySet:
        return self.filter(user=user).order_by("-created_at")

    def usable(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at=None, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    personal_data = PersonalData(
        subjects=_("users"),
        fields=("user", "name"),
        purpose=_(
            "Letting a user's own systems (a funder's dashboard) read what she may read, and "
            "showing her the keys she made so she can revoke them."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Until the user's account is removed; revoked and expired keys stay listed."),
    )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    # The key's first characters, shown in lists and used to find it; the rest is secret.
    prefix = models.CharField(_("begins with"), max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    def allows(self, scope: ApiScope) -> bool:
        return scope.value in self.scopes


class ApiCall(models.Model):
    """One call with a key: who asked what, when, from where, and the answer's status.
    Kept like the access log's own records: for the user herself (her key's last use) and
    for investigating misuse; the rate limit counts them."""

    personal_data = PersonalData(
        subjects=_("users"),
        fields=("token", "path", "remote_addr"),
        purpose=_(
            "Accountability for what was read through the API (who read what, when, from "
            "where) and limiting the rate of calls per key."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("One year (KOERS_API_LOG_RETENTION_DAYS), then removed every night."),
    )

    token = models.ForeignKey(
        ApiToken, on_delete=models.CASCADE, related_name="calls", verbose_name=_("API key")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    method = models.CharField(max_length=8)
    path = models.CharField(_("address"), max_length=500)
    status = models.PositiveSmallIntegerField(_("status"))
    remote_addr = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")
        # The rate limit counts a key's calls of the last minute; the list shows its last.
        indexes = [models.Index(fields=["token", "at"], name="api_call_token_at")]

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}"


class PublishedProgramme(models.Model):
    """A programme whose indicators' progress per quarter the installation publishes as
    open data (koers.api.open_data), chosen by its organisation's administrator."""

    TENANT_PATH = "programme__plan__organisation"

    programme = models.OneToOneField(
        "plans.Programme",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("programme"),
    )
    published_at = models.DateTimeField(_("published since"), default=timezone.now)

    class Meta:
        verbose_name = _("programme published as open data")
        verbose_name_plural = _("programmes published as open data")

    def __str__(self) -> str:
        return str(self.programme_id)
