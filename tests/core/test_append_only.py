# ruff: noqa: S608 - the SQL is built from our own table and column names
"""The logs are append-only in the database, for raw SQL too (issue 14, finding 10): every
model derived from AppendOnlyModel, every column of it, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from koers.core import append_only
from koers.core.models import AppendOnlyModel, AuditEntry
from koers.privacy.models import AccessAction, AccessRecord
from tests.accounts.factories import UserFactory

MODELS = append_only.protected_models()


def _audit_entry(user: Any) -> AuditEntry:
    return AuditEntry(
        actor=user,
        action="person.updated",
        subject_type="directory.person",
        subject_id=7,
        subject_repr="Fenna de Boer",
        context="directory.person:7",
        changes={"email": ["a@example.org", "b@example.org"]},
        remote_addr="10.0.0.1",
        organisation_id=1,
    )


def _access_record(user: Any) -> AccessRecord:
    return AccessRecord(
        user=user,
        roles="Medewerker",
        organisation_id=1,
        subject_type="directory.person",
        subject_id=7,
        action=AccessAction.VIEW,
        detail="zoekterm",
        reason="",
        remote_addr="10.0.0.1",
    )


# How to make a record of each log; a new append-only model fails the first test below
# until it is added here, and then gets every test.
MAKERS: dict[type[AppendOnlyModel], Callable[[Any], AppendOnlyModel]] = {
    AuditEntry: _audit_entry,
    AccessRecord: _access_record,
}


def record(model: type[AppendOnlyModel], *, days_old: int = 0) -> AppendOnlyModel:
    """A saved record; `days_old` back-dates it as loading a backup would (raw save)."""
    instance = MAKERS[model](UserFactory())
    if days_old:
        instance.at = timezone.now() - dt.timedelta(days=days_old)  # type: ignore[attr-defined]
        instance.save_base(raw=True)
    else:
        instance.save()
    return instance


def run(sql: str, params: list[Any] | None = None) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def refused(sql: str, params: list[Any] | None = None) -> bool:
    try:
        run(sql, params)
    except IntegrityError:
        return True
    return False


def table(model: type[AppendOnlyModel]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def test_every_log_model_has_a_maker() -> None:
    assert set(MODELS) == set(MAKERS) and len(MODELS) >= 2


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_sql_cannot_delete_a_recent_record(db: Any, model: type[AppendOnlyModel]) -> None:
    kept = record(model, days_old=model.kept_days() - 2)
    assert refused(f"DELETE FROM {table(model)} WHERE id = %s", [kept.pk])
    assert refused(f"DELETE FROM {table(model)}")  # a wipe fails on the recent one
    assert model.objects.filter(pk=kept.pk).exists()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_sql_may_delete_a_record_past_its_term(db: Any, model: type[AppendOnlyModel]) -> None:
    old = record(model, days_old=model.kept_days() + 1)
    recent = record(model)
    run(f"DELETE FROM {table(model)} WHERE id = %s", [old.pk])  # the retention run's way
    assert list(model.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.parametrize(
    ("model", "column"),
    [(m, f.column) for m in MODELS for f in m._meta.concrete_fields],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_sql_cannot_change_any_column(db: Any, model: type[AppendOnlyModel], column: str) -> None:
    kept = record(model)
    quoted = connection.ops.quote_name(column)
    # Even writing a column's own value back is refused: only a redaction is allowed.
    assert refused(f"UPDATE {table(model)} SET {quoted} = {quoted} WHERE id = %s", [kept.pk])


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_sql_cannot_truncate(db: Any, model: type[AppendOnlyModel]) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; DELETE without WHERE is tested above")
    record(model)
    run("SET CONSTRAINTS ALL IMMEDIATE")  # else the new record's pending key check stops it
    assert refused(f"TRUNCATE {table(model)}")


@pytest.mark.parametrize("model", [m for m in MODELS if m.redaction], ids=lambda m: m.__name__)
def test_a_redaction_is_the_one_change_allowed(db: Any, model: type[AppendOnlyModel]) -> None:
    kept = record(model)
    assert model.objects.filter(pk=kept.pk).redact() == 1
    kept.refresh_from_db()
    for name, value in model.redaction.items():
        assert getattr(kept, name) == value
    # Once redacted, nothing else may change either.
    assert refused(f"UPDATE {table(model)} SET at = %s WHERE id = %s", [timezone.now(), kept.pk])
    assert refused(f"UPDATE {table(model)} SET action = 'x' WHERE id = %s", [kept.pk])


def test_a_log_without_redaction_refuses_it(db: Any) -> None:
    from koers.core.models import AppendOnlyError

    record(AccessRecord)
    with pytest.raises(AppendOnlyError, match="AccessRecord records cannot be redacted"):
        AccessRecord.objects.all().redact()


def test_the_check_finds_a_missing_disabled_or_altered_trigger(db: Any) -> None:
    assert append_only.problems() == []
    call_command("check_logs", stdout=io.StringIO())
    access_log = AccessRecord._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {access_log} DISABLE TRIGGER koers_append_only_rows")
        else:
            cursor.execute(f"DROP TRIGGER koers_append_only_{access_log}_delete")
    assert [p for p in append_only.problems() if "missing or disabled" in p]
    with pytest.raises(CommandError, match=access_log):
        call_command("check_logs", stdout=io.StringIO())
    append_only.install()
    assert append_only.problems() == []


def test_the_check_finds_a_shorter_term(db: Any, settings: Any) -> None:
    settings.ACCESS_LOG_RETENTION_YEARS = 1
    append_only.install()  # as if someone rewrote the rule to let recent records go
    settings.ACCESS_LOG_RETENTION_YEARS = 5
    found = append_only.problems()
    assert found and all("differs" in p and AccessRecord._meta.db_table in p for p in found)


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_logs_and_puts_the_protection_back() -> None:
    for model in MODELS:
        record(model)
    call_command("flush", interactive=False, verbosity=0)
    assert not any(model.objects.exists() for model in MODELS)
    assert append_only.problems() == []
    kept = record(AccessRecord)
    assert refused(f"DELETE FROM {table(AccessRecord)} WHERE id = %s", [kept.pk])


def test_the_retention_run_reports_a_missing_protection(db: Any) -> None:
    from koers.privacy.services import retention_enforce

    assert retention_enforce().log_protection_problems == []
    append_only.lift()
    problems = retention_enforce().log_protection_problems
    assert len(problems) == len(append_only.problems()) > 0
    append_only.install()


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_keep_the_logs_and_their_protection(tmp_path: Any) -> None:
    from koers.core.backup import create_backup, restore_backup

    kept = {model: record(model).pk for model in MODELS}
    archive = create_backup(tmp_path / "koers.tar.gz").path
    extra = record(AccessRecord)  # after the backup: gone after the restore
    restore_backup(archive)
    for model, pk in kept.items():
        # The restore itself is recorded in the restored audit trail (core.restore).
        rows = model.objects.all()
        if model is AuditEntry:
            rows = rows.exclude(action="core.restore")
        assert list(rows.values_list("pk", flat=True)) == [pk]
    assert AuditEntry.objects.filter(action="core.restore").exists()
    assert not AccessRecord.objects.filter(pk=extra.pk).exists()
    assert append_only.problems() == []
    assert refused(f"DELETE FROM {table(AccessRecord)} WHERE id = %s", [kept[AccessRecord]])
