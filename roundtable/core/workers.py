"""Task workers started by `manage.py run_worker`, both writing a heartbeat to the database.

Each worker refreshes its `WorkerHeartbeat` row from inside its own loop (never from a side
thread, which would keep beating while the loop is stuck), at least every
`WORKER_HEARTBEAT_INTERVAL` seconds, also with an empty queue. /healthz counts a worker as
alive while its row is younger than `WORKER_HEARTBEAT_MAX_AGE`.
"""

import logging
import os
import socket
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

logger = logging.getLogger(__name__)

# Rows of workers gone for longer than this are removed by the next beat of any worker.
_FORGET_AFTER = timedelta(days=1)


class Heartbeat:
    """The database row of one worker process, written at most every `min_gap` seconds."""

    def __init__(self, *, name: str, backend: str, min_gap: float = 2.0) -> None:
        self.name = name[:200]
        self.backend = backend
        self.min_gap = min_gap
        self.started_at: datetime = timezone.now()
        self._last_beat = 0.0

    def beat(self) -> None:
        if time.monotonic() - self._last_beat < self.min_gap:
            return
        from roundtable.core.models import WorkerHeartbeat

        now = timezone.now()
        try:
            WorkerHeartbeat.objects.update_or_create(
                name=self.name,
                defaults={
                    "backend": self.backend,
                    "hostname": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "started_at": self.started_at,
                    "last_seen_at": now,
                },
            )
            WorkerHeartbeat.objects.filter(last_seen_at__lt=now - _FORGET_AFTER).delete()
        except DatabaseError:
            # A database outage must not stop the worker; /healthz reports the database.
            logger.warning("Worker %s could not write its heartbeat", self.name, exc_info=True)
            connections.close_all()
            return
        self._last_beat = time.monotonic()

    def stop(self) -> None:
        """Remove the row on a clean shutdown, so /healthz does not wait for it to age."""
        from roundtable.core.models import WorkerHeartbeat

        try:
            WorkerHeartbeat.objects.filter(name=self.name).delete()
        except DatabaseError:
            logger.warning("Worker %s could not remove its heartbeat", self.name, exc_info=True)


# --- RQ (with REDIS_URL) -----------------------------------------------------------------

try:
    from rq import Worker as _RQWorker
except ImportError:  # rq is installed with django-tasks-rq; only needed with REDIS_URL
    _RQWorker = object  # type: ignore[assignment,misc]


class HeartbeatRQWorker(_RQWorker):  # type: ignore[misc,valid-type]
    """RQ's forking worker, beating into the database wherever RQ beats into Redis.

    RQ calls `heartbeat()` before each wait for a job and, while a job runs in the forked
    work horse, every `job_monitoring_interval` seconds. A short dequeue timeout makes the
    idle loop come round every `WORKER_HEARTBEAT_INTERVAL` seconds.
    """

    # RQ logs each job's description, its arguments included: an e-mail's body, a member's
    # address. The log keeps the job id only.
    log_job_description = False

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("job_monitoring_interval", settings.WORKER_HEARTBEAT_INTERVAL)
        kwargs["log_job_description"] = False
        super().__init__(*args, **kwargs)
        self.database_heartbeat = Heartbeat(name=f"rq:{self.name}", backend="RQBackend")

    @property
    def dequeue_timeout(self) -> int:
        return max(1, settings.WORKER_HEARTBEAT_INTERVAL)

    @property
    def connection_timeout(self) -> int:
        return self.dequeue_timeout + 10

    def heartbeat(self, *args, **kwargs) -> None:
        super().heartbeat(*args, **kwargs)
        self.database_heartbeat.beat()

    def fork_work_horse(self, job, queue) -> None:
        # The work horse must open its own database connections: a socket shared by parent
        # and child would interleave their queries.
        connections.close_all()
        super().fork_work_horse(job, queue)

    def _start_scheduler(self, *args, **kwargs) -> None:
        connections.close_all()  # the scheduler runs in a forked process too
        super()._start_scheduler(*args, **kwargs)

    def teardown(self) -> None:
        super().teardown()
        self.database_heartbeat.stop()


# --- Database queue (without REDIS_URL) ---------------------------------------------------


def database_worker_class():
    """django-tasks-db's worker, beating after each task and before each idle sleep."""
    from django_tasks_db.management.commands.db_worker import Worker

    class HeartbeatDatabaseWorker(Worker):
        def __init__(self, **kwargs) -> None:
            super().__init__(**kwargs)
            self.database_heartbeat = Heartbeat(
                name=f"db:{socket.gethostname()}:{self.worker_id}", backend="DatabaseBackend"
            )

        # The upstream loop reads `interval` once per idle round, right before it sleeps:
        # the one place an idle worker passes through, so the beat goes there.
        @property
        def interval(self) -> float:
            self.database_heartbeat.beat()
            return self._interval

        @interval.setter
        def interval(self, value: float) -> None:
            self._interval = value

        def run(self) -> None:
            self.database_heartbeat.beat()
            try:
                super().run()
            finally:
                self.database_heartbeat.stop()

        def run_task(self, db_task_result) -> None:
            try:
                super().run_task(db_task_result)
            finally:
                self.database_heartbeat.beat()

    return HeartbeatDatabaseWorker
