"""`koers organisation`: a partner organisation joins an installation that has others.

    koers organisation add --name "GGD Flevoland" --funder "Provincie Flevoland" \\
        --goal-root KS --years 2021-2024 \\
        --beheerder-username fenna --beheerder-email fenna@ggdflevoland.nl
    koers organisation import-users --organisation "GGD Flevoland" medewerkers.csv [--apply]

`add` makes the organisation (or uses the directory's record of that name, when nobody works
in Koers for it yet), its first beheerder and its multi-year plan, with one programme per
line of the funder's goal tree, or the programmes of an earlier plan of the organisation
(`--from-plan`). `import-users` checks a file of colleagues' accounts and saves nothing;
with `--apply` it saves all of them, or none when a row has a problem. Non-interactive, for
automation; output in the installation's language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from koers.directory.models import Organisation
from koers.plans.models import Plan
from koers.plans.services import onboarding

YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")


class Command(BaseCommand):
    help = (
        "Add a partner organisation with its first beheerder and multi-year plan (add), or "
        "import its colleagues' accounts from a CSV file (import-users)."
    )

    def add_arguments(self, parser: Any) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        add = subcommands.add_parser(
            "add", help="The organisation, its first beheerder and its multi-year plan."
        )
        add.add_argument("--name", required=True, help="Name of the organisation.")
        add.add_argument(
            "--funder",
            required=True,
            help="Id or name of the funder who adopts the plan (an organisation with goals).",
        )
        add.add_argument(
            "--goal-root",
            default="",
            help="Code of a goal of the funder's tree (KS): one programme per goal below it.",
        )
        add.add_argument(
            "--from-plan",
            type=int,
            metavar="PLAN_ID",
            help="Instead of --goal-root: copy the programmes of an earlier plan of the same "
            "organisation (not their activities).",
        )
        add.add_argument("--years", required=True, help="First and last year: 2021-2024.")
        add.add_argument(
            "--plan-title",
            default="",
            help="Default: Multi-year plan 2021-2024, in the installation's language.",
        )
        add.add_argument("--beheerder-username", required=True)
        add.add_argument("--beheerder-email", required=True)
        add.add_argument(
            "--password",
            default="",
            help="Her first password. Visible in the process list and shell history: "
            "better leave it out, and Koers generates one and shows it once.",
        )
        users = subcommands.add_parser(
            "import-users", help="Accounts of the organisation's staff from a CSV file."
        )
        users.add_argument("--organisation", required=True, help="Id or name of the organisation.")
        users.add_argument(
            "file",
            type=Path,
            help="CSV or Excel file: gebruikersnaam, voornaam, achternaam, e-mail, rol.",
        )
        users.add_argument(
            "--apply",
            action="store_true",
            help="Save the accounts (all or none). Without it: a dry run that saves nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            if options["subcommand"] == "add":
                self._add(options)
            else:
                self._import_users(options)

    def _add(self, options: dict[str, Any]) -> None:
        start_year, end_year = _years(options["years"])
        from_plan = None
        if options["from_plan"] is not None:
            from_plan = Plan.objects.filter(pk=options["from_plan"]).first()
            if from_plan is None:
                raise CommandError(
                    _("There is no plan with id %(id)s. Nothing was saved.")
                    % {"id": options["from_plan"]}
                )
        try:
            done = onboarding.organisation_add(
                actor=None,  # at the machine
                name=options["name"],
                funder=_funder(options["funder"]),
                start_year=start_year,
                end_year=end_year,
                beheerder_username=options["beheerder_username"],
                beheerder_email=options["beheerder_email"],
                goal_root=options["goal_root"],
                from_plan=from_plan,
                password=options["password"],
                plan_title=options["plan_title"],
            )
        except ValidationError as invalid:
            raise CommandError(_problems(invalid)) from invalid
        self._report_added(done)

    def _report_added(self, done: onboarding.Onboarding) -> None:
        organisation, plan = done.organisation, done.plan
        username = done.membership.user.username
        self.stdout.write(
            _(
                "%(organisation)s is in Koers, with beheerder %(username)s and the multi-year "
                "plan “%(plan)s” (%(start)s-%(end)s, id %(id)s) adopted by %(funder)s."
            )
            % {
                "organisation": organisation.name,
                "username": username,
                "plan": plan.title,
                "start": plan.start_year,
                "end": plan.end_year,
                "id": plan.pk,
                "funder": plan.funder,
            }
        )
        if done.reused:
            self.stdout.write(
                _(
                    "It is the directory's existing record of %(organisation)s (id %(id)s): "
                    "what others recorded about it stays."
                )
                % {"organisation": organisation.name, "id": organisation.pk}
            )
        self.stdout.write(_("Programmes:"))
        for programme in done.programmes:
            goals = ", ".join(goal.code for goal in programme.goals.all())
            self.stdout.write(f"  {programme.code:<10} {programme.name}  [{goals}]")
        if done.password:
            self.stdout.write(
                _(
                    "Her password, shown only now (give it to her by phone or in person, not "
                    "in the same e-mail as her user name):"
                )
            )
            self.stdout.write(f"  {done.password}")
        self.stdout.write(
            _(
                "Next: %(username)s signs in at %(url)s. At her first sign-in she sets up "
                "two-step verification with an authenticator app; then she chooses a password "
                "of her own (Account, Change password), fills in the programmes' strategic "
                "goals, and adds her colleagues under Administration (/beheer/), Accounts, or "
                "has them imported with `koers organisation import-users`."
            )
            % {"username": username, "url": settings.SITE_URL + reverse("accounts:login")}
        )

    def _import_users(self, options: dict[str, Any]) -> None:
        organisation = _organisation(options["organisation"])
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        try:
            report = onboarding.users_import(
                organisation=organisation, csv_file=path, dry_run=not options["apply"]
            )
        except ValidationError as invalid:  # every failing row, one a line
            raise CommandError("\n".join(invalid.messages)) from invalid
        for problem in report.problems:
            self.stdout.write(problem)
        for row in report.rows:
            if row.problems:
                self.stdout.write(report.refusal(row))
            else:
                new: onboarding.NewAccount = row.record
                self.stdout.write(
                    _("Row %(line)s: %(username)s, %(email)s, %(role)s.")
                    % {
                        "line": row.line,
                        "username": new.user.username,
                        "email": new.user.email,
                        "role": new.role.label,
                    }
                )
        if not options["apply"]:
            self.stdout.write(
                _(
                    "Dry run: nothing was saved. %(passing)s of %(total)s rows can be imported. "
                    "Run again with --apply to save them; that saves all rows or, while a row "
                    "has a problem, none."
                )
                % {"passing": len(report.passing), "total": len(report.rows)}
            )
            return
        self.stdout.write(
            _("%(count)s accounts added to %(organisation)s.")
            % {"count": len(report.created), "organisation": organisation.name}
        )
        self.stdout.write(
            _(
                "They have no password yet. Tell each of them to open %(url)s, enter her "
                "e-mail address and choose a password with the link Koers mails her (valid "
                "for three hours; her user name is in that e-mail). Where her role requires "
                "it, she sets up two-step verification at her first sign-in."
            )
            % {"url": settings.SITE_URL + reverse("accounts:password_reset")}
        )
        if not settings.EMAIL_HOST:
            self.stdout.write(
                _(
                    "Koers sends no e-mail yet (KOERS_EMAIL_HOST is not set): set it up, with "
                    "the task worker running (koers worker), before they ask for the link."
                )
            )


def _years(text: str) -> tuple[int, int]:
    match = YEARS.match(text)
    if match is None:
        raise CommandError(
            _("Give the plan's years as first-last, such as 2021-2024.")
            + " "
            + _("Nothing was saved.")
        )
    first = int(match[1])
    return first, int(match[2] or first)


def _problems(invalid: ValidationError) -> str:
    return " ".join([*invalid.messages, _("Nothing was saved.")])


def _organisation(text: str, *, with_goals: bool = False) -> Organisation:
    """The one organisation `text` names: its id, or its name or short name (case ignored)."""
    text = text.strip()
    candidates = Organisation.objects.all()
    if with_goals:
        candidates = candidates.filter(goals__isnull=False).distinct()
    if text.isdigit():
        found = list(candidates.filter(pk=int(text)))
    else:
        found = list(candidates.filter(name__iexact=text)) or list(
            candidates.filter(short_name__iexact=text)
        )
    if len(found) == 1:
        return found[0]
    if found:
        raise CommandError(
            _("'%(name)s' fits several organisations (%(names)s); use the id.")
            % {"name": text, "names": ", ".join(f"{o.name} (id {o.pk})" for o in found)}
        )
    if with_goals:
        funders = Organisation.objects.filter(goals__isnull=False).distinct()
        raise CommandError(
            _("'%(name)s' is not an organisation with a goal tree in Koers. These are: %(names)s.")
            % {"name": text, "names": ", ".join(f"{o.name} (id {o.pk})" for o in funders)}
        )
    raise CommandError(_("Organisation '%(name)s' is not in Koers.") % {"name": text})


def _funder(text: str) -> Organisation:
    return _organisation(text, with_goals=True)
