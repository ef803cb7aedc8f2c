"""Forms of the work pages: the week grid, approving a week or a product, a correction,
registering a product, a project.

What the pages post is parsed here, never read from request.POST in a view: a cell that is
not a number of hours, a note over its column's length or with a character that cannot be
stored, a decision that is not one of the buttons, are each refused with a message.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.core.municipality_fields import municipality_field
from koers.core.uploads import ALLOWED_EXTENSIONS, validate_document
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation
from koers.plans.models import Programme
from koers.work import services
from koers.work.access import programmes_for_projects
from koers.work.grid import Row, parse_hours, parse_signed_hours
from koers.work.models import ProductKind, Project, ProjectStatus, TimeEntry
from koers.work.services import Cell

NOTE_LENGTH = TimeEntry._meta.get_field("note").max_length
DATABASE_ID_MAX = 2**63 - 1  # the largest id a bigint column holds
ROW_KEY = re.compile(r"[pac][0-9]{1,18}")  # see grid.key_of
REMARK_LENGTH = 500  # as the pages' remark inputs allow


class HoursField(forms.CharField):
    """Hours as people type them ('1,5', '1.5', '' for none); `signed` for a correction."""

    def __init__(self, *, signed: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(max_length=10, **kwargs)
        self.signed = signed

    def clean(self, value: Any) -> Decimal:
        text = super().clean(value)  # refuses what cannot be stored and long text first
        try:
            return parse_signed_hours(text) if self.signed else parse_hours(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None


class WeekForm(Form):
    """The week grid as posted: the button pressed, the rows shown or added, and per row
    its seven cells (`h-<row>-<day>`) and its note (`n-<row>`)."""

    action = forms.ChoiceField(
        choices=[("save", _("Save")), ("submit", _("Submit")), ("copy", _("Copy last week"))],
        required=False,
    )
    rows = forms.MultipleChoiceField(
        label=_("Add a row"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "A row on the page can no longer be chosen (a project ended, say); open the "
                "week again."
            )
        },
    )

    def __init__(self, data: Any, *, rows: list[Row], addable: list[str]) -> None:
        super().__init__(data)
        self.grid_rows = rows
        # The rows on the page and the ones that can be added; "" is the list's "—".
        self.fields["rows"].choices = [  # type: ignore[attr-defined]
            (key, key) for key in ["", *(row.key for row in rows), *addable]
        ]
        for row in rows:
            for day in range(7):
                self.fields[f"h-{row.key}-{day}"] = HoursField(label=str(row.target))
            self.fields[f"n-{row.key}"] = forms.CharField(
                label=_("Note for %(target)s") % {"target": row.target},
                required=False,
                max_length=NOTE_LENGTH,
            )

    @property
    def action_chosen(self) -> str:
        return str(self.cleaned_data.get("action") or "save")

    def cells(self, monday: dt.date) -> list[Cell]:
        """The cells of the grid, once it is valid; the rows show what was posted."""
        found = []
        for row in self.grid_rows:
            note = self.cleaned_data[f"n-{row.key}"]
            row.note = note
            for day in range(7):
                hours = self.cleaned_data[f"h-{row.key}-{day}"]
                row.hours[day] = hours or None
                found.append(Cell(row.target, monday + dt.timedelta(days=day), hours, note))
        return found

    def problems(self) -> list[str]:
        """Each error as a sentence that names its row. The rows show the cells that were
        read (a cell that was not keeps its stored value, as the totals need numbers)."""
        for row in self.grid_rows:
            row.note = str(self.data.get(f"n-{row.key}", ""))
            for day in range(7):
                name = f"h-{row.key}-{day}"
                if name in self.cleaned_data:
                    row.hours[day] = self.cleaned_data[name] or None
        return [
            f"{self.fields[name].label}: {error}" if name in self.fields else str(error)
            for name, errors in self.errors.items()
            for error in errors
        ]


class WeekDecisionForm(Form):
    """Approve a submitted week, or return it with a remark."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("return", _("Return"))]
    )
    remark = forms.CharField(
        label=_("Remark when returning"), required=False, max_length=REMARK_LENGTH
    )


class ProductReviewForm(Form):
    """Approve a product, or send it back with a remark."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("send_back", _("Send back"))]
    )
    remark = forms.CharField(
        label=_("Remark when sending back"), required=False, max_length=REMARK_LENGTH
    )


class CorrectionForm(Form):
    """A signed correction of an entry in a closed month. `entries` are the ones she may
    correct on this page: any other id, a number too large for the database or no number
    at all is refused as one that cannot be corrected here."""

    entry = forms.ModelChoiceField(
        label=_("Entry to correct"),
        queryset=TimeEntry.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose the entry to correct."),
            "invalid_choice": _("This entry cannot be corrected here; open the month again."),
        },
    )
    day = forms.DateField(label=_("Date of the correction"), widget=DateInput())
    # Empty hours and reason are for the service to refuse, with its own words.
    hours = HoursField(label=_("Hours (plus or minus)"), signed=True)
    note = forms.CharField(label=_("Reason"), required=False, max_length=NOTE_LENGTH)

    def __init__(
        self, data: Any, *, entries: QuerySet[TimeEntry] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        # Deny by default: without the page's entries, no entry can be chosen.
        self.fields["entry"].queryset = (  # type: ignore[attr-defined]
            entries if entries is not None else TimeEntry.objects.none()
        )


class MonthField(forms.DateField):
    """A month as `<input type="month">` sends it (2021-03), as its first day."""

    input_formats = ["%Y-%m"]


class CorrectionsFilterForm(Form):
    """The corrections page's query string: whose entries (operations may choose another
    staff member) and which month. What does not parse counts as not given."""

    medewerker = forms.IntegerField(required=False, min_value=1, max_value=DATABASE_ID_MAX)
    maand = MonthField(required=False)


class MonthCloseForm(Form):
    """The month to close, as the months page posts it (its first day)."""

    month = forms.DateField(
        error_messages={"required": _("Choose a month."), "invalid": _("Choose a month.")}
    )


class RowKeysField(forms.MultipleChoiceField):
    """Keys of week rows (`p12`, `a3`, `c7`): the ones that name a row are kept, anything
    else is dropped (the grid offers only what she may write on; `WeekForm` refuses a
    posted row that cannot be chosen, with a message)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def clean(self, value: Any) -> list[str]:
        keys = self.to_python(value)
        return [key for key in keys if ROW_KEY.fullmatch(key)]


class WeekRowsForm(Form):
    """The rows to show besides her entries: added on the page (`rows`, posted) or asked
    for in a link (`?rij=`)."""

    rows = RowKeysField()
    rij = RowKeysField()

    def keys(self, name: str) -> list[str]:
        """The keys of field `name` (`rows` of the posted form, `rij` of the query)."""
        self.is_valid()  # the fields drop what does not parse, so this form is always valid
        return list(self.cleaned_data.get(name, []))


class ProductForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ProductKind.choices)
    document = forms.FileField(
        label=_("Document"),
        required=False,
        validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    link = forms.URLField(label=_("Link"), required=False, max_length=200, assume_scheme="https")


class ProjectForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    code = forms.CharField(label=_("Code"), max_length=20, required=False)
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        required=False,
        help_text=_("Leave empty only for a separate project, with its hand-over date."),
    )
    handover_by = forms.DateField(
        label=_("Hand over or end by"), required=False, widget=DateInput()
    )
    funder = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Funder"),
        required=False,
    )
    partner = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Municipality or organisation"),
        required=False,
        help_text=_("With a partner, the programme pays at most half of the hours."),
    )
    municipality = municipality_field(label=_("Municipality"), required=False)
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("End"), required=False, widget=DateInput())
    hours_budget = forms.DecimalField(label=_("Hours budget"), required=False, min_value=0)
    programme_hours = forms.DecimalField(
        label=_("Hours paid by the programme"), required=False, min_value=0
    )
    money_budget = forms.DecimalField(label=_("Budget (€)"), required=False, min_value=0)
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only programmes she may put projects in: a coordinator offers her own.
        self.fields["programme"].queryset = programmes_for_projects(  # type: ignore[attr-defined]
            user, organisation_id
        )

    @classmethod
    def for_project(
        cls, project: Project, data: Any, *, user: Any, organisation_id: int
    ) -> ProjectForm:
        initial = {name: getattr(project, name) for name in services.PROJECT_FIELDS}
        initial["version"] = project.version
        return cls(data, initial=initial, user=user, organisation_id=organisation_id)
