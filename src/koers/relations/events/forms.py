from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.choices import SearchChoiceField, SearchMultipleChoiceField
from koers.core.forms import DateInput, Form
from koers.core.municipality_fields import municipality_field
from koers.directory.models import (
    ORGANISATION_SEARCH_FIELDS,
    PERSON_SEARCH_FIELDS,
    Organisation,
    Person,
)
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
    municipality = municipality_field(label=_("Municipality"), required=False)
    co_organisers = SearchMultipleChoiceField(
        Organisation.objects.none(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        label=_("Co-organising organisations"),
        required=False,
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
        fields["co_organisers"].queryset = Organisation.objects.exclude(pk=holder_id)
        fields["co_organisers"].search_url = (
            reverse("directory:organisation_search") + f"?behalve={holder_id}"
        )

    @classmethod
    def for_event(cls, event: Event, data: Any, **kwargs: Any) -> EventForm:
        from koers.relations.events.services import EVENT_FIELDS

        initial: dict[str, Any] = {name: getattr(event, name) for name in EVENT_FIELDS}
        initial["programme"] = event.programme
        initial["co_organisers"] = list(event.co_organisers.all())
        initial["version"] = event.version
        return cls(data, initial=initial, **kwargs)


def persons_of(user: Any, holder_id: int) -> Any:
    """The persons `holder_id` keeps, when `user` may see them (as on the list of persons):
    what a participant or a contact person is chosen from."""
    own, _funding = organisations_with(user, Capability.VIEW_PERSONS)
    return Person.objects.filter(holder_id=holder_id, holder_id__in=own)


class ParticipantForm(Form):
    person = SearchChoiceField(
        Person.objects.none(),
        search_fields=PERSON_SEARCH_FIELDS,
        label=_("Person"),
        required=False,
    )
    organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        label=_("Organisation"),
        required=False,
        help_text=_("Without a person: the organisation took part. With one: where she works."),
    )
    attended = forms.BooleanField(label=_("Was present"), required=False)

    def __init__(self, *args: Any, holder_id: int, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        # Persons of the event's holder, and only if she may see them (as the search does).
        fields["person"].queryset = persons_of(user, holder_id)
        fields["person"].search_url = reverse("directory:person_search") + f"?houder={holder_id}"
        fields["organisation"].search_url = reverse("directory:organisation_search")


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
