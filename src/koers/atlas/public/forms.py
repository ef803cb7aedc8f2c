"""The public spinnenweb's forms: her six scores and municipality, and her request to be
contacted. Every refusal says in plain words what to change; nothing is stored on one."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from koers.atlas.models import DIMENSIONS, Initiative
from koers.atlas.public.ranking import SCORE_MAX
from koers.core.forms import Form
from koers.core.models import Municipality

MIDDLE = SCORE_MAX // 2
PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")


class ScoreSlider(forms.NumberInput):
    """A slider from 0 to 10: the browser's own range input, which a keyboard moves with the
    arrow keys and a screen reader announces with its value. Its label and explanation are
    the field's (includes/field.html); the scale's ends are named under it."""

    input_type = "range"
    template_name = "atlas/public/score_slider.html"

    def __init__(self) -> None:
        super().__init__(attrs={"min": 0, "max": SCORE_MAX, "step": 1})


def municipalities_with_initiatives(holder_id: int) -> QuerySet[Municipality]:
    return Municipality.objects.filter(
        atlas_initiatives__holder_id=holder_id, atlas_initiatives__is_public=True
    ).distinct()


class ScoresForm(Form):
    """Six scores from 0 (it goes badly) to 10 (it goes very well), one per dimension of
    Positive Health, and the municipality she lives in."""

    def __init__(self, *args: Any, holder_id: int, hidden: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = forms.IntegerField(
                label=str(dimension.label),
                help_text=str(dimension.explanation),
                min_value=0,
                max_value=SCORE_MAX,
                initial=MIDDLE,
                widget=forms.HiddenInput() if hidden else ScoreSlider(),
                error_messages={
                    "required": _("Give a score from 0 to 10."),
                    "invalid": _("Give a whole number from 0 to 10."),
                    "min_value": _("Give a score from 0 to 10."),
                    "max_value": _("Give a score from 0 to 10."),
                },
            )
        self.fields["municipality"] = forms.ModelChoiceField(
            label=_("Your municipality"),
            queryset=municipalities_with_initiatives(holder_id),
            to_field_name="code",
            empty_label=_("Choose your municipality"),
            widget=forms.HiddenInput() if hidden else forms.Select(),
            error_messages={
                "required": _("Choose the municipality you live in."),
                "invalid_choice": _("Choose the municipality you live in from the list."),
            },
        )

    def scores(self) -> dict[str, int]:
        return {d.key: int(self.cleaned_data[d.key]) for d in DIMENSIONS}


class ContactForm(Form):
    """Her request to be contacted: a name, an e-mail address or a telephone number (at
    least one), an optional message, the initiatives she picked and her consent."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address such as naam@voorbeeld.nl.")},
    )
    phone = forms.CharField(
        label=_("Your telephone number"),
        required=False,
        max_length=30,
        help_text=_("Give an e-mail address or a telephone number, or both."),
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example when it suits you to be called. No medical details, please."),
    )
    initiatives = forms.ModelMultipleChoiceField(
        label=_("Initiatives you would like to hear about"),
        queryset=Initiative.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Pick initiatives from the list.")},
    )
    consent = forms.BooleanField(
        label=_("I agree"),
        error_messages={
            "required": _("Tick that you agree, or we cannot contact you."),
        },
    )

    def __init__(self, *args: Any, holder_id: int, shown: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The initiatives she was shown, in the order she saw them.
        field = self.fields["initiatives"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Initiative.objects.public().held_by(holder_id).filter(pk__in=shown)
        order = {pk: index for index, pk in enumerate(shown)}
        choices: list[tuple[int, str]] = list(field.queryset.values_list("pk", "name"))
        choices.sort(key=lambda choice: order[choice[0]])
        field.choices = choices

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone", "")).strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(
                _("Enter a telephone number of digits, such as 06 12345678 or +31 320 123456.")
            )
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        refused = "email" in self.errors or "phone" in self.errors
        if not refused and not cleaned.get("email") and not cleaned.get("phone"):
            raise ValidationError(
                _("Give an e-mail address or a telephone number, so we can reach you.")
            )
        return cleaned
