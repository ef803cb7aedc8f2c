from django.urls import path

from koers.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.register, name="register"),
    path("bewaartermijn/", views.retention, name="retention"),
    path("logboek/", views.audit_log, name="audit_log"),
    path("inzage/", views.access_log, name="access_log"),
    path("inzage/persoon/<person:pk>/", views.person_access, name="person_access"),
]
