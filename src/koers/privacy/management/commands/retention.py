"""`koers retention`: apply the retention rules now (the worker does it daily)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from koers.directory.models import Person
from koers.privacy.queries import persons_due, retention_years
from koers.privacy.services import retention_enforce


class Command(BaseCommand):
    help = "Apply the retention rules of the register of processing (--dry-run: only list)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List, remove nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            due = persons_due()
            self.stdout.write(
                f"{len(due)} persons unlinked for longer than their holder's retention term "
                f"(the installation's: {settings.PERSON_RETENTION_YEARS} years) would be erased:"
            )
            for person in Person.objects.filter(pk__in=due).select_related("holder"):
                years = retention_years(person.holder)
                self.stdout.write(f"  #{person.pk} ({person.holder}, {years} years)")
            return
        report = retention_enforce()
        self.stdout.write(
            f"Erased {len(report.persons_erased)} persons; removed "
            f"{report.access_records_removed} access records, "
            f"{report.sign_in_records_removed} sign-in records, "
            f"{report.rate_limit_hits_removed} rate-limit hits, "
            f"{report.password_reset_tasks_removed} password-reset tasks, "
            f"{report.task_results_removed} finished task results, "
            f"{report.import_files_removed} pending import files."
        )
        for problem in report.log_protection_problems:
            self.stderr.write(f"Warning: {problem} (see `koers check_logs`).")
