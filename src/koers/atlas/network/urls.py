"""URLs of the atlas: network."""

from django.urls import path

from koers.atlas.network import views

urlpatterns = [
    path("netwerk/", views.network, name="network"),
    path("netwerk/opnieuw-berekenen/", views.network_recompute, name="network_recompute"),
    path("netwerk/graphml/", views.network_graphml, name="network_graphml"),
]
