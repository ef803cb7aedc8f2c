"""The annual plan's workflow and the advisory council's comments."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.plans.access import TRANSITIONS, annual_plan_scope
from koers.plans.models import (
    AdvisoryComment,
    AmendmentStatus,
    AnnualPlan,
    AnnualPlanEvent,
    AnnualPlanStatus,
    Programme,
)

# --- annual plan workflow ---------------------------------------------------------------------

S = AnnualPlanStatus


@transaction.atomic
def annual_plan_transition(
    *,
    actor: Any,
    annual_plan: AnnualPlan,
    to_status: str,
    comment: str = "",
    remote_addr: str | None = None,
) -> AnnualPlan:
    current = (
        AnnualPlan.objects.select_for_update(of=("self",))
        .select_related("plan")
        .get(pk=annual_plan.pk)
    )
    capability = TRANSITIONS.get((current.status, to_status))
    if capability is None:
        raise ValidationError(
            {
                "to_status": _("An annual plan that is %(status)s cannot go to that step.")
                % {"status": current.get_status_display().lower()}
            }
        )
    if not has_capability(actor, capability, annual_plan_scope(current)):
        raise PermissionDenied
    if (current.status, to_status) == (S.SUBMITTED, S.CONCEPT) and not comment.strip():
        raise ValidationError({"comment": _("Say why the plan goes back to draft.")})
    if to_status in (S.CONCEPT, S.ACCOUNTED):
        # Back to draft the plan is edited directly; once accounted for it cannot change.
        current.amendments.filter(status=AmendmentStatus.PROPOSED).update(
            status=AmendmentStatus.WITHDRAWN,
            decision_note=_("Lapsed: the annual plan went to %(status)s.")
            % {"status": S(to_status).label.lower()},
        )
    AnnualPlanEvent.objects.create(
        annual_plan=current,
        from_status=current.status,
        to_status=to_status,
        actor=actor,
        comment=comment,
    )
    before = snapshot(current, ["status"])
    current.status = to_status
    current.save(update_fields=["status"])
    audit_write(
        actor=actor,
        action="annual_plan.transition",
        instance=current,
        before=before,
        after=snapshot(current, ["status"]),
        remote_addr=remote_addr,
    )
    return current


@transaction.atomic
def advisory_comment_add(
    *,
    actor: Any,
    annual_plan: AnnualPlan,
    text: str,
    programme: Programme | None = None,
    remote_addr: str | None = None,
) -> AdvisoryComment:
    if not has_capability(actor, Capability.ADVISE_ANNUAL_PLAN, annual_plan_scope(annual_plan)):
        raise PermissionDenied
    if programme is not None and programme.plan_id != annual_plan.plan_id:
        raise PermissionDenied  # advice on this plan is about its own programmes
    if annual_plan.status != S.ADVICE:
        raise ValidationError({"text": _("Comments are possible while the plan is under advice.")})
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    comment = AdvisoryComment.objects.create(
        annual_plan=annual_plan, programme=programme, author=actor, text=text
    )
    audit_write(
        actor=actor,
        action="annual_plan.advise",
        instance=comment,
        context=context_of(annual_plan),
        after={"text": text},
        remote_addr=remote_addr,
    )
    return comment
