"""Work the task worker does for accounts: the password-reset mail."""

from __future__ import annotations

import logging

from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task

logger = logging.getLogger(__name__)

EMAIL_TEMPLATE = "accounts/password_reset_email.txt"
SUBJECT_TEMPLATE = "accounts/password_reset_subject.txt"


@task()
def send_password_reset(email: str, domain: str, use_https: bool, language: str) -> int:
    """Mail a reset link to every active account with `email` (none, usually one); returns
    how many were sent.

    The request only enqueues this, whether or not the address has an account: looking it
    up, making the token and sending the mail happen here, so the request takes as long for
    an address that has an account as for one that has none (which it must not reveal).
    """
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    sent = len(list(form.get_users(email)))
    if sent:
        with translation.override(language):
            form.save(
                domain_override=domain,
                use_https=use_https,
                subject_template_name=SUBJECT_TEMPLATE,
                email_template_name=EMAIL_TEMPLATE,
            )
    logger.info("Password reset asked: %s e-mail(s) sent.", sent)
    return sent
