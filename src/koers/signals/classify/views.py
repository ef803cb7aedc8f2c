"""The classifier's page: the model in use with its precision and recall per category, what
is still needed before it can suggest, and asking for a new training (the worker trains)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires_as_staff
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.signals.classify import queries, services
from koers.signals.classify.forms import TrainForm


@requires_as_staff(Capability.VIEW_SIGNALS)
@require_GET
def classifier(request: HttpRequest) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.VIEW_SIGNALS)
    return _page(request, holder_id, TrainForm())


def _page(request: HttpRequest, holder_id: int, form: TrainForm, status: int = 200) -> HttpResponse:
    context = queries.classifier_page(request.user, holder_id)
    return render(
        request, "signals/classify/classifier.html", {**context, "form": form}, status=status
    )


@requires_as_staff(Capability.MANAGE_SIGNALS)
@require_POST
def classifier_train(request: HttpRequest) -> HttpResponse:
    """Staff who manage signals ask for a training on their organisation's signals."""
    holder_id = own_organisation(request.user, Capability.MANAGE_SIGNALS)
    form = TrainForm(request.POST)
    if form.is_valid():
        try:
            services.classifier_training_request(
                actor=request.user, holder_id=holder_id, remote_addr=client_address(request)
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(
                request,
                _(
                    "The training has been asked for; the worker trains the model and this "
                    "page shows its figures when it is done."
                ),
            )
            return redirect(reverse("signals:classifier"))
    return _page(request, holder_id, form, status=400)
