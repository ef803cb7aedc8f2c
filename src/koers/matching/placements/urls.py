"""URLs of placements: proposals and their decisions, placements, the follow-up link."""

from django.urls import path

from koers.matching.placements import public_views, views

urlpatterns = [
    path("voorstellen/", views.proposals, name="proposals"),
    path("voorstellen/<proposal:pk>/bevestigen/", views.proposal_confirm, name="proposal_confirm"),
    path("voorstellen/<proposal:pk>/afwijzen/", views.proposal_decline, name="proposal_decline"),
    path("voorstellen/<proposal:pk>/wijzigen/", views.proposal_change, name="proposal_change"),
    path("plaatsingen/", views.placements, name="placements"),
    path("plaatsingen/<placement:pk>/", views.placement, name="placement"),
    path("plaatsingen/<placement:pk>/status/", views.placement_status, name="placement_status"),
    path("nazorg/<str:token>/", public_views.follow_up, name="follow_up"),
]
