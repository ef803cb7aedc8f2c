"""Read side of the pool: the pool page's figures, the candidates' list, the call-back list
and what one candidate's page shows. Every function costs a fixed number of queries,
whatever the size of the pool; every count is made in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.matching.funnel import Funnel, funnel_of
from koers.matching.models import (
    ALL_WEEKDAYS,
    Availability,
    Candidate,
    CandidateRole,
    CareRole,
    Placement,
    Qualification,
    Stage,
)
from koers.matching.pool import (
    DEPLOYABLE_STAGES,
    availability_covers_q,
    available_by_role,
    available_candidates,
)
from koers.matching.qualifying import ROLE_QUALIFICATIONS, is_valid_on, qualifies_for_role_q

# Stages in which a candidate is still in the pool (not stopped, finished or gone elsewhere).
ACTIVE_STAGES = tuple(
    stage
    for stage in Stage.values
    if stage not in (Stage.GESTOPT, Stage.AFGEROND, Stage.DOORVERWEZEN, Stage.NIET_INZETBAAR)
)
# A qualification ending within this many days shows as expiring.
EXPIRING_DAYS = 60


def pool_targets(setting: str | None = None) -> dict[str, int]:
    """{role: target} from MATCHING_POOL_TARGETS ("verzorgende=10,verpleegkundige=10"); an
    unknown role or a number that is not one is left out."""
    text = settings.MATCHING_POOL_TARGETS if setting is None else setting
    targets: dict[str, int] = {}
    for part in str(text).split(","):
        role, _sep, number = part.partition("=")
        role = role.strip()
        if role in CareRole.values and number.strip().isdigit():
            targets[role] = int(number.strip())
    return targets


@dataclass(frozen=True)
class RoleFigure:
    role: str
    label: str
    available: int
    target: int | None

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.available >= self.target

    @property
    def short(self) -> int:
        return max(0, (self.target or 0) - self.available)


@dataclass(frozen=True)
class PoolFigures:
    day: dt.date
    roles: list[RoleFigure]
    callbacks: int
    funnel: Funnel


def pool_figures(holder_id: int, day: dt.date) -> PoolFigures:
    """The pool page's figures, in three queries: available per role against the targets
    (roles with a target first, then the others that have someone), the call-back count and
    the funnel."""
    available = available_by_role(holder_id, day)
    targets = pool_targets()
    roles = [
        RoleFigure(role, str(CareRole(role).label), available[role], targets[role])
        for role in targets
    ]
    roles += [
        RoleFigure(role, str(CareRole(role).label), available[role], None)
        for role in CareRole.values
        if role not in targets and available[role]
    ]
    return PoolFigures(
        day=day,
        roles=roles,
        callbacks=callback_candidates(holder_id, day).count(),
        funnel=funnel_of(holder_id),
    )


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def callback_candidates(holder_id: int, day: dt.date) -> QuerySet[Candidate]:
    """Whom to call back: a deployable candidate without availability for today or later,
    or without a valid qualification for one of her roles; and anyone still in the pool
    nobody spoke to for MATCHING_CALLBACK_WEEKS weeks (since sign-up, if never). Each row
    says which (`availability_lapsed`, `qualification_lapsed`, `quiet`)."""
    quiet_since = day - dt.timedelta(weeks=settings.MATCHING_CALLBACK_WEEKS)
    current = Availability.objects.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day), candidate=OuterRef("pk")
    )
    deployable = Q(stage__in=DEPLOYABLE_STAGES)
    lapsed_role = Q()
    for role in ROLE_QUALIFICATIONS:
        has_role = CandidateRole.objects.filter(candidate=OuterRef("pk"), role=role)
        lapsed_role |= Q(Exists(has_role)) & ~qualifies_for_role_q(role, day)
    quiet = Q(last_contact_on__lt=quiet_since) | Q(
        last_contact_on__isnull=True, signed_up_on__lt=quiet_since
    )
    return (
        Candidate.objects.filter(holder_id=holder_id, stage__in=ACTIVE_STAGES, person__isnull=False)
        .annotate(
            availability_lapsed=_flag(deployable & ~Q(Exists(current))),
            qualification_lapsed=_flag(deployable & lapsed_role),
            quiet=_flag(quiet),
        )
        .filter(Q(availability_lapsed=True) | Q(qualification_lapsed=True) | Q(quiet=True))
    )


def candidates_for(user: Any) -> QuerySet[Candidate]:
    """The candidates she may see, with what the list shows (roles in one more query)."""
    return (
        Candidate.objects.visible_to(user)
        .select_related("person", "municipality")
        .prefetch_related("roles")
    )


def available_today_q(holder_ids: list[int], day: dt.date, role: str | None) -> Q:
    """Candidates available on `day` (for `role`), by pool.py's one definition."""
    condition = Q(pk__in=[])
    for holder_id in holder_ids:
        condition |= Q(pk__in=available_candidates(holder_id, day, role).values("pk"))
    return condition


def weekdays_text(mask: int) -> str:
    """The weekdays of a bitmask (Monday bit 0), in the reader's language."""
    if mask == ALL_WEEKDAYS:
        return _("every day")
    return ", ".join(str(WEEKDAYS[index]) for index in range(7) if mask & (1 << index))


@dataclass(frozen=True)
class QualificationRow:
    record: Qualification
    status: str  # valid | expiring | expired | not_yet
    text: str


def qualification_rows(candidate: Candidate, day: dt.date) -> list[QualificationRow]:
    rows = []
    for record in candidate.qualifications.all():
        until = record.valid_until
        if record.valid_from and record.valid_from > day:
            status = "not_yet"
            text = _("valid from %(day)s") % {"day": date_format(record.valid_from)}
        elif not is_valid_on(record, day):
            status = "expired"
            text = _("expired on %(day)s") % {"day": date_format(until) if until else ""}
        elif until is None:
            status = "valid"
            text = _("valid, does not expire")
        elif (until - day).days <= EXPIRING_DAYS:
            status = "expiring"
            text = _("valid, expires on %(day)s") % {"day": date_format(until)}
        else:
            status = "valid"
            text = _("valid until %(day)s") % {"day": date_format(until)}
        rows.append(QualificationRow(record, status, text))
    return rows


@dataclass(frozen=True)
class AvailabilityRow:
    record: Availability
    days: str
    overnight: bool
    current: bool


def availability_rows(candidate: Candidate, day: dt.date) -> list[AvailabilityRow]:
    current_ids = set(
        candidate.availability.filter(availability_covers_q(day)).values_list("pk", flat=True)
    )
    return [
        AvailabilityRow(
            record,
            weekdays_text(record.weekdays),
            record.end_time <= record.start_time,
            record.pk in current_ids,
        )
        for record in candidate.availability.all()
    ]


def placements_of(candidate: Candidate) -> QuerySet[Placement]:
    return Placement.objects.filter(candidate=candidate).select_related("shift__request__requester")
