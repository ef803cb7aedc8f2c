from django.contrib.admin.apps import AdminConfig


class KoersAdminConfig(AdminConfig):
    """The Django admin, open to beheerders only (see KoersAdminSite)."""

    default_site = "koers.accounts.admin_site.KoersAdminSite"
