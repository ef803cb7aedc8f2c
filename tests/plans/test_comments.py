"""Questions and answers on an activity: who may post, threading, e-mail and open questions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.core.models import AuditEntry
from koers.plans import queries, services
from koers.plans.models import ActivityComment
from koers.plans.notifications import comment_messages, tell_about_comment
from tests.conftest import World
from tests.plans.factories import ActivityFactory


def post(world: World, role: str, text: str = "Hoe gaat het in Urk?", **more: Any) -> Any:
    return services.activity_comment_post(
        actor=world.users[role], activity=more.pop("activity", world.activity), text=text, **more
    )


@pytest.fixture
def addressed(world: World) -> World:
    """The programme has a coordinator and the activity an owner, both with an address."""
    coordinator = world.users["programmacoordinator"]
    owner = world.users["medewerker"]
    owner.first_name, owner.last_name = "Mila", "de Vries"
    owner.save()
    world.programme.coordinator = coordinator
    world.programme.save()
    world.activity.owner = owner
    world.activity.save()
    return world


class TestWhoMayPost:
    @pytest.mark.parametrize("role", ["opdrachtgever", "programmacoordinator", "directeur"])
    def test_funders_officials_and_the_programmes_editors_post(
        self, world: World, role: str
    ) -> None:
        comment = post(world, role)
        assert comment.parent is None and comment.author == world.users[role]

    @pytest.mark.parametrize(
        "role", ["medewerker", "bedrijfsvoering", "beheerder", "toezicht", "regio", "outsider"]
    )
    def test_everyone_else_is_refused(self, world: World, role: str) -> None:
        with pytest.raises(PermissionDenied):
            post(world, role)
        assert not ActivityComment.objects.exists()

    def test_a_coordinator_cannot_post_on_another_programme(self, world: World) -> None:
        other = ActivityFactory(programme=world.unfunded_programme)
        with pytest.raises(PermissionDenied):
            post(world, "programmacoordinator", activity=other)

    def test_the_other_funder_posts_on_her_own_programme(self, world: World) -> None:
        own = ActivityFactory(programme=world.unfunded_programme)
        assert post(world, "regio", activity=own).pk


class TestPosting:
    def test_it_is_audited(self, world: World) -> None:
        comment = post(world, "opdrachtgever", remote_addr="10.0.0.9")
        entry = AuditEntry.objects.get(action="activity_comment.post")
        assert entry.subject_id == comment.pk
        assert entry.changes["text"] == [None, "Hoe gaat het in Urk?"]
        assert entry.remote_addr == "10.0.0.9"

    @pytest.mark.parametrize("text", ["", "   \n"])
    def test_an_empty_comment_is_refused(self, world: World, text: str) -> None:
        with pytest.raises(ValidationError) as caught:
            post(world, "opdrachtgever", text=text)
        assert "text" in caught.value.message_dict
        assert not AuditEntry.objects.exists()

    def test_a_very_long_comment_is_refused(self, world: World) -> None:
        with pytest.raises(ValidationError, match="Houd het onder de 5000 tekens"):
            post(world, "opdrachtgever", text="x" * 5001)

    def test_an_answer_to_an_answer_joins_the_thread(self, world: World) -> None:
        question = post(world, "opdrachtgever")
        answer = post(world, "programmacoordinator", text="Goed.", parent=question)
        follow_up = post(world, "opdrachtgever", text="Dank!", parent=answer)
        assert answer.parent == question and follow_up.parent == question
        assert AuditEntry.objects.filter(action="activity_comment.reply").count() == 2

    def test_an_answer_stays_on_its_own_activity(self, world: World) -> None:
        question = post(world, "opdrachtgever")
        elsewhere = ActivityFactory(programme=world.programme)
        with pytest.raises(ValidationError, match="Die opmerking hoort bij een andere activiteit"):
            post(world, "programmacoordinator", activity=elsewhere, parent=question)


class TestEmail:
    def test_a_funders_question_goes_to_the_coordinator_and_the_owner(
        self, addressed: World, django_capture_on_commit_callbacks: Any, mailoutbox: Any
    ) -> None:
        from django_tasks_db.models import DBTaskResult

        with django_capture_on_commit_callbacks(execute=True):
            question = post(addressed, "opdrachtgever")
        assert DBTaskResult.objects.count() == 1  # queued for the worker
        assert tell_about_comment.call(question.pk) == 2
        assert sorted(mail.to[0] for mail in mailoutbox) == [
            "medewerker@example.org",
            "programmacoordinator@example.org",
        ]
        mail = mailoutbox[0]
        assert "Hoe gaat het in Urk?" in mail.body
        assert addressed.activity.code in mail.subject
        assert "Provincie Flevoland" in mail.body  # the staff may know who asked
        assert addressed.users["opdrachtgever"].last_name in mail.body

    def test_an_answer_goes_to_the_threads_author_without_staff_names(
        self, addressed: World
    ) -> None:
        question = post(addressed, "opdrachtgever")
        answer = post(addressed, "programmacoordinator", text="Het loopt.", parent=question)
        [(address, subject, body)] = comment_messages(answer.pk)
        assert addressed.activity.code in subject
        assert address == "provincie@example.org"
        assert "Het loopt." in body and "CMO Flevoland" in body
        coordinator = addressed.users["programmacoordinator"]
        assert coordinator.last_name not in body and coordinator.username not in body

    def test_nobody_is_told_of_her_own_post_or_twice(self, addressed: World) -> None:
        addressed.activity.owner = addressed.users["programmacoordinator"]
        addressed.activity.save()
        question = post(addressed, "opdrachtgever")
        assert [m[0] for m in comment_messages(question.pk)] == ["programmacoordinator@example.org"]
        own = post(addressed, "opdrachtgever", text="Aanvulling", parent=question)
        assert comment_messages(own.pk) == []

    def test_the_organisations_own_remark_is_mailed_to_nobody(self, addressed: World) -> None:
        assert comment_messages(post(addressed, "directeur").pk) == []

    def test_who_left_the_organisation_is_not_told(self, addressed: World) -> None:
        from koers.accounts.models import Membership

        question = post(addressed, "opdrachtgever")
        assert len(comment_messages(question.pk)) == 2
        owner = addressed.users["medewerker"]
        Membership.objects.filter(user=owner, organisation=addressed.own).update(
            organisation=addressed.other_org
        )
        assert [m[0] for m in comment_messages(question.pk)] == ["programmacoordinator@example.org"]

    def test_no_address_no_mail(self, addressed: World) -> None:
        for role in ("programmacoordinator", "medewerker"):
            user = addressed.users[role]
            user.email = ""
            user.save()
        assert comment_messages(post(addressed, "opdrachtgever").pk) == []


class TestOpenQuestions:
    def test_a_funders_question_is_open_until_the_organisation_answers(self, world: World) -> None:
        question = post(world, "opdrachtgever")
        post(world, "directeur", text="Een eigen opmerking")  # not a funder's question
        programmes = [world.programme.pk]
        assert list(queries.open_questions(programmes)) == [question]
        post(world, "opdrachtgever", text="Nog een vraag erbij", parent=question)
        assert queries.open_question_counts(programmes) == {world.programme.pk: 1}
        post(world, "programmacoordinator", text="Antwoord", parent=question)
        assert list(queries.open_questions(programmes)) == []
        assert queries.open_question_counts(programmes) == {}

    def test_threads_come_with_their_answers_and_sides(self, world: World) -> None:
        question = post(world, "opdrachtgever")
        post(world, "programmacoordinator", text="Antwoord", parent=question)
        [thread] = queries.activity_threads(world.activity)
        assert thread.funder_name == "Provincie Flevoland"  # type: ignore[attr-defined]
        [answer] = thread.replies.all()
        assert answer.funder_name is None  # type: ignore[attr-defined]
