from django.urls import path

from koers.insight import chain_views, dashboard_views, note_views, research_views, views

app_name = "insight"

urlpatterns = [
    path("", dashboard_views.index, name="index"),
    path("gebied/<str:code>/", dashboard_views.area, name="area"),
    path("gebied/<str:code>/<str:kind>/", dashboard_views.area_export, name="area_export"),
    path("arbeidsmarkt/", dashboard_views.labour, name="labour_market"),
    path("vergelijken/", dashboard_views.benchmark_page, name="benchmark"),
    path("vergelijken/<str:kind>/", dashboard_views.benchmark_export, name="benchmark_export"),
    path("keten/<goal:pk>/", chain_views.chain, name="chain"),
    path("keten/<goal:pk>/<str:kind>/", chain_views.chain_export, name="chain_export"),
    path("kerncijfers/", dashboard_views.figures, name="key_figures"),
    path("kerncijfers/nieuw/", dashboard_views.figure_create, name="key_figure_create"),
    path(
        "kerncijfers/<key_figure:pk>/bewerken/", dashboard_views.figure_edit, name="key_figure_edit"
    ),
    path(
        "kerncijfers/<key_figure:pk>/verwijderen/",
        dashboard_views.figure_remove,
        name="key_figure_remove",
    ),
    path("notities/", note_views.notes, name="notes"),
    path("notities/<figure_note:pk>/verwijderen/", note_views.note_remove, name="note_remove"),
    path("onderzoek/", research_views.projects, name="research"),
    path("onderzoek/nieuw/", research_views.project_create, name="research_project_create"),
    path("onderzoek/<research_project:pk>/", research_views.project, name="research_project"),
    path(
        "onderzoek/<research_project:pk>/bewerken/",
        research_views.project_edit,
        name="research_project_edit",
    ),
    path(
        "onderzoek/<research_project:pk>/enquete/",
        research_views.survey_upload,
        name="survey_upload",
    ),
    path(
        "onderzoek/enquetes/<survey_result:pk>/verwijderen/",
        research_views.survey_remove,
        name="survey_remove",
    ),
    path(
        "onderzoek/<research_project:pk>/enquete/bevestigen/",
        research_views.survey_confirm,
        name="survey_confirm",
    ),
    path("statistieken/", views.datasets, name="datasets"),
    path("statistieken/importeren/", views.dataset_import, name="dataset_import"),
    path(
        "statistieken/importeren/bevestigen/",
        views.dataset_import_confirm,
        name="dataset_import_confirm",
    ),
    path("statistieken/<dataset:pk>/", views.dataset, name="dataset"),
    path("statistieken/<dataset:pk>/<str:kind>/", views.dataset_export, name="dataset_export"),
]
