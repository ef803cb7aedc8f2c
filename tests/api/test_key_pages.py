"""Her own API keys on her account: made (shown once), listed, revoked; audited."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.urls import reverse
from django.utils import timezone

from koers.accounts.reauth import AUTHENTICATED_AT
from koers.api.models import ApiToken
from koers.core.models import AuditEntry
from tests.api.conftest import call
from tests.conftest import World


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Dashboard provincie",
        "scopes": ["plans", "reports"],
        "expires_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


def test_a_new_key_is_shown_once_and_works(world: World) -> None:
    client = world.client("opdrachtgever")
    response = client.post(reverse("api_tokens:create"), _form())
    assert response.status_code == 200
    text = response.context["text"]
    assert text.startswith("koers_") and text in response.content.decode()
    assert response["Cache-Control"] == "no-store"  # no back button or proxy keeps it
    token = ApiToken.objects.get()
    assert (token.user, token.scopes) == (world.users["opdrachtgever"], ["plans", "reports"])
    assert AuditEntry.objects.filter(action="api_token.created", subject_id=token.pk).exists()
    assert call("/api/v1/programmes", text).status_code == 200
    assert call("/api/v1/portfolio", text).status_code == 403  # not a scope she chose

    listing = client.get(reverse("api_tokens:list")).content.decode()
    assert "Dashboard provincie" in listing and f"koers_{token.prefix}_" in listing
    assert text not in listing


def test_she_is_offered_only_the_scopes_her_roles_read(world: World) -> None:
    client = world.client("medewerker")
    form = client.get(reverse("api_tokens:create")).context["form"]
    assert [value for value, _ in form.fields["scopes"].choices] == [
        "plans",
        "reports",
        "statistics",
    ]
    refused = client.post(reverse("api_tokens:create"), _form(scopes=["portfolio"]))
    assert refused.status_code == 400
    assert "scopes" in refused.context["form"].errors
    assert not ApiToken.objects.exists()


def test_bad_input_is_refused_in_dutch_and_makes_no_key(world: World, settings: Any) -> None:
    settings.API_TOKEN_MAX_DAYS = 90
    client = world.client("directeur")
    for data, field, words in [
        (_form(expires_on=timezone.localdate().isoformat()), "expires_on", "na vandaag"),
        (
            _form(expires_on=(timezone.localdate() + dt.timedelta(days=91)).isoformat()),
            "expires_on",
            "hoogstens 90 dagen",
        ),
        (_form(scopes=[]), "scopes", ""),
        (_form(name=""), "name", ""),
    ]:
        response = client.post(reverse("api_tokens:create"), data)
        assert response.status_code == 400
        errors = response.context["form"].errors[field]
        assert words in " ".join(errors)
    assert not ApiToken.objects.exists()


def test_making_a_key_asks_her_to_confirm_it_is_her(world: World) -> None:
    client = world.client("directeur")
    session = client.session
    session[AUTHENTICATED_AT] = int(time.time()) - 60 * 60
    session.save()
    response = client.post(reverse("api_tokens:create"), _form())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:reauthenticate"))
    assert not ApiToken.objects.exists()


def test_she_revokes_her_own_key_and_no_one_else_can(world: World) -> None:
    client = world.client("directeur")
    text = client.post(reverse("api_tokens:create"), _form()).context["text"]
    token = ApiToken.objects.get()
    other = world.client("beheerder").post(reverse("api_tokens:revoke", args=[token.pk]))
    assert other.status_code == 404
    assert call("/api/v1/programmes", text).status_code == 200

    response = client.post(reverse("api_tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api_token.revoked", subject_id=token.pk).exists()
    assert call("/api/v1/programmes", text).status_code == 401
    assert "ingetrokken" in client.get(reverse("api_tokens:list")).content.decode()


def test_without_roles_she_still_sees_and_revokes_her_keys(world: World) -> None:
    """A key made while she held a role: when the role goes, it reads nothing, and she
    can still take it out of use (were the role to come back, so would its reach)."""
    user = world.users["directeur"]
    client = world.client("directeur")
    client.post(reverse("api_tokens:create"), _form())
    token = ApiToken.objects.get()
    user.memberships.all().delete()
    listing = client.get(reverse("api_tokens:list"))
    assert listing.status_code == 200
    assert reverse("api_tokens:create") not in listing.content.decode()
    assert client.post(reverse("api_tokens:revoke", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
