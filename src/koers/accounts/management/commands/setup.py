"""`koers setup`: the first run of an installation — its organisation and first beheerder.

Interactive by default (the password is asked twice and never echoed); for automation
every answer can be given as an option with `--no-input`, the password in the environment
variable KOERS_SETUP_PASSWORD (an option would show it in the process list and the shell
history). Runs once: on a set-up installation it says why it refuses and what to do.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from koers.accounts import queries, services
from koers.core import setup_steps

PASSWORD_VARIABLE = "KOERS_SETUP_PASSWORD"  # noqa: S105 (the variable's name, not a password)


class Command(BaseCommand):
    help = (
        "Set up a new installation: its organisation and first beheerder (runs once). "
        f"Options for automation; the password then in {PASSWORD_VARIABLE}."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--organisation", help="Name of the organisation.")
        parser.add_argument("--username", help="User name of the first beheerder.")
        parser.add_argument("--email", help="Her e-mail address (for a password reset).")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help=f"Ask nothing: the options above, the password in {PASSWORD_VARIABLE}.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            self._set_up(options)

    def _set_up(self, options: dict[str, Any]) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if refusal := queries.installation_refusal():
            raise CommandError(refusal)
        answers = self._given(options) if options["no_input"] else self._asked(options)
        try:
            membership = services.installation_setup(**answers)
            setup_steps.run_all()
        except services.AlreadySetUp as refused:
            raise CommandError(str(refused)) from refused
        except ValidationError as invalid:
            raise CommandError(_problems(invalid) + " " + _("Nothing was saved.")) from invalid
        self.stdout.write(
            _(
                "Koers is set up: organisation %(organisation)s with beheerder %(username)s. "
                "Start Koers (koers serve) and sign in as %(username)s; at the first sign-in "
                "you set up two-step verification with an authenticator app. Then add your "
                "colleagues under Administration (/beheer/), Accounts."
            )
            % {
                "organisation": membership.organisation.name,
                "username": membership.user.username,
            }
        )

    def _given(self, options: dict[str, Any]) -> dict[str, str]:
        missing = [
            f"--{name}" for name in ("organisation", "username", "email") if not options[name]
        ]
        if not os.environ.get(PASSWORD_VARIABLE):
            missing.append(PASSWORD_VARIABLE)
        if missing:
            raise CommandError(
                _("With --no-input, give %(missing)s as well. Nothing was saved.")
                % {"missing": ", ".join(missing)}
            )
        return {
            "organisation_name": options["organisation"],
            "username": options["username"],
            "email": options["email"],
            "password": os.environ[PASSWORD_VARIABLE],
        }

    def _asked(self, options: dict[str, Any]) -> dict[str, str]:
        """Ask what was not given, each answer checked before the next question."""
        self.stdout.write(
            _(
                "This sets up Koers: your organisation and its first beheerder, who manages "
                "the accounts and roles of her colleagues."
            )
        )
        answers = {
            "organisation_name": options["organisation"]
            or self._ask(_("Name of the organisation: "), _required),
            "username": options["username"]
            or self._ask(_("User name of the beheerder: "), _free_username),
            "email": options["email"] or self._ask(_("Her e-mail address: "), _email),
        }
        answers["password"] = os.environ.get(PASSWORD_VARIABLE) or self._password(answers)
        return answers

    def _ask(self, question: str, check: Callable[[str], None]) -> str:
        while True:
            answer = input(question).strip()
            try:
                check(answer)
            except ValidationError as invalid:
                self.stderr.write(_problems(invalid))
                continue
            return answer

    def _password(self, answers: dict[str, str]) -> str:
        from django.contrib.auth.password_validation import validate_password

        from koers.accounts.models import User

        user = User(username=answers["username"], email=answers["email"])
        while True:
            password = getpass.getpass(_("Password (at least 12 characters): "))
            if getpass.getpass(_("The password again: ")) != password:
                self.stderr.write(_("The two passwords differ. Try again."))
                continue
            try:
                validate_password(password, user)
            except ValidationError as invalid:
                self.stderr.write(_problems(invalid))
                continue
            return password


def _required(answer: str) -> None:
    if not answer:
        raise ValidationError(_("This cannot be empty."))


def _free_username(answer: str) -> None:
    from koers.accounts.models import User

    _required(answer)
    User.username_validator(answer)
    if User.objects.filter(username=answer).exists():
        raise ValidationError(_("There is an account with this user name already; choose another."))


def _email(answer: str) -> None:
    from django.core.validators import validate_email

    _required(answer)
    validate_email(answer)


def _problems(invalid: ValidationError) -> str:
    return " ".join(invalid.messages)
