"""Whose signals the public form collects: the organisation named by SIGNALS_PUBLIC_HOLDER
(its slug). The form is opt-in per installation (PUBLIC_SIGNAL_FORM); switched off or
misconfigured, the public pages are a 404, so a resident's signal never lands with the
wrong organisation."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from koers.directory.models import Organisation


def public_holder() -> Organisation:
    if not settings.PUBLIC_SIGNAL_FORM or not settings.SIGNALS_PUBLIC_HOLDER:
        raise Http404
    found = Organisation.objects.filter(slug=settings.SIGNALS_PUBLIC_HOLDER).first()
    if found is None:
        raise Http404
    return found
