"""What `tests/test_out_of_scope_writes.py` needs beyond the permission matrix, per URL.

An URL that changes an object by its id is tested with the object the matrix builds for
its row (`tests/permission_matrix.py`), made in a world outside the attacker's scope
(`tests/placements.py`). A recipe here adds what the matrix does not say: the values of a
valid post where the page's form or the matrix row lacks them, another object where the
matrix's is not one that can be changed (a plan that is not frozen takes no amendment),
or the capability that decides whether a coordinator's own programme is her scope.

Every URL that accepts a post without an object id either names the scope in its form
(a create recipe, `CREATE`) or acts only where the user herself is (`OWN_ONLY`, with the
reason). A URL in neither fails the completeness test, so a new one must be decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tests.conftest import World

Values = Callable[[World, Any], dict[str, Any]]


def _none(world: World, target: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Recipe:
    # The object in the URL, built in the placement; None: the matrix row's target.
    target: Callable[[World], Any] | None = None
    # Values on top of the page's form (or the matrix row's data for a post-only URL).
    values: Values = _none
    query: Callable[[World, Any], str] | None = None
    # Whether a coordinator holds the governing capability for her programme only; None:
    # as the view declares it.
    programme_scoped: bool | None = None
    editor: str | None = None  # who proves the data valid; None: from the matrix row
    # A create URL: the edit URL whose form, for an object the matrix builds, gives the
    # values of a valid post. Found from the URL patterns when both share one view.
    twin: str | None = None


def _someone_else(proposal: Any) -> int:
    from koers.matching.placements.eligibility import eligible_candidates

    return int(eligible_candidates(proposal.shift, excluding=[proposal.candidate_id])[0].pk)


def _a_category_of(signal: Any) -> int:
    from tests.signals.factories import CategoryFactory

    return int(CategoryFactory(holder=signal.holder).pk)


def a_frozen_activity(world: World) -> Any:
    from koers.plans.models import AnnualPlanStatus

    world.annual_plan.status = AnnualPlanStatus.ADOPTED
    world.annual_plan.save(update_fields=["status"])
    return world.activity


def a_person_with_a_double(world: World) -> Any:
    from tests.permission_matrix import a_person

    keep = a_person(world)
    a_person(world)  # the double: the merge page offers her by name
    return keep


def _the_double(world: World, keep: Any) -> int:
    from koers.directory.models import Person

    return Person.objects.filter(holder=keep.holder).exclude(pk=keep.pk).get().pk


def an_entry_in_a_closed_month(world: World) -> Any:
    """May 2021's hours of the staff member, the month closed."""
    from koers.work.models import ClosedMonth, TimeEntry

    entry = TimeEntry.objects.create(
        user=world.users["medewerker"],
        organisation=world.own,
        activity=world.activity,
        date=dt.date(2021, 5, 3),
        hours=Decimal(4),
    )
    ClosedMonth.objects.create(
        organisation=world.own, month=dt.date(2021, 5, 1), closed_by=world.users["bedrijfsvoering"]
    )
    return entry


RECIPES: dict[str, Recipe] = {
    # A changed title is a change to keep; the breakdown must be one the table has (none).
    "insight:key_figure_edit": Recipe(
        values=lambda w, o: {"title": "Inwoners per gemeente", "breakdown": ""}
    ),
    "matching:availability_add": Recipe(
        values=lambda w, o: {
            "weekdays": ["0", "1"],
            "start_time": "08:00",
            "end_time": "16:00",
            "valid_from": "2021-01-01",
        }
    ),
    "matching:availability_edit": Recipe(
        values=lambda w, o: {"start_time": "08:00", "end_time": "17:00"}
    ),
    "plans:amendment_create": Recipe(
        target=a_frozen_activity,
        values=lambda w, o: {"field": "title", "new_value": "Nieuwe titel", "reason": "Helder"},
    ),
    "plans:activity_create": Recipe(
        values=lambda w, o: {
            "code": "N1",
            "title": "Nieuwe activiteit",
            "description": "Bijeenkomsten",
            "role": "gesprek_verbinding",
            "phase": "versterken",
        }
    ),
    "plans:indicator_create": Recipe(
        values=lambda w, o: (
            {"kind": "output", "title": "Aantal", "unit": "count"} | {"aggregation": "sum"}
        )
    ),
    "plans:indicator_measurement": Recipe(values=lambda w, o: {"measure": "work.hours_activity"}),
    "directory:person_merge": Recipe(
        target=a_person_with_a_double,
        values=lambda w, o: {"dubbel": str(_the_double(w, o)), "confirm": "on"},
        query=lambda w, o: f"?dubbel={_the_double(w, o)}",
    ),
    "directory:person_erase": Recipe(values=lambda w, o: {"reason": "Verzoek", "confirm": "on"}),
    "directory:position_add": Recipe(
        values=lambda w, o: {"organisation": str(w.province.pk), "title": "Adviseur"}
    ),
    "relations:participant_add": Recipe(values=lambda w, o: {"organisation": str(w.other_org.pk)}),
    "relations:action_add": Recipe(
        values=lambda w, o: {
            "title": "Terugbellen",
            "owner": str(w.users["medewerker"].pk),
            "due_on": "2021-06-01",
        }
    ),
    "funding:grant_indicator": Recipe(values=lambda w, o: {"indicator": str(w.indicator.pk)}),
    "plans:tactical_goal_create": Recipe(
        values=lambda w, o: {"text": "In 2024 is het netwerk zelfstandig.", "target_year": "2024"}
    ),
    "plans:standing_task_create": Recipe(
        values=lambda w, o: {"title": "Secretaris van het netwerk", "role": "Secretarisfunctie"}
    ),
    "plans:multi_year_result_create": Recipe(
        values=lambda w, o: {
            "start_year": "2021",
            "end_year": "2022",
            "title": "Netwerk zelfstandig",
            "activity_text": "Het netwerk begeleiden",
            "result_text": "Het netwerk draait zelfstandig",
        }
    ),
    "plans:multi_year_target_create": Recipe(
        values=lambda w, o: {
            "title": "Werkgevers bereikt",
            "start_year": "2021",
            "end_year": "2022",
            "value": "150",
        }
    ),
    "plans:partner_create": Recipe(
        values=lambda w, o: (
            {"organisation": str(w.province.pk), "organisation_zoek": w.province.name}
            | {"role": "financier"}
        )
    ),
    # Milestones are the whole plan's: who takes the annual plan through its steps.
    "plans:milestone_create": Recipe(
        values=lambda w, o: {"title": "Raad van Advies", "date": "2021-07-01", "precision": "day"},
        editor="directeur",
    ),
    "plans:milestone_edit": Recipe(editor="directeur"),
    # Only the GGD/GHOR's official sets a request's priority (tests/matching/test_requests.py).
    "matching:request_priority": Recipe(
        editor="prioritering",
        values=lambda w, o: {"priority": "3", "priority_note": "Uitbraak"},
    ),
    # Someone else for the shift: the first the page offers besides the proposed one.
    "matching:proposal_change": Recipe(values=lambda w, o: {"candidate": str(_someone_else(o))}),
    "work:products": Recipe(
        values=lambda w, o: {"title": "Verslag", "kind": "report", "link": "https://example.org/v"}
    ),
    # --- creating: the form names where the record goes ------------------------------------
    "relations:contact_add": Recipe(values=lambda w, o: {"programme": str(w.programme.pk)}),
    "directory:person_add": Recipe(
        values=lambda w, o: {
            "holder": str(w.own.pk),
            "first_name": "Bram",
            "last_name": "Visser",
            "email": "bram.visser@voorbeeld.nl",
            "purpose": "Contactpersoon voor het programma",
            "lawful_basis": "legitimate_interests",
        }
    ),
    "relations:communications": Recipe(
        values=lambda w, o: {
            "programme": str(w.programme.pk),
            "date": "2021-03-01",
            "channel": "newsletter",
            "title": "Nieuwsbrief maart",
        },
        programme_scoped=True,  # the list is for all; adding is recording (RECORD_REALISATION)
    ),
    "funding:budget_line_add": Recipe(
        values=lambda w, o: {
            "programme": str(w.programme.pk),
            "year": "2021",
            "direction": "cost",
            "cost_type": "material",
            "amount": "1000",
        }
    ),
    "funding:risk_add": Recipe(
        values=lambda w, o: {
            "programme": str(w.programme.pk),
            "title": "Uitval van een trekker",
            "probability": "20",
            "impact": "10000",
        }
    ),
    "funding:expense_add": Recipe(
        values=lambda w, o: {
            "programme": str(w.programme.pk),
            "date": "2021-03-01",
            "cost_type": "material",
            "amount": "100",
            "description": "Zaalhuur",
        }
    ),
    "reports:reports": Recipe(
        values=lambda w, o: (
            {"plan": str(w.plan.pk), "kind": "progress", "year": "2021"} | {"quarter": "3"}
        )
    ),
    "work:corrections": Recipe(
        target=an_entry_in_a_closed_month,
        values=lambda w, o: (
            {"entry": str(o.pk), "day": "2021-10-04", "hours": "1"} | {"note": "Vergeten"}
        ),
        query=lambda w, o: f"?medewerker={o.user_id}&maand=2021-05",
        editor="bedrijfsvoering",  # who corrects a colleague's hours
    ),
    # --- signals: cases ---
    "signals:case_type_add": Recipe(twin="signals:case_type_edit"),
    # signals: entry. The page offers no category until one is chosen: choose one of the
    # signal's holder (another holder's is refused by the service).
    "signals:signal_interpret": Recipe(values=lambda w, o: {"category": str(_a_category_of(o))}),
}

# URLs with no object id whose post names no scope: they act on the user's own account or
# her own organisation's records, which the view takes from her memberships.
OWN_ONLY = {
    "matching:candidate_add": "a candidate in the pool of her own organisation, which the view "
    "takes from her membership (tests/matching/test_candidates.py)",
    "matching:run_start": "a run over her own organisation's pool, which the view takes from "
    "her membership (tests/matching/test_engine_runs.py)",
    "atlas:network_recompute": "the network of her own organisation's atlas, which the view "
    "takes from her membership (tests/atlas/test_network_snapshots.py)",
    "accounts:two_factor_remove": "her own second factor",
    "accounts:recovery_codes_regenerate": "her own recovery codes",
    "accounts:sessions_end_others": "her own sessions",
    "open_data:choose": "the programmes of her own organisations only: another is no choice "
    "(tests/api/test_open_data.py)",
    "api_tokens:create": "a key of her own, which reads what her roles read "
    "(tests/api/test_key_pages.py)",
    "relations:calendar_renew": "her own calendar address",
    "work:week": "her own week; a row the grid does not offer her (another organisation's "
    "project or activity) is ignored, and week_save refuses it",
    "work:month_close": "closes a month of her own organisation",
    "work:import": "imports into her own organisation (tests/work/test_import_export.py)",
    "funding:budget_import": "imports into her own organisation (tests/funding/test_imports.py)",
    "funding:position_edit": "the financial year of her own organisation",
    "funding:reserve_add": "an earmarked reserve of her own organisation, which the view takes "
    "from her membership",
    "privacy:access_log": "downloads the access log of her own organisations' records only",
    "privacy:retention": "the retention term of her own organisations only: another is no "
    "choice (tests/privacy/test_retention_terms.py)",
    "relations:members": "members of her own organisation; the member comes from the shared "
    "directory",
    "relations:quote_template": "the quote template of her own organisation",
    "directory:person_import": "the holder is checked against hers on every step "
    "(tests/relations/test_person_import.py: persons cannot be imported for another "
    "organisation)",
    "directory:organisation_import": "the directory of organisations is shared",
    "atlas:spinnenweb": "public: counts for the atlas the installation shows publicly "
    "(koers.atlas.public.holder), never one the visitor names",
    "atlas:spinnenweb_contact": "public: a request to the organisation whose atlas the "
    "installation shows publicly; initiatives only among those she was shown",
    "atlas:initiative_add": "an initiative in the atlas of her own organisation, which the "
    "view takes from her membership",
    "atlas:collaboration_add": "a tie in the atlas of her own organisation; an initiative of "
    "another atlas is no choice (tests/atlas/test_collaborations.py)",
    "atlas:tie_proposal_accept": "a derived tie of her own organisation's records, found again "
    "by the service from its key (a made-up key is refused)",
    "atlas:tie_proposal_dismiss": "hides a derived tie of her own organisation's records",
    "atlas:confirmation": "no account: the contact's own entry, named by the secret in the "
    "address (an unknown secret finds nothing)",
    "matching:request_add": "staff: a request kept by her own organisation, which the view "
    "takes from her membership; a care organisation's contact: asked by her own organisation "
    "(no requester field; tests/matching/test_care_contact.py)",
    "matching:signup": "public: a sign-up for the pool the installation names "
    "(koers.matching.public.holder), never one the visitor names",
    "matching:signup_confirm": "no account: her own sign-up, named by the secret in the "
    "address (an unknown secret finds nothing)",
    "matching:available_again": "no account: her own invitation, named by the secret in the "
    "address (an unknown secret finds nothing)",
    "matching:campaign_add": "a campaign to the lapsed candidates of her own organisation's "
    "pool, which the view takes from her membership",
    "matching:trajectory_add": "a trajectory of her own organisation, which the view takes "
    "from her membership; a person of another directory is no choice "
    "(tests/matching/test_trajectories.py)",
    "matching:follow_up": "no account: the answer of one side of one placement, named by the "
    "secret in the address (an unknown secret finds nothing)",
    # --- signals: cases ---
    "signals:volunteer_add": "a volunteer of her own organisation in a kind of support she "
    "keeps, which the view takes from her membership (tests/signals/test_cases_setup.py)",
    "signals:case_add": "a case of her own organisation with herself as its supporter, which "
    "the view takes from her membership (tests/signals/test_cases_views.py)",
    "signals:signal_add": "a signal kept by her own organisation, which the view takes from "
    "her membership; a category of another holder is refused (tests/signals/test_entry_views.py)",
    "signals:suggest": "writes nothing: the classifier's suggestion for her own organisation's "
    "categories, which the view takes from her membership",
    "signals:public_form": "public: a signal for the organisation the installation names "
    "(koers.signals.public.holder), never one the visitor names",
    "signals:classifier_train": "trains her own organisation's model, which the view takes "
    "from her membership (tests/signals/test_classify_views.py)",
    "signals:category_add": "a category in her own organisation's tree, which the view takes "
    "from her membership; a main category of another tree is no choice "
    "(tests/signals/test_categories.py)",
    "signals:categories_seed": "seeds her own organisation's tree, which the view takes from "
    "her membership",
    "signals:meeting_add": "a meeting of her own organisation, which the view takes from her "
    "membership (tests/signals/test_agenda.py)",
    "signals:agenda_item_add": "an agenda item of her own organisation, which the view takes "
    "from her membership; a signal of another organisation cannot be bundled "
    "(tests/signals/test_agenda.py)",
    "insight:notes": "a note of her own organisation, which the service takes from her "
    "membership (tests/insight/test_dashboards.py)",
    "insight:research_project_create": "a project of her own organisation, which the service "
    "takes from her membership (tests/insight/test_research.py)",
}

# Posts about an object that write nothing themselves, so an editor's post cannot prove the
# data valid by changing records: refused outside her scope all the same (403/404, nothing
# changed), and their own tests show what they do within it.
CHECKS_ONLY = {
    "insight:survey_upload": "the check of a survey's upload: nothing is kept until the "
    "confirmation (tests/insight/test_research.py)",
    "insight:survey_confirm": "keeps the upload this session's check kept, by its token; "
    "without one it keeps nothing (tests/insight/test_research.py)",
}

# Records of no one's scope: the directory of organisations is shared by the installation
# (a municipality is the same municipality for everyone); changing it needs EDIT_PERSONS,
# merging it ADMINISTER, and every change is audited. So are the statistics.
SHARED = {
    "directory:organisation_add",
    "directory:organisation_edit",
    "directory:organisation_merge",
    # Bringing an organisation into Koers makes a new organisation, its beheerder and plan:
    # the installation administrator's (MANAGE_INSTALLATION), in no organisation's scope
    # before it (tests/plans/test_onboarding_page.py).
    "plans:onboard",
    # Statistics are every organisation's to read (koers.insight): an import of a new table
    # needs MANAGE_STATISTICS and her organisation keeps it; a newer version of a table
    # another organisation keeps is refused in the report (koers.insight.keepers,
    # tests/insight/test_keepers.py).
    "insight:dataset_import",
    "insight:dataset_import_confirm",
    # A key figure chosen is kept by her organisation; changing or removing one is scoped
    # to its keeper and tested here like any other record.
    "insight:key_figure_create",
}
