"""The query string of the network page and the recompute button's form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form

FIRST_YEAR, LAST_YEAR = 2000, 2100


class NetworkViewForm(Form):
    """?houder= (one of the atlases she may see) and ?sorteer= (the table's order); a wrong
    value falls back to the default rather than failing the page."""

    houder = forms.TypedChoiceField(label=_("Atlas of"), coerce=int, required=False)
    sorteer = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("rang", _("broker rank")),
            ("naam", _("name")),
            ("verbindingen", _("ties")),
            ("tussenpositie", _("betweenness")),
            ("nabijheid", _("closeness")),
            ("gemeenschap", _("community")),
        ],
    )

    def __init__(self, *args: Any, holders: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["houder"].choices = [(h.pk, h.name) for h in holders]  # type: ignore[attr-defined]


class RecomputeForm(Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
