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
from koers.insight.uploads import STATLINE_EXTENSIONS, validate_statline_upload


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


class UploadForm(Form):
    """The upload of a table, with what a CSV export does not say itself and what the user
    chooses for what does not fit."""

    file = forms.FileField(
        label=_("File"),
        validators=[validate_statline_upload],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(STATLINE_EXTENSIONS)}),
        help_text=_(
            "A StatLine CSV export, or the folder cbsodata's download_data writes, as a ZIP file."
        ),
    )
    table_id = forms.CharField(
        label=_("Table id"),
        max_length=40,
        required=False,
        help_text=_("For a CSV export, which does not say: the id StatLine gives (85496NED)."),
    )
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    source = forms.CharField(label=_("Source"), max_length=100, initial="CBS StatLine")
    licence = forms.CharField(label=_("Licence"), max_length=200, initial="CC BY 4.0 (CBS)")
    skip_unknown_regions = forms.BooleanField(
        label=_("Leave out rows whose region Koers does not know, and import the rest"),
        required=False,
    )
    remove_absent = forms.BooleanField(
        label=_(
            "Remove the values an earlier version has and this one lacks (kept in the history)"
        ),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        is_csv = upload is not None and (upload.name or "").lower().endswith(".csv")
        if is_csv and not (cleaned.get("table_id") or "").strip():
            self.add_error(
                "table_id", _("A CSV export does not say which table it is: give its id.")
            )
        if is_csv and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("A CSV export does not say its title: give it."))
        return cleaned


class ConfirmForm(UploadForm):
    """The import of the upload a dry run checked: its token instead of the file."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=60)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["file"]
        for name in (
            "table_id",
            "title",
            "source",
            "licence",
            "skip_unknown_regions",
            "remove_absent",
        ):
            self.fields[name].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        return forms.Form.clean(self) or {}
