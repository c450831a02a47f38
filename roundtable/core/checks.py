"""System checks for a production deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs) -> list[Warning]:
    """Rate-limit counters live in the cache: a per-process cache gives each web worker its
    own counters, so N workers allow N times the attempts."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is private to each process: "
            "every web worker keeps its own rate-limit counters.",
            hint="Set REDIS_URL, or use the database cache (the default with DEBUG=false).",
            id="roundtable.W001",
        )
    ]
