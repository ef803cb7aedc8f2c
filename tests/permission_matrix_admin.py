"""The admin's rows of the permission matrix (`/beheer/`), generated per registered model.

A row's object is found or made (get_or_create where the model has a unique key), so that
tests walking every row in one world (the upload and text tests) can build them all.

Every model registered on the admin gets its list, add, change, history and delete pages
as rows, with the outcome per role decided here, in ADMIN_MODELS: a model registered
without an entry has URLs without rows, which `test_every_url_has_a_row` refuses.

The admin is the beheerder's (and a platform superuser's, tested apart: she is not a column
of the matrix). Everyone else is refused with 403, never sent to sign in: she is signed in
already, and the sign-in page would send her back. The beheerder sees a model only when her
role holds the capability its ModelAdmin declares, the same capability Koers's own pages
ask: no money, capacity or projects. Objects of organisations she does not administer are
answered as if they did not exist (404).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

BEHEERDER_ONLY = [200] + [403] * 9
BEHEERDER_REDIRECTED = [302] + [403] * 9  # done, and sent on (to Koers's own page)
BEHEERDER_NOT_FOUND = [404] + [403] * 9
NOBODY = [403] * 10


@dataclass(frozen=True)
class AdminModel:
    """One registered model: its Dutch name, an object of the beheerder's own organisation
    from the world, and what she may do (the others are refused in every case)."""

    what: str
    target: Callable[[Any], Any]
    view: list[int]  # list, change page (read-only where she may not change), history
    write: list[int]  # add and delete
    # The object pages (change, history, delete) where they differ: the world's object is
    # not hers although the model is (a funder's goal, kept by the funder's beheerder).
    objects: list[int] | None = None


def _own(what: str, target: Callable[[Any], Any]) -> AdminModel:
    return AdminModel(what, target, BEHEERDER_ONLY, BEHEERDER_ONLY)


def _read_only(what: str, target: Callable[[Any], Any]) -> AdminModel:
    return AdminModel(what, target, BEHEERDER_ONLY, NOBODY)


def _not_hers(what: str, target: Callable[[Any], Any]) -> AdminModel:
    return AdminModel(what, target, NOBODY, NOBODY)


# --- objects of the world's own organisation ---------------------------------------------------


def a_municipality(world: Any) -> Any:
    from tests.directory.factories import MunicipalityFactory

    return MunicipalityFactory(name="Urk")


def an_hours_budget(world: Any) -> Any:
    from koers.work.models import HoursBudget

    return HoursBudget.objects.get_or_create(
        activity=world.activity, year=2021, defaults={"hours": Decimal(40)}
    )[0]


def a_plan_detail(world: Any, kind: str) -> Any:
    """A tactical goal, standing task, activity partner or milestone of the world's plan."""
    from koers.plans.models import ActivityPartner, Milestone, StandingTask, TacticalGoal

    if kind == "tactical":
        return TacticalGoal.objects.get_or_create(
            programme=world.programme, text="Doel", defaults={"target_year": 2024}
        )[0]
    if kind == "task":
        return StandingTask.objects.get_or_create(
            programme=world.programme, title="Secretaris", defaults={"role": "Secretarisfunctie"}
        )[0]
    if kind == "partner":
        return ActivityPartner.objects.get_or_create(
            activity=world.activity, organisation=world.regio, defaults={"role": "partner"}
        )[0]
    return Milestone.objects.get_or_create(
        plan=world.plan, title="Mijlpaal", defaults={"date": dt.date(2021, 7, 1)}
    )[0]


def a_team(world: Any) -> Any:
    from koers.work.models import Team

    return Team.objects.get_or_create(organisation=world.own, name="Project & Advies")[0]


def a_staff_profile(world: Any) -> Any:
    from koers.work.models import StaffProfile

    return StaffProfile.objects.get_or_create(
        user=world.users["medewerker"], defaults={"organisation": world.own}
    )[0]


def a_time_category(world: Any) -> Any:
    from koers.work.models import TimeCategory

    return TimeCategory.objects.get_or_create(organisation=world.own, name="Verlof")[0]


def a_budget_line(world: Any) -> Any:
    from koers.funding.models import BudgetLine

    return BudgetLine.objects.create(
        organisation=world.own,
        programme=world.programme,
        funder=world.province,
        year=2021,
        direction="costs",
        cost_type="personnel",
        amount=Decimal("1000.00"),
    )


def an_expense(world: Any) -> Any:
    from koers.funding.models import Expense

    return Expense.objects.create(
        organisation=world.own,
        programme=world.programme,
        date=dt.date(2021, 3, 1),
        cost_type="material",
        amount=Decimal("250.00"),
        description="Zaalhuur",
    )


def a_financial_year(world: Any) -> Any:
    from koers.funding.models import FinancialYear

    return FinancialYear.objects.get_or_create(organisation=world.own, year=2021)[0]


def a_task_result(world: Any) -> Any:
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="koers.privacy.tasks.enforce_retention",
        backend_name="default",
        run_after=timezone.now(),
    )


def _project(world: Any) -> Any:
    from tests.permission_matrix import a_project

    return a_project(world)


def _grant(world: Any) -> Any:
    from tests.permission_matrix import a_grant

    return a_grant(world)


def _budget_table(world: Any) -> Any:
    from tests.permission_matrix import a_budget_table

    return a_budget_table(world)


# Every registered model, by its label: what the beheerder may do with it.
ADMIN_MODELS: dict[str, AdminModel] = {
    "accounts.user": _own("Account van een collega", lambda w: w.users["medewerker"]),
    # Shared by every organisation: read by beheerders, kept by the installation administrator.
    "core.municipality": _read_only("Gemeente", a_municipality),
    "directory.organisation": _read_only("Organisatie", lambda w: w.own),
    # The province's tree is the province's: CMO's beheerder lists and adds her own
    # organisation's goals only (docs/tenancy.md).
    "plans.goal": AdminModel(
        "Doel van een opdrachtgever",
        lambda w: w.goal,
        BEHEERDER_ONLY,
        BEHEERDER_ONLY,
        objects=BEHEERDER_NOT_FOUND,
    ),
    "plans.plan": _own("Meerjarenplan", lambda w: w.plan),
    "plans.programme": _own("Programma", lambda w: w.programme),
    "plans.activity": _read_only("Activiteit", lambda w: w.activity),
    "plans.indicator": _read_only("Prestatie-indicator", lambda w: w.indicator),
    "plans.annualplan": _read_only("Jaarplan", lambda w: w.annual_plan),
    "plans.tacticalgoal": _read_only("Tactisch doel", lambda w: a_plan_detail(w, "tactical")),
    "plans.standingtask": _read_only("Doorlopende taak", lambda w: a_plan_detail(w, "task")),
    "plans.activitypartner": _read_only(
        "Partner van een activiteit", lambda w: a_plan_detail(w, "partner")
    ),
    "plans.milestone": _read_only("Mijlpaal", lambda w: a_plan_detail(w, "milestone")),
    "work.team": _own("Team", a_team),
    "work.staffprofile": _own(
        "Medewerkersprofiel (zonder contracten en kostprijzen)", a_staff_profile
    ),
    "work.timecategory": _own("Urencategorie", a_time_category),
    "work.hoursbudget": _not_hers("Uren- en geldbudget van een activiteit", an_hours_budget),
    "work.project": _not_hers("Project", _project),
    "funding.grant": _not_hers("Subsidie", _grant),
    "funding.budgetline": _not_hers("Begrotingsregel", a_budget_line),
    "funding.expense": _not_hers("Uitgave", an_expense),
    "funding.financialyear": _not_hers("Financieel jaar", a_financial_year),
    "funding.budgettable": _not_hers("Begrotingstabel", _budget_table),
    "django_tasks_database.dbtaskresult": _not_hers(
        "Taak van de taakwerker (alleen platformbeheer)", a_task_result
    ),
}

# App pages of the admin: shown when she sees a model in the app, else "not found".
ADMIN_APPS = {"accounts", "core", "directory", "plans", "work", "funding", "django_tasks_database"}


def _url_name(label: str, page: str) -> str:
    app_label, model_name = label.split(".")
    return f"admin:{app_label}_{model_name}_{page}"


def _object_args(target: Callable[[Any], Any]) -> Callable[[Any], tuple[str]]:
    # The admin's object URLs take the key as a string (UUIDs for task results).
    return lambda world: (str(target(world).pk),)


def admin_rows(row: Any) -> list[Any]:
    """The rows, made with the matrix's `Row` (passed in: this module is imported by it)."""
    rows = [
        row("admin:index", "Beheer: overzicht", expected=BEHEERDER_ONLY),
        row(
            "admin:login",
            "Beheer: inloggen (ingelogd: door naar beheer of geweigerd; anders naar inloggen)",
            expected=BEHEERDER_REDIRECTED,
        ),
        row("admin:logout", "Beheer: uitloggen", method="POST", expected=BEHEERDER_REDIRECTED),
        row(
            "admin:password_change",
            "Beheer: eigen wachtwoord (naar de eigen pagina, met bevestiging)",
            expected=BEHEERDER_REDIRECTED,
        ),
        row(
            "admin:password_change_done",
            "Beheer: wachtwoord gewijzigd (naar het eigen account)",
            expected=BEHEERDER_REDIRECTED,
        ),
        row(
            "admin:autocomplete",
            "Beheer: zoeken in een keuzelijst (accounts van haar organisaties)",
            query="?app_label=work&model_name=staffprofile&field_name=user&term=med",
            expected=BEHEERDER_ONLY,
        ),
        row("admin:jsi18n", "Beheer: vertalingen voor de scripts", expected=BEHEERDER_ONLY),
        row(
            "admin:view_on_site",
            "Beheer: naar een object op de site (geen enkel object heeft er een)",
            target=lambda w: (_content_type_of(w.users["medewerker"]), w.users["medewerker"].pk),
            expected=BEHEERDER_NOT_FOUND,
        ),
        row(
            "admin:auth_user_password_change",
            "Beheer: wachtwoord van een collega instellen",
            target=lambda w: w.users["medewerker"],
            expected=BEHEERDER_ONLY,
        ),
        row(
            "admin:accounts_user_change",
            "Beheer: account van een opdrachtgever (andere organisatie)",
            target=lambda w: w.users["opdrachtgever"],
            # An account of the province: not found for the partner's people (a partner is
            # not related to its funder's records); refused for the province's own official.
            expected=[404, 404, 404, 404, 404, 404, 403, 404, 404, 403, 404, 404],
        ),
        row(
            "admin:plans_programme_change",
            "Beheer: programma van een andere organisatie",
            target=lambda w: w.other_programme,
            # Not found for everyone of the world's organisation (it is not theirs); refused
            # for those related to the other one: its director, the province that funds it.
            expected=[404, 404, 404, 404, 404, 404, 403, 404, 403, 403, 404, 404],
            related_strangers=("outsider",),
        ),
    ]
    for app_label in sorted(ADMIN_APPS):
        visible = any(
            label.startswith(f"{app_label}.") and spec.view == BEHEERDER_ONLY
            for label, spec in ADMIN_MODELS.items()
        )
        rows.append(
            row(
                "admin:app_list",
                f"Beheer: onderdeel {app_label}",
                target=lambda w, app_label=app_label: (app_label,),
                expected=BEHEERDER_ONLY if visible else BEHEERDER_NOT_FOUND,
            )
        )
    for label, spec in ADMIN_MODELS.items():
        args = _object_args(spec.target)
        rows += [
            row(_url_name(label, "changelist"), f"Beheer: {spec.what} (lijst)", expected=spec.view),
            row(_url_name(label, "add"), f"Beheer: {spec.what} toevoegen", expected=spec.write),
            row(
                _url_name(label, "change"),
                f"Beheer: {spec.what}",
                target=args,
                expected=spec.objects or spec.view,
            ),
            row(
                _url_name(label, "history"),
                f"Beheer: {spec.what} (geschiedenis)",
                target=args,
                expected=spec.objects or spec.view,
            ),
            row(
                _url_name(label, "delete"),
                f"Beheer: {spec.what} verwijderen (bevestigingspagina)",
                target=args,
                expected=spec.objects or spec.write,
            ),
        ]
    return rows


def _content_type_of(instance: Any) -> int:
    from django.contrib.contenttypes.models import ContentType

    return int(ContentType.objects.get_for_model(instance).pk)
