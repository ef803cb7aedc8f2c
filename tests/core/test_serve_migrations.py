"""`koers serve` does not migrate: migrating is its own step, once per upgrade. With a
migration pending it refuses to start and names the step; `--migrate` runs them first. Run
against a database really missing its newest migration (rolled back here, restored after)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

from koers.core.health import pending_migrations
from koers.core.management.commands import serve


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What gunicorn would have been started with (the server itself is not run here)."""
    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(serve.KoersServer, "run", lambda self: runs.append(self.options))
    monkeypatch.setattr(serve.warmup, "run_all", lambda: None)  # the de-identifier: slow
    return runs


@pytest.mark.django_db(transaction=True)
def test_with_a_migration_pending_serve_refuses_and_names_the_step(
    one_pending: str, started: list[dict[str, Any]]
) -> None:
    assert pending_migrations() == [one_pending]
    with pytest.raises(CommandError, match="koers migrate") as refused:
        call_command("serve", port=8123)
    assert one_pending in str(refused.value)
    assert started == []
    assert pending_migrations() == [one_pending]  # nothing migrated behind her back


@pytest.mark.django_db(transaction=True)
def test_serve_migrate_runs_them_first_and_starts(
    one_pending: str, started: list[dict[str, Any]]
) -> None:
    call_command("serve", "--migrate", port=8123)
    assert pending_migrations() == []
    assert [run["bind"] for run in started] == ["127.0.0.1:8123"]


@pytest.mark.django_db(transaction=True)
def test_on_a_migrated_database_serve_starts(started: list[dict[str, Any]]) -> None:
    assert pending_migrations() == []
    call_command("serve", port=8124)
    assert len(started) == 1
