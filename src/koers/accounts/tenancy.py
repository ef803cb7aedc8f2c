"""Tenancy at the URL: a record of an organisation the user has nothing to do with is not
found (404), whatever her roles elsewhere, never "forbidden" (403, which would confirm
that it exists).

The views keep their own checks: the access rule (`requires`) asks "this capability
anywhere?" before the view loads anything, and the permission-checking getters answer 404
for what is outside her scope. The first refuses with 403 before the getter can answer
404, so a role of another organisation without the capability would learn that the
record exists. `TenancyMiddleware` turns such a refusal into 404 when the URL names a
record (`koers.core.records`) of an organisation she is not related to:

- staff and every other member of an organisation are related to it;
- a funder's official is related to the organisations whose work her organisation funds;
- a care organisation's contact is related to the organisations it asked for help.

Apps say how the last two come about (`register_relation`), since the funding and the
requests live above this layer. Within a related organisation a refusal stays 403: she
may know the record is there, it is just not hers to open or change. A user with no role
at all keeps the plain refusal too (the page says she has no role yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import ResolverMatch

from koers.accounts.policy import Grant, grants_of
from koers.core.records import owners_of, records_in

# (a grant of the user, an organisation) → whether that grant relates her to its records.
Relation = Callable[[Grant, int], bool]
RELATIONS: list[Relation] = []


def register_relation(relation: Relation) -> None:
    if relation not in RELATIONS:
        RELATIONS.append(relation)


def related(user: Any, organisation_id: int) -> bool:
    """Whether some membership of `user` relates her to `organisation_id`'s records."""
    grants = grants_of(user)
    if any(grant.organisation_id == organisation_id for grant in grants):
        return True
    return any(relation(grant, organisation_id) for grant in grants for relation in RELATIONS)


ADMIN_OBJECT_PAGES = ("change", "history", "delete")


def admin_object_model(url_name: str) -> type[models.Model] | None:
    """The model whose record an admin page names (`url_name` without the namespace): its
    object pages ("plans_activity_change") and the user's password page; else None."""
    if url_name == "auth_user_password_change":
        return get_user_model()
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if url_name.startswith(prefix) and url_name[len(prefix) :] in ADMIN_OBJECT_PAGES:
            return model
    return None


def records_named(match: ResolverMatch) -> Iterator[tuple[type[models.Model], Any]]:
    """The tenant-owned records the URL names, as (model, primary key)."""
    for name, kind in records_in(match.route):
        if not kind.shared and name in match.kwargs:
            yield kind.model, match.kwargs[name]
    if match.namespace == "admin":
        model = admin_object_model(match.url_name or "")
        key = match.kwargs.get("object_id", match.kwargs.get("id"))
        if model is not None and key is not None:
            yield model, key


def hidden_record_in(request: HttpRequest) -> bool:
    """Whether the URL of `request` names a record that does not exist or belongs to an
    organisation the (signed-in, role-holding) user is not related to."""
    match = request.resolver_match
    if match is None or not grants_of(request.user):
        return False
    for model, pk in records_named(match):
        try:
            owners = owners_of(model, pk)
        except (ValueError, ValidationError):
            return True  # not a key of this model (the admin takes any text): not found
        if owners is None:
            continue  # no organisation holds such records: not a tenancy matter
        if not owners or not any(related(request.user, owner) for owner in owners):
            return True
    return False


class TenancyMiddleware:
    """Answers 404 instead of 403 for a record outside every organisation of the user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, PermissionDenied) and hidden_record_in(request):
            raise Http404
        return None
