from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "koers.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Connect the sign-in signals and register the deploy check.
        from koers.accounts import checks, session_limits, user_sessions  # noqa: F401
