"""URLs of member employers;
included in `koers.relations.urls` (namespace `relations`)."""

from django.urls import path

from koers.relations.members import views

urlpatterns = [
    path("leden/", views.members, name="members"),
    path("leden/<employer_membership:pk>/beeindigen/", views.member_end, name="member_end"),
]
