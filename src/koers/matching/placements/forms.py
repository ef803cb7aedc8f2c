"""The forms of placements: the decision on a proposal, another candidate for it, a
placement's status, the follow-up answer, and the lists' filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.matching.models import PlacementStatus

REASON_LENGTH = 300
COMMENT_LENGTH = 2000


class DeclineForm(Form):
    reason = forms.CharField(
        label=_("Why is the proposal declined?"),
        max_length=REASON_LENGTH,
        help_text=_("Shown to colleagues with the proposal; never to the candidate."),
    )


class ChangeForm(Form):
    candidate = forms.TypedChoiceField(label=_("Candidate"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args: Any, candidates: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["candidate"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (c.pk, _("%(name)s (%(km)s km)") % {"name": c, "km": c.km}) for c in candidates
        ]


class PlacementStatusForm(Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[
            (PlacementStatus.PLAATSGEVONDEN, _("It took place")),
            (PlacementStatus.NIET_DOORGEGAAN, _("It did not take place")),
            (PlacementStatus.GEANNULEERD, _("Cancel the placement")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why (when it did not take place or is cancelled)"),
        max_length=REASON_LENGTH,
        required=False,
    )


class FollowUpForm(Form):
    happened = forms.TypedChoiceField(
        label=_("Did it take place?"),
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    rating = forms.TypedChoiceField(
        label=_("How did it go? (1 = badly, 5 = very well)"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything you want to tell us (optional)"),
        max_length=COMMENT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write about anyone's health."),
    )


class ProposalFilterForm(Form):
    request = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


WHEN_CHOICES = [("", _("All")), ("komend", _("Upcoming")), ("voorbij", _("Past"))]


class PlacementFilterForm(Form):
    wanneer = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *PlacementStatus.choices], required=False
    )
