import time

from django.core.management.base import BaseCommand, CommandError

from luoshi.core.periods import parse_iso_date
from luoshi.dashboards import store


class Command(BaseCommand):
    help = (
        "Recompute the stored evaluation of every target, for today (or --at) and each month "
        "end of its period so far. Run daily; safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--at", help="the day taken as today (YYYY-MM-DD)")

    def handle(self, *args, **options):
        try:
            day = parse_iso_date(options["at"]) if options["at"] else None
        except ValueError as error:
            raise CommandError(f"--at: {error}") from error
        began = time.perf_counter()
        written = store.refresh(None, today=day)
        seconds = time.perf_counter() - began
        # refresh() writes only the rows that changed: after load_demo that may be none
        self.stdout.write(
            f"Stored evaluations up to date ({written:,} rows changed) in {seconds:.1f} s."
        )
