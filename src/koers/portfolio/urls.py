from django.urls import path

from koers.portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("portefeuille/", views.overview, name="overview"),
    path("portefeuille/doelen/<goal:pk>/", views.goal, name="goal"),
    path("portefeuille/export.xlsx", views.export, name="export"),
]
