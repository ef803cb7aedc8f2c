"""Who keeps the statistics every organisation reads (koers.insight.keepers, docs/tenancy.md):
a table or key figure is replaced, changed or removed only by the statistics managers of the
organisation that keeps it; the installation's own by its host's; anyone else is told who
does, and nothing changes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from koers.accounts.models import Membership
from koers.accounts.roles import Role
from koers.insight import services
from koers.insight.importing import ImportRefused, import_table
from koers.insight.models import Dataset, ImportMethod, KeyFigure, Observation
from koers.insight.statline import read_table
from tests.accounts.factories import MembershipFactory
from tests.conftest import World
from tests.insight.statline_files import odata_folder, row, six_municipalities

pytestmark = pytest.mark.django_db

FIRST = [row("GM0034", "2021JJ00", 216000, 107000), row("GM0995", "2021JJ00", 78600, 38800)]
NEWER = [row("GM0034", "2021JJ00", 216500, 107200), row("GM0995", "2021JJ00", 78600, 38800)]


@pytest.fixture(autouse=True)
def municipalities() -> None:
    six_municipalities()


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


def almere() -> Decimal | None:
    return Observation.objects.get(region="GM0034", topic__key="BevolkingOp1Januari_1").value


def test_a_table_is_kept_by_the_organisation_that_imported_it(world: World, tmp_path: Path) -> None:
    import_table(
        read_table(odata_folder(tmp_path / "a", FIRST)),
        actor=world.users["directeur"],
        dry_run=False,
    )
    assert Dataset.objects.get().keeper == world.own
    newer = read_table(odata_folder(tmp_path / "b", NEWER))

    # Another organisation's statistics manager: the dry run says whose it is, the import is
    # refused and changes nothing.
    dry = import_table(newer, actor=world.users["outsider"], dry_run=True)
    assert dry.refusals[0].startswith("Bevolking op 1 januari")
    assert "kept by CMO Flevoland" in dry.refusals[0]
    assert (dry.added, dry.changed) == (0, 0)  # not compared: the refusal is the report
    with pytest.raises(ImportRefused) as refused:
        import_table(newer, actor=world.users["outsider"], dry_run=False)
    assert "kept by CMO Flevoland" in refused.value.report.refusals[0]
    assert almere() == Decimal(216000)
    assert Dataset.objects.get().imports.count() == 1

    # Its own organisation's statistics managers replace it.
    own_dry = import_table(newer, actor=world.users["beheerder"], dry_run=True)
    assert (own_dry.refusals, own_dry.changed) == ([], 2)
    assert import_table(newer, actor=world.users["beheerder"], dry_run=False).imported
    assert almere() == Decimal(216500)


def test_the_installations_tables_are_kept_by_its_host_and_replaced_at_the_server(
    world: World, tmp_path: Path
) -> None:
    """Shipped or imported at the server (no keeper): the statistics managers of the
    organisation its installation administrator works for (CMO in the world) replace it;
    another organisation's do not; at the server it may always be replaced."""
    import_table(
        read_table(odata_folder(tmp_path / "a", FIRST)), method=ImportMethod.COMMAND, dry_run=False
    )
    assert Dataset.objects.get().keeper is None
    newer = read_table(odata_folder(tmp_path / "b", NEWER))

    refusal = import_table(newer, actor=world.users["outsider"], dry_run=True).refusals[0]
    assert "kept by the installation, hosted by CMO Flevoland" in refusal
    assert not import_table(newer, actor=world.users["directeur"], dry_run=True).refusals

    # Without an installation administrator, no one keeps them in the browser.
    Membership.objects.filter(role=Role.INSTALLATIEBEHEERDER).delete()
    refusal = import_table(newer, actor=world.users["directeur"], dry_run=True).refusals[0]
    assert "kept by the installation (at the server)" in refusal
    assert import_table(newer, method=ImportMethod.COMMAND, dry_run=False).imported
    assert almere() == Decimal(216500)


def a_key_figure_of(world: World, tmp_path: Path) -> KeyFigure:
    import_table(
        read_table(odata_folder(tmp_path / "a", FIRST)),
        actor=world.users["directeur"],
        dry_run=False,
    )
    topic = Dataset.objects.get().topics.get(key="BevolkingOp1Januari_1")
    return services.key_figure_save(world.users["directeur"], KeyFigure(topic=topic), [])


def test_a_key_figure_is_changed_only_by_its_keeper(world: World, tmp_path: Path) -> None:
    figure = a_key_figure_of(world, tmp_path)
    assert figure.keeper == world.own
    outsider = world.client("outsider")
    edit = reverse("insight:key_figure_edit", args=[figure.pk])

    for response in (
        outsider.get(edit),
        outsider.post(edit, {"topic": figure.topic_id, "title": "Anders", "position": 0}),
        outsider.post(reverse("insight:key_figure_remove", args=[figure.pk])),
    ):
        assert response.status_code == 403
        assert "wordt bijgehouden door CMO Flevoland" in response.content.decode()
    figure.refresh_from_db()
    assert (figure.title, figure.version) == ("", 1)

    # The list shows whose each is, and offers changes where she keeps it only.
    listed = outsider.get(reverse("insight:key_figures"))
    assert "<td>CMO Flevoland</td>" in listed.content.decode()
    assert edit.encode() not in listed.content
    assert edit.encode() in world.client("directeur").get(reverse("insight:key_figures")).content

    # A key figure she chooses herself is hers.
    topic = Dataset.objects.get().topics.get(key="Mannen_2")
    mine = services.key_figure_save(world.users["outsider"], KeyFigure(topic=topic), [])
    assert mine.keeper == world.other_org
    assert (
        world.client("outsider").get(reverse("insight:key_figure_edit", args=[mine.pk])).status_code
        == 200
    )


def test_a_statistics_manager_of_the_keeper_is_not_enough_as_a_coordinator_elsewhere(
    world: World, tmp_path: Path
) -> None:
    """The keeper's statistics managers are its own staff: a coordinator of another
    organisation who also holds a board seat at the keeper is refused."""
    figure = a_key_figure_of(world, tmp_path)
    coordinator = MembershipFactory(organisation=world.other_org, role=Role.COORDINATOR).user
    MembershipFactory(user=coordinator, organisation=world.own, role=Role.TOEZICHT)

    with pytest.raises(PermissionDenied, match="is kept by CMO Flevoland"):
        services.key_figure_remove(coordinator, figure)
    assert KeyFigure.objects.filter(pk=figure.pk).exists()
