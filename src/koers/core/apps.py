from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _protect_logs(using: str, **kwargs: Any) -> None:
    from koers.core import append_only

    append_only.install(connections[using])


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

        register_action_labels(
            {
                "core.restore": _("All data replaced by restoring a backup"),
                "boundaries.imported": _("Municipal boundaries imported"),
            }
        )
        # After every migrate (and flush): the logs' triggers follow the models and settings.
        post_migrate.connect(_protect_logs, sender=self, dispatch_uid="koers.core.append_only")
