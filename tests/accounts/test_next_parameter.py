"""`?next=` is a redirect target, not a filter: `safe_next` keeps it to a path on this site.
Junk in it falls back to the page's default, never a 500 and never another site."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import World

JUNK = [
    "https://evil.example/",
    "//evil.example/",
    "javascript:alert(1)",
    "\\\\evil.example",
    "x" * 5000,
    "%00",
]


@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
def test_junk_next_on_the_confirmation_page_falls_back_to_the_account(
    world: World, junk: str
) -> None:
    response = world.client("directeur").get(reverse("accounts:reauthenticate"), {"next": junk})
    assert response.status_code == 200
    assert response.context["next"] in (reverse("accounts:account"), junk)
    assert "evil.example" not in response.context["next"]
    assert not response.context["next"].startswith("javascript")


@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
def test_junk_next_on_the_admin_sign_in_stays_on_this_site(world: World, junk: str) -> None:
    response = world.client("beheerder").get(reverse("admin:login"), {"next": junk})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "evil.example" not in response["Location"]
        assert not response["Location"].startswith("javascript")
