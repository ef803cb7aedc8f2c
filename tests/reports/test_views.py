"""The reports pages: preparing one, the sign-off through the page, documents made while
she waits or by the worker, and the funder's view — only what was sent to her, as sent,
with what changed since, and no personal data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.reports import services
from koers.reports.models import JobStatus, Report, ReportDocument, ReportStatus
from tests.confirming import post_confirmed
from tests.directory.factories import PersonFactory
from tests.permission_matrix import a_report
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    RealisationFactory,
    TargetFactory,
)
from tests.reports.conftest import docx_text, xlsx_sheets


def test_preparing_a_report_from_the_list(world: Any) -> None:
    client = world.client("bedrijfsvoering")
    response = client.post(
        reverse("reports:reports"),
        {"plan": world.plan.pk, "kind": "progress", "year": 2021, "quarter": 2},
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report", args=[report.pk])
    assert (report.title, report.recipient) == ("Voortgangsrapportage Q2 2021", world.province)


def test_a_report_without_its_quarter_is_refused_on_the_page(world: Any) -> None:
    client = world.client("bedrijfsvoering")
    response = client.post(
        reverse("reports:reports"), {"plan": world.plan.pk, "kind": "progress", "year": 2021}
    )
    assert response.status_code == 400
    assert "kwartaal" in response.content.decode()
    assert not Report.objects.exists()


def test_a_staff_member_without_reporting_rights_sees_no_form(world: Any) -> None:
    response = world.client("medewerker").get(reverse("reports:reports"))
    assert response.status_code == 200
    assert response.context["form"] is None
    refused = world.client("medewerker").post(
        reverse("reports:reports"), {"plan": world.plan.pk, "kind": "annual_plan", "year": 2021}
    )
    assert refused.status_code == 403


def test_the_sign_off_through_the_page(
    realised: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world = realised
    report = a_report(world)
    director, operations = world.client("directeur"), world.client("bedrijfsvoering")
    page = operations.get(reverse("reports:report", args=[report.pk]))
    assert page.context["may_review"] is False  # she prepared it
    page = director.get(reverse("reports:report", args=[report.pk]))
    assert page.context["may_review"] is True and page.context["may_sign"] is False
    director.post(reverse("reports:report_review", args=[report.pk]))
    director.post(reverse("reports:report_sign", args=[report.pk]))
    with django_capture_on_commit_callbacks(execute=False):
        post_confirmed(director, reverse("reports:report_send", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT
    assert (report.reviewed_by, report.signed_by, report.sent_by) == (world.users["directeur"],) * 3


def test_a_stale_page_does_not_sign(world: Any) -> None:
    report = a_report(world, until="reviewed")
    stale = report.version - 1
    response = world.client("directeur").post(
        reverse("reports:report_sign", args=[report.pk]), {"version": stale}, follow=True
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.REVIEWED
    assert response.status_code == 200
    assert "iemand anders" in str([str(m) for m in response.context["messages"]]).lower()


def test_a_short_report_downloads_while_she_waits(realised: Any) -> None:
    report = a_report(realised)
    client = realised.client("programmacoordinator")
    for format in ("docx", "pdf", "xlsx"):
        response = client.get(reverse("reports:report_document", args=[report.pk, format]))
        assert response.status_code == 200
        assert f"concept.{format}" in response["Content-Disposition"]
    word = client.get(reverse("reports:report_document", args=[report.pk, "docx"]))
    assert "7 thematische netwerkbijeenkomsten" in docx_text(b"".join(word.streaming_content))


def test_a_long_document_is_made_by_the_worker_and_followed(
    world: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    report = a_report(world)
    client = world.client("directeur")
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("reports:document_make", args=[report.pk]),
            {"format": "xlsx"},
            headers={"HX-Request": "true"},
        )
    document = ReportDocument.objects.get()
    assert response.status_code == 200
    assert b"<progress" in response.content and b"hx-trigger" in response.content
    from koers.reports.tasks import make_document

    make_document.call(document.pk)
    status = client.get(reverse("reports:document_status", args=[document.pk]))
    assert b"hx-trigger" not in status.content  # done: no more polling
    document.refresh_from_db()
    assert document.status == JobStatus.DONE and document.progress == 100
    download = client.get(reverse("reports:document_download", args=[document.pk]))
    assert "Prestatie-indicatoren" in xlsx_sheets(b"".join(download.streaming_content))


def test_the_funder_sees_only_what_was_sent_to_her(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    prepared = a_report(world, quarter=2)  # Q3 is the sent one: one report per quarter
    with django_capture_on_commit_callbacks(execute=False):
        sent = a_report(world, until="sent")
    province, regio = world.client("opdrachtgever"), world.client("regio")
    listed = province.get(reverse("reports:reports")).context["reports"]
    assert list(listed) == [sent]
    assert province.get(reverse("reports:report", args=[prepared.pk])).status_code == 404
    assert province.get(reverse("reports:report", args=[sent.pk])).status_code == 200
    assert list(regio.get(reverse("reports:reports")).context["reports"]) == []
    assert regio.get(reverse("reports:report", args=[sent.pk])).status_code == 404


def test_the_funder_sees_what_changed_since_it_was_sent(
    realised: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world = realised
    with django_capture_on_commit_callbacks(execute=False):
        sent = a_report(world, until="sent")
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 9, 3), value=Decimal(1))
    page = world.client("opdrachtgever").get(reverse("reports:report", args=[sent.pk]))
    [change] = [d for d in page.context["differences"] if d.field == "realised"]
    assert (change.sent, change.now) == ("2", "3")
    body = page.content.decode()
    assert "Zoals verstuurd aan Provincie Flevoland" in body
    assert "<del>2</del>" in body and "<ins>3</ins>" in body


def test_the_funder_sees_no_personal_data_and_no_ones_hours(
    realised: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from koers.work.models import StaffProfile, TimeEntry

    world = realised
    person = PersonFactory(
        holder=world.own, first_name="Geertje", last_name="Zuidema", email="g.zuidema@urk.example"
    )
    staff = world.users["medewerker"]
    staff.first_name, staff.last_name = "Marieke", "Oosterhof"
    staff.save()
    StaffProfile.objects.create(user=staff, organisation=world.own)
    TimeEntry.objects.create(
        user=staff,
        organisation=world.own,
        activity=world.activity,
        date=dt.date(2021, 9, 1),
        hours=Decimal("7.5"),
    )
    with django_capture_on_commit_callbacks(execute=False):
        sent = a_report(world, until="sent")
    body = (
        world.client("opdrachtgever")
        .get(reverse("reports:report", args=[sent.pk]))
        .content.decode()
    )
    for private in (person.first_name, person.last_name, person.email, staff.last_name):
        assert private not in body
    assert "7,5" in body  # the activity's hours as a total only
    assert "history-heading" not in body  # the audit history is for staff


@pytest.mark.parametrize("activities", [1, 30])
def test_the_report_page_costs_the_same_queries_for_few_or_many(
    world: Any, activities: int
) -> None:
    for number in range(activities):
        activity = ActivityFactory(programme=world.programme, code=f"X{number}")
        TargetFactory(indicator=IndicatorFactory(activity=activity))
    report = a_report(world)
    client = world.client("directeur")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reports:report", args=[report.pk])).status_code == 200
    assert len(queries) <= 60


def test_the_funder_finds_the_amendments_awaiting_her_decision(world: Any) -> None:
    from tests.permission_matrix import frozen_with_amendment

    amendment = frozen_with_amendment(world)
    province = world.client("opdrachtgever").get(reverse("reports:reports"))
    assert list(province.context["pending"]) == [amendment]
    assert list(world.client("regio").get(reverse("reports:reports")).context["pending"]) == []
    assert world.client("directeur").get(reverse("reports:reports")).context["pending"] == []


def test_a_funder_cannot_open_the_drafts_of_a_sent_report(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from koers.reports.tasks import make_document

    report = a_report(world, until="signed")
    draft = services.document_request(actor=world.users["directeur"], report=report, format="xlsx")
    make_document.call(draft.pk)
    with django_capture_on_commit_callbacks(execute=False):
        services.report_send(actor=world.users["directeur"], report=report)
    sent = ReportDocument.objects.get(snapshot__report=report, format="xlsx")
    make_document.call(sent.pk)
    province = world.client("opdrachtgever")
    assert province.get(reverse("reports:document_download", args=[draft.pk])).status_code == 404
    assert province.get(reverse("reports:document_status", args=[draft.pk])).status_code == 404
    assert province.get(reverse("reports:document_download", args=[sent.pk])).status_code == 200
    director = world.client("directeur")
    assert director.get(reverse("reports:document_download", args=[draft.pk])).status_code == 200


def test_the_funder_sees_the_sign_off_by_role_not_by_name(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    director = world.users["directeur"]
    director.first_name, director.last_name = "Dorien", "Dekker"
    director.save()
    with django_capture_on_commit_callbacks(execute=False):
        sent = a_report(world, until="sent")
    url = reverse("reports:report", args=[sent.pk])
    assert "Dekker" not in world.client("opdrachtgever").get(url).content.decode()
    assert "Dekker" not in world.client("toezicht").get(url).content.decode()
    assert "Dekker" in world.client("bedrijfsvoering").get(url).content.decode()


def test_a_failed_document_is_made_again_by_staff(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from koers.reports.tasks import make_document

    report = a_report(world)
    document = services.document_request(
        actor=world.users["directeur"], report=report, format="pdf"
    )
    ReportDocument.objects.filter(pk=document.pk).update(status=JobStatus.FAILED, error="weg")
    retry = reverse("reports:document_retry", args=[document.pk])
    assert world.client("opdrachtgever").post(retry).status_code == 404  # not sent to her
    assert world.client("medewerker").post(retry).status_code == 302  # staff may retry
    with django_capture_on_commit_callbacks(execute=False):
        assert world.client("directeur").post(retry).status_code == 302
    document.refresh_from_db()
    assert (document.status, document.error) == (JobStatus.QUEUED, "")
    make_document.call(document.pk)
    document.refresh_from_db()
    assert document.status == JobStatus.DONE


def test_refused_questions_and_reopening_show_the_report_again(world: Any) -> None:
    """An answer without its question, and taking back without a reason, come back on the
    report's page next to their fields (400); both were redirects with flashed messages."""
    from django.urls import reverse

    from tests.permission_matrix import a_report

    client = world.client("bedrijfsvoering")
    evaluation = a_report(world, kind="evaluation")
    response = client.post(
        reverse("reports:report_questions", args=[evaluation.pk]),
        {"q-TOTAL_FORMS": "1", "q-INITIAL_FORMS": "0", "q-0-answer": "Ja, ruim."},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_q-0-question"' in page and 'id="id_q-0-question_error"' in page
    assert 'aria-invalid="true"' in page
    assert not evaluation.questions.exists()

    signed = a_report(world, until="signed", quarter=2)
    response = client.post(reverse("reports:report_reopen", args=[signed.pk]), {"reason": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_reason"' in page and 'id="id_reason_error"' in page
    signed.refresh_from_db()
    assert signed.status == "signed"
