"""URLs of matching: the public sign-up, re-engagement campaigns and their link."""

from django.urls import URLPattern, path

from koers.matching.public import campaign_views, views

urlpatterns: list[URLPattern] = [
    path("aanmelden/", views.signup, name="signup"),
    path("aanmelden/bevestigen/<str:token>/", views.signup_confirm, name="signup_confirm"),
    # Each organisation the installation names has its own (koers.directory.public_holders).
    path("aanmelden/<slug:holder>/", views.signup, name="signup"),
    path("weer-beschikbaar/<str:token>/", views.available_again, name="available_again"),
    path("campagnes/", campaign_views.campaigns, name="campaigns"),
    path("campagnes/nieuw/", campaign_views.campaign_add, name="campaign_add"),
    path("campagnes/<reengagement_campaign:pk>/", campaign_views.campaign, name="campaign"),
]
