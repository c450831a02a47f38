"""Models shared by the whole site."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running task worker, refreshed from the worker's own loop.

    /healthz reads it: the queue's own bookkeeping (RQ's worker keys, django-tasks-db's
    claimed rows) says nothing about an idle worker that died, and the database is the one
    store both backends share.
    """

    name = models.CharField(max_length=200, unique=True)
    backend = models.CharField(max_length=100)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
