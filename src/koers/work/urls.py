from django.urls import path

from koers.work import project_views, views

app_name = "work"

urlpatterns = [
    path("uren/", views.week_today, name="week_today"),
    path("uren/week/<str:monday>/", views.week, name="week"),
    path("uren/goedkeuren/", views.approvals, name="approvals"),
    path("uren/goedkeuren/<int:pk>/", views.decide, name="decide"),
    path("uren/maanden/", views.months, name="months"),
    path("uren/capaciteit/", views.capacity, name="capacity"),
    path("uren/medewerker/<int:user_id>/", views.person, name="person"),
    path("uren/importeren/", views.hours_import, name="import"),
    path(
        "uren/importeren/<str:token>/problemen.csv",
        views.hours_import_failing,
        name="import_failing",
    ),
    path("uren/export/", views.hours_export, name="export"),
    path("uren/correcties/", views.corrections, name="corrections"),
    path("projecten/", project_views.project_list, name="projects"),
    path("projecten/nieuw/", project_views.project_edit, name="project_add"),
    path("projecten/<int:pk>/wijzigen/", project_views.project_edit, name="project_edit"),
    path("activiteiten/<int:activity_id>/producten/", views.products, name="products"),
    path("producten/<int:pk>/beoordelen/", views.product_review, name="product_review"),
    path("producten/<int:pk>/document/", views.product_document, name="product_document"),
]
