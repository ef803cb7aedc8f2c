"""The research register: projects of an organisation, seen by its staff and its funders and
kept by whoever manages its statistics; survey results only as aggregates, refused with any
other column, small numbers hidden (and what would give them away); the measure of research
delivered."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.insight.measures import MEASURES
from koers.insight.models import (
    ResearchKind,
    ResearchProject,
    ResearchStatus,
    SurveyAnswer,
    SurveyResult,
)
from koers.insight.surveys import read_survey, results_of
from tests.conftest import World, verified_client
from tests.plans.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

AGGREGATED = (
    "vraag;antwoord;aantal\n"
    "Hoe tevreden bent u?;Tevreden;42\n"
    "Hoe tevreden bent u?;Ontevreden;3\n"
    "Kreeg u hulp op tijd?;Ja;30\n"
    "Kreeg u hulp op tijd?;Nee;12\n"
    "Woont u alleen?;Ja;2\n"
    "Woont u alleen?;Nee;1\n"
)


def project_of(world: World, **fields: object) -> ResearchProject:
    return ResearchProject.objects.create(
        holder=world.own,
        title="Cliëntervaringsonderzoek",
        kind=ResearchKind.CLIENT_EXPERIENCE,
        question="Hoe ervaren cliënten de zorg?",
        **fields,
    )


def upload(text: str, name: str = "enquete.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_small_numbers_are_hidden_and_so_is_what_would_give_them_away() -> None:
    satisfied, on_time, alone = results_of(
        [
            ("Tevreden?", "Ja", 42),
            ("Tevreden?", "Nee", 3),
            ("Op tijd?", "Ja", 30),
            ("Op tijd?", "Nee", 12),
            ("Alleen?", "Ja", 2),
            ("Alleen?", "Nee", 1),
        ]
    )
    assert [a.count_text for a in satisfied.answers] == ["42", "< 5"]
    assert satisfied.total_text == "—"  # 45 - 42 would give the 3 away
    assert [a.share_text for a in satisfied.answers] == ["—", "—"]
    assert [a.share_text for a in on_time.answers] == ["71%", "29%"]
    assert on_time.total_text == "42"
    assert alone.hidden  # three respondents in all


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("respondent;vraag;antwoord;aantal\n17;Tevreden?;Ja;1\n", "respondent"),
        ("vraag;antwoord;aantal;postcode\nTevreden?;Ja;1;8223\n", "postcode"),
        ("vraag;antwoord;aantal\nTevreden?;Ja;veel\n", "veel"),
        ("vraag;antwoord;aantal\nTevreden?;Ja;1\nTevreden?;Ja;2\n", "twee keer"),
        ("vraag;antwoord\nTevreden?;Ja\n", "vraag, antwoord en aantal"),
        ("vraag;antwoord;aantal\n;Ja;4\n", "vraag als een antwoord"),
    ],
)
def test_a_file_that_is_not_only_aggregates_is_refused_and_nothing_is_kept(
    world: World, text: str, reason: str
) -> None:
    project = project_of(world)
    client = verified_client(world.users["directeur"])
    url = reverse("insight:survey_upload", args=[project.pk])

    response = client.post(url, {"title": "Voorjaar 2022", "file": upload(text)})

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_the_check_keeps_nothing_and_the_confirmation_keeps_the_aggregates(world: World) -> None:
    project = project_of(world)
    client = verified_client(world.users["directeur"])
    url = reverse("insight:survey_upload", args=[project.pk])

    checked = client.post(url, {"title": "Voorjaar 2022", "file": upload(AGGREGATED)})
    assert checked.status_code == 200 and not SurveyAnswer.objects.exists()
    assert "&lt; 5" in checked.content.decode()
    carried = checked.context["confirm"].initial  # what the check page's button posts
    token = carried["token"]
    kept = client.post(reverse("insight:survey_confirm", args=[project.pk]), carried)
    again = client.post(
        reverse("insight:survey_confirm", args=[project.pk]),
        {"token": token, "title": "Voorjaar 2022"},
    )

    assert kept.status_code == 302 and again.status_code == 302
    assert SurveyAnswer.objects.count() == 6  # once, not twice
    assert SurveyResult.objects.get().file_name == "enquete.csv"  # hers, not the kept copy's
    assert AuditEntry.objects.filter(action="survey_result.imported").count() == 1
    page = verified_client(world.users["opdrachtgever"]).get(
        reverse("insight:research_project", args=[project.pk])
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "&lt; 5" in html and ">3<" not in html


def test_who_sees_and_who_keeps_a_project(world: World) -> None:
    project = project_of(world)
    url = reverse("insight:research_project", args=[project.pk])
    edit = reverse("insight:research_project_edit", args=[project.pk])

    assert verified_client(world.users["opdrachtgever"]).get(url).status_code == 200
    assert verified_client(world.users["outsider"]).get(url).status_code == 404
    assert verified_client(world.users["outsider"]).get(edit).status_code == 404
    assert verified_client(world.users["medewerker"]).get(edit).status_code == 403
    assert verified_client(world.users["directeur"]).get(edit).status_code == 200


def test_a_project_delivered_without_a_date_is_refused_and_a_good_one_is_audited(
    world: World,
) -> None:
    client = verified_client(world.users["directeur"])
    url = reverse("insight:research_project_create")
    base = {
        "title": "Trendmonitor 2021",
        "kind": ResearchKind.TREND_MONITOR,
        "question": "Welke trends?",
        "programme": world.programme.pk,
    }

    refused = client.post(url, {**base, "status": ResearchStatus.DELIVERED})
    saved = client.post(
        url, {**base, "status": ResearchStatus.DELIVERED, "delivered_on": "2021-11-30"}
    )

    assert refused.status_code == 400 and not ResearchProject.objects.filter(title="x").exists()
    assert saved.status_code == 302
    project = ResearchProject.objects.get()
    assert project.holder_id == world.own.pk
    assert AuditEntry.objects.filter(action="research_project.created").count() == 1


def test_research_delivered_counts_the_organisation_s_delivered_projects(world: World) -> None:
    (delivered,) = [m for m in MEASURES if m.key == "insight.research_delivered"]
    project_of(world, status=ResearchStatus.DELIVERED, delivered_on=dt.date(2021, 6, 1))
    project_of(world, status=ResearchStatus.RUNNING)
    ResearchProject.objects.create(
        holder=world.other_org,
        title="Elders",
        kind=ResearchKind.E_PANEL,
        question="?",
        status=ResearchStatus.DELIVERED,
        delivered_on=dt.date(2021, 6, 1),
    )
    any_kind = IndicatorFactory(activity=world.activity, source="derived")
    panels = IndicatorFactory(
        activity=world.activity, source="derived", measure_params={"kind": "e-panel"}
    )
    values = delivered.compute_all([any_kind, panels], dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert values == {any_kind.pk: Decimal(1), panels.pk: Decimal(0)}


def test_reading_a_file_keeps_the_file_s_order(tmp_path: Path) -> None:
    path = tmp_path / "enquete.csv"
    path.write_text(AGGREGATED, encoding="utf-8")
    found = read_survey(path)
    assert not found.problems
    assert [q.question for q in found.questions] == [
        "Hoe tevreden bent u?",
        "Kreeg u hulp op tijd?",
        "Woont u alleen?",
    ]


def test_removing_a_survey_takes_its_answers_and_is_audited_and_only_for_its_manager(
    world: World,
) -> None:
    from django.core.exceptions import PermissionDenied

    from koers.insight import services
    from koers.insight.models import SurveyAnswer, SurveyResult
    from tests.insight.matrix import a_survey

    survey = a_survey(world)
    with pytest.raises(PermissionDenied):  # reads statistics, does not manage them
        services.survey_result_remove(world.users["medewerker"], survey)
    assert SurveyResult.objects.filter(pk=survey.pk).exists()

    services.survey_result_remove(world.users["directeur"], survey)

    assert not SurveyResult.objects.filter(pk=survey.pk).exists()
    assert not SurveyAnswer.objects.filter(survey_id=survey.pk).exists()
    entry = AuditEntry.objects.get(action="survey_result.removed")
    assert entry.changes["title"] == ["Voorjaar 2022", None]


def test_a_change_saved_by_someone_else_in_between_is_not_overwritten(world: World) -> None:
    """Two researchers open the project; the first saves her findings, the second saves the
    version she opened: 409, the first's findings stay, and the second's form shows them."""
    project = project_of(world, status=ResearchStatus.RUNNING)
    edit = reverse("insight:research_project_edit", args=[project.pk])
    client = verified_client(world.users["directeur"])
    opened = client.get(edit).context["form"]
    seen = {
        name: opened[name].value() for name in ("title", "kind", "question", "status", "findings")
    }
    posted = {**seen, "version": opened.initial["version"]}
    posted |= {f"initial-{name}": value or "" for name, value in seen.items()}

    first = client.post(edit, {**posted, "findings": "Cliënten zijn tevreden."})
    second = client.post(edit, {**posted, "title": "Cliëntervaring 2021"})

    assert first.status_code == 302
    assert second.status_code == 409
    project.refresh_from_db()
    assert (project.findings, project.title, project.version) == (
        "Cliënten zijn tevreden.",
        "Cliëntervaringsonderzoek",
        2,
    )
    assert "Cliënten zijn tevreden." in second.content.decode()


def test_a_key_figure_changed_by_someone_else_in_between_is_not_overwritten(
    world: World,
) -> None:
    from tests.insight.matrix import a_key_figure

    figure = a_key_figure(world)
    edit = reverse("insight:key_figure_edit", args=[figure.pk])
    client = verified_client(world.users["directeur"])
    opened = client.get(edit).context["form"]
    names = ("topic", "breakdown", "title", "position", "flow")
    seen = {name: opened[name].value() for name in names}
    seen = {name: "" if value is None else str(value) for name, value in seen.items()}
    posted = {**seen, "on_dashboard": "on"}
    posted |= {f"initial-{name}": value for name, value in seen.items()}
    posted |= {"initial-on_dashboard": "on", "version": opened.initial["version"]}

    first = client.post(edit, {**posted, "title": "Inwoners (eerste)"})
    second = client.post(edit, {**posted, "position": "5"})

    assert first.status_code == 302, first.content.decode()[-3000:]
    assert second.status_code == 409
    figure.refresh_from_db()
    assert (figure.title, figure.position, figure.version) == ("Inwoners (eerste)", 0, 2)
