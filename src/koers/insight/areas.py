"""What the programmes did in a municipality in a year, beside its statistics: activities,
events, initiatives in the atlas, residents' signals and placements of extra hands.

Each count is of the records the user may see, by the rule of the app that holds them
(`visible_to`, the figure holders of signals and matching); a count of signals or placements
is a figure about people, so it has its small numbers hidden as the apps' own figure pages
do (`koers.signals.suppression`). A count the user may not see is left out, not shown as 0.
One query per count, whatever the number of records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.atlas.models import Initiative
from koers.matching.candidates.access import figure_holders_visible_to as pool_holders
from koers.matching.models import HOLDING_PLACEMENT, Placement
from koers.plans.models import Activity
from koers.relations.models import Event
from koers.signals.access import figure_holders_visible_to as signal_holders
from koers.signals.models import Signal
from koers.signals.suppression import suppressed_label, visible


@dataclass(frozen=True)
class WorkCount:
    label: Any
    count: int | None  # None: hidden, a small number about people
    url: str = ""

    @property
    def text(self) -> str:
        return str(self.count) if self.count is not None else suppressed_label()


def work_in(user: Any, municipality_code: str, year: int) -> list[WorkCount]:
    counts: list[WorkCount] = []
    if has_capability(user, Capability.VIEW_PLANS):
        activities = Activity.objects.visible_to(user).filter(
            year=year, municipalities__code=municipality_code
        )
        counts.append(
            WorkCount(_("Activities in this municipality"), activities.distinct().count())
        )
        events = Event.objects.visible_to(user).filter(
            municipality__code=municipality_code, date__year=year
        )
        counts.append(WorkCount(_("Events held here"), events.count()))
    if has_capability(user, Capability.VIEW_ATLAS):
        initiatives = Initiative.objects.visible_to(user).filter(
            municipality__code=municipality_code
        )
        counts.append(
            WorkCount(
                _("Initiatives in the atlas"),
                initiatives.count(),
                f"{reverse('atlas:index')}?{urlencode({'gemeente': municipality_code})}",
            )
        )
    if has_capability(user, Capability.VIEW_SIGNAL_FIGURES):
        signals = Signal.objects.filter(
            holder_id__in=signal_holders(user),
            municipality__code=municipality_code,
            iso_year=year,
        )
        counts.append(WorkCount(_("Residents' signals received"), visible(signals.count())))
    if has_capability(user, Capability.VIEW_MATCHING_FIGURES):
        placements = Placement.objects.filter(
            candidate__holder_id__in=pool_holders(user),
            shift__request__municipality__code=municipality_code,
            starts_at__year=year,
            status__in=HOLDING_PLACEMENT,
        )
        counts.append(WorkCount(_("Placements of extra hands"), visible(placements.count())))
    return counts
