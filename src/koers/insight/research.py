"""Who sees and who keeps the research register, and what its pages read.

A project is its organisation's (the holder's): her staff who read statistics see it, and so
do the officials of funders of its programmes (the rule of the apps' figure pages,
`holders_visible_to`); whoever may import tables there (`manage_statistics`) registers and
changes it and uploads its survey results. Out of her sight: 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.insight.models import ResearchProject, SurveyResult
from koers.insight.surveys import QuestionResult, results_of
from koers.plans.managers import holders_visible_to


def projects_visible_to(user: Any) -> QuerySet[ResearchProject]:
    return ResearchProject.objects.filter(
        holder_id__in=holders_visible_to(user, Capability.VIEW_STATISTICS)
    )


def project_list(user: Any) -> QuerySet[ResearchProject]:
    return (
        projects_visible_to(user)
        .select_related("holder", "programme")
        .annotate(survey_count=Count("surveys", distinct=True))
    )


def get_project_for_user(user: Any, pk: int) -> ResearchProject:
    return get_object_or_404(projects_visible_to(user).select_related("holder", "programme"), pk=pk)


def get_project_to_manage(user: Any, pk: int) -> ResearchProject:
    project = get_project_for_user(user, pk)
    if not may_manage(user, project.holder_id):
        raise Http404
    return project


def get_survey_to_manage(user: Any, pk: int) -> SurveyResult:
    """An uploaded survey whose project the user manages; 404 for any other."""
    survey = get_object_or_404(SurveyResult.objects.select_related("project"), pk=pk)
    get_project_to_manage(user, survey.project_id)
    return survey


def may_manage(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.MANAGE_STATISTICS, Scope(organisation_id=holder_id))


def survey_results(project: ResearchProject) -> list[tuple[Any, list[QuestionResult]]]:
    """Each survey of the project with its questions, small numbers hidden: two queries."""
    surveys = list(project.surveys.select_related("uploaded_by").prefetch_related("answers"))
    return [
        (
            survey,
            results_of([(a.question, a.answer, a.count) for a in survey.answers.all()]),
        )
        for survey in surveys
    ]
