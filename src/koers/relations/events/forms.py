from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, Form
from koers.core.models import Municipality
from koers.directory.models import Organisation, Person
from koers.plans.models import Activity, Programme
from koers.relations.models import Channel, Event


class EventForm(Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    activity = forms.ModelChoiceField(
        label=_("Activity"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("The activity the event served, if one."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    theme = forms.CharField(
        label=_("Theme"),
        max_length=100,
        required=False,
        help_text=_("Indicators can count the events of one theme."),
    )
    date = forms.DateField(label=_("Date"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False
    )
    co_organisers = forms.ModelMultipleChoiceField(
        label=_("Co-organising organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    evaluation = forms.DecimalField(
        label=_("Evaluation score (1–10)"),
        required=False,
        min_value=1,
        max_value=10,
        decimal_places=1,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, programmes: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = programmes
        fields["activity"].queryset = (
            Activity.objects.filter(programme__in=programmes)
            .select_related("programme")
            .order_by("-year", "programme__order", "order")
        )
        fields["activity"].label_from_instance = lambda a: f"{a.year} {a.code} {a.title[:70]}"
        fields["co_organisers"].queryset = Organisation.objects.exclude(pk=holder_id).order_by(
            "name"
        )

    @classmethod
    def for_event(cls, event: Event, data: Any, **kwargs: Any) -> EventForm:
        from koers.relations.events.services import EVENT_FIELDS

        initial: dict[str, Any] = {name: getattr(event, name) for name in EVENT_FIELDS}
        initial["programme"] = event.programme
        initial["co_organisers"] = list(event.co_organisers.all())
        initial["version"] = event.version
        return cls(data, initial=initial, **kwargs)


class ParticipantForm(Form):
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.none(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Without a person: the organisation took part. With one: where she works."),
    )
    attended = forms.BooleanField(label=_("Was present"), required=False)

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["person"].queryset = Person.objects.filter(holder_id=holder_id).order_by(
            "last_name", "first_name"
        )


class CommunicationForm(Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    date = forms.DateField(label=_("Date"), widget=DateInput())
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    theme = forms.CharField(label=_("Theme"), max_length=100, required=False)
    link = forms.URLField(label=_("Link"), required=False, max_length=200, assume_scheme="https")

    def __init__(self, *args: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = programmes


class AttendanceForm(Form):
    """Whether a participant was there: present, absent or not recorded ("")."""

    attended = forms.TypedChoiceField(
        label=_("Was present"),
        choices=[("", _("not recorded")), ("yes", _("present")), ("no", _("absent"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )


class ProgrammeAsked(Form):
    """The programme a new event is for, when the page that links here names it
    (`programma`); a wrong value is ignored and she chooses herself."""

    programma = forms.IntegerField(required=False, min_value=0, max_value=2_147_483_647)

    def programme_id(self) -> int | None:
        return self.cleaned_data["programma"] if self.is_valid() else None
