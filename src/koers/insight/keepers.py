"""Who keeps the statistics every organisation reads (docs/tenancy.md).

Every organisation on the installation reads every dataset and sees every key figure on its
dashboards; replacing a dataset's values, or changing or removing a key figure, changes them
for all. So each has a keeper:

- a dataset or key figure a statistics manager made is kept by her organisation: its
  statistics managers replace, change or remove it;
- the installation's own (tables shipped with Koers or imported at the server, and the key
  figures chosen with them) are kept by the organisation that hosts the installation, the one
  its installation administrator works for; at the server, `koers import_statline` replaces
  them.

Anyone else who tries is told who keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from koers.accounts.models import Membership
from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability, Role
from koers.directory.models import Organisation


def installation_hosts() -> set[int]:
    """The organisations an installation administrator works for."""
    return set(
        Membership.objects.filter(role=Role.INSTALLATIEBEHEERDER, user__is_active=True).values_list(
            "organisation_id", flat=True
        )
    )


def keepers_of(keeper_id: int | None, hosts: set[int] | None = None) -> set[int]:
    """The organisations whose statistics managers keep a record kept by `keeper_id`
    (`hosts`: `installation_hosts()`, when the caller has read them already)."""
    if keeper_id is not None:
        return {keeper_id}
    return installation_hosts() if hosts is None else hosts


def keeps(user: Any, keeper_id: int | None, hosts: set[int] | None = None) -> bool:
    """Whether `user` may replace, change or remove a record kept by `keeper_id`."""
    return any(
        has_capability(user, Capability.MANAGE_STATISTICS, Scope(organisation_id=organisation))
        for organisation in keepers_of(keeper_id, hosts)
    )


def keeper_name(keeper_id: int | None, names: dict[int, str] | None = None) -> str:
    """Who keeps it, as the list and the refusal name it (`names`: the keepers' names by id,
    when the caller has read them already)."""
    if names is None:
        keepers = keepers_of(keeper_id)
        names = dict(Organisation.objects.filter(pk__in=keepers).values_list("pk", "name"))
    listed = ", ".join(sorted(names.values()))
    if keeper_id is None:
        if not listed:
            return _("the installation (at the server)")
        return _("the installation, hosted by %(names)s") % {"names": listed}
    return listed


def mark_keepers(user: Any, records: Iterable[Any]) -> list[Any]:
    """`records` (datasets or key figures), each with `kept_by` (who keeps it) and `ours`
    (whether `user` may change it), in two queries whatever their number."""
    found = list(records)
    hosts = installation_hosts()
    ids = hosts | {record.keeper_id for record in found if record.keeper_id is not None}
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    for record in found:
        keepers = keepers_of(record.keeper_id, hosts)
        record.kept_by = keeper_name(
            record.keeper_id, {pk: names[pk] for pk in keepers if pk in names}
        )
        record.ours = keeps(user, record.keeper_id, hosts)
    return found


def refuse_unless_kept(user: Any, keeper_id: int | None, what: Any) -> None:
    """PermissionDenied naming the keeper, for whoever does not keep the record (`what`:
    how the refusal names the record)."""
    if not keeps(user, keeper_id):
        raise PermissionDenied(not_yours(str(what), keeper_id))


def not_yours(what: str, keeper_id: int | None) -> str:
    """The refusal: whose it is and whom to ask."""
    return _(
        "%(what)s is kept by %(keeper)s: only its statistics managers change it, for every "
        "organisation that reads it. Ask them."
    ) % {"what": what, "keeper": keeper_name(keeper_id)}
