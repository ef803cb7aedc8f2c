"""URLs of networks;
included in `koers.relations.urls` (namespace `relations`)."""

from django.urls import path

from koers.relations.networks import views

urlpatterns = [
    path("netwerken/", views.networks, name="networks"),
    path("netwerken/nieuw/", views.network_edit, name="network_add"),
    path("netwerken/<network:pk>/", views.network, name="network"),
    path("netwerken/<network:pk>/wijzigen/", views.network_edit, name="network_edit"),
    path("netwerken/<network:pk>/weging/", views.network_review, name="network_review"),
]
