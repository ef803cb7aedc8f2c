"""Posting and reading questions on the activity page, with and without htmx, and the open
questions on the programme page and the dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.plans import services
from koers.plans.models import ActivityComment, AnnualPlanStatus
from tests.conftest import World

HTMX = {"HTTP_HX_REQUEST": "true"}


def comment_url(world: World, activity: Any = None) -> str:
    return reverse("plans:activity_comment", args=[(activity or world.activity).pk])


def activity_url(world: World) -> str:
    return reverse("plans:activity", args=[world.activity.pk])


def ask(world: World, text: str = "Waarom loopt dit achter?") -> ActivityComment:
    return services.activity_comment_post(
        actor=world.users["opdrachtgever"], activity=world.activity, text=text
    )


class TestPosting:
    def test_without_htmx_it_returns_to_the_thread_on_the_page(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        from django_tasks_db.models import DBTaskResult

        with django_capture_on_commit_callbacks(execute=True):
            response = world.client("opdrachtgever").post(
                comment_url(world), {"text": "Waarom loopt dit achter?"}
            )
        assert response.status_code == 302
        assert response["Location"] == activity_url(world) + "#comments"
        comment = ActivityComment.objects.get()
        assert (comment.author, comment.parent) == (world.users["opdrachtgever"], None)
        assert DBTaskResult.objects.count() == 1  # the e-mail, for the worker

    def test_with_htmx_the_section_comes_back_in_place(self, world: World) -> None:
        response = world.client("opdrachtgever").post(
            comment_url(world), {"text": "Waarom loopt dit achter?"}, **HTMX
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert html.lstrip().startswith('<section id="comments"')
        assert "Waarom loopt dit achter?" in html
        assert 'id="comments-status" hx-swap-oob="innerHTML"' in html
        assert "Je bericht is geplaatst." in html

    def test_an_answer_joins_the_thread(self, world: World) -> None:
        question = ask(world)
        response = world.client("programmacoordinator").post(
            comment_url(world), {"text": "Partner haakte af.", "parent": str(question.pk)}
        )
        assert response.status_code == 302
        assert ActivityComment.objects.get(parent=question).text == "Partner haakte af."

    def test_an_empty_comment_keeps_the_page_with_the_message(self, world: World) -> None:
        response = world.client("opdrachtgever").post(comment_url(world), {"text": " "})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Partners verbinden" in html  # the whole activity page
        assert 'class="error-summary"' in html
        assert not ActivityComment.objects.exists()

    def test_an_empty_answer_with_htmx_opens_its_form_with_the_message(self, world: World) -> None:
        question = ask(world)
        response = world.client("directeur").post(
            comment_url(world), {"text": "", "parent": str(question.pk)}, **HTMX
        )
        assert response.status_code == 422
        html = response.content.decode()
        assert 'id="id_reply' in html and "open>" in html.replace("\n", "").replace(" ", "")
        assert "Het bericht is niet geplaatst" in html
        assert ActivityComment.objects.count() == 1

    def test_an_answer_to_another_activitys_comment_is_not_found(self, world: World) -> None:
        other = services.activity_comment_post(
            actor=world.users["opdrachtgever"], activity=world.other_activity, text="Elders"
        )
        response = world.client("programmacoordinator").post(
            comment_url(world), {"text": "Antwoord", "parent": str(other.pk)}
        )
        assert response.status_code == 404
        assert ActivityComment.objects.count() == 1


class TestWhoPosts:
    def test_anonymous_visitors_are_sent_to_sign_in(self, world: World) -> None:
        response = Client().post(comment_url(world), {"text": "Hallo"})
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
        assert not ActivityComment.objects.exists()

    @pytest.mark.parametrize("role", ["medewerker", "toezicht", "bedrijfsvoering"])
    def test_readers_without_a_voice_are_refused(self, world: World, role: str) -> None:
        assert world.client(role).post(comment_url(world), {"text": "Hallo"}).status_code == 403
        assert not ActivityComment.objects.exists()

    @pytest.mark.parametrize("role", ["regio", "outsider"])
    def test_a_programme_out_of_her_scope_is_not_found(self, world: World, role: str) -> None:
        assert world.client(role).post(comment_url(world), {"text": "Hallo"}).status_code == 404

    def test_readers_see_the_thread_but_no_form(self, world: World) -> None:
        ask(world)
        html = world.client("medewerker").get(activity_url(world)).content.decode()
        assert "Waarom loopt dit achter?" in html
        assert comment_url(world) not in html


class TestWhoSeesWhichName:
    def test_staff_see_the_officials_name_the_funder_sees_the_organisation(
        self, world: World
    ) -> None:
        question = ask(world)
        services.activity_comment_post(
            actor=world.users["programmacoordinator"],
            activity=world.activity,
            text="Partner haakte af.",
            parent=question,
        )
        official = world.users["opdrachtgever"]
        coordinator = world.users["programmacoordinator"]
        staff_page = world.client("medewerker").get(activity_url(world)).content.decode()
        assert f"{official.get_full_name()} (Provincie Flevoland)" in staff_page
        assert f"{coordinator.get_full_name()} (CMO Flevoland)" in staff_page
        funder_page = world.client("opdrachtgever").get(activity_url(world)).content.decode()
        assert "Antwoord van CMO Flevoland" in funder_page
        assert "Vraag van jou" in funder_page
        assert coordinator.get_full_name() not in funder_page


class TestOpenQuestions:
    def test_the_programme_page_and_the_dashboard_show_what_awaits_an_answer(
        self, world: World
    ) -> None:
        question = ask(world)
        client = world.client("programmacoordinator")
        programme = client.get(reverse("plans:programme", args=[world.programme.pk]))
        html = programme.content.decode()
        assert "1 vraag van een opdrachtgever wacht op antwoord" in html
        assert f"#thread-{question.pk}" in html
        dashboard = client.get(reverse("plans:dashboard") + "?jaar=2021").content.decode()
        assert "1 vraag van een opdrachtgever wacht op antwoord" in dashboard
        services.activity_comment_post(
            actor=world.users["programmacoordinator"],
            activity=world.activity,
            text="Antwoord",
            parent=question,
        )
        again = client.get(reverse("plans:dashboard") + "?jaar=2021").content.decode()
        assert "wacht op antwoord" not in again


def test_an_empty_advice_shows_the_annual_plan_again_with_the_field_marked(world: World) -> None:
    """It was a redirect with "Write your comment." as a message, the field not marked."""
    plan = services.annual_plan_transition(
        actor=world.users["directeur"],
        annual_plan=world.annual_plan,
        to_status=AnnualPlanStatus.ADVICE,
    )
    response = world.client("toezicht").post(
        reverse("plans:advisory_comment", args=[plan.pk]), {"text": " "}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_text"' in page
    assert 'id="id_text_error"' in page
    assert not plan.advisory_comments.exists()
