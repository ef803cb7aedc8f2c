"""URLs of agenda-setting (included by koers.signals.urls)."""

from django.urls import path

from koers.signals.agenda import views

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/nieuw/", views.agenda_item_add, name="agenda_item_add"),
    path("agenda/<agenda_item:pk>/", views.agenda_item, name="agenda_item"),
    path("agenda/<agenda_item:pk>/wijzigen/", views.agenda_item_edit, name="agenda_item_edit"),
    path("agenda/<agenda_item:pk>/stap/", views.agenda_item_step, name="agenda_item_step"),
    path("vergaderingen/", views.meetings, name="meetings"),
    path("vergaderingen/nieuw/", views.meeting_add, name="meeting_add"),
    path("vergaderingen/<meeting:pk>/wijzigen/", views.meeting_edit, name="meeting_edit"),
]
