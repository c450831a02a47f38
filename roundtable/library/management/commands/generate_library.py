"""`manage.py generate_library --count N`: fictional library entries for load and speed tests."""

from django.core.management.base import BaseCommand

from roundtable.library.generate import generate_entries


class Command(BaseCommand):
    help = "Create N fictional, published library entries with multilingual text."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=5)

    def handle(self, *args, count: int, seed: int, **options) -> None:
        created = generate_entries(count=count, seed=seed, progress=options["verbosity"] > 0)
        self.stdout.write(self.style.SUCCESS(f"Created {created:,} library entries."))
