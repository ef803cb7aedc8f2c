"""The shared directory's rules (docs/tenancy.md): who changes an organisation, who merges
two, whose log records it; persons are each holder's own; goal trees are the funder's."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.urls import reverse

from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.directory.models import Organisation, OrganisationKind
from koers.directory.organisations import services
from koers.plans.admin_forms import ProgrammeAdminForm
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import World, verified_client
from tests.directory.factories import OrganisationFactory, PersonFactory
from tests.plans.factories import GoalFactory


def member(organisation: Any, role: Role) -> Any:
    user = UserFactory(username=f"{role.value}-{organisation.pk}")
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def rename(actor: Any, organisation: Organisation, name: str) -> Organisation:
    return services.organisation_save(
        actor=actor,
        values={"name": name},
        organisation=organisation,
        expected_version=organisation.version,
    )


# --- organisations that work in Koers --------------------------------------------------------


@pytest.mark.parametrize("role", ["directeur", "medewerker", "beheerder"])
def test_another_tenants_staff_do_not_change_an_organisation_working_in_koers(
    world: World, role: str
) -> None:
    with pytest.raises(PermissionDenied, match="werkt zelf in Koers"):
        rename(world.users[role], world.other_org, "Hernoemd door CMO")
    assert Organisation.objects.get(pk=world.other_org.pk).name == "Andere organisatie"


def test_its_own_beheerder_and_the_installation_administrator_change_it(world: World) -> None:
    rename(member(world.other_org, Role.BEHEERDER), world.other_org, "Andere organisatie B.V.")
    other = Organisation.objects.get(pk=world.other_org.pk)
    rename(world.users["installatiebeheerder"], other, "Andere organisatie")
    assert Organisation.objects.get(pk=other.pk).name == "Andere organisatie"
    # Its own log records both: its administrator answers for how it is named.
    entries = AuditEntry.objects.filter(action="organisation.saved", subject_id=other.pk)
    assert set(entries.values_list("organisation_id", flat=True)) == {other.pk}


def test_its_own_staff_other_than_the_beheerder_are_told_why_on_the_page(world: World) -> None:
    response = world.client("directeur").get(
        reverse("directory:organisation_edit", args=[world.own.pk])
    )
    assert response.status_code == 403
    assert "werkt zelf in Koers" in response.content.decode()


# --- organisations that do not work in Koers ---------------------------------------------------


def test_every_tenants_staff_keep_a_shared_organisation_and_their_own_log_records_it(
    world: World,
) -> None:
    shared = OrganisationFactory(name="Buurtvereniging De Wei", kind=OrganisationKind.PARTNER)
    b_staff = member(world.other_org, Role.MEDEWERKER)
    rename(b_staff, shared, "Buurtvereniging De Wei (Almere)")
    rename(world.users["medewerker"], Organisation.objects.get(pk=shared.pk), "De Wei")
    logged = list(
        AuditEntry.objects.filter(action="organisation.saved", subject_id=shared.pk)
        .order_by("pk")
        .values_list("organisation_id", flat=True)
    )
    assert logged == [world.other_org.pk, world.own.pk]


def test_who_keeps_no_contact_persons_does_not_change_organisations(world: World) -> None:
    shared = OrganisationFactory(name="Dorpshuis Tollebeek")
    with pytest.raises(PermissionDenied):
        rename(world.users["toezicht"], shared, "Dorpshuis")


# --- merging ------------------------------------------------------------------------------------


def test_a_partners_beheerder_asking_to_merge_is_refused_with_the_reason(world: World) -> None:
    keep, duplicate = OrganisationFactory(), OrganisationFactory()
    client = verified_client(member(world.other_org, Role.BEHEERDER))
    url = reverse("directory:organisation_merge", args=[keep.pk])
    for response in (client.get(url), client.post(url, {"duplicate": duplicate.pk})):
        assert response.status_code == 403
        assert "Alleen de installatiebeheerder voegt organisaties samen" in (
            response.content.decode()
        )
    assert Organisation.objects.filter(pk=duplicate.pk).exists()
    page = client.get(reverse("directory:organisation", args=[keep.pk])).content.decode()
    assert url not in page  # no button that leads to a refusal


def test_the_installation_administrator_merges_and_her_log_records_it(world: World) -> None:
    keep, duplicate = OrganisationFactory(), OrganisationFactory()
    client = world.client("installatiebeheerder")
    url = reverse("directory:organisation_merge", args=[keep.pk])
    assert url in client.get(reverse("directory:organisation", args=[keep.pk])).content.decode()
    assert client.get(url).status_code == 200
    services.organisation_merge(
        actor=world.users["installatiebeheerder"], keep=keep, duplicate=duplicate
    )
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert AuditEntry.objects.get(action="organisation.merged").organisation_id == world.own.pk


# --- persons: one holder each -------------------------------------------------------------------


def test_the_same_person_known_to_two_tenants_is_two_records_each_read_by_its_holder(
    world: World,
) -> None:
    ours = PersonFactory(holder=world.own, first_name="Anna", last_name="de Vries")
    theirs = PersonFactory(holder=world.other_org, first_name="Anna", last_name="de Vries")
    b_client = verified_client(member(world.other_org, Role.MEDEWERKER))
    found = b_client.get(reverse("directory:persons") + "?q=Vries").content.decode()
    assert reverse("directory:person", args=[theirs.pk]) in found
    assert reverse("directory:person", args=[ours.pk]) not in found
    assert b_client.get(reverse("directory:person", args=[ours.pk])).status_code == 404


# --- goal trees are the funder's ----------------------------------------------------------------


def _programme_form(world: World, goals: list[Any]) -> ProgrammeAdminForm:
    data = model_to_dict(world.programme)
    data["goals"] = [goal.pk for goal in goals]
    data["funders"] = [funder.pk for funder in world.programme.funders.all()]
    data = {key: value for key, value in data.items() if value is not None}
    return ProgrammeAdminForm(data=data, instance=world.programme)


def test_a_programme_serves_goals_of_its_funders_trees_only(world: World) -> None:
    regio_goal = GoalFactory(funder=world.regio, code="RP-1", title="Werk in de regio")
    refused = _programme_form(world, [world.goal, regio_goal])
    assert not refused.is_valid()
    assert "RP-1 Werk in de regio" in refused.errors["goals"][0]
    assert "niet financiert" in refused.errors["goals"][0]
    assert _programme_form(world, [world.goal]).is_valid()


def test_a_funders_goals_are_kept_by_her_beheerder_or_the_installation_administrator(
    world: World,
) -> None:
    url = reverse("admin:plans_goal_change", args=[world.goal.pk])
    assert world.client("beheerder").get(url).status_code == 404  # CMO's: not its tree
    assert world.client("installatiebeheerder").get(url).status_code == 200
    province_beheerder = verified_client(member(world.province, Role.BEHEERDER))
    assert province_beheerder.get(url).status_code == 200
    listed = world.client("beheerder").get(reverse("admin:plans_goal_changelist"))
    assert world.goal.title not in listed.content.decode()


def test_a_goal_partners_serve_is_not_deleted_and_their_links_are_named(world: World) -> None:
    from koers.plans.models import Goal

    client = world.client("installatiebeheerder")
    url = reverse("admin:plans_goal_delete", args=[world.goal.pk])
    page = client.get(url).content.decode()
    assert f"{world.programme.name} van CMO Flevoland dient {world.goal.code}" in page
    client.post(url, {"post": "yes"})
    assert Goal.objects.filter(pk=world.goal.pk).exists()
    assert world.programme.goals.filter(pk=world.goal.pk).exists()
    # Renamed, the partners' links follow: they point at the goal, not at its words.
    world.goal.title = "Gezond en veerkrachtig Flevoland"
    world.goal.save()
    assert world.programme.goals.get().title == "Gezond en veerkrachtig Flevoland"
