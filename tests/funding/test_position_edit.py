"""The financial position of a year is edited with the version it was opened with."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse

from koers.funding.models import FinancialYear


def test_saving_the_position_twice_raises_its_version(world: Any) -> None:
    url = reverse("funding:position_edit", args=[2021])
    client = world.client("bedrijfsvoering")
    assert client.post(url, {"equity": "100"}).status_code == 302
    record = FinancialYear.objects.get(organisation=world.own, year=2021)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["version"] == record.version
    response = client.post(url, {"equity": "200", "version": str(record.version)})
    assert response.status_code == 302
    assert response["Location"] == reverse("funding:position")
    record.refresh_from_db()
    assert (record.equity, record.version) == (Decimal("200.00"), 2)


def test_a_stale_edit_of_the_position_gets_409_with_the_other_version(world: Any) -> None:
    record = FinancialYear.objects.create(organisation=world.own, year=2021, equity=100)
    opened = record.version
    FinancialYear.objects.filter(pk=record.pk).update(equity=555, version=opened + 1)
    response = world.client("bedrijfsvoering").post(
        reverse("funding:position_edit", args=[2021]), {"equity": "200", "version": str(opened)}
    )
    assert response.status_code == 409
    assert "555" in response.content.decode()
    record.refresh_from_db()
    assert record.equity == Decimal("555.00")
