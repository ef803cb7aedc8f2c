from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form, ModelForm
from koers.core.periods import Quarter
from koers.core.uploads import ALLOWED_EXTENSIONS, validate_document
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation
from koers.funding.models import CostType, FinancialYear, Grant, GrantKind, GrantStatus, Risk
from koers.funding.services import POSITION_FIELDS, RISK_FIELDS
from koers.plans.models import Activity, Indicator, Programme


class GrantForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    funder = SearchChoiceField(
        Organisation.objects.none(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        label=_("Funder"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=GrantKind.choices)
    amount_requested = forms.DecimalField(
        label=_("Amount requested (€)"), required=False, min_value=0, decimal_places=2
    )
    amount_granted = forms.DecimalField(
        label=_("Amount granted (€)"), required=False, min_value=0, decimal_places=2
    )
    starts_on = forms.DateField(label=_("Period from"), widget=DateInput())
    ends_on = forms.DateField(label=_("Period until"), widget=DateInput())
    decided_on = forms.DateField(
        label=_("Date of the decision"), required=False, widget=DateInput()
    )
    reference = forms.CharField(label=_("Decision's reference"), max_length=60, required=False)
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes it pays for"),
        queryset=Programme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Activities it pays for"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("Only where the grant pays for particular activities."),
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects it pays for"), queryset=Organisation.objects.none(), required=False
    )
    application_document = forms.FileField(
        label=_("Application (document)"),
        required=False,
        validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    decision_document = forms.FileField(
        label=_("Decision (document)"),
        required=False,
        validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        from koers.work.models import Project

        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["funder"].queryset = Organisation.objects.exclude(pk=organisation_id)
        fields["funder"].search_url = (
            reverse("directory:organisation_search") + f"?behalve={organisation_id}"
        )
        fields["programmes"].queryset = Programme.objects.filter(
            plan__organisation_id=organisation_id
        ).order_by("order", "code")
        fields["activities"].queryset = (
            Activity.objects.filter(programme__plan__organisation_id=organisation_id)
            .select_related("programme")
            .order_by("programme__order", "order")
        )
        fields["projects"].queryset = Project.objects.filter(
            organisation_id=organisation_id
        ).order_by("code", "title")

    @classmethod
    def for_grant(cls, grant: Grant, data: Any, files: Any, organisation_id: int) -> GrantForm:
        from koers.funding.services import GRANT_FIELDS, GRANT_LINKS

        initial: dict[str, Any] = {name: getattr(grant, name) for name in GRANT_FIELDS}
        for name in GRANT_LINKS:
            initial[name] = list(getattr(grant, name).all())
        initial["version"] = grant.version
        return cls(data, files, initial=initial, organisation_id=organisation_id)


class MoveForm(Form):
    to = forms.ChoiceField(label=_("Next step"), choices=GrantStatus.choices)
    on = forms.DateField(label=_("Date of this step"), widget=DateInput())
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when going back a step."),
    )


class ObligationForm(Form):
    text = forms.CharField(label=_("Obligation"), max_length=300)
    due_on = forms.DateField(label=_("Due"), widget=DateInput())


class ObligationDoneForm(Form):
    """Mark an obligation met, or (`reopen`) open again."""

    reopen = forms.ChoiceField(choices=[("", ""), ("1", _("Open again"))], required=False)


class GrantIndicatorForm(Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    agreed_target = forms.DecimalField(
        label=_("Target agreed with the funder"), min_value=0, decimal_places=2
    )

    def __init__(self, *args: Any, grant: Grant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        indicators = Indicator.objects.filter(
            activity__programme__plan__organisation_id=grant.organisation_id
        )
        programme_ids = [p.pk for p in grant.programmes.all()]
        if programme_ids:
            indicators = indicators.filter(activity__programme_id__in=programme_ids)
        fields: Any = self.fields
        fields["indicator"].queryset = indicators.select_related("activity").order_by(
            "activity__programme__order", "activity__order", "order"
        )
        fields["indicator"].label_from_instance = lambda i: f"{i.activity.code} · {i.title}"
        self.initial.setdefault("year", grant.starts_on.year)


class AdvanceForm(Form):
    invoice_number = forms.CharField(label=_("Invoice number"), max_length=40, required=False)
    sent_on = forms.DateField(label=_("Sent on"), required=False, widget=DateInput())
    paid_on = forms.DateField(label=_("Paid on"), required=False, widget=DateInput())


class BudgetLineForm(Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    direction = forms.ChoiceField(
        label=_("Income or costs"), choices=[("income", _("Income")), ("cost", _("Costs"))]
    )
    funder = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Funder"),
        required=False,
    )
    cost_type = forms.ChoiceField(
        label=_("Cost type"), choices=[("", "—"), *CostType.choices], required=False
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    amount = forms.DecimalField(label=_("Amount (€)"), min_value=0, decimal_places=2)
    amount_low = forms.DecimalField(label=_("Range from (€)"), required=False, decimal_places=2)
    amount_high = forms.DecimalField(label=_("Range up to (€)"), required=False, decimal_places=2)

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id=organisation_id
        ).order_by("order", "code")


class ExpenseForm(Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    date = forms.DateField(label=_("Date"), widget=DateInput())
    cost_type = forms.ChoiceField(label=_("Cost type"), choices=CostType.choices)
    amount = forms.DecimalField(label=_("Amount (€)"), decimal_places=2)
    description = forms.CharField(label=_("Description"), max_length=200)
    funder = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Charged to funder"),
        required=False,
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id=organisation_id
        ).order_by("order", "code")


class PositionForm(ModelForm):
    """A year's financial position, with the version it was opened with (a save by
    someone else in between is shown, not overwritten)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = FinancialYear
        fields = POSITION_FIELDS


class RiskForm(ModelForm):
    """A risk of the register, with the version it was opened with; the programme one of
    the organisation's own."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Risk
        fields = RISK_FIELDS
        widgets = {"review_on": DateInput()}

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id=organisation_id
        ).order_by("order", "code")


class QuarterForm(Form):
    """`?kwartaal=2021-2`: the quarter whose advances are shown."""

    kwartaal = forms.RegexField(regex=r"^\d{4}-[1-4]$", max_length=7, required=False)

    def quarter(self, default: Quarter) -> Quarter:
        """The quarter asked for; `default` when none or none that exists was asked."""
        if not self.is_valid() or not self.cleaned_data["kwartaal"]:
            return default
        year, number = (int(part) for part in self.cleaned_data["kwartaal"].split("-"))
        if not 1900 <= year <= 2200:
            return default
        return Quarter(year, number)
