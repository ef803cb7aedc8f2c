"""URLs of the classifier (included by koers.signals.urls)."""

from django.urls import URLPattern, path

from koers.signals.classify import views

urlpatterns: list[URLPattern] = [
    path("classificatie/", views.classifier, name="classifier"),
    path("classificatie/trainen/", views.classifier_train, name="classifier_train"),
]
