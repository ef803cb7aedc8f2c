"""A partner organisation brought into Koers (`organisation_add`): its directory record (the
one of the same name when nobody works in Koers for it yet), its first beheerder, and its
multi-year plan adopted by a funder, with programmes drafted from a goal of that funder's
tree or from an earlier plan of the same organisation (`ProgrammeDraft`), and the first
year's annual plan. What it made comes back as an `Onboarding`."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from koers.accounts.models import Membership, User
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability, Role
from koers.core.audit import audit_write, context_of
from koers.directory.duplicates import OrganisationIndex
from koers.directory.models import Organisation, OrganisationKind
from koers.plans.goal_links import unfunded_goals
from koers.plans.models import AnnualPlan, AnnualPlanStatus, Goal, Line, Plan, Programme

# Package-private: the account steps the onboarding services share.
from koers.plans.services.onboarding._accounts import (
    audit_account,
    field_problems,
    generated_password,
    taken,
)

FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass
class ProgrammeDraft:
    """A programme of the new plan before it is saved, and where it comes from."""

    code: str
    name: str
    strategic_goal: str
    goals: list[Goal]
    funder_ids: set[int]
    source: str  # "plans.goal:7" or "plans.programme:12", for the audit entry
    introduction: str = ""
    order: int = 0
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Onboarding:
    """What `organisation_add` made. `password` is set only when Koers generated it: the
    caller shows it once; it is stored nowhere but as a hash."""

    organisation: Organisation
    reused: bool
    membership: Membership
    plan: Plan
    programmes: list[Programme]
    password: str


@transaction.atomic
def organisation_add(
    *,
    actor: Any,  # None: at the machine (`koers organisation add`); said, never forgotten
    name: str,
    funder: Organisation,
    start_year: int,
    end_year: int,
    beheerder_username: str,
    beheerder_email: str,
    goal_root: str = "",
    from_plan: Plan | None = None,
    password: str = "",
    plan_title: str = "",
) -> Onboarding:
    """Bring an organisation into Koers: its directory record (the one of the same name if
    nobody works in Koers for it yet, else a new one), its first beheerder, and its
    multi-year plan adopted by `funder` with programmes from one of two sources:

    - `goal_root`: a goal of `funder`'s tree; one programme per goal directly below it,
      serving that goal and funded by `funder`;
    - `from_plan`: an earlier plan of the same organisation (a new period); its programmes'
      codes, names, texts, goals, funders and lines, not their activities, coordinators,
      capacity or target dates.

    The plan's first year gets its annual plan, in concept.

    Refused (ValidationError, nothing saved) when the organisation already works in Koers
    (it has members), when the goals would be another funder's (docs/tenancy.md, goal
    links), or on any bad input. Without `password` one is generated and returned. The
    beheerder enrols her second factor at her first sign-in (her role requires it).
    """
    if actor is not None and not has_capability(actor, Capability.MANAGE_INSTALLATION):
        raise PermissionDenied  # at the machine (no actor), or the installation administrator
    problems: dict[str, list[str]] = {}
    organisation, reused = _organisation(name.strip(), problems)
    drafts: list[ProgrammeDraft] = []
    if not FIRST_YEAR <= start_year <= end_year <= LAST_YEAR:
        _add(problems, "years", _("Give the plan's years as first-last, such as 2021-2024."))
    elif reused and "name" not in problems:
        _check_overlap(organisation, start_year, end_year, problems)
    if not funder.goals.exists():
        _add(problems, "funder", _("%(funder)s keeps no goal tree in Koers.") % {"funder": funder})
    if bool(goal_root.strip()) == (from_plan is not None):
        _add(
            problems,
            "programmes",
            _(
                "Choose where the programmes come from: a goal of the funder's tree, or an "
                "earlier plan of this organisation; one of the two."
            ),
        )
    elif from_plan is not None:
        drafts = _drafts_from_plan(from_plan, organisation if reused else None, funder, problems)
    else:
        drafts = _drafts_from_tree(goal_root.strip(), funder, problems)
    plan = Plan(
        funder=funder,
        start_year=start_year,
        end_year=end_year,
        title=plan_title.strip()
        or _("Multi-year plan %(start)s-%(end)s") % {"start": start_year, "end": end_year},
    )
    if "years" not in problems:
        try:
            plan.full_clean(exclude=["organisation"])
        except ValidationError as error:
            problems.setdefault("plan", []).extend(error.messages)
    user = User(username=beheerder_username.strip(), email=beheerder_email.strip().lower())
    if problems_of_user := field_problems(user) + taken(user):
        problems["beheerder"] = problems_of_user
    generated = "" if password else generated_password()
    if password:
        try:
            validate_password(password, user)
        except ValidationError as error:
            problems.setdefault("password", []).extend(error.messages)
    if problems:
        raise ValidationError(problems)

    if not reused:
        organisation.save()
    audit_write(
        actor=actor,
        action="organisation.add",
        instance=organisation,
        after={"name": organisation.name, "kind": organisation.kind, "reused": reused},
        organisation_id=organisation.pk,
    )
    user.set_password(password or generated)
    user.save()
    membership = Membership.objects.create(
        user=user, organisation=organisation, role=Role.BEHEERDER
    )
    audit_account(membership, "account.add", actor)
    plan.organisation = organisation
    plan.save()
    audit_write(
        actor=actor,
        action="plan.add",
        instance=plan,
        after={
            "title": plan.title,
            "funder": funder.pk,
            "start_year": start_year,
            "end_year": end_year,
            "from": context_of(from_plan) if from_plan else goal_root.strip(),
        },
        organisation_id=organisation.pk,
    )
    programmes = [_programme_create(plan, draft, actor) for draft in drafts]
    # The first year's cycle starts here: later years are drafted from the year before
    # (annual_plan_carry_over), and nothing else makes a plan's first annual plan.
    first = AnnualPlan.objects.create(plan=plan, year=start_year, status=AnnualPlanStatus.CONCEPT)
    audit_write(
        actor=actor,
        action="annual_plan.add",
        instance=first,
        after={"year": first.year, "status": first.status},
        organisation_id=organisation.pk,
    )
    return Onboarding(organisation, reused, membership, plan, programmes, generated)


def _add(problems: dict[str, list[str]], key: str, message: str) -> None:
    problems.setdefault(key, []).append(message)


def _organisation(name: str, problems: dict[str, list[str]]) -> tuple[Organisation, bool]:
    """The directory's record of that name when nobody works in Koers for it yet (locked,
    so a second run waits and then sees the first one's beheerder); else a new record."""
    same = list(Organisation.objects.select_for_update().filter(name__iexact=name))
    if len(same) > 1:
        _add(
            problems,
            "name",
            _(
                "The directory has %(count)s organisations named %(name)s (ids %(ids)s). An "
                "installation administrator merges them first; then try again."
            )
            % {"count": len(same), "name": name, "ids": ", ".join(str(o.pk) for o in same)},
        )
    elif same:
        found = same[0]
        if found.memberships.exists():
            _add(
                problems,
                "name",
                _(
                    "%(name)s already works in Koers (id %(id)s): it has accounts. Its own "
                    "beheerder adds colleagues and plans; nothing is added twice."
                )
                % {"name": found.name, "id": found.pk},
            )
        return found, True
    elif alike := OrganisationIndex().like(name):
        _add(
            problems,
            "name",
            _(
                "The directory has %(names)s, which looks like the same organisation. Give "
                "its exact name to use that record, or a name that tells them apart."
            )
            % {"names": ", ".join(f"{o.name} (id {o.pk})" for o in alike[:5])},
        )
    slug = base = slugify(name)[:70] or "organisatie"
    serial = 1
    while Organisation.objects.filter(slug=slug).exists():
        serial += 1
        slug = f"{base}-{serial}"
    organisation = Organisation(name=name, slug=slug, kind=OrganisationKind.OWN)
    try:
        organisation.full_clean(validate_unique=False)
    except ValidationError as error:
        problems.setdefault("name", []).extend(error.messages)
    return organisation, False


def _check_overlap(
    organisation: Organisation, start_year: int, end_year: int, problems: dict[str, list[str]]
) -> None:
    overlapping = organisation.plans.filter(start_year__lte=end_year, end_year__gte=start_year)
    for plan in overlapping:
        _add(
            problems,
            "years",
            _(
                "%(organisation)s already has a multi-year plan for these years: %(plan)s "
                "(%(start)s-%(end)s). Choose years after it."
            )
            % {
                "organisation": organisation,
                "plan": plan.title,
                "start": plan.start_year,
                "end": plan.end_year,
            },
        )


def _goal_names(goals: list[Goal]) -> str:
    return ", ".join(str(goal) for goal in goals)


def _drafts_from_tree(
    code: str, funder: Organisation, problems: dict[str, list[str]]
) -> list[ProgrammeDraft]:
    """One programme per goal directly below the funder's goal `code`."""
    tops = list(Goal.objects.filter(funder=funder, parent=None).order_by("order", "code"))
    found = list(Goal.objects.filter(code__iexact=code).select_related("funder"))
    roots = [goal for goal in found if not unfunded_goals([goal], {funder.pk})]
    if not roots:
        others = sorted({str(goal.funder) for goal in found})
        message = (
            _(
                "Goal %(code)s belongs to the goal tree of %(owners)s, which does not adopt this "
                "plan: a plan serves its own funder's goals (docs/tenancy.md). Choose a goal of "
                "%(funder)s (%(codes)s), or choose %(owners)s as the funder."
            )
            if others
            else _("%(funder)s has no goal %(code)s. Its goal trees start at %(codes)s.")
        )
        owners, top_codes = ", ".join(others), _goal_names(tops)
        _add(
            problems,
            "goal_root",
            message % {"owners": owners, "funder": funder, "code": code, "codes": top_codes},
        )
        return []
    root = roots[0]
    lines = list(root.children.order_by("order", "code"))
    if strangers := unfunded_goals(lines, {funder.pk}):
        _add(
            problems,
            "goal_root",
            _(
                "Below %(root)s are goals of another funder's tree: %(goals)s. Its funder's "
                "beheerder or the installation administrator corrects the tree first."
            )
            % {"root": root, "goals": _goal_names(strangers)},
        )
    if not lines:
        _add(
            problems,
            "goal_root",
            _(
                "Goal %(root)s has no goals below it to make programmes of. Choose a goal "
                "with lines below it, such as the top of a tree: %(codes)s."
            )
            % {"root": root, "codes": _goal_names(tops)},
        )
    drafts = []
    # A programme's code holds 10 characters, a goal's 20: a longer one becomes P<n>.
    width = Programme._meta.get_field("code").max_length or 10
    used = {line.code for line in lines if len(line.code) <= width}
    for order, line in enumerate(lines, start=1):
        programme_code = line.code
        if len(programme_code) > width:
            free = (f"P{n}" for n in itertools.count(order))
            programme_code = next(candidate for candidate in free if candidate not in used)
            used.add(programme_code)
        drafts.append(
            ProgrammeDraft(
                code=programme_code,
                name=line.title,
                # To be written by the organisation; until then the goal it serves.
                strategic_goal=line.description or line.title,
                goals=[line],
                funder_ids={funder.pk},
                source=context_of(line),
                order=order,
            )
        )
    return drafts


def _drafts_from_plan(
    source: Plan,
    organisation: Organisation | None,
    funder: Organisation,
    problems: dict[str, list[str]],
) -> list[ProgrammeDraft]:
    """The programmes of an earlier plan of the same organisation, for the new years."""
    if organisation is None or source.organisation_id != organisation.pk:
        _add(
            problems,
            "from_plan",
            _(
                "Plan %(plan)s (id %(id)s) is not a plan of this organisation. A new plan copies "
                "the programmes of an earlier plan of the same organisation only: another "
                "organisation's programmes are its own records (docs/tenancy.md). Start from "
                "a goal of the funder's tree instead."
            )
            % {"plan": source.title, "id": source.pk},
        )
        return []
    programmes = list(
        source.programmes.order_by("order", "code").prefetch_related("goals", "funders", "lines")
    )
    if not programmes:
        _add(problems, "from_plan", _("Plan %(plan)s has no programmes.") % {"plan": source})
    drafts = []
    for programme in programmes:
        goals = list(programme.goals.all())
        funder_ids = {other.pk for other in programme.funders.all()}
        if strangers := unfunded_goals(goals, funder_ids | {funder.pk}):
            _add(
                problems,
                "from_plan",
                _(
                    "Programme %(programme)s serves %(goals)s, goals of a funder that funds "
                    "neither the programme nor the new plan. Choose that funder for the plan, "
                    "or correct the programme first."
                )
                % {"programme": programme, "goals": _goal_names(strangers)},
            )
        drafts.append(
            ProgrammeDraft(
                code=programme.code,
                name=programme.name,
                strategic_goal=programme.strategic_goal,
                introduction=programme.introduction,
                order=programme.order,
                goals=goals,
                funder_ids=funder_ids,
                lines=list(programme.lines.all()),
                source=context_of(programme),
            )
        )
    return drafts


def _programme_create(plan: Plan, draft: ProgrammeDraft, actor: Any) -> Programme:
    programme = Programme.objects.create(
        plan=plan,
        code=draft.code,
        name=draft.name,
        strategic_goal=draft.strategic_goal,
        introduction=draft.introduction,
        order=draft.order,
    )
    programme.goals.set(draft.goals)
    programme.funders.set(draft.funder_ids)
    Line.objects.bulk_create(
        Line(programme=programme, code=line.code, title=line.title, order=line.order)
        for line in draft.lines
    )
    audit_write(
        actor=actor,
        action="programme.add",
        instance=programme,
        after={
            "code": programme.code,
            "name": programme.name,
            "goals": [goal.code for goal in draft.goals],
            "funders": sorted(draft.funder_ids),
            "lines": [line.code for line in draft.lines],
            "from": draft.source,
        },
        organisation_id=plan.organisation_id,
    )
    return programme
