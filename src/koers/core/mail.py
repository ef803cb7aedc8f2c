"""Sending the reminders the task worker composes: one message per (address, subject, body),
in one connection to the mail server."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mass_mail


def send_all(messages: Sequence[tuple[str, str, str]]) -> int:
    """Send each (address, subject, body); a failure raises, so the task shows it failed."""
    send_mass_mail(
        [
            (subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            for address, subject, body in messages
        ],
        fail_silently=False,
    )
    return len(messages)
