"""URLs of the atlas: network."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
