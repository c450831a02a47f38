"""Health of the services Roundtable depends on, for /healthz and monitoring."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def check_cache() -> dict:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": ok, "backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def check_workers(backend_name: str) -> dict:
    """Workers whose heartbeat row is fresh. The immediate backend (tests) needs none."""
    from roundtable.core.models import WorkerHeartbeat

    max_age = settings.WORKER_HEARTBEAT_MAX_AGE
    now = timezone.now()
    ages = {
        name: int((now - seen).total_seconds())
        for name, seen in WorkerHeartbeat.objects.filter(backend=backend_name).values_list(
            "name", "last_seen_at"
        )
    }
    alive = {name: age for name, age in ages.items() if age <= max_age}
    # Workers that stopped beating (killed, or the machine went away) stay listed for a day.
    gone = {name: age for name, age in ages.items() if age > max_age}
    return {"alive": len(alive), "last_seen_seconds": alive, "silent_seconds": gone}


def check_task_queue() -> dict:
    """Is the queue reachable, is a worker alive, and is it emptying the queue?

    A worker is alive while its heartbeat (written by `manage.py run_worker`, see
    core/workers.py) is younger than WORKER_HEARTBEAT_MAX_AGE. A task still waiting after
    TASK_QUEUE_MAX_AGE seconds means the workers do not keep up.
    """
    backend_name = type(task_backends[DEFAULT_TASK_BACKEND_ALIAS]).__name__
    result: dict = {"backend": backend_name}
    try:
        if backend_name == "DatabaseBackend":
            from django_tasks_db.models import DBTaskResult

            waiting = DBTaskResult.objects.ready()
            oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
            result["waiting"] = waiting.count()
            age = (timezone.now() - oldest) if oldest else timedelta(0)
        elif backend_name == "RQBackend":
            import django_rq

            queue = django_rq.get_queue("default")
            result["waiting"] = queue.count
            oldest_job = queue.get_jobs(0, 0)
            enqueued = oldest_job[0].enqueued_at if oldest_job else None
            age = (timezone.now() - enqueued) if enqueued else timedelta(0)
        else:
            # The immediate backend (tests) runs tasks inline: nothing can queue up.
            result["ok"] = True
            return result
        result["oldest_waiting_seconds"] = max(0, int(age.total_seconds()))
        result["workers"] = check_workers(backend_name)
        result["ok"] = (
            result["workers"]["alive"] > 0 and age.total_seconds() <= settings.TASK_QUEUE_MAX_AGE
        )
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "backend": backend_name, "error": exc.__class__.__name__}
    return result


def health_report() -> dict:
    checks = {
        "database": check_database(),
        "cache": check_cache(),
        "task_queue": check_task_queue(),
    }
    return {"ok": all(c["ok"] for c in checks.values()), "checks": checks}
