"""Behind the load balancer the README describes (KOERS_PROXY_COUNT=1) every place that
records or limits by address sees the client's address from X-Forwarded-For, not the
proxy's; without a proxy count the header is ignored, since anyone can send it (issue 15).

One table of the places that record an address, each run with and without the proxy."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from koers.accounts.roles import Role
from koers.core.models import AuditEntry, Municipality, RateLimitHit
from koers.privacy.models import AccessRecord
from tests.accounts.factories import MembershipFactory
from tests.conftest import World, verified_client
from tests.directory.factories import PersonFactory

CLIENT = "203.0.113.7"
PROXY = "10.0.0.1"
THROUGH_THE_PROXY = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": CLIENT}
SOURCE = Path(__file__).resolve().parents[2] / "src" / "koers"


def service_audit_entry(world: World) -> str | None:
    """An audit entry a service writes for a page: a comment on an activity."""
    client = world.client("opdrachtgever")
    url = reverse("plans:activity_comment", args=[world.activity.pk])
    assert (
        client.post(url, {"text": "Hoe staat het ervoor?"}, **THROUGH_THE_PROXY).status_code == 302
    )
    return AuditEntry.objects.get(action="activity_comment.post").remote_addr


def personal_data_access_record(world: World) -> str | None:
    """The access-log entry of viewing a person's page."""
    person = PersonFactory(holder=world.own)
    url = reverse("directory:person", args=[person.pk])
    assert world.client("medewerker").get(url, **THROUGH_THE_PROXY).status_code == 200
    return AccessRecord.objects.get(subject_id=person.pk).remote_addr


def admin_audit_entry(world: World) -> str | None:
    """The audit entry of a change made in the admin."""
    # Municipalities are shared: the installation administrator keeps them.
    client = verified_client(MembershipFactory(role=Role.INSTALLATIEBEHEERDER).user, Client())
    response = client.post(
        "/beheer/core/municipality/add/",
        {"code": "GM0184", "name": "Urk", "slug": "urk", "province_code": "PV24"},
        **THROUGH_THE_PROXY,
    )
    assert response.status_code == 302
    assert Municipality.objects.filter(code="GM0184").exists()
    return AuditEntry.objects.get(action="admin.add").remote_addr


def password_reset_limit(world: World) -> str | None:
    """The address the per-address password-reset limit counts the request under."""
    response = Client().post(
        reverse("accounts:password_reset"), {"email": "iemand@example.org"}, **THROUGH_THE_PROXY
    )
    assert response.status_code == 302
    [hit] = RateLimitHit.objects.filter(key__startswith="reset:ip:")
    return hit.key.removeprefix("reset:ip:")


def sign_in_throttle(world: World) -> str | None:
    """The address django-axes counts a failed sign-in under."""
    response = Client().post(
        reverse("accounts:login"),
        {"username": "provincie", "password": "fout"},
        **THROUGH_THE_PROXY,
    )
    assert response.status_code == 200
    return AccessAttempt.objects.get().ip_address


RECORDERS: list[Callable[[World], str | None]] = [
    service_audit_entry,
    personal_data_access_record,
    admin_audit_entry,
    password_reset_limit,
    sign_in_throttle,
]


@pytest.mark.parametrize("recorder", RECORDERS, ids=lambda recorder: recorder.__name__)
def test_behind_one_proxy_the_clients_address_is_recorded(
    world: World, settings: Any, recorder: Callable[[World], str | None]
) -> None:
    settings.PROXY_COUNT = 1
    assert recorder(world) == CLIENT


@pytest.mark.parametrize("recorder", RECORDERS, ids=lambda recorder: recorder.__name__)
def test_without_a_proxy_a_forwarded_address_is_ignored(
    world: World, settings: Any, recorder: Callable[[World], str | None]
) -> None:
    settings.PROXY_COUNT = 0
    assert recorder(world) == PROXY


def test_behind_one_proxy_one_clients_resets_do_not_block_another(db: Any, settings: Any) -> None:
    from koers.accounts.views import RESETS_PER_ADDRESS

    settings.PROXY_COUNT = 1

    def reset(client_address: str) -> int:
        return (
            Client()
            .post(
                reverse("accounts:password_reset"),
                {"email": "iemand@example.org"},
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=client_address,
            )
            .status_code
        )

    assert [reset(CLIENT) for _ in range(RESETS_PER_ADDRESS)] == [302] * RESETS_PER_ADDRESS
    assert reset(CLIENT) == 429
    assert reset("198.51.100.9") == 302


def test_a_client_cannot_choose_its_address_by_sending_the_header_itself(
    db: Any, settings: Any
) -> None:
    """Behind one proxy the proxy appends the address it saw; what the client wrote before
    it is not trusted."""
    from django.test import RequestFactory

    from koers.core.http import client_address

    settings.PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.9, {CLIENT}"
    )
    assert client_address(request) == CLIENT


def test_no_module_reads_the_peer_address_but_cores_helper() -> None:
    readers = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if re.search(r"REMOTE_ADDR|HTTP_X_FORWARDED_FOR", path.read_text(encoding="utf-8"))
    ]
    assert readers == ["core/http.py"]
