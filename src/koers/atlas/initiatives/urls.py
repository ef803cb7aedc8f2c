"""URLs of the atlas: initiatives, collaborations, the contact's link, derived ties."""

from django.urls import path

from koers.atlas.initiatives.views import confirmation, derived, entries, ties

urlpatterns = [
    path("initiatieven/nieuw/", entries.initiative_add, name="initiative_add"),
    path("initiatieven/zoeken/", entries.initiative_search, name="initiative_search"),
    path("initiatieven/<initiative:pk>/", entries.initiative, name="initiative"),
    path("initiatieven/<initiative:pk>/wijzigen/", entries.initiative_edit, name="initiative_edit"),
    path(
        "initiatieven/<initiative:pk>/bevestigen/",
        entries.initiative_confirm,
        name="initiative_confirm",
    ),
    path("initiatieven/<initiative:pk>/link/", entries.initiative_link, name="initiative_link"),
    path("bevestigen/<str:token>/", confirmation.confirmation, name="confirmation"),
    path("wijzigingsvoorstellen/", confirmation.reviews, name="reviews"),
    path(
        "wijzigingsvoorstellen/<proposed_change:pk>/",
        confirmation.review_decide,
        name="review_decide",
    ),
    path("samenwerkingen/", ties.collaborations, name="collaborations"),
    path("samenwerkingen/export/", ties.collaborations_export, name="collaborations_export"),
    path(
        "samenwerkingen/export.geojson",
        ties.collaborations_geojson,
        name="collaborations_geojson",
    ),
    path("samenwerkingen/nieuw/", ties.collaboration_add, name="collaboration_add"),
    path("samenwerkingen/<collaboration:pk>/", ties.collaboration, name="collaboration"),
    path(
        "samenwerkingen/<collaboration:pk>/wijzigen/",
        ties.collaboration_edit,
        name="collaboration_edit",
    ),
    path("afgeleide-banden/", derived.tie_proposals, name="tie_proposals"),
    path("afgeleide-banden/overnemen/", derived.tie_proposal_accept, name="tie_proposal_accept"),
    path("afgeleide-banden/verbergen/", derived.tie_proposal_dismiss, name="tie_proposal_dismiss"),
]
