"""Whose atlas the spinnenweb shows. An installation may keep several organisations'
atlases: each organisation named by PUBLIC_ATLAS_HOLDER (slugs, comma-separated) has its
own spinnenweb (`/atlas/spinnenweb/<slug>/`), the first also at the plain address; with none
named, the plain address shows the only organisation that keeps initiatives. Anything else
(an unknown slug, no atlas, two atlases and no choice) is a 404, so a misconfigured
installation shows nothing rather than the wrong organisation's atlas
(`koers.directory.public_holders`)."""

from __future__ import annotations

from django.conf import settings

from koers.atlas.models import Initiative
from koers.directory.models import Organisation
from koers.directory.public_holders import public_holder


def public_atlas_holder(slug: str | None = None) -> Organisation:
    return public_holder(settings.PUBLIC_ATLAS_HOLDER, slug, Initiative.objects.all())
