"""The GET filters of the funding pages: junk shows the unfiltered page, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.funding.factories import GrantFactory

FUNDER_JUNK = ["abc", "-1", "1.5", "99999999999999999999999", "", "1e3"]
QUARTER_JUNK = ["abc", "2021", "2021-5", "2021-0", "0-1", "0000-1", "10000-1", "2021-2-3", "-"]


@pytest.mark.parametrize("junk", FUNDER_JUNK)
def test_junk_as_the_funder_shows_every_funders_grants(world: Any, junk: str) -> None:
    GrantFactory(organisation=world.own, funder=world.province, title="Provinciegeld")
    GrantFactory(organisation=world.own, funder=world.regio, title="Regio-geld")
    response = world.client("bedrijfsvoering").get(reverse("funding:grants"), {"financier": junk})
    assert response.status_code == 200
    assert response.context["chosen_funder"] is None
    page = response.content.decode()
    assert "Provinciegeld" in page
    assert "Regio-geld" in page


def test_a_funder_narrows_the_pipeline_to_her_grants(world: Any) -> None:
    GrantFactory(organisation=world.own, funder=world.province, title="Provinciegeld")
    GrantFactory(organisation=world.own, funder=world.regio, title="Regio-geld")
    response = world.client("bedrijfsvoering").get(
        reverse("funding:grants"), {"financier": str(world.regio.pk)}
    )
    assert response.context["chosen_funder"] == world.regio.pk
    titles = [grant.title for grant in response.context["grants"]]
    assert titles == ["Regio-geld"]
    assert [stage.count for stage in response.context["stages"] if stage.count] == [1]


@pytest.mark.parametrize("junk", QUARTER_JUNK)
def test_junk_as_the_quarter_shows_the_current_quarter(world: Any, junk: str) -> None:
    client = world.client("bedrijfsvoering")
    current = client.get(reverse("funding:advances")).context["overview"].quarter
    response = client.get(reverse("funding:advances"), {"kwartaal": junk})
    assert response.status_code == 200
    assert response.context["overview"].quarter == current


def test_a_quarter_is_shown_as_asked(world: Any) -> None:
    response = world.client("bedrijfsvoering").get(
        reverse("funding:advances"), {"kwartaal": "2019-4"}
    )
    assert str(response.context["overview"].quarter) == "Q4 2019"
    assert (response.context["previous"], response.context["following"]) == ("2019-3", "2020-1")
