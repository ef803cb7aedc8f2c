"""Pages of a list, with links to the others (NL API Design Rules: pagination links).

Two queries whatever the size: the count, and the page. `page` and `page_size` are the
parameters; the links keep every other parameter of the call.
"""

from __future__ import annotations

import math
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema

from koers.api.problems import bad_parameters

Row = TypeVar("Row")

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class Link(Schema):
    href: str


class PageLinks(Schema):
    self: Link
    first: Link
    prev: Link | None = None
    next: Link | None = None
    last: Link


class ListPage(Schema):
    links: PageLinks = Field(alias="_links")
    count: int = Field(description="How many there are in all pages together.")
    page: int
    page_size: int


def _href(request: HttpRequest, page: int) -> dict[str, str]:
    query = request.GET.copy()
    query["page"] = str(page)
    return {"href": f"{request.path}?{query.urlencode()}"}


def paginate(
    request: HttpRequest, rows: QuerySet[Any], page: int, page_size: int
) -> tuple[list[Any], dict[str, Any]]:
    """The rows of `page` and the envelope (links, count) around them."""
    count = rows.count()
    last = max(1, math.ceil(count / page_size))
    if page > last:
        raise bad_parameters(
            [{"name": "page", "reason": _("The last page is %(last)d.") % {"last": last}}]
        )
    start = (page - 1) * page_size
    found = list(rows[start : start + page_size])
    links = {
        "self": _href(request, page),
        "first": _href(request, 1),
        "prev": _href(request, page - 1) if page > 1 else None,
        "next": _href(request, page + 1) if page < last else None,
        "last": _href(request, last),
    }
    return found, {"_links": links, "count": count, "page": page, "page_size": page_size}
