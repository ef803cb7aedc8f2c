"""The regional statistics (CBS StatLine and other public tables): shared by everyone who
reads statistics, like their pages. Values keep CBS's missing-value marks ('.', 'x') apart
from zero."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query

from koers.api import schemas
from koers.api.base import needs
from koers.api.endpoints.plans import Page, PageSize
from koers.api.models import ApiScope
from koers.api.pagination import paginate
from koers.api.responses import ERRORS, ApiRouter
from koers.insight.models import Category, Dataset, Dimension, Observation

router = ApiRouter(tags=["statistics"])

_SUMMARY = (
    "id",
    "source",
    "table_id",
    "title",
    "licence",
    "url",
    "period_covered",
    "is_example",
    "imported_at",
)


def _summary(dataset: Dataset) -> dict[str, Any]:
    return {name: getattr(dataset, name) for name in _SUMMARY}


@router.get("/datasets", response={200: schemas.DatasetList, **ERRORS}, operation_id="listDatasets")
@needs(ApiScope.STATISTICS)
def datasets(request: HttpRequest, page: int = Page, page_size: int = PageSize) -> Any:
    rows = Dataset.objects.only(*_SUMMARY).order_by("title", "pk")
    found, envelope = paginate(request, rows, page, page_size)
    return {**envelope, "results": [_summary(dataset) for dataset in found]}


@router.get(
    "/datasets/{dataset_id}", response={200: schemas.Dataset, **ERRORS}, operation_id="getDataset"
)
@needs(ApiScope.STATISTICS)
def dataset(request: HttpRequest, dataset_id: int) -> Any:
    found = get_object_or_404(
        Dataset.objects.prefetch_related(
            "topics",
            Prefetch(
                "dimensions",
                queryset=Dimension.objects.prefetch_related(
                    Prefetch("categories", queryset=Category.objects.order_by("pk"))
                ),
            ),
        ),
        pk=dataset_id,
    )
    return {
        **_summary(found),
        "description": found.description,
        "topics": [
            {"key": t.key, "title": t.title, "unit": t.unit, "decimals": t.decimals}
            for t in found.topics.all()
        ],
        "dimensions": [
            {
                "key": d.key,
                "title": d.title,
                "kind": d.kind,
                "categories": [
                    {"key": c.key, "title": c.title, "provisional": c.provisional}
                    for c in d.categories.all()
                ],
            }
            for d in found.dimensions.all()
        ],
    }


@router.get(
    "/datasets/{dataset_id}/observations",
    response={200: schemas.ObservationList, **ERRORS},
    operation_id="listObservations",
)
@needs(ApiScope.STATISTICS)
def observations(
    request: HttpRequest,
    dataset_id: int,
    topic: str | None = Query(None, max_length=120, description="Only this topic (its key)."),
    region: str | None = Query(None, max_length=12, description="Only this region code (GM0034)."),
    period: str | None = Query(
        None, max_length=12, description="Only this period code (2021JJ00)."
    ),
    page: int = Page,
    page_size: int = PageSize,
) -> Any:
    found = get_object_or_404(Dataset.objects.only("pk"), pk=dataset_id)
    rows = Observation.objects.filter(dataset=found)
    if topic is not None:
        rows = rows.filter(topic__key=topic)
    if region is not None:
        rows = rows.filter(region=region)
    if period is not None:
        rows = rows.filter(period=period)
    values = rows.order_by("topic__position", "region", "period", "breakdown", "pk").values(
        "topic__key", "region", "period", "breakdown", "value", "missing", "provisional"
    )
    page_rows, envelope = paginate(request, values, page, page_size)
    return {
        **envelope,
        "results": [
            {
                "topic": row["topic__key"],
                "region": row["region"],
                "period": row["period"],
                "breakdown": row["breakdown"],
                "value": row["value"],
                "missing": row["missing"],
                "provisional": row["provisional"],
            }
            for row in page_rows
        ],
    }
