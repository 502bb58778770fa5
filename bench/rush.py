"""The month-end rush: hundreds of reporters submit at once while approvers approve.

    .venv/bin/python bench/rush.py                      # PostgreSQL, 300 reporters, 3 minutes
    .venv/bin/python bench/rush.py --run-time 60s --reporters 100

A fresh PostgreSQL database (`luoshi_rush`) gets a generated city (`luoshi
generate`, 9 months of reports), a second reporter in every unit (300 in all)
and an API token for each reporter and approver. gunicorn serves it on
127.0.0.1 with "today" on the 3rd of the month after. Locust (headless, on
127.0.0.1 only, bounded by --run-time) plays the reporters: each creates the
unit's October report for its share of the unit's monthly targets (with an
Idempotency-Key, as a client that retries would) and submits it; a timed-out
request is retried with the same key. Approvers poll their queue and approve.

One task worker (`luoshi db_worker`, all queues) runs beside gunicorn for the run and
is stopped after it, as production runs one (docs/deploy.md): what a write enqueues
(the turned-behind notices) runs there, not inside the request, so the latencies
time the request alone while the worker's CPU competes with it on the same machine.
The tasks still waiting when the worker stops are counted and printed.

A reporter creates a draft and then submits it (two requests, as an API client that
attaches evidence in between must); with `--one-call` it creates and submits in one
request (`"submit": true`), as a person does with the web form's 保存并提交.

The pace: by default each person waits --think seconds (10-25) between actions, and an
approver approves the reports of its queue one after the other. `--spread 180 --read 2,5`
plays the issue's words instead ("300 reporters each submitting their unit's reports
within minutes while approvers approve"): each reporter spreads its reports over three
minutes, and an approver reads each report for 2-5 seconds before approving it. Give
the figures of both paces side by side.

Then the database is counted: every report a reporter was told was created
exists (nothing lost), no target has two October reports of the same version
made during the run (nothing twice), and every approval the API confirmed is an
approved row. Prints the latencies (p50/p95/p99 per request kind), the
counts, the CPU each group of processes took (locust, gunicorn, the task worker,
PostgreSQL; bench/machine.py) and the checkpoints PostgreSQL began during the run;
asserts nothing in the suite.

On a city that exists already (a copy of the 10× one, say), never the shared one:

    .venv/bin/python bench/rush.py --database luoshi_bench_10_rush --template my_base

`--database` uses that database as it is (no generation); `--template` first
re-creates it from a template database, so that each run starts from the same
data (the rush writes reports, approvals, notifications). The reporters are
spread over the province's units (--reporters / 2 units, a second reporter
added in each); their units' own approvers approve.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import machine  # bench/ is on the path when a script runs
from serving import THREADS, WORKERS, gunicorn

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG = "postgres://postgres@127.0.0.1:5432"
DB = "luoshi_rush"
# Read-only for everyone (others profile on it): the rush writes, so never here.
SHARED = ("luoshi_bench_10", "luoshi_bench_1")
TODAY = "2025-11-03"
AS_OF = "2025-10-31"
WORK = ROOT / "var" / "rush"


def env() -> dict:
    return dict(
        os.environ,
        DATABASE_URL=f"{PG}/{DB}",
        SECRET_KEY="bench-only",
        LUOSHI_TODAY=TODAY,
        ALLOWED_HOSTS="127.0.0.1",
        DEBUG="",
        DJANGO_SETTINGS_MODULE="luoshi.settings",
        DATABASE_CONN_MAX_AGE="60",
    )


def recreate(template: str | None) -> None:
    """An empty database DB, or with `template` a fresh copy of it.

    The copy is made file by file: PostgreSQL 15's default copies a template through its
    write-ahead log, gigabytes for a province, whose checkpoints would then run during
    the rush that follows and time the copy, not the rush."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        if template:
            strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
            conn.execute(f'CREATE DATABASE "{DB}" TEMPLATE "{template}"{strategy}')
        else:
            conn.execute(f'CREATE DATABASE "{DB}"')


def prepare(reporters: int, generate: bool) -> None:
    """The city (generated, unless it exists), extra reporters, tokens and each reporter's
    work."""
    if generate:
        recreate(None)
        subprocess.run([str(BIN / "luoshi"), "migrate", "-v0"], env=env(), check=True, cwd=ROOT)
        subprocess.run(
            [str(BIN / "luoshi"), "generate", "--seed", "1", "--months", "9"],
            env=env(),
            check=True,
            cwd=ROOT,
        )
    os.environ.update(env())
    import django

    django.setup()
    from luoshi.api.auth import issue_token
    from luoshi.orgs.choices import Role
    from luoshi.orgs.models import Membership, User
    from luoshi.plans.models import Target

    units = list(
        Membership.objects.filter(role=Role.REPORTER, user__is_active=True)
        .exclude(user__username__endswith="-2")
        .select_related("unit", "user")
        .order_by("unit__path", "pk")
    )
    if len(units) > (reporters + 1) // 2 and not generate:
        # A province: reporters / 2 units spread over it, two reporters in each.
        step = len(units) / ((reporters + 1) // 2)
        units = [units[int(i * step)] for i in range((reporters + 1) // 2)]
    people = []  # (token, [target ids]) per reporter
    extra = max(0, reporters - len(units))
    for n, membership in enumerate(units):
        targets = list(
            Target.objects.filter(unit=membership.unit, cadence="month")
            .exclude(kind="milestone")
            .exclude(measure__isnull=False)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        holders = [membership.user]
        if n < extra:  # a second reporter in the unit shares its targets
            second, made = User.objects.get_or_create(
                username=f"{membership.user.username}-2",
                defaults={"password": membership.user.password},
            )
            if made:
                Membership.objects.create(user=second, unit=membership.unit, role=Role.REPORTER)
            holders.append(second)
        for i, person in enumerate(holders):
            people.append((issue_token(person, "rush")[1], targets[i :: len(holders)]))
    approvers = [
        issue_token(m.user, "rush")[1]
        for m in Membership.objects.filter(
            role=Role.APPROVER, unit__in=[u.unit_id for u in units]
        ).select_related("user")
    ]
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "plan.json").write_text(json.dumps({"reporters": people, "approvers": approvers}))
    print(
        f"{len(people)} reporters, {sum(len(t) for _, t in people)} reports to make, "
        f"{len(approvers)} approvers",
        flush=True,
    )


def serve(port: int, workers: int, threads: int) -> subprocess.Popen:
    return gunicorn(port, env(), workers, threads)


def task_worker() -> subprocess.Popen:
    """`luoshi db_worker` on every queue, as production runs beside the app servers."""
    return subprocess.Popen(
        [str(BIN / "luoshi"), "db_worker", "--queue-name", "*", "--no-reload", "-v0"],
        env=env(),
        cwd=ROOT,
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tasks_since(since) -> dict:
    """The background tasks enqueued since `since`, by status (READY: never run)."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(enqueued_at__gte=since).values("status")
    return {row["status"]: row["n"] for row in rows.annotate(n=Count("pk")).order_by("status")}


def count(log_dir: Path, since) -> dict:
    """What the database holds against what the clients were told (October's reports
    made since `since`: a city that exists may hold October reports of its own)."""
    from django.db.models import Count

    from luoshi.reporting.models import Report

    created, approved = set(), set()
    for path in log_dir.glob("client-*.jsonl"):
        for line in path.read_text().splitlines():
            event = json.loads(line)
            (created if event["what"] == "created" else approved).add(event["id"])
    october = Report.objects.filter(as_of=AS_OF, created_at__gte=since)
    twice = october.values("target_id", "version").annotate(n=Count("pk")).filter(n__gt=1).count()
    rows = dict(october.values_list("pk", "status"))
    # Approvers take any submitted report from their queue, October's or an earlier month's.
    approved_rows = dict(Report.objects.filter(pk__in=approved).values_list("pk", "status"))
    return {
        "created (told)": len(created),
        "created (held)": len(rows),
        "lost": len(created - set(rows)),
        "duplicated": twice,
        "approved (told)": len(approved),
        "approved (held)": sum(1 for s in approved_rows.values() if s == "approved"),
        "approvals lost": sum(1 for pk in approved if approved_rows.get(pk) != "approved"),
        "submitted, waiting": sum(1 for s in rows.values() if s == "submitted"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reporters", type=int, default=300)
    parser.add_argument("--run-time", default="3m")
    parser.add_argument("--spawn-rate", type=float, default=50)
    parser.add_argument(
        "--think",
        default="10,25",
        help="seconds between one person's actions, low,high (default: a unit's 17 reports in ~5 min)",
    )
    parser.add_argument(
        "--spread",
        type=float,
        default=0,
        help="seconds over which each reporter spreads its reports (instead of --think); "
        "the issue's pace: --spread 180 --read 2,5 (docs/performance.md)",
    )
    parser.add_argument(
        "--read",
        default="0,0",
        help="seconds an approver reads each report before approving it, low,high (default: none)",
    )
    parser.add_argument(
        "--one-call",
        action="store_true",
        help='a reporter creates and submits each report in one request ("submit": true), '
        "as the web form's 保存并提交 does, instead of creating a draft and then submitting it",
    )
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=THREADS, help="threads per worker")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--reuse", action="store_true", help="keep the prepared database")
    parser.add_argument("--database", help="an existing city to rush (it is written to)")
    parser.add_argument("--template", help="re-create --database from this one first")
    parser.add_argument(
        "--checkpoint-at",
        type=float,
        metavar="SECONDS",
        help="ask PostgreSQL for a checkpoint this many seconds into the run, as its timer "
        "(checkpoint_timeout, 5 minutes by default) does in production during a long rush",
    )
    args = parser.parse_args()
    global DB
    if args.database:
        if args.database in SHARED:
            raise SystemExit(f"{args.database} is read-only for everyone: rush a copy of it")
        DB = args.database
        if args.template and args.reuse:
            raise SystemExit("--template makes a fresh copy: it needs preparing, not --reuse")
        if args.template:
            recreate(args.template)
    if not args.reuse:
        prepare(args.reporters, generate=not args.database)
    else:
        os.environ.update(env())
        import django

        django.setup()
    from django.db import connection
    from django.utils import timezone

    # What the preparation wrote is flushed before the clock starts (as pgbench's docs
    # advise), so that each run starts alike; a checkpoint that falls inside the run
    # still counts and is reported.
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
    checkpoints = machine.checkpoints(connection)
    since = timezone.now()
    plan = json.loads((WORK / "plan.json").read_text())
    for old in WORK.glob("client-*.jsonl"):
        old.unlink()
    server = serve(args.port, args.workers, args.threads)
    worker = task_worker()
    pace = (
        f"--spread {args.spread:g} --read {args.read}" if args.spread else f"--think {args.think}"
    ) + (" --one-call" if args.one_call else "")
    print(
        f"gunicorn: {args.workers} workers × {args.threads} threads; one task worker "
        f"(luoshi db_worker); {pace}; load {os.getloadavg()}"
    )
    users = len(plan["reporters"]) + len(plan["approvers"])
    cpu = {}
    if args.checkpoint_at:
        machine.checkpoint_later(f"{PG}/{DB}", args.checkpoint_at)
    children, postgres, started = machine.children_cpu(), machine.postgres_cpu(), time.monotonic()
    try:
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(Path(__file__).with_name("rush_locustfile.py")),
                "--headless",
                "--host",
                f"http://127.0.0.1:{args.port}",
                "-u",
                str(users),
                "-r",
                str(args.spawn_rate),
                "--run-time",
                args.run_time,
                "--only-summary",
                "--csv",
                str(WORK / "stats"),
                "--stop-timeout",
                "30",
            ],
            env=dict(
                os.environ,
                RUSH_PLAN=str(WORK / "plan.json"),
                RUSH_LOG=str(WORK),
                RUSH_THINK=args.think,
                RUSH_SPREAD=str(args.spread or ""),
                RUSH_READ=args.read,
                RUSH_ONE_CALL="1" if args.one_call else "",
            ),
            cwd=ROOT,
            check=False,
        )
        elapsed = time.monotonic() - started
        cpu["locust (the clients)"] = machine.children_cpu() - children
        cpu["PostgreSQL"] = machine.postgres_spent(postgres)
    finally:
        for name, process in (("gunicorn", server), ("task worker", worker)):
            before = machine.children_cpu()
            stop(process)
            cpu[name] = machine.children_cpu() - before
    print("\n| request | count | failures | p50 ms | p95 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    import csv

    with open(WORK / "stats_stats.csv") as handle:
        for row in csv.DictReader(handle):
            print(
                f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
                f"{row['50%']} | {row['95%']} | {row['99%']} |"
            )
    print("\n| count | n |\n| --- | ---: |")
    for name, value in count(WORK, since).items():
        print(f"| {name} | {value} |")
    tasks = ", ".join(f"{n} {status.lower()}" for status, n in tasks_since(since).items())
    print(f"\ntasks enqueued during the run (one worker): {tasks or 'none'}")
    cores = os.cpu_count() or 1
    print(f"\nCPU during the run ({elapsed:.0f} s × {cores} cores = {elapsed * cores:.0f} s):")
    print("| process | CPU s | share of the machine |\n| --- | ---: | ---: |")
    for name, seconds in cpu.items():
        print(f"| {name} | {seconds:.0f} | {seconds / (elapsed * cores):.0%} |")
    print(f"PostgreSQL checkpoints during the run: {machine.checkpoints(connection) - checkpoints}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
