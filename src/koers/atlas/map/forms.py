"""The atlas's filters: a GET form, so a filtered map is a link and works without
JavaScript; the map's data endpoints read the same query string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.atlas.models import DIMENSIONS, InitiativeKind, Theme
from koers.core.forms import Form
from koers.core.models import Municipality


@dataclass(frozen=True)
class MapFilters:
    """What the filters keep (empty: everything)."""

    theme: str = ""  # slug
    dimension: str = ""  # key of DIMENSIONS
    municipality: str = ""  # CBS code
    kind: str = ""
    stale_only: bool = False

    def is_empty(self) -> bool:
        return self == MapFilters()


class MapFilterForm(Form):
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    dimensie = forms.ChoiceField(
        label=_("Positive Health dimension"),
        required=False,
        choices=[("", _("All dimensions")), *((d.key, d.label) for d in DIMENSIONS)],
        help_text=_("Initiatives that serve it at least somewhat."),
    )
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *InitiativeKind.choices],
    )
    verouderd = forms.BooleanField(label=_("Only stale entries"), required=False)

    def __init__(self, *args: Any, public: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        theme: Any = self.fields["thema"]
        theme.choices = [
            ("", _("All themes")),
            *Theme.objects.values_list("slug", "name"),
        ]
        municipality: Any = self.fields["gemeente"]
        municipality.choices = [
            ("", _("All municipalities")),
            *Municipality.objects.filter(atlas_initiatives__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("code", "name"),
        ]
        if public:
            # Whether an entry is stale is the keepers' business, not the public's.
            del self.fields["verouderd"]

    def filters(self) -> MapFilters:
        """The valid filters; a value that is not a choice (a stale link) is left out and
        the form says so."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value}
        return MapFilters(
            theme=data.get("thema", ""),
            dimension=data.get("dimensie", ""),
            municipality=data.get("gemeente", ""),
            kind=data.get("soort", ""),
            stale_only=bool(data.get("verouderd", False)),
        )
