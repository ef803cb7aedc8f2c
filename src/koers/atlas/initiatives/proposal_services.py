"""Taking over a derived tie, or hiding it: nothing is created without her choice, and a
derived tie is stored once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.atlas.initiatives.checks import check_editor
from koers.atlas.initiatives.proposals import find_proposal
from koers.atlas.initiatives.services import collaboration_save
from koers.atlas.models import Collaboration, Initiative, TieDismissal
from koers.core.audit import audit_write
from koers.directory.models import Organisation


def _proposal(holder_id: int, key: tuple[str, int, int]) -> Any:
    proposal = find_proposal(holder_id, *key)
    if proposal is None:
        raise ValidationError(
            _(
                "This proposal is no longer open: it was taken over or hidden, "
                "or its records changed."
            )
        )
    return proposal


def _end(initiative_id: int | None, organisation_id: int) -> dict[str, Any]:
    if initiative_id is not None:
        return {"initiative": Initiative.objects.get(pk=initiative_id), "organisation": None}
    return {"initiative": None, "organisation": Organisation.objects.get(pk=organisation_id)}


@transaction.atomic
def derived_tie_add(
    *, actor: Any, holder_id: int, key: tuple[str, int, int], remote_addr: str | None = None
) -> Collaboration:
    """Store the proposed tie, marked with where it came from (an end that is in the atlas
    as an initiative is stored as that initiative)."""
    check_editor(actor, holder_id)
    proposal = _proposal(holder_id, key)
    first = _end(proposal.first_initiative, proposal.first)
    second = _end(proposal.second_initiative, proposal.second)
    return collaboration_save(
        actor=actor,
        holder_id=holder_id,
        values={
            "from_initiative": first["initiative"],
            "from_organisation": first["organisation"],
            "to_initiative": second["initiative"],
            "to_organisation": second["organisation"],
            "kind": proposal.kind,
            "theme": None,
            "started_on": proposal.started_on,
            "ended_on": None,
            "source": proposal.source,
            "source_note": proposal.where[:300],
            "is_internal": False,
        },
        derivation=proposal.derivation,
        remote_addr=remote_addr,
    )


@transaction.atomic
def derived_tie_dismissal_record(
    *, actor: Any, holder_id: int, key: tuple[str, int, int], remote_addr: str | None = None
) -> TieDismissal:
    """Hide the proposal: the page does not offer it again."""
    check_editor(actor, holder_id)
    proposal = _proposal(holder_id, key)
    dismissal = TieDismissal.objects.create(
        holder_id=holder_id,
        derivation=proposal.derivation,
        first_id=proposal.first,
        second_id=proposal.second,
        dismissed_by=actor,
        dismissed_at=timezone.now(),
    )
    audit_write(
        actor=actor,
        action="collaboration.proposal_hidden",
        instance=dismissal,
        after={
            "derivation": proposal.derivation,
            "first": proposal.first,
            "second": proposal.second,
        },
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return dismissal
