"""A page of several versioned forms saved together (koers.core.versioning.versioned_edit_many),
through the page converted to it first: the quarter page, where the coordinator writes every
activity's progress at once. All or nothing; a conflict on one form keeps her input with the
other person's version beside it and answers 409."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages

from koers.core.models import AuditEntry
from koers.plans.models import QuarterReport
from tests.conftest import World
from tests.plans.factories import ActivityFactory, write_progress
from tests.plans.test_progress_views import page_data, url


@pytest.fixture
def second(world: World) -> Any:
    return ActivityFactory(programme=world.programme, line=world.activity.line, code="PG-2")


def _conflict_on_the_first(world: World, second: Any) -> tuple[Any, dict[str, str]]:
    """She opens the page; the director saves the first activity; she writes both."""
    client = world.client("programmacoordinator")
    data = page_data(client, url(world))
    write_progress(world.users["directeur"], world.activity, narrative="Versie van de directeur")
    data[f"a{world.activity.pk}-narrative"] = "Haar versie"
    data[f"a{second.pk}-risks"] = "Haar risico's"
    return client, data


def test_a_conflict_on_one_form_saves_none_of_them(world: World, second: Any) -> None:
    client, data = _conflict_on_the_first(world, second)
    response = client.post(url(world), data)
    assert response.status_code == 409
    assert not QuarterReport.objects.filter(activity=second).exists()
    assert QuarterReport.objects.get(activity=world.activity).narrative == (
        "Versie van de directeur"
    )
    assert AuditEntry.objects.filter(action="quarter_report.save").count() == 1  # hers: none
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Er is niets opgeslagen: zie de gemarkeerde activiteiten hieronder."
    ]


def test_only_the_conflicting_form_shows_their_version_and_all_keep_her_input(
    world: World, second: Any
) -> None:
    client, data = _conflict_on_the_first(world, second)
    response = client.post(url(world), data)
    shown = {entry.activity.pk: (form, rows) for entry, form, rows in response.context["entries"]}
    first_form, first_rows = shown[world.activity.pk]
    second_form, second_rows = shown[second.pk]
    assert ("Wat er dit kwartaal gebeurde", "Versie van de directeur") in first_rows
    assert second_rows is None
    assert "Iemand anders heeft de voortgang" in str(first_form.non_field_errors())
    assert not second_form.errors
    assert first_form["narrative"].value() == "Haar versie"
    assert second_form["risks"].value() == "Haar risico's"


def test_after_a_conflict_the_form_carries_their_version_as_what_she_saw(
    world: World, second: Any
) -> None:
    client, data = _conflict_on_the_first(world, second)
    response = client.post(url(world), data)
    form = next(f for e, f, _rows in response.context["entries"] if e.activity == world.activity)
    prefix = f"a{world.activity.pk}"
    assert form.data[f"{prefix}-version"] == "1"
    assert form.data[f"initial-{prefix}-narrative"] == "Versie van de directeur"
    # Posting the page as it is shown now is her deliberate choice: both are saved.
    again = {**data, f"{prefix}-version": "1"}
    again[f"initial-{prefix}-narrative"] = "Versie van de directeur"
    assert client.post(url(world), again).status_code == 302
    assert QuarterReport.objects.get(activity=world.activity).narrative == "Haar versie"
    assert QuarterReport.objects.get(activity=second).risks == "Haar risico's"


def test_a_refusal_beside_a_conflict_shows_its_own_reason(world: World, second: Any) -> None:
    client, data = _conflict_on_the_first(world, second)
    data[f"a{second.pk}-status_override"] = "achieved"  # without its reason
    response = client.post(url(world), data)
    assert response.status_code == 409
    shown = {entry.activity.pk: form for entry, form, _rows in response.context["entries"]}
    assert "Geef de reden waarom de status afwijkt" in str(shown[second.pk].errors)
    assert "Iemand anders" not in str(shown[second.pk].errors)
    assert not QuarterReport.objects.filter(activity=second).exists()
