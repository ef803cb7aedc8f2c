"""The read side of the contact's personal link: how its secret is looked up, whether it
can still be used, and the entry's fields as a proposal stores them."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from koers.atlas.models import DIMENSIONS, ConfirmationLink, Initiative

# What the contact may change through her link (never the contact, the organisation or
# whether the entry is public: those stay the coordinator's).
PROPOSABLE = [
    "name",
    "description",
    "themes",
    *(d.field for d in DIMENSIONS),
    "website",
    "target_groups",
    "municipality",
    "latitude",
    "longitude",
]


class LinkRefused(Exception):
    """The link cannot be used (unknown, expired, used): the message says which."""

    def __init__(self, message: str, *, gone: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.gone = gone  # False: no such link (404); True: it was, but no more (410)


def token_hash(token: str) -> str:
    """How a link's secret is stored and looked up: only its hash."""
    return hashlib.sha256(token.encode()).hexdigest()


def usable_link(token: str, now: dt.datetime, *, lock: bool = False) -> ConfirmationLink:
    """The link with this secret, or LinkRefused saying why it cannot be used."""
    links = ConfirmationLink.objects.select_related(
        "initiative", "initiative__municipality", "initiative__organisation"
    )
    if lock:
        links = links.select_for_update(of=("self",))
    link = links.filter(token_hash=token_hash(token)).first() if len(token) <= 100 else None
    if link is None:
        raise LinkRefused(
            _("This link is not known. Ask the organisation for a new one."), gone=False
        )
    if link.used_at is not None:
        raise LinkRefused(
            _("This link has already been used. Ask the organisation for a new one if needed.")
        )
    if now >= link.expires_at:
        raise LinkRefused(_("This link has expired. Ask the organisation for a new one."))
    return link


def current_values(initiative: Initiative) -> dict[str, Any]:
    """The entry's proposable fields as stored in a proposal (JSON: ids and strings)."""
    values: dict[str, Any] = {
        name: getattr(initiative, name)
        for name in PROPOSABLE
        if name not in ("themes", "municipality")
    }
    values["themes"] = sorted(initiative.themes.values_list("pk", flat=True))
    values["municipality"] = initiative.municipality_id
    return as_json(values)


def as_json(values: dict[str, Any]) -> dict[str, Any]:
    plain: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, Decimal):
            value = str(value.quantize(Decimal("0.00001")))
        elif hasattr(value, "pk"):
            value = value.pk
        elif name == "themes":
            value = sorted(getattr(item, "pk", item) for item in value)
        plain[name] = value
    return plain
