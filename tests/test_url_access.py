"""Deny by default: walk every URL pattern of the project.

A signed-out user reaches only the allowed list; every other URL sends her to sign in.
A signed-in user without any role is refused everywhere but the public pages. Every
view outside the admin declares its access rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from koers.accounts.admin_site import KoersAdminSite
from koers.api.base import API_KEY_ACCESS
from koers.core.access import ACCESS_ATTRIBUTE, declared_access
from tests.accounts.factories import UserFactory

PUBLIC = {
    "health",
    "accessibility",
    "favicon",
    "admin:login",  # redirects to accounts:login
    "set_language",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "api:openapi-json",  # the API's description (NL API Design Rules: public)
    "api:api-root",  # the link to it
}
# Public pages an installation switches on (off by default, then not there: 404; a page
# that only takes POST answers a GET with 405 first).
PUBLIC_OPT_IN = {
    "atlas:spinnenweb",
    "atlas:spinnenweb_contact",
    "matching:signup",
    "signals:public_form",
    "signals:public_thanks",
}
# Reached without a session through a secret in the address (calendar programs cannot sign
# in): an unknown secret finds nothing.
PUBLIC_BY_SECRET = {
    "relations:calendar",
    "atlas:confirmation",
    "matching:signup_confirm",
    "matching:available_again",
    "matching:follow_up",
}
# Public only where the installation opts in (KOERS_PUBLIC_ATLAS, off by default and here):
# otherwise they do not exist for anyone.
PUBLIC_BY_OPT_IN = {
    "atlas:public_map",
    "atlas:public_map_data",
    "atlas:public_boundaries",
    # Open data (KOERS_OPEN_DATA, off by default and here).
    "open_data:index",
    "open_data:csv",
    "open_data:json",
}


def walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, Any]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            yield from walk(
                pattern.url_patterns,
                prefix + str(pattern.pattern),
                f"{namespace}{ns}:" if ns else namespace,
            )
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern), pattern.callback


def example_path(route: str) -> str:
    """A concrete path for a route: converters filled with plausible values."""
    import re

    from koers.core.records import RECORD_KINDS

    numbers = "|".join(["int", *RECORD_KINDS])  # a record is named by its number
    path = re.sub(rf"<(?:{numbers}):[^>]+>", "1", route)
    path = re.sub(r"<(?:str:|slug:)?(\w+)>", "x", path)
    path = re.sub(r"<path:[^>]+>", "x", path)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", path)
    return "/" + path


ALL = list(walk(get_resolver().url_patterns))
# The API's operations sign in by key, not by session (koers.api.base): without a key, a
# signed-in browser included, they answer 401 (tests/api/ test them with keys).
API = {name for name, _, callback in ALL if declared_access(callback) == "public"} & {
    name for name, _, callback in ALL if getattr(callback, ACCESS_ATTRIBUTE, "") == API_KEY_ACCESS
}


def test_the_walk_finds_the_project_urls() -> None:
    names = {name for name, _, _ in ALL}
    assert {"plans:dashboard", "plans:activity", "accounts:login", "admin:index"} <= names
    assert {"api:programmes", "api:indicator"} <= API


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "callback"), ALL, ids=[n for n, _, _ in ALL])
def test_signed_out_users_reach_only_the_public_pages(name: str, route: str, callback: Any) -> None:
    response = Client().get(example_path(route))
    if name in API:
        assert response.status_code == 401, name
    elif name in PUBLIC_BY_SECRET | PUBLIC_BY_OPT_IN:
        assert response.status_code == 404, name
    elif name in PUBLIC_OPT_IN:
        assert response.status_code in (404, 405), name
    elif name in PUBLIC:
        assert response.status_code in (200, 302, 405), name
        if response.status_code == 302 and name != "admin:login":
            assert "/account/inloggen/" not in response["Location"], name
    else:
        assert response.status_code == 302, name
        # The admin sends to its own login first, which hands over to Koers's sign-in.
        final = Client().get(example_path(route), follow=True).redirect_chain[-1][0]
        assert final.startswith("/account/inloggen/"), name


APP = [(name, route, callback) for name, route, callback in ALL if not name.startswith("admin:")]
ADMIN = [(name, route, callback) for name, route, callback in ALL if name.startswith("admin:")]


def admin_site_of(callback: Any) -> Any:
    """The admin site that serves `callback`: Django marks the views its sites and model
    admins wrap (`admin_site`, `model_admin`); the few they wrap by hand are, under their
    decorators, methods of a site or a model admin."""
    view = callback
    while view is not None:
        owner = getattr(view, "__self__", None)
        for candidate in (view, getattr(view, "model_admin", None), owner):
            site = getattr(candidate, "admin_site", None)
            if site is not None:
                return site
        if isinstance(owner, KoersAdminSite):
            return owner
        view = getattr(view, "__wrapped__", None)
    return None


@pytest.mark.parametrize(("name", "route", "callback"), APP, ids=[n for n, _, _ in APP])
def test_every_view_declares_who_may_reach_it(name: str, route: str, callback: Any) -> None:
    assert declared_access(callback) is not None, f"{name} declares no access rule"


@pytest.mark.parametrize(("name", "route", "callback"), ADMIN, ids=[n for n, _, _ in ADMIN])
def test_every_admin_view_is_served_by_the_koers_admin_site(
    name: str, route: str, callback: Any
) -> None:
    # The admin declares no rule per view: KoersAdminSite checks the beheerder role itself.
    assert isinstance(admin_site_of(callback), KoersAdminSite), name


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "callback"), ALL, ids=[n for n, _, _ in ALL])
def test_a_user_without_a_role_is_refused(name: str, route: str, callback: Any) -> None:
    client = Client()
    client.force_login(UserFactory())
    response = client.get(example_path(route))
    if name in API:
        assert response.status_code == 401, name
    elif name in PUBLIC_BY_SECRET | PUBLIC_BY_OPT_IN:
        assert response.status_code == 404, name
    elif name in PUBLIC_OPT_IN:
        assert response.status_code in (404, 405), name
    elif not name.startswith("admin:") and (
        name in PUBLIC or declared_access(callback) == "signed-in"
    ):
        # Her own account (password, second factor, sessions) and the public pages are
        # open to every signed-in user: reached, or sent on elsewhere than to sign in.
        assert response.status_code in (200, 302, 405), name
        if response.status_code == 302:
            assert not response["Location"].startswith("/account/inloggen/"), name
    else:
        # The admin too refuses her outright, its login page included: sending a signed-in
        # user to sign in sends her straight back (tests/test_signed_in_refusals.py).
        assert response.status_code in (403, 405), name
