"""Writes of the API's keys: made and revoked by their own user, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.api.audit_labels import (
    KEY_CREATED,
    KEY_REVOKED,
    OPEN_DATA_PUBLISHED,
    OPEN_DATA_WITHDRAWN,
)
from koers.api.models import ApiScope, ApiToken, PublishedProgramme
from koers.api.scopes import scopes_open_to
from koers.api.tokens import new_key
from koers.core.audit import audit_write, plain
from koers.plans.models import Programme


@transaction.atomic
def token_create(
    user: Any,
    *,
    name: str,
    scopes: Iterable[ApiScope],
    expires_on: dt.date,
    remote_addr: str | None,
) -> tuple[ApiToken, str]:
    """A new key of `user`'s and its text, which is shown once and never stored."""
    chosen = sorted({ApiScope(scope) for scope in scopes})
    if not chosen:
        raise ValidationError(_("Choose at least one scope."))
    if not set(chosen) <= scopes_open_to(user):
        raise PermissionDenied
    today = timezone.localdate()
    if not today < expires_on <= today + dt.timedelta(days=settings.API_TOKEN_MAX_DAYS):
        raise ValidationError(
            _("A key expires after today and within %(days)d days.")
            % {"days": settings.API_TOKEN_MAX_DAYS}
        )
    key = new_key()
    expires_at = dt.datetime.combine(
        expires_on, dt.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
    )
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key.prefix,
        digest=key.digest,
        scopes=[scope.value for scope in chosen],
        expires_at=expires_at,
    )
    audit_write(
        actor=user,
        action=KEY_CREATED,
        instance=token,
        after={"name": name, "scopes": token.scopes, "expires_at": plain(expires_at)},
        remote_addr=remote_addr,
    )
    return token, key.text


@transaction.atomic
def token_revoke(user: Any, token: ApiToken, *, remote_addr: str | None) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.user_id != user.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_write(
            actor=user,
            action=KEY_REVOKED,
            instance=token,
            after={"revoked_at": plain(token.revoked_at)},
            remote_addr=remote_addr,
        )
    return token


@transaction.atomic
def open_data_set(
    user: Any, chosen: set[Programme], *, within: QuerySet[Programme], remote_addr: str | None
) -> tuple[int, int]:
    """Publish exactly `chosen` of the programmes `within` (hers to decide); returns how many
    were published and withdrawn. Each change is audited."""
    allowed = set(within)
    if not chosen <= allowed:
        raise PermissionDenied
    for programme in allowed:
        if not has_capability(
            user, Capability.ADMINISTER, Scope(organisation_id=programme.plan.organisation_id)
        ):
            raise PermissionDenied
    current = {p.programme_id: p for p in PublishedProgramme.objects.filter(programme__in=allowed)}
    added = removed = 0
    for programme in allowed:
        if programme in chosen and programme.pk not in current:
            record = PublishedProgramme.objects.create(programme=programme)
            audit_write(
                actor=user, action=OPEN_DATA_PUBLISHED, instance=record, remote_addr=remote_addr
            )
            added += 1
        elif programme not in chosen and programme.pk in current:
            record = current[programme.pk]
            audit_write(
                actor=user, action=OPEN_DATA_WITHDRAWN, instance=record, remote_addr=remote_addr
            )
            record.delete()
            removed += 1
    return added, removed
