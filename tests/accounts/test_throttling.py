"""Repeated failed sign-ins lock that user name from that address, and nothing more."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.accounts.roles import Role
from tests.accounts.factories import PASSWORD, MembershipFactory
from tests.accounts.test_password_reset import run_queued_tasks


def attempt(username: str, password: str, address: str = "10.0.0.1") -> Any:
    return Client(REMOTE_ADDR=address).post(
        reverse("accounts:login"), {"username": username, "password": password}
    )


@pytest.fixture
def member(db: Any) -> Any:
    return MembershipFactory(role=Role.MEDEWERKER).user


def test_the_fifth_failure_locks_even_the_right_password_out(member: Any) -> None:
    for _ in range(4):
        assert attempt(member.username, "fout-wachtwoord").status_code == 200
    assert attempt(member.username, "fout-wachtwoord").status_code == 429
    locked = attempt(member.username, PASSWORD)
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode()


def test_others_behind_the_same_address_can_still_sign_in(member: Any) -> None:
    colleague = MembershipFactory(role=Role.MEDEWERKER).user
    for _ in range(5):
        attempt(member.username, "fout-wachtwoord")
    assert attempt(colleague.username, PASSWORD).status_code == 302


def test_the_same_user_from_another_address_can_still_sign_in(member: Any) -> None:
    for _ in range(5):
        attempt(member.username, "fout-wachtwoord")
    assert attempt(member.username, PASSWORD, address="10.0.0.2").status_code == 302


def test_a_success_resets_the_count(member: Any) -> None:
    for _ in range(4):
        attempt(member.username, "fout-wachtwoord")
    assert attempt(member.username, PASSWORD).status_code == 302
    for _ in range(4):
        attempt(member.username, "fout-wachtwoord")
    assert attempt(member.username, PASSWORD).status_code == 302


def test_password_reset_requests_are_limited_per_email_without_telling(member: Any) -> None:
    from django.core import mail

    client = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(5):
        response = client.post(reverse("accounts:password_reset"), {"email": member.email})
        assert response.status_code == 302  # always the same answer
    assert run_queued_tasks() == [1, 1, 1]
    assert len(mail.outbox) == 3


def test_password_reset_requests_are_limited_per_address(db: Any) -> None:
    client = Client(REMOTE_ADDR="10.0.0.8")
    for number in range(10):
        response = client.post(
            reverse("accounts:password_reset"), {"email": f"iemand{number}@example.org"}
        )
        assert response.status_code == 302
    refused = client.post(reverse("accounts:password_reset"), {"email": "nog.een@example.org"})
    assert refused.status_code == 429  # Too Many Requests
    assert "Te veel aanvragen" in refused.content.decode()
