"""Accounts for an organisation's staff from a spreadsheet (`users_import`): every row checked
against the model, the accounts Koers has and the rows above it, and a role of the
organisation's own staff (`STAFF_ROLES`); a passing row becomes a `NewAccount`. The report
(`UsersImport`) names each failing row; a dry run only reports, otherwise all rows are saved
or none."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _

from koers.accounts.models import Membership, User
from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import (
    FUNDER_ROLES,
    INSTALLATION_ROLES,
    REQUESTER_ROLES,
    Capability,
    Role,
)
from koers.core import tables
from koers.directory.duplicates import fold
from koers.directory.models import Organisation

# Package-private: the account steps the onboarding services share.
from koers.plans.services.onboarding._accounts import audit_account, field_problems

# The roles of an organisation's own staff and board, which its beheerder hands out. Not by
# import: a funder's official, a care organisation's contact and the installation
# administrator work for another organisation (or for all), and the GGD/GHOR's
# prioritising official holds her membership here without being staff.
STAFF_ROLES = (
    frozenset(Role) - FUNDER_ROLES - REQUESTER_ROLES - INSTALLATION_ROLES - {Role.PRIORITEIT}
)
MAX_ROWS = 1000
COLUMNS = {
    "username": ("gebruikersnaam", "username", "user name", "gebruiker", "login"),
    "first_name": ("voornaam", "first name", "first_name", "given name"),
    "last_name": ("achternaam", "last name", "last_name", "surname"),
    "email": ("e-mail", "email", "e-mailadres", "e-mail address", "email address"),
    "role": ("rol", "role"),
}


@dataclass(frozen=True)
class NewAccount:
    """What a passing row becomes."""

    user: User
    role: Role


@dataclass
class UsersImport(tables.ImportReport):
    """The check of a file of accounts, row by row; `created` holds the memberships made
    when it was applied (none in a dry run)."""

    created: list[Membership] = field(default_factory=list)

    @staticmethod
    def refusal(row: tables.ImportRow) -> str:
        """One line of the report: the row, whom it is about, and what is wrong with it."""
        problem = " ".join(row.problems)
        return _("Row %(line)s: %(problem)s") % {
            "line": row.line,
            "problem": f"{row.label}: {problem}" if row.label else problem,
        }


@transaction.atomic
def users_import(
    *,
    organisation: Organisation,
    csv_file: Path | str,
    dry_run: bool = True,
    actor: Any = None,
) -> UsersImport:
    """Accounts for `organisation`'s staff from a CSV (or Excel) file with the columns
    gebruikersnaam, voornaam, achternaam, e-mail, rol (Dutch or English names, any order).

    Every row is checked: a user name and an e-mail address no account has (and no earlier
    row), and a role of the organisation's own staff (`STAFF_ROLES`, by value or name). A
    dry run (the default) only reports. Otherwise all rows are saved, each with an audit
    entry, or — when any row fails — none: a ValidationError names every failing row. The
    accounts get a password nobody knows; each sets her own through "forgot password"
    (Django sends no reset link to an account without a usable password). `actor` None is
    the command line; a user must administer the organisation.
    """
    if actor is not None and not has_capability(
        actor, Capability.ADMINISTER, Scope(organisation_id=organisation.pk)
    ):
        raise PermissionDenied
    if not organisation.memberships.exists():
        raise ValidationError(
            _(
                "%(organisation)s does not work in Koers yet: add it with its first beheerder "
                "first (koers organisation add)."
            )
            % {"organisation": organisation}
        )
    rows = tables.read_table(Path(csv_file), MAX_ROWS)
    report, header = tables.begin(
        rows,
        COLUMNS,
        required=("username", "email", "role"),
        max_rows=MAX_ROWS,
        report=UsersImport,
    )
    if header is not None:
        found = tables.data_rows(rows, header)
        _check_rows(report, [tables.ImportRow(line, raw, values) for line, raw, values in found])
    if dry_run:
        return report
    if report.problems and not report.rows:
        raise ValidationError(report.problems)
    if report.failing:
        raise ValidationError(
            [
                _("%(count)s rows have problems; nothing was saved.")
                % {"count": len(report.failing)},
                *(report.refusal(row) for row in report.failing),
            ]
        )
    for row in report.rows:
        new: NewAccount = row.record
        new.user.set_password(secrets.token_urlsafe(32))  # known to nobody, never shown
        new.user.save()
        membership = Membership.objects.create(
            user=new.user, organisation=organisation, role=new.role
        )
        audit_account(membership, "account.import")
        report.created.append(membership)
    return report


def _role(text: str) -> Role | None:
    """The role a cell names: its value or its name (in Dutch or English), folded."""
    key = fold(text)
    for role in Role:
        with translation.override("en"):
            english = str(role.label)
        if key in {fold(role.value), fold(str(role.label)), fold(english)}:
            return role
    return None


def _taken_keys(field_name: str, rows: list[tables.ImportRow]) -> set[str]:
    """The values of `field_name` (lower case) that accounts have among the rows' values."""
    wanted = {row.values.get(field_name, "").lower() for row in rows} - {""}
    found = User.objects.annotate(key=Lower(field_name)).filter(key__in=wanted)
    return set(found.values_list("key", flat=True))


def _check_rows(report: UsersImport, rows: list[tables.ImportRow]) -> None:
    """Each row against the model, the accounts in Koers and the rows above it."""
    taken = {name: _taken_keys(name, rows) for name in ("username", "email")}
    above: dict[str, dict[str, int]] = {"username": {}, "email": {}}
    for row in rows:
        report.rows.append(row)
        values = row.values
        user = User(
            username=values.get("username", ""),
            first_name=values.get("first_name", ""),
            last_name=values.get("last_name", ""),
            email=values.get("email", "").lower(),
        )
        row.label = user.username
        row.problems.extend(field_problems(user))
        keys = {"username": user.username.lower(), "email": user.email}
        for name, key in keys.items():
            if not key:
                continue
            if key in taken[name]:
                row.problems.append(_taken_message(name))
            elif key in above[name]:
                row.problems.append(_same_as_row(name) % {"line": above[name][key]})
            above[name].setdefault(key, row.line)
        role = _role(values.get("role", ""))
        if role is None or role not in STAFF_ROLES:
            row.problems.append(_role_refusal(values.get("role", ""), role))
        elif not row.problems:
            row.record = NewAccount(user, role)


def _taken_message(name: str) -> str:
    if name == "username":
        return _("There is an account with this user name already; choose another.")
    return _("Koers already has an account with this e-mail address.")


def _same_as_row(name: str) -> str:
    if name == "username":
        return _("Same user name as row %(line)s.")
    return _("Same e-mail address as row %(line)s.")


def _role_refusal(text: str, role: Role | None) -> str:
    roles = ", ".join(role.value for role in Role if role in STAFF_ROLES)
    if role is None:
        return _("Role '%(value)s' is unknown. Choose one of: %(roles)s.") % {
            "value": text,
            "roles": roles,
        }
    return _(
        "%(role)s is not a role of the organisation's own staff; a beheerder gives it under "
        "Administration (/beheer/), Accounts. Choose one of: %(roles)s."
    ) % {"role": role.label, "roles": roles}
