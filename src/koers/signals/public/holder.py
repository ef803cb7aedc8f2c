"""Whose signals the public form collects: each organisation named by SIGNALS_PUBLIC_HOLDER
(slugs, comma-separated) has its own form (`/signalen/melden/<slug>/`), the first also at
the plain address. The form is opt-in per installation (PUBLIC_SIGNAL_FORM); switched off or
misconfigured, the public pages are a 404, so a resident's signal never lands with the wrong
organisation (`koers.directory.public_holders`)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from koers.directory.models import Organisation
from koers.directory.public_holders import public_holder as named_holder


def public_holder(slug: str | None = None) -> Organisation:
    if not settings.PUBLIC_SIGNAL_FORM:
        raise Http404
    return named_holder(settings.SIGNALS_PUBLIC_HOLDER, slug)
