from django.urls import path

from koers.relations import (
    contact_views,
    event_views,
    member_views,
    network_views,
    organisation_views,
    views,
)

app_name = "relations"

urlpatterns = [
    path("personen/", views.person_list, name="persons"),
    path("personen/nieuw/", views.person_add, name="person_add"),
    path("personen/importeren/", views.person_import, name="person_import"),
    path("personen/<int:pk>/", views.person_detail, name="person"),
    path("personen/<int:pk>/wijzigen/", views.person_edit, name="person_edit"),
    path("personen/<int:pk>/functies/", views.position_add, name="position_add"),
    path(
        "personen/<int:pk>/functies/<int:position_pk>/verwijderen/",
        views.position_remove,
        name="position_remove",
    ),
    path("personen/<int:pk>/export/", views.person_export, name="person_export"),
    path("personen/<int:pk>/wissen/", views.person_erase, name="person_erase"),
    path("bijeenkomsten/", event_views.events, name="events"),
    path("bijeenkomsten/nieuw/", event_views.event_edit, name="event_add"),
    path("bijeenkomsten/export.xlsx", event_views.events_export, name="events_export"),
    path("bijeenkomsten/<int:pk>/", event_views.event, name="event"),
    path("bijeenkomsten/<int:pk>/wijzigen/", event_views.event_edit, name="event_edit"),
    path("bijeenkomsten/<int:pk>/verwijderen/", event_views.event_delete, name="event_delete"),
    path(
        "bijeenkomsten/<int:pk>/presentielijst/",
        event_views.attendance_list,
        name="attendance_list",
    ),
    path(
        "bijeenkomsten/<int:pk>/deelnemers/",
        event_views.participant_add,
        name="participant_add",
    ),
    path(
        "deelnemers/<int:pk>/aanwezig/",
        event_views.participant_attendance,
        name="participant_attendance",
    ),
    path(
        "deelnemers/<int:pk>/verwijderen/",
        event_views.participant_remove,
        name="participant_remove",
    ),
    path("organisaties/", organisation_views.organisations, name="organisations"),
    path("organisaties/nieuw/", organisation_views.organisation_edit, name="organisation_add"),
    path("organisaties/<int:pk>/", organisation_views.organisation, name="organisation"),
    path(
        "organisaties/<int:pk>/wijzigen/",
        organisation_views.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisaties/<int:pk>/samenvoegen/",
        organisation_views.organisation_merge,
        name="organisation_merge",
    ),
    path("leden/", member_views.members, name="members"),
    path("leden/<int:pk>/beeindigen/", member_views.member_end, name="member_end"),
    path("netwerken/", network_views.networks, name="networks"),
    path("netwerken/nieuw/", network_views.network_edit, name="network_add"),
    path("netwerken/<int:pk>/", network_views.network, name="network"),
    path("netwerken/<int:pk>/wijzigen/", network_views.network_edit, name="network_edit"),
    path("netwerken/<int:pk>/weging/", network_views.network_review, name="network_review"),
    path("contacten/", contact_views.contacts, name="contacts"),
    path("contacten/nieuw/", contact_views.contact_edit, name="contact_add"),
    path("contacten/<int:pk>/", contact_views.contact, name="contact"),
    path("contacten/<int:pk>/wijzigen/", contact_views.contact_edit, name="contact_edit"),
    path("contacten/<int:pk>/acties/", contact_views.action_add, name="action_add"),
    path("acties/", contact_views.my_actions, name="my_actions"),
    path("acties/<int:pk>/afronden/", contact_views.action_finish, name="action_finish"),
    path("acties/agenda/nieuw/", contact_views.calendar_renew, name="calendar_renew"),
    path("agenda/<str:token>.ics", contact_views.calendar, name="calendar"),
    path("communicatie/", event_views.communications, name="communications"),
    path(
        "communicatie/<int:pk>/verwijderen/",
        event_views.communication_remove,
        name="communication_remove",
    ),
]
