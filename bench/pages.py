"""Time every main page and API list of a generated city, as each role sees it.

    .venv/bin/python bench/pages.py --scale 10                      # PostgreSQL, gunicorn
    .venv/bin/python bench/pages.py --scale 1 --sqlite --in-process  # the peer comparison

For each scale: a fresh database (PostgreSQL database `luoshi_bench_N`, or a
SQLite file under var/), `luoshi migrate`, `luoshi generate --scale N`, VACUUM
ANALYZE on PostgreSQL (this server runs no autovacuum; a production one does),
then gunicorn with 4 workers on 127.0.0.1 (or Django's test client in this
process with --in-process). Each role signs in; each page is fetched --warmup times,
then --requests times: median and p95 in milliseconds, the bytes of the
answer, and the number of SQL queries (counted in this process with Django's
test client, whatever the server). Prints one table per scale; nothing is
asserted (the suite asserts query counts, bench/ prints figures).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from serving import gunicorn  # bench/ is on the path when a script runs

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG = "postgres://postgres@127.0.0.1:5432"
TODAY = "2025-10-15"
PASSWORD = "luoshi-demo"

# (role, username, [(label, path)]): the pages each role uses most.
PAGES = [
    (
        "supervisor",
        "syn1-supervisor",
        [
            ("overview", "/overview/"),
            ("overview p3", "/overview/?page=3"),
            ("overview behind", "/overview/?state=behind"),
            ("overview worst first", "/overview/?sort=state"),
            ("plan", "/plans/{plan}/"),
            ("city unit", "/units/{city}/"),
            ("target", "/targets/{target}/"),
            ("hazards", "/ledgers/hazards/"),
            ("projects", "/ledgers/projects/"),
            ("api status", "/api/v1/status"),
            ("api reports", "/api/v1/reports"),
            ("api targets", "/api/v1/targets"),
            ("api hazards", "/api/v1/hazards"),
        ],
    ),
    ("leader", "syn1-leader", [("home", "/"), ("overview", "/overview/")]),
    ("approver", "syn1-c0-k0-approver", [("approvals", "/approvals/"), ("home", "/")]),
    ("reporter", "syn1-c0-d0-reporter", [("workbench", "/workbench/"), ("home", "/")]),
]


def env_for(url: str) -> dict:
    return dict(
        os.environ,
        DATABASE_URL=url,
        SECRET_KEY="bench-only",
        LUOSHI_TODAY=TODAY,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DEBUG="",
        SECURE_COOKIES="false",
    )


def fresh_database(scale: int, sqlite: bool) -> str:
    if sqlite:
        path = ROOT / "var" / f"bench_{scale}.sqlite3"
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    name = f"luoshi_bench_{scale}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG}/{name}"


def vacuum(url: str) -> None:
    """VACUUM ANALYZE a PostgreSQL city before it is timed.

    A production server runs autovacuum; this machine's server has it off, so a city
    written by `luoshi generate` (or by a migration) has no visibility map and stale
    statistics, and PostgreSQL cannot answer a count from an index alone. Vacuuming
    first measures the pages as a kept server would serve them. A no-op on SQLite.
    """
    if url.startswith("sqlite"):
        return
    import psycopg

    began = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    print(f"vacuumed and analysed in {time.perf_counter() - began:.0f} s", flush=True)


def luoshi(url: str, *args: str) -> None:
    subprocess.run([str(BIN / "luoshi"), *args], env=env_for(url), check=True, cwd=ROOT)


def ids(url: str) -> dict:
    """Ids the page paths need: the first city's plan, its unit, one of its targets."""
    out = subprocess.run(
        [
            str(BIN / "luoshi"),
            "shell",
            "-c",
            "from luoshi.plans.models import Plan;from luoshi.orgs.models import Unit;"
            "p=Plan.objects.order_by('pk').first();"
            "print(p.pk, Unit.objects.get(code='syn1-c0').pk, p.targets.order_by('pk').first().pk)",
        ],
        env=env_for(url),
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    return {"plan": out[-3], "city": out[-2], "target": out[-1]}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def setup_django(url: str) -> None:
    os.environ.update(env_for(url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()


def signed_in_cookies() -> dict[str, tuple[str, str]]:
    """A session and an API token per role, made in this process (the server's cookies
    are Secure-only outside DEBUG, and the bench talks plain HTTP on 127.0.0.1)."""
    from django.test import Client

    from luoshi.api.auth import issue_token
    from luoshi.orgs.models import User

    cookies = {}
    for role, username, _pages in PAGES:
        client = Client()
        person = User.objects.get(username=username)
        client.force_login(person)
        cookies[role] = (client.cookies["sessionid"].value, issue_token(person, "bench")[1])
    return cookies


def measure_http(port: int, args, paths: dict, cookies: dict[str, str]) -> dict:
    import requests

    base = f"http://127.0.0.1:{port}"
    results = {}
    for role, _username, pages in PAGES:
        session = requests.Session()
        session_id, token = cookies[role]
        session.cookies.set("sessionid", session_id)
        for label, path in pages:
            url = base + path.format(**paths)
            times, size, status = [], 0, 0
            for n in range(args.warmup + args.requests):
                began = time.perf_counter()
                headers = {"Accept-Language": "zh-hans"}
                if path.startswith("/api/"):
                    headers["Authorization"] = f"Bearer {token}"
                answer = session.get(url, headers=headers)
                if n >= args.warmup:
                    times.append((time.perf_counter() - began) * 1000)
                size, status = len(answer.content), answer.status_code
            results[(role, label)] = (times, size, status)
    return results


def measure_in_process(url: str, args, paths: dict, count_only: bool) -> dict:
    """Query counts (and, unless count_only, times) with Django's test client."""
    setup_django(url)
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from luoshi.api.auth import issue_token
    from luoshi.orgs.models import User

    results = {}
    for role, username, pages in PAGES:
        client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
        person = User.objects.get(username=username)
        client.force_login(person)
        token = issue_token(person, "bench")[1]
        for label, path in pages:
            target = path.format(**paths)
            extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if path.startswith("/api/") else {}
            times, size, status, queries = [], 0, 0, 0
            rounds = 1 if count_only else args.warmup + args.requests
            for n in range(rounds):
                reset_queries()
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    answer = client.get(target, **extra)
                    elapsed = (time.perf_counter() - began) * 1000
                if n >= (0 if count_only else args.warmup):
                    times.append(elapsed)
                size, status, queries = len(answer.content), answer.status_code, len(captured)
            results[(role, label)] = (times, size, status, queries)
    return results


def serve(url: str, port: int) -> subprocess.Popen:
    luoshi(url, "collectstatic", "--no-input", "-v0")
    return gunicorn(port, env_for(url))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, action="append", help="cities (default 1)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--in-process", action="store_true", help="no gunicorn: test client")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    args = parser.parse_args()
    scales = args.scale or [1]
    if len(scales) > 1:
        raise SystemExit("one --scale per run: Django is set up once, on one database")
    for scale in scales:
        url = (
            fresh_database(scale, args.sqlite)
            if not args.reuse
            else (
                f"sqlite:///{ROOT / 'var' / f'bench_{scale}.sqlite3'}"
                if args.sqlite
                else f"{PG}/luoshi_bench_{scale}"
            )
        )
        if not args.reuse:
            began = time.perf_counter()
            luoshi(url, "migrate", "-v0")
            luoshi(url, "generate", "--scale", str(scale), "--seed", "1")
            print(f"scale {scale}: generated in {time.perf_counter() - began:.0f} s", flush=True)
        vacuum(url)
        paths = ids(url)
        setup_django(url)
        if args.in_process:
            timed = measure_in_process(url, args, paths, count_only=False)
            counted = timed
        else:
            server = serve(url, args.port)
            try:
                timed = measure_http(args.port, args, paths, signed_in_cookies())
            finally:
                server.terminate()
                server.wait()
            counted = measure_in_process(url, args, paths, count_only=True)
        where = "SQLite" if args.sqlite else "PostgreSQL"
        how = "in-process" if args.in_process else "gunicorn -w 4"
        print(f"\n## {scale}× ({where}, {how}, {args.requests} requests after {args.warmup})\n")
        print("| role | page | status | median ms | p95 ms | queries | KB |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for (role, label), (times, size, status, *_) in timed.items():
            queries = counted[(role, label)][3]
            print(
                f"| {role} | {label} | {status} | {statistics.median(times):.0f} | "
                f"{percentile(times, 0.95):.0f} | {queries} | {size / 1024:.0f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
