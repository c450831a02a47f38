"""Roundtable settings: one module, driven by the environment.

With nothing set, Roundtable runs the embedded default (DEBUG on, SQLite, local memory
cache, database task queue, mail printed to the console). Production differs only in its
environment; every variable is documented in `.env.example`.
"""

from pathlib import Path

import environ
from django.conf import locale as django_locale
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from roundtable.core.redis_urls import database_of, queue_url_for

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local `.env` is a convenience for development; real deployments set the environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Outside debug mode Roundtable refuses to start without one: "
            "set SECRET_KEY in the environment (for example with "
            '`python -c "import secrets; print(secrets.token_urlsafe(50))"`).'
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Roundtable capabilities (listed first so their templates override the libraries').
    "roundtable.core",
    "roundtable.accounts",
    "roundtable.content",
    "roundtable.news",
    "roundtable.library",
    "roundtable.search",
    "roundtable.glossary",
    "roundtable.notifications",
    "roundtable.translations",
    "roundtable.forum",
    # Wagtail and translation workflow
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background tasks
    "django_tasks",
    "django_tasks_db",
    # Helpers
    "django_countries",
    "django_htmx",
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # /healthz first: load balancers probe it over plain HTTP by IP address, before the
    # HTTPS redirect and the ALLOWED_HOSTS check could turn the probe away.
    "roundtable.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads request.GET: control characters never reach a view.
    "roundtable.core.middleware.CleanQueryParametersMiddleware",
    "roundtable.core.middleware.ContentSecurityPolicyMiddleware",
    "roundtable.core.middleware.PrivateCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "roundtable.core.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Members-only links opened while logged out: the login page, then back (core.access).
    "roundtable.core.access.SignInRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "roundtable.accounts.middleware.StaffMfaRequiredMiddleware",
    "roundtable.accounts.middleware.ConductAcceptanceMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "roundtable.urls"
WSGI_APPLICATION = "roundtable.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "roundtable" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "roundtable.core.context_processors.site_chrome",
                "roundtable.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes; a busy timeout
    # makes the second writer wait instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# The queue lives in its own Redis database (by default the cache's number + 1): clearing the
# cache (FLUSHDB) must never drop queued jobs.
REDIS_QUEUE_URL = env.str("REDIS_QUEUE_URL", default="") or (
    queue_url_for(REDIS_URL) if REDIS_URL else ""
)
if REDIS_URL and database_of(REDIS_QUEUE_URL) == database_of(REDIS_URL):
    raise ImproperlyConfigured(
        "REDIS_QUEUE_URL uses the same Redis database as REDIS_URL: clearing the cache would "
        "drop every queued task. Give the queue another database number."
    )
# The cache holds the rate-limit counters, so every web process must share it: Redis when
# there is one, else a database table (created by `migrate`). A per-process cache is only
# for development (the deploy check warns about it).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "roundtable",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
elif not DEBUG:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "roundtable_cache",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work. Wagtail 8 updates its search index through django-tasks, so a worker
# must run (`manage.py run_worker`, started by `make run`).
if REDIS_URL:
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_QUEUE_URL, "DEFAULT_TIMEOUT": 600}}
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Workers write a heartbeat row at least this often (seconds), also when idle; /healthz
# counts a worker as gone once its row is older than WORKER_HEARTBEAT_MAX_AGE.
WORKER_HEARTBEAT_INTERVAL = env.int("WORKER_HEARTBEAT_INTERVAL", default=10)
WORKER_HEARTBEAT_MAX_AGE = env.int("WORKER_HEARTBEAT_MAX_AGE", default=45)
# Seconds a task may wait in the queue before /healthz calls the queue degraded.
TASK_QUEUE_MAX_AGE = env.int("TASK_QUEUE_MAX_AGE", default=300)

# --- Authentication (django-allauth) --------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "roundtable.accounts.validators.SiteNamePasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile_edit"
ACCOUNT_ADAPTER = "roundtable.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Roundtable] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"
# Attempts per period; the cache holds the counters (Redis at scale, so limits are shared
# by every web process).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Behind a reverse proxy every request comes from the proxy's address: the limits above
# would count all clients as one, and one attacker could lock everyone out. Set the number
# of proxies in front of Roundtable (allauth then reads the client from X-Forwarded-For),
# or the header a proxy puts the client's address in (X-Real-IP, CF-Connecting-IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="") or None
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Roundtable"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"

# --- Languages ----------------------------------------------------------------------

# Montenegrin (ISO 639-3 "cnr") and Romani are unknown to Django: register them so that
# language names, `get_language_info` and the locale middleware accept them.
django_locale.LANG_INFO.setdefault(
    "cnr", {"bidi": False, "code": "cnr", "name": "Montenegrin", "name_local": "crnogorski"}
)
django_locale.LANG_INFO.setdefault(
    "rom", {"bidi": False, "code": "rom", "name": "Romani", "name_local": "romani čhib"}
)

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("hr", _("Croatian")),
    ("sr-latn", _("Serbian Latin")),
    ("cnr", _("Montenegrin")),
    ("bs", _("Bosnian")),
    ("mk", _("Macedonian")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
    ("hu", _("Hungarian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["roundtable.formats"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Belgrade"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "Roundtable"
# django.contrib.sites: allauth's e-mails name the site ("Hello from Roundtable!") and link
# to its domain; a post_migrate handler in roundtable.core keeps this Site in step with
# SITE_URL and WAGTAIL_SITE_NAME.
SITE_ID = 1
WAGTAILADMIN_BASE_URL = SITE_URL
# Machine translation in the translation editor: off unless a LibreTranslate server (for
# example a self-hosted one) is configured. Its output is marked as machine-translated and
# counts as unreviewed on the translation dashboard until a person edits it.
MACHINE_TRANSLATION_URL = env.str("MACHINE_TRANSLATION_URL", default="")
if MACHINE_TRANSLATION_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": MACHINE_TRANSLATION_URL,
            "API_KEY": env.str("MACHINE_TRANSLATION_API_KEY", default=""),
        },
    }
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail refuses larger images with its own message before Pillow's bomb limit
# (core.uploads.IMAGE_MAX_PIXELS, 40 megapixels) would stop them with a bare error.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# The countries members work in. Kosovo has no ISO 3166 code yet: "XK" is the code in use.
COUNTRIES_ONLY = [
    "AL", ("XK", _("Kosovo")), "ME", "RS", "BA", "HR", "MK", "MD", "RO", "BG", "HU", "SI", "GR", "TR",
    "UA", "AT", "DE", "IT", "CH", "NL", "GB", "FR", "BE",
]  # fmt: skip

# --- Static files and media --------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Public media (avatars, editors' images) are served by Django itself unless a web server in
# front (nginx: `location /media/ { alias /srv/roundtable/media/; }`) does it: set false then.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names and pre-compressed copies, served by whitenoise with far-future caching.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
AVATAR_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
LIBRARY_MAX_UPLOAD_SIZE = env.int("LIBRARY_MAX_UPLOAD_SIZE", default=25 * 1024 * 1024)
# Forum attachments may belong to members-only threads: they live outside MEDIA_ROOT and are
# served only by a view that checks who is asking.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
FORUM_MAX_ATTACHMENT_SIZE = env.int("FORUM_MAX_ATTACHMENT_SIZE", default=5 * 1024 * 1024)
FORUM_MAX_ATTACHMENTS = 4
# Posts a member may write per ten minutes, and reports per hour.
FORUM_POSTS_PER_10_MINUTES = env.int("FORUM_POSTS_PER_10_MINUTES", default=8)
FORUM_REPORTS_PER_HOUR = env.int("FORUM_REPORTS_PER_HOUR", default=10)
# A member's posts wait for a moderator until this many have been approved.
FORUM_POSTS_BEFORE_TRUSTED = env.int("FORUM_POSTS_BEFORE_TRUSTED", default=2)
# Posts older than this count as read for everyone (no unread marks on old threads).
FORUM_READ_CUTOFF_DAYS = env.int("FORUM_READ_CUTOFF_DAYS", default=90)
# Hour (UTC) at which the daily forum digest is mailed.
FORUM_DIGEST_HOUR = env.int("FORUM_DIGEST_HOUR", default=6)
# Library uploads are streamed to disk past this size rather than held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email -------------------------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Roundtable <noreply@roundtable.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ----------------------------------------------------------------------------

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# DENY everywhere; the Wagtail admin's preview frame is allowed by the admin's own
# Content-Security-Policy (frame-ancestors 'self'), which browsers apply instead.
X_FRAME_OPTIONS = "DENY"

# Public pages: no inline script, no third-party origin. Every asset is served from here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# The Wagtail admin still relies on inline scripts and styles and frames its own preview.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Wagtail logs every page action at INFO; the demo loader would flood the terminal.
    "loggers": {"wagtail": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}
