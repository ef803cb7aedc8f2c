from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.accounts.models import User
from koers.core.choices import SearchMultipleChoiceField
from koers.core.forms import DateInput, Form
from koers.directory.models import (
    ORGANISATION_SEARCH_FIELDS,
    PERSON_SEARCH_FIELDS,
    Organisation,
    Person,
)
from koers.plans.models import Activity, Programme
from koers.relations.models import ActionStatus, Interaction, InteractionKind, Network


def _colleagues(holder_id: int) -> Any:
    return User.objects.filter(memberships__organisation_id=holder_id, is_active=True).distinct()


class InteractionForm(Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=InteractionKind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    organisations = SearchMultipleChoiceField(
        Organisation.objects.none(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        label=_("Organisations"),
        required=False,
    )
    persons = SearchMultipleChoiceField(
        Person.objects.none(),
        search_fields=PERSON_SEARCH_FIELDS,
        label=_("Persons"),
        required=False,
    )
    staff = forms.ModelMultipleChoiceField(
        label=_("Colleagues present"), queryset=User.objects.none(), required=False
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False
    )
    activity = forms.ModelChoiceField(
        label=_("Activity"), queryset=Activity.objects.none(), required=False
    )
    network = forms.ModelChoiceField(
        label=_("Meeting of the network"), queryset=Network.objects.none(), required=False
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("About the organisations and the work; not about persons' private lives."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["organisations"].queryset = Organisation.objects.exclude(pk=holder_id)
        fields["organisations"].search_url = (
            reverse("directory:organisation_search") + f"?behalve={holder_id}"
        )
        fields["persons"].queryset = Person.objects.filter(holder_id=holder_id)
        fields["persons"].search_url = reverse("directory:person_search") + f"?houder={holder_id}"
        fields["staff"].queryset = _colleagues(holder_id).order_by("first_name", "last_name")
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id=holder_id
        ).order_by("order", "code")
        fields["activity"].queryset = (
            Activity.objects.filter(programme__plan__organisation_id=holder_id)
            .select_related("programme")
            .order_by("-year", "programme__order", "order")
        )
        fields["activity"].label_from_instance = lambda a: f"{a.year} {a.code} {a.title[:70]}"
        fields["network"].queryset = Network.objects.filter(holder_id=holder_id)

    @classmethod
    def for_interaction(cls, interaction: Interaction, data: Any, holder_id: int) -> Any:
        from koers.relations.contacts.services import INTERACTION_FIELDS, INTERACTION_LINKS

        initial: dict[str, Any] = {name: getattr(interaction, name) for name in INTERACTION_FIELDS}
        for name in INTERACTION_LINKS:
            initial[name] = list(getattr(interaction, name).all())
        initial["version"] = interaction.version
        return cls(data, initial=initial, holder_id=holder_id)


class ActionForm(Form):
    """One follow-up action; on the contact form it comes with a prefix and may stay empty."""

    title = forms.CharField(label=_("Follow-up action"), max_length=200, required=False)
    owner = forms.ModelChoiceField(label=_("For"), queryset=User.objects.none(), required=False)
    due_on = forms.DateField(label=_("Due"), required=False, widget=DateInput())

    def __init__(self, *args: Any, holder_id: int, required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["owner"].queryset = _colleagues(holder_id).order_by("first_name", "last_name")
        for field in fields.values():
            field.required = required

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = [cleaned.get(name) for name in ("title", "owner", "due_on")]
        if any(given) and not all(given):
            raise forms.ValidationError(_("An action needs what, for whom and by when."))
        return cleaned

    @property
    def action(self) -> dict[str, Any] | None:
        if not self.cleaned_data.get("title"):
            return None
        return {name: self.cleaned_data[name] for name in ("title", "owner", "due_on")}


class ActionFinishForm(Form):
    """Mark an action done (the default), cancelled or open again."""

    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices, required=False)
