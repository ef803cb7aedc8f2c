"""The demo the export tests feed: built once per module, each test in a savepoint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from koers.work.models import TimeEntry
from tests.exports.recipes import Demo, demo_records
from tests.shared_demo import SharedDemo

ONE_WEEK = (dt.date(2021, 3, 1), dt.date(2021, 3, 7))


@pytest.fixture(scope="module")
def built_demo(shared_demo: SharedDemo, django_db_blocker: Any) -> Iterator[None]:
    """The shared demo with a week of hours, cut in a savepoint rolled back at the module's
    end; each test runs in a savepoint inside it (pytest-django's `db`), so what a test
    poisons is gone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        # A week of the year's hours is enough to show every kind of entry, and the export
        # of eleven thousand would make each case slow for nothing.
        TimeEntry._base_manager.exclude(date__range=ONE_WEEK).delete()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(built_demo: None, db: Any, settings: Any, tmp_path: Any) -> Demo:
    settings.DATA_DIR = tmp_path  # uploads kept between dry run and download
    return demo_records()
