from django.urls import path

from koers.work.views import approvals, capacity, imports, months, products, projects, weeks

app_name = "work"

urlpatterns = [
    path("uren/", weeks.week_today, name="week_today"),
    path("uren/week/<str:monday>/", weeks.week, name="week"),
    path("uren/goedkeuren/", approvals.approvals, name="approvals"),
    path("uren/goedkeuren/<week:pk>/", approvals.decide, name="decide"),
    path("uren/maanden/", months.months, name="months"),
    path("uren/maanden/afsluiten/", months.month_close, name="month_close"),
    path("uren/capaciteit/", capacity.capacity, name="capacity"),
    path("uren/medewerker/<staff_member:user_id>/", capacity.person, name="person"),
    path("uren/importeren/", imports.hours_import, name="import"),
    path(
        "uren/importeren/<str:token>/problemen.csv",
        imports.hours_import_failing,
        name="import_failing",
    ),
    path("uren/export/", imports.hours_export, name="export"),
    path("uren/correcties/", months.corrections, name="corrections"),
    path("projecten/", projects.project_list, name="projects"),
    path("projecten/nieuw/", projects.project_edit, name="project_add"),
    path("projecten/<project:pk>/wijzigen/", projects.project_edit, name="project_edit"),
    path("activiteiten/<activity:activity_id>/producten/", products.products, name="products"),
    path("producten/<product:pk>/beoordelen/", products.product_review, name="product_review"),
    path("producten/<product:pk>/document/", products.product_document, name="product_document"),
]
