from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from koers.accounts import views as account_views
from koers.api.api import api
from koers.core import views as core_views

urlpatterns = [
    path("gezondheid/", core_views.health, name="health"),
    path("gezondheid/details/", account_views.health_details, name="health_details"),
    path("toegankelijkheid/", core_views.accessibility, name="accessibility"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("taal/", login_not_required(set_language), name="set_language"),
    path("account/api-sleutels/", include("koers.api.urls")),
    path("account/", include("koers.accounts.urls")),
    path("api/v1/", api.urls),
    path("open-data/", include("koers.api.open_data.urls")),
    path("beheer/", admin.site.urls),
    path("privacy/", include("koers.privacy.urls")),
    path("atlas/", include("koers.atlas.urls")),
    path("extra-handen/", include("koers.matching.urls")),
    path("signalen/", include("koers.signals.urls")),
    path("inzicht/", include("koers.insight.urls")),
    path("", include("koers.directory.urls")),
    path("", include("koers.relations.urls")),
    path("", include("koers.work.urls")),
    path("", include("koers.funding.urls")),
    path("", include("koers.reports.urls")),
    path("", include("koers.portfolio.urls")),
    path("", include("koers.plans.urls")),
]
