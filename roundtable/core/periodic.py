"""Periodic work. django-tasks has no scheduler: a periodic task queues its own next run
(with `run_after`), and each capability declares (`Capability.periodic`) how to queue the
first one. The worker calls every declared function when it starts."""

from roundtable.core import capabilities


def schedule_all() -> None:
    """Queue the first run of every capability's periodic tasks."""
    for schedule in capabilities.periodic_jobs():
        schedule()
