from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "koers.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from koers.core.records import register_records
        from koers.directory import public_holders  # noqa: F401 (registers its check)
        from koers.directory.models import Organisation, Person, Position

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy): the
        # organisations are shared by every tenant, persons are each holder's own.
        register_records(organisation=Organisation, shared=True)
        register_records(person=Person, position=Position)
