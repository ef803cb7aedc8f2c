"""A programme or activity serves goals of the trees of the funders that fund it, no others.

A goal tree is a funder's (the province's Krachtige Samenleving); a link from a partner's
programme to a goal shows that programme in the funder's portfolio and shows the partner
the funder's tree. A link to the tree of a funder that does not fund the programme would
put one partner's work in a stranger's view and the stranger's goals in the partner's:
refused (docs/tenancy.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def unfunded_goals(goals: Iterable[Any], funder_ids: set[int]) -> list[Any]:
    """The goals among `goals` whose tree belongs to none of `funder_ids`."""
    return [goal for goal in goals if goal.funder_id not in funder_ids]
