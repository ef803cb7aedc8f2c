"""Roles and what each may do: the single table behind every access decision.

A capability says what kind of act it is; the scope rule in `koers.accounts.policy`
says on which organisation's or programme's records a membership may do it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("Administrator")
    DIRECTEUR = "directeur", _("Director")
    BEDRIJFSVOERING = "bedrijfsvoering", _("Operations")
    COORDINATOR = "programmacoordinator", _("Programme coordinator")
    MEDEWERKER = "medewerker", _("Staff member")
    OPDRACHTGEVER = "opdrachtgever", _("Funder's official")
    TOEZICHT = "toezicht", _("Supervisory or advisory board")
    # Extra hands for care (koers.matching): the GGD/GHOR official who sets the priority of
    # care organisations' requests, and a care organisation's own contact.
    PRIORITEIT = "prioritering", _("Prioritising official (GGD/GHOR)")
    ZORGVRAGER = "zorgvrager", _("Care organisation's contact")
    # Keeps what the organisations on one installation share (docs/tenancy.md); sees none
    # of their own records. Her membership says where she works, not what she reaches.
    INSTALLATIEBEHEERDER = "installatiebeheerder", _("Installation administrator")


class Capability(models.TextChoices):
    VIEW_PLANS = "view_plans", _("View plans, programmes and progress")
    RECORD_REALISATION = "record_realisation", _("Record realisations")
    EDIT_PLAN = "edit_plan", _("Edit activities, indicators and targets")
    PROPOSE_AMENDMENT = "propose_amendment", _("Propose amendments")
    REPORT_PROGRESS = (
        "report_progress",
        _("Write the quarter's progress narratives, risks and status overrides"),
    )
    DISCUSS_ACTIVITY = "discuss_activity", _("Ask and answer questions on activities")
    ADVISE_ANNUAL_PLAN = "advise_annual_plan", _("Comment on an annual plan under advice")
    MANAGE_ANNUAL_PLAN = "manage_annual_plan", _("Move an annual plan through its workflow")
    DECIDE_AS_FUNDER = "decide_as_funder", _("Adopt annual plans and decide amendments")
    ADMINISTER = "administer", _("Manage users, roles and reference data")
    # Also decides who sees the names of staff on records (recorded by, owner, history):
    # whoever lacks it (funders' officials, the board) sees aggregates only.
    VIEW_PERSONS = "view_persons", _("View contact persons and their details")
    EDIT_PERSONS = "edit_persons", _("Add, change and import contact persons")
    RECORD_HOURS = "record_hours", _("Register own hours")
    APPROVE_HOURS = "approve_hours", _("Approve or return staff members' weeks")
    CLOSE_PERIOD = "close_period", _("Close months of hours")
    MANAGE_PROJECTS = "manage_projects", _("Add and change projects")
    VIEW_CAPACITY = "view_capacity", _("View capacity and direct hours")
    VIEW_FUNDING = "view_funding", _("View grants, budgets and the financial position")
    MANAGE_FUNDING = "manage_funding", _("Manage grants, advances, budgets and expenses")
    PREPARE_REPORTS = (
        "prepare_reports",
        _("Prepare, review and send reports to funders"),
    )
    SIGN_REPORTS = "sign_reports", _("Sign reports as the director")
    VIEW_ATLAS = "view_atlas", _("View the atlas of initiatives and their network")
    EDIT_ATLAS = "edit_atlas", _("Add and change initiatives and collaborations in the atlas")
    VIEW_MATCHING = (
        "view_matching",
        _("View the talent pool, its candidates, requests and placements"),
    )
    MANAGE_MATCHING = (
        "manage_matching",
        _("Manage candidates, requests, proposals and placements"),
    )
    VIEW_MATCHING_FIGURES = (
        "view_matching_figures",
        _("View the talent pool's figures (counts, no persons)"),
    )
    PRIORITISE_REQUESTS = "prioritise_requests", _("Set the priority of requests for extra hands")
    REQUEST_HANDS = (
        "request_hands",
        _("Submit requests for extra hands and see who is proposed for them"),
    )
    VIEW_SIGNALS = "view_signals", _("View residents' signals, their analysis and agenda items")
    RECORD_SIGNALS = "record_signals", _("Record residents' and clients' signals")
    MANAGE_SIGNALS = (
        "manage_signals",
        _("Interpret signals, keep their categories and classifier, and set the agenda"),
    )
    VIEW_SIGNAL_FIGURES = (
        "view_signal_figures",
        _("View the figures of signals (counts, small numbers hidden)"),
    )
    SUPPORT_CLIENTS = "support_clients", _("Give client support: keep one's own cases")
    SUPERVISE_CASES = "supervise_cases", _("Open the client support cases of one's programme")
    VIEW_STATISTICS = (
        "view_statistics",
        _("View regional statistics (public figures such as CBS's) beside the results"),
    )
    MANAGE_STATISTICS = (
        "manage_statistics",
        _("Import statistics tables (CBS StatLine) and choose the key figures of the dashboards"),
    )
    MANAGE_INSTALLATION = (
        "manage_installation",
        _(
            "Keep what all organisations share: organisations that work in Koers, merging "
            "duplicates, funders' goal trees and municipalities"
        ),
    )
    ANNOTATE_FIGURES = (
        "annotate_figures",
        _("Write notes on statistics figures (an interpretation for a period)"),
    )
    MANAGE_PRIVACY = (
        "manage_privacy",
        _("Answer data-subject requests (export, erasure) and read the access and audit logs"),
    )


C = Capability
ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.BEHEERDER: frozenset(
        {
            C.VIEW_PLANS,
            C.ADMINISTER,
            C.VIEW_PERSONS,
            C.EDIT_PERSONS,
            C.MANAGE_PRIVACY,
            C.VIEW_STATISTICS,
            C.MANAGE_STATISTICS,
        }
    ),
    Role.DIRECTEUR: frozenset(
        {
            C.VIEW_MATCHING,
            C.MANAGE_MATCHING,
            C.VIEW_MATCHING_FIGURES,
            C.VIEW_PLANS,
            C.RECORD_REALISATION,
            C.EDIT_PLAN,
            C.PROPOSE_AMENDMENT,
            C.REPORT_PROGRESS,
            C.DISCUSS_ACTIVITY,
            C.MANAGE_ANNUAL_PLAN,
            C.VIEW_PERSONS,
            C.EDIT_PERSONS,
            C.RECORD_HOURS,
            C.APPROVE_HOURS,
            C.MANAGE_PROJECTS,
            C.VIEW_CAPACITY,
            C.VIEW_FUNDING,
            C.MANAGE_FUNDING,
            C.PREPARE_REPORTS,
            C.SIGN_REPORTS,
            C.VIEW_ATLAS,
            C.EDIT_ATLAS,
            C.VIEW_SIGNALS,
            C.RECORD_SIGNALS,
            C.MANAGE_SIGNALS,
            C.VIEW_SIGNAL_FIGURES,
            C.SUPPORT_CLIENTS,
            C.SUPERVISE_CASES,
            C.VIEW_STATISTICS,
            C.ANNOTATE_FIGURES,
            C.MANAGE_STATISTICS,
        }
    ),
    Role.BEDRIJFSVOERING: frozenset(
        {
            C.VIEW_SIGNAL_FIGURES,
            C.VIEW_MATCHING,
            C.VIEW_MATCHING_FIGURES,
            C.VIEW_PLANS,
            C.RECORD_REALISATION,
            C.VIEW_PERSONS,
            C.EDIT_PERSONS,
            C.RECORD_HOURS,
            C.APPROVE_HOURS,
            C.CLOSE_PERIOD,
            C.MANAGE_PROJECTS,
            C.VIEW_CAPACITY,
            C.VIEW_FUNDING,
            C.MANAGE_FUNDING,
            C.PREPARE_REPORTS,
            C.VIEW_ATLAS,
            C.VIEW_STATISTICS,
            C.ANNOTATE_FIGURES,
        }
    ),
    Role.COORDINATOR: frozenset(
        {
            C.VIEW_MATCHING,
            C.MANAGE_MATCHING,
            C.VIEW_MATCHING_FIGURES,
            C.VIEW_PLANS,
            C.RECORD_REALISATION,
            C.EDIT_PLAN,
            C.PROPOSE_AMENDMENT,
            C.REPORT_PROGRESS,
            C.DISCUSS_ACTIVITY,
            C.VIEW_PERSONS,
            C.EDIT_PERSONS,
            C.RECORD_HOURS,
            C.APPROVE_HOURS,
            C.MANAGE_PROJECTS,
            C.VIEW_CAPACITY,
            C.VIEW_FUNDING,
            C.PREPARE_REPORTS,
            C.VIEW_ATLAS,
            C.EDIT_ATLAS,
            C.VIEW_SIGNALS,
            C.RECORD_SIGNALS,
            C.MANAGE_SIGNALS,
            C.VIEW_SIGNAL_FIGURES,
            C.SUPPORT_CLIENTS,
            C.SUPERVISE_CASES,
            C.VIEW_STATISTICS,
            C.ANNOTATE_FIGURES,
            C.MANAGE_STATISTICS,
        }
    ),
    Role.MEDEWERKER: frozenset(
        {
            C.VIEW_MATCHING,
            C.MANAGE_MATCHING,
            C.VIEW_MATCHING_FIGURES,
            C.VIEW_PLANS,
            C.RECORD_REALISATION,
            C.VIEW_PERSONS,
            C.EDIT_PERSONS,
            C.RECORD_HOURS,
            C.VIEW_ATLAS,
            C.EDIT_ATLAS,
            C.VIEW_SIGNALS,
            C.RECORD_SIGNALS,
            C.VIEW_SIGNAL_FIGURES,
            C.SUPPORT_CLIENTS,
            C.VIEW_STATISTICS,
            C.ANNOTATE_FIGURES,
        }
    ),
    # A funder's official sees the grants and budget lines of her own organisation only, and
    # asks questions on the activities of the programmes it funds.
    Role.OPDRACHTGEVER: frozenset(
        {
            C.VIEW_PLANS,
            C.DECIDE_AS_FUNDER,
            C.VIEW_FUNDING,
            C.DISCUSS_ACTIVITY,
            C.VIEW_ATLAS,
            C.VIEW_MATCHING_FIGURES,
            C.VIEW_SIGNAL_FIGURES,
            C.VIEW_STATISTICS,
        }
    ),
    Role.TOEZICHT: frozenset(
        {
            C.VIEW_PLANS,
            C.ADVISE_ANNUAL_PLAN,
            C.VIEW_FUNDING,
            C.VIEW_ATLAS,
            C.VIEW_MATCHING_FIGURES,
            C.VIEW_SIGNAL_FIGURES,
            C.VIEW_STATISTICS,
        }
    ),
    # Sets priorities on the requests of the organisation that runs the matching (her
    # membership is there); sees requests and organisations, never candidates.
    Role.PRIORITEIT: frozenset({C.PRIORITISE_REQUESTS}),
    # A care organisation's contact (her membership is at the care organisation): her
    # organisation's requests and the people proposed for them, no browsing of the pool.
    Role.ZORGVRAGER: frozenset({C.REQUEST_HANDS}),
    Role.INSTALLATIEBEHEERDER: frozenset({C.MANAGE_INSTALLATION}),
}

# Capabilities a programme coordinator holds only for the programmes she coordinates;
# everything else in her role applies to her whole organisation.
PROGRAMME_SCOPED = frozenset(
    {
        C.RECORD_REALISATION,
        C.EDIT_PLAN,
        C.PROPOSE_AMENDMENT,
        C.REPORT_PROGRESS,
        C.DISCUSS_ACTIVITY,
        C.MANAGE_PROJECTS,
        # Her programme's client support cases (the director opens all of them).
        C.SUPERVISE_CASES,
    }
)


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that hold `capability` (in some scope): whom a mail or a choice of
    colleagues is about."""
    return frozenset(role for role, caps in ROLE_CAPABILITIES.items() if capability in caps)


# Roles that act for a funder: their scope is the programmes their organisation funds.
FUNDER_ROLES = frozenset({Role.OPDRACHTGEVER})

# Roles whose capabilities hold for the whole installation, whatever the scope: what they
# keep belongs to no one organisation.
INSTALLATION_ROLES = frozenset({Role.INSTALLATIEBEHEERDER})

# Roles of the people who work for an organisation: they register their own hours, and
# their weeks, staff profile and capacity are that organisation's. A user holds them in one
# organisation only (docs/tenancy.md, "Accounts"); roles that act for a funder, a care
# organisation or the installation, or sit on a board, may come besides.
STAFF_ROLES = roles_with(C.RECORD_HOURS)

# Roles that act for an organisation asking for help: their scope is the requests their
# organisation made (`Scope.requester_ids`).
REQUESTER_ROLES = frozenset({Role.ZORGVRAGER})

# Roles whose members must sign in with a second factor: those who manage the
# installation or its money, and anyone who can see personal data. Funders' officials
# and board members see aggregates only, so for them it is optional.
TWO_FACTOR_ROLES = frozenset(
    {Role.BEHEERDER, Role.DIRECTEUR, Role.BEDRIJFSVOERING, *INSTALLATION_ROLES}
    | roles_with(C.VIEW_PERSONS)
    # She sees the names and qualifications of the people proposed to her organisation.
    | REQUESTER_ROLES
)
