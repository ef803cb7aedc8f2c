from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "koers.work"
    verbose_name = _("Hours and projects")
