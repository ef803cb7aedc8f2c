"""URLs of events, their participants and communication items;
included in `koers.relations.urls` (namespace `relations`)."""

from django.urls import path

from koers.relations.events import views

urlpatterns = [
    path("bijeenkomsten/", views.events, name="events"),
    path("bijeenkomsten/nieuw/", views.event_edit, name="event_add"),
    path("bijeenkomsten/export.xlsx", views.events_export, name="events_export"),
    path("bijeenkomsten/<event:pk>/", views.event, name="event"),
    path("bijeenkomsten/<event:pk>/wijzigen/", views.event_edit, name="event_edit"),
    path("bijeenkomsten/<event:pk>/verwijderen/", views.event_delete, name="event_delete"),
    path(
        "bijeenkomsten/<event:pk>/presentielijst/",
        views.attendance_list,
        name="attendance_list",
    ),
    path(
        "bijeenkomsten/<event:pk>/deelnemers/",
        views.participant_add,
        name="participant_add",
    ),
    path(
        "deelnemers/<participant:pk>/aanwezig/",
        views.participant_attendance,
        name="participant_attendance",
    ),
    path(
        "deelnemers/<participant:pk>/verwijderen/",
        views.participant_remove,
        name="participant_remove",
    ),
    path("communicatie/", views.communications, name="communications"),
    path(
        "communicatie/<communication_item:pk>/verwijderen/",
        views.communication_remove,
        name="communication_remove",
    ),
]
