"""Forms of agenda-setting: the list's filters, the signals preselected in the address, an
agenda item with the signals it bundles, the next step of its route, and a meeting. They
read what can be read without other rows; the services check the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.core.reference import default_reference
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation
from koers.signals.models import Meeting, Signal
from koers.signals.models.choices import AgendaStatus, MeetingKind

ANY = [("", _("All"))]
# A bundle chosen on the signals' list travels in the address: more is not a bundle.
MAX_PRESELECTED = 500


class AgendaFilterForm(Form):
    """`?status=geagendeerd&vergadering=<id>`; a wrong value is no filter."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[*ANY, *AgendaStatus.choices], required=False
    )
    vergadering = forms.ModelChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meeting: Any = self.fields["vergadering"]
        meeting.queryset = meetings

    def narrow(self, rows: Any) -> Any:
        if not self.is_valid():
            return rows
        chosen = self.cleaned_data
        if chosen["status"]:
            rows = rows.filter(status=chosen["status"])
        if chosen["vergadering"]:
            rows = rows.filter(meeting=chosen["vergadering"])
        return rows


class PreselectedSignalsForm(Form):
    """`?signals=1,2,3`: the signals chosen on the signals' list to bundle. Anything that is
    not a list of numbers preselects nothing."""

    signals = forms.CharField(required=False, max_length=MAX_PRESELECTED * 12)

    def ids(self) -> list[int]:
        if not self.is_valid():
            return []
        parts = [part.strip() for part in self.cleaned_data["signals"].split(",")]
        if not all(part.isdigit() and len(part) <= 10 for part in parts if part):
            return []
        return sorted({int(part) for part in parts if part})[:MAX_PRESELECTED]


class BundledSignalsField(forms.ModelMultipleChoiceField):
    """The signals an item bundles, each named by what it is about, never by a person."""

    def label_from_instance(self, obj: Any) -> str:
        signal: Signal = obj
        parts = [
            str(signal),
            str(signal.category) if signal.category_id else str(_("not yet interpreted")),
            signal.municipality.name if signal.municipality_id else "",  # type: ignore[union-attr]
            signal.get_law_display(),
        ]
        return " · ".join(part for part in parts if part)


class AgendaItemForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    question = forms.CharField(
        label=_("Proposed question or recommendation"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the meeting is asked to answer or decide, in a few sentences."),
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not yet known"),
        help_text=_("The meeting it goes to; needed before it is put on the agenda."),
    )
    signals = BundledSignalsField(
        label=_("Bundled signals"),
        queryset=Signal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Untick a signal to leave it out. Add signals by choosing them on the list of signals."
        ),
    )
    response = forms.CharField(
        label=_("Response at the meeting"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feedback = forms.CharField(
        label=_("What was fed back"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    fed_back_to = forms.CharField(
        label=_("Fed back to"),
        max_length=300,
        required=False,
        help_text=_("To whom: the client councils, the residents who asked to hear back, …"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, meetings: Any, signals: Any, editing: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        meeting: Any = self.fields["meeting"]
        meeting.queryset = meetings
        bundled: Any = self.fields["signals"]
        bundled.queryset = signals
        if not editing:
            for name in ("response", "feedback", "fed_back_to"):
                del self.fields[name]


class AgendaStepForm(Form):
    """The next step of an item's route; what was fed back and to whom for the last."""

    to = forms.ChoiceField(choices=AgendaStatus.choices, widget=forms.HiddenInput)
    on = forms.DateField(label=_("Date of the step"), widget=DateInput())
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    response = forms.CharField(
        label=_("Response at the meeting"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feedback = forms.CharField(
        label=_("What was fed back"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    fed_back_to = forms.CharField(label=_("Fed back to"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, target: str | None, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {"to": target, "on": default_reference(), **kwargs["initial"]}
        super().__init__(*args, **kwargs)
        if target != AgendaStatus.TERUGGEKOPPELD:
            for name in ("response", "feedback", "fed_back_to"):
                del self.fields[name]


class MeetingForm(Form):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    with_organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("With"),
        required=False,
        help_text=_("Who sits at the table, for example the province."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
