"""URLs of the atlas: public."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
