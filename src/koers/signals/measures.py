"""Derived measures of signals and client support, registered with `plans`, so the plan's
indicators of Versterken van Inwoners count themselves ("Informatie en advies aan 20 unieke
cliënten per maand"). Everything is counted in the database: a page with many such
indicators costs a query per measure (and narrowing), not one per indicator.

Signals and agenda items are counted over the organisation that holds the indicator's plan
(the signals' holder); client support over the cases and volunteers of the kinds of client
support (`CaseType`) that belong to the indicator's own activity.

- `signals.received` (params "channel": a `Channel` value, "theme": the name of a main
  category, "law": a `Law` value; all optional): signals received in the period, by the
  week they came in (a week is in the period when its Thursday is). A count of 1 to 4 is
  shown as no value (`koers.signals.suppression`): plans' pages are read by funders too.
- `signals.agenda_raised`: agenda items put on a meeting's agenda (status "geagendeerd")
  in the period.
- `signals.agenda_fed_back`: agenda items whose outcome was fed back in the period.
- `signals.unique_clients_per_month`: the mean, over the calendar months of the period,
  of the number of different clients with a contact in that month. Only whole months
  count; months the period holds in part count only when it holds no whole month. A client
  seen in January and in February counts in both months, a client seen twice in one month
  once: not a year's total divided by twelve.
- `signals.unique_clients`: different clients with a contact in the period.
- `signals.volunteers_active`: volunteers in client support active at some time in the
  period.

The records behind the client counts are about people: pages and reports count them and
never list them (`koers.plans.measures.lists_records`); signals are counted, not listed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from koers.plans.measures import Measure, Parameter, choices_of, register
from koers.signals.weeks import IsoWeek


def _holder(indicator: Any) -> int:
    return int(indicator.activity.programme.plan.organisation_id)


def _param(indicator: Any, name: str) -> str:
    return str((indicator.measure_params or {}).get(name, "")).strip()


def weeks_in(start: dt.date, end: dt.date) -> tuple[IsoWeek, IsoWeek] | None:
    """The first and last ISO week whose Thursday lies in [start, end]; None when none does
    (a period shorter than a week may hold no Thursday)."""
    first = IsoWeek.of(start)
    if first.thursday < start:
        first = IsoWeek.of(start + dt.timedelta(days=7))
    last = IsoWeek.of(end)
    if last.thursday > end:
        last = IsoWeek.of(end - dt.timedelta(days=7))
    return (first, last) if first <= last else None


# --- signals received -------------------------------------------------------------------


def _received_rows(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any] | None:
    """The signals counted, or None when a parameter names nothing that exists."""
    from koers.signals.models import Signal
    from koers.signals.models.choices import Channel, Law

    weeks = weeks_in(start, end)
    if weeks is None:
        return Signal.objects.none()
    first, last = weeks
    rows = Signal.objects.in_week_range((first.year, first.week), (last.year, last.week)).filter(
        holder_id=_holder(indicator)
    )
    if channel := _param(indicator, "channel"):
        if channel not in Channel.values:
            return None
        rows = rows.filter(channel=channel)
    if law := _param(indicator, "law"):
        if law not in Law.values:
            return None
        rows = rows.filter(law=law)
    if theme := _param(indicator, "theme"):
        rows = rows.filter(
            Q(category__parent__isnull=True, category__name__iexact=theme)
            | Q(category__parent__name__iexact=theme)
        )
    return rows


def _received(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    from koers.signals.suppression import visible

    rows = _received_rows(indicator, start, end)
    if rows is None:
        return None
    count = visible(rows.count())
    return None if count is None else Decimal(count)


# --- agenda -------------------------------------------------------------------------------


def _agenda_reaching(status: str) -> Any:
    def records(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
        from koers.signals.models import AgendaItem, AgendaStep

        reached = AgendaStep.objects.filter(status=status, on__gte=start, on__lte=end)
        return (
            AgendaItem.objects.filter(holder_id=_holder(indicator))
            .filter(pk__in=reached.values("item_id"))
            .order_by("pk")
        )

    return records


# --- client support ----------------------------------------------------------------------


def _contacts(activity_ids: set[int], start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.signals.models import CaseContact

    return CaseContact.objects.filter(
        case__case_type__activity_id__in=activity_ids, on__gte=start, on__lte=end
    )


def months_counted(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the months `unique_clients_per_month` averages over: the whole
    months in [start, end]; when it holds no whole month, the months it touches."""
    whole: list[dt.date] = []
    touched: list[dt.date] = []
    first = start.replace(day=1)
    while first <= end:
        following = (first + dt.timedelta(days=32)).replace(day=1)
        touched.append(first)
        if first >= start and following - dt.timedelta(days=1) <= end:
            whole.append(first)
        first = following
    return whole or touched


def _per_month_many(indicators: list[Any], start: dt.date, end: dt.date) -> dict[int, Any]:
    """One grouped query for all indicators: distinct clients per activity and month."""
    months = months_counted(start, end)
    if not months:
        return {indicator.pk: None for indicator in indicators}
    activity_ids = {indicator.activity_id for indicator in indicators}
    window_end = (months[-1] + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    window_start = max(start, months[0])
    window_end = min(end, window_end)
    counts: dict[int, int] = defaultdict(int)
    rows = (
        _contacts(activity_ids, window_start, window_end)
        .annotate(month=TruncMonth("on"))
        .order_by()
        .values_list("case__case_type__activity_id", "month")
        .annotate(clients=Count("case__client", distinct=True))
    )
    for activity_id, _month, clients in rows:
        counts[activity_id] += clients
    values: dict[int, Decimal | None] = {}
    for indicator in indicators:
        mean = Decimal(counts[indicator.activity_id]) / Decimal(len(months))
        values[indicator.pk] = mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return values


def _per_month(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    return _per_month_many([indicator], start, end)[indicator.pk]


def _clients(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.signals.models import Client

    seen = _contacts({indicator.activity_id}, start, end).values("case__client_id")
    return Client.objects.filter(pk__in=seen).order_by("pk")


def _clients_many(indicators: list[Any], start: dt.date, end: dt.date) -> dict[int, Any]:
    counts = dict(
        _contacts({indicator.activity_id for indicator in indicators}, start, end)
        .order_by()
        .values_list("case__case_type__activity_id")
        .annotate(clients=Count("case__client", distinct=True))
        .values_list("case__case_type__activity_id", "clients")
    )
    return {indicator.pk: Decimal(counts.get(indicator.activity_id, 0)) for indicator in indicators}


def _volunteers(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.signals.models import SupportVolunteer

    return (
        SupportVolunteer.objects.filter(case_type__activity_id=indicator.activity_id)
        .filter(started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .order_by("pk")
    )


def _count(records: Any) -> Any:
    return lambda indicator, start, end: Decimal(records(indicator, start, end).count())


MEASURES = [
    Measure(
        key="signals.received",
        label=_("Signals received in the period (of one channel, theme or law, if named)"),
        compute=_received,
        parameters=(
            Parameter(
                "channel", _("Channel"), choices=choices_of("koers.signals.models.choices.Channel")
            ),
            Parameter(
                "theme",
                _("Theme"),
                help_text=_("The name of a main category, as the signals list shows it."),
            ),
            Parameter("law", _("Law"), choices=choices_of("koers.signals.models.choices.Law")),
        ),
    ),
    Measure(
        key="signals.agenda_raised",
        label=_("Agenda items on a meeting's agenda in the period"),
        compute=_count(_agenda_reaching("geagendeerd")),
        records=_agenda_reaching("geagendeerd"),
        counts_records=True,
    ),
    Measure(
        key="signals.agenda_fed_back",
        label=_("Agenda items whose outcome was fed back in the period"),
        compute=_count(_agenda_reaching("teruggekoppeld")),
        records=_agenda_reaching("teruggekoppeld"),
        counts_records=True,
    ),
    Measure(
        key="signals.unique_clients_per_month",
        label=_("Different clients per month in client support (mean over the months)"),
        compute=_per_month,
        compute_many=_per_month_many,
    ),
    Measure(
        key="signals.unique_clients",
        label=_("Different clients with a contact in client support in the period"),
        compute=_count(_clients),
        records=_clients,
        compute_many=_clients_many,
        counts_records=True,
    ),
    Measure(
        key="signals.volunteers_active",
        label=_("Volunteers active in client support in the period"),
        compute=_count(_volunteers),
        records=_volunteers,
        counts_records=True,
    ),
]


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
