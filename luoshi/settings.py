"""luoshi settings: one module, driven by environment variables.

Every variable is documented in docs/configuration.md. Defaults give a local
demo on SQLite; production must set SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
import secrets
import warnings
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LUOSHI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production needs a long random SECRET_KEY in the "
            "environment; the local demo (DEBUG=true) generates one under var/."
        )
    # Local demo: generate once and keep it, so sessions survive restarts.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "luoshi.ui",
    "luoshi.orgs",
    "luoshi.jobs",
    "luoshi.plans",
    "luoshi.reporting",
    "luoshi.ledgers",
    "luoshi.excel",
    "luoshi.api",
    "luoshi.dashboards",
    "luoshi.notices",
    "luoshi.bulletins",
    "luoshi.ops",
    "luoshi.demo",
]

# Work that leaves the request (django-tasks). The database backend needs nothing more
# than the database: `luoshi db_worker` runs the queue. Larger installations use Redis
# through django-tasks-rq (docs/deploy.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("LUOSHI_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# The Redis queue of larger installations (docs/deploy.md): django-tasks-rq and django-rq
# are installed there, and `luoshi rqworker default` runs the queue. Its worker must build
# django-tasks' own job class, or no task can run (tests/dashboards/test_rq_backend.py).
RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
RQ = {"JOB_CLASS": "django_tasks_rq.backend.Job"}
if TASKS["default"]["BACKEND"].startswith("django_tasks_rq."):
    INSTALLED_APPS.append("django_rq")
# Daily jobs that `luoshi scheduler` enqueues (each takes the day, ISO).
PERIODIC_TASKS = {
    "refresh-evaluations": "luoshi.dashboards.tasks.refresh_all",
    "remind": "luoshi.notices.tasks.remind_daily",
    "prune-jobs": "luoshi.jobs.tasks.prune_daily",
}
# Background jobs (我的任务) that ended more than this many days ago are deleted daily.
JOBS_KEEP_DAYS = max(1, int(os.environ.get("JOBS_KEEP_DAYS", "30")))

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "luoshi.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "luoshi.middleware.CleanTextMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it inspects the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "luoshi.urls"
WSGI_APPLICATION = "luoshi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "luoshi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "luoshi.reporting.context.menu",
                "luoshi.notices.context.bell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'luoshi.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The SQLite demo under parallel writes (docs/deploy.md): write-ahead logging lets
    # readers go on while one person writes; IMMEDIATE takes the write lock when a
    # transaction begins, so two writers queue instead of deadlocking on the upgrade
    # from reading to writing (which SQLite answers at once with "database is locked");
    # `timeout` is how long, in seconds, a writer waits in that queue.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "orgs.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out account is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Repeated failed sign-ins lock the username from that address for a while.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "luoshi" / "locale"]
# Dates in forms are ISO in every language (date inputs show nothing else).
FORMAT_MODULE_PATH = ["luoshi.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "luoshi" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
# Serve static files straight from the app directories when not collected (local demo, tests).
WHITENOISE_USE_FINDERS = True

# Cookies and transport. Outside debug, cookies travel only over HTTPS.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))

# Only our own files: no CDN, no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "luoshi@localhost")
# Webhooks (企业微信 / 钉钉 group robots, docs/configuration.md): the site's address for
# links in messages, and the bounds of one POST.
LUOSHI_SITE_URL = os.environ.get("LUOSHI_SITE_URL", "")
LUOSHI_WEBHOOK_TIMEOUT = float(os.environ.get("LUOSHI_WEBHOOK_TIMEOUT", "5"))
LUOSHI_WEBHOOK_MAX_RESPONSE = int(os.environ.get("LUOSHI_WEBHOOK_MAX_RESPONSE", "65536"))

# A fixed "today" for the demo city and training copies (luoshi/clock.py).
LUOSHI_TODAY = (
    date.fromisoformat(os.environ["LUOSHI_TODAY"]) if os.environ.get("LUOSHI_TODAY") else None
)
# Evidence files attached to reports.
EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_MB", "10")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded workbooks and documents (docs/configuration.md): what a zip package may unpack
# to, and how much of a sheet is read. The defaults take a 100,000-row register.
UPLOAD_MAX_UNPACKED_BYTES = int(os.environ.get("UPLOAD_MAX_UNPACKED_MB", "200")) * 1024 * 1024
UPLOAD_MAX_RATIO = float(os.environ.get("UPLOAD_MAX_RATIO", "100"))
UPLOAD_MAX_ROWS = int(os.environ.get("UPLOAD_MAX_ROWS", "200000"))
UPLOAD_MAX_CELLS = int(os.environ.get("UPLOAD_MAX_CELLS", "6000000"))
# Ledger imports of files up to this size run in the request; larger ones, and exports of
# more rows than the next figure, run as background jobs with a progress bar (我的任务).
IMPORT_IN_REQUEST_MAX_BYTES = int(os.environ.get("IMPORT_IN_REQUEST_MAX_KB", "64")) * 1024
EXPORT_IN_REQUEST_MAX_ROWS = int(os.environ.get("EXPORT_IN_REQUEST_MAX_ROWS", "20000"))
# A bulletin draft of a plan of more targets than this is written by the worker (about 2 s
# for a city-size plan); a smaller plan's in the request (luoshi.bulletins.drafting).
BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS = int(
    os.environ.get("BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS", "2000")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# WhiteNoise warns when STATIC_ROOT has not been collected yet; the local demo and
# the tests serve static files through the finders instead, so the warning is noise.
warnings.filterwarnings("ignore", message="No directory at")
