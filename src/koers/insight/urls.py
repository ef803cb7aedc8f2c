from django.urls import path

from koers.insight import views

app_name = "insight"

urlpatterns = [
    path("statistieken/", views.datasets, name="datasets"),
    path("statistieken/importeren/", views.dataset_import, name="dataset_import"),
    path(
        "statistieken/importeren/bevestigen/",
        views.dataset_import_confirm,
        name="dataset_import_confirm",
    ),
    path("statistieken/<int:pk>/", views.dataset, name="dataset"),
    path("statistieken/<int:pk>/<str:kind>/", views.dataset_export, name="dataset_export"),
]
