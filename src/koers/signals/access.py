"""Permission-checking getters of signals (out of her sight -> 404) and the narrower rule of
client support cases.

Signals, categories, meetings and agenda items: staff of the holder with `VIEW_SIGNALS`.
A case: its supporter, the coordinator of the programme its kind of support belongs to,
and the director (`SUPERVISE_CASES`). Every opening of a case is logged (NEN 7513), and so
is every refused attempt on a case that exists."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, reach
from koers.accounts.roles import Capability
from koers.plans.managers import holders_visible_to
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.signals.models import AgendaItem, Case, Category, Meeting, Signal


def get_signal_for_user(user: Any, pk: int) -> Signal:
    return get_object_or_404(
        Signal.objects.visible_to(user).select_related("category__parent", "municipality"),
        pk=pk,
    )


def get_category_for_user(user: Any, pk: int) -> Category:
    return get_object_or_404(Category.objects.visible_to(user).select_related("parent"), pk=pk)


def get_meeting_for_user(user: Any, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(user), pk=pk)


def get_agenda_item_for_user(user: Any, pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.visible_to(user).select_related("meeting"), pk=pk)


def may_record_signals(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.RECORD_SIGNALS, Scope(organisation_id=holder_id))


def may_manage_signals(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.MANAGE_SIGNALS, Scope(organisation_id=holder_id))


def figure_holders_visible_to(user: Any) -> set[int]:
    """The holders whose signal figures `user` may see (`holders_visible_to`). Every figure
    shown this way has its small numbers hidden (`koers.signals.suppression`)."""
    return holders_visible_to(user, Capability.VIEW_SIGNAL_FIGURES)


def cases_visible_to(user: Any) -> Q:
    """The cases `user` may open: those she supports, and those she supervises (the
    director: her organisation's; a coordinator: her programmes')."""
    condition = Q(pk__in=[])
    for organisation_id in reach(user, Capability.SUPPORT_CLIENTS):
        condition |= Q(holder_id=organisation_id, supporter_id=user.pk)
    for organisation_id, programmes in reach(user, Capability.SUPERVISE_CASES).items():
        if programmes is None:
            condition |= Q(holder_id=organisation_id)
        else:
            condition |= Q(
                holder_id=organisation_id, case_type__activity__programme_id__in=programmes
            )
    return condition


def may_open_case(user: Any, case: Case) -> bool:
    return Case.objects.filter(cases_visible_to(user), pk=case.pk).exists()


def get_case_for_request(request: HttpRequest, pk: int, *, detail: str = "") -> Case:
    """The case, logged as viewed; 404 when she may not open it, and then the attempt is
    logged as refused (when the case exists: a number that is no case protects nobody)."""
    user: Any = request.user
    found = (
        Case.objects.filter(cases_visible_to(user))
        .select_related("client__municipality", "case_type__activity", "supporter")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        existing = Case.objects.filter(pk=pk).first()
        if existing is not None and user.is_authenticated:
            log_access(request, AccessAction.REFUSED, [existing], detail=detail)
        raise Http404
    log_access(request, AccessAction.VIEW, [found], detail=detail)
    return found
