"""The public signal form: what a resident tells, without an account. Only what she
chooses to give; the category is for the organisation's staff to interpret. Her contact
details are asked only when she wants to hear back, and then with her consent."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.signals.entry.forms import DESCRIPTION_LENGTH
from koers.signals.models.choices import Channel, Law, Sentiment, TargetGroup
from koers.signals.region import region_municipalities
from koers.signals.services import ContactDetails


class PublicSignalForm(Form):
    description = forms.CharField(
        label=_("What happened?"),
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Tell what you experienced with care or welfare. Please leave out names, "
            "addresses and other details about people: we take out what is left before "
            "we save your message."
        ),
    )
    law = forms.ChoiceField(
        label=_("What is it about?"),
        choices=Law.choices,
        initial=Law.OVERIG,
        help_text=_("Choose Other when you do not know."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=region_municipalities(),
        required=False,
        empty_label=_("I would rather not say"),
    )
    target_group = forms.ChoiceField(
        label=_("Who is it about?"),
        choices=[("", _("I would rather not say")), *TargetGroup.choices],
        required=False,
    )
    sentiment = forms.ChoiceField(
        label=_("How was your experience?"), choices=Sentiment.choices, widget=forms.RadioSelect
    )
    hear_back = forms.BooleanField(
        label=_("I want to hear what is done with my signal"), required=False
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), required=False)
    phone = forms.CharField(label=_("Your phone number"), max_length=40, required=False)
    consent = forms.BooleanField(label="", required=False)

    def __init__(self, *args: Any, consent_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text
        municipality: Any = self.fields["municipality"]
        municipality.queryset = region_municipalities()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("hear_back"):
            return cleaned
        if not cleaned.get("name"):
            self.add_error("name", _("Give your name, so we know whom to answer."))
        if not (cleaned.get("email") or cleaned.get("phone")) and "email" not in self.errors:
            self.add_error("email", _("Give an e-mail address or a phone number to hear back."))
        if not cleaned.get("consent"):
            self.add_error("consent", _("We can only keep your details with your consent."))
        return cleaned

    def values(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        return {
            "channel": Channel.FORMULIER,
            "law": cleaned["law"],
            "category": None,
            "target_group": cleaned.get("target_group") or "",
            "municipality": cleaned.get("municipality"),
            "sentiment": cleaned["sentiment"],
            "description": cleaned["description"],
        }

    def contact(self) -> ContactDetails | None:
        cleaned = self.cleaned_data
        if not cleaned.get("hear_back"):
            return None
        return ContactDetails(
            name=cleaned["name"], email=cleaned.get("email") or "", phone=cleaned.get("phone") or ""
        )
