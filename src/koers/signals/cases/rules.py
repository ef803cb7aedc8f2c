"""Who may do what in client support, beside who may open a case
(`koers.signals.access.cases_visible_to`).

Kinds of support and volunteers: staff who give client support see them; those who
supervise cases keep them (the director all of her organisation's, a coordinator those of
her programmes' activities). A case is changed by whoever may open it."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from koers.accounts.policy import Scope, has_capability, reach
from koers.accounts.roles import Capability, roles_with
from koers.plans.models import Activity
from koers.signals.models import CaseType


def support_holders(user: Any) -> set[int]:
    """The organisations in which she gives client support or supervises it (as staff)."""
    return set(reach(user, Capability.SUPPORT_CLIENTS)) | set(
        reach(user, Capability.SUPERVISE_CASES)
    )


def may_support(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.SUPPORT_CLIENTS, Scope(organisation_id=holder_id))


def may_keep_case_type(user: Any, holder_id: int, programme_id: int) -> bool:
    """Whether she keeps kinds of support (and their volunteers) of this programme."""
    return has_capability(
        user,
        Capability.SUPERVISE_CASES,
        Scope(organisation_id=holder_id, programme_id=programme_id),
    )


def kept_case_types(user: Any) -> Q:
    """The kinds of support she keeps (and whose volunteers she keeps)."""
    condition = Q(pk__in=[])
    for organisation_id, programmes in reach(user, Capability.SUPERVISE_CASES).items():
        if programmes is None:
            condition |= Q(holder_id=organisation_id)
        else:
            condition |= Q(holder_id=organisation_id, activity__programme_id__in=programmes)
    return condition


def activities_she_keeps(user: Any, holder_id: int) -> QuerySet[Activity]:
    """The activities of `holder_id`'s plans a kind of support of hers may belong to."""
    programmes = reach(user, Capability.SUPERVISE_CASES).get(holder_id, frozenset())
    rows = Activity.objects.filter(programme__plan__organisation_id=holder_id)
    if programmes is not None:
        rows = rows.filter(programme_id__in=programmes)
    return rows.select_related("programme").order_by("-year", "programme__name", "code", "pk")


def case_types_in_use(holder_id: int) -> QuerySet[CaseType]:
    return CaseType.objects.filter(holder_id=holder_id).filter(active=True).order_by("name")


def may_supervise_case(user: Any, case: Any) -> bool:
    """Whether she supervises this case (its programme's coordinator, the director): who
    may hand it over to another supporter."""
    return may_keep_case_type(user, case.holder_id, case.case_type.activity.programme_id)


def supporters_of(holder_id: int) -> QuerySet[Any]:
    """The active staff of `holder_id` who give client support: whom a case may be handed
    to."""
    from koers.accounts.models import User

    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=holder_id,
            memberships__role__in=roles_with(Capability.SUPPORT_CLIENTS),
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
