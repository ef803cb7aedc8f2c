"""`koers demo` run again never adds anything, whatever users changed in between, and never
builds into a database that holds data it did not build.

After a restore, `koers demo` added a second "ExpEx Flevoland" project without an audit
entry: the project had been renamed in between, and the build looked it up by its title.
Every record the build finds "by its natural key" can be found no more once a user changes
that key (a title, a name, a code), so the build runs once per database, and says so.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from koers.accounts.models import User
from koers.core.models import AuditEntry
from koers.demo import builder
from koers.directory.models import Organisation
from koers.plans.models import Plan, Programme
from koers.work import services as work_services
from koers.work.models import Project, Team, TimeCategory


def every_table() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def rename_what_the_build_looks_up(user: User) -> None:
    """What users do on a real installation: rename a project (through the page's service),
    the plan, a programme, a team and a category of hours."""
    expex = Project.objects.get(title="ExpEx Flevoland")
    work_services.project_save(
        actor=user,
        organisation_id=expex.organisation_id,
        values={"title": "ExpEx Flevoland (ZonMw)", "programme": expex.programme},
        project=expex,
        expected_version=expex.version,
    )
    Plan.objects.update(title="Meerjarenplan 2021–2024 (herzien)")
    Programme.objects.filter(code="PG").update(name="Positieve Gezondheid en Welzijn")
    Team.objects.filter(name="Zowelwerk").update(name="Zowelwerk Flevoland")
    TimeCategory.objects.filter(name="Verlof").update(name="Verlof en vakantie")


def test_a_second_run_after_users_renamed_its_records_adds_nothing(db: Any) -> None:
    builder.build()
    rename_what_the_build_looks_up(User.objects.get(username="bedrijfsvoering"))
    before = every_table()
    assert builder.build() == {}
    after = every_table()
    changed = {label: (before[label], after[label]) for label in before}
    assert {label: counts for label, counts in changed.items() if len(set(counts)) > 1} == {}


def test_every_write_of_the_build_is_in_the_audit_trail(db: Any) -> None:
    created = builder.build(realisations=False)
    built = AuditEntry.objects.get(action="demo.built")
    assert built.changes == {kind: [None, count] for kind, count in created.items()}
    expex = Project.objects.get(code="EXPEX")
    assert AuditEntry.objects.filter(
        action="project.created", subject_type="work.project", subject_id=expex.pk
    ).exists()


def test_it_refuses_a_database_that_holds_data_it_did_not_build(db: Any) -> None:
    Organisation.objects.create(name="Stichting Welzijn", slug="stichting-welzijn", kind="own")
    before = every_table()
    with pytest.raises(builder.DemoRefused, match="already holds"):
        builder.build(hours=False)
    assert every_table() == before


def test_the_command_says_why_it_refuses_and_what_to_do(db: Any, settings: Any) -> None:
    settings.DEMO_MODE = True
    Organisation.objects.create(name="Stichting Welzijn", slug="stichting-welzijn", kind="own")
    with pytest.raises(CommandError, match="empty database"):
        call_command("demo", no_serve=True)
    assert not User.objects.exists()


def test_synthetic_organisations_are_in_the_audit_trail(db: Any) -> None:
    from koers.demo.synthetic import add_hours_organisations
    from koers.work.models import TimeEntry

    [organisation] = add_hours_organisations(1, staff=2, years=1)
    entry = AuditEntry.objects.get(action="demo.example_data", organisation_id=organisation)
    entries = TimeEntry.objects.filter(organisation_id=organisation).count()
    assert entry.changes == {"staff": [None, 2], "time entries": [None, entries]}
