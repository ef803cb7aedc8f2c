"""On the demo itself: the meetings' "2 / 7" lists the two meetings behind it, and Krachtige
Samenleving's page lists KS-1 to KS-4 (issue 16, item 8)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from koers.accounts.models import User
from koers.demo import builder
from koers.plans.models import Goal, Indicator
from tests.conftest import verified_client

MEETINGS = "7 thematische netwerkbijeenkomsten"


@pytest.fixture
def demo(demo_db: dict[str, int]) -> dict[str, int]:
    return demo_db


@pytest.mark.parametrize("username", ["coordinator", "provincie"])
def test_the_meetings_list_the_two_meetings_they_counted(
    demo: dict[str, int], username: str
) -> None:
    indicator = Indicator.objects.get(activity__year=2021, title=MEETINGS)
    client = verified_client(User.objects.get(username=username))
    response = client.get(
        reverse("plans:activity", args=[indicator.activity_id])
        + f"?peildatum={builder.REFERENCE_DATE.isoformat()}"
    )
    assert response.status_code == 200
    card = next(c for c in response.context["cards"] if c["row"].indicator.pk == indicator.pk)
    assert card["row"].progress.realised == card["counted"].count == 2
    assert [record.text for record in card["counted"].records] == [
        "Themabijeenkomst kunst en cultuur",
        "Themabijeenkomst sport",
    ]
    assert all(record.url for record in card["counted"].records)  # both may open them


def test_krachtige_samenleving_lists_its_four_lines(demo: dict[str, int]) -> None:
    goal = Goal.objects.get(code="KS")
    client = verified_client(User.objects.get(username="provincie"))
    response = client.get(reverse("plans:goal", args=[goal.pk]))
    assert [child.code for child in response.context["sub_goals"]] == [
        "KS-1",
        "KS-2",
        "KS-3",
        "KS-4",
    ]
