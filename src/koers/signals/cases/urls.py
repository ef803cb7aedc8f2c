"""URLs of client support (included by koers.signals.urls)."""

from django.urls import path

from koers.signals.cases import views, views_setup

urlpatterns = [
    path("clientondersteuning/", views.cases, name="cases"),
    path("clientondersteuning/nieuw/", views.case_add, name="case_add"),
    path("clientondersteuning/<case:pk>/", views.case, name="case"),
    path("clientondersteuning/<case:pk>/wijzigen/", views.case_edit, name="case_edit"),
    path("clientondersteuning/<case:pk>/sluiten/", views.case_close, name="case_close"),
    path("clientondersteuning/<case:pk>/overdragen/", views.case_hand_over, name="case_hand_over"),
    path("clientondersteuning/<case:pk>/contact/", views.case_contact_add, name="case_contact_add"),
    path(
        "clientondersteuning/<case:pk>/signaal/", views.case_raise_signal, name="case_raise_signal"
    ),
    path("clientondersteuning/soorten/", views_setup.case_types, name="case_types"),
    path("clientondersteuning/soorten/nieuw/", views_setup.case_type_add, name="case_type_add"),
    path(
        "clientondersteuning/soorten/<case_type:pk>/wijzigen/",
        views_setup.case_type_edit,
        name="case_type_edit",
    ),
    path("clientondersteuning/vrijwilligers/", views_setup.volunteers, name="volunteers"),
    path(
        "clientondersteuning/vrijwilligers/nieuw/",
        views_setup.volunteer_add,
        name="volunteer_add",
    ),
    path(
        "clientondersteuning/vrijwilligers/<support_volunteer:pk>/wijzigen/",
        views_setup.volunteer_edit,
        name="volunteer_edit",
    ),
]
