"""Passwords are stored with Argon2id (koers.accounts.passwords.Argon2idHasher: 19 MiB, 2
passes, 1 lane), and every older hash — PBKDF2, or Argon2 with Django's own parameters — is
stored again with it at its owner's next successful sign-in. These tests run with the
installation's hashers (the rest of the suite uses a fast one)."""

from __future__ import annotations

import importlib
import os
from typing import Any

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import Client
from django.urls import reverse

from koers.accounts.passwords import Argon2idHasher
from koers.accounts.roles import Role
from tests.accounts.factories import PASSWORD, MembershipFactory

OURS = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


@pytest.fixture
def real_hashers(settings: Any) -> list[str]:
    installed = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"]).PASSWORD_HASHERS
    settings.PASSWORD_HASHERS = installed
    return list(installed)


@pytest.fixture
def member(db: Any) -> Any:
    return MembershipFactory(role=Role.TOEZICHT).user  # no second factor: the password step


def _signed_in(user: Any, password: str = PASSWORD) -> int:
    response = Client().post(
        reverse("accounts:login"), {"username": user.username, "password": password}
    )
    return response.status_code


def test_the_installation_hashes_new_passwords_with_argon2id(
    real_hashers: list[str], member: Any
) -> None:
    assert isinstance(identify_hasher(make_password("x")), Argon2idHasher)
    member.set_password(PASSWORD)
    member.save()
    assert member.password.startswith(OURS)
    assert _signed_in(member) == 302


@pytest.mark.parametrize(
    "older", ["pbkdf2_sha256", "django.contrib.auth.hashers.Argon2PasswordHasher"]
)
def test_an_older_hash_is_stored_again_with_argon2id_at_the_next_sign_in(
    real_hashers: list[str], member: Any, settings: Any, older: str
) -> None:
    if "." in older:  # Argon2 with Django's parameters (100 MiB, 8 lanes)
        settings.PASSWORD_HASHERS = [older]
        encoded = make_password(PASSWORD)
        settings.PASSWORD_HASHERS = real_hashers
    else:
        encoded = make_password(PASSWORD, hasher=older)
    assert not encoded.startswith(OURS)
    type(member).objects.filter(pk=member.pk).update(password=encoded)

    assert _signed_in(member, "niet-haar-wachtwoord") == 200  # refused: nothing stored again
    member.refresh_from_db()
    assert member.password == encoded

    assert _signed_in(member) == 302
    member.refresh_from_db()
    assert member.password.startswith(OURS)
    assert _signed_in(member) == 302  # and the new hash signs her in
