"""URLs of the atlas: map."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
