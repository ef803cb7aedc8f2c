"""What adding an organisation and importing its colleagues share about an account: the
problems with its own fields, a user name or e-mail address another account has, the
password Koers generates for a first beheerder, and the audit entry of a new account. They
check no permission and open no transaction: `organisation_add` and `users_import` call them
inside their own. A private module, so nothing else calls them (tests/test_architecture.py
holds the public functions of services modules to the service rules, not these)."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.accounts.models import Membership, User
from koers.core.audit import audit_write

# No 0/o, 1/l/i to misread.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 (letters, no password)
PASSWORD_GROUPS = 5  # five groups of four: about 98 bits


def field_problems(user: User) -> list[str]:
    """What is wrong with an account's own fields (uniqueness aside: `taken`)."""
    problems: list[str] = []
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = "" if name == "__all__" else User._meta.get_field(name).verbose_name  # type: ignore[union-attr]
            problems.extend(f"{label}: {text}" if label else text for text in messages)
    if not user.email:
        problems.append(_("Give an e-mail address."))
    return problems


def taken(user: User) -> list[str]:
    """A user name somebody has (case ignored, as people read them), or an e-mail address
    of another account: a reset link goes to every account of an address."""
    problems = []
    if user.username and User.objects.filter(username__iexact=user.username).exists():
        problems.append(_("There is an account with this user name already; choose another."))
    if user.email and User.objects.filter(email__iexact=user.email).exists():
        problems.append(_("Koers already has an account with this e-mail address."))
    return problems


def generated_password() -> str:
    raw = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4 * PASSWORD_GROUPS))
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def audit_account(membership: Membership, action: str, actor: Any = None) -> None:
    user = membership.user
    audit_write(
        actor=actor,
        action=action,
        instance=user,
        after={
            "username": user.username,
            "email": user.email,
            "name": user.get_full_name(),
            "role": membership.role,
        },
        organisation_id=membership.organisation_id,
    )
