"""Keys and calls for the API's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from koers.api.models import ApiScope, ApiToken
from koers.api.tokens import new_key
from koers.reports.models import ReportKind

ALL_SCOPES = tuple(ApiScope)


def make_key(
    user: Any,
    scopes: Iterable[ApiScope] = ALL_SCOPES,
    *,
    expires_in: dt.timedelta = dt.timedelta(days=30),
    revoked: bool = False,
) -> str:
    """A key of `user`'s, stored as the service stores it but without its checks (a key
    made while she held roles she has since lost, say); returns its text."""
    key = new_key()
    ApiToken.objects.create(
        user=user,
        name="test",
        prefix=key.prefix,
        digest=key.digest,
        scopes=[scope.value for scope in scopes],
        expires_at=timezone.now() + expires_in,
        revoked_at=timezone.now() if revoked else None,
    )
    return key.text


def call(path: str, key: str | None = None, client: Client | None = None, **headers: str) -> Any:
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    return (client or Client()).get(path, headers=headers)


def send_report(world: Any) -> Any:
    """A progress report of the world's plan, sent to the province (its snapshot taken)."""
    from koers.reports import services

    actor = world.users["directeur"]
    report = services.report_prepare(
        actor=world.users["bedrijfsvoering"],
        plan=world.plan,
        kind=ReportKind.PROGRESS,
        year=2021,
        quarter=3,
        last_year=2021,
        grant=None,
    )
    for step in (services.report_review, services.report_sign, services.report_send):
        report = step(actor=actor, report=report)
    return report


@pytest.fixture
def sent_report(world: Any) -> Any:
    return send_report(world)
