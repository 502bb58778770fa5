"""The cost of each request of the month-end rush, in-process: queries and milliseconds.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a copy you may write to> \\
        .venv/bin/python bench/rush_profile.py [--rounds 20] [--profile approve]

Plays the requests bench/rush_locustfile.py sends, through django.test.Client with
bearer tokens, on a database it WRITES to (never a shared read-only one): a reporter
creates a target's October report (with an Idempotency-Key) and submits it; an approver
reads the approval queue and approves it. Each request is timed with what runs once its
transaction commits (the stored evaluation's refresh, the notifications of the report),
and its queries are counted by statement kind. What a write enqueues as a background task
(the turned-behind notices) is queued here, not run: a task worker runs it (bench/rush.py
starts one). Prints median ms and queries per request;
`--profile KIND` prints the top of a cProfile of that request kind.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("LUOSHI_TODAY", "2025-11-03")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,testserver")
os.environ["DEBUG"] = ""

AS_OF = "2025-10-31"
KINDS = ("create report", "submit report", "approval queue", "approve report")


def pairs(rounds: int):
    """(reporter token, approver token, target id) for `rounds` targets of distinct units
    that have no report of AS_OF yet."""
    from luoshi.api.auth import issue_token
    from luoshi.orgs.choices import Role
    from luoshi.orgs.models import Membership
    from luoshi.plans.models import Target
    from luoshi.reporting.models import Report

    taken = Report.objects.filter(as_of=AS_OF).values("target_id")
    found = []
    for membership in (
        Membership.objects.filter(role=Role.REPORTER, unit__is_active=True)
        .select_related("unit", "user")
        .order_by("unit__path")
    ):
        approver = (
            Membership.objects.filter(role=Role.APPROVER, unit=membership.unit)
            .exclude(user=membership.user)
            .select_related("user")
            .first()
        )
        target = (
            Target.objects.filter(unit=membership.unit, cadence="month", is_active=True)
            .exclude(kind="milestone")
            .exclude(measure__isnull=False)
            .exclude(pk__in=taken)
            .order_by("pk")
            .first()
        )
        if approver is None or target is None:
            continue
        found.append(
            (
                issue_token(membership.user, "rush-profile")[1],
                issue_token(approver.user, "rush-profile")[1],
                target.pk,
            )
        )
        if len(found) == rounds:
            break
    return found


def server_cpu(connection) -> float:
    """Seconds of CPU the database server spent on this connection (same machine)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", choices=KINDS, default=None)
    parser.add_argument("--sort", default="cumulative", help="cProfile order (tottime, …)")
    parser.add_argument(
        "--cpu", action="store_true", help="profile CPU time (waits on PostgreSQL left out)"
    )
    parser.add_argument("--filter", help="only the profile's functions whose path matches")
    parser.add_argument("--sql", choices=KINDS, default=None, help="print one request's SQL")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("DATABASE_URL must name a PostgreSQL database you may write to")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    times: dict[str, list[float]] = {k: [] for k in KINDS}
    cpus: dict[str, list[float]] = {k: [] for k in KINDS}
    queries: dict[str, list[int]] = {k: [] for k in KINDS}
    kinds: dict[str, Counter] = {k: Counter() for k in KINDS}
    profiler = cProfile.Profile(time.process_time) if args.cpu else cProfile.Profile()
    shown = set()

    def run(kind: str, client, path: str, body: dict | None = None, **headers):
        with CaptureQueriesContext(connection) as captured:
            if args.profile == kind:
                profiler.enable()
            start, cpu = time.perf_counter(), time.process_time()
            if body is None:
                answer = client.get(path, **headers)
            else:
                answer = client.post(path, body, content_type="application/json", **headers)
            elapsed = (time.perf_counter() - start) * 1000
            cpus[kind].append((time.process_time() - cpu) * 1000)
            if args.profile == kind:
                profiler.disable()
        if answer.status_code >= 300:
            raise SystemExit(f"{kind}: {answer.status_code} {answer.content[:300]!r}")
        times[kind].append(elapsed)
        queries[kind].append(len(captured))
        for q in captured.captured_queries:
            kinds[kind][q["sql"].split(None, 1)[0].upper()] += 1
        if args.sql == kind and kind not in shown:
            shown.add(kind)
            for q in captured.captured_queries:
                print(f"{q['time']:>6} {q['sql'][:220]}")
        return answer.json()

    work = pairs(args.rounds)
    if len(work) < args.rounds:
        print(f"only {len(work)} targets without an October report", file=sys.stderr)
    stamp = time.time()
    try:
        pg_start = server_cpu(connection)
    except OSError:
        pg_start = 0.0
    clients: dict[str, Client] = {}

    def client_of(token: str) -> Client:
        """One client per person, its middleware loaded before anything is timed: a
        server loads it once per worker (WhiteNoise's scan of the static files alone is
        tens of milliseconds), not once per person."""
        if token not in clients:
            clients[token] = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
            clients[token].handler.load_middleware()
        return clients[token]

    for reporter, approver, target in work:
        mine = client_of(reporter)
        body = {"target": target, "as_of": AS_OF, "value": 1.0, "narrative": "10月进展"}
        key = f"profile-{target}-{stamp}"
        created = run("create report", mine, "/api/v1/reports", body, HTTP_IDEMPOTENCY_KEY=key)
        path = f"/api/v1/reports/{created['id']}"
        revision = {"revision": created["revision"]}
        run("submit report", mine, f"{path}/submit", revision, HTTP_IDEMPOTENCY_KEY=f"{key}-s")
        boss = client_of(approver)
        queue = run("approval queue", boss, "/api/v1/reports?status=submitted&limit=20")
        seen = {r["id"]: r["revision"] for r in queue["items"]}
        revision = {"revision": seen.get(created["id"], created["revision"] + 1)}
        run("approve report", boss, f"{path}/approve", revision)
    try:
        pg_cpu = server_cpu(connection) - pg_start
        pg = f"; PostgreSQL CPU {pg_cpu * 1000 / max(1, len(work)):.0f} ms a round"
    except OSError:
        pg = ""
    print(f"{len(work)} rounds; load {os.getloadavg()[0]:.2f}{pg}")
    print("| request | median ms | p90 ms | app CPU ms | queries | by kind |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for kind in KINDS:
        if not times[kind]:
            continue
        ms = sorted(times[kind])
        by = ", ".join(f"{k} {v / len(ms):.0f}" for k, v in kinds[kind].most_common())
        print(
            f"| {kind} | {statistics.median(ms):.0f} | {ms[int(len(ms) * 0.9) - 1]:.0f} | "
            f"{statistics.median(cpus[kind]):.0f} | {statistics.median(queries[kind]):.0f} | {by} |"
        )
    if args.profile:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(args.sort)
        stats.print_stats(*([args.filter] if args.filter else []), 45)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
