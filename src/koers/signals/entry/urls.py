"""URLs of recording signals (included by koers.signals.urls)."""

from django.urls import URLPattern, path

from koers.signals.entry import views

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("bundelen/", views.bundle, name="bundle"),
    path("nieuw/", views.signal_add, name="signal_add"),
    path("nieuw/suggestie/", views.suggest, name="suggest"),
    path("<signal:pk>/", views.signal_detail, name="signal"),
    path("<signal:pk>/duiden/", views.signal_interpret, name="signal_interpret"),
    path("terugkoppelen/", views.contacts, name="contacts"),
    path(
        "terugkoppelen/<signal_contact:pk>/beantwoord/",
        views.contact_answered,
        name="contact_answered",
    ),
]
