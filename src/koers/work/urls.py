from django.urls import path

from koers.work import views

app_name = "work"

urlpatterns = [
    path("uren/", views.week_today, name="week_today"),
    path("uren/week/<str:monday>/", views.week, name="week"),
    path("uren/goedkeuren/", views.approvals, name="approvals"),
    path("uren/goedkeuren/<int:pk>/", views.decide, name="decide"),
    path("uren/maanden/", views.months, name="months"),
    path("uren/capaciteit/", views.capacity, name="capacity"),
]
