"""How to reach each declared export as a user who may, with records in everything it
writes. The demo holds most of them; `prepare` adds what it lacks (accesses to a person, a
report of each kind) before the text fields are poisoned; `address` may take steps after
(sending a report keeps its content as the records are then). The downloads of an import's
failing rows get the text in the uploaded file instead. A test fails when a declared
export has no recipe here."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from koers.core.privacy import LawfulBasis
from koers.directory.models import Organisation, OrganisationKind, Person
from koers.directory.organisations import imports as organisation_imports
from koers.directory.persons import imports as person_imports
from koers.funding import export_views
from koers.funding import imports as budget_imports
from koers.plans.models import Plan
from koers.reports.models import DocumentFormat, ReportKind
from koers.work import imports as hours_imports
from tests.conftest import verified_client

YEAR = "?jaar=2021"


@dataclass
class Demo:
    own: Any
    plan: Any
    users: dict[str, Any]

    def client(self, username: str) -> Client:
        return verified_client(self.users[username])


def demo_records() -> Demo:
    """The parts of the built demo the recipes use."""
    from koers.accounts.models import User
    from koers.demo.constants import OWN

    own = Organisation.objects.get(slug=OWN)
    return Demo(
        own=own,
        plan=Plan.objects.get(organisation=own),
        users={user.username: user for user in User.objects.all()},
    )


@dataclass(frozen=True)
class Upload:
    """An import whose refused rows come back as CSV: the file holds the payload in every
    column the import knows and in one it does not (whose name is the payload too)."""

    import_name: str
    columns: dict[str, tuple[str, ...]]
    options: Callable[[Demo], dict[str, str]] = lambda demo: {}

    def failing_rows(self, client: Client, demo: Demo, payload: str) -> Any:
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=";")
        writer.writerow([names[0] for names in self.columns.values()] + [payload])
        writer.writerow([payload] * (len(self.columns) + 1))
        upload = SimpleUploadedFile("rijen.csv", out.getvalue().encode(), content_type="text/csv")
        page = client.post(reverse(self.import_name), {"file": upload, **self.options(demo)})
        assert page.status_code == 200, page.content[:2000]
        return client.get(page.context["failing_url"])  # the report's own link


@dataclass(frozen=True)
class Export:
    name: str  # the URL name
    role: str  # the demo user who asks for it
    variant: str = ""  # which of its documents, where it has several
    address: Callable[[Demo, Any], str] | None = None  # (demo, prepared) → the URL
    prepare: Callable[[Demo], Any] = field(default=lambda demo: None)
    upload: Upload | None = None
    writes_text: bool = True  # False: only numbers and dates, so no cell can carry the text
    # Posted with these fields (a download that asks a reason first), else fetched with GET.
    post: dict[str, str] | None = None
    # Settings the export needs (one an installation opts into), for its request only.
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.name}[{self.variant}]" if self.variant else self.name

    def fetch(self, demo: Demo, prepared: Any, payload: str) -> Any:
        with override_settings(**self.settings):
            return self._fetch(demo, prepared, payload)

    def _fetch(self, demo: Demo, prepared: Any, payload: str) -> Any:
        client = demo.client(self.role)
        if self.upload is not None:
            return self.upload.failing_rows(client, demo, payload)
        assert self.address is not None
        if self.post is not None:
            return client.post(self.address(demo, prepared), self.post)
        return client.get(self.address(demo, prepared))


# --- records the demo lacks ------------------------------------------------------------------


def a_collaboration_in_the_atlas(demo: Demo) -> Any:
    """A tie in the demo's atlas (whose free text the payload then fills)."""
    from koers.atlas.models import Collaboration, Initiative
    from koers.core.models import Municipality

    initiative = Initiative.objects.create(
        holder=demo.own,
        name="Buurtmoestuin",
        kind="bewonersinitiatief",
        municipality=Municipality.objects.order_by("pk").first(),
        confirmed_on=dt.date(2021, 1, 1),
    )
    partner = Organisation.objects.exclude(pk=demo.own.pk).order_by("pk").first()
    return Collaboration.objects.create(
        holder=demo.own,
        from_initiative=initiative,
        to_organisation=partner,
        kind="samenwerking",
        source="gesprek",
        source_note="Gesprek",
        started_on=dt.date(2021, 3, 1),
    )


def an_initiative(demo: Demo) -> Any:
    """An initiative in the atlas of the organisation (the demo has none yet)."""
    import datetime as dt

    from koers.atlas.models import Initiative, InitiativeKind
    from koers.core.models import Municipality

    return Initiative.objects.create(
        holder=demo.own,
        name="Buurtmoestuin",
        kind=InitiativeKind.RESIDENTS,
        description="Samen tuinieren",
        target_groups="Buurtbewoners",
        municipality=Municipality.objects.get(code="GM0995"),
        confirmed_on=dt.date(2021, 6, 1),
    )


def a_viewed_person(demo: Demo) -> Any:
    """A person of the organisation whose page the director opened (an access record)."""
    person = Person.objects.filter(holder=demo.own).order_by("pk").first()
    assert person is not None
    page = demo.client("directeur").get(reverse("directory:person", args=[person.pk]))
    assert page.status_code == 200
    return person


def a_report(kind: str) -> Callable[[Demo], Any]:
    """A report of `kind` about 2021 (an accountability for the grant of the most programmes,
    an evaluation of 2021 and 2022), prepared by operations: the demo's own where it has
    one."""

    def prepare(demo: Demo) -> Any:
        from django.db.models import Count

        from koers.funding.models import Grant
        from koers.reports import services
        from koers.reports.models import Report

        grant = None
        if kind == ReportKind.ACCOUNTABILITY:
            grant = (
                Grant.objects.filter(organisation=demo.own)
                .annotate(covers=Count("programmes"))
                .order_by("-covers", "pk")
                .first()
            )
        period = {
            "plan": demo.plan,
            "kind": kind,
            "year": 2021,
            "quarter": 3 if kind == ReportKind.PROGRESS else None,
            "last_year": 2022 if kind == ReportKind.EVALUATION else None,
            "grant": grant,
        }
        # There is one report per kind and period: the demo's own, where it has one.
        existing = Report.objects.filter(**period).first()
        return existing or services.report_prepare(actor=demo.users["bedrijfsvoering"], **period)

    return prepare


def sent_document(demo: Demo, report: Any) -> str:
    """Send the report (its content kept as the records are now) and make its Excel
    document as the task worker would; the address of that document."""
    from koers.reports import services
    from koers.reports.tasks import make_document

    for step in (services.report_review, services.report_sign, services.report_send):
        report = step(actor=demo.users["directeur"], report=report)
    document = report.documents.get(format=DocumentFormat.XLSX)
    make_document.call(document.pk)
    return reverse("reports:document_download", args=[document.pk])


def a_statistics_table(demo: Demo) -> Any:
    """A table of statistics with a titled period and a breakdown (the demo has none yet)."""
    from decimal import Decimal

    from django.utils import timezone

    from koers.insight.models import Category, Dataset, Dimension, Observation, Topic

    dataset = Dataset.objects.create(
        source="CBS StatLine",
        table_id="03759ned",
        title="Bevolking",
        licence="CC BY 4.0",
        period_covered="2021",
        imported_at=timezone.now(),
    )
    periods = Dimension.objects.create(
        dataset=dataset, key="Perioden", title="Perioden", kind="period"
    )
    Category.objects.create(dimension=periods, key="2021JJ00", title="2021", provisional=True)
    topic = Topic.objects.create(dataset=dataset, key="inwoners", title="Inwoners", unit="aantal")
    Observation.objects.create(
        dataset=dataset,
        topic=topic,
        region="GM0034",
        period="2021JJ00",
        value=Decimal(216000),
        provisional=True,
    )
    return dataset


def a_key_figure_with_a_note(demo: Demo) -> Any:
    """The statistics table as a key figure of the dashboards, context for the demo's KS-1,
    for the six municipalities (the benchmark shows those), with a note on Almere's figure."""
    from django.utils import timezone

    from koers.insight.models import FigureNote, KeyFigure
    from koers.plans.models import Goal

    dataset = a_statistics_table(demo)
    topic = dataset.topics.get()
    figure = KeyFigure.objects.create(topic=topic, title="Inwoners (tabel)")
    figure.goals.add(Goal.objects.get(code="KS-1"))
    FigureNote.objects.create(
        topic=topic,
        region="GM0034",
        period="2021JJ00",
        text="Groei door nieuwbouw.",
        organisation=demo.own,
        written_at=timezone.now(),
    )
    return figure


def signals_to_analyse(demo: Demo) -> Any:
    """Themes and signals of the organisation (whose theme names the payload then fills),
    enough in one quarter that the analysis shows counts rather than hiding them."""
    from koers.core.models import Municipality
    from koers.signals.models import Category, Signal
    from koers.signals.weeks import IsoWeek

    lelystad = Municipality.objects.get(code="GM0995")
    week = IsoWeek(2021, 46)
    for number in range(2):
        theme = Category.objects.create(holder=demo.own, name=f"Thema {number}")
        Signal.objects.bulk_create(
            Signal(
                holder=demo.own,
                iso_year=week.year,
                iso_week=week.week,
                quarter=week.quarter,
                channel="oco",
                law="wlz",
                sentiment="negatief",
                category=theme,
                municipality=lelystad,
                description="Voorbeeld",
            )
            for _ in range(12)
        )


def all_programmes_published(demo: Demo) -> None:
    from koers.api.models import PublishedProgramme
    from koers.plans.models import Programme

    PublishedProgramme.objects.bulk_create(
        PublishedProgramme(programme=programme)
        for programme in Programme.objects.filter(plan=demo.plan)
    )


def _export_of(what: str) -> Callable[[Demo, Any], str]:
    return lambda demo, prepared: reverse("funding:export", args=[what]) + YEAR


def _report_document(demo: Demo, report: Any) -> str:
    return reverse("reports:report_document", args=[report.pk, DocumentFormat.XLSX])


def _person_options(demo: Demo) -> dict[str, str]:
    return {
        "holder": str(demo.own.pk),
        "purpose": "Netwerk",
        "lawful_basis": LawfulBasis.LEGITIMATE_INTERESTS,
    }


REASON = {"reason": "Verzoek van betrokkene"}

EXPORTS = [
    Export("work:export", "directeur", address=lambda d, p: reverse("work:export") + YEAR),
    Export(
        "privacy:access_log",
        "beheerder",
        address=lambda d, p: reverse("privacy:access_log"),
        prepare=a_viewed_person,
        post=REASON,
    ),
    Export(
        "privacy:person_access",
        "beheerder",
        address=lambda d, person: reverse("privacy:person_access", args=[person.pk]),
        prepare=a_viewed_person,
        post=REASON,
    ),
    *[
        Export(
            name, "directeur", address=lambda d, p, name=name: reverse(name), prepare=an_initiative
        )
        for name in ("atlas:map_export_xlsx", "atlas:map_export_csv")
    ],
    Export(
        "atlas:collaborations_export",
        "directeur",
        variant="csv",
        address=lambda d, p: reverse("atlas:collaborations_export") + "?formaat=csv",
        prepare=a_collaboration_in_the_atlas,
    ),
    Export(
        "atlas:collaborations_export",
        "directeur",
        variant="xlsx",
        address=lambda d, p: reverse("atlas:collaborations_export") + "?formaat=xlsx",
        prepare=a_collaboration_in_the_atlas,
    ),
    Export(
        "relations:events_export",
        "directeur",
        address=lambda d, p: reverse("relations:events_export") + YEAR,
    ),
    *[
        Export(
            "funding:export",
            "directeur",
            variant=what,
            address=_export_of(what),
            writes_text=what != "positie",  # years and amounts of the financial position
        )
        for what in export_views.EXPORTS
    ],
    *[
        Export(
            "reports:report_document",
            "directeur",
            variant=kind,
            address=_report_document,
            prepare=a_report(kind),
        )
        for kind in ReportKind.values
    ],
    Export(
        "reports:document_download",
        "directeur",
        variant=ReportKind.PROGRESS,
        address=sent_document,
        prepare=a_report(ReportKind.PROGRESS),
    ),
    *(
        Export(
            "insight:dataset_export",
            "directeur",
            variant=kind,
            address=lambda d, p, kind=kind: reverse("insight:dataset_export", args=[p.pk, kind]),
            prepare=a_statistics_table,
        )
        for kind in ("csv", "xlsx")
    ),
    *(
        Export(
            name,
            "directeur",
            variant=kind,
            address=lambda d, p, name=name, kind=kind, args=args: reverse(
                name, args=[*args(p), kind]
            ),
            prepare=a_key_figure_with_a_note,
        )
        for kind in ("csv", "xlsx")
        for name, args in (
            ("insight:area_export", lambda p: ["GM0034"]),
            ("insight:benchmark_export", lambda p: []),
        )
    ),
    *(
        Export(
            "insight:chain_export",
            "directeur",
            variant=kind,
            address=lambda d, p, kind=kind: (
                reverse("insight:chain_export", args=[p.goals.get().pk, kind]) + "?jaar=2021"
            ),
            prepare=a_key_figure_with_a_note,
        )
        for kind in ("csv", "xlsx")
    ),
    # The province's portfolio: its partners' goals, activities and indicators (titles
    # typed by the partners) and the amendments awaiting her.
    Export(
        "portfolio:export",
        "provincie",
        address=lambda d, p: reverse("portfolio:export") + "?jaar=2021&peildatum=2021-10-15",
    ),
    # Open data: the published programmes' indicators per quarter (titles typed by staff).
    Export(
        "open_data:csv",
        "directeur",
        address=lambda d, p: reverse("open_data:csv"),
        prepare=all_programmes_published,
        settings={"OPEN_DATA": True},
    ),
    Export(
        "signals:analysis_export",
        "directeur",
        address=lambda d, p: reverse("signals:analysis_export") + "?tot=2021-4",
        prepare=signals_to_analyse,
    ),
    Export(
        "work:import_failing",
        "bedrijfsvoering",
        upload=Upload("work:import", hours_imports.COLUMNS),
    ),
    Export(
        "funding:budget_import_failing",
        "directeur",
        upload=Upload(
            "funding:budget_import", budget_imports.COLUMNS, lambda demo: {"shape": "regels"}
        ),
    ),
    Export(
        "directory:person_import_failing",
        "directeur",
        upload=Upload("directory:person_import", person_imports.COLUMNS, _person_options),
    ),
    Export(
        "directory:organisation_import_failing",
        "directeur",
        upload=Upload(
            "directory:organisation_import",
            organisation_imports.COLUMNS,
            lambda demo: {"kind": OrganisationKind.PARTNER},
        ),
    ),
]
