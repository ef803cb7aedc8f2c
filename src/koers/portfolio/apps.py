from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    """A funder's view across the organisations she funds: the province steering its
    partners on one goal tree (issue 22)."""

    name = "koers.portfolio"
    label = "portfolio"
    verbose_name = _("Portfolio")
