from django.urls import path

from koers.reports import views

app_name = "reports"

urlpatterns = [
    path("rapportages/", views.report_list, name="reports"),
    path("rapportages/<report:pk>/", views.report, name="report"),
    path("rapportages/<report:pk>/beoordelen/", views.report_review, name="report_review"),
    path("rapportages/<report:pk>/ondertekenen/", views.report_sign, name="report_sign"),
    path("rapportages/<report:pk>/versturen/", views.report_send, name="report_send"),
    path("rapportages/<report:pk>/terug/", views.report_reopen, name="report_reopen"),
    path("rapportages/<report:pk>/vragen/", views.report_questions, name="report_questions"),
    path(
        "rapportages/<report:pk>/document.<str:format>",
        views.report_document,
        name="report_document",
    ),
    path("rapportages/<report:pk>/maken/", views.document_make, name="document_make"),
    path("documenten/<report_document:pk>/", views.document_status, name="document_status"),
    path("documenten/<report_document:pk>/opnieuw/", views.document_retry, name="document_retry"),
    path(
        "documenten/<report_document:pk>/download/",
        views.document_download,
        name="document_download",
    ),
]
