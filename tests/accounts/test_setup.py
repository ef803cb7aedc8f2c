"""`koers setup`: the first run makes the organisation and its first beheerder, once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.accounts.two_factor import enforced_for
from koers.core.models import AuditEntry
from koers.directory.models import Organisation, OrganisationKind
from tests.accounts.factories import UserFactory

PASSWORD = "stevig-wachtwoord-voor-koers"
FLAGS = {"organisation": "Stichting Welzijn Noord", "username": "anna", "email": "anna@welzijn.nl"}


def counts() -> tuple[int, int, int, int]:
    return (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )


def setup(**options: Any) -> str:
    out = StringIO()
    call_command("setup", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def password_in_environment(monkeypatch: Any) -> None:
    monkeypatch.setenv("KOERS_SETUP_PASSWORD", PASSWORD)


def test_it_makes_the_organisation_and_its_first_beheerder(
    db: Any, password_in_environment: None
) -> None:
    said = setup(no_input=True, **FLAGS)
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.kind) == (
        "Stichting Welzijn Noord",
        OrganisationKind.OWN,
    )
    anna = User.objects.get(username="anna")
    assert anna.check_password(PASSWORD) and anna.email == "anna@welzijn.nl"
    assert not anna.is_superuser and not anna.is_staff
    assert list(Membership.objects.values_list("user", "organisation", "role")) == [
        (anna.pk, organisation.pk, Role.BEHEERDER)
    ]
    assert enforced_for(anna)  # she enrols two-step verification at her first sign-in
    entry = AuditEntry.objects.get(action="installation.set_up")
    assert entry.organisation_id == organisation.pk and entry.actor is None
    assert "Koers is ingericht" in said and "tweestapsverificatie" in said


def test_a_second_run_is_refused_with_the_reason_and_what_to_do(
    db: Any, password_in_environment: None
) -> None:
    setup(no_input=True, **FLAGS)
    before = counts()
    with pytest.raises(CommandError, match="Koers is in deze database al ingericht") as refused:
        setup(no_input=True, organisation="Nog een", username="bert", email="bert@x.nl")
    message = str(refused.value)
    assert "al ingericht" in message and "Stichting Welzijn Noord" in message and "anna" in message
    assert "/beheer/" in message and "changepassword" in message
    assert counts() == before


def test_it_refuses_a_database_with_an_organisation_of_its_own(
    db: Any, password_in_environment: None
) -> None:
    Organisation.objects.create(name="CMO", slug="cmo", kind=OrganisationKind.OWN)
    with pytest.raises(CommandError, match="al ingericht"):
        setup(no_input=True, **FLAGS)
    assert not User.objects.exists()


def test_a_platform_superuser_made_before_does_not_stand_in_the_way(
    db: Any, password_in_environment: None
) -> None:
    UserFactory(username="operator", is_superuser=True, is_staff=True)
    setup(no_input=True, **FLAGS)
    assert Membership.objects.get().user.username == "anna"


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("kort-wacht", "te kort"),
        ("123456789012345", "alleen cijfers"),
        ("anna@welzijn.nl!", "lijkt te veel op"),
    ],
)
def test_a_weak_password_is_refused_in_dutch_and_nothing_is_saved(
    db: Any, monkeypatch: Any, password: str, complaint: str
) -> None:
    monkeypatch.setenv("KOERS_SETUP_PASSWORD", password)
    with pytest.raises(CommandError) as refused:
        setup(no_input=True, **FLAGS)
    assert complaint in str(refused.value) and "Er is niets opgeslagen" in str(refused.value)
    assert counts() == (0, 0, 0, 0)


def test_without_input_it_names_what_is_missing(db: Any) -> None:
    with pytest.raises(CommandError) as refused:
        setup(no_input=True, organisation="Stichting Welzijn Noord")
    assert "--username" in str(refused.value) and "KOERS_SETUP_PASSWORD" in str(refused.value)
    assert counts() == (0, 0, 0, 0)


def test_interactively_it_asks_again_until_each_answer_is_right(db: Any, monkeypatch: Any) -> None:
    UserFactory(username="bezet")
    answers = iter(
        ["", "Stichting Welzijn Noord", "bezet", "anna", "geen-adres", "anna@welzijn.nl"]
    )
    passwords = iter(
        ["een-eerste-wachtwoord", "een-ander-wachtwoord", "kort", "kort", PASSWORD, PASSWORD]
    )
    monkeypatch.setattr("builtins.input", lambda question: next(answers))
    monkeypatch.setattr("getpass.getpass", lambda question: next(passwords))
    out, err = StringIO(), StringIO()
    call_command("setup", stdout=out, stderr=err)
    complaints = err.getvalue()
    assert "mag niet leeg zijn" in complaints
    assert "al een account met deze gebruikersnaam" in complaints
    assert "geldig e-mailadres" in complaints
    assert "wachtwoorden verschillen" in complaints
    assert "te kort" in complaints
    assert User.objects.get(username="anna").check_password(PASSWORD)


# A password each validator of the settings refuses (the user is anna, anna@welzijn.nl).
REFUSED_BY = {
    "MinimumLengthValidator": "kort-wacht",
    "NumericPasswordValidator": "987654321098765",
    "UserAttributeSimilarityValidator": "anna@welzijn.nl!",
    "CommonPasswordValidator": "qwerty123456",
}


def test_every_password_validator_refuses_in_dutch(db: Any) -> None:
    """Generated from the settings' validators: each one's refusal, in the language of the
    interface, differs from its English (Django 5.2's Dutch catalogue missed one)."""
    from django.contrib.auth.password_validation import get_default_password_validators
    from django.core.exceptions import ValidationError
    from django.utils import translation

    user = User(username="anna", email="anna@welzijn.nl")
    for validator in get_default_password_validators():
        password = REFUSED_BY[type(validator).__name__]
        said = {}
        for language in ("en", "nl"):
            with translation.override(language), pytest.raises(ValidationError) as refused:
                validator.validate(password, user)
            said[language] = " ".join(refused.value.messages)
        assert said["nl"] != said["en"], f"{type(validator).__name__}: {said['nl']}"
