"""Permission-checking getters of the dashboards' records (out of her sight -> 404).

Key figures are shared, like the datasets: everyone who reads statistics reads them; each is
changed only by the statistics managers of the organisation that keeps it
(koers.insight.keepers), anyone else is told who does (403 with the reason). A note is its
organisation's: its author removes it, and so does whoever manages the statistics there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from koers.accounts.models import Membership
from koers.accounts.policy import Scope, has_capability, sees_names
from koers.accounts.roles import Capability
from koers.insight.keepers import refuse_unless_kept
from koers.insight.models import DatasetImport, FigureNote, KeyFigure
from koers.insight.regions import Region, Regions


def get_key_figure(pk: int) -> KeyFigure:
    return get_object_or_404(
        KeyFigure.objects.select_related("topic__dataset", "denominator"), pk=pk
    )


def get_key_figure_to_keep(user: Any, pk: int) -> KeyFigure:
    """A key figure she may change or remove; 403 naming its keeper otherwise."""
    figure = get_key_figure(pk)
    refuse_unless_kept(user, figure.keeper_id, figure.label)
    return figure


def get_note_for_removal(user: Any, pk: int) -> FigureNote:
    note = get_object_or_404(FigureNote.objects.select_related("topic"), pk=pk)
    if not may_remove_note(user, note):
        raise Http404
    return note


def may_remove_note(user: Any, note: FigureNote) -> bool:
    scope = Scope(organisation_id=note.organisation_id)
    return (
        note.author_id == user.pk and has_capability(user, Capability.ANNOTATE_FIGURES, scope)
    ) or has_capability(user, Capability.MANAGE_STATISTICS, scope)


def region_or_404(code: str) -> Region:
    """A region code Koers knows (CBS's coding), or 404."""
    found = Regions().region_of(code) if len(code) <= 12 else None
    if found is None or found.code != code:
        raise Http404
    return found


def importers_shown(user: Any, imports: Iterable[DatasetImport]) -> list[DatasetImport]:
    """`imports`, each with `importer_shown`: who imported it, where `user` sees the names
    of staff of an organisation the importer is a member of (the statistics are shared by
    every organisation; their importers' names are not)."""
    found = list(imports)
    users = {record.imported_by_id for record in found if record.imported_by_id}
    organisations: dict[int, set[int]] = defaultdict(set)
    for user_id, organisation_id in Membership.objects.filter(user_id__in=users).values_list(
        "user_id", "organisation_id"
    ):
        organisations[user_id].add(organisation_id)
    for record in found:
        shown = any(
            sees_names(user, org) for org in organisations.get(record.imported_by_id or 0, set())
        )
        record.importer_shown = record.imported_by if shown else None
    return found
