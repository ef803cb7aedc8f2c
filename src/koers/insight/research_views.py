"""The research register: its list, a project with its survey results (small numbers hidden),
registering and changing a project, and uploading a survey's aggregated results with a check
first."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability, sees_names
from koers.accounts.roles import Capability
from koers.core import imports as kept_uploads
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.pages import act
from koers.core.versioning import versioned_edit
from koers.insight import research, services
from koers.insight.models import ResearchProject
from koers.insight.research_forms import ResearchProjectForm, SurveyConfirmForm, SurveyUploadForm
from koers.insight.surveys import read_survey
from koers.signals.suppression import threshold


@requires(Capability.VIEW_STATISTICS)
@require_GET
def projects(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "insight/research/list.html",
        {
            "projects": research.project_list(request.user),
            "may_add": has_capability(request.user, Capability.MANAGE_STATISTICS),
        },
    )


@requires(Capability.VIEW_STATISTICS)
@require_GET
def project(request: HttpRequest, pk: int) -> HttpResponse:
    found = research.get_project_for_user(request.user, pk)
    return render(
        request,
        "insight/research/project.html",
        {
            "project": found,
            "indicators": found.indicators.select_related("activity"),
            "datasets": found.datasets.all(),
            "surveys": research.survey_results(found),
            "may_manage": research.may_manage(request.user, found.holder_id),
            "small_number": threshold(),
            # Who uploaded: for those who see the names of the holder's staff.
            "show_names": sees_names(request.user, found.holder_id),
        },
    )


def _project_form_page(
    request: HttpRequest, form: ResearchProjectForm, found: ResearchProject | None
) -> HttpResponse:
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.research_project_save(
            request.user,
            form.save(commit=False),
            indicators=list(cleaned["indicators"]),
            datasets=list(cleaned["datasets"]),
            expected_version=cleaned.get("version"),
        ),
        success=_("The research project is saved."),
        shown=("title", "status", "delivered_on", "findings"),
        next_url=lambda saved: reverse("insight:research_project", args=[saved.pk]),
        template="insight/research/form.html",
        project=found,
    )


@requires(Capability.MANAGE_STATISTICS)
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    form = ResearchProjectForm(request.POST or None, user=request.user)
    return _project_form_page(request, form, None)


@requires(Capability.MANAGE_STATISTICS)
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = research.get_project_to_manage(request.user, pk)
    form = ResearchProjectForm(request.POST or None, instance=found, user=request.user)
    return _project_form_page(request, form, found)


@requires(Capability.MANAGE_STATISTICS)
@require_http_methods(["GET", "POST"])
def survey_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The upload (GET) and its check (POST): per question what will be kept and what will
    show as a small number; nothing is kept until she confirms. A refused file is not kept."""
    found = research.get_project_to_manage(request.user, pk)
    form = SurveyUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token, path = kept_uploads.keep(request, form.cleaned_data["file"])
        checked = read_survey(path)
        if checked.problems:
            kept_uploads.discard(request, token)
            for problem in checked.problems:
                form.add_error("file", problem)
        else:
            confirm = SurveyConfirmForm(
                initial={
                    "token": token,
                    "title": form.cleaned_data["title"],
                    "file_name": form.cleaned_data["file"].name,
                }
            )
            return render(
                request,
                "insight/research/survey_check.html",
                {
                    "project": found,
                    "questions": checked.questions,
                    "answers": len(checked.rows),
                    "confirm": confirm,
                    "small_number": threshold(),
                },
            )
    return render(
        request,
        "insight/research/survey_upload.html",
        {"project": found, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@asks_first
@requires(Capability.MANAGE_STATISTICS)
@require_POST
def survey_remove(request: HttpRequest, pk: int) -> HttpResponse:
    survey = research.get_survey_to_manage(request.user, pk)
    back = reverse("insight:research_project", args=[survey.project_id])

    def remove() -> HttpResponse:
        act(
            request,
            lambda: services.survey_result_remove(request.user, survey),
            _("The survey results have been removed."),
        )
        return redirect(back)

    def question() -> Question:
        return Question(
            heading=_("Remove the results of “%(survey)s”?") % {"survey": survey.title},
            consequences=[_("Its answers no longer show with the project.")],
            button=_("Yes, remove"),
            cancel_url=back,
        )

    return confirm_first(request, question=question, then=remove)


@requires(Capability.MANAGE_STATISTICS)
@require_POST
def survey_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    found = research.get_project_to_manage(request.user, pk)
    confirm = SurveyConfirmForm(request.POST)
    path = kept_uploads.kept(request, confirm.data.get("token", "")) if confirm.is_valid() else None
    if path is None:
        messages.error(request, _("That upload is no longer here: upload the file again."))
        return redirect("insight:survey_upload", pk=found.pk)
    checked = read_survey(path)
    if checked.problems:  # the check passed a moment ago; the file is the same
        messages.error(request, " ".join(checked.problems))
        return redirect("insight:survey_upload", pk=found.pk)
    services.survey_result_import(
        request.user,
        found,
        title=confirm.cleaned_data["title"],
        file_name=confirm.cleaned_data["file_name"],
        rows=checked.rows,
    )
    kept_uploads.mark_done(request, confirm.cleaned_data["token"])
    messages.success(
        request,
        _("The results are kept: %(count)s answers, as aggregates.") % {"count": len(checked.rows)},
    )
    return redirect("insight:research_project", pk=found.pk)
