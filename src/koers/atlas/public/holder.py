"""Whose atlas the public pages show. An installation may keep several organisations'
atlases; the public map and the spinnenweb show one: the organisation named by
PUBLIC_ATLAS_HOLDER (its slug), or else the only organisation that keeps initiatives.
Anything else (an unknown slug, no atlas, two atlases and no choice) is a 404, so a
misconfigured installation shows nothing rather than the wrong organisation's atlas."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from koers.atlas.models import Initiative
from koers.directory.models import Organisation


def public_atlas_holder() -> Organisation:
    slug = settings.PUBLIC_ATLAS_HOLDER
    if slug:
        found = Organisation.objects.filter(slug=slug).first()
        if found is None:
            raise Http404
        return found
    holders = list(Initiative.objects.order_by().values_list("holder_id", flat=True).distinct()[:2])
    if len(holders) != 1:
        raise Http404
    return Organisation.objects.get(pk=holders[0])
