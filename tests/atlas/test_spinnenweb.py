"""The public spinnenweb: a resident scores six dimensions and gets the initiatives that fit,
with reasons; nothing about her is stored unless she asks to be contacted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from koers.atlas.models import ContactRequest, SpinnenwebTally
from koers.core.models import AuditEntry
from tests.atlas.spinnenweb_data import an_initiative, municipalities

URL = "/atlas/spinnenweb/"
CONTACT = "/atlas/spinnenweb/contact/"
# Low on Meedoen (participation), fine on everything else.
LOW_MEEDOEN = {"body": 8, "mind": 8, "meaning": 8, "quality": 8, "participation": 2, "daily": 8}


@pytest.fixture
def atlas(world: Any, settings: Any) -> dict[str, Any]:
    settings.PUBLIC_SPINNENWEB = True
    places = municipalities()
    made = {
        "meedoen_here": an_initiative(
            world.own, places["Lelystad"], "Samen Koken Lelystad", participation=2
        ),
        "body_here": an_initiative(world.own, places["Lelystad"], "Beweegclub Lelystad", body=2),
        "meedoen_near": an_initiative(
            world.own, places["Almere"], "Buurtkamer Almere", participation=2
        ),
        "meedoen_far": an_initiative(
            world.own, places["Maastricht"], "Buurtkamer Maastricht", participation=2
        ),
        "hidden": an_initiative(
            world.own, places["Lelystad"], "Intern overleg Lelystad", participation=2, public=False
        ),
        "stale": an_initiative(
            world.own,
            places["Lelystad"],
            "Oud koor Lelystad",
            participation=2,
            confirmed_on=timezone.localdate() - dt.timedelta(days=800),
        ),
        "nothing": an_initiative(world.own, places["Lelystad"], "Schaakclub Lelystad"),
    }
    return {"places": places, **made}


def posted(scores: dict[str, int], municipality: str = "GM0995", **extra: str) -> dict[str, str]:
    return {
        **{key: str(value) for key, value in scores.items()},
        "municipality": municipality,
        **extra,
    }


def atlas_rows() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("atlas").get_models()
    }


def names_in_order(page: str, names: list[str]) -> list[str]:
    return sorted((name for name in names if name in page), key=page.index)


def test_a_resident_low_on_meedoen_gets_meedoen_initiatives_in_her_municipality_first(
    atlas: dict[str, Any],
) -> None:
    response = Client().post(URL, posted(LOW_MEEDOEN))
    assert response.status_code == 200
    page = response.content.decode()
    order = names_in_order(
        page,
        [
            "Samen Koken Lelystad",
            "Beweegclub Lelystad",
            "Buurtkamer Almere",
            "Buurtkamer Maastricht",
            "Oud koor Lelystad",
        ],
    )
    # Meedoen here (16 + 20), the body here (4 + 20), Meedoen next door (16 + about 1-10),
    # the stale Meedoen entry here halved (18), Meedoen far away (16).
    assert order[0] == "Samen Koken Lelystad"
    assert order.index("Buurtkamer Almere") < order.index("Buurtkamer Maastricht")
    assert order.index("Oud koor Lelystad") > order.index("Beweegclub Lelystad")
    first = page[page.index("Samen Koken Lelystad") : page.index(order[1])]
    assert "U scoorde laag op Meedoen" in first
    assert "In uw gemeente" in first
    assert "Intern overleg" not in page  # not public
    assert "Schaakclub" not in page  # serves none of her needs
    stale = page[page.index("Oud koor Lelystad") :]
    assert "Niet bevestigd in de afgelopen 12 maanden" in stale


def test_a_nearby_initiative_says_where_and_how_far(atlas: dict[str, Any]) -> None:
    page = Client().post(URL, posted(LOW_MEEDOEN)).content.decode()
    almere = page[page.index("Buurtkamer Almere") :]
    assert "In de buurt: Almere, ongeveer" in almere[:1500]


def test_nothing_personal_is_stored_until_she_asks_for_contact(atlas: dict[str, Any]) -> None:
    before = atlas_rows()
    audit_before = AuditEntry.objects.count()
    client = Client()
    client.post(URL, posted(LOW_MEEDOEN))
    after = atlas_rows()
    changed = {label for label in before if before[label] != after[label]}
    # Only the anonymous counts: six rows, one per dimension, no answer of hers.
    assert changed == {"atlas.SpinnenwebTally"}
    tallies = {t.dimension: (t.answered, t.low) for t in SpinnenwebTally.objects.all()}
    assert tallies["participation"] == (1, 1)
    assert tallies["body"] == (1, 0)
    assert len(tallies) == 6
    assert AuditEntry.objects.count() == audit_before
    assert not ContactRequest.objects.exists()
    # A second resident adds to the same rows.
    client.post(URL, posted({**LOW_MEEDOEN, "body": 5}))
    tallies = {t.dimension: (t.answered, t.low) for t in SpinnenwebTally.objects.all()}
    assert tallies["participation"] == (2, 2)
    assert tallies["body"] == (2, 1)


def test_the_contact_request_stores_exactly_what_she_entered(atlas: dict[str, Any]) -> None:
    client = Client()
    response = client.post(
        CONTACT,
        posted(
            LOW_MEEDOEN,
            name="Fatima de Vries",
            email="fatima@example.org",
            phone="06 12345678",
            message="Liefst 's avonds bellen.",
            initiatives=str(atlas["meedoen_here"].pk),
            consent="on",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?verzonden=1"
    record = ContactRequest.objects.get()
    assert (record.name, record.email, record.phone, record.message) == (
        "Fatima de Vries",
        "fatima@example.org",
        "06 12345678",
        "Liefst 's avonds bellen.",
    )
    assert record.holder == atlas["meedoen_here"].holder
    assert record.municipality == atlas["places"]["Lelystad"]
    assert list(record.initiatives.all()) == [atlas["meedoen_here"]]
    assert "akkoord dat CMO Flevoland mijn naam, mijn contactgegevens" in record.consent_text
    assert "na 6 maanden" in record.consent_text
    assert record.language == "nl"
    assert record.retained_until == timezone.localdate() + dt.timedelta(days=183)
    # The audit trail says it happened, never who she is.
    entry = AuditEntry.objects.get(action="contact_request.created")
    assert "Fatima" not in str(entry.changes) + entry.subject_repr
    assert "fatima@" not in str(entry.changes)
    assert entry.remote_addr is None
    thanks = client.get(response["Location"]).content.decode()
    assert "Dank u wel" in thanks
    # The declaration for the register of processing: consent, with a retention period.
    declaration = ContactRequest.personal_data
    assert declaration.lawful_basis == "consent"
    assert {"name", "email", "phone", "message"} <= set(declaration.fields)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"participation": "11"}, "Geef een score van 0 tot 10."),
        ({"participation": "-1"}, "Geef een score van 0 tot 10."),
        ({"participation": "twee"}, "Geef een heel getal van 0 tot 10."),
        ({"municipality": "GM9999"}, "Kies uw gemeente uit de lijst."),
        ({"municipality": "GM0184"}, "Kies uw gemeente uit de lijst."),  # no initiative there
    ],
)
def test_bad_scores_are_refused_in_dutch_and_store_nothing(
    atlas: dict[str, Any], data: dict[str, str], message: str
) -> None:
    before = atlas_rows()
    response = Client().post(URL, {**posted(LOW_MEEDOEN), **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert atlas_rows() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"consent": ""}, "Vink aan dat u akkoord gaat"),
        ({"email": "", "phone": ""}, "Geef een e-mailadres of een telefoonnummer"),
        ({"email": "geen-adres"}, "Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        ({"phone": "bel me"}, "Vul een telefoonnummer in van cijfers"),
        ({"name": ""}, "Dit veld is verplicht."),
        ({"participation": "12"}, "Geef een score van 0 tot 10."),
    ],
)
def test_a_bad_contact_request_is_refused_in_dutch_and_stores_nothing(
    atlas: dict[str, Any], data: dict[str, str], message: str
) -> None:
    before = atlas_rows()
    good = posted(LOW_MEEDOEN, name="Fatima", email="f@example.org", consent="on")
    response = Client().post(CONTACT, {**good, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert atlas_rows() == before


def test_an_initiative_she_was_not_shown_cannot_be_picked(atlas: dict[str, Any]) -> None:
    good = posted(LOW_MEEDOEN, name="Fatima", email="f@example.org", consent="on")
    response = Client().post(CONTACT, {**good, "initiatives": str(atlas["hidden"].pk)})
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()


def test_the_pages_are_not_there_when_the_installation_has_not_opted_in(
    atlas: dict[str, Any], settings: Any
) -> None:
    settings.PUBLIC_SPINNENWEB = False
    client = Client()
    assert client.get(URL).status_code == 404
    before = atlas_rows()
    assert client.post(URL, posted(LOW_MEEDOEN)).status_code == 404
    assert client.post(CONTACT, posted(LOW_MEEDOEN)).status_code == 404
    assert atlas_rows() == before


def test_no_cookie_but_csrf_for_an_anonymous_visitor(atlas: dict[str, Any]) -> None:
    client = Client()
    responses = [
        client.get(URL),
        client.post(URL, posted(LOW_MEEDOEN)),
        client.post(
            CONTACT, posted(LOW_MEEDOEN, name="Fatima", email="f@example.org", consent="on")
        ),
        client.get(f"{URL}?verzonden=1"),
    ]
    for response in responses:
        assert set(response.cookies) <= {django_settings.CSRF_COOKIE_NAME}, response.cookies
        assert django_settings.SESSION_COOKIE_NAME not in response.cookies
    assert django_settings.SESSION_COOKIE_NAME not in client.cookies
    assert responses[1]["Cache-Control"] == "private, no-store"


def test_the_page_is_labelled_and_keyboard_usable_without_javascript(
    atlas: dict[str, Any],
) -> None:
    page = Client().get(URL).content.decode()
    for label in ("Lichaamsfuncties", "Meedoen", "Dagelijks functioneren"):
        assert label in page
    assert page.count('type="range"') == 6
    # Each slider has a label (for=id) and its explanation as its description.
    assert '<label for="id_participation">' in page
    assert 'aria-describedby="id_participation_helptext"' in page
    explanation = page[page.index('id="id_participation_helptext"') :][:200]
    assert "Contact met andere mensen, erbij horen, samen dingen doen" in explanation
    assert '<option value="GM0995">Lelystad</option>' in page
    assert "Urk" not in page  # no initiative there


def test_english_rendering(atlas: dict[str, Any]) -> None:
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(URL).content.decode()
    assert '<html lang="en">' in page
    assert "Participation" in page
    results = client.post(URL, posted(LOW_MEEDOEN)).content.decode()
    assert "You scored low on Participation" in results
    assert "In your municipality" in results


def test_the_holder_must_be_clear(atlas: dict[str, Any], world: Any, settings: Any) -> None:
    places = atlas["places"]
    an_initiative(world.other_org, places["Urk"], "Ander atlas Urk", participation=2)
    # Two atlases and no choice: nothing public rather than the wrong one.
    assert Client().get(URL).status_code == 404
    settings.PUBLIC_ATLAS_HOLDER = world.other_org.slug
    page = Client().get(URL).content.decode()
    assert "Urk" in page and "Lelystad" not in page
    settings.PUBLIC_ATLAS_HOLDER = "bestaat-niet"
    assert Client().get(URL).status_code == 404


def test_public_posts_are_rate_limited(atlas: dict[str, Any], monkeypatch: Any) -> None:
    from koers.atlas.public import views

    monkeypatch.setattr(views, "SCORINGS_PER_HOUR", 2)
    client = Client()
    assert client.post(URL, posted(LOW_MEEDOEN)).status_code == 200
    assert client.post(URL, posted(LOW_MEEDOEN)).status_code == 200
    before = atlas_rows()
    refused = client.post(URL, posted(LOW_MEEDOEN))
    assert refused.status_code == 429
    assert "Te veel verzoeken" in refused.content.decode()
    assert atlas_rows() == before


def test_the_ranking_keeps_its_query_count(
    atlas: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from koers.atlas.public.ranking import rank

    holder = atlas["meedoen_here"].holder_id
    with django_assert_max_num_queries(3):
        matches = rank(
            holder_id=holder,
            scores=LOW_MEEDOEN,
            municipality_code="GM0995",
            today=timezone.localdate(),
        )
    assert matches[0].name == "Samen Koken Lelystad"
    assert matches[0].score == 36.0  # need 8 × serves 2 + 20 for her municipality
    places = atlas["places"]
    for n in range(200):
        an_initiative(atlas["meedoen_here"].holder, places["Dronten"], f"Extra {n}", mind=1)
    with django_assert_max_num_queries(3):
        rank(
            holder_id=holder,
            scores=LOW_MEEDOEN,
            municipality_code="GM0995",
            today=timezone.localdate(),
        )


# --- the staff's side ------------------------------------------------------------------------


def a_request(world: Any, initiative: Any) -> ContactRequest:
    record = ContactRequest.objects.create(
        holder=world.own,
        name="Fatima de Vries",
        email="fatima@example.org",
        consent_text="Ik ga akkoord.",
        language="nl",
        retained_until=timezone.localdate() + dt.timedelta(days=10),
    )
    record.initiatives.add(initiative)
    return record


def test_staff_see_the_requests_and_mark_one_handled(atlas: dict[str, Any], world: Any) -> None:
    record = a_request(world, atlas["meedoen_here"])
    client = world.client("medewerker")
    page = client.get(reverse("atlas:contact_requests")).content.decode()
    assert "Fatima de Vries" in page and "Samen Koken Lelystad" in page
    response = client.post(reverse("atlas:contact_request_handle", args=[record.pk]))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.handled_by == world.users["medewerker"]
    entry = AuditEntry.objects.get(action="contact_request.handled")
    assert entry.organisation_id == world.own.pk
    assert "Fatima" not in entry.subject_repr


def test_funders_and_other_organisations_never_see_a_request(
    atlas: dict[str, Any], world: Any
) -> None:
    record = a_request(world, atlas["meedoen_here"])
    assert world.client("opdrachtgever").get(reverse("atlas:contact_requests")).status_code == 403
    outsider = world.client("outsider")
    assert "Fatima" not in outsider.get(reverse("atlas:contact_requests")).content.decode()
    response = outsider.post(reverse("atlas:contact_request_handle", args=[record.pk]))
    assert response.status_code == 404


def test_requests_past_their_retention_are_removed_by_the_daily_job(
    atlas: dict[str, Any], world: Any
) -> None:
    from koers.atlas.public.tasks import expire_contact_requests_task
    from koers.core import schedule

    kept = a_request(world, atlas["meedoen_here"])
    due = a_request(world, atlas["meedoen_here"])
    ContactRequest.objects.filter(pk=due.pk).update(retained_until=timezone.localdate())
    assert "atlas.contact_request_retention" in {job.name for job in schedule.registered()}
    expire_contact_requests_task.call()
    assert list(ContactRequest.objects.all()) == [kept]
    assert AuditEntry.objects.filter(action="contact_request.expired", subject_id=due.pk).exists()
