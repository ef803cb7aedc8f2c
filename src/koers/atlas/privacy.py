"""What the atlas holds about a person, for export, erasure and retention (privacy app):
the initiatives whose contact she is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from koers.atlas.models import Initiative
from koers.directory.models import Person
from koers.privacy.subjects import PersonLinks, register


def _export(person: Person) -> list[dict[str, Any]]:
    return [
        {"initiative": name, "municipality": municipality, "confirmed_on": confirmed.isoformat()}
        for name, municipality, confirmed in Initiative.objects.filter(contact=person)
        .order_by("name")
        .values_list("name", "municipality__name", "confirmed_on")
    ]


def _erase(person: Person) -> int:
    """She is taken off as contact; the initiative stays in the atlas without one."""
    return int(Initiative.objects.filter(contact=person).update(contact=None))


def _last_linked(person_ids: Collection[int]) -> dict[int, dt.date]:
    """An entry she confirmed (or someone confirmed with her) keeps her as long as the
    entry is kept current: the latest confirmation counts as the last link."""
    return dict(
        Initiative.objects.filter(contact_id__in=person_ids)
        .values("contact_id")
        .annotate(last=Max("confirmed_on"))
        .values_list("contact_id", "last")
    )


def register_person_links() -> None:
    register(
        PersonLinks(
            name="atlas_initiatives",
            label=_("Initiatives in the atlas whose contact person she is"),
            export=_export,
            erase=_erase,
            last_linked=_last_linked,
        )
    )
