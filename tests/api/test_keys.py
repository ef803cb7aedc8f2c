"""API keys: refused when missing, unknown, revoked, expired or without the scope; rate
limited; every call logged; answers tagged so a repeat costs nothing until something is
written; and kept as a digest only."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from koers.api.models import ApiCall, ApiScope, ApiToken
from koers.api.tasks import prune_api_calls
from koers.api.tokens import find_key
from koers.plans.services.realisations import realisation_record
from tests.api.conftest import call, make_key
from tests.conftest import World

PROGRAMMES = "/api/v1/programmes"


def _problem(response: Any) -> dict[str, Any]:
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = json.loads(response.content)
    assert body["status"] == response.status_code
    assert body["instance"] == PROGRAMMES.split("?")[0]
    return body


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda user: make_key(user, revoked=True), "token_revoked"),
        (lambda user: make_key(user, expires_in=dt.timedelta(seconds=-1)), "token_expired"),
        (lambda user: make_key(user)[:-2] + "xx", "token_invalid"),  # the secret altered
        (lambda user: "koers_000000000000_" + "a" * 43, "token_invalid"),
        (lambda user: "not a key at all", "token_invalid"),
    ],
    ids=["revoked", "expired", "altered", "unknown", "malformed"],
)
def test_an_unusable_key_is_refused_with_401(world: World, make: Any, code: str) -> None:
    response = call(PROGRAMMES, make(world.users["directeur"]))
    assert response.status_code == 401
    assert _problem(response)["code"] == code
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_a_key_of_a_deactivated_account_is_refused(world: World) -> None:
    user = world.users["directeur"]
    key = make_key(user)
    user.is_active = False
    user.save()
    response = call(PROGRAMMES, key)
    assert (response.status_code, _problem(response)["code"]) == (401, "token_invalid")


def test_a_key_without_the_scope_is_refused_with_403(world: World) -> None:
    key = make_key(world.users["directeur"], [ApiScope.STATISTICS])
    response = call(PROGRAMMES, key)
    assert response.status_code == 403
    assert _problem(response)["code"] == "scope_missing"
    assert call("/api/v1/datasets", key).status_code == 200


def test_unknown_parameters_are_refused_by_name(world: World) -> None:
    response = call(PROGRAMMES + "?plan=1&sort=name&fields=id", make_key(world.users["directeur"]))
    assert response.status_code == 400
    body = _problem(response)
    assert [p["name"] for p in body["invalid_params"]] == ["fields", "sort"]
    assert "fields, sort" in body["detail"]


def test_bad_values_are_refused_by_name(world: World) -> None:
    response = call(PROGRAMMES + "?page_size=1000", make_key(world.users["directeur"]))
    assert response.status_code == 400
    assert [p["name"] for p in _problem(response)["invalid_params"]] == ["page_size"]


def test_the_detail_is_dutch_by_default(world: World) -> None:
    response = call(PROGRAMMES)
    assert "Stuur je API-sleutel" in _problem(response)["detail"]


def test_every_call_is_logged_with_its_answer(world: World) -> None:
    user = world.users["directeur"]
    key = make_key(user)
    revoked = make_key(user, revoked=True)
    call(PROGRAMMES, key)
    call(PROGRAMMES + "?nope=1", key)
    call(PROGRAMMES, revoked)
    logged = list(ApiCall.objects.order_by("pk").values_list("path", "status", "token__revoked_at"))
    assert [(path, status) for path, status, _ in logged] == [
        (PROGRAMMES, 200),
        (PROGRAMMES + "?nope=1", 400),
        (PROGRAMMES, 401),
    ]
    assert logged[2][2] is not None  # the revoked key's call is logged against it


def test_the_rate_limit_answers_429_and_waiting_helps(world: World, settings: Any) -> None:
    settings.API_RATE_LIMIT = 3
    key = make_key(world.users["directeur"])
    assert [call(PROGRAMMES, key).status_code for _ in range(3)] == [200, 200, 200]
    refused = call(PROGRAMMES, key)
    assert refused.status_code == 429
    assert _problem(refused)["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 61
    # Another key of hers has its own count.
    assert call(PROGRAMMES, make_key(world.users["directeur"])).status_code == 200
    # A minute later the window is empty again (refused calls do not count).
    ApiCall.objects.update(at=timezone.now() - dt.timedelta(seconds=61))
    assert call(PROGRAMMES, key).status_code == 200


def test_a_repeat_with_the_tag_is_not_modified_until_something_is_written(
    world: World, settings: Any
) -> None:
    settings.REFERENCE_DATE = "2021-09-30"
    key = make_key(world.users["programmacoordinator"])
    path = f"/api/v1/indicators/{world.indicator.pk}"
    first = call(path, key)
    tag = first["ETag"]
    assert first.status_code == 200 and tag.startswith('"')
    assert first["Cache-Control"] == "private, no-cache"
    again = call(path, key, **{"If-None-Match": tag})
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", tag)
    assert call(path, key, **{"If-None-Match": f'"other", W/{tag}'}).status_code == 304

    realisation_record(
        actor=world.users["programmacoordinator"],
        indicator=world.indicator,
        date=dt.date(2021, 5, 1),
        value=Decimal(3),
    )
    changed = call(path, key, **{"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed["ETag"] != tag
    assert json.loads(changed.content)["progress"]["realised"] == "3.00"  # on both databases


def test_the_tag_differs_per_key_address_and_day(world: World, settings: Any) -> None:
    user = world.users["directeur"]
    one, two = make_key(user), make_key(user)
    tags = {
        call(PROGRAMMES, one)["ETag"],
        call(PROGRAMMES, two)["ETag"],
        call(PROGRAMMES + "?page_size=5", one)["ETag"],
    }
    settings.REFERENCE_DATE = "2021-09-30"
    tags.add(call(PROGRAMMES, one)["ETag"])
    assert len(tags) == 4


def test_only_a_digest_of_the_key_is_stored(world: World) -> None:
    text = make_key(world.users["directeur"])
    token = ApiToken.objects.get()
    stored = json.dumps(list(ApiToken.objects.values().get().values()), default=str)
    secret = text.split("_", 2)[2]  # the secret may itself hold "_"
    assert secret not in stored and text not in stored
    assert token.digest != text and len(token.digest) == 64
    assert find_key(text) == token
    assert find_key(text + "x") is None


def test_old_calls_are_pruned(world: World, settings: Any) -> None:
    settings.API_LOG_RETENTION_DAYS = 30
    key = make_key(world.users["directeur"])
    call(PROGRAMMES, key)
    call(PROGRAMMES, key)
    old = ApiCall.objects.order_by("pk").first()
    assert old is not None
    ApiCall.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    assert prune_api_calls() == 1
    assert ApiCall.objects.count() == 1
