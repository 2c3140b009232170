"""Kuulo's one settings module, configured by environment variables.

Nothing else in the code base reads the environment. See the configuration
table in README.md for every variable.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("KUULO_DATA_DIR", BASE_DIR / "data"))
PRODUCTION = env_bool("KUULO_PRODUCTION", False)
DEBUG = env_bool("KUULO_DEBUG", not PRODUCTION)


def _secret_key() -> str:
    """In production the key must come from the environment; elsewhere one is
    generated once and kept in the data folder so sessions survive restarts."""
    key = os.environ.get("KUULO_SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise RuntimeError("KUULO_SECRET_KEY must be set when KUULO_PRODUCTION is on.")
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
# Encrypts secrets stored in the database (kuulo/lib/secrets.py); empty: derived from SECRET_KEY.
KUULO_FIELD_KEY = os.environ.get("KUULO_FIELD_KEY", "")
KUULO_FIELD_KEYS_OLD = env_list("KUULO_FIELD_KEYS_OLD", [])
# Where people reach Kuulo: links in e-mails (sent by the task worker, outside any request) start with it.
KUULO_SITE_URL = os.environ.get("KUULO_SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("KUULO_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("KUULO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "csp",
    "ninja",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "kuulo.lib",
    "kuulo.accounts",
    "kuulo.organisation",
    "kuulo.audit",
    "kuulo.traceability",
    "kuulo.metrics",
    "kuulo.surveys",
    "kuulo.feedback",
    "kuulo.api",
    "kuulo.dashboards",
    "kuulo.comments",
    "kuulo.insights",
    "kuulo.exports",
    "kuulo.backlog",
    "kuulo.board",
    "kuulo.effects",
    "kuulo.plans",
    "kuulo.journeys",
    "kuulo.playbook",
    "kuulo.selfassessment",
    "kuulo.effectmaps",
    "kuulo.integrations",
    "kuulo.alerts",
    "kuulo.savedviews",
    "kuulo.notifications",
    "kuulo.accessibility",
    "kuulo.panel",
    "kuulo.games",
    "kuulo.network",
    "kuulo.privacy",
    "kuulo.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "kuulo.lib.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kuulo.network.middleware.GuestScopeMiddleware",
    "kuulo.audit.log.CurrentRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "kuulo.lib.observability.MetricsMiddleware",
]

ROOT_URLCONF = "kuulo.urls"
WSGI_APPLICATION = "kuulo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kuulo" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
FORM_RENDERER = "kuulo.lib.forms.KuuloFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'kuulo.sqlite3'}",
        conn_max_age=int(os.environ.get("KUULO_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=env_bool("KUULO_DB_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and one writer work side by side; busy_timeout waits for the lock.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
# Password sign-in can be turned off where everyone signs in through single sign-on.
KUULO_PASSWORD_LOGIN = os.environ.get("KUULO_PASSWORD_LOGIN", "1") != "0"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *(["django.contrib.auth.backends.ModelBackend"] if KUULO_PASSWORD_LOGIN else []),
    "kuulo.accounts.oidc.KuuloOIDCBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "organisation:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Single sign-on with OpenID Connect (mozilla-django-oidc), in use when a client id is set;
# docs/sso.md gives the values for Entra ID and Keycloak. `manage.py oidc_endpoints ISSUER`
# prints the endpoint variables from the provider's discovery document.
OIDC_RP_CLIENT_ID = os.environ.get("KUULO_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("KUULO_OIDC_CLIENT_SECRET", "")
KUULO_OIDC_ISSUER = os.environ.get("KUULO_OIDC_ISSUER", "")  # subjects are unique within their issuer
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("KUULO_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("KUULO_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("KUULO_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("KUULO_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("KUULO_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("KUULO_OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_CREATE_USER = True
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"
# Groups: "KUULO_OIDC_ADMIN_GROUPS=g1,g2" makes members of those groups organisation admins (and
# others not); "KUULO_OIDC_SERVICE_ROLES=group=service-slug:role;..." gives roles on services.
KUULO_OIDC_GROUPS_CLAIM = os.environ.get("KUULO_OIDC_GROUPS_CLAIM", "groups")
KUULO_OIDC_ADMIN_GROUPS = [group for group in os.environ.get("KUULO_OIDC_ADMIN_GROUPS", "").split(",") if group]


def _service_roles(text: str) -> list[tuple[str, str, str]]:
    roles = []
    for entry in filter(None, (part.strip() for part in text.split(";"))):
        group, _sep, target = entry.rpartition("=")
        slug, _sep, role = target.partition(":")
        if not group or not slug or role not in ("viewer", "team_member", "product_owner"):
            raise ImproperlyConfigured(f"KUULO_OIDC_SERVICE_ROLES: cannot read {entry!r} (group=service-slug:role).")
        roles.append((group, slug, role))
    return roles


KUULO_OIDC_SERVICE_ROLES = _service_roles(os.environ.get("KUULO_OIDC_SERVICE_ROLES", ""))

# Failed logins: after five wrong passwords for one user name, that name must
# wait before it can try again. Client addresses are not recorded.
AXES_FAILURE_LIMIT = int(os.environ.get("KUULO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KUULO_LOGIN_COOLOFF_MINUTES", "5")))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "kuulo.accounts.throttle.no_client_address"
AXES_LOCKOUT_CALLABLE = "kuulo.accounts.throttle.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Per-user lockout is deliberate: it needs no client addresses, which Kuulo does not store.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

LANGUAGE_CODE = os.environ.get("KUULO_LANGUAGE", "fi")
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "kuulo" / "locale"]
LANGUAGE_COOKIE_NAME = "kuulo_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("KUULO_TIME_ZONE", "Europe/Helsinki")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "kuulo" / "static"]
STATIC_ROOT = Path(os.environ.get("KUULO_STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Content-Security-Policy (django-csp): scripts, styles and everything else only from Kuulo itself;
# no inline script or style anywhere (a template that needs one uses request.csp_nonce). The
# widget runs on other sites: docs/collection-channels.md says what their policy must allow.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Style attributes, which cannot run code, are allowed: SortableJS positions what is dragged
        # with them and the journey grid sets its column spans with them. Style elements are not.
        "style-src-attr": ["'unsafe-inline'"],
        "style-src-elem": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Browser features Kuulo never uses, switched off for every page.
KUULO_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
# Outside production WhiteNoise serves the static files straight from the app folders, so the demo
# runs with DEBUG off (real error pages) without a collectstatic step.
WHITENOISE_USE_FINDERS = not PRODUCTION

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 10
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("KUULO_SSL_REDIRECT", True)
    # Health checks and Prometheus come over plain HTTP from inside the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("KUULO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("KUULO_HSTS_PRELOAD", False)

# --- Collecting responses (widget, survey page, API, import) ---
# Rate limits per client (address hashed with a salt that changes daily) and body size limits.
# Background work (comment analysis, long exports) goes through django-tasks. The database
# backend keeps the queue in Kuulo's own database; `manage.py db_worker` runs the tasks.
# KUULO_TASKS=immediate runs each task in the process that enqueues it (no worker needed).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("KUULO_TASKS", "database")]}}

# Behind N reverse proxies that each append to X-Forwarded-For, the client is the Nth address
# from the right; 0 (the default) uses the connection's address and ignores the header, which a
# client could otherwise forge to dodge the rate limits.
KUULO_TRUSTED_PROXIES = int(os.environ.get("KUULO_TRUSTED_PROXIES", "0"))
KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = int(os.environ.get("KUULO_RESPONSES_PER_CLIENT_PER_MINUTE", "20"))
KUULO_MIN_FILL_SECONDS = float(os.environ.get("KUULO_MIN_FILL_SECONDS", "2"))
KUULO_MAX_SINGLE_BODY = 16 * 1024
KUULO_MAX_BATCH_BODY = 1024 * 1024
KUULO_MAX_BATCH_SIZE = 1000
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("KUULO_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))

EMAIL_HOST = os.environ.get("KUULO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("KUULO_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("KUULO_FROM_EMAIL", "kuulo@localhost")

# KUULO_LOG_FORMAT=json writes one JSON object per line (time, level, logger, message, and the
# request's method, path and status where Django logs them) for a log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("KUULO_LOG_FORMAT") == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("KUULO_LOG_LEVEL", "WARNING")},
}
# The jobs `manage.py run_periodic` runs, with their intervals in seconds; each is safe to run again.
KUULO_PERIODIC_JOBS = [
    ("send_reminders", 60 * 60),
    ("purge_exports", 60 * 60),
    ("sync_jira", 5 * 60),
    ("check_alerts", 60 * 60),
    ("remind_accessibility_feedback", 60 * 60),
    ("purge_panel_signups", 60 * 60),
    ("send_games_digest", 60 * 60),  # once a week per person: it remembers the week it last sent
    ("purge_audit", 24 * 60 * 60),
    ("apply_retention", 24 * 60 * 60),
]
# Audit entries older than this many days are deleted by the daily purge_audit job.
KUULO_AUDIT_RETENTION_DAYS = int(os.environ.get("KUULO_AUDIT_RETENTION_DAYS", "730"))
# /metrics is off until this is set; Prometheus then sends it as a bearer token.
KUULO_METRICS_TOKEN = os.environ.get("KUULO_METRICS_TOKEN", "")
