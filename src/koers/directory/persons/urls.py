"""URLs of persons, their positions, merging, export, erasure and import;
included in `koers.directory.urls` (namespace `directory`)."""

from django.urls import path

from koers.directory.persons import import_views, merge_views, views

urlpatterns = [
    path("personen/", views.person_list, name="persons"),
    path("personen/nieuw/", views.person_add, name="person_add"),
    path("personen/zoeken/", views.person_search, name="person_search"),
    path("personen/importeren/", import_views.person_import, name="person_import"),
    path(
        "personen/importeren/<str:token>/problemen.csv",
        import_views.person_import_failing,
        name="person_import_failing",
    ),
    path("personen/<person:pk>/", views.person_detail, name="person"),
    path("personen/<person:pk>/wijzigen/", views.person_edit, name="person_edit"),
    path("personen/<person:pk>/functies/", views.position_add, name="position_add"),
    path(
        "personen/<person:pk>/functies/<position:position_pk>/verwijderen/",
        views.position_remove,
        name="position_remove",
    ),
    path("personen/<person:pk>/samenvoegen/", merge_views.person_merge, name="person_merge"),
    path("personen/<person:pk>/export/", views.person_export, name="person_export"),
    path("personen/<person:pk>/wissen/", views.person_erase, name="person_erase"),
]
