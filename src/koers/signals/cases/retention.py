"""Retention of client support: a closed case is removed once its kind of support's
retention has passed since its closing day, with its contacts and its links to the signals
raised from it (the signals stay: they hold no client); then every client left without a
case. Run daily by the task worker (`cases_retention_task`)."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef
from django_tasks import task

from koers.core.audit import audit_write
from koers.core.reference import default_reference
from koers.signals.models import Case, CaseType, Client

logger = logging.getLogger(__name__)


def months_after(day: dt.date, months: int) -> dt.date:
    """`day` moved `months` calendar months on; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class CasesRemoved:
    cases: int
    clients: int


def cases_due(today: dt.date) -> list[Case]:
    """The closed cases whose retention has passed on `today` (months counted on the
    calendar: closed on 31 January with 1 month, kept until 28/29 February). Per kind of
    support, only cases closed at least 28 days a month ago are read at all."""
    due: list[Case] = []
    for case_type in CaseType.objects.only("pk", "retention_months"):
        months = case_type.retention_months
        candidates = Case.objects.filter(
            case_type=case_type,
            closed_on__isnull=False,
            closed_on__lt=today - dt.timedelta(days=28 * months),
        ).only("pk", "holder_id", "closed_on")
        due += [
            case
            for case in candidates
            if case.closed_on is not None and months_after(case.closed_on, months) < today
        ]
    return due


@transaction.atomic
def cases_retention_enforce(today: dt.date | None = None) -> CasesRemoved:
    """Remove the cases due and then the clients without a case; each removal audited
    without an actor. Safe to run any number of times."""
    today = today or default_reference()
    due = cases_due(today)
    for case in due:
        audit_write(
            actor=None,
            action="case.removed_by_retention",
            instance=case,
            before={"closed_on": case.closed_on.isoformat() if case.closed_on else None},
            organisation_id=case.holder_id,
        )
    ids = [case.pk for case in due]
    Case.raised_signals.through.objects.filter(case_id__in=ids).delete()
    Case.objects.filter(pk__in=ids).delete()
    orphans = Client.objects.filter(~Exists(Case.objects.filter(client_id=OuterRef("pk"))))
    removed_clients = orphans.count()
    orphans.delete()
    return CasesRemoved(cases=len(ids), clients=removed_clients)


@task()
def cases_retention_task() -> dict[str, int]:
    removed = cases_retention_enforce()
    logger.info(
        "Client support retention: %s cases, %s clients removed", removed.cases, removed.clients
    )
    return {"cases": removed.cases, "clients": removed.clients}
