"""URLs of requests for extra hands."""

from django.urls import path

from koers.matching.requests import views

urlpatterns = [
    path("hulpvragen/", views.requests, name="requests"),
    path("hulpvragen/nieuw/", views.request_add, name="request_add"),
    path("hulpvragen/<help_request:pk>/", views.request_detail, name="request"),
    path("hulpvragen/<help_request:pk>/wijzigen/", views.request_edit, name="request_edit"),
    path(
        "hulpvragen/<help_request:pk>/prioriteit/", views.request_priority, name="request_priority"
    ),
    path("hulpvragen/<help_request:pk>/status/", views.request_status, name="request_status"),
]
