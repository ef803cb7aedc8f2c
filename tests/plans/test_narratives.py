"""The quarter's progress per activity: narrative, risks, status override and their history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.core.versioning import ConflictError
from koers.plans import queries, services
from koers.plans.models import AnnualPlanStatus, QuarterReport
from koers.plans.progress import Status, activity_status
from koers.plans.services import QuarterReportEntry, QuarterReportsRefused
from tests.conftest import World
from tests.plans.factories import ActivityFactory


def save(world: World, role: str = "programmacoordinator", **overrides: Any) -> QuarterReport:
    arguments: dict[str, Any] = {
        "actor": world.users[role],
        "activity": world.activity,
        "quarter": 2,
        "values": {"narrative": "Drie bijeenkomsten gehouden.", "risks": "Weinig animo in Urk."},
        "expected_version": 0,
    }
    arguments.update(overrides)
    return services.quarter_report_save(**arguments)


def messages_of(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


class TestQuarterReportSave:
    def test_it_creates_the_quarter_and_audits_it_in_the_activity_history(
        self, world: World
    ) -> None:
        update = save(world, remote_addr="10.0.0.7")
        assert (update.quarter, update.version) == (2, 1)
        assert update.updated_by == world.users["programmacoordinator"]
        entry = AuditEntry.objects.get(action="quarter_report.save")
        assert entry.context == f"plans.activity:{world.activity.pk}"
        assert entry.changes == {
            "narrative": ["", "Drie bijeenkomsten gehouden."],
            "risks": ["", "Weinig animo in Urk."],
        }
        assert entry.remote_addr == "10.0.0.7"
        assert entry in queries.activity_history(world.activity)

    def test_a_change_raises_the_version_and_keeps_before_and_after(self, world: World) -> None:
        first = save(world)
        second = save(
            world,
            role="directeur",
            values={"status_override": "behind", "override_reason": "Partner haakte af."},
            expected_version=first.version,
        )
        assert second.pk == first.pk and second.version == 2
        assert second.narrative == "Drie bijeenkomsten gehouden."  # not in values: kept
        assert second.updated_by == world.users["directeur"]
        latest = AuditEntry.objects.filter(action="quarter_report.save").order_by("-id").first()
        assert latest is not None
        assert latest.changes == {
            "status_override": ["", "behind"],
            "override_reason": ["", "Partner haakte af."],
        }

    def test_an_override_needs_its_reason(self, world: World) -> None:
        with pytest.raises(ValidationError) as caught:
            save(world, values={"status_override": "on_track", "override_reason": "  "})
        assert "override_reason" in messages_of(caught.value)
        assert not QuarterReport.objects.exists()
        assert not AuditEntry.objects.filter(action="quarter_report.save").exists()

    @pytest.mark.parametrize("status", ["no_target", "excellent"])
    def test_it_refuses_statuses_that_are_no_judgement(self, world: World, status: str) -> None:
        with pytest.raises(ValidationError) as caught:
            save(world, values={"status_override": status, "override_reason": "Omdat."})
        assert "status_override" in messages_of(caught.value)

    def test_removing_the_override_removes_its_reason(self, world: World) -> None:
        first = save(
            world, values={"status_override": "behind", "override_reason": "Partner haakte af."}
        )
        second = save(
            world,
            values={"status_override": "", "override_reason": "Partner haakte af."},
            expected_version=first.version,
        )
        assert (second.status_override, second.override_reason) == ("", "")

    def test_a_save_on_an_outdated_version_is_a_conflict(self, world: World) -> None:
        first = save(world)
        save(world, values={"narrative": "Bijgewerkt"}, expected_version=first.version)
        with pytest.raises(ConflictError) as caught:
            save(world, values={"narrative": "Mijn versie"}, expected_version=first.version)
        assert caught.value.current.narrative == "Bijgewerkt"
        assert QuarterReport.objects.get().narrative == "Bijgewerkt"

    def test_a_quarter_written_meanwhile_is_a_conflict_too(self, world: World) -> None:
        save(world, role="directeur")
        with pytest.raises(ConflictError, match="stale version"):
            save(world, values={"narrative": "Ook geschreven"}, expected_version=0)

    def test_a_save_that_changes_nothing_writes_nothing(self, world: World) -> None:
        first = save(world)
        again = save(world, expected_version=99)
        assert again.version == first.version
        assert AuditEntry.objects.filter(action="quarter_report.save").count() == 1

    def test_an_empty_first_save_is_refused(self, world: World) -> None:
        with pytest.raises(ValidationError) as caught:
            save(world, values={"narrative": " ", "risks": ""})
        assert "narrative" in messages_of(caught.value)
        assert not QuarterReport.objects.exists()

    @pytest.mark.parametrize("quarter", [0, 5])
    def test_a_quarter_is_one_to_four(self, world: World, quarter: int) -> None:
        with pytest.raises(ValidationError, match="Een kwartaal is 1, 2, 3 of 4"):
            save(world, quarter=quarter)

    def test_a_quarter_that_has_not_begun_is_refused(self, world: World) -> None:
        future = ActivityFactory(programme=world.programme, year=timezone.localdate().year + 1)
        with pytest.raises(ValidationError) as caught:
            save(world, activity=future, quarter=1)
        assert "narrative" in messages_of(caught.value)

    def test_not_begun_counts_from_the_installations_reference_date(
        self, world: World, settings: Any
    ) -> None:
        settings.REFERENCE_DATE = "2021-05-15"  # as the demo pretends a day of 2021 is today
        with pytest.raises(ValidationError) as caught:
            save(world, quarter=3)
        assert "narrative" in messages_of(caught.value)
        save(world, quarter=2)
        assert QuarterReport.objects.get().quarter == 2

    def test_it_is_refused_once_the_year_is_accounted_for(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.ACCOUNTED
        world.annual_plan.save()
        with pytest.raises(ValidationError) as caught:
            save(world)
        assert "narrative" in messages_of(caught.value)
        assert not QuarterReport.objects.exists()

    def test_a_frozen_but_not_accounted_plan_still_takes_progress(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.ADOPTED
        world.annual_plan.save()
        assert save(world).pk

    @pytest.mark.parametrize(
        "role", ["medewerker", "bedrijfsvoering", "beheerder", "toezicht", "opdrachtgever"]
    )
    def test_only_the_coordinator_and_the_director_write_progress(
        self, world: World, role: str
    ) -> None:
        with pytest.raises(PermissionDenied):
            save(world, role=role)
        assert not QuarterReport.objects.exists()

    def test_a_coordinator_cannot_write_for_another_programme(self, world: World) -> None:
        other = ActivityFactory(programme=world.unfunded_programme)
        with pytest.raises(PermissionDenied):
            save(world, activity=other)

    def test_unknown_fields_are_a_programming_error(self, world: World) -> None:
        with pytest.raises(ValueError, match="updated_by"):
            save(world, values={"updated_by": "x"})


class TestQuarterReportsSave:
    def test_a_page_is_saved_whole_or_not_at_all(self, world: World) -> None:
        second = ActivityFactory(programme=world.programme, line=world.activity.line)
        entries = [
            QuarterReportEntry(world.activity, {"narrative": "Goed verlopen."}, 0),
            QuarterReportEntry(second, {"status_override": "behind", "override_reason": ""}, 0),
        ]
        with pytest.raises(QuarterReportsRefused) as caught:
            services.quarter_reports_save(
                actor=world.users["programmacoordinator"], quarter=1, entries=entries
            )
        assert set(caught.value.errors) == {second.pk}
        assert not QuarterReport.objects.exists()
        assert not AuditEntry.objects.filter(action="quarter_report.save").exists()

    def test_it_saves_every_entry(self, world: World) -> None:
        second = ActivityFactory(programme=world.programme, line=world.activity.line)
        saved = services.quarter_reports_save(
            actor=world.users["directeur"],
            quarter=1,
            entries=[
                QuarterReportEntry(world.activity, {"narrative": "Goed verlopen."}, 0),
                QuarterReportEntry(second, {"risks": "Ziekte."}, 0),
            ],
        )
        assert {update.activity_id for update in saved} == {world.activity.pk, second.pk}


class TestActivityStatus:
    @pytest.mark.parametrize(
        ("statuses", "expected"),
        [
            ([], Status.NO_TARGET),
            (["no_target"], Status.NO_TARGET),
            (["achieved", "achieved", "no_target"], Status.ACHIEVED),
            (["achieved", "open"], Status.OPEN),
            (["achieved", "on_track", "open"], Status.ON_TRACK),
            (["on_track", "behind", "achieved"], Status.BEHIND),
        ],
    )
    def test_the_furthest_behind_indicator_decides(
        self, statuses: list[str], expected: Status
    ) -> None:
        assert activity_status(statuses) == expected


class TestReadSide:
    def test_quarter_reports_is_one_query_for_many_activities(self, world: World) -> None:
        others = [ActivityFactory(programme=world.programme) for _ in range(5)]
        for activity in [world.activity, *others]:
            save(world, activity=activity, quarter=3)
        save(world, quarter=2)  # another quarter: not asked for
        ids = [world.activity.pk, *(a.pk for a in others), world.other_activity.pk]
        with CaptureQueriesContext(connection) as captured:
            found = queries.quarter_reports(ids, 2021, 3)
            narratives = {update.narrative for update in found.values()}
            writers = {update.updated_by.username for update in found.values()}
        assert len(captured) == 1
        assert set(found) == {world.activity.pk, *(a.pk for a in others)}
        assert all(update.quarter == 3 for update in found.values())
        assert narratives == {"Drie bijeenkomsten gehouden."}
        assert writers == {"programmacoordinator"}

    def test_quarter_reports_holds_only_the_given_year(self, world: World) -> None:
        save(world, quarter=1)
        assert queries.quarter_reports([world.activity.pk], 2022, 1) == {}

    def test_the_latest_report_is_that_of_the_last_quarter_begun(self, world: World) -> None:
        save(world, quarter=1, values={"narrative": "Q1"})
        save(world, quarter=3, values={"narrative": "Q3"})
        latest = queries.latest_quarter_report
        assert latest(world.activity, dt.date(2021, 5, 1)).narrative == "Q1"  # type: ignore[union-attr]
        assert latest(world.activity, dt.date(2021, 8, 1)).narrative == "Q3"  # type: ignore[union-attr]
        assert latest(world.activity, dt.date(2022, 2, 1)).narrative == "Q3"  # type: ignore[union-attr]
        assert latest(world.activity, dt.date(2020, 12, 1)) is None
