from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability


class MembershipBackend(ModelBackend):
    """Django's model permissions (used by the admin) follow from the beheerder role."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if _keeps_something(user_obj):
            return True
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        if _keeps_something(user_obj):
            return True
        return super().has_module_perms(user_obj, app_label)


def _keeps_something(user: Any) -> bool:
    """A beheerder or the installation administrator: the admin's capability gate decides
    which of its pages she reaches (koers.accounts.admin_site)."""
    return has_capability(user, Capability.ADMINISTER) or has_capability(
        user, Capability.MANAGE_INSTALLATION
    )
