"""The demo the format tests read: built once per module (in a transaction rolled back at
its end), each test in a savepoint inside it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def built_demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    from koers.demo import builder

    with django_db_blocker.unblock(), transaction.atomic():
        builder.build(hours=False)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(built_demo: None, db: Any, settings: Any) -> None:
    settings.REFERENCE_DATE = "2021-10-15"  # the day the demo pretends is today
