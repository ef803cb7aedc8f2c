"""A record of every signed-in session, so that a user can see and end her other sessions.

The record is made when she signs in, its last-seen time follows the session's own
(`session_limits` touches both once a minute), and it disappears with the session
itself (see `UserSession`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.models import Session
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from koers.accounts.models import UserSession
from koers.core.http import client_address

# Tried in order: Edge and Opera also call themselves Chrome, Chrome calls itself Safari.
BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def describe_user_agent(user_agent: str) -> str:
    """A short, readable name for a browser ("Firefox · Windows"), or "" if unknown.

    Only the names are kept, not the full string: enough to recognise one's own
    devices, less to identify them by.
    """
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    described = " · ".join(part for part in (browser, system) if part)
    return re.sub(r"[^\w ·.-]", "", described)[:100]


@receiver(user_logged_in)
def _record_session(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        record(request, user)


def record(request: HttpRequest, user: Any) -> None:
    """Record the request's session as one of `user`'s (at sign-in, or after its key changed)."""
    session = getattr(request, "session", None)
    if session is None or not hasattr(session, "model"):
        return  # not a database-backed session: nothing to point at
    # The store writes its row now instead of at the end of the request.
    if session.session_key is None:
        session.create()
    elif not Session.objects.filter(pk=session.session_key).exists():
        session.save(must_create=True)
    UserSession.objects.update_or_create(
        session_id=session.session_key,
        defaults={
            "user": user,
            "last_seen_at": timezone.now(),
            "ip_address": client_address(request),
            "user_agent": describe_user_agent(request.META.get("HTTP_USER_AGENT", "")),
        },
    )


def touch(session_key: str | None, at: int) -> None:
    """Record that the session was used at `at` (a Unix time)."""
    if session_key:
        UserSession.objects.filter(session_id=session_key).update(
            last_seen_at=dt.datetime.fromtimestamp(at, tz=dt.UTC)
        )


def get_own_session(user: Any, pk: int) -> UserSession:
    """One of her own live sessions; 404 for anyone else's (its existence is not confirmed)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(UserSession.objects.of(user), pk=pk)
