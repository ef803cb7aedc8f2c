"""URLs of the atlas: public."""

from django.urls import URLPattern, path

from koers.atlas.public import views

urlpatterns: list[URLPattern] = [
    path("spinnenweb/", views.spinnenweb, name="spinnenweb"),
    path("spinnenweb/contact/", views.spinnenweb_contact, name="spinnenweb_contact"),
    # Each organisation the installation names has its own (koers.directory.public_holders).
    path("spinnenweb/<slug:holder>/", views.spinnenweb, name="spinnenweb"),
    path("spinnenweb/<slug:holder>/contact/", views.spinnenweb_contact, name="spinnenweb_contact"),
    path("contactverzoeken/", views.contact_requests, name="contact_requests"),
    path(
        "contactverzoeken/<contact_request:pk>/afgehandeld/",
        views.contact_request_handle,
        name="contact_request_handle",
    ),
    path(
        "contactverzoeken/<contact_request:pk>/verwijderen/",
        views.contact_request_delete,
        name="contact_request_delete",
    ),
]
