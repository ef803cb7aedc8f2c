"""The seeds' facts around the 2021 activities (seed_data/chain_details.py): target dates,
tactical goals, standing tasks, partners per activity and the plan's milestones. Written
as the builder writes the plan itself: part of the plan as the seeds give it, not records
a user typed in."""

from __future__ import annotations

from typing import Any

from koers.demo.constants import DEMO_YEAR
from koers.demo.seed_data import chain_details as seed
from koers.directory.models import Organisation
from koers.plans.models import (
    Activity,
    ActivityPartner,
    Line,
    Milestone,
    Plan,
    Programme,
    StandingTask,
    TacticalGoal,
)


def build_chain_details(plan: Plan, organisations: dict[str, Organisation], note: Any) -> None:
    programmes = {p.code: p for p in Programme.objects.filter(plan=plan)}
    lines = {line.code: line for line in Line.objects.filter(programme__plan=plan)}
    activities = {a.code: a for a in Activity.objects.filter(programme__plan=plan, year=DEMO_YEAR)}
    for code, (date, precision) in seed.PROGRAMME_TARGETS.items():
        programme = programmes[code]
        programme.target_date, programme.target_precision = date, precision
        programme.save(update_fields=["target_date", "target_precision"])
    for code, (date, precision) in seed.ACTIVITY_TARGETS.items():
        activity = activities[code]
        activity.target_date, activity.target_precision = date, precision
        activity.save(update_fields=["target_date", "target_precision"])
    for code, goals in seed.TACTICAL_GOALS.items():
        for order, (line_code, text, year) in enumerate(goals, start=1):
            _, was = TacticalGoal.objects.get_or_create(
                programme=programmes[code],
                text=text,
                defaults={
                    "line": lines[line_code] if line_code else None,
                    "target_year": year,
                    "order": order,
                },
            )
            note("tactical goals", was)
    for code, tasks in seed.STANDING_TASKS.items():
        for order, task in enumerate(tasks, start=1):
            _, was = StandingTask.objects.get_or_create(
                programme=programmes[code],
                title=task["title"],
                defaults={
                    "line": lines[task["line"]] if task.get("line") else None,
                    "role": task["role"],
                    "description": task["description"],
                    "order": order,
                },
            )
            note("standing tasks", was)
    for code, partners in seed.PARTNERS.items():
        for slug, role in partners:
            _, was = ActivityPartner.objects.get_or_create(
                activity=activities[code], organisation=organisations[slug], defaults={"role": role}
            )
            note("activity partners", was)
    for spec in seed.MILESTONES:
        _, was = Milestone.objects.get_or_create(
            plan=plan,
            title=spec["title"],
            defaults={
                "date": spec["date"],
                "precision": spec["precision"],
                "done": spec["done"],
                "activity": activities[spec["activity"]] if spec.get("activity") else None,
            },
        )
        note("milestones", was)
