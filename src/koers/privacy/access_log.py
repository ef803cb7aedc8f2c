"""Logging access to persons' data (NEN 7513): every view, list, search, export or print.

One call per request, one record per person shown, written in one insert. Views call
`log_access` after the permission check and before the data goes out, so what was
refused is not logged as seen and what was seen is never missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import HttpRequest

from koers.accounts.policy import grants_of
from koers.core.http import client_address
from koers.privacy.models import AccessAction, AccessRecord

# A person's record in the log: (subject_type, subject_id, organisation_id). The log's own
# downloads name persons this way, as the log does, also after their erasure.
Subject = tuple[str, int, int]


def roles_in(user: Any, organisation_id: int) -> str:
    """The roles the user holds in `organisation_id`, as the log states them."""
    roles = sorted({g.role.label for g in grants_of(user) if g.organisation_id == organisation_id})
    return ", ".join(str(role) for role in roles)[:200]


def log_access(
    request: HttpRequest,
    action: AccessAction,
    subjects: Iterable[models.Model],
    *,
    detail: str = "",
    reason: str = "",
) -> int:
    """Record that `request.user` did `action` on each of `subjects`; returns the count."""
    return log_access_to(
        request,
        action,
        (
            (subject._meta.label_lower, int(subject.pk), subject.holder_id)  # type: ignore[attr-defined]
            for subject in subjects
        ),
        detail=detail,
        reason=reason,
    )


def log_access_to(
    request: HttpRequest,
    action: AccessAction,
    subjects: Iterable[Subject],
    *,
    detail: str = "",
    reason: str = "",
) -> int:
    """`log_access` for persons named as the log names them (see `Subject`)."""
    user: Any = request.user  # signed in: every view that logs requires it
    records = []
    roles: dict[int, str] = {}
    for subject_type, subject_id, organisation_id in subjects:
        if organisation_id not in roles:
            roles[organisation_id] = roles_in(request.user, organisation_id)
        records.append(
            AccessRecord(
                user=user,
                roles=roles[organisation_id],
                organisation_id=organisation_id,
                subject_type=subject_type,
                subject_id=subject_id,
                action=action,
                detail=detail[:300],
                reason=reason[:300],
                remote_addr=client_address(request),
            )
        )
    AccessRecord.objects.bulk_create(records)
    return len(records)
