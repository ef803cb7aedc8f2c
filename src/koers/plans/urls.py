from django.urls import path

from koers.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("programmas/<programme:pk>/", views.programme_detail, name="programme"),
    path(
        "programmas/<programme:pk>/activiteiten/nieuw/",
        views.activity_create,
        name="activity_create",
    ),
    path(
        "programmas/<programme:pk>/voortgang/<int:year>/<int:quarter>/",
        views.programme_progress,
        name="programme_progress",
    ),
    path(
        "programmas/<programme:pk>/tactische-doelen/nieuw/",
        views.tactical_goal_create,
        name="tactical_goal_create",
    ),
    path(
        "tactische-doelen/<tactical_goal:pk>/bewerken/",
        views.tactical_goal_edit,
        name="tactical_goal_edit",
    ),
    path(
        "programmas/<programme:pk>/taken/nieuw/",
        views.standing_task_create,
        name="standing_task_create",
    ),
    path("taken/<standing_task:pk>/bewerken/", views.standing_task_edit, name="standing_task_edit"),
    path(
        "programmas/<programme:pk>/meerjarenplan/resultaten/nieuw/",
        views.multi_year_result_create,
        name="multi_year_result_create",
    ),
    path(
        "meerjarenresultaten/<multi_year_result:pk>/bewerken/",
        views.multi_year_result_edit,
        name="multi_year_result_edit",
    ),
    path(
        "programmas/<programme:pk>/meerjarenplan/doelen/nieuw/",
        views.multi_year_target_create,
        name="multi_year_target_create",
    ),
    path(
        "meerjarendoelen/<multi_year_target:pk>/bewerken/",
        views.multi_year_target_edit,
        name="multi_year_target_edit",
    ),
    path("activiteiten/<activity:pk>/", views.activity_detail, name="activity"),
    path("activiteiten/<activity:pk>/partners/nieuw/", views.partner_create, name="partner_create"),
    path(
        "partners/<activity_partner:pk>/verwijderen/", views.partner_remove, name="partner_remove"
    ),
    path("activiteiten/<activity:pk>/vragen/", views.activity_comment, name="activity_comment"),
    path(
        "activiteiten/<activity:pk>/indicatoren/nieuw/",
        views.indicator_create,
        name="indicator_create",
    ),
    path(
        "activiteiten/<activity:pk>/overnemen/",
        views.activity_carry_over,
        name="activity_carry_over",
    ),
    path("activiteiten/<activity:pk>/bewerken/", views.activity_edit, name="activity_edit"),
    path("activiteiten/<activity:pk>/besluit/", views.activity_decision, name="activity_decision"),
    path(
        "activiteiten/<activity:pk>/wijzigingsvoorstel/",
        views.amendment_create,
        name="amendment_create",
    ),
    path(
        "indicatoren/<indicator:pk>/realisaties/",
        views.realisation_create,
        name="realisation_create",
    ),
    path("indicatoren/<indicator:pk>/streefwaarde/", views.target_edit, name="target_edit"),
    path(
        "indicatoren/<indicator:pk>/meting/",
        views.indicator_measurement,
        name="indicator_measurement",
    ),
    path(
        "realisaties/<realisation:pk>/verwijderen/",
        views.realisation_delete,
        name="realisation_delete",
    ),
    path(
        "realisaties/<realisation:pk>/bewijs/",
        views.realisation_evidence,
        name="realisation_evidence",
    ),
    path("wijzigingen/<amendment:pk>/besluit/", views.amendment_decide, name="amendment_decide"),
    path("doelen/", views.goal_list, name="goals"),
    path("doelen/<goal:pk>/", views.goal_detail, name="goal"),
    path("installatie/organisatie-opnemen/", views.onboard, name="onboard"),
    path("jaarplannen/", views.annual_plan_list, name="annual_plans"),
    path("jaarplannen/<annual_plan:pk>/", views.annual_plan_detail, name="annual_plan"),
    path(
        "jaarplannen/<annual_plan:pk>/stap/",
        views.annual_plan_transition,
        name="annual_plan_transition",
    ),
    path(
        "jaarplannen/<annual_plan:pk>/volgend-jaar/",
        views.annual_plan_roll_over,
        name="annual_plan_roll_over",
    ),
    path(
        "jaarplannen/<annual_plan:pk>/advies/",
        views.advisory_comment_create,
        name="advisory_comment",
    ),
    path(
        "jaarplannen/<annual_plan:pk>/mijlpalen/nieuw/",
        views.milestone_create,
        name="milestone_create",
    ),
    path("mijlpalen/<milestone:pk>/bewerken/", views.milestone_edit, name="milestone_edit"),
]
