"""One demo per test process, shared by every test that reads it.

Building the demo takes five to fifteen seconds, more on PostgreSQL, and more than a hundred
tests read it. Built once for each of them, it cost CI about a quarter of an hour. Now it is
built once per test process (each xdist worker), in a transaction that is never committed.
Each test that reads it runs in a savepoint inside that transaction (pytest-django's `db`),
so what one test writes is gone before the next.

Every other test that uses the database expects it empty. So the tests that read the shared
demo run after them in each process, and only the browser tests come later: they drive a
Koers of their own in another process, never this database, and Playwright leaves an event
loop running in the thread, which makes Django refuse to open a connection from a fixture set
up after them (SynchronousOnlyOperation). The collection keeps its order otherwise, and xdist
hands each worker its tests in collection order. A guard stops the run if a test that uses
the database would start while the shared demo is open (for example under
`--dist worksteal`, which can hand a worker tests from earlier in the order).

A test reads the shared demo by asking for `demo_db` (the counts the build made), or for
`shared_demo` in a module-scoped fixture that adds to it in a savepoint of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

SHARED_FIXTURE = "shared_demo"
_state = {"open": False}


@dataclass(frozen=True)
class SharedDemo:
    created: dict[str, int]  # what `builder.build()` made, kind by kind
    media: Path  # the files it made (documents, quotes)


def reads_shared_demo(item: pytest.Item) -> bool:
    return SHARED_FIXTURE in getattr(item, "fixturenames", ())


def uses_the_database(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return (
        bool(names & {"db", "transactional_db"}) or item.get_closest_marker("django_db") is not None
    )


def _place(item: pytest.Item) -> int:
    if item.get_closest_marker("browser") is not None:
        return 2
    return 1 if reads_shared_demo(item) else 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests reading the shared demo after the others, the browser tests last; `sort`
    is stable, so within each group the tests keep their order."""
    items.sort(key=_place)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if _state["open"] and not reads_shared_demo(item) and uses_the_database(item):
        raise RuntimeError(
            f"{item.nodeid} would run inside the shared demo's transaction and see its records. "
            "The tests reading the shared demo must come last in each test process "
            "(tests/shared_demo.py); run with xdist's `load` or `loadscope` distribution."
        )


@pytest.fixture(scope="session")
def shared_demo(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[SharedDemo]:
    """The whole demo, hours included, as `koers demo` builds it."""
    from koers.demo import builder

    media = tmp_path_factory.mktemp("shared-demo-media")
    as_in_the_tests = {
        "MEDIA_ROOT": media,
        "DATA_DIR": tmp_path_factory.mktemp("shared-demo-data"),
        # The fast hasher `_isolated_files` sets for every test; the build signs up its users.
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    }
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(**as_in_the_tests):
            created = builder.build()
        _state["open"] = True
        try:
            yield SharedDemo(created=created, media=media)
        finally:
            _state["open"] = False
            transaction.set_rollback(True)


@pytest.fixture
def demo_db(shared_demo: SharedDemo, db: Any, settings: Any) -> dict[str, int]:
    """The shared demo for one test, in a savepoint rolled back after it. Returns the counts
    the build made."""
    settings.MEDIA_ROOT = shared_demo.media
    return shared_demo.created
