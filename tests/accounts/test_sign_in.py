import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from koers.accounts.roles import TWO_FACTOR_ROLES, Role
from tests.accounts.factories import PASSWORD, MembershipFactory, UserFactory
from tests.accounts.test_password_reset import run_queued_tasks
from tests.conftest import verified_client


@pytest.fixture
def member(db):  # type: ignore[no-untyped-def]
    # A role that does not require a second factor: these tests are about the password.
    return MembershipFactory(role=Role.TOEZICHT).user


def test_sign_in_and_out(member) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": member.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("plans:dashboard")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("plans:dashboard")).status_code == 302


def test_a_wrong_password_gets_a_dutch_message(member) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        reverse("accounts:login"), {"username": member.username, "password": "fout"}
    )
    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()


def test_sign_in_returns_to_the_page_asked_for(member) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        reverse("accounts:login") + "?next=/doelen/",
        {"username": member.username, "password": PASSWORD, "next": "/doelen/"},
    )
    assert response["Location"] == "/doelen/"


def test_sign_in_refuses_to_redirect_off_site(member) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        reverse("accounts:login"),
        {"username": member.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("plans:dashboard")


def test_password_reset_by_email_end_to_end(member) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": member.email})
    assert response.status_code == 302
    assert run_queued_tasks() == [1]  # the task worker sends the mail
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "nieuw wachtwoord" in message.subject.lower()
    link = re.search(r"http://testserver(/\S+)", message.body)
    assert link
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    short = client.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert short.status_code == 200
    assert "12 tekens" in short.content.decode()
    good = "een-heel-lang-nieuw-wachtwoord"
    done = client.post(form_url, {"new_password1": good, "new_password2": good})
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.check_password(good)


def test_password_reset_does_not_reveal_unknown_addresses(db) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(reverse("accounts:password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert run_queued_tasks() == [0]
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("kort-2021", "12 tekens"),
        ("480153296712045", "alleen cijfers"),
        ("qwerty123456", "te algemeen"),
    ],
)
def test_password_rules(member, password: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    client = verified_client(member)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert fragment in response.content.decode().lower()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_admin_is_for_beheerders_only(db) -> None:  # type: ignore[no-untyped-def]
    beheerder = MembershipFactory(role=Role.BEHEERDER).user
    director = MembershipFactory(role=Role.DIRECTEUR).user
    client = Client()
    verified_client(beheerder, client)
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/plans/activity/").status_code == 200
    verified_client(director, client)
    assert (
        client.get("/beheer/").status_code == 403
    )  # refused outright: sent to sign in, she came straight back


def test_the_audit_trail_is_not_in_the_admin(db) -> None:  # type: ignore[no-untyped-def]
    """The admin cannot scope it per organisation; the Logboeken pages do (tests/privacy)."""
    client = Client()
    verified_client(MembershipFactory(role=Role.BEHEERDER).user, client)
    assert client.get("/beheer/core/auditentry/").status_code == 404
    assert client.get("/beheer/core/auditentry/add/").status_code == 404


def test_users_need_no_django_flags(db) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory()
    assert not user.is_staff and not user.is_superuser
    assert get_user_model().objects.count() == 1


def test_admin_writes_enter_the_audit_trail(db) -> None:  # type: ignore[no-untyped-def]
    from koers.core.models import AuditEntry, Municipality

    client = Client()
    # Municipalities are shared: the installation administrator keeps them.
    verified_client(MembershipFactory(role=Role.INSTALLATIEBEHEERDER).user, client)
    response = client.post(
        "/beheer/core/municipality/add/",
        {"code": "GM0184", "name": "Urk", "slug": "urk", "province_code": "PV24"},
    )
    assert response.status_code == 302
    urk = Municipality.objects.get(code="GM0184")
    entry = AuditEntry.objects.get(action="admin.add")
    assert (entry.subject_id, entry.changes["name"]) == (urk.pk, [None, "Urk"])


def test_the_plan_chain_is_read_only_in_the_admin(db) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    verified_client(MembershipFactory(role=Role.BEHEERDER).user, client)
    assert client.get("/beheer/plans/activity/add/").status_code == 403
    assert client.get("/beheer/plans/activity/").status_code == 200


def test_admin_deletions_keep_the_deleted_values_in_the_audit_trail(db) -> None:  # type: ignore[no-untyped-def]
    from koers.core.models import AuditEntry, Municipality

    urk = Municipality.objects.create(code="GM0184", name="Urk", slug="urk")
    client = Client()
    verified_client(MembershipFactory(role=Role.INSTALLATIEBEHEERDER).user, client)
    response = client.post(f"/beheer/core/municipality/{urk.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Municipality.objects.filter(pk=urk.pk).exists()
    entry = AuditEntry.objects.get(action="admin.delete")
    assert entry.changes["name"] == ["Urk", None]


def test_her_own_password_change_is_audited_without_the_password(member) -> None:  # type: ignore[no-untyped-def]
    from koers.core.models import AuditEntry

    client = verified_client(member)
    new = "een-veel-langer-wachtwoord-2021"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        REMOTE_ADDR="10.9.8.7",
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new)
    (entry,) = AuditEntry.objects.filter(action="account.password_changed")
    assert (entry.actor_id, entry.subject_id, entry.remote_addr) == (
        member.pk,
        member.pk,
        "10.9.8.7",
    )
    stored = f"{entry.changes} {entry.subject_repr}"
    assert new not in stored and PASSWORD not in stored and "pbkdf2" not in stored


@pytest.mark.parametrize("role", [str(role) for role in Role])
def test_sign_in_lands_on_a_page_she_may_open(world, role: str) -> None:  # type: ignore[no-untyped-def]
    """Every role lands where its menu starts, never on a refusal: the GGD/GHOR's official
    and a care organisation's contact have no plans to see (the dashboard would answer
    403), so they land on the first page their menu offers."""
    from koers.accounts.navigation import start_url

    user = world.users.get(role) or MembershipFactory(organisation=world.own, role=role).user
    landing = start_url(user)
    # Before she has a second factor: a role that requires one is sent to enrol first.
    response = Client().post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    if role not in TWO_FACTOR_ROLES:
        assert response["Location"] == landing
    assert verified_client(user).get(landing).status_code == 200, landing
    if role in (Role.PRIORITEIT, Role.ZORGVRAGER):
        assert landing != reverse("plans:dashboard")
