from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from koers.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.SignInView.as_view(), name="login"),
    path("uitloggen/", views.sign_out, name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verzonden/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("wachtwoord-wijzigen/", views.password_change, name="password_change"),
    path("", views.account, name="account"),
    path("bevestigen/", views.reauthenticate, name="reauthenticate"),
    path("tweestapsverificatie/", views.two_factor, name="two_factor"),
    path("tweestapsverificatie/instellen/", views.two_factor_setup, name="two_factor_setup"),
    path("tweestapsverificatie/controleren/", views.two_factor_verify, name="two_factor_verify"),
    path("tweestapsverificatie/uitzetten/", views.two_factor_remove, name="two_factor_remove"),
    path(
        "tweestapsverificatie/herstelcodes/",
        views.recovery_codes_regenerate,
        name="recovery_codes_regenerate",
    ),
    path("sessies/", views.sessions, name="sessions"),
    path("sessies/<int:pk>/beeindigen/", views.session_end, name="session_end"),
    path("sessies/andere-beeindigen/", views.sessions_end_others, name="sessions_end_others"),
]
