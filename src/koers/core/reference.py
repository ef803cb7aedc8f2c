"""The year and reference date (peildatum) a progress page shows, from the query string."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.forms import Form
from koers.core.periods import Year


def default_reference() -> dt.date:
    if settings.REFERENCE_DATE:
        return dt.date.fromisoformat(settings.REFERENCE_DATE)
    return timezone.localdate()


def refuse_after_today(day: dt.date | None, field: str, message: str = "") -> None:
    """A ValidationError on `field` when `day` lies after today: the installation's reference
    date (`default_reference`), so the demo's 2021 is not the future of a record dated in it."""
    if day is not None and day > default_reference():
        raise ValidationError({field: message or _("This date lies in the future.")})


@dataclass(frozen=True)
class Viewpoint:
    year: Year
    reference: dt.date
    explicit: bool

    @property
    def query(self) -> str:
        return f"jaar={self.year.value}&peildatum={self.reference.isoformat()}"


class ViewpointForm(Form):
    """The query string of a progress page. Each field counts on its own: a wrong year
    keeps a good reference date and the other way round (links and bookmarks carry both)."""

    jaar = forms.IntegerField(required=False, min_value=1900, max_value=2200)
    peildatum = forms.DateField(required=False, input_formats=["%Y-%m-%d"])


def viewpoint(request: HttpRequest, *, years: range | None = None) -> Viewpoint:
    """Read ?jaar= and ?peildatum=; fall back to the default reference date.

    A reference date outside the chosen year is moved to that year's nearest end, so
    "2021 as of today" shows the whole of 2021.
    """
    form = ViewpointForm(request.GET)
    form.is_valid()  # cleaned_data then holds exactly the fields that are valid
    chosen_date = form.cleaned_data.get("peildatum")
    explicit = chosen_date is not None
    reference = chosen_date if chosen_date is not None else default_reference()
    chosen_year = form.cleaned_data.get("jaar")
    year_value = chosen_year if chosen_year is not None else reference.year
    if years is not None and year_value not in years:
        year_value = min(max(year_value, years.start), years.stop - 1)
    year = Year(year_value)
    return Viewpoint(year=year, reference=year.clamp(reference), explicit=explicit)
