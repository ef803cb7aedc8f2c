from django.urls import path

from koers.funding import (
    advance_views,
    budget_views,
    export_views,
    import_views,
    position_views,
    reserve_views,
    risk_views,
    views,
)

app_name = "funding"

urlpatterns = [
    path("subsidies/", views.grants, name="grants"),
    path("subsidies/nieuw/", views.grant_edit, name="grant_add"),
    path("subsidies/<grant:pk>/", views.grant, name="grant"),
    path("subsidies/<grant:pk>/wijzigen/", views.grant_edit, name="grant_edit"),
    path("subsidies/<grant:pk>/status/", views.grant_move, name="grant_move"),
    path("subsidies/<grant:pk>/verplichtingen/", views.obligation_add, name="obligation_add"),
    path("subsidies/<grant:pk>/indicatoren/", views.grant_indicator, name="grant_indicator"),
    path("subsidies/<grant:pk>/voorschotten/", views.advances_remake, name="advances_remake"),
    path("subsidies/<grant:pk>/<str:which>/", views.grant_document, name="grant_document"),
    path("verplichtingen/<obligation:pk>/", views.obligation_done, name="obligation_done"),
    path("voorschotten/", advance_views.advances, name="advances"),
    path("voorschotten/<advance:pk>/", advance_views.advance_update, name="advance_update"),
    path(
        "voorschotten/<advance:pk>/factuur.pdf",
        advance_views.advance_invoice,
        name="advance_invoice",
    ),
    path("begroting/", budget_views.budget, name="budget"),
    path("begroting/regel/", budget_views.budget_line_add, name="budget_line_add"),
    path("begroting/uitgave/", budget_views.expense_add, name="expense_add"),
    path("begroting/importeren/", import_views.budget_import, name="budget_import"),
    path(
        "begroting/importeren/<str:token>/problemen.csv",
        import_views.budget_import_failing,
        name="budget_import_failing",
    ),
    path("begroting/tabellen/", budget_views.budget_tables, name="budget_tables"),
    path("begroting/tabellen/<budget_table:pk>/", budget_views.budget_table, name="budget_table"),
    path("financien/positie/", position_views.position, name="position"),
    path("financien/positie/<int:year>/", position_views.position_edit, name="position_edit"),
    path("financien/risicos/", risk_views.risks, name="risks"),
    path("financien/risicos/nieuw/", risk_views.risk_edit, name="risk_add"),
    path("financien/risicos/reserves/nieuw/", reserve_views.reserve_add, name="reserve_add"),
    path(
        "financien/risicos/reserves/<earmarked_reserve:pk>/wijzigen/",
        reserve_views.reserve_edit,
        name="reserve_edit",
    ),
    path("financien/risicos/<risk:pk>/", risk_views.risk, name="risk"),
    path("financien/risicos/<risk:pk>/wijzigen/", risk_views.risk_edit, name="risk_edit"),
    path("financien/export/<str:what>.xlsx", export_views.export, name="export"),
]
