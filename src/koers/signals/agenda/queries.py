"""The read side of agenda-setting: the items with their counts, the meetings, and what a
bundle of signals holds, as counts per category, municipality and law (never the people;
a signal holds none). Every figure is counted in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Min, QuerySet
from django.utils.translation import gettext as _

from koers.signals.models import AgendaItem, Meeting, Signal
from koers.signals.models.choices import AGENDA_ORDER, AgendaStatus, Law


def agenda_items_for(user: Any) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.visible_to(user)
        .select_related("meeting")
        .annotate(signal_count=Count("signals", distinct=True), last_step_on=Max("steps__on"))
    )


def meetings_for(user: Any) -> QuerySet[Meeting]:
    return Meeting.objects.visible_to(user).select_related("with_organisation")


def meetings_with_counts(user: Any) -> QuerySet[Meeting]:
    return meetings_for(user).annotate(item_count=Count("agenda_items"))


@dataclass(frozen=True)
class Tally:
    label: str
    count: int


@dataclass(frozen=True)
class Bundle:
    """What a set of signals holds, in figures."""

    total: int
    first_week: str  # "2021-W03", or "" when empty
    last_week: str
    by_category: list[Tally]
    by_municipality: list[Tally]
    by_law: list[Tally]

    @property
    def tables(self) -> list[tuple[str, str, list[Tally]]]:
        """(caption, heading of the first column, rows) of each table the page shows."""
        return [
            (_("Signals per category"), _("Category"), self.by_category),
            (_("Signals per municipality"), _("Municipality"), self.by_municipality),
            (_("Signals per law or domain"), _("Law or domain"), self.by_law),
        ]


def _week(number: int | None) -> str:
    return "" if number is None else f"{number // 100}-W{number % 100:02d}"


def bundle_of(signals: QuerySet[Signal]) -> Bundle:
    """The counts of `signals` (four queries, whatever their number)."""
    rows = signals.order_by()
    span = rows.aggregate(
        total=Count("pk"),
        first=Min(F("iso_year") * 100 + F("iso_week")),
        last=Max(F("iso_year") * 100 + F("iso_week")),
    )
    by_category = [
        Tally(
            _label_of_category(row["category__parent__name"], row["category__name"]),
            row["count"],
        )
        for row in rows.values("category__parent__name", "category__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "category__parent__name", "category__name")
    ]
    by_municipality = [
        Tally(row["municipality__name"] or _("No municipality"), row["count"])
        for row in rows.values("municipality__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "municipality__name")
    ]
    laws = dict(Law.choices)
    by_law = [
        Tally(str(laws.get(row["law"], row["law"])), row["count"])
        for row in rows.values("law").annotate(count=Count("pk")).order_by("-count", "law")
    ]
    return Bundle(
        total=span["total"],
        first_week=_week(span["first"]),
        last_week=_week(span["last"]),
        by_category=by_category,
        by_municipality=by_municipality,
        by_law=by_law,
    )


def _label_of_category(main: str | None, name: str | None) -> str:
    if name is None:
        return _("Not yet interpreted")
    return f"{main} › {name}" if main else name


def bundle_candidates(holder_id: int, ids: list[int], item: AgendaItem | None = None) -> Any:
    """The signals the item's form offers: those chosen in the address and those the item
    bundles already, all of `holder_id`."""
    chosen = Signal.objects.held_by(holder_id).filter(pk__in=ids)
    if item is not None:
        chosen = chosen | Signal.objects.filter(agenda_items=item)
    return chosen.distinct().select_related("category__parent", "municipality")


def next_status(item: AgendaItem) -> str | None:
    """The one status the item may move to, or None once it has been fed back."""
    index = AGENDA_ORDER.index(item.status)
    return AGENDA_ORDER[index + 1] if index + 1 < len(AGENDA_ORDER) else None


def step_problems(item: AgendaItem, *, signal_count: int | None = None) -> list[str]:
    """Why the item cannot take its next step yet (empty: it can), as the page says before
    she tries, and the service says when she does. `signal_count`: when the caller counted
    them already."""
    target = next_status(item)
    if target is None:
        return [_("This item has been fed back: its route is complete.")]
    problems: list[str] = []
    count = item.signals.count() if signal_count is None else signal_count
    if target == AgendaStatus.GEDUID and not count:
        problems.append(_("Bundle at least one signal before the item is interpreted."))
    if target == AgendaStatus.GEAGENDEERD and item.meeting_id is None:
        problems.append(_("Choose the meeting the item goes to before it is put on the agenda."))
    return problems
