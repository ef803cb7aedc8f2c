"""The admin follows the role table: every registered model declares the capability it
needs, and the site shows it only to whom has it. Generated from the admin's registry, so a
model registered tomorrow without a declaration fails here (and is refused to everyone).

A beheerder holds ADMINISTER but no VIEW_FUNDING, MANAGE_FUNDING, VIEW_CAPACITY or
MANAGE_PROJECTS: Koers refuses her the money, capacity and project pages, so the admin must
not show her grants, expenses, financial years, cost rates or hours budgets either.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from koers.accounts.admin_site import SUPERUSER_CAPABILITIES, SUPERUSER_ONLY
from koers.accounts.roles import ROLE_CAPABILITIES, Capability, Role
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import verified_client

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
IDS = [model._meta.label for model, _model_admin in REGISTERED]
DECLARABLE = {*Capability.values, SUPERUSER_ONLY}


def declared(model_admin: Any) -> Any:
    return getattr(model_admin, "capability", None)


def changelist(model: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_every_registered_model_declares_the_capability_it_needs(
    model: Any, model_admin: Any
) -> None:
    assert declared(model_admin) in DECLARABLE, (
        f"{model._meta.label}: set `capability` on its ModelAdmin (a Capability, or "
        "SUPERUSER_ONLY for the platform's own records)"
    )
    for inline in model_admin.inlines:
        assert getattr(inline, "capability", declared(model_admin)) in DECLARABLE, inline


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_a_beheerder_sees_a_model_only_with_its_capability(model: Any, model_admin: Any) -> None:
    client = verified_client(MembershipFactory(role=Role.BEHEERDER).user)
    allowed = declared(model_admin) in ROLE_CAPABILITIES[Role.BEHEERDER]
    assert client.get(changelist(model)).status_code == (200 if allowed else 403)
    index = client.get(reverse("admin:index")).content.decode()
    assert (f'href="{changelist(model)}"' in index) == allowed


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_a_platform_superuser_is_a_beheerder_of_every_organisation(
    model: Any, model_admin: Any
) -> None:
    """She manages every organisation's accounts and reference data (and the platform's own
    records), and like a beheerder sees no money or capacity without such a role."""
    client = verified_client(UserFactory(is_superuser=True, is_staff=True))
    allowed = declared(model_admin) in {SUPERUSER_ONLY, *SUPERUSER_CAPABILITIES}
    assert client.get(changelist(model)).status_code == (200 if allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_the_installation_administrator_sees_only_what_all_organisations_share(
    model: Any, model_admin: Any
) -> None:
    """Municipalities and funders' goal trees; no organisation's accounts, plans or money."""
    client = verified_client(MembershipFactory(role=Role.INSTALLATIEBEHEERDER).user)
    allowed = declared(model_admin) == Capability.MANAGE_INSTALLATION or getattr(
        model_admin, "kept_by_installation", False
    )
    assert client.get(changelist(model)).status_code == (200 if allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_no_inline_shows_her_what_her_roles_do_not_cover(model: Any, model_admin: Any) -> None:
    beheerder = MembershipFactory(role=Role.BEHEERDER).user
    request = RequestFactory().get("/beheer/")
    request.user = beheerder
    held = ROLE_CAPABILITIES[Role.BEHEERDER]
    for inline in model_admin.get_inline_instances(request, None):
        assert getattr(inline, "capability", declared(model_admin)) in held, inline


@pytest.mark.django_db
def test_operations_who_is_also_beheerder_sees_her_own_cost_rates_only() -> None:
    from tests.directory.factories import OrganisationFactory

    own, other = OrganisationFactory(), OrganisationFactory()
    user = MembershipFactory(role=Role.BEHEERDER, organisation=own).user
    MembershipFactory(user=user, role=Role.BEDRIJFSVOERING, organisation=own)
    from koers.work.models import CostRate, StaffProfile

    ours = StaffProfile.objects.create(user=UserFactory(), organisation=own)
    theirs = StaffProfile.objects.create(user=UserFactory(), organisation=other)
    CostRate.objects.create(profile=ours, year=2021, rate="61.00")
    client = verified_client(user)
    page = client.get(reverse("admin:work_staffprofile_change", args=[ours.pk]))
    assert page.status_code == 200
    assert "61,00" in page.content.decode() or "61.00" in page.content.decode()
    assert (
        client.get(reverse("admin:work_staffprofile_change", args=[theirs.pk])).status_code == 404
    )
    only_beheerder = verified_client(MembershipFactory(role=Role.BEHEERDER, organisation=own).user)
    page = only_beheerder.get(reverse("admin:work_staffprofile_change", args=[ours.pk]))
    assert page.status_code == 200
    assert "61,00" not in page.content.decode() and "61.00" not in page.content.decode()


def offered(response: Any) -> list[tuple[str, Any]]:
    """Every (field, choice) an add page offers: its form's and its inlines' choice fields."""
    from django.forms import ModelChoiceField

    forms = [response.context["adminform"].form]
    forms += [inline.formset.empty_form for inline in response.context["inline_admin_formsets"]]
    return [
        (name, choice)
        for form in forms
        for name, field in form.fields.items()
        # Not the hidden key of an inline's row: it offers nothing (its rows come from the
        # inline's own scoped queryset).
        if isinstance(field, ModelChoiceField) and not field.widget.is_hidden
        for choice in field.queryset
    ]


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_an_add_page_offers_only_her_organisations_records(
    world: Any, model: Any, model_admin: Any
) -> None:
    """Generated from the registry: every choice on every add page she may open belongs to
    her organisation, or to what all organisations share (the directory, funders' goals,
    municipalities). People are offered only when they have a role in hers."""
    from koers.accounts.models import User
    from koers.core.audit import organisation_of

    client = verified_client(world.users["beheerder"])
    response = client.get(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add"))
    if response.status_code != 200:
        return  # not hers to add (tested above)
    for name, choice in offered(response):
        if isinstance(choice, User):
            assert choice.memberships.filter(organisation=world.own).exists(), (name, choice)
        else:
            assert organisation_of(choice) in (None, world.own.pk), (name, choice)
