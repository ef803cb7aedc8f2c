"""The category tree of signals: the tree with its counts, adding and changing a category,
and starting an empty tree from the seeds' themes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.versioning import versioned_edit
from koers.directory.models import Organisation
from koers.signals.access import get_category_for_user, may_manage_signals
from koers.signals.categories import queries, services
from koers.signals.categories.forms import CategoryForm
from koers.signals.models import Category


@requires(Capability.VIEW_SIGNALS)
@require_GET
def categories(request: HttpRequest) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.VIEW_SIGNALS)
    tree = queries.category_tree(holder_id)
    return render(
        request,
        "signals/categories/categories.html",
        {
            "tree": tree,
            "may_manage": may_manage_signals(request.user, holder_id),
        },
    )


@requires(Capability.MANAGE_SIGNALS)
@require_http_methods(["GET", "POST"])
def category_add(request: HttpRequest) -> HttpResponse:
    holder = Organisation.objects.get(pk=own_organisation(request.user, Capability.MANAGE_SIGNALS))
    form = CategoryForm(request.POST or None, holder_id=holder.pk)

    def save(cleaned: dict[str, Any]) -> Category:
        return services.category_create(
            actor=request.user,
            holder=holder,
            name=cleaned["name"],
            parent=cleaned["parent"],
            description=cleaned["description"],
            position=cleaned["position"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The category has been added."),
        shown=(),
        next_url=lambda saved: reverse("signals:categories"),
        heading=_("Add a category"),
        crumbs=[(_("Categories"), reverse("signals:categories"))],
        back_url=reverse("signals:categories"),
    )


@requires(Capability.MANAGE_SIGNALS)
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_category_for_user(request.user, pk)
    if not may_manage_signals(request.user, category.holder_id):
        raise PermissionDenied
    initial = {
        "name": category.name,
        "parent": category.parent_id,
        "description": category.description,
        "position": category.position,
        "active": category.active,
        "version": category.version,
    }
    form = CategoryForm(
        request.POST or None, initial=initial, holder_id=category.holder_id, editing=category
    )

    def save(cleaned: dict[str, Any]) -> Category:
        return services.category_save(
            actor=request.user,
            category=category,
            name=cleaned["name"],
            parent=cleaned["parent"],
            description=cleaned["description"],
            active=cleaned["active"],
            position=cleaned["position"],
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The category has been saved."),
        shown=("name", "description", "position", "active"),
        next_url=lambda saved: reverse("signals:categories"),
        heading=_("Change the category %(name)s") % {"name": category},
        intro=_(
            "Renaming or moving a category changes it for every signal it holds. A category "
            "in use is never deleted: take it out of use instead."
        ),
        crumbs=[(_("Categories"), reverse("signals:categories"))],
        back_url=reverse("signals:categories"),
    )


@requires(Capability.MANAGE_SIGNALS)
@require_POST
def categories_seed(request: HttpRequest) -> HttpResponse:
    """Add the seeds' themes the tree lacks (an empty tree's first step; a second press
    adds nothing)."""
    holder = Organisation.objects.get(pk=own_organisation(request.user, Capability.MANAGE_SIGNALS))
    made = services.categories_seed(holder, actor=request.user, remote_addr=client_address(request))
    if made:
        messages.success(
            request,
            ngettext(
                "%(count)d category of the suggested themes has been added.",
                "%(count)d categories of the suggested themes have been added.",
                len(made),
            )
            % {"count": len(made)},
        )
    else:
        messages.info(request, _("The tree already holds every suggested theme."))
    return redirect("signals:categories")
