"""The dataset page's choice of figures: a GET form, so a chosen table is a link (and its
download takes the same query string). A value that is not a choice (a stale link) falls
back to the default and the form says so."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.insight.models import Dataset, Topic
from koers.insight.queries import ALL_VIEW, FLEVOLAND_VIEW, breakdowns


class FigureChoiceForm(Form):
    onderwerp = forms.TypedChoiceField(label=_("Topic"), coerce=int, required=False)
    uitsplitsing = forms.ChoiceField(label=_("Breakdown"), required=False)
    regio = forms.ChoiceField(
        label=_("Regions"),
        required=False,
        choices=[
            (FLEVOLAND_VIEW, _("Flevoland's municipalities, the province and the country")),
            (ALL_VIEW, _("Every region in the table")),
        ],
    )

    def __init__(self, *args: Any, dataset: Dataset, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topics = list(dataset.topics.all())
        self.fields["onderwerp"].choices = [  # type: ignore[attr-defined]
            (topic.pk, str(topic)) for topic in self.topics
        ]
        self.is_valid()
        chosen = getattr(self, "cleaned_data", {}).get("onderwerp")
        self.topic: Topic | None = next(
            (topic for topic in self.topics if topic.pk == chosen),
            self.topics[0] if self.topics else None,
        )
        found = breakdowns(self.topic) if self.topic else []
        self.fields["uitsplitsing"].choices = [  # type: ignore[attr-defined]
            (value, value.replace("|", ", ") or _("None")) for value in found
        ]
        self.breakdowns = found
        # The choices changed: validate again, so a breakdown of another topic falls back.
        self._errors = None
        self.is_valid()

    @property
    def breakdown(self) -> str:
        asked = getattr(self, "cleaned_data", {}).get("uitsplitsing") or ""
        if asked in self.breakdowns:
            return str(asked)
        return self.breakdowns[0] if self.breakdowns else ""

    @property
    def view(self) -> str:
        return getattr(self, "cleaned_data", {}).get("regio") or FLEVOLAND_VIEW

    def query(self) -> str:
        parts = {
            "onderwerp": self.topic.pk if self.topic else "",
            "uitsplitsing": self.breakdown,
            "regio": self.view,
        }
        return urlencode({key: value for key, value in parts.items() if value != ""})
