import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.core.versioning import ConflictError
from koers.plans import services
from koers.plans.models import (
    Activity,
    Amendment,
    AmendmentStatus,
    AnnualPlanEvent,
    AnnualPlanStatus,
    Realisation,
    Target,
)
from koers.plans.services import realisations
from tests.accounts.factories import MembershipFactory
from tests.conftest import World
from tests.directory.factories import FunderFactory
from tests.plans.factories import IndicatorFactory, TargetFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def record(world: World, role: str = "programmacoordinator", **overrides):  # type: ignore[no-untyped-def]
    values = {
        "actor": world.users[role],
        "indicator": world.indicator,
        "date": dt.date(2021, 9, 20),
        "value": Decimal(1),
    }
    values.update(overrides)
    return services.realisation_record(**values)


class TestRealisationRecord:
    def test_it_records_with_evidence_and_audits(self, world: World) -> None:
        upload = SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf")
        realisation = record(world, evidence_file=upload, evidence_url="https://example.org/v")
        assert realisation.evidence_file.name.startswith("evidence/2021/")
        entry = AuditEntry.objects.get(action="realisation.record")
        assert entry.actor == world.users["programmacoordinator"]
        assert entry.context == f"plans.activity:{world.activity.pk}"
        assert entry.changes["value"] == [None, "1"]

    @pytest.mark.parametrize(
        ("unit", "value", "field_message"),
        [
            ("count", Decimal(-1), "negatief"),
            ("count", Decimal("1.5"), "geheel getal"),
            ("percentage", Decimal(101), "boven de 100"),
            ("milestone", Decimal(2), "1 of 0"),
            ("hours", Decimal("1.234"), "twee decimalen"),
        ],
    )
    def test_it_refuses_values_the_unit_cannot_hold(
        self, world: World, unit: str, value: Decimal, field_message: str
    ) -> None:
        world.indicator.unit = unit
        world.indicator.save()
        with pytest.raises(ValidationError) as caught:
            record(world, value=value)
        assert field_message in " ".join(caught.value.message_dict["value"])
        assert not Realisation.objects.exists()
        assert not AuditEntry.objects.exists()

    def test_it_refuses_a_date_outside_the_plan_period(self, world: World) -> None:
        with pytest.raises(ValidationError) as caught:
            record(world, date=dt.date(2019, 5, 1))
        assert "buiten de planperiode" in caught.value.message_dict["date"][0]

    def test_it_refuses_a_date_in_another_year_than_the_activity(self, world: World) -> None:
        with pytest.raises(ValidationError) as caught:
            record(world, date=dt.date(2022, 2, 1))
        assert "jaarplan van 2021" in caught.value.message_dict["date"][0]

    def test_it_refuses_a_future_date(self, world: World, settings) -> None:  # type: ignore[no-untyped-def]
        world.plan.end_year = 2099
        world.plan.save()
        world.activity.year = 2099
        world.activity.save()
        with pytest.raises(ValidationError) as caught:
            record(world, date=dt.date(2099, 1, 1))
        assert "toekomst" in caught.value.message_dict["date"][0]

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("script.exe", b"MZ", "niet toegestaan"),
            ("fake.pdf", b"<html>", "komt niet overeen"),
            ("fake.docx", b"not a zip", "komt niet overeen"),
        ],
    )
    def test_it_refuses_evidence_that_is_not_an_allowed_document(
        self, world: World, name: str, content: bytes, message: str
    ) -> None:
        upload = SimpleUploadedFile(name, content)
        with pytest.raises(ValidationError) as caught:
            record(world, evidence_file=upload)
        assert message in caught.value.message_dict["evidence_file"][0]
        assert not Realisation.objects.exists()

    def test_it_refuses_evidence_over_the_size_limit(self, world: World, settings) -> None:  # type: ignore[no-untyped-def]
        settings.MAX_UPLOAD_MB = 1
        upload = SimpleUploadedFile("groot.pdf", PDF + b"0" * (1024 * 1024))
        with pytest.raises(ValidationError) as caught:
            record(world, evidence_file=upload)
        assert "groter dan 1 MB" in caught.value.message_dict["evidence_file"][0]

    @pytest.mark.parametrize("role", ["opdrachtgever", "toezicht", "beheerder", "outsider"])
    def test_read_only_and_foreign_roles_cannot_record(self, world: World, role: str) -> None:
        with pytest.raises(PermissionDenied):
            record(world, role=role)

    def test_a_coordinator_cannot_record_outside_her_programmes(self, world: World) -> None:
        foreign = IndicatorFactory(activity__programme=world.unfunded_programme)
        with pytest.raises(PermissionDenied):
            record(world, indicator=foreign)

    def test_a_medewerker_can_record_in_any_programme_of_her_organisation(
        self, world: World
    ) -> None:
        foreign = IndicatorFactory(activity__programme=world.unfunded_programme)
        assert record(world, role="medewerker", indicator=foreign).pk

    def test_a_failure_halfway_leaves_no_rows(self, world: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        def explode(**kwargs):  # type: ignore[no-untyped-def]
            raise RuntimeError("audit store down")

        monkeypatch.setattr(realisations, "audit_write", explode)
        with pytest.raises(RuntimeError, match="audit store down"):
            record(world)
        assert not Realisation.objects.exists()


class TestRealisationDelete:
    def test_the_recorder_may_delete_and_the_values_stay_in_the_audit(self, world: World) -> None:
        realisation = record(world, role="medewerker")
        services.realisation_delete(actor=world.users["medewerker"], realisation=realisation)
        assert not Realisation.objects.exists()
        entry = AuditEntry.objects.get(action="realisation.delete")
        assert entry.changes["value"] == ["1", None]

    def test_another_medewerker_may_not(self, world: World) -> None:
        realisation = record(world, role="programmacoordinator")
        with pytest.raises(PermissionDenied):
            services.realisation_delete(actor=world.users["medewerker"], realisation=realisation)


class TestTargetSet:
    def test_it_sets_a_phased_target(self, world: World) -> None:
        target = services.target_set(
            actor=world.users["programmacoordinator"],
            indicator=world.indicator,
            year=2021,
            value=Decimal(8),
            q1=Decimal(1),
            q2=Decimal(3),
            q3=Decimal(5),
            expected_version=world.target.version,
        )
        assert (target.value, target.phasing) == (
            Decimal(8),
            (Decimal(1), Decimal(3), Decimal(5), Decimal(8)),
        )
        assert target.version == 2

    def test_it_refuses_a_target_on_a_frozen_annual_plan(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.SUBMITTED
        world.annual_plan.save()
        with pytest.raises(ValidationError) as caught:
            services.target_set(
                actor=world.users["directeur"],
                indicator=world.indicator,
                year=2021,
                value=Decimal(9),
            )
        assert "bevroren" in caught.value.message_dict["value"][0]
        assert Target.objects.get(pk=world.target.pk).value == Decimal(7)

    def test_it_refuses_phasing_that_does_not_rise(self, world: World) -> None:
        with pytest.raises(
            ValidationError, match="De geplande waarden moeten per kwartaal oplopen"
        ):
            services.target_set(
                actor=world.users["directeur"],
                indicator=world.indicator,
                year=2021,
                value=Decimal(7),
                q1=Decimal(5),
                q2=Decimal(2),
                q3=Decimal(6),
            )

    def test_a_stale_version_is_a_conflict(self, world: World) -> None:
        with pytest.raises(ConflictError, match="stale version"):
            services.target_set(
                actor=world.users["directeur"],
                indicator=world.indicator,
                year=2021,
                value=Decimal(9),
                expected_version=world.target.version - 1,
            )


class TestActivityUpdate:
    def test_it_updates_and_bumps_the_version(self, world: World) -> None:
        updated = services.activity_update(
            actor=world.users["programmacoordinator"],
            activity=world.activity,
            changes={"title": "Nieuwe titel"},
            expected_version=1,
        )
        assert (updated.title, updated.version) == ("Nieuwe titel", 2)
        entry = AuditEntry.objects.get(action="activity.update")
        assert entry.changes["title"][1] == "Nieuwe titel"

    def test_the_second_of_two_concurrent_saves_gets_a_conflict(self, world: World) -> None:
        services.activity_update(
            actor=world.users["directeur"],
            activity=world.activity,
            changes={"title": "Eerste"},
            expected_version=1,
        )
        with pytest.raises(ConflictError) as caught:
            services.activity_update(
                actor=world.users["programmacoordinator"],
                activity=world.activity,
                changes={"title": "Tweede"},
                expected_version=1,
            )
        assert caught.value.current.title == "Eerste"
        assert Activity.objects.get(pk=world.activity.pk).title == "Eerste"

    def test_texts_are_frozen_after_submission_but_status_is_not(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.ADOPTED
        world.annual_plan.save()
        with pytest.raises(
            ValidationError, match="Het jaarplan 2021 is vastgesteld: de streefwaarden"
        ):
            services.activity_update(
                actor=world.users["directeur"],
                activity=world.activity,
                changes={"description": "Anders"},
                expected_version=1,
            )
        updated = services.activity_update(
            actor=world.users["directeur"],
            activity=world.activity,
            changes={"status": "completed"},
            expected_version=1,
        )
        assert updated.status == "completed"


class TestAnnualPlanWorkflow:
    def test_the_full_cycle(self, world: World) -> None:
        plan = world.annual_plan
        director, funder = world.users["directeur"], world.users["opdrachtgever"]
        for actor, step in [
            (director, AnnualPlanStatus.ADVICE),
            (director, AnnualPlanStatus.SUBMITTED),
            (funder, AnnualPlanStatus.ADOPTED),
            (director, AnnualPlanStatus.ACCOUNTED),
        ]:
            plan = services.annual_plan_transition(actor=actor, annual_plan=plan, to_status=step)
        assert plan.status == AnnualPlanStatus.ACCOUNTED
        assert AnnualPlanEvent.objects.filter(annual_plan=plan).count() == 4

    def test_only_the_funder_adopts(self, world: World) -> None:
        plan = services.annual_plan_transition(
            actor=world.users["directeur"],
            annual_plan=world.annual_plan,
            to_status=AnnualPlanStatus.SUBMITTED,
        )
        with pytest.raises(PermissionDenied):
            services.annual_plan_transition(
                actor=world.users["directeur"], annual_plan=plan, to_status=AnnualPlanStatus.ADOPTED
            )

    def test_a_funder_of_nothing_in_the_plan_cannot_decide(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.SUBMITTED
        world.annual_plan.save()
        stranger = MembershipFactory(
            organisation=FunderFactory(name="Fonds"), role=Role.OPDRACHTGEVER
        ).user
        with pytest.raises(PermissionDenied):
            services.annual_plan_transition(
                actor=stranger,
                annual_plan=world.annual_plan,
                to_status=AnnualPlanStatus.ADOPTED,
            )

    def test_skipping_steps_is_refused(self, world: World) -> None:
        with pytest.raises(ValidationError, match="Een jaarplan met de status concept kan niet"):
            services.annual_plan_transition(
                actor=world.users["directeur"],
                annual_plan=world.annual_plan,
                to_status=AnnualPlanStatus.ACCOUNTED,
            )

    def test_the_advisory_board_comments_while_under_advice(self, world: World) -> None:
        with pytest.raises(ValidationError, match="Opmerkingen plaatsen kan alleen zolang het"):
            services.advisory_comment_add(
                actor=world.users["toezicht"], annual_plan=world.annual_plan, text="Te vroeg"
            )
        plan = services.annual_plan_transition(
            actor=world.users["directeur"],
            annual_plan=world.annual_plan,
            to_status=AnnualPlanStatus.ADVICE,
        )
        comment = services.advisory_comment_add(
            actor=world.users["toezicht"], annual_plan=plan, text="Meer aandacht voor Urk."
        )
        assert comment.author == world.users["toezicht"]
        with pytest.raises(PermissionDenied):
            services.advisory_comment_add(
                actor=world.users["medewerker"], annual_plan=plan, text="Mag niet"
            )


class TestAmendments:
    @pytest.fixture
    def frozen(self, world: World) -> World:
        world.annual_plan.status = AnnualPlanStatus.ADOPTED
        world.annual_plan.save()
        return world

    def test_a_target_amendment_is_applied_on_approval(self, frozen: World) -> None:
        amendment = services.amendment_propose(
            actor=frozen.users["programmacoordinator"],
            activity=frozen.activity,
            field="target",
            target=frozen.target,
            new_value="6",
            reason="Eén thema gaat op in een ander.",
        )
        assert (amendment.old_value, amendment.new_value) == ("7", "6")
        decided = services.amendment_decide(
            actor=frozen.users["opdrachtgever"], amendment=amendment, approve=True
        )
        assert decided.status == AmendmentStatus.APPROVED
        assert Target.objects.get(pk=frozen.target.pk).value == Decimal(6)

    def test_a_rejected_text_amendment_changes_nothing_and_keeps_both_versions(
        self, frozen: World
    ) -> None:
        amendment = services.amendment_propose(
            actor=frozen.users["directeur"],
            activity=frozen.activity,
            field="description",
            new_value="Iets heel anders.",
            reason="Actualiteit.",
        )
        with pytest.raises(
            ValidationError, match="Leg uit waarom het wijzigingsvoorstel wordt"
        ):  # a rejection needs a reason
            services.amendment_decide(
                actor=frozen.users["opdrachtgever"], amendment=amendment, approve=False
            )
        services.amendment_decide(
            actor=frozen.users["opdrachtgever"],
            amendment=amendment,
            approve=False,
            note="Past niet bij de beschikking.",
        )
        stored = Amendment.objects.get(pk=amendment.pk)
        assert stored.status == AmendmentStatus.REJECTED
        assert stored.old_value == "Netwerkbijeenkomsten organiseren."
        assert Activity.objects.get(pk=frozen.activity.pk).description == stored.old_value

    def test_the_funder_of_another_programme_cannot_decide(self, frozen: World) -> None:
        amendment = services.amendment_propose(
            actor=frozen.users["directeur"],
            activity=frozen.activity,
            field="title",
            new_value="Nieuwe titel",
            reason="Helderder.",
        )
        with pytest.raises(PermissionDenied):
            services.amendment_decide(
                actor=frozen.users["regio"], amendment=amendment, approve=True
            )

    def test_no_amendment_on_an_unfrozen_plan(self, world: World) -> None:
        with pytest.raises(
            ValidationError, match="Het jaarplan is niet bevroren: wijzig de activiteit"
        ):
            services.amendment_propose(
                actor=world.users["directeur"],
                activity=world.activity,
                field="title",
                new_value="X",
                reason="Y",
            )

    def test_a_target_amendment_is_validated_like_a_value(self, frozen: World) -> None:
        with pytest.raises(ValidationError) as caught:
            services.amendment_propose(
                actor=frozen.users["directeur"],
                activity=frozen.activity,
                field="target",
                target=frozen.target,
                new_value="6,5",
                reason="Y",
            )
        assert "new_value" in caught.value.message_dict

    def test_another_activitys_target_is_refused(self, frozen: World) -> None:
        stranger = TargetFactory(indicator__activity__programme=frozen.programme)
        with pytest.raises(ValidationError, match="Kies de streefwaarde die je wilt wijzigen"):
            services.amendment_propose(
                actor=frozen.users["directeur"],
                activity=frozen.activity,
                field="target",
                target=stranger,
                new_value="3",
                reason="Y",
            )
