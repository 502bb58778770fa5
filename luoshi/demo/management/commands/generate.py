import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from luoshi.demo.synthetic import PER_CITY, AlreadyGenerated, generate


class Command(BaseCommand):
    help = (
        "Build a synthetic province of SCALE cities for measuring luoshi at size: per city "
        f"{PER_CITY['targets']:,} targets, 12 months of reports, {PER_CITY['hazards']:,} hazards "
        f"and {PER_CITY['projects']:,} projects. Deterministic from --seed; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1, help="number of cities (1-100)")
        parser.add_argument(
            "--fraction", type=float, default=1.0, help="size of each city (0.02 = 100 targets)"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--year", type=int, default=2025)
        parser.add_argument("--months", type=int, default=12, help="months of reports (1-12)")
        parser.add_argument("--password", default="luoshi-demo", help="every person's password")

    def handle(self, *args, **options):
        began = time.perf_counter()
        try:
            result = generate(
                scale=options["scale"],
                fraction=options["fraction"],
                seed=options["seed"],
                year=options["year"],
                months=options["months"],
                password=options["password"],
            )
        except (AlreadyGenerated, ValueError) as error:
            raise CommandError(str(error)) from error
        # A city loaded in one transaction leaves the planner without statistics until
        # autovacuum gets round to it: a page measured right after would scan where an
        # index serves. Both databases gather them with one statement.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"Generated in {seconds:.0f} s: {result.units:,} units, {result.people:,} people, "
            f"{result.plans} plans, {result.tasks:,} tasks, {result.targets:,} targets "
            f"({result.measures} from ledgers), {result.reports:,} reports, "
            f"{result.hazards:,} hazards, {result.projects:,} projects."
        )
        self.stdout.write("Sign in as: " + ", ".join(result.usernames[:6]) + ", …")
