"""What a new installation gets besides its organisation and first beheerder: apps register
a step here (insight's shipped statistics), and `koers setup` runs them all once the
installation is set up. Each step must be safe to run again."""

from __future__ import annotations

from collections.abc import Callable

_STEPS: list[Callable[[], object]] = []


def register(step: Callable[[], object]) -> None:
    if step not in _STEPS:
        _STEPS.append(step)


def run_all() -> None:
    for step in _STEPS:
        step()
