"""URLs of matching: runs of the matcher."""

from django.urls import path

from koers.matching.engine import views

urlpatterns = [
    path("rondes/", views.runs, name="runs"),
    path("rondes/nieuw/", views.run_start, name="run_start"),
    path("rondes/<proposal_run:pk>/", views.run, name="run"),
]
