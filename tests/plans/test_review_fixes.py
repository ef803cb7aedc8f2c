"""Rules sharpened after review: who adopts, when amendments can be decided, lost updates,
accounted years, derived indicators, and evidence files that must not outlive their row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.core.versioning import ConflictError
from koers.plans import access, services
from koers.plans.models import (
    AmendmentStatus,
    AnnualPlanStatus,
    Decision,
    Realisation,
    Source,
    Target,
)
from koers.plans.services import realisations as realisation_services
from tests.confirming import post_confirmed
from tests.conftest import World
from tests.plans.factories import IndicatorFactory, RealisationFactory

PDF = b"%PDF-1.4\n%%EOF\n"


def set_status(world: World, status: str) -> None:
    world.annual_plan.status = status
    world.annual_plan.save()


def uploads() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


class TestWhoAdopts:
    def test_a_funder_of_one_programme_cannot_adopt_the_plan(self, world: World) -> None:
        set_status(world, AnnualPlanStatus.SUBMITTED)
        assert access.allowed_transitions(world.users["regio"], world.annual_plan) == []
        with pytest.raises(PermissionDenied):
            services.annual_plan_transition(
                actor=world.users["regio"],
                annual_plan=world.annual_plan,
                to_status=AnnualPlanStatus.ADOPTED,
            )

    def test_the_adopting_funder_can(self, world: World) -> None:
        set_status(world, AnnualPlanStatus.SUBMITTED)
        plan = services.annual_plan_transition(
            actor=world.users["opdrachtgever"],
            annual_plan=world.annual_plan,
            to_status=AnnualPlanStatus.ADOPTED,
        )
        assert plan.status == AnnualPlanStatus.ADOPTED


class TestAmendmentDecisions:
    @pytest.fixture
    def proposal(self, world: World):  # type: ignore[no-untyped-def]
        set_status(world, AnnualPlanStatus.ADOPTED)
        return services.amendment_propose(
            actor=world.users["directeur"],
            activity=world.activity,
            field="target",
            target=world.target,
            new_value="8",
            reason="Extra thema",
        )

    def test_an_accounted_plan_lapses_its_pending_amendments(self, world: World, proposal) -> None:  # type: ignore[no-untyped-def]
        services.annual_plan_transition(
            actor=world.users["directeur"],
            annual_plan=world.annual_plan,
            to_status=AnnualPlanStatus.ACCOUNTED,
        )
        proposal.refresh_from_db()
        assert proposal.status == AmendmentStatus.WITHDRAWN
        with pytest.raises(ValidationError, match="Over dit wijzigingsvoorstel is al besloten"):
            services.amendment_decide(
                actor=world.users["opdrachtgever"], amendment=proposal, approve=True
            )
        assert Target.objects.get(pk=world.target.pk).value == Decimal(7)

    def test_a_stale_proposal_cannot_be_approved(self, world: World, proposal) -> None:  # type: ignore[no-untyped-def]
        rival = services.amendment_propose(
            actor=world.users["directeur"],
            activity=world.activity,
            field="target",
            target=world.target,
            new_value="9",
            reason="Nog een thema",
        )
        services.amendment_decide(actor=world.users["opdrachtgever"], amendment=rival, approve=True)
        with pytest.raises(ValidationError) as caught:
            services.amendment_decide(
                actor=world.users["opdrachtgever"], amendment=proposal, approve=True
            )
        assert "“7”" in caught.value.messages[0] and "“9”" in caught.value.messages[0]
        assert Target.objects.get(pk=world.target.pk).value == Decimal(9)


class TestLostUpdates:
    def test_a_target_created_meanwhile_is_a_conflict(self, world: World) -> None:
        fresh = IndicatorFactory(activity=world.activity)
        services.target_set(
            actor=world.users["directeur"],
            indicator=fresh,
            year=2021,
            value=Decimal(3),
            expected_version=0,
        )
        with pytest.raises(ConflictError, match="stale version"):
            services.target_set(
                actor=world.users["programmacoordinator"],
                indicator=fresh,
                year=2021,
                value=Decimal(4),
                expected_version=0,
            )
        assert Target.objects.get(indicator=fresh).value == Decimal(3)

    def test_the_target_form_requires_its_version(self, world: World) -> None:
        response = world.client("directeur").post(
            reverse("plans:target_edit", args=[world.indicator.pk]), {"value": "9"}
        )
        assert response.status_code == 400
        assert Target.objects.get(pk=world.target.pk).value == Decimal(7)

    def test_a_stale_go_no_go_decision_is_a_conflict(self, world: World) -> None:
        url = reverse("plans:activity_decision", args=[world.activity.pk])
        form = {
            "decision": Decision.GO,
            "decision_date": "2021-05-01",
            "decision_reason": "Draagvlak",
            "version": "1",
        }
        assert world.client("directeur").post(url, form).status_code == 302
        second = world.client("programmacoordinator").post(
            url, {**form, "decision": Decision.NO_GO, "decision_reason": "Geen draagvlak"}
        )
        assert second.status_code == 409
        world.activity.refresh_from_db()
        assert world.activity.decision == Decision.GO


class TestFrozenResults:
    def test_an_accounted_year_takes_no_more_realisations(self, world: World) -> None:
        realisation = RealisationFactory(indicator=world.indicator)
        set_status(world, AnnualPlanStatus.ACCOUNTED)
        with pytest.raises(ValidationError, match="Het jaar 2021 is verantwoord; de resultaten"):
            services.realisation_record(
                actor=world.users["directeur"],
                indicator=world.indicator,
                date=dt.date(2021, 5, 1),
                value=Decimal(1),
            )
        with pytest.raises(ValidationError, match="Het jaar 2021 is verantwoord; de resultaten"):
            services.realisation_delete(actor=world.users["directeur"], realisation=realisation)
        assert Realisation.objects.count() == 1

    def test_a_derived_indicator_takes_no_manual_values(self, world: World) -> None:
        world.indicator.source = Source.DERIVED
        world.indicator.measure = "events.count"
        world.indicator.save()
        with pytest.raises(ValidationError, match="Deze indicator wordt afgeleid uit registraties"):
            services.realisation_record(
                actor=world.users["directeur"],
                indicator=world.indicator,
                date=dt.date(2021, 5, 1),
                value=Decimal(1),
            )
        html = (
            world.client("directeur")
            .get(reverse("plans:activity", args=[world.activity.pk]))
            .content.decode()
        )
        assert reverse("plans:realisation_create", args=[world.indicator.pk]) not in html

    def test_the_list_stops_at_the_reference_date(self, world: World) -> None:
        RealisationFactory(indicator=world.indicator, date=dt.date(2021, 2, 1), note="februari")
        RealisationFactory(indicator=world.indicator, date=dt.date(2021, 6, 1), note="juni")
        html = (
            world.client("directeur")
            .get(reverse("plans:activity", args=[world.activity.pk]) + "?peildatum=2021-03-01")
            .content.decode()
        )
        assert "februari" in html and "juni" not in html


class TestEvidenceFiles:
    def test_a_failed_recording_leaves_no_file(self, world: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        def explode(**kwargs):  # type: ignore[no-untyped-def]
            raise RuntimeError("audit store down")

        monkeypatch.setattr(realisation_services, "audit_write", explode)
        with pytest.raises(RuntimeError, match="audit store down"):
            services.realisation_record(
                actor=world.users["directeur"],
                indicator=world.indicator,
                date=dt.date(2021, 5, 1),
                value=Decimal(1),
                evidence_file=SimpleUploadedFile("verslag.pdf", PDF),
            )
        assert uploads() == []

    @pytest.mark.django_db(transaction=True)
    def test_deleting_a_realisation_removes_its_file(self, world: World) -> None:
        realisation = services.realisation_record(
            actor=world.users["directeur"],
            indicator=world.indicator,
            date=dt.date(2021, 5, 1),
            value=Decimal(1),
            evidence_file=SimpleUploadedFile("verslag.pdf", PDF),
        )
        assert len(uploads()) == 1
        services.realisation_delete(actor=world.users["directeur"], realisation=realisation)
        assert uploads() == []


def test_removing_a_realisation_of_an_accounted_year_says_why(world: World) -> None:
    realisation = services.realisation_record(
        actor=world.users["programmacoordinator"],
        indicator=world.indicator,
        date=dt.date(2021, 5, 1),
        value=Decimal(1),
    )
    set_status(world, AnnualPlanStatus.ACCOUNTED)
    client = world.client("programmacoordinator")
    response = post_confirmed(
        client, reverse("plans:realisation_delete", args=[realisation.pk]), follow=True
    )
    assert response.status_code == 200
    assert "verantwoord" in response.content.decode()
    assert Realisation.objects.filter(pk=realisation.pk).exists()
