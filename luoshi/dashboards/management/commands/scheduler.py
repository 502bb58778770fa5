import time

from django.core.management.base import BaseCommand

from luoshi.dashboards.periodic import enqueue_due


class Command(BaseCommand):
    help = (
        "Enqueue the daily jobs (settings.PERIODIC_TASKS) once a day, for `luoshi db_worker` "
        "to run. Runs until stopped; --once checks once and exits (for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=int, default=60, help="seconds between checks")

    def handle(self, *args, once, interval, **options):
        while True:
            for job in enqueue_due():
                self.stdout.write(f"Enqueued {job}.")
            if once:
                return
            time.sleep(interval)
