from django.urls import path

from koers.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("programmas/<int:pk>/", views.programme_detail, name="programme"),
    path("programmas/<int:pk>/activiteiten/nieuw/", views.activity_create, name="activity_create"),
    path(
        "programmas/<int:pk>/voortgang/<int:year>/<int:quarter>/",
        views.programme_progress,
        name="programme_progress",
    ),
    path(
        "programmas/<int:pk>/tactische-doelen/nieuw/",
        views.tactical_goal_create,
        name="tactical_goal_create",
    ),
    path(
        "tactische-doelen/<int:pk>/bewerken/", views.tactical_goal_edit, name="tactical_goal_edit"
    ),
    path(
        "programmas/<int:pk>/taken/nieuw/", views.standing_task_create, name="standing_task_create"
    ),
    path("taken/<int:pk>/bewerken/", views.standing_task_edit, name="standing_task_edit"),
    path(
        "programmas/<int:pk>/meerjarenplan/resultaten/nieuw/",
        views.multi_year_result_create,
        name="multi_year_result_create",
    ),
    path(
        "meerjarenresultaten/<int:pk>/bewerken/",
        views.multi_year_result_edit,
        name="multi_year_result_edit",
    ),
    path(
        "programmas/<int:pk>/meerjarenplan/doelen/nieuw/",
        views.multi_year_target_create,
        name="multi_year_target_create",
    ),
    path(
        "meerjarendoelen/<int:pk>/bewerken/",
        views.multi_year_target_edit,
        name="multi_year_target_edit",
    ),
    path("activiteiten/<int:pk>/", views.activity_detail, name="activity"),
    path("activiteiten/<int:pk>/partners/nieuw/", views.partner_create, name="partner_create"),
    path("partners/<int:pk>/verwijderen/", views.partner_remove, name="partner_remove"),
    path("activiteiten/<int:pk>/vragen/", views.activity_comment, name="activity_comment"),
    path(
        "activiteiten/<int:pk>/indicatoren/nieuw/",
        views.indicator_create,
        name="indicator_create",
    ),
    path("activiteiten/<int:pk>/overnemen/", views.activity_carry_over, name="activity_carry_over"),
    path("activiteiten/<int:pk>/bewerken/", views.activity_edit, name="activity_edit"),
    path("activiteiten/<int:pk>/besluit/", views.activity_decision, name="activity_decision"),
    path(
        "activiteiten/<int:pk>/wijzigingsvoorstel/",
        views.amendment_create,
        name="amendment_create",
    ),
    path("indicatoren/<int:pk>/realisaties/", views.realisation_create, name="realisation_create"),
    path("indicatoren/<int:pk>/streefwaarde/", views.target_edit, name="target_edit"),
    path("indicatoren/<int:pk>/meting/", views.indicator_measurement, name="indicator_measurement"),
    path("realisaties/<int:pk>/verwijderen/", views.realisation_delete, name="realisation_delete"),
    path("realisaties/<int:pk>/bewijs/", views.realisation_evidence, name="realisation_evidence"),
    path("wijzigingen/<int:pk>/besluit/", views.amendment_decide, name="amendment_decide"),
    path("doelen/", views.goal_list, name="goals"),
    path("doelen/<int:pk>/", views.goal_detail, name="goal"),
    path("jaarplannen/", views.annual_plan_list, name="annual_plans"),
    path("jaarplannen/<int:pk>/", views.annual_plan_detail, name="annual_plan"),
    path("jaarplannen/<int:pk>/stap/", views.annual_plan_transition, name="annual_plan_transition"),
    path(
        "jaarplannen/<int:pk>/volgend-jaar/",
        views.annual_plan_roll_over,
        name="annual_plan_roll_over",
    ),
    path("jaarplannen/<int:pk>/advies/", views.advisory_comment_create, name="advisory_comment"),
    path("jaarplannen/<int:pk>/mijlpalen/nieuw/", views.milestone_create, name="milestone_create"),
    path("mijlpalen/<int:pk>/bewerken/", views.milestone_edit, name="milestone_edit"),
]
