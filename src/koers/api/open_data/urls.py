from django.urls import path

from koers.api.open_data import views

app_name = "open_data"

urlpatterns = [
    path("", views.index, name="index"),
    path("voortgang.csv", views.as_csv, name="csv"),
    path("voortgang.json", views.as_json, name="json"),
    path("kiezen/", views.choose, name="choose"),
]
