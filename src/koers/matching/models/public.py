"""What the public side of matching stores: a sign-up waiting for its e-mail confirmation,
and re-engagement campaigns with their "ik ben weer beschikbaar" links."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData


class PendingSignup(models.Model):
    """A sign-up from the public form. Nothing enters the pool or the directory until the
    e-mail address is confirmed through the link; unconfirmed ones are removed when they
    expire. The secret is stored as its SHA-256."""

    personal_data = PersonalData(
        subjects=_("people signing up for the talent pool"),
        fields=("email", "answers"),
        purpose=_("Confirming that whoever signed up owns the e-mail address given."),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_(
            "Until confirmed (then the answers move to the candidate and are removed here) "
            "or until the link expires (KOERS_MATCHING_SIGNUP_DAYS, default 7)."
        ),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="pending_signups",
        verbose_name=_("kept by"),
    )
    email = models.EmailField(_("e-mail address"))
    answers = models.JSONField(_("answers"), default=dict)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    candidate = models.ForeignKey(
        "matching.Candidate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("candidate"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pending sign-up")
        verbose_name_plural = _("pending sign-ups")

    def __str__(self) -> str:
        return str(self.created_at)


class ReengagementCampaign(models.Model):
    """A mailing to lapsed candidates asking whether they are available again."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="reengagement_campaigns",
        verbose_name=_("kept by"),
    )
    name = models.CharField(_("name"), max_length=200)
    message = models.TextField(_("message"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("re-engagement campaign")
        verbose_name_plural = _("re-engagement campaigns")

    def __str__(self) -> str:
        return self.name


class ReengagementInvite(models.Model):
    campaign = models.ForeignKey(
        ReengagementCampaign,
        on_delete=models.CASCADE,
        related_name="invites",
        verbose_name=_("campaign"),
    )
    candidate = models.ForeignKey(
        "matching.Candidate",
        on_delete=models.CASCADE,
        related_name="invites",
        verbose_name=_("candidate"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("re-engagement invitation")
        verbose_name_plural = _("re-engagement invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "candidate"], name="matching_invite_once_per_campaign"
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.candidate}"
