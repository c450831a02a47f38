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


def for_test_worker(url: str, worker: str) -> str:
    """The URL a pytest-xdist worker (`gw0`, `gw1`, …) uses instead: database number + 2 × n.

    Each worker empties the cache and the queue between tests, so two workers must never
    share either: worker n takes the pair of databases after worker n − 1's."""
    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    path = parts.path.strip("/")
    database = (int(path) if path else 0) + 2 * int(worker[2:])
    if database >= REDIS_DATABASES:
        raise ValueError(f"Test worker {worker} would need Redis database {database}.")
    return urlunsplit(parts._replace(path=f"/{database}"))
