"""What the accounts app reads without changing anything: whether the installation's
first run is done."""

from __future__ import annotations

from django.utils.translation import gettext as _

from koers.accounts.models import Membership


def _what_is_set_up() -> str:
    """What makes this installation set up already, in words; empty when nothing does."""
    from koers.accounts.roles import Role
    from koers.directory.models import Organisation, OrganisationKind

    found = [
        _("organisation %(name)s") % {"name": name}
        for name in Organisation.objects.filter(kind=OrganisationKind.OWN)
        .order_by("pk")
        .values_list("name", flat=True)[:3]
    ]
    found += [
        _("beheerder %(name)s") % {"name": name}
        for name in Membership.objects.filter(role=Role.BEHEERDER)
        .order_by("pk")
        .values_list("user__username", flat=True)[:3]
    ]
    return ", ".join(found)


def installation_refusal() -> str:
    """Why `installation_setup` would refuse, in a sentence that says what to do; else ""."""
    found = _what_is_set_up()
    if not found:
        return ""
    return _(
        "Koers is already set up in this database (%(found)s), and the first run is done "
        "only once. Add colleagues as beheerder under Administration (/beheer/), Accounts. "
        "A beheerder who forgot her password gets a new one with `koers changepassword "
        "USER NAME`; a beheerder who lost her phone and recovery codes has the second step "
        "removed by another beheerder, under Administration."
    ) % {"found": found}
