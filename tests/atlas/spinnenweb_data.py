"""Municipalities and public initiatives for the spinnenweb tests (the shipped CBS codes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from koers.atlas.models import Initiative
from koers.core.models import Municipality

FLEVOLAND = {
    "GM0034": "Almere",
    "GM0995": "Lelystad",
    "GM0303": "Dronten",
    "GM0184": "Urk",
    "GM0935": "Maastricht",
}


def municipalities() -> dict[str, Municipality]:
    return {
        name: Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "slug": name.lower()}
        )[0]
        for code, name in FLEVOLAND.items()
    }


def an_initiative(
    holder: Any,
    municipality: Municipality,
    name: str,
    *,
    public: bool = True,
    confirmed_on: dt.date | None = None,
    **serves: int,
) -> Initiative:
    return Initiative.objects.create(
        holder=holder,
        name=name,
        kind="bewonersinitiatief",
        municipality=municipality,
        is_public=public,
        confirmed_on=confirmed_on or timezone.localdate(),
        **{f"serves_{key}": value for key, value in serves.items()},
    )
