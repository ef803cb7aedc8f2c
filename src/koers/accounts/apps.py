from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "koers.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Connect the sign-in signals and register the deploy check.
        from koers.accounts import checks, session_limits, user_sessions  # noqa: F401
        from koers.core.audit import register_action_labels

        register_action_labels(
            {
                "account.second_factor_confirmed": _("Two-step verification switched on"),
                "account.second_factor_replaced": _("Authenticator app replaced"),
                "account.second_factor_removed": _("Two-step verification removed"),
                "account.second_factor_reset": _("Two-step verification reset by an administrator"),
                "account.recovery_codes_regenerated": _("New recovery codes made"),
                "account.session_ended": _("Session ended"),
                "installation.set_up": _("Installation set up: organisation and first beheerder"),
            }
        )
