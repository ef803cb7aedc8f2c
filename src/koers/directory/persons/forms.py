from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form, ModelForm
from koers.core.privacy import LawfulBasis
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, PERSON_FIELDS, Organisation, Person


class PersonForm(ModelForm[Person]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "consent_given_on": DateInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        autocomplete = {
            "first_name": "off",
            "last_name": "off",
            "email": "off",
            "phone": "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["email"].widget.attrs["spellcheck"] = "false"
        if self.instance.pk:
            self.initial["version"] = self.instance.version

    def _post_clean(self) -> None:
        # Validation against the stored record happens in the service, under its lock.
        pass


class PersonAddForm(PersonForm):
    """A new person, with where she works (the organisation also serves the duplicate
    check: the same name at the same organisation)."""

    organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Organisation"),
        required=False,
        help_text=_("Where she works; more positions can be added on her page."),
    )
    title = forms.CharField(label=_("Position"), max_length=150, required=False)
    accept_duplicates = forms.BooleanField(
        label=_("This is a different person: add her anyway"), required=False
    )
    field_order = [
        "first_name",
        "infix",
        "last_name",
        "organisation",
        "title",
        "email",
        "phone",
    ]


class HolderForm(Form):
    holder = forms.ModelChoiceField(label=_("Held by"), queryset=Organisation.objects.none())

    def __init__(self, *args: Any, holders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = holders  # type: ignore[attr-defined]
        only = list(holders[:2])
        if len(only) == 1:
            self.fields["holder"].initial = only[0].pk
            self.fields["holder"].widget = forms.HiddenInput()


class PositionForm(Form):
    organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Organisation"),
    )
    title = forms.CharField(label=_("Position"), max_length=150, required=False)
    started_on = forms.DateField(label=_("From"), required=False, widget=DateInput())
    ended_on = forms.DateField(label=_("Until"), required=False, widget=DateInput())


class PersonSearchForm(Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class DuplicateChoiceForm(Form):
    """Which person to merge into the one kept, from the form or the address (`dubbel`)."""

    dubbel = forms.IntegerField(required=False, min_value=0, max_value=2_147_483_647)

    @classmethod
    def chosen(cls, request: Any) -> int | None:
        """The chosen person's id: the posted one, else the one in the address; a wrong
        value chooses nobody."""
        for data in (request.POST, request.GET):
            if data.get("dubbel"):
                form = cls(data)
                return form.cleaned_data["dubbel"] if form.is_valid() else None
        return None


class PersonImportOptions(HolderForm):
    """What holds for the whole import of persons: sent with the file, again with the
    confirmation, and with the download of skipped rows."""

    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        help_text=_("For rows without a purpose of their own."),
    )
    lawful_basis = forms.ChoiceField(
        label=_("Lawful basis"),
        choices=LawfulBasis.choices,
        initial=LawfulBasis.LEGITIMATE_INTERESTS,
        help_text=_("For rows without a lawful basis of their own."),
    )


class PersonMergeForm(Form):
    confirm = forms.BooleanField(
        label=_("Move everything linked to the duplicate to this person and remove the duplicate")
    )


class EraseForm(Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("For example: request of the person of 3 May; kept in the audit trail."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this removes the person and everything linked to her for good.")
    )
