"""Fixtures the plans tests share."""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.plans.factories import GoalFactory

LINES = {
    "KS-2": "Krachtige gemeenschappen",
    "KS-3": "Iedereen doet mee",
    "KS-4": "Veilig thuis",
}


@pytest.fixture
def tree(world: World) -> World:
    """The province's tree KS with its four lines, KS-1 (the world's goal) to KS-4."""
    root = world.goal.parent
    for order, (code, title) in enumerate(LINES.items(), start=2):
        GoalFactory(funder=world.province, parent=root, code=code, title=title, order=order)
    world.goal.order = 1
    world.goal.save(update_fields=["order"])
    return world
