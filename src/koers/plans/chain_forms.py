"""Forms of what surrounds the activities: tactical goals, standing tasks, partners,
milestones."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation
from koers.plans.models import (
    Activity,
    DatePrecision,
    Line,
    Milestone,
    PartnerRole,
    Plan,
    Programme,
    StandingTask,
    TacticalGoal,
)


def _line_field(help_text: Any = "") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Line"),
        queryset=Line.objects.none(),
        required=False,
        empty_label=_("— the whole programme —"),
        help_text=help_text,
    )


def _lines_of(form: forms.BaseForm, programme: Programme) -> None:
    line_field = form.fields["line"]
    assert isinstance(line_field, forms.ModelChoiceField)
    line_field.queryset = programme.lines.all()


class TacticalGoalForm(Form):
    line = _line_field()
    text = forms.CharField(
        label=_("Tactical goal"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    target_year = forms.IntegerField(label=_("To be reached in"), min_value=1900, max_value=2200)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _lines_of(self, programme)

    @classmethod
    def for_goal(
        cls, programme: Programme, goal: TacticalGoal | None, data: Any = None
    ) -> TacticalGoalForm:
        initial: dict[str, Any] = {"version": 0, "target_year": programme.plan.end_year}
        if goal is not None:
            initial = {
                "line": goal.line_id,
                "text": goal.text,
                "target_year": goal.target_year,
                "version": goal.version,
            }
        return cls(data, initial=initial, programme=programme)


class StandingTaskForm(Form):
    line = _line_field()
    title = forms.CharField(label=_("Title"), max_length=200)
    role = forms.CharField(
        label=_("Our role"),
        max_length=200,
        help_text=_("For example secretary, lead of a work group, organiser of meetings."),
    )
    description = forms.CharField(
        label=_("Tasks and responsibilities"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _lines_of(self, programme)

    @classmethod
    def for_task(
        cls, programme: Programme, task: StandingTask | None, data: Any = None
    ) -> StandingTaskForm:
        initial: dict[str, Any] = {"version": 0}
        if task is not None:
            initial = {
                "line": task.line_id,
                "title": task.title,
                "role": task.role,
                "description": task.description,
                "version": task.version,
            }
        return cls(data, initial=initial, programme=programme)


class PartnerForm(Form):
    organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Organisation"),
    )
    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class MilestoneForm(Form):
    title = forms.CharField(label=_("Milestone"), max_length=300)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    precision = forms.ChoiceField(
        label=_("Known to the"),
        choices=DatePrecision.choices,
        initial=DatePrecision.DAY,
        help_text=_("A date known to the month, season or year is kept as its last day."),
    )
    done = forms.BooleanField(label=_("Reached"), required=False)
    activity = forms.ModelChoiceField(
        label=_("Activity"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)

    @classmethod
    def for_milestone(
        cls, plan: Plan, year: int, milestone: Milestone | None, data: Any = None
    ) -> MilestoneForm:
        initial: dict[str, Any] = {"version": 0, "precision": DatePrecision.DAY}
        if milestone is not None:
            initial = {
                "title": milestone.title,
                "date": milestone.date,
                "precision": milestone.precision,
                "done": milestone.done,
                "activity": milestone.activity_id,
                "version": milestone.version,
            }
        form = cls(data, initial=initial)
        activity_field = form.fields["activity"]
        assert isinstance(activity_field, forms.ModelChoiceField)
        # The year's activities (and the one it has): a plan's four years together are too
        # many for a select.
        chosen = Q(pk=milestone.activity_id) if milestone and milestone.activity_id else Q()
        activity_field.queryset = Activity.objects.filter(
            Q(year=year) | chosen, programme__plan=plan
        )
        return form
