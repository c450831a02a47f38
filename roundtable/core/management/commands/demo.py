"""`manage.py demo`: load the fictional demo content, idempotently, with a progress bar."""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from roundtable.core.demo_steps import collect_steps


class Command(BaseCommand):
    help = "Load the fictional demo content. Running it again creates nothing twice."

    def handle(self, *args, **options) -> None:
        steps = collect_steps()
        with tqdm(
            total=len(steps), desc="Demo content", unit="step", disable=options["verbosity"] == 0
        ) as bar:
            for label, step in steps:
                bar.set_postfix_str(label)
                # One transaction per step: a failure leaves earlier steps in place and
                # nothing half-written.
                with transaction.atomic():
                    step()
                bar.update()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
