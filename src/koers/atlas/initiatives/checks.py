"""The rules an initiative or a tie must keep, shared by the forms' services and the
review of a contact's proposal: each raises a ValidationError with a Dutch message that
names the problem."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from koers.atlas.access import may_edit_atlas
from koers.atlas.models import Initiative
from koers.core.geo import is_in_netherlands
from koers.directory.models import Person


def check_editor(actor: Any, holder_id: int) -> None:
    """Only those who may change this atlas write to it (a funder's official never)."""
    if not may_edit_atlas(actor, holder_id):
        raise PermissionDenied


def check_point(latitude: Any, longitude: Any) -> None:
    """Both or neither, and inside the Netherlands."""
    if (latitude is None) != (longitude is None):
        raise ValidationError(
            _("Give both the latitude and the longitude of the location, or neither.")
        )
    if latitude is not None and not is_in_netherlands(float(latitude), float(longitude)):
        raise ValidationError(
            _(
                "The location (%(latitude)s, %(longitude)s) lies outside the Netherlands. "
                "Check the coordinates: latitude first (about 50.7–53.6), then longitude "
                "(about 3.3–7.3)."
            )
            % {"latitude": latitude, "longitude": longitude}
        )


def check_organisation_once(holder_id: int, organisation: Any, initiative: Any) -> None:
    """No organisation twice in one atlas: the message links the entry it already has."""
    if organisation is None:
        return
    others = Initiative.objects.filter(holder_id=holder_id, organisation=organisation)
    if initiative is not None and initiative.pk is not None:
        others = others.exclude(pk=initiative.pk)
    existing = others.first()
    if existing is not None:
        raise ValidationError(
            {
                "organisation": format_html(
                    _('{organisation} is already in the atlas as <a href="{url}">{entry}</a>.'),
                    organisation=organisation,
                    url=reverse("atlas:initiative", args=[existing.pk]),
                    entry=existing.name,
                )
            }
        )


def check_contact(holder_id: int, contact: Person | None) -> None:
    if contact is not None and contact.holder_id != holder_id:
        raise ValidationError(
            {"contact": _("Choose a contact person from your own organisation's persons.")}
        )


def _party_organisation(initiative: Any, organisation: Any) -> Any:
    """The directory organisation an end stands for (an initiative's own, when it has one)."""
    return initiative.organisation_id if initiative is not None else organisation.pk


def check_ends(values: dict[str, Any], holder_id: int) -> None:
    """Exactly one party at each end, initiatives of this atlas, and not a tie from a
    party to itself (an initiative and its own directory organisation are one party)."""
    errors: dict[str, str] = {}
    for end, label in (("from", _("From")), ("to", _("To"))):
        initiative, organisation = (
            values.get(f"{end}_initiative"),
            values.get(f"{end}_organisation"),
        )
        if (initiative is None) == (organisation is None):
            errors[f"{end}_initiative"] = _(
                "%(end)s: choose an initiative of the atlas or an organisation, not both."
            ) % {"end": label}
        elif initiative is not None and initiative.holder_id != holder_id:
            raise PermissionDenied
    if errors:
        raise ValidationError(errors)
    first = (values.get("from_initiative"), values.get("from_organisation"))
    second = (values.get("to_initiative"), values.get("to_organisation"))
    same = first == second or (
        _party_organisation(*first) is not None
        and _party_organisation(*first) == _party_organisation(*second)
    )
    if same:
        raise ValidationError(
            {
                "to_initiative": _(
                    "A tie runs between two parties; choose another party at this end."
                )
            }
        )
    ended, started = values.get("ended_on"), values.get("started_on")
    if ended is not None and started is not None and ended < started:
        raise ValidationError({"ended_on": _("The tie cannot end before it started.")})
