"""Time the refresh of the stored evaluations: after one approval, and the daily refresh.

    .venv/bin/python bench/refresh.py --scale 10              # PostgreSQL luoshi_bench_10
    .venv/bin/python bench/refresh.py --scale 1 --sqlite      # var/bench_1.sqlite3
    .venv/bin/python bench/refresh.py --scale 10 --db luoshi_bench_10_refresh --day 2025-10-16

Runs on the database that `bench/pages.py --scale N` generated (generate it first).
One approval: a submitted report is approved through the action the pages use,
and the refresh that follows the commit is timed, with its queries and the rows it
wrote (it must touch that target only). Each approval runs in a transaction that is
rolled back, so the database is left as it was. The daily refresh recomputes every
target for the generated city's day as the daily job does (today, and a month end
not yet stored), then every kept day as `luoshi refresh_evaluations` does. Prints figures;
asserts nothing (the suite checks that a refresh equals a fresh evaluation).

The daily refresh writes: run it on a copy (`--db`) when others read the database.
`--day` runs the daily job for another day than the city's: a later day is the job as
it runs each morning (a new row a target, yesterday's dropped), the city's own day
recomputes rows that are already there. The load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
TODAY = "2025-10-15"


def setup(scale: int, sqlite: bool, database: str | None = None) -> None:
    url = (
        f"sqlite:///{ROOT / 'var' / f'bench_{scale}.sqlite3'}"
        if sqlite
        else f"{PG}/{database or f'luoshi_bench_{scale}'}"
    )
    os.environ.update(DATABASE_URL=url, SECRET_KEY="bench-only", LUOSHI_TODAY=TODAY, DEBUG="")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()


class Rollback(Exception):
    """Raised to undo one timed approval."""


def one_approval(report_id: int) -> tuple[float, int, int]:
    """Approve a report, then refresh what it changed: ms, queries and rows written."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from luoshi.dashboards import signals, store
    from luoshi.reporting.actions import approve_report
    from luoshi.reporting.models import Report

    written = {}
    original = store.refresh

    def counting(ids=None, today=None, **how):  # how: since, awaiting_only (store.refresh)
        written["rows"] = original(ids, today, **how)
        written["targets"] = len(set(ids)) if ids is not None else None
        return written["rows"]

    store.refresh = counting
    try:
        with transaction.atomic():
            report = Report.objects.select_related("target__unit").get(pk=report_id)
            approver = approver_of(report)
            approve_report(report, approver)
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                signals.flush()  # what on_commit runs after the approval commits
                elapsed = (time.perf_counter() - began) * 1000
            raise Rollback
    except Rollback:
        pass
    finally:
        store.refresh = original
    if written.get("targets") != 1:
        raise SystemExit(f"the refresh after one approval touched {written.get('targets')} targets")
    return elapsed, len(captured), written["rows"]


def approver_of(report):
    from luoshi.notices.recipients import approvers_of

    people = [person for person in approvers_of(report.target.unit) if person != report.created_by]
    if not people:
        raise SystemExit(f"no approver for report {report.pk}")
    return people[0]


def unanalysed(connection) -> list[str]:
    """The big tables PostgreSQL has no statistics of (a bulk load, a copy of a database):
    without them it reads 9,000 pages for a batch's approved reports instead of 200."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(%s) "
            "AND last_analyze IS NULL AND last_autoanalyze IS NULL ORDER BY relname",
            [["reporting_report", "dashboards_storedevaluation", "plans_target"]],
        )
        return [name for (name,) in cursor.fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--approvals", type=int, default=30)
    parser.add_argument("--no-daily", action="store_true", help="skip the daily refresh")
    parser.add_argument("--no-full", action="store_true", help="skip the full refresh")
    parser.add_argument("--db", help="PostgreSQL database (default luoshi_bench_SCALE)")
    parser.add_argument(
        "--day", type=date.fromisoformat, help="the daily job's day (default the city's)"
    )
    args = parser.parse_args()
    setup(args.scale, args.sqlite, args.db)

    from django.conf import settings
    from django.db import connection

    from luoshi.clock import today
    from luoshi.dashboards import store
    from luoshi.plans.models import Target
    from luoshi.reporting.models import Report

    if not args.sqlite:
        never = unanalysed(connection)
        if never:  # a freshly generated or copied city: the planner guesses every count
            print(f"warning: no ANALYZE recorded for {', '.join(never)}: run ANALYZE first")
    settings.DEBUG = True  # the query log, for the counts
    where = "SQLite" if args.sqlite else "PostgreSQL"
    submitted = list(
        Report.objects.filter(status="submitted").order_by("pk").values_list("pk", flat=True)
    )[: args.approvals]
    if not submitted:
        raise SystemExit("no submitted report to approve: generate the city first")
    runs = [one_approval(pk) for pk in submitted]
    times = sorted(ms for ms, _q, _rows in runs)
    print(f"\n## Refresh after one approval ({args.scale}×, {where}, {len(runs)} approvals)\n")
    print("| median ms | p95 ms | max ms | queries | rows written | load |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"| {statistics.median(times):.1f} | {p95:.1f} | {times[-1]:.1f} | "
        f"{max(q for _ms, q, _r in runs)} | {max(r for _ms, _q, r in runs)} | {os.getloadavg()[0]:.1f} |"
    )
    if args.no_daily:
        return 0
    settings.DEBUG = False
    targets = Target.objects.count()
    day = args.day or today()
    print(f"\n## Daily refresh ({args.scale}×, {where}, {day})\n")
    print(
        "| refresh | targets | rows written | seconds | targets per second | load before, after |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    # The daily job (tasks.refresh_all): today, and any month end not stored yet.
    runs = [("daily job", True)] + ([] if args.no_full else [("full (every kept day)", False)])
    for label, new_days_only in runs:
        load = os.getloadavg()[0]
        began = time.perf_counter()
        written = store.refresh(None, today=day, new_days_only=new_days_only)
        elapsed = time.perf_counter() - began
        print(
            f"| {label} | {targets:,} | {written:,} | {elapsed:.1f} | {targets / elapsed:,.0f} "
            f"| {load:.1f}, {os.getloadavg()[0]:.1f} |"
        )
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
