"""URLs of contacts, actions and the calendar feed;
included in `koers.relations.urls` (namespace `relations`)."""

from django.urls import path

from koers.relations.contacts import views

urlpatterns = [
    path("contacten/", views.contacts, name="contacts"),
    path("contacten/nieuw/", views.contact_edit, name="contact_add"),
    path("contacten/<interaction:pk>/", views.contact, name="contact"),
    path("contacten/<interaction:pk>/wijzigen/", views.contact_edit, name="contact_edit"),
    path("contacten/<interaction:pk>/acties/", views.action_add, name="action_add"),
    path("acties/", views.my_actions, name="my_actions"),
    path("acties/<action:pk>/afronden/", views.action_finish, name="action_finish"),
    path("acties/agenda/nieuw/", views.calendar_renew, name="calendar_renew"),
    path("agenda/<str:token>.ics", views.calendar, name="calendar"),
]
