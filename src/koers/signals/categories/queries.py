"""The category tree as a page shows it: main categories in their order, each with its
sub-categories and how many signals each holds (counted in the database, one query)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from koers.signals.models import Category


@dataclass
class Branch:
    """A main category, its own signals and its sub-categories'."""

    category: Category
    children: list[Category] = field(default_factory=list)

    @property
    def total(self) -> int:
        own: int = self.category.signal_count  # type: ignore[attr-defined]
        return own + sum(child.signal_count for child in self.children)  # type: ignore[attr-defined]


def category_tree(holder_id: int) -> list[Branch]:
    """`holder_id`'s tree, inactive categories included (marked by the page)."""
    rows = list(
        Category.objects.filter(holder_id=holder_id)
        .annotate(signal_count=Count("signals"))
        .order_by("position", "name", "pk")
    )
    branches = {row.pk: Branch(row) for row in rows if row.parent_id is None}
    for row in rows:
        if row.parent_id is not None and row.parent_id in branches:
            branches[row.parent_id].children.append(row)
    return list(branches.values())
