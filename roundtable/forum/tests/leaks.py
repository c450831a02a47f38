"""Where could a copy of a text survive? Every stored text, read back and searched.

`find_everywhere(needles)` reads every column of every table of the default database
(on SQLite also the FTS5 index's own tables, whose blobs hold the indexed words; on
PostgreSQL each row cast to text, generated `tsvector` columns included), every value in
every configured cache (local memory or Redis), and, when the RQ queue is installed, every
key of its Redis database. It returns where each needle was found, so a test can say
"nowhere" without listing the places by hand: a table added later is searched too.
"""

import pickle
import zlib

from django.conf import settings
from django.core.cache import caches
from django.db import connection

from roundtable.core.text import fold


def _texts(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        found = [raw.decode("latin-1")]
        for attempt in (pickle.loads, lambda data: zlib.decompress(data).decode("latin-1")):
            try:
                found.append(repr(attempt(raw)))
            except Exception:  # noqa: S112 - not that encoding; the raw bytes are searched
                continue
        return found
    return [str(value)]


def _database_rows():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = [row[0] for row in cursor.fetchall()]
            for table in tables:
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
                for row in cursor.fetchall():
                    yield table, row
        else:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
            tables = [row[0] for row in cursor.fetchall()]
            for table in tables:
                cursor.execute(f'SELECT t::text FROM "{table}" AS t')  # noqa: S608
                for row in cursor.fetchall():
                    yield table, row


def _cache_values():
    for alias in settings.CACHES:
        backend = caches[alias]
        store = getattr(backend, "_cache", None)
        if isinstance(store, dict):  # LocMemCache: pickled values by key
            for key, value in list(store.items()):
                yield f"cache:{alias}", (key, value)
        elif hasattr(store, "get_client"):  # RedisCache
            client = store.get_client(write=False)
            for key in client.scan_iter(count=1000):
                yield f"cache:{alias}", (key, *_redis_values(client, key))


def _redis_values(client, key) -> list:
    kind = client.type(key)
    kind = kind.decode() if isinstance(kind, bytes) else kind
    if kind == "string":
        return [client.get(key)]
    if kind == "hash":
        return [item for pair in client.hgetall(key).items() for item in pair]
    if kind in {"list"}:
        return client.lrange(key, 0, -1)
    if kind in {"set"}:
        return list(client.smembers(key))
    if kind == "zset":
        return [member for member, _score in client.zrange(key, 0, -1, withscores=True)]
    return []


def _queue_values():
    if "django_rq" not in settings.INSTALLED_APPS:
        return
    import django_rq

    for name in getattr(settings, "RQ_QUEUES", {}):
        client = django_rq.get_connection(name)
        for key in client.scan_iter(count=1000):
            yield f"rq:{name}", (key, *_redis_values(client, key))


def find_everywhere(needles: list[str]) -> dict[str, set[str]]:
    """{needle: {places it was found}} for every needle found anywhere; {} when none was.
    Needles are matched without regard to case, and also in folded form (the search
    index keeps folded words)."""
    wanted = {needle: {needle.lower(), fold(needle)} for needle in needles}
    found: dict[str, set[str]] = {}
    for sources in (_database_rows(), _cache_values(), _queue_values()):
        for place, values in sources or ():
            for value in values:
                for text in _texts(value):
                    lowered = text.lower()
                    for needle, forms in wanted.items():
                        if any(form in lowered for form in forms):
                            found.setdefault(needle, set()).add(place)
    return found
