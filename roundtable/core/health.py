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


def check_task_queue() -> dict:
    """Is the queue reachable, and is a worker emptying it?

    A task still waiting after TASK_QUEUE_MAX_AGE seconds means no worker is running.
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
            result["oldest_waiting_seconds"] = int(age.total_seconds())
            result["ok"] = age.total_seconds() <= settings.TASK_QUEUE_MAX_AGE
        elif backend_name == "RQBackend":
            import django_rq

            queue = django_rq.get_queue("default")
            result["waiting"] = queue.count
            result["workers"] = len(django_rq.get_worker_class().all(queue=queue))
            result["ok"] = True
        else:
            # The immediate backend (tests) runs tasks inline: nothing can queue up.
            result["ok"] = True
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
