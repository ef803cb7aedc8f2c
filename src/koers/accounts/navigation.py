"""The navigation: sections of pages by URL name, the one registry behind the main menu, the
sub-navigation of a section and the breadcrumbs.

Who sees a page is never written here: a page is shown when the access rule its view declares
(`koers.accounts.decorators.requires`, read back through `koers.core.access`) lets the user
in, so the menu cannot offer a page that answers 403. A new app adds its section (or a page to
one) here and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.urls import resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from koers.accounts.admin_site import may_administer
from koers.accounts.decorators import ANY_OF, AS_STAFF_ATTRIBUTE
from koers.accounts.policy import has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.core.access import declared_access


@dataclass(frozen=True)
class Page:
    url_name: str
    label: str | Promise
    # Deeper pages that belong to this one although their address does not start with its
    # own (an activity under the dashboard). Pages whose address does are found without it.
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    label: str | Promise
    pages: tuple[Page, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "plans",
        _("Plans"),
        (
            Page(
                "plans:dashboard",
                _("Dashboard"),
                within=(
                    "plans:programme",
                    "plans:programme_progress",
                    "plans:activity",
                    "plans:activity_create",
                    "plans:activity_comment",
                    "plans:indicator_create",
                    "plans:activity_carry_over",
                    "plans:activity_edit",
                    "plans:activity_decision",
                    "plans:amendment_create",
                    "plans:amendment_decide",
                    "plans:realisation_create",
                    "plans:target_edit",
                    "plans:realisation_delete",
                    "work:products",
                    "work:product_review",
                ),
            ),
            Page("plans:goals", _("Goals")),
            Page("plans:annual_plans", _("Annual plans")),
            # A funder's view across the organisations she funds (koers.portfolio).
            Page("portfolio:overview", _("Portfolio")),
        ),
    ),
    Section(
        "work",
        pgettext_lazy("navigation", "Work"),
        (
            Page("work:week_today", _("Hours")),
            Page("work:approvals", _("Approve hours")),
            Page("work:months", _("Months")),
            Page("work:capacity", _("Capacity")),
            Page("work:projects", _("Projects")),
            Page("relations:events", _("Events"), within=("relations:participant_attendance",)),
            Page("relations:communications", _("Communication")),
        ),
    ),
    Section(
        "relations",
        _("Relations"),
        (
            Page("directory:organisations", _("Organisations")),
            Page("directory:persons", _("Persons")),
            Page("relations:contacts", _("Contacts")),
            Page("relations:my_actions", _("My actions")),
            Page("relations:networks", _("Networks")),
            Page(
                "relations:opportunities",
                pgettext_lazy("navigation", "Opportunities"),
                within=("relations:quote_document",),
            ),
            Page("relations:members", _("Member employers")),
        ),
    ),
    Section(
        "atlas",
        _("Atlas"),
        (
            Page(
                "atlas:index",
                _("Map of initiatives"),
                within=("atlas:initiative", "atlas:initiative_add", "atlas:initiative_edit"),
            ),
            Page("atlas:collaborations", _("Collaborations")),
            Page("atlas:network", _("Network"), within=("atlas:network_graphml",)),
            Page("atlas:tie_proposals", _("Derived ties")),
            Page("atlas:reviews", _("Proposed changes")),
            Page(
                "atlas:contact_requests",
                _("Contact requests"),
                within=("atlas:contact_request_delete",),
            ),
        ),
    ),
    Section(
        "matching",
        _("Extra hands"),
        (
            Page("matching:index", _("Pool")),
            Page(
                "matching:candidates",
                _("Candidates"),
                within=(
                    "matching:candidate",
                    "matching:candidate_add",
                    "matching:candidate_edit",
                    "matching:candidate_step",
                    "matching:candidate_call",
                    "matching:qualification_add",
                    "matching:qualification_edit",
                    "matching:qualification_delete",
                    "matching:availability_add",
                    "matching:availability_edit",
                    "matching:availability_delete",
                ),
            ),
            Page("matching:callbacks", _("Call-back list")),
            Page("matching:requests", _("Requests for extra hands")),
            Page("matching:proposals", _("Proposals"), within=("matching:proposal_change",)),
            Page("matching:placements", _("Placements"), within=("matching:placement",)),
            Page(
                "matching:runs",
                _("Proposal runs"),
                within=("matching:run", "matching:run_start"),
            ),
            Page(
                "matching:campaigns",
                _("Re-engagement campaigns"),
                within=("matching:campaign", "matching:campaign_add"),
            ),
            Page(
                "matching:trajectories",
                _("Trajectories"),
                within=(
                    "matching:trajectory",
                    "matching:trajectory_add",
                    "matching:trajectory_edit",
                ),
            ),
        ),
    ),
    Section(
        "signals",
        _("Signals"),
        (
            Page(
                "signals:index",
                _("Signals"),
                within=("signals:signal", "signals:signal_add", "signals:signal_interpret"),
            ),
            Page("signals:analysis", _("Analysis of signals"), within=("signals:analysis_export",)),
            Page("signals:agenda", _("Agenda")),
            Page("signals:meetings", _("Meetings")),
            Page(
                "signals:cases",
                _("Client support"),
                within=(
                    "signals:case",
                    "signals:case_add",
                    "signals:case_edit",
                    "signals:case_close",
                    "signals:case_contact_add",
                    "signals:case_raise_signal",
                ),
            ),
            Page(
                "signals:case_types",
                _("Kinds of client support"),
                within=("signals:case_type_add", "signals:case_type_edit"),
            ),
            Page(
                "signals:volunteers",
                _("Volunteers in client support"),
                within=("signals:volunteer_add", "signals:volunteer_edit"),
            ),
            Page("signals:contacts", _("Hearing back"), within=("signals:contact_answered",)),
            Page("signals:categories", _("Categories")),
            Page(
                "signals:classifier", _("Classification help"), within=("signals:classifier_train",)
            ),
        ),
    ),
    Section(
        "insight",
        _("Insight"),
        (
            Page("insight:index", _("Overview")),
            Page("insight:labour_market", _("Labour market")),
            Page("insight:benchmark", _("Compare municipalities")),
            Page(
                "insight:datasets",
                _("Statistics"),
                within=(
                    "insight:dataset",
                    "insight:dataset_export",
                    "insight:dataset_import",
                    "insight:dataset_import_confirm",
                ),
            ),
            Page("insight:research", _("Research")),
            Page("insight:key_figures", _("Key figures")),
        ),
    ),
    Section(
        "money",
        _("Money"),
        (
            Page("funding:grants", _("Grants"), within=("funding:obligation_done",)),
            Page("funding:advances", _("Advances")),
            Page("funding:budget", _("Programme budget")),
            Page("funding:budget_tables", _("Budget tables")),
            Page("funding:position", _("Financial position")),
            Page("funding:risks", _("Risks and reserves")),
        ),
    ),
    Section(
        "reports",
        _("Reports"),
        (Page("reports:reports", _("Reports"), within=("reports:document_status",)),),
    ),
    Section(
        "management",
        _("Management"),
        (
            Page("admin:index", _("Administration")),
            Page("privacy:audit_log", _("Audit log")),
            Page("privacy:access_log", _("Access log"), within=("privacy:person_access",)),
            Page("privacy:retention", _("Retention of persons")),
            Page("open_data:choose", _("Open data")),
            Page("relations:quote_template", _("Quote template")),
        ),
    ),
)


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    current: bool = False


@dataclass(frozen=True)
class Menu:
    sections: list[tuple[Link, list[Link]]]  # each visible section with its visible pages
    current: tuple[Link, list[Link]] | None  # the section the page belongs to
    breadcrumbs: list[Link]


@cache
def _address_and_rule(url_name: str) -> tuple[str, str | None, bool]:
    path = reverse(url_name)
    view = resolve(path).func
    return path, declared_access(view), getattr(view, AS_STAFF_ATTRIBUTE, False)


def may_open(user: Any, url_name: str) -> bool:
    """Whether the view behind `url_name` lets `user` in, by the rule the view declares."""
    _path, rule, as_staff = _address_and_rule(url_name)
    if rule in ("public", "signed-in"):
        return True
    if rule is None:  # the admin site, which checks for itself
        return may_administer(user)
    if as_staff:
        own, _funding = organisations_with(user, Capability(rule))
        return bool(own)
    return any(has_capability(user, Capability(part)) for part in rule.split(ANY_OF))


def _page_of(view_name: str, path: str) -> tuple[Section, Page] | None:
    """The registry's page the current page belongs to: itself, a page that names it in
    `within`, or else the page with the longest address the current one starts with."""
    best: tuple[int, Section, Page] | None = None
    for section in SECTIONS:
        for page in section.pages:
            if view_name == page.url_name or view_name in page.within:
                return section, page
            address = _address_and_rule(page.url_name)[0]
            longer = best is None or len(address) > best[0]
            if address != "/" and path.startswith(address) and longer:
                best = (len(address), section, page)
    return (best[1], best[2]) if best else None


def menu_for(user: Any, view_name: str, path: str) -> Menu:
    found = _page_of(view_name, path)
    sections: list[tuple[Link, list[Link]]] = []
    current: tuple[Link, list[Link]] | None = None
    breadcrumbs: list[Link] = []
    for section in SECTIONS:
        pages = [
            Link(
                page.label,
                _address_and_rule(page.url_name)[0],
                found is not None and page == found[1],
            )
            for page in section.pages
            if may_open(user, page.url_name)
        ]
        if not pages:
            continue
        entry = (
            Link(section.label, pages[0].url, found is not None and section == found[0]),
            pages,
        )
        sections.append(entry)
        if entry[0].current:
            current = entry
            breadcrumbs.append(Link(section.label, pages[0].url))
            breadcrumbs += [page for page in pages if page.current]
    start = Link(pgettext_lazy("breadcrumb", "Home"), start_url(user))
    return Menu(sections=sections, current=current, breadcrumbs=_trail([start, *breadcrumbs], path))


def start_url(user: Any) -> str:
    """Where signing in takes her when no page was asked for: the dashboard, or the first
    page her menu offers when she has no plans to see (so she never lands on a refusal)."""
    if may_open(user, "plans:dashboard"):
        return reverse("plans:dashboard")
    for section in SECTIONS:
        for page in section.pages:
            if may_open(user, page.url_name):
                return reverse(page.url_name)
    return reverse("plans:dashboard")


def _trail(crumbs: list[Link], path: str) -> list[Link]:
    """Start, the section and the registry's page, each address once (a later, more specific
    label takes an address over: "Organisations" rather than the section "Relations" it
    opens with, but Start stays Start). The crumb whose address is this page is the current
    one; a deeper page adds its own steps after these (templates' `{% block crumbs %}`)."""
    trail: list[Link] = []
    for crumb in crumbs:
        seen = next((i for i, link in enumerate(trail) if link.url == crumb.url), None)
        if seen is None:
            trail.append(crumb)
        elif seen > 0:
            trail[seen] = crumb
    return [Link(link.label, link.url, link.url == path) for link in trail]
