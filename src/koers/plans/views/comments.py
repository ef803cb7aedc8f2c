"""Questions and answers on an activity: one form posts both, with or without htmx."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.plans import services
from koers.plans.access import get_activity_for_user
from koers.plans.forms import ActivityCommentForm
from koers.plans.models import ActivityComment
from koers.plans.views.common import activity_page_context, comments_context


@requires(Capability.DISCUSS_ACTIVITY)
@require_POST
def activity_comment(request: HttpRequest, pk: int) -> HttpResponse:
    """Post a question, remark or answer. With htmx the comments section comes back in
    place; without, the activity page (again with the form and its errors if refused)."""
    activity = get_activity_for_user(request.user, pk, Capability.DISCUSS_ACTIVITY)
    thread_id = request.POST.get("parent", "")
    form = (
        ActivityCommentForm.reply_to(int(thread_id), request.POST)
        if thread_id.isdigit()
        else ActivityCommentForm(request.POST)
    )
    posted = False
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = get_object_or_404(
                ActivityComment, pk=form.cleaned_data["parent"], activity=activity
            )
        try:
            services.activity_comment_post(
                actor=request.user,
                activity=activity,
                text=form.cleaned_data["text"],
                parent=parent,
                remote_addr=client_address(request),
            )
            posted = True
        except ValidationError as error:
            form.add_error(None, error)
    forms: dict[str, Any] = (
        {"reply": (int(thread_id), form)} if thread_id.isdigit() else {"form": form}
    )
    if request.htmx:  # type: ignore[attr-defined]
        context = comments_context(request, activity, **({} if posted else forms))
        return render(
            request,
            "plans/_comments_response.html",
            {**context, "just_posted": posted},
            status=200 if posted else 422,
        )
    if posted:
        messages.success(request, _("Your comment has been posted."))
        return redirect(reverse("plans:activity", args=[activity.pk]) + "#comments")
    return render(
        request,
        "plans/activity_detail.html",
        activity_page_context(request, activity, **forms),
        status=400,
    )
