"""The year and reference date (peildatum) a progress page shows, from the query string."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from koers.core.periods import Year


def default_reference() -> dt.date:
    if settings.REFERENCE_DATE:
        return dt.date.fromisoformat(settings.REFERENCE_DATE)
    return timezone.localdate()


@dataclass(frozen=True)
class Viewpoint:
    year: Year
    reference: dt.date
    explicit: bool

    @property
    def query(self) -> str:
        return f"jaar={self.year.value}&peildatum={self.reference.isoformat()}"


def viewpoint(request: HttpRequest, *, years: range | None = None) -> Viewpoint:
    """Read ?jaar= and ?peildatum=; fall back to the default reference date.

    A reference date outside the chosen year is moved to that year's nearest end, so
    "2021 as of today" shows the whole of 2021.
    """
    reference = default_reference()
    explicit = False
    raw_date = request.GET.get("peildatum", "")
    if raw_date:
        try:
            reference = dt.date.fromisoformat(raw_date)
            explicit = True
        except ValueError:
            pass
    year_value = reference.year
    raw_year = request.GET.get("jaar", "")
    if raw_year.isdigit() and 1900 <= int(raw_year) <= 2200:
        year_value = int(raw_year)
    if years is not None and year_value not in years:
        year_value = min(max(year_value, years.start), years.stop - 1)
    year = Year(year_value)
    return Viewpoint(year=year, reference=year.clamp(reference), explicit=explicit)
