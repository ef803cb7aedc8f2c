"""Forms of recording signals: the one-minute form, the list's filters, interpreting one,
and a resident's contact answered. They read what needs no other rows (dates, choices);
`signal_record` and the services check the rest (region, the holder's categories)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, Form
from koers.core.reference import default_reference
from koers.signals.models import Category, Signal
from koers.signals.models.choices import Channel, Law, Sentiment, TargetGroup
from koers.signals.region import region_municipalities

DESCRIPTION_LENGTH = 2000
ANY = [("", _("All"))]


def category_choices(holder_id: int, *, keep: Category | None = None) -> list[Any]:
    """The holder's categories in use as a two-level choice: per main category an option
    group with the main category itself ("in general") and its sub-categories. `keep`: a
    category no longer in use that the record already has, shown so it is not lost
    silently (choosing it again is refused by the service)."""
    rows = list(
        Category.objects.filter(holder_id=holder_id)
        .filter(active=True)
        .select_related("parent")
        .order_by("position", "name")
    )
    mains = [row for row in rows if row.parent_id is None]
    children: dict[int, list[Category]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(row)
    groups: list[Any] = []
    for main in mains:
        options = [(main.pk, _("%(name)s (in general)") % {"name": main.name})]
        options += [(child.pk, child.name) for child in children.get(main.pk, [])]
        groups.append((main.name, options))
    if keep is not None and keep.pk not in {row.pk for row in rows}:
        groups.append((_("No longer in use"), [(keep.pk, str(keep))]))
    return groups


class CategoryChoiceField(forms.TypedChoiceField):
    """A category of the holder by its id, offered grouped by main category."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(coerce=int, empty_value=None, **kwargs)


def chosen_category(holder_id: int, pk: int | None) -> Category | None:
    if pk is None:
        return None
    return (
        Category.objects.filter(holder_id=holder_id).select_related("parent").filter(pk=pk).first()
    )


class SignalForm(Form):
    """The one-minute form: when, how, about which law, what kind, where, how it felt, and
    what happened. The day is only used to find the week; it is not kept."""

    received_on = forms.DateField(
        label=_("Received on"),
        widget=DateInput(),
        help_text=_("Only the week is kept, never the day."),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    law = forms.ChoiceField(label=_("Law or domain"), choices=Law.choices)
    description = forms.CharField(
        label=_("What happened"),
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "In a few sentences, without names, addresses, phone numbers or other details "
            "that point to a person: whatever is left is taken out before it is saved."
        ),
    )
    category = CategoryChoiceField(
        label=_("Category"),
        required=False,
        help_text=_("Leave empty when you are not sure: the signal is then interpreted later."),
    )
    target_group = forms.ChoiceField(
        label=_("Target group"), choices=[("", "—"), *TargetGroup.choices], required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=region_municipalities(),
        required=False,
        empty_label=_("Unknown or several"),
    )
    sentiment = forms.ChoiceField(
        label=_("Sentiment"), choices=Sentiment.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.holder_id = holder_id
        category: Any = self.fields["category"]
        category.choices = [("", _("Not yet: interpret later")), *category_choices(holder_id)]
        municipality: Any = self.fields["municipality"]
        municipality.queryset = region_municipalities()
        self.fields["received_on"].initial = default_reference()
        # While she types, the classifier's suggestion is fetched (signals:suggest).
        self.fields["description"].widget.attrs.update(
            {
                "hx-post": reverse("signals:suggest"),
                "hx-trigger": "input changed delay:800ms, change",
                "hx-target": "#suggestion",
                "hx-swap": "outerHTML",
                "aria-controls": "suggestion",
            }
        )

    def clean_received_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["received_on"]
        if day > default_reference():
            raise forms.ValidationError(_("A signal cannot come in after today."))
        return day

    def values(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        return {
            "channel": cleaned["channel"],
            "law": cleaned["law"],
            "category": chosen_category(self.holder_id, cleaned.get("category")),
            "target_group": cleaned.get("target_group") or "",
            "municipality": cleaned.get("municipality"),
            "sentiment": cleaned["sentiment"],
            "description": cleaned["description"],
        }


class SuggestForm(Form):
    """What the htmx call of the suggestion posts: the text typed so far."""

    description = forms.CharField(max_length=DESCRIPTION_LENGTH, required=False)


INTERPRETED = "ja"
NOT_INTERPRETED = "nee"
QUARTERS = [
    ("", _("All")),
    *[(str(n), _("Quarter %(number)s") % {"number": n}) for n in range(1, 5)],
]


class SignalFilterForm(Form):
    """`?jaar=2021&kwartaal=2&categorie=<id>&gemeente=<id>&wet=wlz&kanaal=oco&geduid=nee`; a
    wrong value is no filter. A main category finds its sub-categories' signals too."""

    jaar = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    kwartaal = forms.TypedChoiceField(
        label=_("Quarter"), choices=QUARTERS, coerce=int, required=False, empty_value=None
    )
    categorie = CategoryChoiceField(label=_("Category"), required=False)
    gemeente = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=region_municipalities(),
        required=False,
        empty_label=_("All"),
    )
    wet = forms.ChoiceField(label=_("Law or domain"), choices=[*ANY, *Law.choices], required=False)
    kanaal = forms.ChoiceField(label=_("Channel"), choices=[*ANY, *Channel.choices], required=False)
    geduid = forms.ChoiceField(
        label=_("Interpreted"),
        choices=[*ANY, (INTERPRETED, _("Interpreted")), (NOT_INTERPRETED, _("Not yet"))],
        required=False,
    )

    def __init__(self, *args: Any, holder_ids: set[int], years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year: Any = self.fields["jaar"]
        year.choices = [("", _("All")), *[(y, str(y)) for y in years]]
        category: Any = self.fields["categorie"]
        groups: list[Any] = []
        for holder_id in sorted(holder_ids):
            groups += category_choices(holder_id)
        category.choices = [("", _("All")), *groups]
        municipality: Any = self.fields["gemeente"]
        municipality.queryset = region_municipalities()

    def narrow(self, rows: Any) -> Any:
        if not self.is_valid():
            return rows
        chosen = self.cleaned_data
        if chosen["jaar"]:
            rows = rows.filter(iso_year=chosen["jaar"])
        if chosen["kwartaal"]:
            rows = rows.filter(quarter=chosen["kwartaal"])
        if chosen["categorie"]:
            pk = chosen["categorie"]
            rows = rows.filter(Q(category_id=pk) | Q(category__parent_id=pk))
        if chosen["gemeente"]:
            rows = rows.filter(municipality=chosen["gemeente"])
        if chosen["wet"]:
            rows = rows.filter(law=chosen["wet"])
        if chosen["kanaal"]:
            rows = rows.filter(channel=chosen["kanaal"])
        if chosen["geduid"] == INTERPRETED:
            rows = rows.filter(interpreted_at__isnull=False)
        elif chosen["geduid"] == NOT_INTERPRETED:
            rows = rows.filter(interpreted_at__isnull=True)
        return rows


class InterpretForm(Form):
    """A person's choice of the category: final."""

    category = CategoryChoiceField(label=_("Category"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, keep: Category | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category: Any = self.fields["category"]
        category.choices = [("", "—"), *category_choices(holder_id, keep=keep)]


class BundleForm(Form):
    """The signals ticked on the list, to bundle into an agenda item."""

    signals = forms.ModelMultipleChoiceField(
        label=_("Signals"),
        queryset=Signal.objects.none(),
        error_messages={"required": _("Tick the signals to bundle first.")},
    )

    def __init__(self, *args: Any, visible: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        signals: Any = self.fields["signals"]
        signals.queryset = visible


class ContactFilterForm(Form):
    """`?toon=alle`: answered ones too; by default those waiting to hear back."""

    toon = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Waiting to hear back")), ("alle", _("All, answered ones too"))],
        required=False,
    )


class AnsweredForm(Form):
    answered_on = forms.DateField(label=_("Heard back on"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answered_on"].initial = default_reference()
