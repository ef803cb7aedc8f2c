"""URLs of this part of signals (included by koers.signals.urls)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
