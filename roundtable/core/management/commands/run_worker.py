"""`manage.py run_worker`: run the background task worker for the configured queue."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from roundtable.core import periodic


class Command(BaseCommand):
    help = "Run the task worker: the database worker by default, the RQ worker with REDIS_URL."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reload",
            action="store_true",
            default=None,
            help="Restart the database worker on code changes (default: on in debug mode).",
        )
        parser.add_argument("--no-reload", action="store_false", dest="reload")

    def handle(self, *args, reload: bool | None = None, **options) -> None:
        periodic.schedule_all()
        backend = settings.TASKS["default"]["BACKEND"]
        if backend.startswith("django_tasks_rq"):
            # django-tasks-rq stores a Task, not a function, in each job: only its own Job
            # class knows how to run it (RQ's default Job fails with "'Task' object is not
            # callable").
            call_command(
                "rqworker",
                "default",
                "--with-scheduler",
                "--job-class",
                "django_tasks_rq.Job",
                "--worker-class",
                "roundtable.core.workers.HeartbeatRQWorker",
                verbosity=options.get("verbosity", 1),
            )
        else:
            self._run_database_worker(reload=settings.DEBUG if reload is None else reload)

    def _run_database_worker(self, *, reload: bool) -> None:
        from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
        from django_tasks.base import DEFAULT_TASK_QUEUE_NAME
        from django_tasks.utils import get_random_id
        from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

        from roundtable.core.workers import database_worker_class

        DBWorkerCommand(stdout=self.stdout, stderr=self.stderr).configure_logging(1)
        worker = database_worker_class()(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=1,
            batch=False,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_id(),
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloaded child runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
