"""A new session at sign-in; an end after inactivity and after a working day."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.accounts import session_limits
from koers.accounts.roles import Role
from tests.accounts.factories import PASSWORD, MembershipFactory


@pytest.fixture
def signed_in(db: Any) -> Client:
    user = MembershipFactory(role=Role.TOEZICHT).user  # needs no second factor
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    return client


def shift(client: Client, key: str, seconds: int) -> None:
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def test_signing_in_starts_a_new_session(db: Any) -> None:
    user = MembershipFactory(role=Role.MEDEWERKER).user
    client = Client()
    anonymous = client.session  # a session that exists before signing in (fixation attempt)
    anonymous["probe"] = 1
    anonymous.save()
    client.cookies["sessionid"] = anonymous.session_key
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    assert client.cookies["sessionid"].value != anonymous.session_key
    assert client.session.get("probe") == 1  # the data moved to the new key


def test_an_active_session_stays(signed_in: Client) -> None:
    shift(signed_in, session_limits.LAST_SEEN, 20 * 60)
    assert signed_in.get(reverse("plans:dashboard")).status_code == 200


def test_inactivity_signs_out(signed_in: Client) -> None:
    shift(signed_in, session_limits.LAST_SEEN, 31 * 60)
    response = signed_in.get(reverse("plans:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_session_ends_after_its_lifetime_however_active(signed_in: Client) -> None:
    shift(signed_in, session_limits.STARTED, 11 * 60 * 60)
    response = signed_in.get(reverse("plans:dashboard"))
    assert response.status_code == 302
