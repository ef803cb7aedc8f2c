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
    path("kansen/<int:pk>/", views.opportunity, name="opportunity"),
    path("kansen/<int:pk>/wijzigen/", views.opportunity_edit, name="opportunity_edit"),
    path(
        "kansen/<int:pk>/offerte-concept.docx",
        views.quote_preview,
        name="quote_preview",
    ),
    path("offertes/<int:pk>.docx", views.quote_document, name="quote_document"),
    path("kansen/<int:pk>/versturen/", views.quote_send, name="quote_send"),
    path("kansen/<int:pk>/intrekken/", views.quote_withdraw, name="quote_withdraw"),
    path("kansen/<int:pk>/gegund/", views.quote_win, name="quote_win"),
    path("kansen/<int:pk>/verloren/", views.opportunity_lose, name="opportunity_lose"),
    path(
        "kansen/<int:pk>/heropenen/",
        views.opportunity_reopen,
        name="opportunity_reopen",
    ),
]
