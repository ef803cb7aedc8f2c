"""Recording a signal in a minute, the list, one signal's route and interpreting it, as
every kind of user: the holder's staff record and see; funders, the board and other
organisations do not. Personal data typed into the text never reaches the database."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from koers.signals.entry import suggestion as suggestion_module
from koers.signals.models import AgendaStep, Signal
from tests.directory.factories import MunicipalityFactory
from tests.signals.factories import (
    AgendaItemFactory,
    CategoryFactory,
    MeetingFactory,
    SignalFactory,
    flevoland,
)

pytestmark = pytest.mark.django_db

ADD = reverse("signals:signal_add")
INDEX = reverse("signals:index")


def form(**changes: Any) -> dict[str, Any]:
    data = {
        "received_on": "2021-03-10",  # a Wednesday of ISO week 10
        "channel": "oco",
        "law": "wlz",
        "sentiment": "negatief",
        "description": "Mevrouw Jansen belde op 06-12345678: haar moeder wacht al een jaar "
        "op een plek in het verpleeghuis. BSN 111222333.",
    }
    data.update(changes)
    return data


def a_classifier(category: Any, confidence: float = 0.8, main_only: bool = False) -> Any:
    def suggest(holder_id: int, text: str) -> Any:
        return SimpleNamespace(category=category, confidence=confidence, main_only=main_only)

    return suggest


# --- recording -------------------------------------------------------------------------------


def test_personal_data_in_the_text_never_reaches_the_database(world: Any) -> None:
    response = world.client("medewerker").post(ADD, form())

    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("signals:signal", args=[signal.pk])
    for personal in ("Jansen", "12345678", "111222333"):
        assert personal not in signal.description
    assert "verpleeghuis" in signal.description
    assert sum(signal.scrubbed.values()) >= 3
    # The day is kept as its ISO week only.
    assert (signal.iso_year, signal.iso_week, signal.quarter) == (2021, 10, 1)
    assert signal.holder == world.own
    assert signal.channel == "oco" and signal.category is None and signal.interpreted_at is None


def test_a_chosen_category_counts_as_interpreted(world: Any) -> None:
    main = CategoryFactory(holder=world.own, name="Wachtlijsten")
    sub = CategoryFactory(holder=world.own, parent=main, name="Verpleeghuis")

    world.client("medewerker").post(ADD, form(category=str(sub.pk)))

    signal = Signal.objects.get()
    assert signal.category == sub
    assert signal.interpreted_by == world.users["medewerker"]


def test_a_municipality_outside_the_region_is_refused(world: Any) -> None:
    outside = MunicipalityFactory(code="GM0363", name="Amsterdam", province_code="PV27")

    response = world.client("medewerker").post(ADD, form(municipality=str(outside.pk)))

    assert response.status_code == 400
    assert not Signal.objects.exists()
    assert 'class="error-summary"' in response.content.decode()


def test_a_municipality_in_the_region_is_kept(world: Any) -> None:
    lelystad = flevoland()

    world.client("medewerker").post(ADD, form(municipality=str(lelystad.pk)))

    assert Signal.objects.get().municipality == lelystad


@pytest.mark.parametrize("whose", ["other", "retired", "unknown"])
def test_a_category_that_does_not_exist_is_refused(world: Any, whose: str) -> None:
    if whose == "other":
        pk = CategoryFactory(holder=world.other_org).pk
    elif whose == "retired":
        pk = CategoryFactory(holder=world.own, active=False).pk
    else:
        pk = 999_999

    response = world.client("medewerker").post(ADD, form(category=str(pk)))

    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_a_signal_from_the_future_is_refused(world: Any) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = world.client("medewerker").post(ADD, form(received_on=tomorrow.isoformat()))

    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_an_empty_form_is_refused_with_an_error_summary(world: Any) -> None:
    response = world.client("medewerker").post(ADD, {})

    text = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in text
    assert 'aria-describedby="id_sentiment_error"' in text
    assert not Signal.objects.exists()


def test_save_and_record_another_returns_to_an_empty_form(world: Any) -> None:
    response = world.client("medewerker").post(ADD, {**form(), "next": "another"})

    assert response["Location"] == ADD
    assert Signal.objects.count() == 1


def test_another_organisations_director_records_for_her_own(world: Any) -> None:
    world.client("outsider").post(ADD, form())

    assert Signal.objects.get().holder != world.own


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "bedrijfsvoering", "no_role"])
def test_who_does_not_record_signals_is_refused(world: Any, role: str) -> None:
    assert world.client(role).get(ADD).status_code == 403
    assert world.client(role).post(ADD, form()).status_code == 403
    assert not Signal.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(world: Any) -> None:
    response = Client().post(ADD, form())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Signal.objects.exists()


# --- the classifier's suggestion -------------------------------------------------------------


def test_the_suggestion_is_shown_while_typing(world: Any, monkeypatch: Any) -> None:
    category = CategoryFactory(holder=world.own, name="Wachtlijsten")
    monkeypatch.setattr(suggestion_module, "_classifier", lambda: a_classifier(category, 0.83))

    response = world.client("medewerker").post(
        reverse("signals:suggest"), {"description": "Lange wachtlijst voor het verpleeghuis."}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Wachtlijsten" in text and "83" in text


def test_below_the_threshold_only_the_main_category_is_suggested(
    world: Any, monkeypatch: Any
) -> None:
    main = CategoryFactory(holder=world.own, name="Wachtlijsten")
    monkeypatch.setattr(
        suggestion_module, "_classifier", lambda: a_classifier(main, 0.41, main_only=True)
    )

    response = world.client("medewerker").post(
        reverse("signals:suggest"), {"description": "Lange wachtlijst voor het verpleeghuis."}
    )

    assert (
        "sub-category" in response.content.decode() or "subcategorie" in response.content.decode()
    )


def test_no_suggestion_without_a_classifier_or_for_a_short_text(
    world: Any, monkeypatch: Any
) -> None:
    category = CategoryFactory(holder=world.own, name="Wachtlijsten")
    monkeypatch.setattr(suggestion_module, "_classifier", lambda: None)
    without = world.client("medewerker").post(
        reverse("signals:suggest"), {"description": "Lange wachtlijst voor het verpleeghuis."}
    )
    monkeypatch.setattr(suggestion_module, "_classifier", lambda: a_classifier(category))
    short = world.client("medewerker").post(reverse("signals:suggest"), {"description": "wacht"})

    for response in (without, short):
        assert response.status_code == 200
        assert "Wachtlijsten" not in response.content.decode()


def test_a_suggestion_of_another_holders_category_is_not_shown(
    world: Any, monkeypatch: Any
) -> None:
    foreign = CategoryFactory(holder=world.other_org, name="Buitenlands")
    monkeypatch.setattr(suggestion_module, "_classifier", lambda: a_classifier(foreign))

    response = world.client("medewerker").post(
        reverse("signals:suggest"), {"description": "Lange wachtlijst voor het verpleeghuis."}
    )

    assert "Buitenlands" not in response.content.decode()


def test_the_suggestion_never_overrides_the_persons_choice(world: Any, monkeypatch: Any) -> None:
    suggested = CategoryFactory(holder=world.own, name="Wachtlijsten")
    chosen = CategoryFactory(holder=world.own, name="Bejegening")
    monkeypatch.setattr(suggestion_module, "_classifier", lambda: a_classifier(suggested, 0.95))

    world.client("medewerker").post(ADD, form(category=str(chosen.pk)))
    world.client("medewerker").post(ADD, form())

    with_choice, without_choice = Signal.objects.order_by("pk")
    assert with_choice.category == chosen
    assert with_choice.suggested_category == suggested
    assert with_choice.suggestion_confidence == pytest.approx(0.95)
    # No choice: suggested and kept, but not interpreted.
    assert without_choice.category is None and without_choice.interpreted_at is None
    assert without_choice.suggested_category == suggested


def test_a_failing_classifier_does_not_stop_recording(world: Any, monkeypatch: Any) -> None:
    def broken(holder_id: int, text: str) -> Any:
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(suggestion_module, "_classifier", lambda: broken)

    response = world.client("medewerker").post(ADD, form())

    assert response.status_code == 302
    assert Signal.objects.get().suggested_category is None


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever"])
def test_funders_get_no_suggestions(world: Any, role: str) -> None:
    assert (
        world.client(role).post(reverse("signals:suggest"), {"description": "x"}).status_code == 403
    )


# --- the list --------------------------------------------------------------------------------


def test_the_list_shows_the_holders_signals_only(world: Any) -> None:
    own = SignalFactory(holder=world.own, description="Eigen signaal over de wachtlijst.")
    SignalFactory(holder=world.other_org, description="Signaal van een ander.")

    response = world.client("medewerker").get(INDEX)

    text = response.content.decode()
    assert response.status_code == 200
    assert own.description in text
    assert "Signaal van een ander." not in text


def test_filtering_on_a_main_category_finds_its_sub_categories(world: Any) -> None:
    main = CategoryFactory(holder=world.own, name="Wachtlijsten")
    sub = CategoryFactory(holder=world.own, parent=main, name="Verpleeghuis")
    other = CategoryFactory(holder=world.own, name="Eenzaamheid")
    SignalFactory(holder=world.own, category=sub, description="Onder de subcategorie.")
    SignalFactory(holder=world.own, category=main, description="Onder de hoofdcategorie.")
    SignalFactory(holder=world.own, category=other, description="Over eenzaamheid.")

    text = world.client("medewerker").get(INDEX, {"categorie": main.pk}).content.decode()

    assert "Onder de subcategorie." in text and "Onder de hoofdcategorie." in text
    assert "Over eenzaamheid." not in text


def test_filtering_on_not_yet_interpreted_law_and_period(world: Any) -> None:
    SignalFactory(holder=world.own, description="Nog niet geduid, Wlz.")
    SignalFactory(
        holder=world.own,
        description="Al geduid.",
        category=CategoryFactory(holder=world.own),
        interpreted_at=timezone.now(),
    )
    SignalFactory(holder=world.own, law="wmo", description="Over de Wmo.")
    SignalFactory(holder=world.own, description="Een jaar eerder.", week=_week(2020, 10))

    text = (
        world.client("medewerker")
        .get(INDEX, {"geduid": "nee", "wet": "wlz", "jaar": "2021", "kwartaal": "1"})
        .content.decode()
    )

    assert "Nog niet geduid, Wlz." in text
    for left_out in ("Al geduid.", "Over de Wmo.", "Een jaar eerder."):
        assert left_out not in text


def _week(year: int, week: int) -> Any:
    from koers.signals.weeks import IsoWeek

    return IsoWeek(year, week)


def test_a_wrong_filter_value_is_no_filter(world: Any) -> None:
    SignalFactory(holder=world.own, description="Blijft zichtbaar.")

    response = world.client("medewerker").get(INDEX, {"jaar": "x", "categorie": "<script>"})

    assert response.status_code == 200
    assert "Blijft zichtbaar." in response.content.decode()


@pytest.mark.parametrize("count", [10, 200])
def test_the_list_takes_a_fixed_number_of_queries(
    world: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    main = CategoryFactory(holder=world.own)
    sub = CategoryFactory(holder=world.own, parent=main)
    item = AgendaItemFactory(holder=world.own)
    signals = SignalFactory.create_batch(count, holder=world.own, category=sub)
    item.signals.add(*signals[:5])
    client = world.client("programmacoordinator")

    with django_assert_max_num_queries(22):
        response = client.get(INDEX)

    assert response.status_code == 200


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "regio", "bedrijfsvoering"])
def test_funders_and_the_board_never_see_signals_one_by_one(world: Any, role: str) -> None:
    signal = SignalFactory(holder=world.own)

    assert world.client(role).get(INDEX).status_code == 403
    assert world.client(role).get(reverse("signals:signal", args=[signal.pk])).status_code == 403


def test_bundling_without_a_tick_returns_to_the_list(world: Any) -> None:
    response = world.client("programmacoordinator").get(reverse("signals:bundle"))

    assert response.status_code == 302
    assert response["Location"] == INDEX


def test_bundling_hands_the_ticked_signals_to_a_new_agenda_item(world: Any) -> None:
    from django.urls import NoReverseMatch

    try:
        target = reverse("signals:agenda_item_add")
    except NoReverseMatch:
        pytest.skip("the agenda part of signals is not installed in this tree")
    first, second = SignalFactory(holder=world.own), SignalFactory(holder=world.own)
    foreign = SignalFactory(holder=world.other_org)
    client = world.client("programmacoordinator")

    bundled = client.get(reverse("signals:bundle"), {"signals": [second.pk, first.pk]})
    refused = client.get(reverse("signals:bundle"), {"signals": [first.pk, foreign.pk]})

    assert bundled["Location"] == f"{target}?signals={first.pk},{second.pk}"
    assert refused["Location"] == INDEX


def test_a_staff_member_may_not_bundle(world: Any) -> None:
    signal = SignalFactory(holder=world.own)

    response = world.client("medewerker").get(reverse("signals:bundle"), {"signals": [signal.pk]})

    assert response.status_code == 403


# --- one signal and its route ----------------------------------------------------------------


def test_the_route_shows_received_interpreted_on_the_agenda_and_fed_back(world: Any) -> None:
    category = CategoryFactory(holder=world.own, name="Wachtlijsten")
    signal = SignalFactory(
        holder=world.own, category=category, interpreted_at=timezone.now(), week=_week(2021, 10)
    )
    meeting = MeetingFactory(holder=world.own, title="Kwartaaloverleg juni")
    item = AgendaItemFactory(
        holder=world.own,
        meeting=meeting,
        status="teruggekoppeld",
        feedback="De provincie neemt het op met de zorgkantoren.",
        fed_back_to="Cliëntenraad Lelystad",
    )
    item.signals.add(signal)
    for status, day in [
        ("nieuw", dt.date(2021, 4, 1)),
        ("geagendeerd", dt.date(2021, 5, 1)),
        ("teruggekoppeld", dt.date(2021, 7, 1)),
    ]:
        AgendaStep.objects.create(item=item, status=status, on=day)

    response = world.client("medewerker").get(reverse("signals:signal", args=[signal.pk]))

    text = response.content.decode()
    assert response.status_code == 200
    assert "2021-W10" in text
    assert "Kwartaaloverleg juni" in text
    assert "De provincie neemt het op met de zorgkantoren." in text
    assert "Cliëntenraad Lelystad" in text
    assert "2021-07-01" in text  # the date it was fed back, machine-readable


def test_another_organisations_signal_is_not_found(world: Any) -> None:
    signal = SignalFactory(holder=world.own)

    response = world.client("outsider").get(reverse("signals:signal", args=[signal.pk]))

    assert response.status_code == 404


# --- interpreting ----------------------------------------------------------------------------


def test_interpreting_offers_the_suggestion_and_saves_the_persons_choice(world: Any) -> None:
    suggested = CategoryFactory(holder=world.own, name="Wachtlijsten")
    chosen = CategoryFactory(holder=world.own, name="Bejegening")
    signal = SignalFactory(
        holder=world.own, suggested_category=suggested, suggestion_confidence=0.7
    )
    client = world.client("medewerker")
    url = reverse("signals:signal_interpret", args=[signal.pk])

    page = client.get(url)
    saved = client.post(url, {"category": chosen.pk, "version": signal.version})

    assert f'<option value="{suggested.pk}" selected>' in page.content.decode()
    assert saved.status_code == 302
    signal.refresh_from_db()
    assert signal.category == chosen and signal.interpreted_by == world.users["medewerker"]


def test_a_staff_member_cannot_reinterpret_but_the_coordinator_can(world: Any) -> None:
    first, second = CategoryFactory(holder=world.own), CategoryFactory(holder=world.own)
    signal = SignalFactory(holder=world.own, category=first, interpreted_at=timezone.now())
    url = reverse("signals:signal_interpret", args=[signal.pk])

    assert world.client("medewerker").get(url).status_code == 403
    response = world.client("programmacoordinator").post(
        url, {"category": second.pk, "version": signal.version}
    )

    assert response.status_code == 302
    assert Signal.objects.get(pk=signal.pk).category == second


def test_interpreting_with_another_holders_category_is_refused(world: Any) -> None:
    signal = SignalFactory(holder=world.own)
    foreign = CategoryFactory(holder=world.other_org)

    response = world.client("directeur").post(
        reverse("signals:signal_interpret", args=[signal.pk]),
        {"category": foreign.pk, "version": signal.version},
    )

    assert response.status_code == 400
    assert Signal.objects.get(pk=signal.pk).category is None
