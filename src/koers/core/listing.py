"""Lists that say how many: one way to sort, page and count a list page.

A list page filters its rows through its own form (or django-filter FilterSet), then hands
the filtered queryset to `list_page` with the columns it shows. `list_page` reads
`?sort=` and `?pagina=` through a form, orders by the chosen column (a whitelist: only the
columns that name a sort key can be sorted by, anything else is the default order), always
with the primary key last so that rows never swap places between pages, and cuts out one
page of `PAGE_SIZE` rows with Django's paginator. The paginator counts with one COUNT query
in the database and fetches only the page's rows; nothing is ever cut off silently.

The page renders `includes/list_head.html` (the column headers: links that sort, with
`aria-sort` on the sorted one) and `includes/list_pager.html` ("1–50 of 292" and the page
links). Every link keeps the rest of the query string, so the filters stay applied.

The page parameter is `pagina`, as the persons' list and the logs had it (bookmarks keep
working); the sort parameter is `sort`, with a key and `-` for descending.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.db.models.expressions import Expression, OrderBy
from django.http import HttpRequest, QueryDict
from django.utils.formats import number_format
from django.utils.functional import Promise

from koers.core.forms import Form

PAGE_SIZE = 50
PAGE_PARAMETER = "pagina"
SORT_PARAMETER = "sort"
SORT_KEY_LENGTH = 40


@dataclass(frozen=True)
class Column:
    """A column of a list. With a `key`, it can be sorted by: on `fields` (field names or
    expressions such as `Lower("name")`), or on the field named like the key."""

    label: str | Promise
    key: str = ""
    fields: tuple[str | Expression, ...] = ()
    numeric: bool = False
    label_hidden: bool = False  # a column of buttons: its label only for screen readers

    def ordering(self, descending: bool) -> list[OrderBy]:
        """The order of this column. Empty values come last either way, on both databases
        (PostgreSQL and SQLite put them at opposite ends by themselves)."""
        expressions: list[F | Expression] = [
            F(f) if isinstance(f, str) else f for f in self.fields or (self.key,)
        ]
        if descending:
            return [e.desc(nulls_last=True) for e in expressions]
        return [e.asc(nulls_last=True) for e in expressions]


@dataclass(frozen=True)
class HeaderCell:
    label: str | Promise
    numeric: bool
    label_hidden: bool
    url: str  # "" when the column cannot be sorted by
    aria_sort: str  # "ascending", "descending" or "" when the list is not sorted by it
    next_descending: bool  # what following the link does, for the screen-reader hint


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the gap between page numbers ("…")
    url: str
    current: bool


@dataclass(frozen=True)
class Listing:
    """One page of a list, with everything its header and pager show."""

    page: Page
    rows: list[Any]
    total: int
    first: str  # the position of the page's first row, formatted as the reader counts
    last: str
    total_shown: str
    sort: str  # the sort in force, as in the address ("name", "-date"), or "" for default
    head: list[HeaderCell]
    pages: list[PageLink]
    previous_url: str
    next_url: str


class ListForm(Form):
    """`?pagina=` and `?sort=`. A wrong value is no error: it answers the first page or the
    default order (a number past the end answers the last page, as `Paginator.get_page`)."""

    pagina = forms.IntegerField(required=False, min_value=1)
    sort = forms.CharField(required=False, max_length=SORT_KEY_LENGTH)

    def value(self, name: str) -> Any:
        self.is_valid()
        return self.cleaned_data.get(name)


def chosen_sort(sort: Any, columns: Sequence[Column], default: str) -> tuple[Column | None, bool]:
    """The column to sort by and whether descending: the one asked for when it is on the
    whitelist, else the default (`""`: the queryset's own order)."""
    keys = {column.key: column for column in columns if column.key}
    for asked in (sort, default):
        if not asked:
            continue
        descending = asked.startswith("-")
        column = keys.get(asked.removeprefix("-"))
        if column is not None:
            return column, descending
    return None, False


def list_page(
    request: HttpRequest,
    rows: QuerySet[Any],
    *,
    columns: Sequence[Column],
    default_sort: str = "",
    page_size: int = PAGE_SIZE,
) -> Listing:
    """One page of `rows` (already filtered), sorted as `?sort=` asks within `columns`."""
    form = ListForm(request.GET)
    column, descending = chosen_sort(form.value("sort"), columns, default_sort)
    if column is not None:
        tie = "-pk" if descending else "pk"
        rows = rows.order_by(*column.ordering(descending), tie)
    elif not rows.ordered:
        rows = rows.order_by("pk")
    page = Paginator(rows, page_size).get_page(form.value("pagina"))
    sort = "" if column is None else ("-" if descending else "") + column.key
    return Listing(
        page=page,
        rows=list(page.object_list),
        total=page.paginator.count,
        first=_count(page.start_index()),
        last=_count(page.end_index()),
        total_shown=_count(page.paginator.count),
        sort=sort,
        head=_head(request.GET, columns, column, descending),
        pages=_pages(request.GET, page),
        previous_url=_url(request.GET, page=page.previous_page_number())
        if page.has_previous()
        else "",
        next_url=_url(request.GET, page=page.next_page_number()) if page.has_next() else "",
    )


def _count(number: int) -> str:
    return number_format(number, force_grouping=True)


def _url(query: QueryDict, *, page: int | None = None, sort: str | None = None) -> str:
    """The query string of this list with another page or sort; the filters stay. A new
    sort starts at the first page."""
    changed = query.copy()
    changed.pop(PAGE_PARAMETER, None)
    if sort is not None:
        changed[SORT_PARAMETER] = sort
    elif page is not None and page > 1:
        changed[PAGE_PARAMETER] = str(page)
    return "?" + changed.urlencode()


def _head(
    query: QueryDict, columns: Sequence[Column], chosen: Column | None, descending: bool
) -> list[HeaderCell]:
    cells = []
    for column in columns:
        is_sorted = chosen is not None and column.key == chosen.key
        # Following the sorted column's link turns the order round; another column's
        # link sorts by it ascending.
        next_descending = is_sorted and not descending
        url = ""
        if column.key:
            url = _url(query, sort=("-" if next_descending else "") + column.key)
        aria_sort = ("descending" if descending else "ascending") if is_sorted else ""
        cells.append(
            HeaderCell(
                column.label, column.numeric, column.label_hidden, url, aria_sort, next_descending
            )
        )
    return cells


def _pages(query: QueryDict, page: Page) -> list[PageLink]:
    if page.paginator.num_pages < 2:
        return []
    return [
        PageLink(None, "", False)
        if number == page.paginator.ELLIPSIS
        else PageLink(int(number), _url(query, page=int(number)), number == page.number)
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
