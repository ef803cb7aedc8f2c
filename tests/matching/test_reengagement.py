"""Re-engagement: a campaign asks the pool's lapsed candidates (availability ended, or
deployable and not spoken to for weeks) whether they are available again; it shows how
many it reaches and asks before it sends; each gets a personal link that saves her new
availability once; the campaign's page counts the answers, names only for the pool's staff."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.matching.models import (
    Availability,
    Candidate,
    ReengagementCampaign,
    ReengagementInvite,
    Stage,
)
from koers.matching.public.links import token_hash
from koers.matching.public.queries import lapsed_candidates, lapsed_counts
from tests.confirming import post_confirmed, token_in
from tests.matching.factories_public import a_candidate

ADD = "/extra-handen/campagnes/nieuw/"
LINK = re.compile(r"https?://[^\s]+/extra-handen/weer-beschikbaar/([^/\s]+)/")
TODAY = timezone.localdate()
LONG_AGO = TODAY - dt.timedelta(weeks=20)


@pytest.fixture
def pool(world: Any, settings: Any) -> dict[str, Candidate]:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    own = world.own
    return {
        "ended": a_candidate(
            own, 1, stage=Stage.AANGEMELD, available_until=TODAY - dt.timedelta(1)
        ),
        "quiet": a_candidate(own, 2, last_contact_on=LONG_AGO),
        "never_called": a_candidate(own, 3, stage_since=LONG_AGO),
        "current": a_candidate(own, 4, stage=Stage.AANGEMELD, available_until=TODAY),
        "spoken_to": a_candidate(own, 5, last_contact_on=TODAY - dt.timedelta(weeks=2)),
        "stopped": a_candidate(own, 6, stage=Stage.GESTOPT, available_until=LONG_AGO),
        "no_address": a_candidate(own, 7, last_contact_on=LONG_AGO, email=""),
        "elsewhere": a_candidate(world.other_org, 8, last_contact_on=LONG_AGO),
    }


def test_lapsed_are_the_ended_and_the_quiet_deployable_ones(world: Any, pool: Any) -> None:
    found = set(lapsed_candidates(world.own.pk, TODAY, timezone.now()))
    assert found == {pool["ended"], pool["quiet"], pool["never_called"], pool["no_address"]}
    assert lapsed_counts(world.own.pk, TODAY, timezone.now()) == {"lapsed": 4, "reachable": 3}


def test_the_quiet_weeks_follow_the_setting_with_its_boundary(
    world: Any, pool: Any, settings: Any
) -> None:
    settings.MATCHING_CALLBACK_WEEKS = 2
    found = set(lapsed_candidates(world.own.pk, TODAY, timezone.now()))
    assert pool["spoken_to"] not in found  # exactly two weeks ago: not yet
    settings.MATCHING_CALLBACK_WEEKS = 1
    assert pool["spoken_to"] in set(lapsed_candidates(world.own.pk, TODAY, timezone.now()))


def test_erased_candidates_are_not_asked(world: Any, pool: Any) -> None:
    Candidate.objects.filter(pk=pool["quiet"].pk).update(person=None, erased_on=TODAY)
    assert pool["quiet"] not in set(lapsed_candidates(world.own.pk, TODAY, timezone.now()))


def test_the_form_shows_how_many_it_reaches(world: Any, pool: Any) -> None:
    page = world.client("medewerker").get(ADD)
    assert page.status_code == 200
    assert "Nu verlopen: 4 kandidaten" in page.content.decode()
    assert "3 van hen hebben een e-mailadres" in page.content.decode()


def test_it_asks_before_it_sends_and_sends_nothing_on_the_question(
    world: Any, pool: Any, mailoutbox: list[Any]
) -> None:
    question = world.client("medewerker").post(ADD, {"name": "Voorjaar", "message": "Hallo!"})
    assert question.status_code == 200
    assert token_in(question)
    assert "3 kandidaten krijgen een e-mail" in question.content.decode()
    assert not ReengagementCampaign.objects.exists()
    assert mailoutbox == []


def send(world: Any, capture: Any, role: str = "medewerker") -> Any:
    with capture(execute=True):
        return post_confirmed(
            world.client(role), ADD, {"name": "Voorjaar 2021", "message": "We missen u!"}
        )


def test_confirmed_it_invites_each_reachable_lapsed_candidate_once_by_mail(
    world: Any, pool: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    done = send(world, django_capture_on_commit_callbacks)
    campaign = ReengagementCampaign.objects.get()
    assert done.status_code == 302
    assert done["Location"] == f"/extra-handen/campagnes/{campaign.pk}/"
    assert campaign.holder == world.own
    assert campaign.created_by == world.users["medewerker"]
    invited = set(campaign.invites.values_list("candidate", flat=True))
    assert invited == {pool["ended"].pk, pool["quiet"].pk, pool["never_called"].pk}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        p.person.email for p in (pool["ended"], pool["quiet"], pool["never_called"])
    )
    body = mailoutbox[0].body
    assert "We missen u!" in body
    token = LINK.search(body).group(1)  # type: ignore[union-attr]
    assert ReengagementInvite.objects.filter(token_hash=token_hash(token)).exists()
    assert AuditEntry.objects.filter(action="campaign.sent").count() == 1
    # Asked once: a second campaign right after finds nobody (their invitations are open).
    refused = send(world, django_capture_on_commit_callbacks)
    assert refused.status_code == 400
    assert "er is niemand om hem naar te sturen" in refused.content.decode()
    assert ReengagementCampaign.objects.count() == 1


def test_only_those_who_keep_the_pool_send_campaigns(world: Any, pool: Any) -> None:
    for role in ("bedrijfsvoering", "toezicht", "opdrachtgever", "prioritering", "zorgvrager"):
        assert world.client(role).post(ADD, {"name": "x", "message": "y"}).status_code == 403
    assert not ReengagementCampaign.objects.exists()


def invite_link(world: Any, capture: Any, mailoutbox: list[Any], email: str) -> str:
    send(world, capture)
    body = next(m.body for m in mailoutbox if m.to == [email])
    return f"/extra-handen/weer-beschikbaar/{LINK.search(body).group(1)}/"  # type: ignore[union-attr]


AGAIN = {
    "weekdays": ["5", "6"],
    "start_time": "08:00",
    "end_time": "16:30",
    "available_from": "",
    "available_until": (TODAY + dt.timedelta(days=90)).isoformat(),
}


def test_available_again_saves_her_new_availability_once(
    world: Any, pool: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    quiet = pool["quiet"]
    link = invite_link(world, django_capture_on_commit_callbacks, mailoutbox, quiet.person.email)
    page = Client().get(link)
    assert page.status_code == 200
    assert "Ik ben weer beschikbaar" in page.content.decode()
    done = Client().post(link, AGAIN)
    assert done.status_code == 200
    added = Availability.objects.filter(candidate=quiet).order_by("-pk").first()
    assert added is not None
    assert added.weekdays == 0b1100000
    assert (added.start_time, added.end_time) == (dt.time(8), dt.time(16, 30))
    assert (added.valid_from, added.valid_until) == (TODAY, TODAY + dt.timedelta(days=90))
    quiet.refresh_from_db()
    assert quiet.last_contact_on == TODAY
    invite = ReengagementInvite.objects.get(candidate=quiet)
    assert invite.answered_at is not None
    used = Client().post(link, AGAIN)
    assert used.status_code == 410
    assert "al geantwoord" in used.content.decode()
    assert Availability.objects.filter(candidate=quiet).count() == 2
    assert Client().get(link).status_code == 410


def test_bad_availability_is_refused_and_the_link_stays_usable(
    world: Any, pool: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    quiet = pool["quiet"]
    link = invite_link(world, django_capture_on_commit_callbacks, mailoutbox, quiet.person.email)
    refused = Client().post(link, {**AGAIN, "available_until": "2001-01-01"})
    assert refused.status_code == 400
    assert "De einddatum" in refused.content.decode()
    assert Availability.objects.filter(candidate=quiet).count() == 1
    assert Client().post(link, AGAIN).status_code == 200


def test_an_expired_invitation_is_gone(
    world: Any, pool: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    link = invite_link(
        world, django_capture_on_commit_callbacks, mailoutbox, pool["quiet"].person.email
    )
    ReengagementInvite.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert Client().get(link).status_code == 410
    assert Client().post(link, AGAIN).status_code == 410
    assert Availability.objects.filter(candidate=pool["quiet"]).count() == 1


def test_an_unknown_invitation_is_not_found(world: Any) -> None:
    assert Client().get("/extra-handen/weer-beschikbaar/onbekend/").status_code == 404


def test_the_campaign_page_counts_and_names_only_for_the_pool_staff(
    world: Any, pool: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    link = invite_link(
        world, django_capture_on_commit_callbacks, mailoutbox, pool["quiet"].person.email
    )
    Client().post(link, AGAIN)
    campaign = ReengagementCampaign.objects.get()
    url = f"/extra-handen/campagnes/{campaign.pk}/"
    name = str(pool["quiet"].person)
    staff = world.client("bedrijfsvoering").get(url)
    assert staff.status_code == 200
    assert name in staff.content.decode()
    assert staff.context["campaign"].sent == 3
    assert staff.context["campaign"].answered == 1
    for role in ("toezicht", "opdrachtgever"):
        figures = world.client(role).get(url)
        assert figures.status_code == 200, role
        assert figures.context["campaign"].answered == 1
        assert name not in figures.content.decode()
        assert "de Vries" not in figures.content.decode()
    assert world.client("outsider").get(url).status_code == 404
    # Nor to a care contact who asked this organisation for no help (docs/tenancy.md).
    assert world.client("zorgvrager").get(url).status_code == 404


def test_the_campaign_list_counts_in_a_constant_number_of_queries(
    world: Any, pool: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(12):
        campaign = ReengagementCampaign.objects.create(holder=world.own, name=f"C{n}", message="m")
        ReengagementInvite.objects.create(
            campaign=campaign,
            candidate=pool["quiet"],
            token_hash=f"{n:064d}",
            expires_at=timezone.now(),
        )
    client = world.client("medewerker")
    client.get("/extra-handen/campagnes/")
    with django_assert_max_num_queries(12):
        page = client.get("/extra-handen/campagnes/")
    assert len(page.context["campaigns"]) == 12
