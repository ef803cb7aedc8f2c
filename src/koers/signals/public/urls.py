"""URLs of the public signal form (included by koers.signals.urls)."""

from django.urls import URLPattern, path

from koers.signals.public import views

urlpatterns: list[URLPattern] = [
    path("melden/", views.public_form, name="public_form"),
    path("melden/bedankt/", views.public_thanks, name="public_thanks"),
    # Each organisation the installation names has its own form (koers.directory.public_holders).
    path("melden/<slug:holder>/", views.public_form, name="public_form"),
    path("melden/<slug:holder>/bedankt/", views.public_thanks, name="public_thanks"),
]
