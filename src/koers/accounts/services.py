"""Every security-relevant write of an account: the second factor, recovery codes, sessions,
and the first run of an installation (its organisation and first beheerder).

Each function runs in one transaction and leaves an entry in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts.access import may_administer
from koers.accounts.models import Membership, UserSession
from koers.accounts.queries import installation_refusal
from koers.accounts.two_factor import confirmed_device, enforced_for
from koers.core.audit import audit_write
from koers.core.ratelimit import limit_reached, record

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
RECOVERY_CODE_LENGTH = 12  # about 58 bits: not guessable, and stored only as a hash
# Besides django-otp's own delay after each wrong code (doubling per failure), at most
# this many wrong codes per user in the window: a stolen password gets few tries.
ATTEMPTS_PER_WINDOW = 10
ATTEMPT_WINDOW = dt.timedelta(minutes=15)


class SecondFactorRequired(Exception):
    """Her role requires a second factor, so she cannot remove hers."""


@dataclass(frozen=True)
class Check:
    """The outcome of a code: the device that accepted it, or why it was refused.

    `wrong` says the code was checked and is not hers (or cannot be a code at all): only
    such refusals count towards the limit per user.
    """

    device: Device | None
    refusal: str = ""
    wrong: bool = False


def _normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _recovery_hash(code: str) -> str:
    # StaticToken.token holds 16 characters; 64 bits of SHA-256 over a random ~58-bit code.
    return hashlib.sha256(_normalise(code).encode()).hexdigest()[:16]


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_CODE_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_CODE_LENGTH, 4))


def _wrong() -> Check:
    return Check(None, _("That code is not correct. Check the code and try again."), wrong=True)


@transaction.atomic
def second_factor_verify(*, user: Any, code: str, device: TOTPDevice | None = None) -> Check:
    """Verify a 6-digit code from her app, or else a recovery code (which is used up).

    With `device` (an app being enrolled) only that device's codes count. Wrong codes are
    throttled twice over: django-otp makes each device wait longer after every failure,
    and every user gets at most ATTEMPTS_PER_WINDOW wrong codes per ATTEMPT_WINDOW. Only
    wrong codes count, so an honest user who enters her right code again and again (signing
    in, confirming it is her) is never locked out. Her attempts are taken one at a time
    (her user row is locked), so guesses sent in parallel cannot all pass the limit before
    their failures are counted.
    """
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
    key = f"second-factor:user:{user.pk}"
    if limit_reached(key, limit=ATTEMPTS_PER_WINDOW, window=ATTEMPT_WINDOW):
        return Check(None, _("Too many attempts with a wrong code. Wait 15 minutes and try again."))
    check = _check(user, _normalise(code), device)
    if check.wrong:
        record(key)
    return check


def _check(user: Any, code: str, device: TOTPDevice | None) -> Check:
    if not code:
        return _wrong()
    if code.isdigit() and len(code) == 6:
        app = device or confirmed_device(user)
        if app is None:
            return _wrong()
        return _verify(TOTPDevice, app.pk, code)
    static = StaticDevice.objects.filter(user=user).first() if device is None else None
    if static is None:
        return _wrong()
    return _verify(StaticDevice, static.pk, _recovery_hash(code))


@transaction.atomic
def _verify(model: type[TOTPDevice] | type[StaticDevice], pk: int, token: str) -> Check:
    locked = model.objects.select_for_update().get(pk=pk)  # one verification at a time
    allowed, _details = locked.verify_is_allowed()
    if not allowed:
        return Check(None, _("Too many wrong codes in a row. Wait a minute and try again."))
    if locked.verify_token(token):
        return Check(locked)
    return _wrong()


def totp_device_prepare(*, user: Any) -> TOTPDevice:
    """The authenticator app she is enrolling, made when she has none pending: unconfirmed
    until she enters a code from it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").last()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def _recovery_codes_replace(user: Any) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes"}
    )
    device.token_set.all().delete()
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=_recovery_hash(code)) for code in codes
    )
    return codes


@transaction.atomic
def second_factor_confirm(*, user: Any, device: TOTPDevice, remote_addr: str | None) -> list[str]:
    """Make `device`, just verified with a code from it, her second factor.

    Any app she had before stops working, and so do her old recovery codes: the new ones
    are returned, to be shown once (only their hashes are kept).
    """
    replaced = TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()[0] > 0
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _recovery_codes_replace(user)
    audit_write(
        actor=user,
        action="account.second_factor_replaced" if replaced else "account.second_factor_confirmed",
        instance=user,
        remote_addr=remote_addr,
    )
    return codes


@transaction.atomic
def recovery_codes_regenerate(*, user: Any, remote_addr: str | None) -> list[str]:
    """New recovery codes for her; the old ones stop working. Returned to be shown once."""
    codes = _recovery_codes_replace(user)
    audit_write(
        actor=user,
        action="account.recovery_codes_regenerated",
        instance=user,
        remote_addr=remote_addr,
    )
    return codes


@transaction.atomic
def second_factor_remove(*, user: Any, remote_addr: str | None) -> None:
    """Remove her app and recovery codes; refused (SecondFactorRequired) if her role needs one."""
    if enforced_for(user):
        raise SecondFactorRequired
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_write(
        actor=user, action="account.second_factor_removed", instance=user, remote_addr=remote_addr
    )


@transaction.atomic
def second_factor_reset(*, actor: Any, user: Any, remote_addr: str | None) -> None:
    """A beheerder removes someone's app and recovery codes (lost both); she enrols anew.

    Only for an account she administers (`may_administer`), as the admin lists them.
    """
    if not may_administer(actor, user):
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_write(
        actor=actor, action="account.second_factor_reset", instance=user, remote_addr=remote_addr
    )


@transaction.atomic
def password_set(*, user: Any, new_password: str, remote_addr: str | None) -> Any:
    """Her own new password, already checked by Django's PasswordChangeForm (old password,
    the password validators). Audited without either password; her other sessions are the
    caller's to end, because only the caller knows which session is the current one."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    audit_write(
        actor=user, action="account.password_changed", instance=user, remote_addr=remote_addr
    )
    return user


def _end(user_session: UserSession, *, actor: Any, remote_addr: str | None) -> None:
    audit_write(
        actor=actor,
        action="account.session_ended",
        instance=user_session,
        before={
            "created_at": user_session.created_at.isoformat(),
            "ip_address": user_session.ip_address,
            "user_agent": user_session.user_agent,
        },
        remote_addr=remote_addr,
    )
    # The session store's row goes, and with it this record (on_delete=CASCADE): the
    # browser holding that session is signed out at its next request.
    Session.objects.filter(pk=user_session.session_id).delete()


@transaction.atomic
def user_session_end(*, actor: Any, user_session: UserSession, remote_addr: str | None) -> None:
    """End one of her own sessions; someone else's is refused."""
    if user_session.user_id != actor.pk:
        raise PermissionDenied
    _end(user_session, actor=actor, remote_addr=remote_addr)


@transaction.atomic
def other_user_sessions_end(
    *, actor: Any, current_session_key: str | None, remote_addr: str | None
) -> int:
    """End every session of hers but the current one; returns how many ended."""
    others = list(UserSession.objects.of(actor).exclude(session_id=current_session_key))
    for user_session in others:
        _end(user_session, actor=actor, remote_addr=remote_addr)
    return len(others)


class AlreadySetUp(Exception):
    """The installation has its organisation or a beheerder already: the first run is over."""


def _one_setup_at_a_time() -> None:
    # SQLite's write lock (transactions begin IMMEDIATE) already serialises two first runs;
    # PostgreSQL gets a transaction-scoped advisory lock, so the second sees the first.
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x4B6F657273])  # "Koers"


@transaction.atomic
def installation_setup(
    *, organisation_name: str, username: str, email: str, password: str
) -> Membership:
    """The first run of an installation: the executing organisation and its first beheerder.

    All or nothing, in one transaction, with an audit entry (no actor: the command line).
    Refused (AlreadySetUp, with `installation_refusal`'s words) once an executing
    organisation or a beheerder exists, so it never adds a second organisation or lets
    someone with shell access make herself beheerder of an installation that runs. Bad
    input raises ValidationError with every problem; nothing is then saved. The beheerder
    enrols her second factor at her first sign-in (her role requires it).
    """
    from django.contrib.auth.password_validation import validate_password
    from django.core.validators import validate_email
    from django.utils.text import slugify

    from koers.accounts.models import User
    from koers.accounts.roles import Role
    from koers.directory.models import Organisation, OrganisationKind

    _one_setup_at_a_time()
    if refusal := installation_refusal():
        raise AlreadySetUp(refusal)
    name = organisation_name.strip()
    slug = base = slugify(name)[:70] or "organisatie"
    serial = 1
    while Organisation.objects.filter(slug=slug).exists():  # a funder of the same name, say
        serial += 1
        slug = f"{base}-{serial}"
    organisation = Organisation(name=name, slug=slug, kind=OrganisationKind.OWN)
    user = User(username=username.strip(), email=email.strip(), is_active=True)
    problems: dict[str, list[str]] = {}
    for field, check in (
        ("organisation", lambda: organisation.full_clean(validate_unique=False)),
        ("username", lambda: user.full_clean(exclude=["password"])),
        ("email", lambda: validate_email(user.email)),
        ("password", lambda: validate_password(password, user)),
    ):
        try:
            check()
        except ValidationError as error:
            problems.setdefault(field, []).extend(error.messages)
    if not user.email:
        problems.setdefault("email", []).append(_("Give an e-mail address."))
    if problems:
        raise ValidationError(problems)
    organisation.save()
    user.set_password(password)
    user.save()
    membership = Membership.objects.create(
        user=user, organisation=organisation, role=Role.BEHEERDER
    )
    audit_write(
        actor=None,
        action="installation.set_up",
        instance=organisation,
        after={
            "organisation": organisation.name,
            "beheerder": user.username,
            "email": user.email,
        },
        organisation_id=organisation.pk,
    )
    return membership
