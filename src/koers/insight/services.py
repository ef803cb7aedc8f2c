"""The writes of the dashboards: key figures chosen, changed and removed; notes on figures
written and removed. Each runs in a transaction and leaves an audit entry in the log of the
writer's organisation. Key figures show on every organisation's dashboards: each is kept by
the organisation that chose it (koers.insight.keepers), and only its statistics managers
change or remove it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.insight import research
from koers.insight.keepers import refuse_unless_kept
from koers.insight.models import (
    FigureNote,
    KeyFigure,
    ResearchProject,
    SurveyAnswer,
    SurveyResult,
)
from koers.insight.surveys import SurveyRow

KEY_FIGURE_FIELDS = [
    "topic_id",
    "breakdown",
    "title",
    "denominator_id",
    "denominator_breakdown",
    "per",
    "flow",
    "on_dashboard",
    "position",
]
NOTE_FIELDS = ["topic_id", "region", "period", "text"]


def _goal_ids(figure: KeyFigure) -> list[int]:
    return sorted(figure.goals.values_list("pk", flat=True))


@transaction.atomic
def key_figure_save(
    actor: Any, figure: KeyFigure, goals: list[Any], expected_version: int | None = None
) -> KeyFigure:
    """Store a new or changed key figure with the goals it is context for. A change made on
    a version someone else has since saved raises ConflictError (`lock_for_edit`)."""
    organisation_id = own_organisation(actor, Capability.MANAGE_STATISTICS)  # else refused
    creating = figure.pk is None
    before = None
    if creating:
        figure.keeper_id = organisation_id
    else:
        refuse_unless_kept(actor, figure.keeper_id, figure.label)  # the view read it already
        stored = lock_for_edit(figure, expected_version)
        before = {**snapshot(stored, KEY_FIGURE_FIELDS), "goals": _goal_ids(stored)}
        for name in KEY_FIGURE_FIELDS:
            setattr(stored, name, getattr(figure, name))
        figure = stored
    figure.full_clean()
    figure.save()
    figure.goals.set(goals)
    audit_write(
        actor=actor,
        action="key_figure.created" if creating else "key_figure.changed",
        instance=figure,
        before=before,
        after={**snapshot(figure, KEY_FIGURE_FIELDS), "goals": _goal_ids(figure)},
        organisation_id=organisation_id,
    )
    return figure


@transaction.atomic
def key_figure_remove(actor: Any, figure: KeyFigure) -> None:
    """Take a figure off the dashboards. The statistics and the notes on them stay."""
    refuse_unless_kept(actor, figure.keeper_id, figure.label)
    before = {**snapshot(figure, KEY_FIGURE_FIELDS), "goals": _goal_ids(figure)}
    audit_write(
        actor=actor,
        action="key_figure.removed",
        instance=figure,
        before=before,
        organisation_id=own_organisation(actor, Capability.MANAGE_STATISTICS),
    )
    figure.delete()


@transaction.atomic
def figure_note_save(actor: Any, note: FigureNote) -> FigureNote:
    note.organisation_id = own_organisation(actor, Capability.ANNOTATE_FIGURES)
    note.author = actor
    note.written_at = timezone.now()
    note.full_clean()
    note.save()
    audit_write(
        actor=actor,
        action="figure_note.written",
        instance=note,
        after=snapshot(note, NOTE_FIELDS),
    )
    return note


@transaction.atomic
def figure_note_remove(actor: Any, note: FigureNote) -> None:
    audit_write(
        actor=actor, action="figure_note.removed", instance=note, before=snapshot(note, NOTE_FIELDS)
    )
    note.delete()


# --- the research register ----------------------------------------------------------------------

RESEARCH_FIELDS = [
    "title",
    "kind",
    "question",
    "status",
    "started_on",
    "delivered_on",
    "findings",
    "programme_id",
]


@transaction.atomic
def research_project_save(
    actor: Any,
    project: ResearchProject,
    *,
    indicators: list[Any],
    datasets: list[Any],
    expected_version: int | None = None,
) -> ResearchProject:
    """Store a new or changed research project of the actor's organisation. A change made
    on a version someone else has since saved raises ConflictError (`lock_for_edit`)."""
    creating = project.pk is None
    before = None
    if creating:
        project.holder_id = own_organisation(actor, Capability.MANAGE_STATISTICS)
    else:
        # Who may, before whether it is current: a refusal shows no one's version.
        holder_id = ResearchProject.objects.values_list("holder_id", flat=True).get(pk=project.pk)
        if not research.may_manage(actor, holder_id):
            raise PermissionDenied
        locked = lock_for_edit(project, expected_version)
        before = snapshot(locked, RESEARCH_FIELDS)
        for name in RESEARCH_FIELDS:
            setattr(locked, name, getattr(project, name))
        project = locked
    project.full_clean()
    project.save()
    project.indicators.set(indicators)
    project.datasets.set(datasets)
    audit_write(
        actor=actor,
        action="research_project.created" if creating else "research_project.changed",
        instance=project,
        before=before,
        after=snapshot(project, RESEARCH_FIELDS),
    )
    return project


@transaction.atomic
def survey_result_remove(actor: Any, survey: SurveyResult) -> None:
    """Remove an uploaded survey's results (its answers go with it); the audit keeps what it
    was. The caller asked first (`confirm_first`) and loaded it with
    `research.get_survey_to_manage`; checked again here, for every other caller."""
    locked = (
        SurveyResult.objects.select_for_update()
        .select_related("project")
        .filter(pk=survey.pk)
        .first()
    )
    if locked is None:
        return  # removed a moment ago (a second confirmation): nothing more to do or log
    survey = locked
    project = survey.project
    if not research.may_manage(actor, project.holder_id):
        raise PermissionDenied
    audit_write(
        actor=actor,
        action="survey_result.removed",
        instance=survey,
        before={
            "title": survey.title,
            "file": survey.file_name,
            "answers": survey.answers.count(),
            "project": project.pk,
        },
        organisation_id=project.holder_id,
    )
    survey.delete()


@transaction.atomic
def survey_result_import(
    actor: Any, project: ResearchProject, *, title: str, file_name: str, rows: list[SurveyRow]
) -> SurveyResult:
    """Keep a survey's aggregated results (checked by `surveys.read_survey`) with its project."""
    survey = SurveyResult.objects.create(
        project=project,
        title=title,
        file_name=file_name[:300],
        uploaded_at=timezone.now(),
        uploaded_by=actor,
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(
            survey=survey,
            question=row.question,
            answer=row.answer,
            count=row.count,
            position=position,
        )
        for position, row in enumerate(rows)
    )
    audit_write(
        actor=actor,
        action="survey_result.imported",
        instance=survey,
        after={"title": title, "file": file_name, "answers": len(rows)},
        organisation_id=project.holder_id,
    )
    return survey
