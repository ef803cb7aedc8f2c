"""URLs of matching: trajectories."""

from django.urls import URLPattern, path

from koers.matching.trajectories import views

urlpatterns: list[URLPattern] = [
    path("trajecten/", views.trajectories, name="trajectories"),
    path("trajecten/nieuw/", views.trajectory_add, name="trajectory_add"),
    path("trajecten/<trajectory:pk>/", views.trajectory, name="trajectory"),
    path("trajecten/<trajectory:pk>/wijzigen/", views.trajectory_edit, name="trajectory_edit"),
]
