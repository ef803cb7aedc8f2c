"""Derived measures of relations, registered with `plans`: events and communication items
of the indicator's programme (optionally of one theme, `measure_params["theme"]`), events
of its activity, and the organisations active with the programme.

"Active" means: co-organised an event of the programme in the period, or attended one
(a participant marked as present, or registered where attendance was not recorded is not
counted), or — when the indicator names `measure_params["min_interactions"]`, N — was on
at least N contacts (interactions) of the programme in the period. The organisation
holding the records is never counted, nor organisations of the kinds in
`measure_params["exclude_kinds"]` (by default municipalities and the province) or with the
slugs in `measure_params["exclude"]` — the seeds count "an active circle of 6
organisations besides CMO, GGD, municipalities and province"."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from koers.plans.measures import Measure, Parameter, choices_of, count_per_scope, register

DEFAULT_EXCLUDED_KINDS = ("municipality", "province")
logger = logging.getLogger(__name__)


def _theme(indicator: Any) -> str:
    return str((indicator.measure_params or {}).get("theme", "")).strip()


def _events(indicator: Any, start: dt.date, end: dt.date, *, by_activity: bool = False) -> Any:
    from koers.relations.models import Event

    scope = (
        Q(activity_id=indicator.activity_id)
        if by_activity
        else Q(programme_id=indicator.activity.programme_id)
    )
    events = Event.objects.filter(scope, date__gte=start, date__lte=end)
    theme = _theme(indicator)
    if theme:
        events = events.filter(theme__iexact=theme)
    return events.order_by("date", "id")


def _programme_of(indicator: Any) -> int:
    return int(indicator.activity.programme_id)


def _events_many(
    indicators: list[Any], start: dt.date, end: dt.date, *, by_activity: bool = False
) -> dict[int, Decimal | None]:
    from koers.relations.models import Event

    return count_per_scope(
        indicators,
        Event.objects.filter(date__gte=start, date__lte=end),
        scope=(lambda i: i.activity_id) if by_activity else _programme_of,
        scope_field="activity_id" if by_activity else "programme_id",
        narrowing=_theme,
        narrowing_lookup="theme__iexact",
    )


def _communications_many(
    indicators: list[Any], start: dt.date, end: dt.date
) -> dict[int, Decimal | None]:
    from koers.relations.models import CommunicationItem

    return count_per_scope(
        indicators,
        CommunicationItem.objects.filter(date__gte=start, date__lte=end),
        scope=_programme_of,
        scope_field="programme_id",
        narrowing=_theme,
        narrowing_lookup="theme__iexact",
    )


def _communications(indicator: Any, start: dt.date, end: dt.date) -> Any:
    from koers.relations.models import CommunicationItem

    items = CommunicationItem.objects.filter(
        programme_id=indicator.activity.programme_id, date__gte=start, date__lte=end
    )
    theme = _theme(indicator)
    if theme:
        items = items.filter(theme__iexact=theme)
    return items.order_by("date", "id")


def _active_organisations(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.directory.models import Organisation
    from koers.relations.models import Interaction
    from koers.relations.organisation_conditions import at_events, on_contacts

    params = indicator.measure_params or {}
    active = at_events(_events(indicator, start, end))
    min_interactions = _whole_number(params.get("min_interactions"))
    if min_interactions:
        contacts = Interaction.objects.filter(
            programme_id=indicator.activity.programme_id, date__gte=start, date__lte=end
        )
        active |= on_contacts(contacts, at_least=min_interactions)
    holder_id = indicator.activity.programme.plan.organisation_id
    return (
        Organisation.objects.filter(active)
        .exclude(pk=holder_id)
        .exclude(kind__in=params.get("exclude_kinds", DEFAULT_EXCLUDED_KINDS))
        .exclude(slug__in=params.get("exclude", []))
        .order_by("name")
    )


def _whole_number(value: Any) -> int | None:
    """A count parameter: absent or empty is None; anything but a whole number ≥ 0 is a
    mistake in the indicator's set-up (ValueError), never read as some other number."""
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise ValueError(f"min_interactions must be a whole number, not {value!r}")
    return int(value)


def _active_count(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    """No value rather than a wrong one, and no broken page, when the set-up is wrong."""
    try:
        return Decimal(_active_organisations(indicator, start, end).count())
    except ValueError as error:
        logger.warning("Indicator %s: %s", indicator.pk, error)
        return None


def _active_records(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.directory.models import Organisation

    try:
        return _active_organisations(indicator, start, end)
    except ValueError as error:
        logger.warning("Indicator %s: %s", indicator.pk, error)
        return Organisation.objects.none()


def _network_kind(indicator: Any) -> str:
    return str((indicator.measure_params or {}).get("kind", "")).strip()


def _networks_taken_part_in(start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.relations.models import Network

    return Network.objects.filter(joined_on__lte=end).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=start)
    )


def _networks(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    """Networks of the programme the organisation took part in during the period (of one
    kind, `measure_params["kind"]`, e.g. "national")."""
    networks = _networks_taken_part_in(start, end).filter(
        programme_id=indicator.activity.programme_id
    )
    kind = _network_kind(indicator)
    if kind:
        networks = networks.filter(kind=kind)
    return networks.order_by("name")


def _networks_many(
    indicators: list[Any], start: dt.date, end: dt.date
) -> dict[int, Decimal | None]:
    return count_per_scope(
        indicators,
        _networks_taken_part_in(start, end),
        scope=_programme_of,
        scope_field="programme_id",
        narrowing=_network_kind,
        narrowing_lookup="kind",
    )


def _members_at_end(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.relations.members.queries import members_on

    holder_id = indicator.activity.programme.plan.organisation_id
    return members_on(holder_id, end).select_related("organisation").order_by("organisation__name")


def _member_growth(indicator: Any, start: dt.date, end: dt.date) -> Decimal:
    """Members at the end of the period minus members the day before it began."""
    from koers.relations.members.queries import members_on

    holder_id = indicator.activity.programme.plan.organisation_id
    before = members_on(holder_id, start - dt.timedelta(days=1)).count()
    return Decimal(members_on(holder_id, end).count() - before)


def _members_joined(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.relations.models import EmployerMembership

    return (
        EmployerMembership.objects.filter(
            holder_id=indicator.activity.programme.plan.organisation_id,
            started_on__gte=start,
            started_on__lte=end,
        )
        .select_related("organisation")
        .order_by("started_on")
    )


def _count(records: Any) -> Any:
    return lambda indicator, start, end: Decimal(records(indicator, start, end).count())


THEME = Parameter("theme", _("Theme"), help_text=_("As the events and items write it."))

MEASURES = [
    Measure(
        key="relations.events_programme",
        label=_("Events of the programme (of one theme, if the indicator names one)"),
        counts_records=True,
        compute=_count(_events),
        records=_events,
        compute_many=_events_many,
        parameters=(THEME,),
    ),
    Measure(
        key="relations.events_activity",
        label=_("Events of the activity"),
        counts_records=True,
        compute=_count(lambda i, s, e: _events(i, s, e, by_activity=True)),
        records=lambda i, s, e: _events(i, s, e, by_activity=True),
        compute_many=lambda i, s, e: _events_many(i, s, e, by_activity=True),
        parameters=(THEME,),
    ),
    Measure(
        key="relations.communications_programme",
        label=_("Communication items of the programme (of one theme, if named)"),
        counts_records=True,
        compute=_count(_communications),
        records=_communications,
        compute_many=_communications_many,
        parameters=(THEME,),
    ),
    Measure(
        key="relations.networks_programme",
        label=_("Networks of the programme taken part in (of one kind, if named)"),
        counts_records=True,
        compute=_count(_networks),
        records=_networks,
        compute_many=_networks_many,
        parameters=(
            Parameter(
                "kind",
                _("Kind of network"),
                choices=choices_of("koers.relations.models.NetworkKind"),
            ),
        ),
    ),
    Measure(
        key="relations.member_employers",
        label=_("Member employers at the end of the period"),
        counts_records=True,
        compute=_count(_members_at_end),
        records=_members_at_end,
    ),
    Measure(
        key="relations.member_employers_growth",
        label=_("Growth in member employers over the period"),
        compute=_member_growth,
        records=_members_joined,
    ),
    Measure(
        key="relations.active_organisations",
        label=_(
            "Organisations active with the programme (co-organised or attended an event, "
            "or on at least N contacts if the indicator names N)"
        ),
        compute=_active_count,
        counts_records=True,
        records=_active_records,
        parameters=(
            THEME,
            Parameter(
                "min_interactions",
                _("Or at least this many contacts"),
                number=True,
                help_text=_(
                    "Also counts an organisation with that many contacts with the programme "
                    "in the period."
                ),
            ),
            Parameter(
                "exclude_kinds",
                _("Not counted: these kinds"),
                choices=choices_of("koers.directory.models.OrganisationKind"),
                many=True,
                default=DEFAULT_EXCLUDED_KINDS,
                help_text=_("Municipalities and the province unless chosen otherwise."),
            ),
            Parameter(
                "exclude",
                _("Not counted: these organisations"),
                many=True,
                help_text=_("Their short names (slugs), separated by commas."),
            ),
        ),
    ),
]


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
