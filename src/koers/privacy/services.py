"""Data-subject rights and retention: export and erasure of a person, the retention run.

Erasure removes the person and everything registered as linked to her, and redacts the
personal content of the audit trail about her record (the fact that changes happened
stays). The access log keeps only her id, so who saw her data stays answerable.

A person may have been kept twice and merged (`relations.services.person_merge`): the
logs, which are never rewritten, keep the removed record's id, and the merge's audit
entry (action PERSON_MERGED, about the removed record, in the kept one's history) says
where she went. `queries.person_ids` follows those entries, so her export, her access
history and her erasure cover both records.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.accounts.tasks import send_password_reset
from koers.core import append_only
from koers.core import imports as pending_imports
from koers.core.audit import audit_write, plain
from koers.core.models import AuditEntry, RateLimitHit
from koers.directory.models import PERSON_FIELDS, Organisation, Person
from koers.privacy import subjects
from koers.privacy.access_log import roles_in
from koers.privacy.audit_labels import RETENTION_SET
from koers.privacy.models import AccessAction, AccessRecord
from koers.privacy.queries import (
    PERSON_TYPE,
    person_context,
    person_ids,
    persons_due,
    retention_years,
)

logger = logging.getLogger(__name__)

REDACTED = AuditEntry.REDACTED
PERSON_EXPORT_FIELDS = [*PERSON_FIELDS, "is_example", "created_at", "updated_at"]


@transaction.atomic
def person_retention_set(
    actor: Any, organisation: Organisation, years: int | None, remote_addr: str | None = None
) -> Organisation:
    """Set how long `organisation` keeps the persons nothing links to any more (None: the
    installation's term). Only her organisation's privacy officer sets it: it is the
    controller of the persons it holds (docs/tenancy.md)."""
    if not has_capability(actor, Capability.MANAGE_PRIVACY, Scope(organisation.pk)):
        raise PermissionDenied
    stored = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = {"person_retention_years": stored.person_retention_years}
    stored.person_retention_years = years
    # Its range, as the form checks it, for callers without a form.
    stored.clean_fields(
        exclude=[f.name for f in Organisation._meta.fields if f.name != "person_retention_years"]
    )
    stored.save(update_fields=["person_retention_years"])
    audit_write(
        actor=actor,
        action=RETENTION_SET,
        instance=stored,
        before=before,
        after={"person_retention_years": years},
        remote_addr=remote_addr,
        organisation_id=stored.pk,
    )
    return stored


def person_export(person: Person) -> dict[str, Any]:
    """Everything Koers holds about `person`, across every app (AVG art. 15 and 20)."""
    ids = person_ids(person.pk)
    history = AuditEntry.objects.filter(context__in=[person_context(pk) for pk in ids])
    accesses = (
        AccessRecord.objects.filter(subject_type=PERSON_TYPE, subject_id__in=ids)
        .select_related("user")
        .order_by("at", "id")
    )
    return {
        "person": {name: plain(getattr(person, name)) for name in PERSON_EXPORT_FIELDS},
        "held_by": str(person.holder),
        "positions": [
            {
                "organisation": str(position.organisation),
                "title": position.title,
                "from": plain(position.started_on),
                "until": plain(position.ended_on),
            }
            for position in person.positions.select_related("organisation")
        ],
        "linked_records": {links.name: links.export(person) for links in subjects.registered()},
        "changes": [
            {
                "at": plain(entry.at),
                "by": str(entry.actor) if entry.actor else "",
                "action": entry.action,
                "changes": entry.changes,
            }
            for entry in history.select_related("actor").order_by("at", "id")
        ],
        "accessed_by": [
            {
                "at": plain(record.at),
                "by": str(record.user),
                "role": record.roles,
                "action": record.action,
                "reason": record.reason,
            }
            for record in accesses
        ],
    }


@transaction.atomic
def person_erase(
    person: Person, *, actor: Any, remote_addr: str | None, reason: str
) -> dict[str, int]:
    """Remove `person` and every record linked to her; returns counts per kind. The actor
    answers data-subject requests for the person's holder (MANAGE_PRIVACY); `actor=None`
    is the retention job, which the register allows to erase on its own."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if actor is not None and not has_capability(
        actor, Capability.MANAGE_PRIVACY, Scope(organisation_id=person.holder_id)
    ):
        raise PermissionDenied
    counts = {links.name: links.erase(person) for links in subjects.registered()}
    counts["positions"] = person.positions.count()
    person_id, holder_id = person.pk, person.holder_id
    ids = person_ids(person_id)  # her records merged into this one too
    # The audit trail keeps that changes happened and by whom, not what they said about her.
    counts["audit_entries_redacted"] = AuditEntry.objects.filter(
        Q(context__in=[person_context(pk) for pk in ids])
        | Q(subject_type=PERSON_TYPE, subject_id__in=ids)
    ).redact()
    person.delete()
    AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action="person.erased",
        subject_type=PERSON_TYPE,
        subject_id=person_id,
        subject_repr=f"{REDACTED} (#{person_id})",
        context=person_context(person_id),
        changes={"reason": reason[:300], **counts},
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    if getattr(actor, "is_authenticated", False):
        AccessRecord.objects.create(
            user=actor,
            roles=roles_in(actor, holder_id),
            organisation_id=holder_id,
            subject_type=PERSON_TYPE,
            subject_id=person_id,
            action=AccessAction.ERASE,
            reason=reason[:300],
            remote_addr=remote_addr,
        )
    return counts


@dataclass
class RetentionReport:
    persons_erased: list[int] = field(default_factory=list)
    access_records_removed: int = 0
    sign_in_records_removed: int = 0
    rate_limit_hits_removed: int = 0
    password_reset_tasks_removed: int = 0
    task_results_removed: int = 0
    import_files_removed: int = 0
    # What is wrong with the logs' protection in the database (koers.core.append_only).
    log_protection_problems: list[str] = field(default_factory=list)


def retention_enforce(now: dt.datetime | None = None) -> RetentionReport:
    """Apply every retention rule of the register once; safe to run any number of times."""
    now = now or timezone.now()
    report = RetentionReport(log_protection_problems=append_only.problems())
    if report.log_protection_problems:
        logger.error("The logs are not append-only: %s", report.log_protection_problems)
    for person in Person.objects.filter(pk__in=persons_due(now)).select_related("holder"):
        person_erase(
            person,
            actor=None,
            remote_addr=None,
            reason=f"retention: unlinked for {retention_years(person.holder)} years",
        )
        report.persons_erased.append(person.pk)
    access_cutoff = now - dt.timedelta(days=round(365.25 * settings.ACCESS_LOG_RETENTION_YEARS))
    report.access_records_removed = AccessRecord.objects.filter(at__lt=access_cutoff).purge()
    report.sign_in_records_removed = _purge_sign_in_records(
        now - dt.timedelta(days=settings.SIGN_IN_LOG_RETENTION_DAYS)
    )
    report.rate_limit_hits_removed, _ = RateLimitHit.objects.filter(
        at__lt=now - dt.timedelta(days=1)
    ).delete()
    report.password_reset_tasks_removed = _purge_password_reset_tasks(now - dt.timedelta(days=1))
    report.task_results_removed = _purge_task_results(
        now - dt.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    )
    report.import_files_removed = _remove_stale_uploads(now - dt.timedelta(days=1))
    return report


def _purge_password_reset_tasks(cutoff: dt.datetime) -> int:
    """Finished password-reset tasks hold the address someone typed (with or without an
    account): kept a day, like the rate-limit hits that hold it too."""
    return DBTaskResult.objects.filter(
        task_path=send_password_reset.module_path, finished_at__lt=cutoff
    ).delete()[0]


def _purge_task_results(cutoff: dt.datetime) -> int:
    """The worker's record of every finished task (its arguments and result): kept
    KOERS_TASK_RESULT_RETENTION_DAYS for finding out what went wrong, then removed. A task
    still waiting or running is never touched."""
    return DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()[0]


def _purge_sign_in_records(cutoff: dt.datetime) -> int:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    removed = 0
    removed += AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    removed += AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    removed += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return removed


def _remove_stale_uploads(cutoff: dt.datetime) -> int:
    folder = pending_imports.pending_dir()
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff.timestamp():
            path.unlink()
            removed += 1
    return removed
