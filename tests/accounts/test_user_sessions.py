"""'Mijn sessies': every signed-in session recorded; she ends her own, no one else's."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from koers.accounts import session_limits
from koers.accounts.models import UserSession
from koers.accounts.roles import Role
from koers.accounts.user_sessions import describe_user_agent
from koers.core.models import AuditEntry
from tests.accounts.factories import PASSWORD, MembershipFactory
from tests.conftest import World, verified_client

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def test_signing_in_records_the_session_readably(db: Any) -> None:
    user = MembershipFactory(role=Role.TOEZICHT).user
    client = Client(HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="192.0.2.7")
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    record = UserSession.objects.get(user=user)
    assert record.session_id == client.cookies["sessionid"].value
    assert (record.user_agent, record.ip_address) == ("Firefox · Windows", "192.0.2.7")
    client.post(reverse("accounts:logout"))
    assert not UserSession.objects.filter(user=user).exists()


def test_the_user_agent_is_shortened() -> None:
    edge = (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Safari/537.36 Edg/126.0"
    )
    assert describe_user_agent(edge) == "Edge · macOS"
    assert describe_user_agent("curl/8.0") == ""
    assert describe_user_agent("<script>Firefox/1") == "Firefox"


def test_the_list_shows_her_sessions_with_the_current_one_marked(world: World) -> None:
    user = world.users["directeur"]
    other = verified_client(user)
    client = world.client("directeur")
    world.client("beheerder")
    response = client.get(reverse("accounts:sessions"))
    rows = response.context["rows"]
    assert len(rows) == 2 and {r.user for r in rows} == {user}
    current = client.cookies["sessionid"].value
    assert [r.session_id for r in response.context["others"]] == [other.cookies["sessionid"].value]
    assert response.context["current"] == current


def test_ending_a_session_signs_that_browser_out_at_once(world: World) -> None:
    user = world.users["directeur"]
    laptop = world.client("directeur")
    phone = verified_client(user)
    assert phone.get("/").status_code == 200
    phone_record = UserSession.objects.get(session_id=phone.cookies["sessionid"].value)
    response = laptop.post(reverse("accounts:session_end", args=[phone_record.pk]))
    assert response.status_code == 302
    assert phone.get("/")["Location"].startswith(reverse("accounts:login"))
    assert laptop.get("/").status_code == 200
    assert not Session.objects.filter(pk=phone_record.session_id).exists()
    entry = AuditEntry.objects.get(action="account.session_ended")
    assert entry.actor == user


def test_she_cannot_end_someone_elses_session(world: World) -> None:
    victim = world.client("beheerder")
    record = UserSession.objects.get(session_id=victim.cookies["sessionid"].value)
    response = world.client("directeur").post(reverse("accounts:session_end", args=[record.pk]))
    assert response.status_code == 404
    assert victim.get("/").status_code == 200
    assert not AuditEntry.objects.filter(action="account.session_ended").exists()


def test_ending_all_others_keeps_this_one(world: World) -> None:
    user = world.users["medewerker"]
    others = [verified_client(user) for _ in range(2)]
    client = world.client("medewerker")
    client.post(reverse("accounts:sessions_end_others"))
    assert all(o.get("/").status_code == 302 for o in others)
    assert client.get("/").status_code == 200
    assert UserSession.objects.filter(user=user).count() == 1


def test_the_current_session_is_ended_by_signing_out_not_here(world: World) -> None:
    client = world.client("medewerker")
    record = UserSession.objects.get(session_id=client.cookies["sessionid"].value)
    client.post(reverse("accounts:session_end", args=[record.pk]))
    assert client.get("/").status_code == 200


def test_last_seen_follows_the_session(world: World) -> None:
    client = world.client("toezicht")
    session = client.session
    session[session_limits.LAST_SEEN] = int(time.time()) - 5 * 60
    session.save()
    record = UserSession.objects.get(session_id=session.session_key)
    UserSession.objects.filter(pk=record.pk).update(
        last_seen_at=record.created_at.replace(year=2000)
    )
    client.get("/")
    record.refresh_from_db()
    assert record.last_seen_at.year > 2000


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(world: World) -> None:
    user = world.users["toezicht"]
    other = verified_client(user)
    client = world.client("toezicht")
    new = "een-ander-lang-wachtwoord-77"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert other.get("/").status_code == 302
    assert list(UserSession.objects.filter(user=user).values_list("session_id", flat=True)) == [
        client.cookies["sessionid"].value
    ]
