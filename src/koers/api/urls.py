from django.urls import path

from koers.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.token_list, name="list"),
    path("nieuw/", views.token_create, name="create"),
    path("<int:pk>/intrekken/", views.token_revoke, name="revoke"),
]
