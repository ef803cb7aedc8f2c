from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "koers.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from koers.accounts import session_limits  # noqa: F401 - connects the sign-in signal
