"""`manage.py deid_report`: recall and false alarms of the de-identification check on a
labelled corpus (see roundtable/core/deid_measure.py), and the scan time of a long post."""

from pathlib import Path

from django.core.management.base import BaseCommand

from roundtable.core import deid_measure


class Command(BaseCommand):
    help = "Measure the de-identification check on a labelled corpus."

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            type=Path,
            default=deid_measure.CORPORA / "tuning",
            help="a .jsonl file or a folder of them (default: the tuning corpus)",
        )
        parser.add_argument("--details", action="store_true", help="list misses and false alarms")
        parser.add_argument("--timing", action="store_true", help="time a 20,000-character post")

    def handle(self, *args, **options):
        report = deid_measure.measure(deid_measure.load(options["corpus"]))
        self.stdout.write(deid_measure.format_report(report, details=options["details"]))
        if options["timing"]:
            seconds = deid_measure.scan_time()
            self.stdout.write(f"Scan of a 20,000-character post: {1000 * seconds:.1f} ms CPU time")
