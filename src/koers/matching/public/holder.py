"""Whose pool the public sign-up fills: each organisation named by MATCHING_SIGNUP_HOLDER
(slugs, comma-separated) has its own sign-up (`/extra-handen/aanmelden/<slug>/`), the first also
at the plain address; with none named, the plain address fills the only organisation that
keeps a pool. The form is opt-in per installation (PUBLIC_MATCHING_SIGNUP); switched off,
misconfigured or ambiguous, the public pages are a 404, so a sign-up never lands in the
wrong organisation's pool (`koers.directory.public_holders`)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from koers.directory.models import Organisation
from koers.directory.public_holders import public_holder
from koers.matching.models import Candidate


def signup_holder(slug: str | None = None) -> Organisation:
    if not settings.PUBLIC_MATCHING_SIGNUP:
        raise Http404
    return public_holder(settings.MATCHING_SIGNUP_HOLDER, slug, Candidate.objects.all())
