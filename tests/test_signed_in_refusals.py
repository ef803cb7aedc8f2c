"""A signed-in user is never sent back to sign in: walk every URL pattern of the project.

Before the first run was built, an administrator made with `createsuperuser` who had no
beheerder role went round `/beheer/` → `/beheer/login/` → `/account/inloggen/` →
`/beheer/` forever. Whatever a signed-in user may not see must be refused with a page that
says so (403), never a redirect to the sign-in page, which sends her straight back. The
same holds when she arrives at the sign-in page with any page of Koers as `next`.

Every URL pattern (the admin's too) × four kinds of signed-in user: without any role, a
staff member, a beheerder and a platform superuser without a membership.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.test.client import RedirectCycleError
from django.urls import reverse

from koers.accounts.roles import Role
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import verified_client
from tests.test_url_access import ALL, example_path

USERS = ["no_role", "medewerker", "beheerder", "superuser"]
NO_ROLE_TEXT = "nog geen rol"  # the role-less 403 page: ask the beheerder for a role


def signed_in(kind: str) -> Client:
    if kind == "no_role":
        client = Client()
        client.force_login(UserFactory())
        return client
    if kind == "superuser":
        return verified_client(UserFactory(is_superuser=True, is_staff=True))
    return verified_client(MembershipFactory(role=Role(kind)).user)


def outcome(client: Client, path: str) -> Any:
    """The page the user ends on; a redirect loop fails the test with the chain."""
    try:
        return client.get(path, follow=True)
    except RedirectCycleError as cycle:
        chain = [url for url, _status in cycle.last_response.redirect_chain]
        pytest.fail(f"redirect loop for a signed-in user: {path} → {' → '.join(chain)}")


CASES = [
    pytest.param(name, route, kind, id=f"{name}-{kind}")
    for name, route, _callback in ALL
    for kind in USERS
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "kind"), CASES)
def test_a_signed_in_user_is_refused_not_sent_to_sign_in(name: str, route: str, kind: str) -> None:
    client = signed_in(kind)
    login = reverse("accounts:login")
    path = example_path(route)
    for start in (path, f"{login}?{urlencode({'next': path})}"):
        response = outcome(client, start)
        assert response.status_code < 500, start
        ended_on = response.redirect_chain[-1][0] if response.redirect_chain else start
        assert not ended_on.startswith(login), f"{start} sends a signed-in user to sign in"

        if response.status_code == 403 and kind == "no_role":
            assert NO_ROLE_TEXT in response.content.decode(), (
                f"{start}: a user without a role gets a bare refusal, not what to do"
            )
