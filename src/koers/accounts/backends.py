from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability


class MembershipBackend(ModelBackend):
    """Django's model permissions (used by the admin) follow from the beheerder role."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if has_capability(user_obj, Capability.ADMINISTER):
            return True
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        if has_capability(user_obj, Capability.ADMINISTER):
            return True
        return super().has_module_perms(user_obj, app_label)
