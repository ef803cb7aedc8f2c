"""The read side of re-engagement: which candidates have lapsed (whom a campaign asks), and
the campaigns with their counts, each counted in the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.matching.models import (
    Availability,
    Candidate,
    ReengagementCampaign,
    ReengagementInvite,
    Stage,
)

# Who left the pool or was sent elsewhere is not asked back by a mailing.
NOT_ASKED = (Stage.GESTOPT, Stage.NIET_INZETBAAR, Stage.DOORVERWEZEN)
DEFAULT_CALLBACK_WEEKS = 8


def callback_weeks() -> int:
    """Weeks without contact after which a deployable candidate counts as lapsed (the pool's
    call-back setting; 8 where it is not set)."""
    return int(getattr(settings, "MATCHING_CALLBACK_WEEKS", DEFAULT_CALLBACK_WEEKS))


def lapsed_candidates(holder_id: int, today: dt.date, now: dt.datetime) -> QuerySet[Candidate]:
    """Candidates of the pool whose every availability ended before today, and deployable
    ones nobody spoke to for `callback_weeks()` weeks (never spoken to: in the stage that
    long). Not: erased ones, those who stopped, were not deployable or were referred, nor
    whoever holds an unanswered invitation that still works."""
    current = Availability.objects.filter(candidate=OuterRef("pk")).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )
    any_availability = Availability.objects.filter(candidate=OuterRef("pk"))
    quiet_since = today - dt.timedelta(weeks=callback_weeks())
    open_invite = ReengagementInvite.objects.filter(
        candidate=OuterRef("pk"), answered_at__isnull=True, expires_at__gt=now
    )
    not_spoken_to = Q(last_contact_on__lt=quiet_since) | Q(
        last_contact_on__isnull=True, stage_since__lt=quiet_since
    )
    return (
        Candidate.objects.held_by(holder_id)
        .filter(erased_on__isnull=True, person__isnull=False)
        .exclude(stage__in=NOT_ASKED)
        .filter(
            (Exists(any_availability) & ~Exists(current))
            | (Q(stage=Stage.INZETBAAR) & not_spoken_to)
        )
        .exclude(Exists(open_invite))
    )


def lapsed_counts(holder_id: int, today: dt.date, now: dt.datetime) -> dict[str, int]:
    """How many have lapsed, and how many of them a mailing reaches (an e-mail address)."""
    return lapsed_candidates(holder_id, today, now).aggregate(
        lapsed=Count("pk"), reachable=Count("pk", filter=~Q(person__email=""))
    )


def campaigns_of(holder_ids: Any) -> QuerySet[ReengagementCampaign]:
    """The campaigns of these holders with their invitations and answers counted."""
    return (
        ReengagementCampaign.objects.filter(holder_id__in=holder_ids)
        .select_related("holder", "created_by")
        .annotate(
            sent=Count("invites"),
            answered=Count("invites", filter=Q(invites__answered_at__isnull=False)),
        )
    )


def sees_pool(user: Any, holder_id: int) -> bool:
    """Whether `user` sees the pool's people (staff with VIEW_MATCHING), not just counts."""
    return has_capability(user, Capability.VIEW_MATCHING, Scope(organisation_id=holder_id))


def may_manage_pool(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id))
