"""The public sign-up of Extra handen: opt-in per installation; her answers wait until she
confirms her e-mail address through the mailed link; confirmed, she is a candidate of the
pool with her roles, qualifications and availability; a second use of the link makes
nothing twice; an expired one is gone; unconfirmed sign-ups are removed when they expire."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.core.privacy import LawfulBasis
from koers.directory.models import Person
from koers.matching.models import (
    Availability,
    Candidate,
    CandidateRole,
    PendingSignup,
    Qualification,
    Route,
    Stage,
    StageChange,
)
from koers.matching.public.links import token_hash
from koers.matching.public.signup_services import signup_retention_enforce
from tests.matching.factories_public import a_candidate, almere, lelystad

URL = "/extra-handen/aanmelden/"
LINK = re.compile(r"https?://[^\s]+/extra-handen/aanmelden/bevestigen/([^/\s]+)/")


@pytest.fixture
def public(world: Any, settings: Any) -> Any:
    settings.PUBLIC_MATCHING_SIGNUP = True
    settings.MATCHING_SIGNUP_HOLDER = world.own.slug
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    almere()
    lelystad()
    return world


def answers(**changes: Any) -> dict[str, Any]:
    until = (timezone.localdate() + dt.timedelta(days=365)).isoformat()
    data: dict[str, Any] = {
        "first_name": "Fatima",
        "infix": "",
        "last_name": "El Amrani",
        "email": "Fatima@Voorbeeld.nl",
        "phone": "06 12345678",
        "municipality": "GM0995",
        "max_travel_km": "30",
        "roles": ["verzorgende", "helpende"],
        "qualifications": ["diploma_vig", "vog"],
        "until_vog": until,
        "weekdays": ["0", "2", "4"],
        "start_time": "22:00",
        "end_time": "07:00",
        "available_from": "",
        "available_until": "",
        "route": "",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def sign_up(client: Client, capture: Any, **changes: Any) -> Any:
    with capture(execute=True):
        return client.post(URL, answers(**changes))


def link_in(mailoutbox: list[Any]) -> str:
    found = LINK.search(mailoutbox[-1].body)
    assert found, mailoutbox[-1].body
    return f"/extra-handen/aanmelden/bevestigen/{found.group(1)}/"


def test_the_sign_up_does_not_exist_unless_switched_on(world: Any) -> None:
    assert Client().get(URL).status_code == 404


def test_an_unknown_holder_slug_shows_nothing(world: Any, settings: Any) -> None:
    settings.PUBLIC_MATCHING_SIGNUP = True
    settings.MATCHING_SIGNUP_HOLDER = "bestaat-niet"
    assert Client().get(URL).status_code == 404


def test_the_form_asks_for_consent_with_the_purpose_in_dutch(public: Any) -> None:
    page = Client().get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Meld u aan om te helpen in zorg en welzijn" in text
    assert f"Ik ga ermee akkoord dat {public.own.name}" in text
    assert "no-store" in page["Cache-Control"]


def test_a_sign_up_waits_for_its_confirmation_and_mails_the_link(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    response = sign_up(Client(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"].endswith("?verzonden=1")
    pending = PendingSignup.objects.get()
    assert pending.holder == public.own
    assert pending.email == "fatima@voorbeeld.nl"
    assert pending.answers["roles"] == ["helpende", "verzorgende"]
    assert not Candidate.objects.exists()
    assert not Person.objects.filter(last_name="El Amrani").exists()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["fatima@voorbeeld.nl"]
    assert "Bevestig uw aanmelding" in mailoutbox[0].subject
    token = link_in(mailoutbox).rstrip("/").rsplit("/", 1)[1]
    # Only the secret's hash is stored, the one the worker made for the mail.
    pending.refresh_from_db()
    assert pending.token_hash == token_hash(token)
    assert token not in str(pending.answers)


def test_opening_the_link_confirms_nothing_until_she_presses_the_button(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    sign_up(Client(), django_capture_on_commit_callbacks)
    page = Client().get(link_in(mailoutbox))
    assert page.status_code == 200
    assert "Mijn aanmelding bevestigen" in page.content.decode()
    assert not Candidate.objects.exists()


def test_confirming_makes_the_person_and_the_candidate_with_everything_she_gave(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    sign_up(Client(), django_capture_on_commit_callbacks)
    done = Client().post(link_in(mailoutbox))
    assert done.status_code == 200
    assert "uw aanmelding is bevestigd" in done.content.decode()
    candidate = Candidate.objects.select_related("person").get()
    person = candidate.person
    assert person is not None
    assert (person.first_name, person.last_name) == ("Fatima", "El Amrani")
    assert person.email == "fatima@voorbeeld.nl"
    assert person.holder == public.own
    assert person.lawful_basis == LawfulBasis.CONSENT
    assert person.consent_given_on == timezone.localdate()
    assert person.purpose
    assert candidate.holder == public.own
    assert candidate.stage == Stage.AANGEMELD
    assert candidate.route == Route.AANMELDFORMULIER
    assert candidate.municipality.code == "GM0995"
    assert candidate.max_travel_km == 30
    assert StageChange.objects.filter(candidate=candidate, stage=Stage.AANGEMELD).count() == 1
    assert sorted(CandidateRole.objects.values_list("role", flat=True)) == [
        "helpende",
        "verzorgende",
    ]
    held = dict(Qualification.objects.values_list("kind", "valid_until"))
    assert held == {"diploma_vig": None, "vog": timezone.localdate() + dt.timedelta(days=365)}
    availability = Availability.objects.get(candidate=candidate)
    assert availability.weekdays == 0b10101  # Monday, Wednesday, Friday
    assert (availability.start_time, availability.end_time) == (dt.time(22), dt.time(7))
    assert availability.valid_from == timezone.localdate()
    assert availability.valid_until is None
    pending = PendingSignup.objects.get()
    assert pending.confirmed_at is not None
    assert pending.candidate == candidate
    assert pending.answers == {}
    assert pending.email == ""
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"signup.received", "signup.confirmed", "candidate.created", "person.created"} <= (
        actions
    )


def test_a_chosen_route_is_kept(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    sign_up(Client(), django_capture_on_commit_callbacks, route="campagne")
    Client().post(link_in(mailoutbox))
    assert Candidate.objects.get().route == Route.CAMPAGNE


def test_a_second_confirmation_says_already_confirmed_and_makes_nothing_twice(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    sign_up(Client(), django_capture_on_commit_callbacks)
    link = link_in(mailoutbox)
    Client().post(link)
    again = Client().post(link)
    assert again.status_code == 200
    assert "al bevestigd" in again.content.decode()
    assert Candidate.objects.count() == 1
    assert Person.objects.filter(last_name="El Amrani").count() == 1
    assert Client().get(link).status_code == 200


def test_an_expired_link_is_gone_and_makes_nothing(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    sign_up(Client(), django_capture_on_commit_callbacks)
    PendingSignup.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    link = link_in(mailoutbox)
    assert Client().get(link).status_code == 410
    refused = Client().post(link)
    assert refused.status_code == 410
    assert "Deze link is verlopen" in refused.content.decode()
    assert not Candidate.objects.exists()


def test_an_unknown_link_is_not_found(public: Any) -> None:
    assert Client().get("/extra-handen/aanmelden/bevestigen/onbekend/").status_code == 404
    assert Client().post("/extra-handen/aanmelden/bevestigen/" + "x" * 200 + "/").status_code == 404


def test_someone_already_in_the_pool_is_not_added_twice(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    existing = a_candidate(public.own, 1, email="fatima@voorbeeld.nl")
    sign_up(Client(), django_capture_on_commit_callbacks)
    assert Client().post(link_in(mailoutbox)).status_code == 200
    assert Candidate.objects.count() == 1
    assert PendingSignup.objects.get().candidate == existing


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": None}, "consent", "Vink aan dat u akkoord gaat"),
        ({"roles": None}, "roles", "Vink minstens één soort werk aan."),
        ({"weekdays": None}, "weekdays", "Vink minstens één dag aan."),
        ({"email": "geen-adres"}, "email", "naam@voorbeeld.nl"),
        ({"phone": "bel me"}, "phone", "06 12345678"),
        ({"municipality": "GM9999"}, "municipality", "Kies uw gemeente uit de lijst"),
        ({"max_travel_km": "0"}, "max_travel_km", "minstens 1 kilometer"),
        ({"start_time": "25:00"}, "start_time", "Geef een tijd zoals 07:00."),
        (
            {"available_from": "2031-05-01", "available_until": "2031-04-01"},
            "available_until",
            "De einddatum ligt vóór de begindatum",
        ),
        ({"until_vog": "2001-01-01"}, "until_vog", "is verlopen"),
        ({"until_big": "2031-01-01"}, "until_big", "Vink dit diploma"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    public: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    refused = sign_up(Client(), django_capture_on_commit_callbacks, **changes)
    assert refused.status_code == 400
    assert field in refused.context["form"].errors
    assert message in refused.content.decode()
    assert not PendingSignup.objects.exists()
    assert mailoutbox == []


def test_too_many_sign_ups_from_one_address_are_refused(
    public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    for n in range(5):
        assert (
            sign_up(client, django_capture_on_commit_callbacks, email=f"a{n}@x.nl").status_code
            == 302
        )
    refused = sign_up(client, django_capture_on_commit_callbacks, email="a9@x.nl")
    assert refused.status_code == 429
    assert PendingSignup.objects.count() == 5


def test_the_daily_job_removes_unconfirmed_expired_sign_ups_only(
    public: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    sign_up(Client(), django_capture_on_commit_callbacks, email="een@x.nl")
    Client().post(link_in(mailoutbox))
    sign_up(Client(), django_capture_on_commit_callbacks, email="twee@x.nl")
    sign_up(Client(), django_capture_on_commit_callbacks, email="drie@x.nl")
    now = timezone.now()
    PendingSignup.objects.filter(email="twee@x.nl").update(expires_at=now - dt.timedelta(seconds=1))
    PendingSignup.objects.update(created_at=now - dt.timedelta(days=8))
    assert signup_retention_enforce(now) == 1
    assert not PendingSignup.objects.filter(email="twee@x.nl").exists()
    assert PendingSignup.objects.filter(email="drie@x.nl").exists()
    assert PendingSignup.objects.filter(confirmed_at__isnull=False).count() == 1
    assert AuditEntry.objects.filter(action="signup.expired").count() == 1


def test_the_expiry_job_is_scheduled_daily() -> None:
    from koers.core import schedule

    job = next(job for job in schedule.registered() if job.name == "matching.signup_expiry")
    assert job.every == dt.timedelta(days=1)
