"""The one settings module of Koers, driven by environment variables.

Every variable is listed with its default in the README ("Configuration"). Nothing here
differs between development, test and production except through those variables, so
what the tests exercise is what production runs.
"""

from __future__ import annotations

import datetime
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from koers.accounts.checks import refuse_two_factor_waiver_outside_demo
from koers.core.environment import env_bool

PACKAGE_DIR = Path(__file__).resolve().parent


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("KOERS_DATA_DIR", Path.cwd() / "var")).resolve()
DEBUG = env_bool("KOERS_DEBUG", False)
DEMO_MODE = env_bool("KOERS_DEMO", False)
# The reference date (peildatum) pages open on when the user picks none; empty = today.
# The demo sets it to the autumn of 2021 so that pacing means something.
REFERENCE_DATE = os.environ.get("KOERS_REFERENCE_DATE", "")


def _secret_key() -> str:
    """The secret key from the environment, else one generated once per installation.

    A generated key is kept in the data directory (mode 0600) so sessions survive a
    restart; production deployments with several app servers set KOERS_SECRET_KEY.
    """
    if key := os.environ.get("KOERS_SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    # The data directory holds the database, uploads and keys: its owner's only (0700).
    DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        # 0600 from creation (not chmod after writing) and O_EXCL: two processes starting
        # at once must not each write a key and leave them with different ones.
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key)
    return key


SECRET_KEY = _secret_key()
# Rotating the key: the new one in KOERS_SECRET_KEY, the old ones here (comma-separated) until
# the sessions and links signed with them have expired (docs/operations.md, "Rotate secrets").
SECRET_KEY_FALLBACKS = [
    key.strip()
    for key in os.environ.get("KOERS_SECRET_KEY_FALLBACKS", "").split(",")
    if key.strip()
]
ALLOWED_HOSTS = env_list("KOERS_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("KOERS_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "koers.accounts.admin_apps.KoersAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "koers.core",
    "koers.directory",
    "koers.accounts",
    "koers.plans",
    "koers.privacy",
    "koers.relations",
    "koers.work",
    "koers.funding",
    "koers.atlas",
    "koers.matching",
    "koers.signals",
    "koers.insight",
    "koers.reports",
    "koers.portfolio",
    "koers.api",
    "koers.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "koers.core.locale.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "koers.core.login_required.KoersLoginRequiredMiddleware",
    "koers.core.access.AccessDeclarationMiddleware",
    "koers.accounts.two_factor.SecondFactorMiddleware",  # after both: refusals come first
    "django.contrib.messages.middleware.MessageMiddleware",
    "koers.accounts.session_limits.SessionLimitsMiddleware",  # after messages: it leaves one
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so its process_exception sees a view's refusal first: another organisation's
    # record is not found (404) rather than forbidden (403).
    "koers.accounts.tenancy.TenancyMiddleware",
]

ROOT_URLCONF = "koers.urls"
WSGI_APPLICATION = "koers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "koers.core.context_processors.koers",
                "koers.accounts.context_processors.access",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'koers.sqlite3'}",
        conn_max_age=int(os.environ.get("KOERS_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at
    # the start of a transaction so concurrent writers wait instead of failing midway.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": ""}  # in-memory per test worker

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while locked out
    "koers.accounts.backends.MembershipBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "plans:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Argon2id first: new passwords, and every older hash at its owner's next sign-in
# (`koers.accounts.passwords.Argon2idHasher`). The others only check hashes made before.
PASSWORD_HASHERS = [
    "koers.accounts.passwords.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        # Django's, with its refusal in Dutch (koers.accounts.passwords).
        "NAME": "koers.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Sign-in throttling (django-axes): after 5 failures a user name is locked for 15 minutes
# from the address they came from, not everyone behind that address (an office or the
# province's proxy) and not the account everywhere. Behind a reverse proxy set
# KOERS_PROXY_COUNT to the number of proxies so the client's own address is used.
AXES_ENABLED = env_bool("KOERS_LOGIN_THROTTLE", True)
AXES_FAILURE_LIMIT = int(os.environ.get("KOERS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("KOERS_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# The attempts hold other organisations' officials' addresses: not for a beheerder's admin.
AXES_ENABLE_ADMIN = False
PROXY_COUNT = int(os.environ.get("KOERS_PROXY_COUNT", "0"))
# One reading of the client's address for the throttle, the audit trail and the rate limits.
AXES_CLIENT_IP_CALLABLE = "koers.core.http.client_address"

# Two-factor sign-in (koers.accounts.two_factor): required for the roles in
# koers.accounts.roles.TWO_FACTOR_ROLES. Only a demo may waive the requirement, and every
# page then says so; production settings refuse the waiver.
TWO_FACTOR_WAIVED = env_bool("KOERS_TWO_FACTOR_WAIVED", False)
refuse_two_factor_waiver_outside_demo(waived=TWO_FACTOR_WAIVED, demo=DEMO_MODE)
OTP_TOTP_ISSUER = "Koers"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Changing the password, the second factor or anyone's roles needs an authentication no
# older than this (koers.accounts.reauth).
REAUTHENTICATION_AGE = int(os.environ.get("KOERS_REAUTH_MINUTES", "5")) * 60

LANGUAGE_CODE = os.environ.get("KOERS_LANGUAGE", "nl")
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# One way to write dates, timestamps and amounts per language (see koers.core.formats).
FORMAT_MODULE_PATH = ["koers.core.formats"]
TIME_ZONE = os.environ.get("KOERS_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("KOERS_STATIC_ROOT", DATA_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("KOERS_MEDIA_ROOT", DATA_DIR / "media"))
# Backups are encrypted and authenticated with a key that is never in the archive: the keys
# in KOERS_BACKUP_KEY (comma-separated; the first encrypts, all are tried to read), else those
# in the key file, which the first backup creates (koers.core.backup.keys).
BACKUP_KEYS = os.environ.get("KOERS_BACKUP_KEY", "")
BACKUP_KEY_FILE = Path(os.environ.get("KOERS_BACKUP_KEY_FILE", DATA_DIR / "backup.key"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Evidence uploads: documents only, within a size limit (see koers.core.uploads).
MAX_UPLOAD_MB = int(os.environ.get("KOERS_MAX_UPLOAD_MB", "10"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploaded evidence is personal data: readable by Koers's own user only, whatever the umask.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

HTTPS = env_bool("KOERS_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions end after 30 minutes without activity and in any case after 10 hours
# (koers.accounts.session_limits); the cookie itself lasts no longer.
SESSION_IDLE_TIMEOUT = int(os.environ.get("KOERS_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_ABSOLUTE_LIFETIME = int(os.environ.get("KOERS_SESSION_MAX_HOURS", "10")) * 60 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME

# Retention (koers.privacy.services.retention_enforce, run daily by the task worker).
# The atlas of initiatives (koers.atlas). An entry nobody confirmed for this many months
# shows as stale. The background map: PDOK's BRT achtergrondkaart (grey) by default; an empty
# URL draws the boundaries and markers without tiles. The public pages are opt-in.
ATLAS_STALE_MONTHS = int(os.environ.get("KOERS_ATLAS_STALE_MONTHS", "12"))
# How long an initiative's contact may use her personal confirmation link.
ATLAS_CONFIRMATION_DAYS = int(os.environ.get("KOERS_ATLAS_CONFIRMATION_DAYS", "30"))
MAP_TILE_URL = os.environ.get(
    "KOERS_MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png",
)
MAP_TILE_ATTRIBUTION = os.environ.get("KOERS_MAP_TILE_ATTRIBUTION", "Kaartgegevens © Kadaster")


def tile_origin(url: str) -> str:
    """The origin the map tiles come from, for the CSP's img-src ("" without tiles); a
    subdomain placeholder ({s}.tile.example.org) becomes a wildcard."""
    parts = urlsplit(url)
    if not (parts.scheme in ("http", "https") and parts.netloc):
        return ""
    host = re.sub(r"\{[a-z]+\}", "*", parts.netloc)
    return f"{parts.scheme}://{host}"


MAP_TILE_ORIGIN = tile_origin(MAP_TILE_URL)
PUBLIC_ATLAS = env_bool("KOERS_PUBLIC_ATLAS", False)
PUBLIC_SPINNENWEB = env_bool("KOERS_PUBLIC_SPINNENWEB", False)
# Whose atlas the public pages show (an organisation's slug); empty: the one organisation
# that keeps initiatives (koers.atlas.public.holder). A resident's contact request is
# removed this many days after she made it.
PUBLIC_ATLAS_HOLDER = os.environ.get("KOERS_PUBLIC_ATLAS_HOLDER", "")
ATLAS_CONTACT_RETENTION_DAYS = int(os.environ.get("KOERS_ATLAS_CONTACT_RETENTION_DAYS", "183"))
# Signals (koers.signals). The municipalities a signal may be about: province codes and
# municipality codes, comma-separated (Flevoland, and 't Gooi for OCO Wlz).
SIGNALS_REGION = os.environ.get(
    "KOERS_SIGNALS_REGION", "PV24,GM0376,GM0402,GM0406,GM0417,GM1696,GM1942"
).split(",")
# What scrubs free text before it is saved: "deduce" (the Dutch de-identifier, about 1 GB
# per process, loaded once) with our rules, or "rules" alone for a small server.
SIGNALS_SCRUBBER = os.environ.get("KOERS_SIGNALS_SCRUBBER", "deduce")
# A count of signals below this is shown as "< 5" in every figure.
SIGNALS_SMALL_COUNT = int(os.environ.get("KOERS_SIGNALS_SMALL_COUNT", "5"))
# The public signal form (no account): off unless the installation opts in; whose signals
# it collects (an organisation's slug; empty: the one organisation that keeps signals).
PUBLIC_SIGNAL_FORM = env_bool("KOERS_PUBLIC_SIGNAL_FORM", False)
SIGNALS_PUBLIC_HOLDER = os.environ.get("KOERS_SIGNALS_PUBLIC_HOLDER", "")
# How long a resident's contact details for hearing back are kept (days).
SIGNALS_CONTACT_DAYS = int(os.environ.get("KOERS_SIGNALS_CONTACT_DAYS", "180"))
# The classifier: labelled signals needed per category before it suggests, and the
# confidence below which it suggests the main category only.
SIGNALS_MIN_PER_CATEGORY = int(os.environ.get("KOERS_SIGNALS_MIN_PER_CATEGORY", "10"))
# The analysis says there are too few signals to say anything about a theme in a
# municipality when fewer than this came in over the last four quarters.
SIGNALS_ENOUGH_FOR_ANALYSIS = int(os.environ.get("KOERS_SIGNALS_ENOUGH_FOR_ANALYSIS", "20"))
SIGNALS_SUGGESTION_THRESHOLD = float(os.environ.get("KOERS_SIGNALS_SUGGESTION_THRESHOLD", "0.6"))

# Matching (koers.matching.engine): proposals made to a candidate in this many days weigh
# against proposing her again (the fairness term of the score).
MATCHING_FAIRNESS_DAYS = int(os.environ.get("KOERS_MATCHING_FAIRNESS_DAYS", "30"))

# Matching (koers.matching): the pool page's targets of available candidates per role
# ("verzorgende=10,verpleegkundige=10", the plan of 2021), and after how many weeks without
# a conversation a candidate is on the call-back list.
MATCHING_POOL_TARGETS = os.environ.get(
    "KOERS_MATCHING_POOL_TARGETS", "verzorgende=10,verpleegkundige=10"
)
MATCHING_CALLBACK_WEEKS = int(os.environ.get("KOERS_MATCHING_CALLBACK_WEEKS", "8"))
# Extra hands (koers.matching), the public side. The sign-up form is opt-in per
# installation; its candidates go to the pool of the organisation named by its slug (empty:
# the one organisation that keeps a pool). An unconfirmed sign-up is removed after
# MATCHING_SIGNUP_DAYS; a re-engagement link works for MATCHING_INVITE_DAYS.
PUBLIC_MATCHING_SIGNUP = env_bool("KOERS_PUBLIC_MATCHING_SIGNUP", False)
MATCHING_SIGNUP_HOLDER = os.environ.get("KOERS_MATCHING_SIGNUP_HOLDER", "")
MATCHING_SIGNUP_DAYS = int(os.environ.get("KOERS_MATCHING_SIGNUP_DAYS", "7"))
MATCHING_INVITE_DAYS = int(os.environ.get("KOERS_MATCHING_INVITE_DAYS", "30"))

# Matching's placements (koers.matching.placements): how long the follow-up link asking
# both sides whether a placement happened works (once); the address its mails link to when
# the daily job sends them (no request to take it from).
MATCHING_FOLLOW_UP_DAYS = int(os.environ.get("KOERS_MATCHING_FOLLOW_UP_DAYS", "30"))
SITE_URL = os.environ.get("KOERS_SITE_URL", "http://localhost:8000").rstrip("/")

PERSON_RETENTION_YEARS = int(os.environ.get("KOERS_PERSON_RETENTION_YEARS", "2"))
ACCESS_LOG_RETENTION_YEARS = int(os.environ.get("KOERS_ACCESS_LOG_RETENTION_YEARS", "5"))
SIGN_IN_LOG_RETENTION_DAYS = int(os.environ.get("KOERS_SIGN_IN_LOG_RETENTION_DAYS", "90"))
# The worker's records of finished tasks (arguments, result, error): kept to find out what
# went wrong, then removed by the nightly retention run.
TASK_RESULT_RETENTION_DAYS = int(os.environ.get("KOERS_TASK_RESULT_RETENTION_DAYS", "30"))
# The read-only API (koers.api, docs/api.md): calls per key per minute, how long its call
# log is kept, and the longest a key may live.
API_RATE_LIMIT = int(os.environ.get("KOERS_API_RATE_LIMIT", "120"))
API_LOG_RETENTION_DAYS = int(os.environ.get("KOERS_API_LOG_RETENTION_DAYS", "365"))
API_TOKEN_MAX_DAYS = int(os.environ.get("KOERS_API_TOKEN_MAX_DAYS", "365"))
# Open data (koers.api.open_data, docs/api.md): off until an installation opts in; the
# licence and source its files state, and the smallest count published (smaller: hidden).
OPEN_DATA = env_bool("KOERS_OPEN_DATA", False)
OPEN_DATA_LICENCE = os.environ.get("KOERS_OPEN_DATA_LICENCE", "CC BY 4.0")
OPEN_DATA_SOURCE = os.environ.get("KOERS_OPEN_DATA_SOURCE", "Koers")
OPEN_DATA_MIN_COUNT = int(os.environ.get("KOERS_OPEN_DATA_MIN_COUNT", "5"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A load balancer probes the health check over plain HTTP behind the proxy that terminates
# TLS: a redirect would mark every app server down. Nothing else is exempt (the calendar
# feed's address carries its secret, which must not travel in plain text).
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("KOERS_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("KOERS_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: everything from our own origin, no inline script or style, no
# framing. htmx is configured (base.html) not to inject styles or evaluate code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The background map's tiles (MAP_TILE_URL) are images from the tile server.
        "img-src": [SELF, "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

EMAIL_HOST = os.environ.get("KOERS_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("KOERS_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("KOERS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("KOERS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("KOERS_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("KOERS_FROM_EMAIL", "Koers <koers@localhost>")

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("KOERS_TASKS", "database") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("KOERS_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Failed sign-ins are kept in the database (axes' access attempts) anyway.
        "axes": {"level": "WARNING"},
        # WeasyPrint (the PDFs) logs a line for every page it lays out.
        "weasyprint.progress": {"level": "WARNING"},
    },
}
