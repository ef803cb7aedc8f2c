from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "koers.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from koers.core import checks  # noqa: F401 - registers the deploy check
        from koers.core.audit import register_action_labels
        from koers.core.private_files import make_sqlite_database_private

        connection_created.connect(make_sqlite_database_private, dispatch_uid="koers-private-db")

        register_action_labels({"core.restore": _("All data replaced by restoring a backup")})
