"""A partner organisation joins an installation that has others: `organisation_add` (its
record, first beheerder and plan from the funder's goal tree or an earlier plan),
`users_import` (its colleagues from a CSV file), and `koers organisation` around both."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.accounts.two_factor import enforced_for
from koers.core.models import AuditEntry
from koers.directory.models import Organisation, OrganisationKind
from koers.plans.models import Activity, Line, Plan, Programme
from koers.plans.services.onboarding import organisation_add, users_import
from tests.accounts.test_password_reset import run_queued_tasks
from tests.conftest import World, verified_client
from tests.directory.factories import OrganisationFactory
from tests.plans.conftest import LINES
from tests.plans.factories import ActivityFactory, GoalFactory, LineFactory, ProgrammeFactory

PASSWORD = "stevig-wachtwoord-voor-de-ggd"
HEADER = "gebruikersnaam,voornaam,achternaam,e-mail,rol\n"
GOOD_ROWS = (
    "bert,Bert,Bakker,Bert@GGDFlevoland.nl,medewerker\n"
    "carla,Carla,de Vries,carla@ggdflevoland.nl,Programmacoördinator\n"
    "dirk,Dirk,Smit,dirk@ggdflevoland.nl,directeur\n"
)


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The services' refusals are checked in English, their msgids: the Dutch catalogue may
    word them differently. The command speaks the installation's language (see its tests)."""
    with translation.override("en"):
        yield


def add(world: World, **overrides: Any) -> Any:
    arguments = {
        "actor": None,
        "name": "GGD Flevoland",
        "funder": world.province,
        "goal_root": "KS",
        "start_year": 2021,
        "end_year": 2024,
        "beheerder_username": "fenna",
        "beheerder_email": "Fenna@GGDFlevoland.nl",
        "password": PASSWORD,
    }
    return organisation_add(**{**arguments, **overrides})


def counts() -> dict[str, int]:
    models = (Organisation, User, Membership, Plan, Programme, Line, AuditEntry)
    return {model.__name__: model.objects.count() for model in models}


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "medewerkers.csv"
    path.write_text(text, encoding="utf-8")
    return path


# --- organisation_add ------------------------------------------------------------------------


def test_it_adds_the_organisation_its_beheerder_and_a_programme_per_line(tree: World) -> None:
    done = add(tree)
    ggd = done.organisation
    assert (ggd.name, ggd.kind, done.reused) == ("GGD Flevoland", OrganisationKind.OWN, False)
    fenna = User.objects.get(username="fenna")
    assert fenna.email == "fenna@ggdflevoland.nl" and fenna.check_password(PASSWORD)
    assert not fenna.is_staff and not fenna.is_superuser
    assert list(fenna.memberships.values_list("organisation", "role")) == [(ggd.pk, Role.BEHEERDER)]
    assert done.password == ""  # given, so nothing to show
    # Like everyone with her role: no second factor yet, so enrolment at the first sign-in.
    assert enforced_for(fenna) and not TOTPDevice.objects.filter(user=fenna).exists()
    plan = Plan.objects.get(organisation=ggd)
    assert (plan.funder, plan.start_year, plan.end_year) == (tree.province, 2021, 2024)
    assert plan.title == done.plan.title and "2021" in plan.title and "2024" in plan.title
    programmes = list(plan.programmes.order_by("order"))
    assert [(p.code, p.name) for p in programmes] == [
        ("KS-1", "Gezond Flevoland"),
        *LINES.items(),
    ]
    for programme in programmes:
        assert [goal.code for goal in programme.goals.all()] == [programme.code]
        assert list(programme.funders.all()) == [tree.province]
        assert programme.strategic_goal and not programme.activities.exists()
    # Its first year's cycle can start: later years are carried over from the one before.
    assert list(plan.annual_plans.values_list("year", "status")) == [(2021, "concept")]
    entries = AuditEntry.objects.filter(organisation_id=ggd.pk)
    assert sorted(entries.values_list("action", flat=True)) == sorted(
        ["organisation.add", "account.add", "plan.add", "annual_plan.add", *["programme.add"] * 4]
    )
    assert not entries.exclude(actor=None).exists()  # the command line
    assert entries.get(action="account.add").changes["role"] == [None, Role.BEHEERDER]


def test_a_generated_password_is_returned_once_and_passes_the_rules(tree: World) -> None:
    done = add(tree, password="")
    fenna = done.membership.user
    assert done.password and fenna.check_password(done.password)
    validate_password(done.password, fenna)
    assert done.password not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


def test_her_first_sign_in_asks_for_two_step_verification(tree: World) -> None:
    add(tree)
    client = Client()
    client.post(reverse("accounts:login"), {"username": "fenna", "password": PASSWORD})
    response = client.get(reverse("plans:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_it_uses_the_shared_directory_record_when_nobody_works_in_koers_for_it(
    tree: World,
) -> None:
    record = OrganisationFactory(name="GGD Flevoland", kind=OrganisationKind.CARE)
    before = Organisation.objects.count()
    done = add(tree, name="  ggd flevoland ")
    assert done.reused and done.organisation.pk == record.pk
    assert Organisation.objects.count() == before
    record.refresh_from_db()
    assert (record.name, record.kind) == ("GGD Flevoland", OrganisationKind.CARE)  # as it was
    assert Membership.objects.get(organisation=record).user.username == "fenna"
    entry = AuditEntry.objects.get(action="organisation.add")
    assert entry.organisation_id == record.pk and entry.changes["reused"] == [None, True]


def test_it_refuses_an_organisation_that_already_works_in_koers(tree: World) -> None:
    before = counts()
    with pytest.raises(ValidationError) as refused:
        add(tree, name=tree.other_org.name)
    assert "already works in Koers" in " ".join(refused.value.messages)
    assert counts() == before


def test_it_refuses_a_look_alike_of_a_directory_record(tree: World) -> None:
    OrganisationFactory(name="Stichting GGD Flevoland", kind=OrganisationKind.CARE)
    before = counts()
    with pytest.raises(ValidationError, match="Stichting GGD Flevoland"):
        add(tree)
    assert counts() == before


def test_it_refuses_a_goal_root_of_another_funders_tree(tree: World) -> None:
    arbeid = GoalFactory(funder=tree.regio, code="AM", title="Arbeidsmarkt")
    GoalFactory(funder=tree.regio, parent=arbeid, code="AM-1", title="Werk voor iedereen")
    before = counts()
    with pytest.raises(ValidationError) as refused:
        add(tree, goal_root="AM")
    message = " ".join(refused.value.messages)
    assert "Regio+" in message and "Provincie Flevoland" in message
    assert counts() == before


def test_it_refuses_a_tree_whose_lines_belong_to_another_funder(tree: World) -> None:
    # Goal.clean refuses this in the admin; a record that got past it is refused here too.
    GoalFactory(funder=tree.regio, parent=tree.goal.parent, code="AM-9", title="Vreemd")
    before = counts()
    with pytest.raises(ValidationError, match="AM-9"):
        add(tree)
    assert counts() == before


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"beheerder_username": "beheerder"}, "user name already"),
        ({"beheerder_email": "directeur@example.org"}, "e-mail address"),
        ({"beheerder_email": "geen-adres"}, "valid email"),
        ({"password": "kort"}, "too short"),
        ({"start_year": 2024, "end_year": 2021}, "2021-2024"),
        ({"goal_root": "KS-1"}, "no goals below it"),
        ({"goal_root": "XX"}, "no goal XX"),
        ({"goal_root": ""}, "Choose where the programmes come from"),
        ({"plan_title": "x" * 201}, "200"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    tree: World, overrides: dict[str, Any], complaint: str
) -> None:
    before = counts()
    with pytest.raises(ValidationError) as refused:
        add(tree, **overrides)
    assert complaint in " ".join(refused.value.messages)
    assert counts() == before


def test_a_funder_without_a_goal_tree_is_refused(tree: World) -> None:
    with pytest.raises(ValidationError, match="keeps no goal tree"):
        add(tree, funder=tree.regio)
    assert not Organisation.objects.filter(name="GGD Flevoland").exists()


# --- a new period from an earlier plan -------------------------------------------------------


@pytest.fixture
def earlier(tree: World) -> Plan:
    """A partner that worked in Koers before (2017-2020) and has no accounts now."""
    noord = OrganisationFactory(name="Welzijn Noord", kind=OrganisationKind.PARTNER)
    plan = Plan.objects.create(
        organisation=noord,
        funder=tree.province,
        title="Meerjarenplan 2017-2020",
        start_year=2017,
        end_year=2020,
    )
    programme = ProgrammeFactory(
        plan=plan, code="GZ", name="Gezondheid", funders=[tree.province, tree.regio]
    )
    programme.goals.add(tree.goal)
    line = LineFactory(programme=programme, code="GZ-a", title="Preventie")
    ActivityFactory(programme=programme, line=line, year=2020)
    return plan


def test_from_plan_copies_the_programmes_of_an_earlier_plan_of_the_organisation(
    tree: World, earlier: Plan
) -> None:
    done = add(tree, name="Welzijn Noord", goal_root="", from_plan=earlier)
    assert done.reused and done.organisation.pk == earlier.organisation_id
    (copy,) = done.programmes
    assert (copy.plan, copy.code, copy.name) == (done.plan, "GZ", "Gezondheid")
    assert list(copy.goals.all()) == [tree.goal]
    assert set(copy.funders.all()) == {tree.province, tree.regio}
    assert list(copy.lines.values_list("code", "title")) == [("GZ-a", "Preventie")]
    assert not Activity.objects.filter(programme=copy).exists()
    assert earlier.programmes.get().activities.count() == 1  # the earlier plan as it was
    entry = AuditEntry.objects.get(action="programme.add")
    assert entry.changes["from"][1] == f"plans.programme:{earlier.programmes.get().pk}"


def test_from_plan_refuses_another_organisations_plan(tree: World) -> None:
    before = counts()
    with pytest.raises(ValidationError, match="not a plan of this organisation"):
        add(tree, goal_root="", from_plan=tree.plan)
    assert counts() == before


def test_a_new_period_may_not_overlap_an_earlier_plan(tree: World, earlier: Plan) -> None:
    before = counts()
    with pytest.raises(ValidationError, match="already has a multi-year plan"):
        add(tree, name="Welzijn Noord", goal_root="", from_plan=earlier, start_year=2020)
    assert counts() == before


def test_from_plan_refuses_goals_no_funder_of_the_new_plan_funds(
    tree: World, earlier: Plan
) -> None:
    """The earlier plan's province goal was served through the province's funding; with the
    province gone from the programme and another funder adopting, it would be a stranger's."""
    earlier.programmes.get().funders.set([tree.regio])
    GoalFactory(funder=tree.regio, code="AM")  # the regio keeps a tree of its own
    before = counts()
    with pytest.raises(ValidationError, match="KS-1"):
        add(tree, name="Welzijn Noord", goal_root="", from_plan=earlier, funder=tree.regio)
    assert counts() == before


# --- users_import ----------------------------------------------------------------------------


@pytest.fixture
def ggd(tree: World) -> Organisation:
    organisation: Organisation = add(tree).organisation
    return organisation


def test_a_dry_run_reports_every_row_and_changes_nothing(ggd: Organisation, tmp_path: Path) -> None:
    before = counts()
    report = users_import(organisation=ggd, csv_file=csv_file(tmp_path, HEADER + GOOD_ROWS))
    assert [(row.line, row.label, row.problems) for row in report.rows] == [
        (2, "bert", []),
        (3, "carla", []),
        (4, "dirk", []),
    ]
    assert report.created == [] and counts() == before


def test_apply_creates_the_accounts_and_their_memberships(
    ggd: Organisation, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, HEADER + GOOD_ROWS)
    report = users_import(organisation=ggd, csv_file=path, dry_run=False)
    assert len(report.created) == 3
    memberships = Membership.objects.filter(organisation=ggd).exclude(user__username="fenna")
    assert sorted(memberships.values_list("user__username", "user__email", "role")) == [
        ("bert", "bert@ggdflevoland.nl", Role.MEDEWERKER),
        ("carla", "carla@ggdflevoland.nl", Role.COORDINATOR),
        ("dirk", "dirk@ggdflevoland.nl", Role.DIRECTEUR),
    ]
    carla = User.objects.get(username="carla")
    assert (carla.first_name, carla.last_name) == ("Carla", "de Vries")
    # No password anyone knows, but a usable one: Django sends no reset link otherwise.
    assert carla.has_usable_password() and not carla.check_password("")
    entries = AuditEntry.objects.filter(action="account.import")
    assert set(entries.values_list("organisation_id", flat=True)) == {ggd.pk}
    assert entries.count() == 3


def test_an_imported_colleague_sets_her_password_through_forgot_password(
    ggd: Organisation, tmp_path: Path
) -> None:
    users_import(organisation=ggd, csv_file=csv_file(tmp_path, HEADER + GOOD_ROWS), dry_run=False)
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": "bert@ggdflevoland.nl"})
    assert run_queued_tasks() == [1]
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body)
    assert link and "bert" in mail.outbox[0].body
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    chosen = "een-eigen-wachtwoord-van-bert"
    client.post(form_url, {"new_password1": chosen, "new_password2": chosen})
    assert User.objects.get(username="bert").check_password(chosen)


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("erik,Erik,Eén,erik@ggdflevoland.nl,tovenaar", "'tovenaar' is unknown"),
        ("bert,Bert,Tweede,bert2@ggdflevoland.nl,medewerker", "Same user name as row 2"),
        ("BERT,Bert,Tweede,bert2@ggdflevoland.nl,medewerker", "Same user name as row 2"),
        ("medewerker,Mies,Bos,mies@ggdflevoland.nl,medewerker", "user name already"),
        ("erik,Erik,Eén,erik-at-ggd,medewerker", "valid email"),
        ("erik,Erik,Eén,,medewerker", "Give an e-mail address"),
        ("erik,Erik,Eén,bert@ggdflevoland.nl,medewerker", "Same e-mail address as row 2"),
        ("erik,Erik,Eén,directeur@example.org,medewerker", "already has an account"),
        ("erik,Erik,Eén,erik@ggdflevoland.nl,opdrachtgever", "not a role of the organisation"),
        ("erik,Erik,Eén,erik@ggdflevoland.nl,zorgvrager", "not a role of the organisation"),
        ("erik,Erik,Eén,erik@ggdflevoland.nl,installatiebeheerder", "not a role"),
        ("erik,Erik,Eén,erik@ggdflevoland.nl,prioritering", "not a role"),
        ("erik ik,Erik,Eén,erik@ggdflevoland.nl,medewerker", "letters"),
    ],
)
def test_a_bad_line_refuses_the_whole_import_naming_the_line(
    ggd: Organisation, tmp_path: Path, row: str, complaint: str
) -> None:
    path = csv_file(tmp_path, HEADER + "bert,Bert,Bakker,bert@ggdflevoland.nl,medewerker\n" + row)
    report = users_import(organisation=ggd, csv_file=path)
    assert [row.line for row in report.failing] == [3]
    assert complaint in " ".join(report.failing[0].problems)
    before = counts()
    with pytest.raises(ValidationError) as refused:
        users_import(organisation=ggd, csv_file=path, dry_run=False)
    messages = refused.value.messages
    assert any(message.startswith(("Row 3:", "Rij 3:")) for message in messages), messages
    assert counts() == before


def test_a_file_without_the_required_columns_is_refused(ggd: Organisation, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "naam,e-mail\nBert,bert@ggdflevoland.nl\n")
    report = users_import(organisation=ggd, csv_file=path)
    assert report.problems and not report.rows
    with pytest.raises(ValidationError):
        users_import(organisation=ggd, csv_file=path, dry_run=False)
    assert not User.objects.filter(email="bert@ggdflevoland.nl").exists()


def test_an_organisation_that_does_not_work_in_koers_gets_no_accounts(
    tree: World, tmp_path: Path
) -> None:
    municipality = OrganisationFactory(kind=OrganisationKind.MUNICIPALITY)
    with pytest.raises(ValidationError, match="does not work in Koers"):
        users_import(
            organisation=municipality,
            csv_file=csv_file(tmp_path, HEADER + GOOD_ROWS),
            dry_run=False,
        )
    assert not User.objects.filter(username="bert").exists()


def test_her_admin_lists_her_organisations_accounts_only(
    tree: World, ggd: Organisation, tmp_path: Path
) -> None:
    users_import(organisation=ggd, csv_file=csv_file(tmp_path, HEADER + GOOD_ROWS), dry_run=False)
    fenna = User.objects.get(username="fenna")

    def listed(user: Any) -> set[str]:
        response = verified_client(user).get("/beheer/accounts/user/")
        assert response.status_code == 200
        return {account.username for account in response.context["cl"].result_list}

    assert listed(fenna) == {"fenna", "bert", "carla", "dirk"}
    cmo = listed(tree.users["beheerder"])
    assert not cmo & {"fenna", "bert", "carla", "dirk"} and "directeur" in cmo
    other = User.objects.get(username="directeur")
    assert (
        verified_client(fenna).get(f"/beheer/accounts/user/{other.pk}/change/").status_code == 404
    )


# --- koers organisation ----------------------------------------------------------------------


def run(*args: str) -> str:
    out = StringIO()
    call_command("organisation", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


ADD = [
    "add",
    "--name=GGD Flevoland",
    "--funder=Provincie Flevoland",
    "--goal-root=KS",
    "--years=2021-2024",
    "--beheerder-username=fenna",
    "--beheerder-email=fenna@ggdflevoland.nl",
]


def test_the_command_adds_the_organisation_and_shows_the_password_once(tree: World) -> None:
    said = run(*ADD)
    assert "GGD Flevoland" in said and "fenna" in said and "Provincie Flevoland" in said
    for code in ("KS-1", *LINES):
        assert code in said
    password = re.search(r"^  ([a-z2-9]{4}(?:-[a-z2-9]{4}){4})$", said, re.MULTILINE)
    assert password and User.objects.get(username="fenna").check_password(password.group(1))
    assert "/account/inloggen/" in said
    plan = Plan.objects.get(organisation__name="GGD Flevoland")
    assert plan.programmes.count() == 4 and plan.funder == tree.province


def test_the_command_takes_the_funder_by_id_and_a_given_password(tree: World) -> None:
    args = [a for a in ADD if not a.startswith("--funder")]
    said = run(*args, f"--funder={tree.province.pk}", f"--password={PASSWORD}")
    assert User.objects.get(username="fenna").check_password(PASSWORD)
    assert PASSWORD not in said


def test_the_command_refuses_in_dutch_and_saves_nothing(tree: World) -> None:
    before = counts()
    with pytest.raises(CommandError) as refused:
        run(*[a for a in ADD if not a.startswith("--name")], f"--name={tree.other_org.name}")
    assert "Er is niets opgeslagen" in str(refused.value)
    with pytest.raises(CommandError, match="Regio"):
        run(*[a for a in ADD if not a.startswith("--funder")], "--funder=Regio+")
    with pytest.raises(CommandError, match="niets opgeslagen"):
        run(*[a for a in ADD if not a.startswith("--years")], "--years=2021 tot 2024")
    assert counts() == before


def test_the_command_imports_users_after_a_dry_run(ggd: Organisation, tmp_path: Path) -> None:
    path = str(csv_file(tmp_path, HEADER + GOOD_ROWS))
    said = run("import-users", "--organisation=GGD Flevoland", path)
    assert "bert" in said and "carla" in said and "--apply" in said
    assert not User.objects.filter(username="bert").exists()
    said = run("import-users", f"--organisation={ggd.pk}", path, "--apply")
    assert Membership.objects.filter(organisation=ggd).count() == 4
    assert "/account/wachtwoord-vergeten/" in said


def test_the_command_refuses_an_import_with_a_bad_line(ggd: Organisation, tmp_path: Path) -> None:
    path = str(csv_file(tmp_path, HEADER + GOOD_ROWS + "erik,Erik,Eén,erik@x.nl,opdrachtgever\n"))
    said = run("import-users", "--organisation=GGD Flevoland", path)
    assert re.search(r"^R\w+ 5: erik: ", said, re.MULTILINE), said
    with pytest.raises(CommandError) as refused:
        run("import-users", "--organisation=GGD Flevoland", path, "--apply")
    refusal = str(refused.value)
    assert re.search(r"^R\w+ 5: erik: ", refusal, re.MULTILINE) and "niets opgeslagen" in refusal
    assert not User.objects.filter(username__in=["bert", "erik"]).exists()


def test_the_command_names_an_organisation_it_does_not_know(tree: World) -> None:
    with pytest.raises(CommandError, match="'GGD Flevoland'"):
        run("import-users", "--organisation=GGD Flevoland", "medewerkers.csv")
