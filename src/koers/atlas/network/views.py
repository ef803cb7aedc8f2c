"""The network page of the atlas, its GraphML export and the button that asks the worker
to compute a year again. The pages read the stored snapshot only."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.atlas.access import may_edit_atlas, sees_persons_in_atlas
from koers.atlas.models import NetworkSnapshot, NodeKind
from koers.atlas.network import queries, tasks
from koers.atlas.network.analysis import EXACT_BETWEENNESS_UP_TO
from koers.atlas.network.forms import NetworkViewForm, RecomputeForm
from koers.core.http import client_address
from koers.core.reference import viewpoint


def _chosen_holder(request: HttpRequest) -> tuple[Any, NetworkViewForm]:
    holders = queries.atlas_holders(request.user)
    form = NetworkViewForm(request.GET, holders=holders)
    form.is_valid()  # a wrong value falls back to the default below
    chosen = form.cleaned_data.get("houder")
    holder = next((h for h in holders if h.pk == chosen), holders[0] if holders else None)
    return holder, form


@requires(Capability.VIEW_ATLAS)
@require_GET
def network(request: HttpRequest) -> HttpResponse:
    holder, form = _chosen_holder(request)
    year = viewpoint(request).year.value
    sort = form.cleaned_data.get("sorteer") or "rang"
    with_persons = holder is not None and sees_persons_in_atlas(request.user, holder.pk)
    page = (
        queries.network_page(holder.pk, year, sort=sort, with_persons=with_persons)
        if holder
        else queries.NetworkPage(snapshot=None)
    )
    return render(
        request,
        "atlas/network/network.html",
        {
            "holder": holder,
            "year": year,
            "form": form,
            "sort": sort,
            "page": page,
            "with_persons": with_persons,
            "may_recompute": holder is not None and may_edit_atlas(request.user, holder.pk),
            "recompute_form": RecomputeForm(initial={"year": year}),
            "width": queries.WIDTH,
            "height": queries.HEIGHT,
            "exact_up_to": EXACT_BETWEENNESS_UP_TO,
        },
    )


@requires(Capability.EDIT_ATLAS)
@require_POST
def network_recompute(request: HttpRequest) -> HttpResponse:
    """Staff of the organisation keeping the atlas ask for a year to be computed again."""
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    form = RecomputeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a year between 2000 and 2100 to compute."))
        return redirect(reverse("atlas:network"))
    year = form.cleaned_data["year"]
    tasks.snapshot_request(
        actor=request.user, holder_id=holder_id, year=year, remote_addr=client_address(request)
    )
    messages.success(
        request,
        _("The network of %(year)s is being computed; the page shows it once the worker is done.")
        % {"year": year},
    )
    return redirect(f"{reverse('atlas:network')}?houder={holder_id}&jaar={year}")


@requires(Capability.VIEW_ATLAS)
@require_GET
def network_graphml(request: HttpRequest) -> HttpResponse:
    """The year's stored network as GraphML for Gephi or Kumu: organisations and
    initiatives with their figures, ties with kind, theme and start; never a person."""
    holder, _form = _chosen_holder(request)
    year = viewpoint(request).year.value
    snapshot = NetworkSnapshot.objects.filter(holder=holder, year=year).first() if holder else None
    if snapshot is None:
        raise Http404
    nodes, ties = queries.graph_rows(snapshot)
    graph = nx.Graph()
    by_pk = {}
    for n in nodes:
        by_pk[n.pk] = n.node_id
        initiative = n.initiative if n.kind == NodeKind.INITIATIVE else None
        graph.add_node(
            n.node_id,
            name=queries.node_name(n),
            kind=initiative.get_kind_display() if initiative else str(NodeKind.ORGANISATION.label),
            municipality=initiative.municipality.name if initiative else "",
            degree=n.degree,
            betweenness=n.betweenness,
            closeness=n.closeness,
            community=n.community,
            articulation_point=n.is_articulation_point,
            broker_rank=n.rank,
        )
    for t in ties:
        graph.add_edge(
            by_pk[t.source_id],
            by_pk[t.target_id],
            kind=t.kinds,
            theme=t.themes,
            since=t.since.isoformat(),
            bridge=t.is_bridge,
        )
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    response = HttpResponse(buffer.getvalue(), content_type="application/graphml+xml")
    response["Content-Disposition"] = f'attachment; filename="netwerk-{year}.graphml"'
    return response
