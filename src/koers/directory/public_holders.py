"""Whose records a public page collects or shows (the residents' signal form, the
volunteers' sign-up, the spinnenweb): the organisations the installation names in the
feature's setting, by slug, comma-separated.

The first named is the holder of the plain address (`/melden/`); every named one also has
its own (`/melden/<slug>/`), so several organisations on one installation each have their
own public page and what a visitor sends lands with the organisation whose page she used.
A slug the setting does not name is a 404, as is a page whose feature is off: a resident's
words never land with an organisation that did not ask for them (docs/tenancy.md)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.http import Http404
from django.urls import reverse

from koers.directory.models import Organisation

# The settings that name public holders, and the fixed words of the public pages' addresses
# that an organisation's slug would collide with (`/melden/bedankt/` is the thanks page).
HOLDER_SETTINGS = ("SIGNALS_PUBLIC_HOLDER", "MATCHING_SIGNUP_HOLDER", "PUBLIC_ATLAS_HOLDER")
FIXED_WORDS = frozenset({"bedankt", "contact", "bevestigen"})


def named(setting: str) -> list[str]:
    """The slugs a holder setting names, in its order."""
    return [slug.strip() for slug in setting.split(",") if slug.strip()]


def public_holder(setting: str, slug: str | None, records: Any = None) -> Organisation:
    """The organisation whose public page this is: `slug` when the setting names it, else
    (the plain address) the first named; when none is named, the one organisation that holds
    `records` (a queryset with a `holder`), if exactly one does."""
    slugs = named(setting)
    if slug is not None and slug not in slugs:
        raise Http404
    chosen = slug or (slugs[0] if slugs else None)
    if chosen is None:
        if records is None:
            raise Http404
        holders = list(records.order_by().values_list("holder_id", flat=True).distinct()[:2])
        if len(holders) != 1:
            raise Http404
        return Organisation.objects.get(pk=holders[0])
    found = Organisation.objects.filter(slug=chosen).first()
    if found is None:
        raise Http404
    return found


def page_url(name: str, slug: str | None, **kwargs: Any) -> str:
    """The address of public page `name` for the holder of `slug` (its own), or the plain
    one."""
    if slug is not None:
        kwargs["holder"] = slug
    return reverse(name, kwargs=kwargs or None)


@checks.register()
def holder_slugs_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """A named organisation whose slug is a fixed word of the public pages would never get its
    own page (the fixed page answers instead): refused at start."""
    return [
        checks.Error(
            f"KOERS_{name} names the organisation {slug!r}, whose slug is also a fixed word of "
            "the public pages' addresses.",
            hint="Give that organisation another slug (Beheer → Organisaties).",
            id="koers.E002",
        )
        for name in HOLDER_SETTINGS
        for slug in named(getattr(settings, name))
        if slug in FIXED_WORDS
    ]
