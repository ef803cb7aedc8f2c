"""Checks of the admin's programme form that the model alone cannot make (many-to-many)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from koers.core.forms import ModelForm
from koers.plans.goal_links import unfunded_goals
from koers.plans.models import Programme


class ProgrammeAdminForm(ModelForm[Programme]):
    class Meta:
        model = Programme
        # The admin passes its own field list; these are what it shows.
        fields = [
            "plan",
            "code",
            "name",
            "strategic_goal",
            "introduction",
            "coordinator",
            "fte",
            "order",
            "target_date",
            "target_precision",
            "target_met",
            "goals",
            "funders",
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        plan = cleaned.get("plan")
        funder_ids = {funder.pk for funder in cleaned.get("funders") or []}
        if plan is not None and plan.funder_id:
            funder_ids.add(plan.funder_id)
        refused = unfunded_goals(cleaned.get("goals") or [], funder_ids)
        if refused:
            self.add_error("goals", refusal(refused))
        return cleaned


def refusal(goals: list[Any]) -> str:
    return _(
        "%(goals)s belong to the goal tree of a funder that does not fund this programme. "
        "Choose goals of one of its funders, or add that funder first."
    ) % {"goals": ", ".join(f"{goal.code} {goal.title}" for goal in goals)}
