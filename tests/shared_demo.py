"""One demo per test process, shared by every test that reads it.

Building the demo takes five to fifteen seconds, more on PostgreSQL, and more than a hundred
tests read it. Built once for each of them, it cost CI about a quarter of an hour. Now it is
built once per test process (each xdist worker), in a transaction that is never committed.
Each test that reads it runs in a savepoint inside that transaction (pytest-django's `db`),
so what one test writes is gone before the next.

Every other test that uses the database expects it empty, so the order in each process is:
1. the database tests that do not read the demo;
2. the tests that read the shared demo;
3. the transactional tests: their writes are committed and their end flushes every table,
   the atlas's themes too, which a migration writes and the demo's build needs. Before the
   first of them the demo's transaction is rolled back;
4. the browser tests: they drive a Koers of their own in another process, never this
   database, and Playwright leaves an event loop running in the thread, which makes Django
   refuse to open a connection from a fixture set up after them (SynchronousOnlyOperation).
The collection keeps its order otherwise, and xdist hands each worker its tests in
collection order. A test that reads the demo after it was rolled back stops the run with
the reason (for example under `--dist worksteal`, which can hand a worker tests from earlier
in the order).

A test reads the shared demo by asking for `demo_db` (the counts the build made), or for
`shared_demo` in a module-scoped fixture that adds to it in a savepoint of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

SHARED_FIXTURE = "shared_demo"
# The transaction the shared demo lives in: open while its readers run, rolled back before
# the first database test after them (or at the end of the session).
_state: dict[str, object] = {"open": False, "closed": False, "stack": None}


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


def is_transactional(item: pytest.Item) -> bool:
    """A test whose writes are committed, and whose end flushes every table."""
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    return "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))


def _place(item: pytest.Item) -> int:
    if item.get_closest_marker("browser") is not None:
        return 3
    if is_transactional(item):
        return 2
    return 1 if reads_shared_demo(item) else 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests reading the shared demo after the other database tests, then the
    transactional ones, the browser tests last; `sort` is stable, so within each group the
    tests keep their order."""
    items.sort(key=_place)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before a database test that does not read the shared demo: the demo's transaction is
    rolled back, once its readers are done (the previous test's fixtures are torn down by
    now). A reader after that would find no demo: the order is broken."""
    if reads_shared_demo(item) and _state["closed"]:
        raise RuntimeError(
            f"{item.nodeid} reads the shared demo after it was rolled back for another "
            "database test: the tests reading it must come together in each test process "
            "(tests/shared_demo.py); run with xdist's `load` or `loadscope` distribution."
        )
    if _state["open"] and not reads_shared_demo(item) and uses_the_database(item):
        _close()


def _close() -> None:
    stack = _state["stack"]
    if _state["open"] and isinstance(stack, ExitStack):
        _state["open"], _state["closed"] = False, True
        transaction.set_rollback(True)
        stack.close()


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
    stack = ExitStack()
    stack.enter_context(django_db_blocker.unblock())
    stack.enter_context(transaction.atomic())
    _state.update(stack=stack, open=True)
    try:
        with override_settings(**as_in_the_tests):
            created = builder.build()
        yield SharedDemo(created=created, media=media)
    finally:
        _close()


@pytest.fixture
def demo_db(shared_demo: SharedDemo, db: Any, settings: Any) -> dict[str, int]:
    """The shared demo for one test, in a savepoint rolled back after it. Returns the counts
    the build made."""
    settings.MEDIA_ROOT = shared_demo.media
    return shared_demo.created
