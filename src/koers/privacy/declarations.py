"""Personal data held by models Koers uses but does not define."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData, declare

declare(
    "accounts.user",
    PersonalData(
        subjects=_("users (staff, funders' officials, board members)"),
        fields=("username", "first_name", "last_name", "email", "password", "last_login"),
        purpose=_("Signing in and knowing who did what in Koers."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_(
            "While the account is in use; an account that leaves is deactivated and kept "
            "as long as the records it wrote (seven years)."
        ),
    ),
)
declare(
    "sessions.session",
    PersonalData(
        subjects=_("users"),
        fields=("session_data",),
        purpose=_("Keeping a user signed in."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("At most one working day (KOERS_SESSION_MAX_HOURS)."),
    ),
)
_SIGN_IN_SECURITY = PersonalData(
    subjects=_("anyone who tries to sign in"),
    fields=("username", "ip_address", "user_agent", "http_accept", "path_info"),
    purpose=_("Protecting accounts against password guessing (throttling, lock-out)."),
    lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
    retention=_("Ninety days, then removed by the retention task."),
)
for label in ("axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"):
    declare(label, _SIGN_IN_SECURITY)

_SECOND_FACTOR = PersonalData(
    subjects=_("users"),
    fields=(),
    purpose=_("Two-factor sign-in: the secret of the authenticator app and recovery codes."),
    lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
    retention=_("Until the user removes or replaces her second factor."),
)
declare("otp_totp.totpdevice", replace(_SECOND_FACTOR, fields=("user", "name", "key")))
declare("otp_static.staticdevice", replace(_SECOND_FACTOR, fields=("user", "name")))
declare("otp_static.statictoken", replace(_SECOND_FACTOR, fields=("device", "token")))
declare(
    "accounts.usersession",
    PersonalData(
        subjects=_("users"),
        fields=("user", "created_at", "last_seen_at", "ip_address", "user_agent"),
        purpose=_(
            "Letting a user see where she is signed in and end sessions she does not recognise."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Removed when the session ends (sign-out, time-out or ended by the user)."),
    ),
)
declare(
    "django_tasks_db.dbtaskresult",
    PersonalData(
        subjects=_("users; whoever asks for a password reset (the address typed)"),
        fields=("args_kwargs", "return_value", "exception_class_path", "traceback"),
        purpose=_(
            "Running long work in the background (documents, imports, mail) and finding out "
            "what went wrong when a task fails."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_(
            "A password reset's one day; every other finished task thirty days "
            "(KOERS_TASK_RESULT_RETENTION_DAYS), then removed by the retention task."
        ),
    ),
)
