"""URLs of the public signal form (included by koers.signals.urls)."""

from django.urls import URLPattern, path

from koers.signals.public import views

urlpatterns: list[URLPattern] = [
    path("melden/", views.public_form, name="public_form"),
    path("melden/bedankt/", views.public_thanks, name="public_thanks"),
]
