"""Run tasks the way production does: queued in the database, then run by a worker, so a
test sees what the queue holds in between."""

from django.test import TestCase
from django_tasks_db.models import DBTaskResult

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_queued_tasks(limit: int = 200) -> int:
    """Run every ready task in the database queue, oldest first, including those the tasks
    queue themselves; returns how many ran. (The worker command locks the whole database,
    which a test's transaction cannot.)"""
    ran = 0
    while ran < limit:
        row = DBTaskResult.objects.ready().order_by("enqueued_at", "id").first()
        if row is None:
            return ran
        DBTaskResult.objects.filter(pk=row.pk).update(status="RUNNING")
        # A worker commits each task: what a task queues "after the commit" is queued.
        with TestCase.captureOnCommitCallbacks(execute=True):
            row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        DBTaskResult.objects.filter(pk=row.pk).update(status="SUCCESSFUL")
        ran += 1
    raise AssertionError("tasks keep queueing tasks")
