"""The audit trail of writes: every service calls `audit_write` inside its transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from koers.core.models import AuditEntry

# What each audit action is called on screen; every app adds its own in ready().
ACTION_LABELS: dict[str, Any] = {}


def register_action_labels(labels: dict[str, Any]) -> None:
    ACTION_LABELS.update(labels)


def plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The given fields of `instance` as JSON-safe values, for before/after records."""
    return {name: plain(getattr(instance, name)) for name in fields}


def context_of(instance: models.Model) -> str:
    return f"{instance._meta.label_lower}:{instance.pk}"


# How a record reaches the organisation whose records it is, tried in order. Core knows
# the relation names, not the models, so it stays below the apps that define them.
# A model whose path is none of these, or whose first match is not its holder, declares its
# own as `TENANT_PATH` (an ORM lookup such as "grant__organisation").
ORGANISATION_PATHS = (
    ("person", "holder"),  # before "organisation": a position's organisation is not the holder
    # Before "organisation": an initiative's, an opportunity's or a member employer's
    # `organisation` is whom it is about; its `holder` is whose record it is.
    ("holder",),
    ("organisation",),
    ("plan", "organisation"),
    ("programme", "plan", "organisation"),
    ("annual_plan", "plan", "organisation"),
    ("activity", "programme", "plan", "organisation"),
    ("indicator", "activity", "programme", "plan", "organisation"),
)


def organisation_of(instance: models.Model) -> int | None:
    """The id of the organisation `instance` belongs to, or None (goals, a user with
    memberships in several organisations or none)."""
    declared = getattr(type(instance), "TENANT_PATH", None)
    paths = (tuple(declared.split("__")),) if declared else ORGANISATION_PATHS
    for path in paths:
        current: Any = instance
        for step in path[:-1]:
            current = getattr(current, step, None)
            if not isinstance(current, models.Model):
                break  # missing, or a reverse relation (a user's memberships): no one owner
        else:
            value = getattr(current, f"{path[-1]}_id", None)
            if isinstance(value, int):
                return value
    return None


def audit_write(
    *,
    actor: Any,
    action: str,
    instance: models.Model,
    context: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    remote_addr: str | None = None,
    organisation_id: int | None = None,
) -> AuditEntry:
    changes: dict[str, Any] = {}
    if before is not None or after is not None:
        before = before or {}
        after = after or {}
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                changes[key] = [before.get(key), after.get(key)]
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        subject_type=instance._meta.label_lower,
        subject_id=instance.pk,
        subject_repr=str(instance)[:300],
        context=context or context_of(instance),
        changes=changes,
        remote_addr=remote_addr,
        organisation_id=organisation_id or organisation_of(instance),
    )


INSTALLATION = "core.installation"
# The names of what an installation entry records, as the audit log shows them.
INSTALLATION_FIELDS = {
    "archive": _("archive"),
    "sha256": _("SHA-256 checksum"),
    "created_at": _("backup made at"),
    "database": _("database"),
    "key_id": _("backup key"),
    "encrypted": _("encrypted"),
    "by": _("run by (user on the server)"),
}


def audit_installation(*, action: str, subject: str, after: dict[str, Any]) -> list[AuditEntry]:
    """Record something that happened to the whole installation rather than to one record,
    such as a restore that replaced all data. No user does it (it runs at the machine), so
    `after` says who did.

    Each organisation's administrators read only their own organisation's entries, so the
    entry is written once for every organisation the audit log holds entries of (once with
    no organisation when it holds none): each of them sees it in its own log.
    """
    organisations: list[int | None] = list(
        AuditEntry.objects.exclude(organisation_id=None)
        .order_by("organisation_id")
        .values_list("organisation_id", flat=True)
        .distinct()
    ) or [None]
    changes = {key: [None, plain(value)] for key, value in sorted(after.items())}
    with transaction.atomic():
        return [
            AuditEntry.objects.create(
                action=action,
                subject_type=INSTALLATION,
                subject_id=0,
                subject_repr=subject[:300],
                context=INSTALLATION,
                changes=changes,
                organisation_id=organisation_id,
            )
            for organisation_id in organisations
        ]
