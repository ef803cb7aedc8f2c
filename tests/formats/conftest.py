"""The format tests read the shared demo (tests/shared_demo.py), each test in a savepoint."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def demo(demo_db: dict[str, int], settings: Any) -> None:
    settings.REFERENCE_DATE = "2021-10-15"  # the day the demo pretends is today
