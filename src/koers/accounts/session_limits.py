"""Sessions end after a period of inactivity and after an absolute lifetime.

Both are kept in the session itself; a request past either limit is signed out and,
like any signed-out request, sent to the sign-in page (htmx included).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from koers.accounts import user_sessions

STARTED = "koers_started_at"
LAST_SEEN = "koers_last_seen"
# Writing the session on every request would cost a query each; a minute's precision
# is plenty for a timeout counted in minutes.
TOUCH_EVERY = 60


@receiver(user_logged_in)
def _mark_start(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = now
        request.session[LAST_SEEN] = now


class SessionLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.get(STARTED, now)
            last_seen = session.get(LAST_SEEN, now)
            idle = now - last_seen > settings.SESSION_IDLE_TIMEOUT
            expired = now - started > settings.SESSION_ABSOLUTE_LIFETIME
            if idle or expired:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after a period without activity.")
                    if idle
                    else _("You were signed out: a session lasts at most a working day."),
                )
            else:
                session.setdefault(STARTED, started)
                if now - last_seen >= TOUCH_EVERY:
                    session[LAST_SEEN] = now
                    user_sessions.touch(session.session_key, now)
        return self.get_response(request)
