"""URLs of the atlas: initiatives."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
