"""The analysis's filters: a GET form, so a filtered analysis is a link (and the export takes
the same query string). A value that is not a choice (a stale link, another organisation's
number) is left out, the default taken and the form says so."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.core.reference import default_reference
from koers.signals.analysis.queries import Filters, index_of, quarter_at, quarter_range
from koers.signals.models.choices import Channel, Law
from koers.signals.weeks import IsoWeek, Quarter

PERIODS = (4, 8, 12)
DEFAULT_PERIOD = 8


def last_full_quarter() -> Quarter:
    """The quarter before the one the reference date falls in."""
    return Quarter.of_week(IsoWeek.of(default_reference())).previous(1)


def quarter_value(quarter: Quarter) -> str:
    return f"{quarter.year}-{quarter.number}"


class AnalysisFilterForm(Form):
    houder = forms.TypedChoiceField(label=_("Signals of"), coerce=int, required=False)
    tot = forms.ChoiceField(label=_("Up to and including quarter"), required=False)
    kwartalen = forms.TypedChoiceField(
        label=_("Quarters shown"),
        coerce=int,
        required=False,
        choices=[(count, count) for count in PERIODS],
    )
    wet = forms.ChoiceField(
        label=_("Law or domain"), required=False, choices=[("", _("All laws")), *Law.choices]
    )
    kanaal = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All channels")), *Channel.choices]
    )

    def __init__(
        self, *args: Any, holders: list[tuple[int, str]], preferred: int | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["houder"].choices = holders  # type: ignore[attr-defined]
        known = {pk for pk, _name in holders}
        asked = self.data.get("houder", "")
        self.holder_id = (
            int(asked)
            if str(asked).isdigit() and int(asked) in known
            else (preferred if preferred in known else holders[0][0])
        )
        self.default_last = last_full_quarter()
        found = quarter_range(self.holder_id)
        first = index_of(self.default_last) - 11
        last = index_of(self.default_last)
        if found is not None:
            first = min(first, index_of(found[0]))
            last = max(last, index_of(found[1]))
            # No signals after some quarter (an older data set): end there, not in emptiness.
            self.default_last = min(self.default_last, found[1])
        self.fields["tot"].choices = [  # type: ignore[attr-defined]
            (quarter_value(quarter_at(index)), quarter_at(index).label)
            for index in range(last, first - 1, -1)
        ]

    def filters(self) -> Filters:
        """The valid filters; what is not valid falls back to its default (and the form shows
        why)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        last = self.default_last
        if data.get("tot"):
            year, number = data["tot"].split("-")
            last = Quarter(int(year), int(number))
        return Filters(
            holder_id=self.holder_id,
            last=last,
            quarters=data.get("kwartalen") or DEFAULT_PERIOD,
            law=data.get("wet") or "",
            channel=data.get("kanaal") or "",
        )

    def query(self) -> str:
        """The query string of these filters, for the export link."""
        filters = self.filters()
        parts = {
            "houder": filters.holder_id,
            "tot": quarter_value(filters.last),
            "kwartalen": filters.quarters,
            "wet": filters.law,
            "kanaal": filters.channel,
        }
        from urllib.parse import urlencode

        return urlencode({key: value for key, value in parts.items() if value != ""})
