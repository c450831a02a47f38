"""Which Redis database the task queue uses, read by settings.py (no Django imports here)."""

from urllib.parse import urlsplit, urlunsplit

REDIS_DATABASES = 16  # Redis's default `databases`


def queue_url_for(cache_url: str) -> str:
    """The cache's Redis URL with the next database number (the one before, for the last).

    The cache and the queue must never share a database: Django's `RedisCache.clear()` is
    FLUSHDB, and would drop every queued job with the cache.
    """
    parts = urlsplit(cache_url)
    path = parts.path.strip("/")
    database = int(path) if path else 0
    queue_database = database + 1 if database + 1 < REDIS_DATABASES else database - 1
    return urlunsplit(parts._replace(path=f"/{queue_database}"))


def database_of(url: str) -> tuple[str, int]:
    """(server address, database number) of a Redis URL, to tell whether two URLs collide."""
    parts = urlsplit(url)
    path = parts.path.strip("/")
    return (f"{parts.hostname}:{parts.port or 6379}", int(path) if path else 0)
