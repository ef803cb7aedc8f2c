"""Writes to initiatives and collaborations: each checks that the actor may change this
atlas, runs in one transaction, checks the version of what it changes and keeps an audit
entry. Views, the confirmation link, the demo and the tests all write through these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.atlas.initiatives.checks import (
    check_contact,
    check_editor,
    check_ends,
    check_organisation_once,
    check_point,
)
from koers.atlas.models import DIMENSIONS, Collaboration, Initiative
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit

INITIATIVE_FIELDS = [
    "name",
    "kind",
    "description",
    *(d.field for d in DIMENSIONS),
    "target_groups",
    "municipality",
    "latitude",
    "longitude",
    "website",
    "organisation",
    "contact",
    "is_public",
]
COLLABORATION_FIELDS = [
    "from_initiative",
    "from_organisation",
    "to_initiative",
    "to_organisation",
    "kind",
    "theme",
    "started_on",
    "ended_on",
    "source",
    "source_note",
    "is_internal",
]


def _initiative_state(initiative: Initiative) -> dict[str, Any]:
    return {
        **snapshot(initiative, [*INITIATIVE_FIELDS, "confirmed_on"]),
        "themes": sorted(initiative.themes.values_list("pk", flat=True)),
    }


@transaction.atomic
def initiative_save(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    themes: list[Any],
    initiative: Initiative | None = None,
    expected_version: int | None = None,
    today: dt.date,
    remote_addr: str | None = None,
) -> Initiative:
    """Add an initiative (confirmed today: whoever enters it vouches for it) or change one
    at the version she opened."""
    check_editor(actor, holder_id)
    before = None
    if initiative is None:
        initiative = Initiative(holder_id=holder_id, confirmed_on=today)
    else:
        initiative = lock_for_edit(initiative, expected_version)
        if initiative.holder_id != holder_id:
            raise PermissionDenied
        before = _initiative_state(initiative)
    check_point(values.get("latitude"), values.get("longitude"))
    check_organisation_once(holder_id, values.get("organisation"), initiative)
    check_contact(holder_id, values.get("contact"))
    for name, value in values.items():
        setattr(initiative, name, value)
    initiative.full_clean(exclude=["themes"])
    initiative.save()
    initiative.themes.set(themes)
    audit_write(
        actor=actor,
        action="initiative.saved" if before else "initiative.created",
        instance=initiative,
        before=before,
        after=_initiative_state(initiative),
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return initiative


@transaction.atomic
def initiative_confirm(
    *, actor: Any, initiative: Initiative, today: dt.date, remote_addr: str | None = None
) -> Initiative:
    """A coordinator confirms the entry as it is: `confirmed_on` becomes today."""
    check_editor(actor, initiative.holder_id)
    locked = lock_for_edit(initiative, None)
    before = {"confirmed_on": locked.confirmed_on.isoformat()}
    locked.confirmed_on = today
    locked.save(update_fields=["confirmed_on", "version", "updated_at"])
    audit_write(
        actor=actor,
        action="initiative.confirmed",
        instance=locked,
        before=before,
        after={"confirmed_on": today.isoformat()},
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


def _collaboration_state(tie: Collaboration) -> dict[str, Any]:
    return snapshot(tie, [*COLLABORATION_FIELDS, "derivation"])


@transaction.atomic
def collaboration_save(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    collaboration: Collaboration | None = None,
    expected_version: int | None = None,
    derivation: str = "",
    remote_addr: str | None = None,
) -> Collaboration:
    """Add a tie (entered, or taken over from Koers's records with its `derivation`) or
    change one at the version she opened. A derived tie is stored once."""
    check_editor(actor, holder_id)
    check_ends(values, holder_id)
    before = None
    if collaboration is None:
        collaboration = Collaboration(holder_id=holder_id, derivation=derivation)
    else:
        collaboration = lock_for_edit(collaboration, expected_version)
        if collaboration.holder_id != holder_id:
            raise PermissionDenied
        before = _collaboration_state(collaboration)
    for name, value in values.items():
        setattr(collaboration, name, value)
    if collaboration.derivation and _derived_already(collaboration):
        raise ValidationError(_("This derived tie is already in the atlas."))
    collaboration.full_clean()
    collaboration.save()
    audit_write(
        actor=actor,
        action="collaboration.saved" if before else "collaboration.created",
        instance=collaboration,
        before=before,
        after=_collaboration_state(collaboration),
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return collaboration


def _derived_already(tie: Collaboration) -> bool:
    """The same derivation between the same parties, either way round (the database's
    constraint sees one direction only)."""
    ends = {
        "from_initiative": tie.from_initiative,
        "from_organisation": tie.from_organisation,
        "to_initiative": tie.to_initiative,
        "to_organisation": tie.to_organisation,
    }
    reverse_ends = {
        "from_initiative": tie.to_initiative,
        "from_organisation": tie.to_organisation,
        "to_initiative": tie.from_initiative,
        "to_organisation": tie.from_organisation,
    }
    found = Collaboration.objects.filter(holder_id=tie.holder_id, derivation=tie.derivation)
    found = found.exclude(pk=tie.pk) if tie.pk else found
    return found.filter(**ends).exists() or found.filter(**reverse_ends).exists()
