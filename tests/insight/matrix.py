"""The permission matrix's rows of insight (added to ROWS)."""

from __future__ import annotations

from typing import Any

# Statistics are public figures of the whole installation: every role that plans, reports or
# funds reads them (another organisation's director too); a signed-in user without a role
# and the two roles of Extra handen do not.
STATISTICS_READERS = [200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403]
NOT_ALLOWED = [405, 405, 405, 405, 405, 405, 405, 405, 405, 403, 403, 403]
# Importing a table (MANAGE_STATISTICS): the beheerder, directors (another organisation's
# too: the tables are the installation's) and coordinators.
IMPORTERS = [200, 200, 403, 200, 403, 403, 403, 403, 200, 403, 403, 403]
IMPORT_REFUSED_ON_PAGE = [400, 400, 403, 400, 403, 403, 403, 403, 400, 403, 403, 403]
IMPORT_CONFIRM_WITHOUT_UPLOAD = [302, 302, 403, 302, 403, 403, 403, 403, 302, 403, 403, 403]
# Changing or removing a key figure: the statistics managers of the organisation that keeps
# it (koers.insight.keepers); another organisation's director is refused with the reason.
KEEPERS = [200, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403]
KEEPERS_POSTED = [400, 400, 403, 400, 403, 403, 403, 403, 403, 403, 403, 403]
IMPORT_CONFIRM_GET = [405, 405, 403, 405, 403, 403, 403, 403, 405, 403, 403, 403]
# The monitoring chain of the province's KS-1: whoever sees the goal's tree (the plan's own
# staff and its funder); another funder and another organisation's director do not (404).
CHAIN_READERS = [200, 200, 200, 200, 200, 200, 200, 404, 404, 403, 403, 403]
# Writing a note on a figure (ANNOTATE_FIGURES): staff who work on the programmes, not the
# beheerder, the board or funders.
NOTE_WRITERS = [403, 302, 302, 302, 302, 403, 403, 403, 302, 403, 403, 403]
# Removing a note of the plan's organisation written by its medewerker: she herself, and whoever
# manages the statistics there (the question page, 200); anyone else does not find it (404).
NOTE_REMOVERS = [200, 200, 404, 200, 200, 404, 404, 404, 404, 403, 403, 403]


def a_dataset(world: Any) -> Any:
    """A small table: inhabitants of Almere in 2021 (example data)."""
    from decimal import Decimal

    from django.utils import timezone

    from koers.insight.models import Dataset, Observation, Topic

    dataset, made = Dataset.objects.get_or_create(
        source="Koers tests",
        table_id="t-1",
        defaults={
            "title": "Inwoners (voorbeeld)",
            "is_example": True,
            "imported_at": timezone.now(),
        },
    )
    if made:  # the rows of one test (a crawl of the matrix) share it
        topic = Topic.objects.create(
            dataset=dataset, key="inwoners", title="Inwoners", unit="aantal"
        )
        Observation.objects.create(
            dataset=dataset, topic=topic, region="GM0034", period="2021JJ00", value=Decimal(216000)
        )
    return dataset


def a_key_figure(world: Any) -> Any:
    from koers.insight.models import KeyFigure

    figure, _made = KeyFigure.objects.get_or_create(
        topic=a_dataset(world).topics.get(), defaults={"keeper": world.own}
    )
    return figure


def a_note(world: Any) -> Any:
    from django.utils import timezone

    from koers.insight.models import FigureNote

    return FigureNote.objects.create(
        topic=a_key_figure(world).topic,
        region="GM0034",
        period="2021JJ00",
        text="Groei door nieuwbouw.",
        organisation=world.own,
        author=world.users["medewerker"],
        written_at=timezone.now(),
    )


def with_key_figure(world: Any) -> tuple[()]:
    """No object in the URL; the page reads a key figure the world then has."""
    a_key_figure(world)
    return ()


def notes_query(world: Any) -> str:
    return f"?onderwerp={a_key_figure(world).topic_id}&regio=GM0034&periode=2021JJ00"


def dashboard_rows(Row: Any) -> list[Any]:
    readers = list(STATISTICS_READERS)
    return [
        Row(
            "insight:index", "insight: the overview of areas, chains and figures", expected=readers
        ),
        Row(
            "insight:area",
            "insight: a municipality's key figures and the programmes' work there",
            target=lambda w: (a_key_figure(w) and "GM0034",),
            expected=readers,
        ),
        Row(
            "insight:area",
            "insight: a region code that is none (404 for whoever reads statistics)",
            target=lambda w: ("XX99",),
            expected=[404 if code == 200 else code for code in readers],
        ),
        *(
            Row(
                "insight:area_export",
                f"insight: a municipality's key figures as {kind}",
                target=lambda w, kind=kind: (a_key_figure(w) and "GM0034", kind),
                expected=readers,
            )
            for kind in ("csv", "xlsx")
        ),
        Row("insight:labour_market", "insight: the labour market by flow", expected=readers),
        Row(
            "insight:benchmark",
            "insight: the municipalities compared on a key figure, with the map",
            target=with_key_figure,
            expected=readers,
        ),
        *(
            Row(
                "insight:benchmark_export",
                f"insight: the municipalities compared, as {kind}",
                target=lambda w, kind=kind: (a_key_figure(w) and kind,),
                expected=readers,
            )
            for kind in ("csv", "xlsx")
        ),
        Row(
            "insight:chain",
            "insight: the monitoring chain of a programme line",
            target=lambda w: w.goal,
            expected=list(CHAIN_READERS),
        ),
        *(
            Row(
                "insight:chain_export",
                f"insight: the monitoring chain as {kind}",
                target=lambda w, kind=kind: (w.goal.pk, kind),
                expected=list(CHAIN_READERS),
            )
            for kind in ("csv", "xlsx")
        ),
        Row("insight:key_figures", "insight: the key figures", expected=list(IMPORTERS)),
        Row(
            "insight:key_figure_create",
            "insight: choosing a key figure",
            expected=list(IMPORTERS),
        ),
        Row(
            "insight:key_figure_create",
            "insight: choosing a key figure, posted",
            method="POST",
            target=with_key_figure,
            data={"topic": "", "position": "0"},
            expected=list(IMPORT_REFUSED_ON_PAGE),
        ),
        Row(
            "insight:key_figure_edit",
            "insight: changing a key figure",
            target=a_key_figure,
            expected=list(KEEPERS),
        ),
        Row(
            "insight:key_figure_remove",
            "insight: taking a key figure off the dashboards (asks first)",
            target=a_key_figure,
            method="POST",
            expected=list(KEEPERS),
        ),
        Row(
            "insight:key_figure_edit",
            "insight: changing a key figure, posted",
            target=a_key_figure,
            method="POST",
            data={"topic": "", "position": "0"},
            expected=list(KEEPERS_POSTED),
        ),
        Row(
            "insight:notes",
            "insight: the notes on a figure",
            query_of=notes_query,
            expected=readers,
        ),
        Row(
            "insight:notes",
            "insight: the notes on a figure that is not in the statistics",
            query="?onderwerp=0&regio=GM0034&periode=2021JJ00",
            expected=[404 if code == 200 else code for code in readers],
        ),
        Row(
            "insight:notes",
            "insight: writing a note on a figure",
            query_of=notes_query,
            method="POST",
            data={"text": "Groei door nieuwbouw in Almere Poort."},
            expected=list(NOTE_WRITERS),
        ),
        Row(
            "insight:note_remove",
            "insight: removing a medewerker's note on a figure (asks first)",
            target=a_note,
            method="POST",
            expected=list(NOTE_REMOVERS),
        ),
    ]


# The research register: a project of the plan's organisation is read by its staff and by the
# officials of funders of its programmes (both funders fund one), kept by those who manage
# its statistics; another organisation's director does not find it (404).
RESEARCH_READERS = [200, 200, 200, 200, 200, 200, 200, 200, 404, 403, 403, 403]
RESEARCH_MANAGERS = [200, 200, 403, 200, 403, 403, 403, 403, 404, 403, 403, 403]
RESEARCH_REFUSED_ON_PAGE = [400, 400, 403, 400, 403, 403, 403, 403, 404, 403, 403, 403]
RESEARCH_CONFIRM_WITHOUT_UPLOAD = [302, 302, 403, 302, 403, 403, 403, 403, 404, 403, 403, 403]


def a_research_project(world: Any) -> Any:
    from koers.insight.models import ResearchKind, ResearchProject

    project, _made = ResearchProject.objects.get_or_create(
        holder=world.own,
        title="Cliëntervaringsonderzoek",
        defaults={"kind": ResearchKind.CLIENT_EXPERIENCE, "question": "Hoe ervaren cliënten?"},
    )
    return project


def a_survey(world: Any) -> Any:
    from django.utils import timezone

    from koers.insight.models import SurveyAnswer, SurveyResult

    survey = SurveyResult.objects.create(
        project=a_research_project(world), title="Voorjaar 2022", uploaded_at=timezone.now()
    )
    SurveyAnswer.objects.create(survey=survey, question="Tevreden?", answer="Ja", count=12)
    return survey


def research_rows(Row: Any) -> list[Any]:
    return [
        Row("insight:research", "research: the register", expected=list(STATISTICS_READERS)),
        Row(
            "insight:research_project_create",
            "research: registering a project",
            expected=list(IMPORTERS),
        ),
        Row(
            "insight:research_project_create",
            "research: registering a project, posted empty (refused on its page)",
            method="POST",
            expected=list(IMPORT_REFUSED_ON_PAGE),
        ),
        Row(
            "insight:research_project",
            "research: a project with its survey results",
            target=a_research_project,
            expected=list(RESEARCH_READERS),
        ),
        Row(
            "insight:research_project_edit",
            "research: changing a project",
            target=a_research_project,
            expected=list(RESEARCH_MANAGERS),
        ),
        Row(
            "insight:research_project_edit",
            "research: changing a project, posted empty (refused on its page)",
            target=a_research_project,
            method="POST",
            expected=list(RESEARCH_REFUSED_ON_PAGE),
        ),
        Row(
            "insight:survey_upload",
            "research: the upload of survey results",
            target=a_research_project,
            expected=list(RESEARCH_MANAGERS),
        ),
        Row(
            "insight:survey_upload",
            "research: the upload of survey results, posted without a file",
            target=a_research_project,
            method="POST",
            data={"title": "Voorjaar 2022"},
            expected=list(RESEARCH_REFUSED_ON_PAGE),
        ),
        Row(
            "insight:survey_confirm",
            "research: keeping an upload this session did not keep (back to the upload)",
            target=a_research_project,
            method="POST",
            data={"token": "0" * 32 + ".csv", "title": "Voorjaar 2022"},
            expected=list(RESEARCH_CONFIRM_WITHOUT_UPLOAD),
        ),
        Row(
            "insight:survey_remove",
            "research: removing a survey's results (asks first)",
            target=a_survey,
            method="POST",
            expected=list(RESEARCH_MANAGERS),
        ),
    ]


def rows(Row: Any) -> list[Any]:
    return [
        *dashboard_rows(Row),
        *research_rows(Row),
        Row(
            "insight:datasets",
            "statistics: the tables Koers holds",
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset",
            "statistics: one table's figures with their source",
            target=a_dataset,
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset",
            "statistics: one table, junk in the choice of figures (falls back)",
            target=a_dataset,
            expected=list(STATISTICS_READERS),
            query="?onderwerp=999999&uitsplitsing=x&regio=elders",
        ),
        Row(
            "insight:dataset_export",
            "statistics: one table's figures as CSV",
            target=lambda w: (a_dataset(w).pk, "csv"),
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset_export",
            "statistics: one table's figures as Excel",
            target=lambda w: (a_dataset(w).pk, "xlsx"),
            expected=list(STATISTICS_READERS),
        ),
        Row(
            "insight:dataset_import",
            "statistics: the upload of a table",
            expected=list(IMPORTERS),
        ),
        Row(
            "insight:dataset_import",
            "statistics: the upload of a table, posted without a file (refused on its page)",
            method="POST",
            data={"source": "CBS StatLine", "licence": "CC BY 4.0"},
            expected=list(IMPORT_REFUSED_ON_PAGE),
        ),
        Row(
            "insight:dataset_import_confirm",
            "statistics: importing an upload this session did not keep (back to the upload)",
            method="POST",
            data={"token": "0" * 32 + ".csv", "source": "x", "licence": "x"},
            expected=list(IMPORT_CONFIRM_WITHOUT_UPLOAD),
        ),
        Row(
            "insight:dataset_import_confirm",
            "statistics: importing an upload, GET",
            expected=list(IMPORT_CONFIRM_GET),
        ),
        Row(
            "insight:dataset",
            "statistics: one table, POST",
            target=a_dataset,
            method="POST",
            expected=list(NOT_ALLOWED),
        ),
    ]
