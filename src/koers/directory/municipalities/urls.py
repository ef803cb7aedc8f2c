from django.urls import path

from koers.directory.municipalities import views

urlpatterns = [
    path("gemeenten/zoeken/", views.municipality_search, name="municipality_search"),
]
