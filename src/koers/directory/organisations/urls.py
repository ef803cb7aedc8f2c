"""URLs of organisations and their import;
included in `koers.directory.urls` (namespace `directory`)."""

from django.urls import path

from koers.directory.organisations import import_views, views

urlpatterns = [
    path("organisaties/", views.organisations, name="organisations"),
    path("organisaties/nieuw/", views.organisation_edit, name="organisation_add"),
    path("organisaties/zoeken/", views.organisation_search, name="organisation_search"),
    path(
        "organisaties/importeren/",
        import_views.organisation_import,
        name="organisation_import",
    ),
    path(
        "organisaties/importeren/<str:token>/problemen.csv",
        import_views.organisation_import_failing,
        name="organisation_import_failing",
    ),
    path("organisaties/<organisation:pk>/", views.organisation, name="organisation"),
    path(
        "organisaties/<organisation:pk>/wijzigen/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisaties/<organisation:pk>/samenvoegen/",
        views.organisation_merge,
        name="organisation_merge",
    ),
]
