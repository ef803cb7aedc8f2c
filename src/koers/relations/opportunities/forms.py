"""Forms of the opportunities and quotes pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.accounts.models import User
from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.core.uploads import validate_word_template
from koers.directory.models import (
    ORGANISATION_SEARCH_FIELDS,
    PERSON_SEARCH_FIELDS,
    Organisation,
    Person,
)
from koers.plans.models import Programme
from koers.relations.models import Opportunity, OpportunityStatus, VatRate


def _hours(label: Any, **kwargs: Any) -> forms.DecimalField:
    # Dutch users type a decimal comma; localize accepts "2,5" and "2.5" alike.
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        localize=True,
        **kwargs,
    )


class OpportunityForm(Form):
    organisation = SearchChoiceField(
        Organisation.objects.none(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        label=_("Client"),
    )
    contact = SearchChoiceField(
        Person.objects.none(),
        search_fields=PERSON_SEARCH_FIELDS,
        label=_("Contact person"),
        required=False,
    )
    title = forms.CharField(label=_("Subject"), max_length=200)
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        required=False,
        help_text=_("The programme the work serves; a won quote becomes a project in it."),
    )
    description = forms.CharField(
        label=_("What we offer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The text of the quote: the question, our approach, what is delivered."),
    )
    hours = _hours(_("Hours"))
    programme_hours = _hours(
        _("Of which paid by the programme"),
        help_text=_("Co-financing: at most half of the hours when the client is a partner."),
    )
    amount = forms.DecimalField(
        label=_("Amount excl. VAT (€)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
    )
    vat_rate = forms.TypedChoiceField(
        label=_("VAT rate"), choices=VatRate.choices, coerce=int, initial=VatRate.STANDARD
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    expected_on = forms.DateField(label=_("Decision expected"), required=False, widget=DateInput())
    starts_on = forms.DateField(label=_("Work starts"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Work ends"), required=False, widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["organisation"].queryset = Organisation.objects.exclude(pk=holder_id)
        fields["organisation"].search_url = (
            reverse("directory:organisation_search") + f"?behalve={holder_id}"
        )
        fields["contact"].queryset = Person.objects.filter(holder_id=holder_id)
        fields["contact"].search_url = reverse("directory:person_search") + f"?houder={holder_id}"
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id=holder_id
        ).order_by("order", "code")
        fields["owner"].queryset = (
            User.objects.filter(memberships__organisation_id=holder_id, is_active=True)
            .distinct()
            .order_by("first_name", "last_name")
        )

    @classmethod
    def for_opportunity(cls, record: Opportunity, data: Any) -> OpportunityForm:
        from koers.relations.opportunities.services import OPPORTUNITY_FIELDS, QUOTED_FIELDS

        initial = {name: getattr(record, name) for name in OPPORTUNITY_FIELDS}
        initial["version"] = record.version
        form = cls(data, initial=initial, holder_id=record.holder_id)
        if record.status == OpportunityStatus.QUOTED:
            # What the client received stays as sent; shown, not editable.
            for name in QUOTED_FIELDS:
                form.fields[name].disabled = True
        return form


class PipelineFilterForm(Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Open (opportunity or quote)")),
            ("all", _("All")),
            *OpportunityStatus.choices,
        ],
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, holder_ids: set[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id__in=holder_ids
        ).order_by("order", "code")
        fields["owner"].queryset = (
            User.objects.filter(memberships__organisation_id__in=holder_ids, is_active=True)
            .distinct()
            .order_by("first_name", "last_name")
        )


class QuoteSendForm(Form):
    prefix = "send"  # several step forms share a page: their ids must differ

    on = forms.DateField(label=_("Sent on"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DateInput(),
        help_text=_("Thirty days when left empty."),
    )


class QuoteWinForm(Form):
    prefix = "win"  # several step forms share a page: their ids must differ

    on = forms.DateField(label=_("Accepted on"), widget=DateInput())
    code = forms.CharField(label=_("Project code"), max_length=20, required=False)
    handover_by = forms.DateField(
        label=_("Hand over or end by"),
        required=False,
        widget=DateInput(),
        help_text=_("Only for a quote outside the programmes: a separate project needs it."),
    )


class QuoteLoseForm(Form):
    prefix = "lose"  # several step forms share a page: their ids must differ

    on = forms.DateField(label=_("Decided on"), widget=DateInput())
    reason = forms.CharField(
        label=_("Why lost"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Price, timing, another provider, the client's budget …"),
    )


class QuoteWithdrawForm(Form):
    prefix = "withdraw"  # several step forms share a page: their ids must differ

    reason = forms.CharField(
        label=_("Why withdraw the quote"), widget=forms.Textarea(attrs={"rows": 2})
    )


class QuoteTemplateForm(Form):
    document = forms.FileField(
        label=_("Word template (.docx)"),
        validators=[validate_word_template],
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )

    def clean_document(self) -> Any:
        document = self.cleaned_data["document"]
        if not (document.name or "").lower().endswith(".docx"):
            raise forms.ValidationError(_("Upload a Word document (.docx)."))
        return document
