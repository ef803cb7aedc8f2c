"""What the classifier's page shows, as plain data: the model in use with its figures per
category, the latest training when it is not that model (waiting, too few, failed), how
many interpreted signals each main category has now (and how many it still needs), and
the trainings before. A constant number of queries, whatever the number of signals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, F
from django.db.models.functions import Coalesce

from koers.signals.access import may_manage_signals
from koers.signals.models import Category, ClassifierModel, Signal, TrainingStatus

HISTORY = 10


@dataclass(frozen=True)
class CategoryFigures:
    name: str
    precision: float
    recall: float
    support: int
    labelled: int


@dataclass(frozen=True)
class Need:
    """A main category's interpreted signals now, and how many more it needs to be learnt."""

    name: str
    labelled: int
    missing: int


def classifier_page(user: Any, holder_id: int) -> dict[str, Any]:
    models = list(
        ClassifierModel.objects.filter(holder_id=holder_id)
        .defer("parameters")
        .order_by("-requested_at", "-pk")[:HISTORY]
    )
    active = (
        ClassifierModel.objects.filter(holder_id=holder_id)
        .filter(active=True)
        .defer("parameters")
        .first()
    )
    latest = models[0] if models else None
    names = dict(Category.objects.filter(holder_id=holder_id).values_list("pk", "name"))
    parents = dict(
        Category.objects.filter(holder_id=holder_id)
        .filter(parent__isnull=False)
        .values_list("pk", "parent__name")
    )
    minimum = settings.SIGNALS_MIN_PER_CATEGORY
    labelled = (
        Signal.objects.held_by(holder_id)
        .filter(interpreted_at__isnull=False, category__isnull=False)
        .annotate(main=Coalesce(F("category__parent_id"), F("category_id")))
        .values("main")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {row["main"]: row["n"] for row in labelled}
    needs = sorted(
        (
            Need(name=names.get(pk, "?"), labelled=n, missing=max(minimum - n, 0))
            for pk, n in counts.items()
        ),
        key=lambda need: need.name.casefold(),
    )
    new_since = 0
    if active is not None and active.trained_at is not None:
        new_since = (
            Signal.objects.held_by(holder_id)
            .filter(interpreted_at__gt=active.trained_at, category__isnull=False)
            .count()
        )
    return {
        "active": active,
        "latest": latest,
        "latest_differs": latest is not None and (active is None or latest.pk != active.pk),
        "busy": latest is not None
        and latest.status in (TrainingStatus.QUEUED, TrainingStatus.RUNNING),
        "main_figures": _figures(active, "main", names, {}),
        "sub_figures": _figures(active, "sub", names, parents),
        "left_out": _left_out(active, names, parents),
        "needs": needs,
        "ready_mains": sum(1 for n in counts.values() if n >= minimum),
        "minimum": minimum,
        "threshold_percent": round(settings.SIGNALS_SUGGESTION_THRESHOLD * 100),
        "new_since": new_since,
        "history": models,
        "may_train": may_manage_signals(user, holder_id),
    }


def _label(pk: str, names: dict[int, str], parents: dict[int, str]) -> str:
    name = names.get(int(pk), "?")
    parent = parents.get(int(pk))
    return f"{parent} › {name}" if parent else name


def _figures(
    model: ClassifierModel | None, layer: str, names: dict[int, str], parents: dict[int, str]
) -> list[CategoryFigures]:
    if model is None:
        return []
    categories = (model.metrics or {}).get(layer, {}).get("categories", {})
    rows = [
        CategoryFigures(
            name=_label(pk, names, parents),
            precision=figures["precision"],
            recall=figures["recall"],
            support=figures["support"],
            labelled=figures.get("labelled", 0),
        )
        for pk, figures in categories.items()
    ]
    return sorted(rows, key=lambda row: row.name.casefold())


def _left_out(
    model: ClassifierModel | None, names: dict[int, str], parents: dict[int, str]
) -> list[tuple[str, int]]:
    if model is None:
        return []
    left = (model.metrics or {}).get("left_out", {})
    return sorted(
        ((_label(pk, names, parents), n) for pk, n in left.items()),
        key=lambda pair: pair[0].casefold(),
    )
