"""Writes to the directory of organisations: add and change (with a duplicate check) and
merge two records of the same organisation, moving every link to the one that stays.

Organisations are shared by everyone on the installation (a municipality is the same
municipality for every organisation that works with it), so every write is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.directory.duplicates import name_key
from koers.directory.merging import LinkCollision, move_links
from koers.directory.models import Organisation, Tag
from koers.directory.organisations import rules
from koers.directory.organisations.queries import possible_duplicates

__all__ = [
    "name_key",  # here too, where callers of the duplicate check look for it
    "organisation_merge",
    "organisation_save",
    "tags_create",
]

ORGANISATION_FIELDS = [
    "name",
    "short_name",
    "kind",
    "municipality",
    "parent",
    "website",
    "address",
    "sector",
]


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisatie"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def tags_create(text: str) -> list[Tag]:
    """The tags named in `text` (separated by commas), made where they do not exist yet."""
    names = {part.strip()[:60] for part in text.split(",") if part.strip()}
    return [Tag.objects.get_or_create(name=name)[0] for name in sorted(names)]


@transaction.atomic
def organisation_save(
    *,
    actor: Any,
    values: dict[str, Any],
    tags: list[Tag] | None = None,
    organisation: Organisation | None = None,
    expected_version: int | None = None,
    accept_duplicates: bool = False,
    remote_addr: str | None = None,
    action: str | None = None,
) -> Organisation:
    """Add an organisation or change one. A new one that looks like one Koers knows is
    refused with the look-alikes unless `accept_duplicates`. The audit entry's `action`
    is "organisation.created" or "organisation.saved" unless one is given (an import)."""
    refusal = rules.edit_refusal(actor, organisation)
    if refusal:
        raise PermissionDenied(refusal)
    before = None
    if organisation is None:
        if not accept_duplicates:
            twins = possible_duplicates(values["name"], values.get("website", ""))
            if twins:
                raise ValidationError(
                    _("Koers knows organisations that look the same: %(names)s.")
                    % {"names": ", ".join(o.name for o in twins)},
                    code="duplicate",
                )
        organisation = Organisation(slug=_unique_slug(values["name"]))
    else:
        organisation = lock_for_edit(organisation, expected_version)
        before = {**snapshot(organisation, ORGANISATION_FIELDS), "tags": _tag_names(organisation)}
    if (
        values.get("parent") is not None
        and organisation.pk
        and _is_below(values["parent"], organisation.pk)
    ):
        raise ValidationError({"parent": _("An organisation cannot be its own parent.")})
    for name, value in values.items():
        setattr(organisation, name, value)
    organisation.full_clean(exclude=["tags"])
    organisation.save()
    if tags is not None:
        organisation.tags.set(tags)
    audit_write(
        actor=actor,
        action=action or ("organisation.saved" if before else "organisation.created"),
        instance=organisation,
        before=before,
        after={**snapshot(organisation, ORGANISATION_FIELDS), "tags": _tag_names(organisation)},
        remote_addr=remote_addr,
        organisation_id=_log_of(actor, organisation),
    )
    return organisation


def _log_of(actor: Any, organisation: Organisation) -> int | None:
    """Whose audit log records a change to `organisation`: its own when it works in Koers
    (its administrator answers for it), else the log of the organisation the editor works
    for (a shared record has no log of its own that anyone reads)."""
    if rules.works_in_koers(organisation):
        return organisation.pk
    for capability in (Capability.EDIT_PERSONS, Capability.MANAGE_INSTALLATION):
        own, _funding = organisations_with(actor, capability)
        if own:
            return min(own)
    return None


def _tag_names(organisation: Organisation) -> list[str]:
    return sorted(organisation.tags.values_list("name", flat=True))


def _is_below(candidate: Organisation, pk: int) -> bool:
    """True when `candidate` is the organisation `pk` or one of its descendants' ancestors
    would loop back to it."""
    seen: set[int] = set()
    current: Organisation | None = candidate
    while current is not None and current.pk not in seen:
        if current.pk == pk:
            return True
        seen.add(current.pk)
        current = current.parent
    return False


@transaction.atomic
def organisation_merge(
    *, actor: Any, keep: Organisation, duplicate: Organisation, remote_addr: str | None = None
) -> dict[str, int]:
    """Move every link of `duplicate` to `keep` and remove `duplicate`; returns how many
    links moved per kind. Refused for an organisation that has users or plans (an
    organisation working in Koers is not a duplicate entry), and when a move would make two
    records one (the relation is named)."""
    refusal = rules.merge_refusal(actor)
    if refusal:
        raise PermissionDenied(refusal)
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different organisations."))
    keep = Organisation.objects.select_for_update().get(pk=keep.pk)
    duplicate = Organisation.objects.select_for_update().get(pk=duplicate.pk)
    if duplicate.memberships.exists() or duplicate.plans.exists():
        raise ValidationError(
            _("%(name)s has users or plans in Koers; it cannot be merged away.")
            % {"name": duplicate.name}
        )
    if _is_below(keep, duplicate.pk):
        # Moving the duplicate's children to `keep` would make `keep` its own ancestor:
        # `keep` takes the duplicate's place in the tree instead.
        keep.parent = duplicate.parent
        keep.save(update_fields=["parent"])
    try:
        moved = move_links(Organisation, keep, duplicate)
    except LinkCollision as collision:
        raise ValidationError(
            _("Both organisations have a %(what)s that would become one; resolve that first.")
            % {"what": collision.what}
        ) from None
    keep.tags.add(*duplicate.tags.all())
    before = {**snapshot(duplicate, ORGANISATION_FIELDS), "pk": duplicate.pk}
    duplicate.delete()
    audit_write(
        actor=actor,
        action="organisation.merged",
        instance=keep,
        before={"merged": before},
        after={"moved": moved},
        remote_addr=remote_addr,
        organisation_id=_log_of(actor, keep),
    )
    return moved
