"""Preparing a report and its sign-off: four eyes, the director's signature, and the
snapshot kept when it is sent, against which later corrections show as differences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.core.models import AuditEntry
from koers.reports import queries, services
from koers.reports.checksum import checksum
from koers.reports.models import JobStatus, ReportDocument, ReportSnapshot, ReportStatus
from tests.plans.factories import RealisationFactory
from tests.reports.conftest import docx_text, xlsx_sheets

S = ReportStatus


def prepare(world: Any, role: str = "bedrijfsvoering", **kwargs: Any) -> Any:
    values = {"kind": "progress", "year": 2021, "quarter": 3, **kwargs}
    return services.report_prepare(actor=world.users[role], plan=world.plan, **values)


def signed(world: Any) -> Any:
    report = prepare(world)
    report = services.report_review(actor=world.users["directeur"], report=report)
    return services.report_sign(actor=world.users["directeur"], report=report)


def test_a_prepared_report_covers_what_its_recipient_funds(world: Any) -> None:
    report = prepare(world)
    assert (report.status, report.recipient, report.title) == (
        S.PREPARED,
        world.province,
        "Voortgangsrapportage Q3 2021",
    )
    assert AuditEntry.objects.filter(action="report.created").count() == 1


def test_a_funder_of_no_programme_gets_no_report(world: Any) -> None:
    from tests.directory.factories import FunderFactory

    with pytest.raises(ValidationError, match="geen van de programma"):
        prepare(world, recipient=FunderFactory(name="Fonds"))


def test_an_accountability_covers_only_the_grants_programmes_its_funder_funds(
    world: Any,
) -> None:
    """Regio+'s grant pays for the province's programme too: her report holds only the
    programme that lists her as funder, and a grant for none of hers is refused."""
    from koers.reports import content
    from tests.funding.factories import GrantFactory

    grant = GrantFactory(organisation=world.own, funder=world.regio)
    grant.programmes.add(world.programme)
    with pytest.raises(ValidationError, match="financier van die programma") as refused:
        prepare(world, kind="accountability", grant=grant)
    assert list(refused.value.message_dict) == ["grant"]
    grant.programmes.add(world.unfunded_programme)
    report = prepare(world, kind="accountability", grant=grant)
    names = [section["name"] for section in content.build(report)["programmes"]]
    assert names == [world.unfunded_programme.name]


def test_a_progress_report_is_for_a_quarter_of_the_plan(world: Any) -> None:
    with pytest.raises(ValidationError, match="Een voortgangsrapportage gaat over een kwartaal"):
        prepare(world, quarter=None)
    with pytest.raises(ValidationError, match="Het plan loopt van 2021 tot en met 2024"):
        prepare(world, year=2030)


@pytest.mark.parametrize("role", ["medewerker", "toezicht", "opdrachtgever", "outsider"])
def test_only_those_who_report_prepare_one(world: Any, role: str) -> None:
    with pytest.raises(PermissionDenied):
        prepare(world, role=role)


def test_the_preparer_does_not_review_her_own_report(world: Any) -> None:
    report = prepare(world, role="directeur")
    with pytest.raises(ValidationError, match="iemand anders"):
        services.report_review(actor=world.users["directeur"], report=report)
    reviewed = services.report_review(actor=world.users["bedrijfsvoering"], report=report)
    assert (reviewed.status, reviewed.reviewed_by) == (S.REVIEWED, world.users["bedrijfsvoering"])


def test_only_the_director_signs_and_only_after_review(world: Any) -> None:
    report = prepare(world)
    with pytest.raises(ValidationError, match="De rapportage is opgesteld; deze stap kan"):
        services.report_sign(actor=world.users["directeur"], report=report)
    report = services.report_review(actor=world.users["programmacoordinator"], report=report)
    with pytest.raises(PermissionDenied):
        services.report_sign(actor=world.users["bedrijfsvoering"], report=report)
    signed_report = services.report_sign(actor=world.users["directeur"], report=report)
    assert (signed_report.status, signed_report.signed_by) == (S.SIGNED, world.users["directeur"])


def test_an_unsigned_report_is_not_sent(world: Any) -> None:
    report = prepare(world)
    with pytest.raises(ValidationError, match="De rapportage is opgesteld; deze stap kan"):
        services.report_send(actor=world.users["directeur"], report=report)
    assert not ReportSnapshot.objects.exists()


def test_taking_back_undoes_review_and_signature(world: Any) -> None:
    report = signed(world)
    with pytest.raises(ValidationError, match="Geef aan waarom de rapportage teruggaat"):
        services.report_reopen(actor=world.users["directeur"], report=report, reason=" ")
    back = services.report_reopen(
        actor=world.users["directeur"], report=report, reason="Cijfer fout"
    )
    assert (back.status, back.reviewed_by, back.signed_by) == (S.PREPARED, None, None)


def test_sending_keeps_a_snapshot_and_its_documents(
    realised: Any, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> None:
    world = realised
    report = signed(world)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.report_send(actor=world.users["directeur"], report=report)
    assert (sent.status, sent.sent_by) == (S.SENT, world.users["directeur"])
    snapshot = sent.snapshot
    assert snapshot.sha256 == checksum(snapshot.content)
    [item] = snapshot.content["programmes"][0]["lines"][0]["activities"][0]["outputs"]
    assert (item["target"], item["realised"]) == ("7", "2")
    documents = ReportDocument.objects.filter(snapshot=snapshot)
    assert sorted(d.format for d in documents) == ["docx", "pdf", "xlsx"]
    assert {d.status for d in documents} == {JobStatus.DONE}
    assert all(len(d.sha256) == 64 for d in documents)


def test_a_correction_after_sending_shows_as_a_difference_and_leaves_the_snapshot(
    realised: Any, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> None:
    world = realised
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.report_send(actor=world.users["directeur"], report=signed(world))
    kept = dict(sent.snapshot.content)
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 9, 2), value=Decimal(1))

    now = queries.current_content(sent)
    changes = queries.differences(sent.snapshot.content, now)
    realised_change = [c for c in changes if c.field == "realised"]
    assert [(c.sent, c.now) for c in realised_change] == [("2", "3")]

    sent.snapshot.refresh_from_db()
    assert sent.snapshot.content == kept
    word = ReportDocument.objects.get(snapshot=sent.snapshot, format="docx")
    with word.file.open("rb") as handle:
        text = docx_text(handle.read())
    assert "7 thematische netwerkbijeenkomsten" in text
    excel = ReportDocument.objects.get(snapshot=sent.snapshot, format="xlsx")
    with excel.file.open("rb") as handle:
        rows = xlsx_sheets(handle.read())["Prestatie-indicatoren"]
    last_quarter = [r for r in rows[1:] if r[7] == "Q3 2021"]
    assert [r[10] for r in last_quarter] == [2]  # the snapshot's figure, not today's 3


def test_nothing_changes_a_sent_report(world: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        sent = services.report_send(actor=world.users["directeur"], report=signed(world))
    for step in (services.report_review, services.report_sign, services.report_send):
        with pytest.raises(ValidationError, match="De rapportage is verzonden; deze stap kan"):
            step(actor=world.users["directeur"], report=sent)
    with pytest.raises(ValidationError, match="Alleen een beoordeelde of ondertekende rapportage"):
        services.report_reopen(actor=world.users["directeur"], report=sent, reason="Toch niet")


def test_an_evaluations_questions_are_kept_with_its_answers(world: Any) -> None:
    report = prepare(
        world,
        kind="evaluation",
        last_year=2022,
        questions=[
            "Levert CMO wat het meerjarenplan belooft?",
            " ",
            "Hoe verloopt de samenwerking?",
        ],
    )
    assert [q.question for q in report.questions.all()] == [
        "Levert CMO wat het meerjarenplan belooft?",
        "Hoe verloopt de samenwerking?",
    ]
    services.questions_save(
        actor=world.users["directeur"],
        report=report,
        questions=[("Levert CMO wat het meerjarenplan belooft?", "Grotendeels: zie de cijfers.")],
    )
    assert list(report.questions.values_list("answer", flat=True)) == [
        "Grotendeels: zie de cijfers."
    ]
    assert report.title == "Evaluatiedossier 2021–2022"


def test_a_report_sent_before_its_period_ended_compares_at_its_own_date(
    realised: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world = realised
    settings.REFERENCE_DATE = "2021-08-20"  # Q3 running: counted to 20 August
    with django_capture_on_commit_callbacks(execute=False):
        sent = services.report_send(actor=world.users["directeur"], report=signed(world))
    [item] = sent.snapshot.content["programmes"][0]["lines"][0]["activities"][0]["outputs"]
    assert item["realised"] == "1"
    settings.REFERENCE_DATE = "2021-10-15"  # later: the 26 August meeting is no correction
    assert [
        c
        for c in queries.differences(sent.snapshot.content, queries.content_since_sent(sent))
        if c.field == "realised"
    ] == []
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 8, 10), value=Decimal(1))
    changes = queries.differences(sent.snapshot.content, queries.content_since_sent(sent))
    assert [(c.sent, c.now) for c in changes if c.field == "realised"] == [("1", "2")]
