"""URLs of this part of signals (included by koers.signals.urls)."""

from django.urls import path

from koers.signals.analysis import views

urlpatterns = [
    path("analyse/", views.analysis, name="analysis"),
    path("analyse/export.xlsx", views.analysis_export, name="analysis_export"),
]
