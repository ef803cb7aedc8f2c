from django.urls import path

from koers.reports import views

app_name = "reports"

urlpatterns = [
    path("rapportages/", views.report_list, name="reports"),
    path("rapportages/<int:pk>/", views.report, name="report"),
    path("rapportages/<int:pk>/beoordelen/", views.report_review, name="report_review"),
    path("rapportages/<int:pk>/ondertekenen/", views.report_sign, name="report_sign"),
    path("rapportages/<int:pk>/versturen/", views.report_send, name="report_send"),
    path("rapportages/<int:pk>/terug/", views.report_reopen, name="report_reopen"),
    path("rapportages/<int:pk>/vragen/", views.report_questions, name="report_questions"),
    path(
        "rapportages/<int:pk>/document.<str:format>",
        views.report_document,
        name="report_document",
    ),
    path("rapportages/<int:pk>/maken/", views.document_make, name="document_make"),
    path("documenten/<int:pk>/", views.document_status, name="document_status"),
    path("documenten/<int:pk>/opnieuw/", views.document_retry, name="document_retry"),
    path("documenten/<int:pk>/download/", views.document_download, name="document_download"),
]
