"""The audit trail and the access log: searchable by an organisation's administrator,
for her own organisation's records only."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.urls import reverse
from openpyxl import load_workbook

from koers.privacy.models import AccessAction, AccessRecord
from tests.conftest import World
from tests.directory.factories import PersonFactory


def workbook_rows(response: Any) -> list[tuple[Any, ...]]:
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet is not None
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_the_audit_log_shows_her_organisations_changes_only(world: World) -> None:
    own = PersonFactory(holder=world.own, last_name="Eigenaar")
    other = PersonFactory(holder=world.other_org, last_name="Vreemd")
    data = {"last_name": "Eigenaar-Bos", "purpose": own.purpose, "lawful_basis": own.lawful_basis}
    world.client("medewerker").post(
        reverse("directory:person_edit", args=[own.pk]), {**data, "version": own.version}
    )
    outsider = world.client("outsider")
    outsider_edit = reverse("directory:person_edit", args=[other.pk])
    outsider.post(outsider_edit, {**data, "last_name": "Vreemd-Bos", "version": other.version})
    page = world.client("beheerder").get(reverse("privacy:audit_log")).content.decode()
    assert "Eigenaar-Bos" in page
    assert "Vreemd" not in page
    filtered = world.client("beheerder").get(reverse("privacy:audit_log"), {"user": "nobody"})
    assert "Eigenaar-Bos" not in filtered.content.decode()


def test_the_access_log_filters_and_downloads_with_a_reason(world: World) -> None:
    first = PersonFactory(holder=world.own)
    second = PersonFactory(holder=world.own)
    world.client("medewerker").get(reverse("directory:person", args=[first.pk]))
    world.client("directeur").get(reverse("directory:person", args=[second.pk]))
    client = world.client("beheerder")
    url = reverse("privacy:access_log")
    response = client.get(url, {"person": first.pk})
    assert [r.subject_id for r in response.context["page"]] == [first.pk]
    assert AccessRecord.objects.count() == 2  # reading the log on screen is not logged
    # The download asks a reason first; without one, nothing goes out and nothing is logged.
    refused = client.post(f"{url}?formaat=xlsx", {"reason": " "})
    assert refused.status_code == 400 and "Content-Disposition" not in refused
    assert "Zeg waarom je dit nodig hebt" in refused.content.decode()
    assert AccessRecord.objects.count() == 2
    download = client.post(url, {"reason": "Onderzoek naar een klacht"})
    rows = workbook_rows(download)
    assert sorted(row[4] for row in rows) == sorted([first.pk, second.pk] * 2)
    # The download itself: one record per person in it, with the reason, in the download.
    history = AccessRecord.objects.filter(action=AccessAction.HISTORY)
    assert sorted(history.values_list("subject_id", flat=True)) == sorted([first.pk, second.pk])
    assert {(r.user, r.reason) for r in history} == {
        (world.users["beheerder"], "Onderzoek naar een klacht")
    }
    assert [r[6] for r in rows if r[3].startswith("inzage")] == ["Onderzoek naar een klacht"] * 2
    page = client.get(url).content.decode()
    assert "Onderzoek naar een klacht" in page  # the reason is shown in the log


def test_the_downloaded_log_logs_only_the_persons_the_filter_keeps(world: World) -> None:
    first = PersonFactory(holder=world.own)
    second = PersonFactory(holder=world.own)
    world.client("medewerker").get(reverse("directory:person", args=[first.pk]))
    world.client("medewerker").get(reverse("directory:person", args=[second.pk]))
    url = reverse("privacy:access_log") + f"?person={first.pk}"
    world.client("beheerder").post(url, {"reason": "Inzageverzoek"})
    [record] = AccessRecord.objects.filter(action=AccessAction.HISTORY)
    assert record.subject_id == first.pk and record.detail == f"access log person={first.pk}"


def test_a_persons_access_history_is_hers_only(world: World) -> None:
    person = PersonFactory(holder=world.own)
    world.client("medewerker").get(reverse("directory:person", args=[person.pk]))
    world.client("medewerker").get(reverse("directory:persons"), {"q": person.last_name})
    client = world.client("beheerder")
    url = reverse("privacy:person_access", args=[person.pk])
    form = client.get(url)
    assert form.status_code == 200 and "reason" in form.context["form"].fields
    assert client.post(url, {"reason": ""}).status_code == 400
    assert AccessRecord.objects.count() == 2  # neither the form nor a refusal is logged
    rows = workbook_rows(client.post(url, {"reason": "Inzageverzoek van 3 mei"}))
    assert [row[3] for row in rows] == [
        "bekeken",
        "gevonden bij zoeken",
        "inzagegeschiedenis gedownload",  # this download, in her history
    ]
    assert [row[1] for row in rows] == [
        str(world.users["medewerker"]),
        str(world.users["medewerker"]),
        str(world.users["beheerder"]),
    ]
    assert rows[-1][6] == "Inzageverzoek van 3 mei"
    foreign = world.client("outsider").get(reverse("privacy:person_access", args=[person.pk]))
    # Another organisation's director: the person is not found there (docs/tenancy.md).
    assert foreign.status_code == 404
