"""The logs are append-only in the database too, not only in the application.

Every model derived from `AppendOnlyModel` (the audit trail, the access log) gets triggers
that refuse raw SQL what the application refuses its own code:

- an UPDATE, except the model's `redaction` (the erasure of a person overwrites what the
  audit trail said about her, and nothing else);
- a DELETE of a record younger than the model's `kept_days()` (the retention run removes
  only older ones, so it passes);
- on PostgreSQL, TRUNCATE (SQLite has none: its `DELETE FROM` without WHERE fires the
  row trigger).

Triggers rather than a hash chain: they refuse rather than detect, cost nothing when
records are written (a chain would make every request that logs wait for the previous
record), and need no key. Someone who may change the schema can still drop them; `problems`
finds a trigger that is missing, disabled or says anything else than it should, and the
daily retention run and `koers check_logs` report it.

They are (re)installed after every `migrate` (post_migrate), not in a migration: their
rule follows the model's columns and the retention setting, which change after any
migration was written. After changing `KOERS_ACCESS_LOG_RETENTION_YEARS`, run
`koers migrate` (as `koers serve` does when it starts).

`flush` (wiping the whole database, as the test suite does between tests) lifts them for
its own transaction: see koers.core.management.commands.flush.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper

from koers.core.models import AppendOnlyModel

PREFIX = "koers_append_only"


def protected_models() -> list[type[AppendOnlyModel]]:
    return [model for model in apps.get_models() if issubclass(model, AppendOnlyModel)]


@dataclass(frozen=True)
class _Rule:
    """The triggers of one table on one database: how to make, remove and recognise them."""

    table: str
    create: list[str]  # statements that install them (after `drop`)
    drop: list[str]
    # What the database must hold: name → definition as the database reports it.
    expected: dict[str, str]


def _literal(value: Any, vendor: str) -> str:
    if isinstance(value, dict | list):
        text = json.dumps(value)
        quoted = "'" + text.replace("'", "''") + "'"
        return f"{quoted}::jsonb" if vendor == "postgresql" else quoted
    return "'" + str(value).replace("'", "''") + "'"


def _redaction_only(model: type[AppendOnlyModel], connection: BaseDatabaseWrapper) -> str:
    """SQL true when an UPDATE changes nothing but writes the model's redaction."""
    if not model.redaction:
        return "FALSE" if connection.vendor == "postgresql" else "0"
    same = "IS NOT DISTINCT FROM" if connection.vendor == "postgresql" else "IS"
    quote = connection.ops.quote_name
    terms = []
    for field in model._meta.concrete_fields:
        column = quote(field.column)
        if field.name in model.redaction:
            value = _literal(model.redaction[field.name], connection.vendor)
            terms.append(f"NEW.{column} = {value}")
        else:
            terms.append(f"NEW.{column} {same} OLD.{column}")
    return " AND ".join(terms)


def _postgresql_rule(model: type[AppendOnlyModel], connection: BaseDatabaseWrapper) -> _Rule:
    table = model._meta.db_table
    quote = connection.ops.quote_name
    function = f"{PREFIX}_{table}"
    body = f"""
BEGIN
  IF TG_OP = 'DELETE' AND OLD.{quote("at")} < now() - interval '{model.kept_days()} days' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND {_redaction_only(model, connection)} THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
"""
    rows, truncate = f"{PREFIX}_rows", f"{PREFIX}_truncate"
    drop = [
        f"DROP TRIGGER IF EXISTS {rows} ON {quote(table)}",
        f"DROP TRIGGER IF EXISTS {truncate} ON {quote(table)}",
        f"DROP FUNCTION IF EXISTS {function}()",
    ]
    create = [
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $koers${body}$koers$",
        f"CREATE TRIGGER {rows} BEFORE UPDATE OR DELETE ON {quote(table)} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {truncate} BEFORE TRUNCATE ON {quote(table)} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
    ]
    return _Rule(table, create, drop, {function: body, rows: function, truncate: function})


def _sqlite_rule(model: type[AppendOnlyModel], connection: BaseDatabaseWrapper) -> _Rule:
    table = model._meta.db_table
    quote = connection.ops.quote_name
    update, delete = f"{PREFIX}_{table}_update", f"{PREFIX}_{table}_delete"
    statements = {
        update: (
            f"CREATE TRIGGER {update} BEFORE UPDATE ON {quote(table)} FOR EACH ROW "
            f"WHEN NOT ({_redaction_only(model, connection)}) "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END"
        ),
        delete: (
            f"CREATE TRIGGER {delete} BEFORE DELETE ON {quote(table)} FOR EACH ROW "
            f"WHEN OLD.{quote('at')} >= datetime('now', '-{model.kept_days()} days') "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END"
        ),
    }
    drop = [f"DROP TRIGGER IF EXISTS {name}" for name in statements]
    return _Rule(table, list(statements.values()), drop, statements)


def _rules(connection: BaseDatabaseWrapper) -> list[_Rule]:
    if connection.vendor == "postgresql":
        make = _postgresql_rule
    elif connection.vendor == "sqlite":
        make = _sqlite_rule
    else:
        return []
    existing = set(connection.introspection.table_names())
    return [make(m, connection) for m in protected_models() if m._meta.db_table in existing]


def install(connection: BaseDatabaseWrapper | None = None) -> None:
    """Put the triggers in place (again), as the models and settings now say."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        for rule in _rules(connection):
            for statement in rule.drop + rule.create:
                cursor.execute(statement)


def lift(connection: BaseDatabaseWrapper | None = None) -> None:
    """Remove the triggers: only for wiping the whole database (flush), which reinstalls."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        for rule in _rules(connection):
            for statement in rule.drop:
                cursor.execute(statement)


def _installed(connection: BaseDatabaseWrapper, rule: _Rule) -> dict[str, str]:
    """What the database holds of `rule`'s objects, in the form of `rule.expected`."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [rule.table],
            )
            return dict(cursor.fetchall())
        cursor.execute(
            "SELECT t.tgname, p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE t.tgrelid = %s::regclass AND t.tgenabled = 'O' AND NOT t.tgisinternal",
            [connection.ops.quote_name(rule.table)],
        )
        found = dict(cursor.fetchall())
        cursor.execute(
            "SELECT proname, prosrc FROM pg_proc WHERE proname = ANY(%s)",
            [[name for name in rule.expected if name not in found]],
        )
        return {**found, **dict(cursor.fetchall())}


def problems(connection: BaseDatabaseWrapper | None = None) -> list[str]:
    """What is missing, disabled or changed in the triggers, in words; empty when all hold."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    found = []
    for rule in _rules(connection):
        installed = _installed(connection, rule)
        for name, definition in rule.expected.items():
            if name not in installed:
                found.append(f"{rule.table}: {name} is missing or disabled")
            elif installed[name] != definition:
                found.append(f"{rule.table}: {name} differs from what Koers installs")
    return found
