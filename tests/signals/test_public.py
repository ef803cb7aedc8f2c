"""The public signal form: opt-in per installation (off: its pages do not exist), no account,
the same scrubbing as staff's, an optional consented contact record kept apart from the
signal, and a rate limit per address."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.signals.models import Signal, SignalContact
from tests.directory.factories import MunicipalityFactory
from tests.signals.factories import flevoland

pytestmark = pytest.mark.django_db

FORM = reverse("signals:public_form")
THANKS = reverse("signals:public_thanks")


@pytest.fixture
def public(world: Any, settings: Any) -> Any:
    settings.PUBLIC_SIGNAL_FORM = True
    settings.SIGNALS_PUBLIC_HOLDER = world.own.slug
    settings.SIGNALS_CONTACT_DAYS = 90
    return world


def answers(**changes: Any) -> dict[str, Any]:
    data = {
        "description": "Ik ben Piet de Boer, 0612345678, en mijn vader wacht al maanden op "
        "huishoudelijke hulp van de Wmo.",
        "law": "wmo",
        "sentiment": "negatief",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("url", [FORM, THANKS])
def test_switched_off_the_pages_do_not_exist(world: Any, settings: Any, url: str) -> None:
    settings.PUBLIC_SIGNAL_FORM = False
    settings.SIGNALS_PUBLIC_HOLDER = world.own.slug

    assert Client().get(url).status_code == 404
    assert Client().post(url, answers()).status_code in (404, 405)
    assert not Signal.objects.exists()


def test_switched_on_without_a_known_holder_the_pages_do_not_exist(
    world: Any, settings: Any
) -> None:
    settings.PUBLIC_SIGNAL_FORM = True
    settings.SIGNALS_PUBLIC_HOLDER = "bestaat-niet"

    assert Client().get(FORM).status_code == 404


def test_a_resident_sends_a_signal_without_an_account(public: Any) -> None:
    client = Client()

    page = client.get(FORM)
    sent = client.post(FORM, answers())

    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert sent.status_code == 302 and sent["Location"] == THANKS
    assert client.get(THANKS).status_code == 200
    signal = Signal.objects.get()
    assert signal.holder == public.own
    assert signal.channel == "formulier"
    assert signal.category is None and signal.interpreted_at is None
    week = timezone.localdate().isocalendar()
    assert (signal.iso_year, signal.iso_week) == (week.year, week.week)


def test_her_personal_data_never_reaches_the_database(public: Any) -> None:
    Client().post(FORM, answers())

    stored = Signal.objects.get().description
    for personal in ("Piet", "Boer", "0612345678"):
        assert personal not in stored
    assert "huishoudelijke hulp" in stored


def test_no_trace_of_who_sent_it(public: Any) -> None:
    Client().post(FORM, answers(), REMOTE_ADDR="192.0.2.44")

    entry = AuditEntry.objects.get(action="signal.recorded")
    assert entry.actor_id is None
    assert not entry.remote_addr
    assert not SignalContact.objects.exists()


def test_hearing_back_keeps_her_details_apart_with_consent(public: Any) -> None:
    Client().post(
        FORM,
        answers(hear_back="on", name="Piet", email="piet@example.org", consent="on"),
    )

    signal = Signal.objects.get()
    contact = SignalContact.objects.get()
    assert contact.signal == signal and contact.holder == public.own
    assert contact.email == "piet@example.org"
    assert (contact.retain_until - timezone.localdate()).days == 90
    assert contact.consent_at is not None


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"name": "Piet", "email": "piet@example.org"}, "consent"),
        ({"name": "Piet", "consent": "on"}, "email"),
        ({"email": "piet@example.org", "consent": "on"}, "name"),
    ],
    ids=["no-consent", "no-way-to-reach", "no-name"],
)
def test_hearing_back_without_consent_or_a_way_to_reach_her_stores_nothing(
    public: Any, extra: dict[str, str], field: str
) -> None:
    response = Client().post(FORM, answers(hear_back="on", **extra))

    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Signal.objects.exists() and not SignalContact.objects.exists()


def test_a_municipality_outside_the_region_is_refused(public: Any) -> None:
    outside = MunicipalityFactory(code="GM0363", name="Amsterdam", province_code="PV27")
    inside = flevoland()

    refused = Client().post(FORM, answers(municipality=str(outside.pk)))
    kept = Client().post(FORM, answers(municipality=str(inside.pk)))

    assert refused.status_code == 400
    assert kept.status_code == 302
    assert Signal.objects.get().municipality == inside


def test_an_empty_form_is_refused_with_an_error_summary(public: Any) -> None:
    response = Client().post(FORM, {})

    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert not Signal.objects.exists()


def test_too_many_signals_from_one_address_are_refused(public: Any) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    answered = [client.post(FORM, answers()).status_code for _ in range(6)]
    other = Client(REMOTE_ADDR="198.51.100.8").post(FORM, answers())

    assert answered == [302] * 5 + [429]
    assert other.status_code == 302
    assert Signal.objects.count() == 6
