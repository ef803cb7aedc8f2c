"""Opportunities and quotes: the steps and their rules, the quote document as sent, the
project a won quote becomes, the pipeline page and its query count, and the template."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from koers.core.models import AuditEntry
from koers.privacy.services import person_erase, person_export
from koers.relations.models import Opportunity, OpportunityStatus, Quote
from koers.relations.opportunities import quotes, services
from koers.work.models import Project
from tests.confirming import post_confirmed
from tests.directory.factories import OrganisationFactory, PersonFactory
from tests.relations.factories import OpportunityFactory

S = OpportunityStatus
DAY = dt.date(2021, 4, 15)


def _values(world: Any, **overrides: Any) -> dict[str, Any]:
    values = {
        "organisation": world.other_org,
        "contact": None,
        "programme": world.programme,
        "title": "Procesbegeleiding Informeel Urk in Beeld",
        "description": "Twee bijeenkomsten met de initiatieven.\nEen kaart van het netwerk.",
        "hours": Decimal("60"),
        "programme_hours": None,
        "amount": Decimal("6300.00"),
        "vat_rate": 21,
        "owner": world.users["medewerker"],
        "expected_on": dt.date(2021, 6, 1),
        "starts_on": dt.date(2021, 9, 1),
        "ends_on": dt.date(2021, 12, 31),
    }
    return {**values, **overrides}


def _add(world: Any, role: str = "medewerker", **overrides: Any) -> Opportunity:
    return services.opportunity_save(
        actor=world.users[role], holder_id=world.own.pk, values=_values(world, **overrides)
    )


def _text(document: bytes) -> str:
    parsed = Document(io.BytesIO(document))
    cells = [c.text for t in parsed.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in parsed.paragraphs] + cells)


# --- recording and changing --------------------------------------------------------------


def test_recording_an_opportunity_is_audited(world: Any) -> None:
    record = _add(world)
    assert record.status == S.OPPORTUNITY
    entry = AuditEntry.objects.get(action="opportunity.created")
    assert entry.organisation_id == world.own.pk


def test_staff_of_another_organisation_cannot_record_one(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.opportunity_save(
            actor=world.users["outsider"], holder_id=world.own.pk, values=_values(world)
        )


def test_a_funders_official_cannot_record_one(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        _add(world, role="opdrachtgever")


def test_another_organisations_programme_is_refused(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        _add(world, programme=world.other_programme)


def test_the_owner_is_a_colleague(world: Any) -> None:
    with pytest.raises(ValidationError, match="collega"):
        _add(world, owner=world.users["outsider"])


def test_the_programme_pays_at_most_half_the_hours_for_a_partner(world: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        _add(world, hours=Decimal("60"), programme_hours=Decimal("31"))
    assert "programme_hours" in refused.value.message_dict
    assert not Opportunity.objects.exists()
    assert _add(world, programme_hours=Decimal("30")).programme_hours == Decimal("30")


# --- the quote ----------------------------------------------------------------------------


def test_sending_numbers_the_quote_and_keeps_the_document_as_sent(world: Any) -> None:
    record = _add(world)
    sent = services.quote_send(actor=world.users["medewerker"], opportunity=record, on=DAY)
    quote = sent.current_quote
    assert (sent.status, quote.number, quote.sent_on) == (S.QUOTED, "2021-001", DAY)
    assert quote.valid_until == DAY + dt.timedelta(days=30)
    assert (quote.hours, quote.amount, quote.sent_by) == (
        Decimal("60"),
        Decimal("6300.00"),
        world.users["medewerker"],
    )
    with quote.document.open("rb") as handle:
        text = _text(handle.read())
    assert "2021-001" in text
    assert world.other_org.name in text
    assert "€\u00a06.300,00" in text  # amount excl. VAT
    assert "€\u00a01.323,00" in text  # 21% VAT
    assert "€\u00a07.623,00" in text  # total
    assert "Een kaart van het netwerk." in text
    assert "{" not in text  # every placeholder filled


def test_quote_numbers_follow_each_other_per_organisation_and_year(world: Any) -> None:
    numbers = []
    for day in (DAY, DAY, dt.date(2022, 1, 10)):
        record = _add(world)
        numbers.append(
            services.quote_send(
                actor=world.users["medewerker"], opportunity=record, on=day
            ).current_quote.number
        )
    assert numbers == ["2021-001", "2021-002", "2022-001"]


def test_a_quote_needs_its_text_hours_and_amount(world: Any) -> None:
    record = _add(world, description="", amount=None)
    with pytest.raises(ValidationError, match="eerst nodig"):
        services.quote_send(actor=world.users["medewerker"], opportunity=record, on=DAY)
    record.refresh_from_db()
    assert (record.status, record.current_quote, record.quotes.count()) == (S.OPPORTUNITY, None, 0)


def test_what_the_client_received_does_not_change_while_the_quote_is_out(world: Any) -> None:
    record = services.quote_send(actor=world.users["medewerker"], opportunity=_add(world), on=DAY)
    with pytest.raises(ValidationError, match="Trek de offerte in"):
        services.opportunity_save(
            actor=world.users["medewerker"],
            holder_id=world.own.pk,
            values=_values(world, amount=Decimal("5000")),
            opportunity=record,
            expected_version=record.version,
        )
    moved = services.opportunity_save(
        actor=world.users["medewerker"],
        holder_id=world.own.pk,
        values=_values(world, expected_on=dt.date(2021, 7, 1)),
        opportunity=record,
        expected_version=record.version,
    )
    assert (moved.expected_on, moved.amount) == (dt.date(2021, 7, 1), Decimal("6300.00"))


def test_a_withdrawn_quote_can_be_revised_and_sent_with_a_new_number(world: Any) -> None:
    me = world.users["medewerker"]
    record = services.quote_send(actor=me, opportunity=_add(world), on=DAY)
    with pytest.raises(ValidationError, match="Geef aan waarom de offerte wordt ingetrokken"):
        services.quote_withdraw(actor=me, opportunity=record, reason=" ")
    back = services.quote_withdraw(actor=me, opportunity=record, reason="Minder uren")
    assert (back.status, back.current_quote) == (S.OPPORTUNITY, None)
    withdrawn = back.quotes.get()
    assert (withdrawn.number, withdrawn.withdrawn_reason) == ("2021-001", "Minder uren")
    revised = services.opportunity_save(
        actor=me,
        holder_id=world.own.pk,
        values=_values(world, hours=Decimal("50"), amount=Decimal("5250.00")),
        opportunity=back,
        expected_version=back.version,
    )
    again = services.quote_send(actor=me, opportunity=revised, on=DAY)
    assert again.current_quote.number == "2021-002"  # a number is never used twice
    assert again.current_quote.amount == Decimal("5250.00")
    assert [q.number for q in again.quotes.order_by("id")] == ["2021-001", "2021-002"]
    assert AuditEntry.objects.filter(action="opportunity.withdrawn").count() == 1


# --- decisions ------------------------------------------------------------------------------


def test_a_won_quote_becomes_a_project_with_its_budgets(world: Any) -> None:
    record = services.quote_send(actor=world.users["medewerker"], opportunity=_add(world), on=DAY)
    won = services.quote_win(
        actor=world.users["programmacoordinator"],
        opportunity=record,
        on=dt.date(2021, 5, 1),
        code="PG-URK",
    )
    project = Project.objects.get()
    assert won.status == S.WON and won.project == project
    assert (project.programme, project.code, project.title) == (
        world.programme,
        "PG-URK",
        record.title,
    )
    assert (project.partner, project.funder) == (world.other_org, world.other_org)
    assert (project.hours_budget, project.money_budget) == (Decimal("60"), Decimal("6300.00"))
    assert (project.starts_on, project.ends_on) == (dt.date(2021, 9, 1), dt.date(2021, 12, 31))
    assert AuditEntry.objects.filter(action="project.created").exists()


def test_winning_takes_the_right_to_add_projects(world: Any) -> None:
    record = services.quote_send(actor=world.users["medewerker"], opportunity=_add(world), on=DAY)
    with pytest.raises(ValidationError, match="maakt een project aan"):
        services.quote_win(actor=world.users["medewerker"], opportunity=record, on=DAY)
    assert not Project.objects.exists()
    record.refresh_from_db()
    assert record.status == S.QUOTED


def test_a_quote_outside_the_programmes_needs_a_handover_date(world: Any) -> None:
    record = services.quote_send(
        actor=world.users["medewerker"], opportunity=_add(world, programme=None), on=DAY
    )
    director = world.users["directeur"]
    with pytest.raises(ValidationError, match="Een project buiten de programma's heeft een"):
        services.quote_win(actor=director, opportunity=record, on=DAY)
    assert not Project.objects.exists()
    won = services.quote_win(
        actor=director, opportunity=record, on=DAY, handover_by=dt.date(2022, 6, 30)
    )
    assert won.project.handover_by == dt.date(2022, 6, 30)


def test_only_a_sent_quote_is_won(world: Any) -> None:
    with pytest.raises(ValidationError, match="Alleen een verstuurde offerte kan worden gegund"):
        services.quote_win(actor=world.users["directeur"], opportunity=_add(world), on=DAY)


def test_lost_needs_the_reason_and_can_be_reopened(world: Any) -> None:
    me = world.users["medewerker"]
    record = _add(world)
    with pytest.raises(ValidationError, match="Geef aan waarom ze verloren is"):
        services.opportunity_lose(actor=me, opportunity=record, reason="", on=DAY)
    lost = services.opportunity_lose(actor=me, opportunity=record, reason="Te duur", on=DAY)
    assert (lost.status, lost.lost_reason, lost.decided_on) == (S.LOST, "Te duur", DAY)
    with pytest.raises(ValidationError, match="besloten"):
        services.opportunity_save(
            actor=me,
            holder_id=world.own.pk,
            values=_values(world),
            opportunity=lost,
            expected_version=lost.version,
        )
    reopened = services.opportunity_reopen(actor=me, opportunity=lost)
    assert (reopened.status, reopened.lost_reason, reopened.decided_on) == (S.OPPORTUNITY, "", None)


# --- pages ---------------------------------------------------------------------------------


def test_the_pipeline_totals_per_status(world: Any) -> None:
    me = world.users["medewerker"]
    _add(world)
    services.quote_send(actor=me, opportunity=_add(world, amount=Decimal("1000")), on=DAY)
    lost = _add(world, amount=Decimal("500"))
    services.opportunity_lose(actor=me, opportunity=lost, reason="Geen budget", on=DAY)
    response = world.client("medewerker").get(reverse("relations:opportunities"))
    assert response.status_code == 200
    summary = {row["status"]: row for row in response.context["summary"]}
    assert (summary["kans"]["count"], summary["kans"]["amount"]) == (1, Decimal("6300.00"))
    assert (summary["offerte"]["count"], summary["offerte"]["amount"]) == (1, Decimal("1000"))
    assert summary["verloren"]["count"] == 1
    assert {o.status for o in response.context["opportunities"]} == {S.OPPORTUNITY, S.QUOTED}
    everything = world.client("medewerker").get(
        reverse("relations:opportunities"), {"status": "all"}
    )
    assert len(everything.context["opportunities"]) == 3


def test_the_pipeline_shows_nothing_of_another_organisation(world: Any) -> None:
    _add(world)
    response = world.client("outsider").get(reverse("relations:opportunities"))
    assert response.status_code == 200
    assert list(response.context["opportunities"]) == []


@pytest.mark.parametrize("count", [10, 1000])
def test_the_pipeline_costs_the_same_queries_for_few_or_many(world: Any, count: int) -> None:
    clients = [OrganisationFactory(kind="municipality") for _ in range(5)]
    Opportunity.objects.bulk_create(
        Opportunity(
            holder=world.own,
            organisation=clients[n % 5],
            programme=world.programme,
            title=f"Kans {n}",
            hours=Decimal(10),
            amount=Decimal(1000),
            status=S.OPPORTUNITY if n % 2 else S.QUOTED,
            owner=world.users["medewerker"],
            created_by=world.users["medewerker"],
            created_on=DAY,
        )
        for n in range(count)
    )
    client = world.client("medewerker")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("relations:opportunities"), {"status": "all"})
    assert response.status_code == 200
    assert len(queries) <= 12


def test_sending_from_the_page_and_downloading_the_quote(world: Any) -> None:
    record = _add(world)
    client = world.client("medewerker")
    preview = client.get(reverse("relations:quote_preview", args=[record.pk]))
    assert preview.status_code == 200
    assert "concept" in preview["Content-Disposition"]
    assert "(concept)" in _text(b"".join(preview.streaming_content))
    response = post_confirmed(
        client, reverse("relations:quote_send", args=[record.pk]), {"send-on": DAY}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == S.QUOTED
    sent = client.get(reverse("relations:quote_document", args=[record.current_quote.pk]))
    assert "offerte-2021-001" in sent["Content-Disposition"]
    assert "2021-001" in _text(b"".join(sent.streaming_content))
    page = client.get(reverse("relations:opportunity", args=[record.pk]))
    assert page.status_code == 200
    assert b"2021-001" in page.content


def test_a_refused_step_says_why_on_the_page(world: Any) -> None:
    record = services.quote_send(actor=world.users["medewerker"], opportunity=_add(world), on=DAY)
    client = world.client("medewerker")
    response = client.post(
        reverse("relations:quote_win", args=[record.pk]), {"win-on": DAY}, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert any("maakt een project aan" in text for text in shown)
    record.refresh_from_db()
    assert record.status == S.QUOTED


def test_another_organisations_opportunity_is_not_found(world: Any) -> None:
    record = _add(world)
    client = world.client("outsider")
    assert client.get(reverse("relations:opportunity", args=[record.pk])).status_code == 404
    assert client.get(reverse("relations:quote_preview", args=[record.pk])).status_code == 404
    sent = services.quote_send(actor=world.users["medewerker"], opportunity=record, on=DAY)
    quote_url = reverse("relations:quote_document", args=[sent.current_quote.pk])
    assert client.get(quote_url).status_code == 404


# --- the template ---------------------------------------------------------------------------


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_placeholder_split_over_runs_is_filled(world: Any) -> None:
    document = Document()
    paragraph = document.add_paragraph("Offerte {offerte")
    paragraph.add_run("nummer} voor ").bold = True
    paragraph.add_run("{klant}")
    out = io.BytesIO()
    document.save(out)
    filled = quotes.fill(io.BytesIO(out.getvalue()), {"offertenummer": "2021-004", "klant": "Urk"})
    assert _text(filled).strip() == "Offerte 2021-004 voor Urk"


def test_the_organisations_own_template_is_used(world: Any) -> None:
    own = _docx("Briefpapier CMO Flevoland", "Offerte {offertenummer} aan {klant}", "{totaal}")
    services.quote_template_store(
        actor=world.users["beheerder"], holder_id=world.own.pk, document=io.BytesIO(own)
    )
    record = services.quote_send(actor=world.users["medewerker"], opportunity=_add(world), on=DAY)
    with record.current_quote.document.open("rb") as handle:
        text = _text(handle.read())
    assert "Briefpapier CMO Flevoland" in text
    assert f"Offerte 2021-001 aan {world.other_org.name}" in text
    assert "€\u00a07.623,00" in text


def test_a_template_with_unknown_placeholders_is_refused(world: Any) -> None:
    client = world.client("beheerder")
    upload = SimpleUploadedFile("sjabloon.docx", _docx("Offerte {offerte_nr}"))
    response = client.post(reverse("relations:quote_template"), {"document": upload})
    assert response.status_code == 400
    assert "{offerte_nr}" in response.content.decode()
    assert not world.own.__class__.objects.filter(quote_template__isnull=False).exists()


def test_only_the_beheerder_stores_the_template(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.quote_template_store(
            actor=world.users["directeur"],
            holder_id=world.own.pk,
            document=io.BytesIO(_docx("{klant}")),
        )


def test_a_template_stored_before_the_upload_checks_is_refused_when_used(world: Any) -> None:
    """python-docx parses the template whole each time a quote is made: a bomb stored
    before the checks existed is refused there too, with the reason, instead of parsed."""
    from django.core.files.base import ContentFile

    from koers.relations.models import QuoteTemplate
    from tests.core.zip_bombs import many_members

    bomb = ContentFile(many_members(_docx("{klant}")), name="offerte-sjabloon.docx")
    QuoteTemplate.objects.create(holder=world.own, document=bomb)
    record = _add(world)
    client = world.client("medewerker")
    response = client.get(reverse("relations:quote_preview", args=[record.pk]), follow=True)
    assert "bestaat uit meer dan" in response.content.decode()
    response = post_confirmed(
        client,
        reverse("relations:quote_send", args=[record.pk]),
        {"send-on": DAY.isoformat()},
        follow=True,
    )
    assert "bestaat uit meer dan" in response.content.decode()
    assert not Quote.objects.exists()


# --- personal data --------------------------------------------------------------------------


def test_erasing_the_contact_person_keeps_the_opportunity(world: Any) -> None:
    person = PersonFactory(holder=world.own)
    record = _add(world, contact=person)
    exported = person_export(person)
    assert any(
        item.get("subject") == record.title for item in exported["linked_records"]["opportunities"]
    )
    person_erase(
        person, actor=world.users["beheerder"], remote_addr=None, reason="Verzoek van betrokkene"
    )
    record.refresh_from_db()
    assert record.contact is None and record.title


def test_the_factory_makes_a_quotable_opportunity(world: Any) -> None:
    record = OpportunityFactory(holder=world.own, owner=world.users["medewerker"])
    sent = services.quote_send(actor=world.users["medewerker"], opportunity=record, on=DAY)
    assert sent.status == S.QUOTED


def test_the_clients_page_lists_its_opportunities_for_staff_only(world: Any) -> None:
    record = _add(world)
    url = reverse("directory:organisation", args=[world.other_org.pk])
    staff = world.client("medewerker").get(url)
    assert list(staff.context["opportunities"]) == [record]
    funder = world.client("opdrachtgever").get(url)
    assert list(funder.context["opportunities"]) == []
    assert record.title not in funder.content.decode()


def test_reopening_a_lost_quote_keeps_it_as_history(world: Any) -> None:
    me = world.users["medewerker"]
    record = services.quote_send(actor=me, opportunity=_add(world), on=DAY)
    lost = services.opportunity_lose(actor=me, opportunity=record, reason="Te duur", on=DAY)
    reopened = services.opportunity_reopen(actor=me, opportunity=lost)
    assert reopened.current_quote is None
    [quote] = reopened.quotes.all()
    assert quote.withdrawn_reason == "Verloren: Te duur"
    again = services.quote_send(actor=me, opportunity=reopened, on=DAY)
    assert again.current_quote.number == "2021-002"


def test_a_refused_quote_shows_its_page_again_without_asking_or_sending(world: Any) -> None:
    """A wrong date is refused before the confirmation is asked: the opportunity's page
    comes back with the form as posted (400), the field marked, nothing sent."""
    record = _add(world)
    response = world.client("medewerker").post(
        reverse("relations:quote_send", args=[record.pk]), {"send-on": "abc"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'name="send-on"' in page and 'value="abc"' in page
    assert 'aria-invalid="true"' in page
    assert response.templates[0].name == "relations/opportunity.html"  # not the question
    record.refresh_from_db()
    assert (record.status, record.quotes.count()) == (S.OPPORTUNITY, 0)
