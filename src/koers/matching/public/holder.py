"""Whose pool the public sign-up fills: the organisation named by MATCHING_SIGNUP_HOLDER (its
slug), or else the only organisation that keeps a pool. The form is opt-in per installation
(PUBLIC_MATCHING_SIGNUP); switched off, misconfigured or ambiguous, the public pages are a
404, so a sign-up never lands in the wrong organisation's pool."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from koers.directory.models import Organisation
from koers.matching.models import Candidate


def signup_holder() -> Organisation:
    if not settings.PUBLIC_MATCHING_SIGNUP:
        raise Http404
    slug = settings.MATCHING_SIGNUP_HOLDER
    if slug:
        found = Organisation.objects.filter(slug=slug).first()
        if found is None:
            raise Http404
        return found
    holders = list(Candidate.objects.order_by().values_list("holder_id", flat=True).distinct()[:2])
    if len(holders) != 1:
        raise Http404
    return Organisation.objects.get(pk=holders[0])
