"""URLs of opportunities and quotes;
included in `koers.relations.urls` (namespace `relations`)."""

from django.urls import path

from koers.relations.opportunities import views

urlpatterns = [
    path("kansen/", views.opportunities, name="opportunities"),
    path("kansen/nieuw/", views.opportunity_edit, name="opportunity_add"),
    path("kansen/sjabloon/", views.quote_template, name="quote_template"),
    path(
        "kansen/sjabloon/<str:which>.docx",
        views.quote_template_document,
        name="quote_template_document",
    ),
    path("kansen/<opportunity:pk>/", views.opportunity, name="opportunity"),
    path("kansen/<opportunity:pk>/wijzigen/", views.opportunity_edit, name="opportunity_edit"),
    path(
        "kansen/<opportunity:pk>/offerte-concept.docx",
        views.quote_preview,
        name="quote_preview",
    ),
    path("offertes/<quote:pk>.docx", views.quote_document, name="quote_document"),
    path("kansen/<opportunity:pk>/versturen/", views.quote_send, name="quote_send"),
    path("kansen/<opportunity:pk>/intrekken/", views.quote_withdraw, name="quote_withdraw"),
    path("kansen/<opportunity:pk>/gegund/", views.quote_win, name="quote_win"),
    path("kansen/<opportunity:pk>/verloren/", views.opportunity_lose, name="opportunity_lose"),
    path(
        "kansen/<opportunity:pk>/heropenen/",
        views.opportunity_reopen,
        name="opportunity_reopen",
    ),
]
