"""`manage.py bench`: page latency with realistic data volumes, in a throw-away database.

Each capability contributes a `bench.py` with `populate(scale=...)`, `login(client)` and `CASES`, a list of
(label, url) pairs. The command builds a test database, fills it, requests each URL
repeatedly and reports p50/p95 latency and the number of SQL queries.
"""

import statistics
import time
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import (
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)
from tqdm import tqdm


def _bench_modules():
    for config in apps.get_app_configs():
        if config.name.startswith("roundtable."):
            try:
                yield import_module(f"{config.name}.bench")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.bench":
                    raise


class Command(BaseCommand):
    help = "Measure page latency (p50/p95) and query counts with realistic data volumes."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10_000, help="rows per capability")
        parser.add_argument("--repeat", type=int, default=50, help="requests per URL")
        parser.add_argument(
            "--only", default="", help="comma-separated apps to measure (e.g. library,news)"
        )

    def handle(self, *args, scale: int, repeat: int, only: str, **options) -> None:
        wanted = {name.strip() for name in only.split(",") if name.strip()}
        setup_test_environment()
        old_config = setup_databases(verbosity=0, interactive=False)
        try:
            self.stdout.write(
                f"Database: {connection.vendor}, scale {scale:,}, {repeat} requests per URL"
            )
            for module in _bench_modules():
                if wanted and module.__name__.split(".")[1] not in wanted:
                    continue
                module.populate(scale=scale)
                if connection.vendor == "postgresql":
                    # Fresh statistics, as autovacuum would have gathered in production:
                    # without them the planner guesses after a bulk load.
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                client = Client()
                module.login(client)
                for label, url in tqdm(module.CASES, desc=module.__name__, unit="url"):
                    self._measure(client, label, url, repeat)
        finally:
            teardown_databases(old_config, verbosity=0)
            teardown_test_environment()

    def _measure(self, client: Client, label: str, url: str, repeat: int) -> None:
        start = time.perf_counter()
        client.get(url)  # the first request fills caches (templates, locales, search facets)
        first = (time.perf_counter() - start) * 1000
        timings = []
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            query_count = len(queries.captured_queries)
        for _ in range(repeat):
            reset_queries()
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise CommandError(f"{url} answered HTTP {response.status_code}, not 200")
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        self.stdout.write(
            f"  {label:<45} first {first:7.1f} ms   p50 {statistics.median(timings):7.1f} ms   "
            f"p95 {p95:7.1f} ms   {query_count} queries"
        )
