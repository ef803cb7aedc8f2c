"""The installation administrator's form for bringing an organisation into Koers: the page
beside `koers organisation add` (plans.services.onboarding)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.directory.models import Organisation
from koers.plans.models import Goal, Plan
from koers.plans.services.onboarding.organisations import FIRST_YEAR, LAST_YEAR


class OnboardingForm(Form):
    name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_(
            "Its name as in the directory: an organisation that is there and has no users "
            "yet is taken over, with what others recorded about it."
        ),
    )
    funder = forms.ModelChoiceField(
        label=_("Funder"),
        queryset=Organisation.objects.none(),
        help_text=_("The funder that adopts its multi-year plan, with the goal tree it serves."),
    )
    goal_root = forms.ChoiceField(
        label=_("Programmes from the funder's goal"),
        required=False,
        help_text=_("One programme per goal directly below it, serving that goal."),
    )
    from_plan = forms.ModelChoiceField(
        label=_("Or: programmes copied from an earlier plan"),
        queryset=Plan.objects.none(),
        required=False,
        help_text=_("Of the same organisation, for a new period: not its activities."),
    )
    start_year = forms.IntegerField(
        label=_("First year"), min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    end_year = forms.IntegerField(label=_("Last year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    plan_title = forms.CharField(
        label=_("Title of the plan"),
        max_length=200,
        required=False,
        help_text=_("Left empty: Multi-year plan and its years."),
    )
    beheerder_username = forms.CharField(label=_("Her beheerder's user name"), max_length=150)
    beheerder_email = forms.EmailField(label=_("Her beheerder's e-mail address"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        funders = Organisation.objects.filter(goals__isnull=False).distinct().order_by("name")
        self.fields["funder"].queryset = funders  # type: ignore[attr-defined]
        goals = list(Goal.objects.filter(parent__isnull=True).select_related("funder"))
        self.roots = {goal.pk: goal for goal in goals}
        self.fields["goal_root"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *(
                (goal.pk, f"{goal.funder}: {goal.code} {goal.title}")
                for goal in sorted(goals, key=lambda g: (g.funder.name, g.order, g.code))
            ),
        ]
        self.fields["from_plan"].queryset = Plan.objects.select_related(  # type: ignore[attr-defined]
            "organisation"
        ).order_by("organisation__name", "start_year")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        root = self.roots.get(int(data["goal_root"])) if data.get("goal_root") else None
        funder = data.get("funder")
        if root is not None and funder is not None and root.funder_id != funder.pk:
            self.add_error(
                "goal_root",
                _(
                    "%(goal)s is a goal of %(owner)s, not of %(funder)s: a plan serves its own "
                    "funder's goals (docs/tenancy.md)."
                )
                % {"goal": root.code, "owner": root.funder, "funder": funder},
            )
        return data

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "funder": data["funder"],
            "start_year": data["start_year"],
            "end_year": data["end_year"],
            "beheerder_username": data["beheerder_username"],
            "beheerder_email": data["beheerder_email"],
            "goal_root": self.roots[int(data["goal_root"])].code if data.get("goal_root") else "",
            "from_plan": data.get("from_plan"),
            "plan_title": data.get("plan_title") or "",
        }

    # The service's problems by its keys, onto the fields they are about.
    PROBLEM_FIELDS = {
        "name": "name",
        "organisation": "name",
        "funder": "funder",
        "years": "start_year",
        "programmes": "goal_root",
        "goal_root": "goal_root",
        "from_plan": "from_plan",
        "plan": "plan_title",
        "beheerder": "beheerder_username",
        "email": "beheerder_email",
    }

    def add_service_problems(self, problems: dict[str, list[str]]) -> None:
        for key, messages in problems.items():
            self.add_error(self.PROBLEM_FIELDS.get(key), messages)
