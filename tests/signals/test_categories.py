"""The category tree of signals: two levels, names unique at their place, moved and renamed
without losing a signal, taken out of use rather than deleted, and seeded from the seeds'
themes (twice changes nothing). Who may see and keep it; the tree in a constant number of
queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from koers.core.models import AuditEntry
from koers.signals.categories.seed import SEED_TREE
from koers.signals.categories.services import categories_seed, category_create, category_save
from koers.signals.models import Category
from koers.signals.validation import validate_signal_values
from tests.directory.factories import OrganisationFactory
from tests.signals.factories import CategoryFactory, SignalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Any:
    """The services' reasons are matched in English (their msgids); pages answer in Dutch."""
    with translation.override("en"):
        yield


COORDINATOR = "programmacoordinator"


def add(world: Any, name: str, parent: Category | None = None) -> Category:
    return category_create(
        actor=world.users[COORDINATOR], holder=world.own, name=name, parent=parent
    )


def save(world: Any, category: Category, **changes: Any) -> Category:
    values = {
        "name": category.name,
        "parent": category.parent,
        "description": category.description,
        "active": category.active,
        "position": category.position,
        **changes,
    }
    return category_save(actor=world.users[COORDINATOR], category=category, **values)


def test_a_main_category_and_a_sub_category_are_added_and_audited(world: Any) -> None:
    main = add(world, "Wachtlijsten")
    sub = add(world, " Verpleeghuis ", parent=main)
    assert (sub.parent, sub.name, sub.main) == (main, "Verpleeghuis", main)
    assert str(sub) == "Wachtlijsten › Verpleeghuis"
    assert AuditEntry.objects.filter(action="signal_category.created").count() == 2


def test_a_name_is_unique_at_its_place_but_may_repeat_under_another_main(world: Any) -> None:
    jeugd, ouderen = add(world, "Jeugdzorg"), add(world, "Ouderen")
    add(world, "Wachtlijst", parent=jeugd)
    with pytest.raises(ValidationError, match="already exists"):
        add(world, "wachtlijst", parent=jeugd)
    with pytest.raises(ValidationError, match="already exists"):
        add(world, "JEUGDZORG")
    assert add(world, "Wachtlijst", parent=ouderen).parent == ouderen


def test_the_tree_has_two_levels_of_this_organisations_categories(world: Any) -> None:
    main = add(world, "Wonen en zorg")
    sub = add(world, "Beschermd wonen", parent=main)
    with pytest.raises(ValidationError, match="main category of this organisation"):
        add(world, "Derde niveau", parent=sub)
    with pytest.raises(ValidationError, match="main category of this organisation"):
        add(world, "Elders", parent=CategoryFactory(holder=OrganisationFactory()))
    with pytest.raises(ValidationError, match="move them first"):
        save(world, main, parent=add(world, "Andere"))
    with pytest.raises(ValidationError, match="its own main category"):
        save(world, add(world, "Los"), parent=Category.objects.get(name="Los"))


def test_moving_a_sub_category_takes_its_signals_along(world: Any) -> None:
    jeugd, ouderen = add(world, "Jeugdzorg"), add(world, "Ouderen")
    sub = add(world, "Eenzaamheid", parent=jeugd)
    signal = SignalFactory(holder=world.own, category=sub)
    moved = save(world, sub, parent=ouderen, name="Eenzaamheid bij ouderen")
    signal.refresh_from_db()
    assert signal.category == moved
    assert signal.category.main == ouderen
    entry = AuditEntry.objects.get(action="signal_category.saved", subject_id=sub.pk)
    assert entry.changes["name"] == ["Eenzaamheid", "Eenzaamheid bij ouderen"]


def test_a_category_in_use_is_taken_out_of_use_never_deleted(world: Any) -> None:
    main = add(world, "Mantelzorg")
    sub = add(world, "Respijtzorg", parent=main)
    SignalFactory(holder=world.own, category=sub)
    with pytest.raises(ValidationError, match="sub-categories first"):
        save(world, main, active=False)
    retired = save(world, sub, active=False)
    assert not retired.active
    with pytest.raises(ValidationError, match="does not exist"):
        validate_signal_values(holder=world.own, category=retired, municipality=None)
    assert not save(world, main, active=False).active
    with pytest.raises(ValidationError, match="no longer in use"):
        save(world, retired, active=True)
    with pytest.raises(ProtectedError):
        retired.delete()  # the database refuses too: a signal keeps its category


def test_an_employee_or_another_organisation_does_not_keep_the_tree(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        category_create(actor=world.users["medewerker"], holder=world.own, name="X")
    with pytest.raises(PermissionDenied):
        category_create(actor=world.users["outsider"], holder=world.own, name="X")
    with pytest.raises(PermissionDenied):
        categories_seed(world.own, actor=world.users["medewerker"])
    assert not Category.objects.exists()


def test_seeding_makes_the_seeds_themes_and_twice_changes_nothing(world: Any) -> None:
    made = categories_seed(world.own)
    mains = {c.name for c in made if c.parent_id is None}
    assert {
        "Toegang tot zorg",
        "Wachtlijsten",
        "Eenzaamheid",
        "Mantelzorg",
        "Cliëntondersteuning",
    } <= mains
    assert len(made) == len(SEED_TREE) + sum(len(subs) for _main, subs in SEED_TREE)
    assert all(len(subs) >= 2 for _main, subs in SEED_TREE)
    renamed = Category.objects.get(holder=world.own, name="Eenzaamheid")
    save(world, renamed, name="Eenzaamheid en isolement")
    again = categories_seed(world.own)
    # Only the renamed main comes back (its sub-categories stay under the renamed one).
    assert [c.name for c in again if c.parent_id is None] == ["Eenzaamheid"]
    assert Category.objects.filter(holder=world.own, parent=renamed).count() == len(
        dict(SEED_TREE)["Eenzaamheid"]
    )
    assert categories_seed(world.own) == []
    assert Category.objects.filter(holder=world.own).count() == len(made) + len(again)


# --- the pages -----------------------------------------------------------------------------


def test_the_tree_page_shows_counts_and_the_seed_button_fills_an_empty_tree(world: Any) -> None:
    client = world.client(COORDINATOR)
    empty = client.get(reverse("signals:categories"))
    assert empty.status_code == 200 and empty.context["tree"] == []
    assert client.post(reverse("signals:categories_seed")).status_code == 302
    wachtlijsten = Category.objects.get(holder=world.own, name="Wachtlijsten")
    verpleeghuis = wachtlijsten.children.get(name="Verpleeghuis")
    SignalFactory.create_batch(2, holder=world.own, category=verpleeghuis)
    SignalFactory(holder=world.own, category=wachtlijsten)
    page = client.get(reverse("signals:categories"))
    [branch] = [b for b in page.context["tree"] if b.category == wachtlijsten]
    assert branch.total == 3
    assert {c.name: c.signal_count for c in branch.children}["Verpleeghuis"] == 2


def test_adding_and_changing_a_category_through_its_pages(world: Any) -> None:
    client = world.client("directeur")
    assert (
        client.post(
            reverse("signals:category_add"), {"name": "Vervoer", "position": "1"}
        ).status_code
        == 302
    )
    main = Category.objects.get(name="Vervoer")
    assert main.holder == world.own
    response = client.post(
        reverse("signals:category_add"), {"name": "Wmo-vervoer", "parent": main.pk, "position": "0"}
    )
    assert response.status_code == 302
    sub = Category.objects.get(name="Wmo-vervoer")
    refused = client.post(
        reverse("signals:category_add"), {"name": "wmo-vervoer", "parent": main.pk, "position": "0"}
    )
    assert refused.status_code == 400 and b"error-summary" in refused.content
    changed = client.post(
        reverse("signals:category_edit", args=[sub.pk]),
        {"name": "Vervoer met de Wmo", "parent": main.pk, "position": "2", "version": sub.version},
    )
    assert changed.status_code == 302
    sub.refresh_from_db()
    assert (sub.name, sub.position, sub.active) == ("Vervoer met de Wmo", 2, False)  # unticked


def test_a_category_of_another_organisation_is_not_offered_as_main(world: Any) -> None:
    foreign = CategoryFactory(holder=OrganisationFactory())
    response = world.client("directeur").post(
        reverse("signals:category_add"), {"name": "X", "parent": foreign.pk, "position": "0"}
    )
    assert response.status_code == 400
    assert not Category.objects.filter(name="X").exists()


@pytest.mark.parametrize("name", ["signals:categories", "signals:category_add"])
def test_the_tree_refuses_the_anonymous_and_who_has_no_part_in_signals(
    world: Any, name: str
) -> None:
    assert Client().get(reverse(name)).status_code == 302
    for role in ("bedrijfsvoering", "opdrachtgever", "toezicht", "beheerder", "no_role"):
        assert world.client(role).get(reverse(name)).status_code == 403


def test_another_organisations_director_gets_404_on_this_ones_category(world: Any) -> None:
    category = CategoryFactory(holder=world.own)
    assert (
        world.client("outsider")
        .get(reverse("signals:category_edit", args=[category.pk]))
        .status_code
        == 404
    )
    assert (
        world.client("medewerker")
        .get(reverse("signals:category_edit", args=[category.pk]))
        .status_code
        == 403
    )
    assert world.client("outsider").get(reverse("signals:categories")).context["tree"] == []


@pytest.mark.parametrize("count", [10, 200])
def test_the_tree_takes_a_constant_number_of_queries(
    world: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    mains = [CategoryFactory(holder=world.own) for _ in range(count // 10)]
    for number in range(count):
        CategoryFactory(holder=world.own, parent=mains[number % len(mains)])
    client = world.client(COORDINATOR)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("signals:categories"))
    assert sum(1 + len(b.children) for b in page.context["tree"]) == count + len(mains)
