"""`manage.py run_worker`: run the background task worker for the configured queue."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from roundtable.core import periodic


class Command(BaseCommand):
    help = "Run the task worker: the database worker by default, the RQ worker with REDIS_URL."

    def handle(self, *args, **options) -> None:
        periodic.schedule_all()
        backend = settings.TASKS["default"]["BACKEND"]
        if backend.startswith("django_tasks_rq"):
            call_command("rqworker", "default", "--with-scheduler")
        else:
            call_command("db_worker", "--interval", "1")
