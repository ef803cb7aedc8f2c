"""An activity's outgoing products: registering, reviewing and downloading one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import (
    sees_names,
)
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import RowRefusal, attempt, row_form, shown_again
from koers.plans.access import can, get_activity_for_user
from koers.work import services
from koers.work.access import get_product_for_user
from koers.work.forms import ProductForm, ProductReviewForm
from koers.work.models import (
    Product,
)


@requires(Capability.VIEW_PLANS)
@require_http_methods(["GET", "POST"])
def products(request: HttpRequest, activity_id: int) -> HttpResponse:
    """An activity's outgoing products: register one, review another's."""
    activity = get_activity_for_user(request.user, activity_id)
    may_record = can(request.user, Capability.RECORD_REALISATION, activity.programme)
    form = ProductForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.product_register(
                    actor=request.user,
                    activity=activity,
                    remote_addr=client_address(request),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The product is registered and awaits review."))
                return redirect("work:products", activity_id=activity.pk)
    return _products_page(request, activity, form, may_record)


def _products_page(
    request: HttpRequest,
    activity: Any,
    form: Any,
    may_record: bool,
    refused: RowRefusal | None = None,
) -> HttpResponse:
    """The activity's products; after a refused registration or review with that form as
    posted (400)."""
    return render(
        request,
        "work/products.html",
        {
            "activity": activity,
            "products": Product.objects.filter(activity=activity).select_related(
                "registered_by", "reviewed_by"
            ),
            "form": form if may_record else None,
            "may_review": may_record,
            "shows_names": sees_names(request.user, activity.programme.plan.organisation_id),
            "refused": refused,
        },
        status=400 if request.method == "POST" else 200,
    )


@requires(Capability.RECORD_REALISATION)
@require_POST
def product_review(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_product_for_user(request.user, pk, Capability.RECORD_REALISATION)
    form = row_form(ProductReviewForm, request.POST, product.pk)
    if attempt(
        request,
        form,
        lambda cleaned: services.product_review(
            actor=request.user,
            product=product,
            approve=cleaned["decision"] == "approve",
            remark=cleaned["remark"],
            remote_addr=client_address(request),
        ),
        _("Your review has been saved."),
    ):
        return redirect("work:products", activity_id=product.activity_id)
    activity = product.activity
    page = _products_page(
        request,
        activity,
        ProductForm(),
        can(request.user, Capability.RECORD_REALISATION, activity.programme),
        RowRefusal(product.pk, form),
    )
    return shown_again(page)


@requires(Capability.VIEW_PLANS)
@require_GET
def product_document(request: HttpRequest, pk: int) -> FileResponse:
    """The product's document, always as a download (never rendered from our origin)."""
    product = get_product_for_user(request.user, pk)
    if not product.document:
        raise Http404
    response = FileResponse(
        product.document.open("rb"),
        as_attachment=True,
        filename=product.document.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
