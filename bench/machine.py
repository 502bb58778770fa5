"""Where a bench run's CPU went, and whether PostgreSQL checkpointed during it.

On one machine the load generator, the app servers, the task worker and PostgreSQL
share the cores, so a latency figure means little without the share each took. The
processes a bench script starts are its children: `resource.getrusage(RUSAGE_CHILDREN)`
read before and after each is waited for gives its CPU, its own children included (a
gunicorn arbiter waits for its workers). PostgreSQL's processes are not ours; their CPU
is read from /proc at the start and at the end of the run, keyed by pid and start time so
that a reused pid is not mistaken for the old process. A backend that ends during the
run (a connection older than DATABASE_CONN_MAX_AGE is closed) takes its CPU with it,
but the postmaster that waits for it adds it to its own children's time, read too.
"""

from __future__ import annotations

import resource
import threading
from pathlib import Path

TICKS = 100  # os.sysconf("SC_CLK_TCK") on Linux


def children_cpu() -> float:
    """CPU seconds (user + system) of every child waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def postgres_cpu() -> dict[tuple[int, int], float]:
    """(pid, start time) → CPU seconds, for every live process named postgres."""
    seen = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended while we looked
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        if name != "postgres" and not name.startswith("postgres:"):
            continue
        fields = text[text.rindex(")") + 2 :].split()
        # After the name: state is field 3 of stat(5); utime 14, stime 15, the waited-for
        # children's cutime 16 and cstime 17, starttime 22.
        spent = sum(int(field) for field in fields[11:15])
        seen[(int(stat.parent.name), int(fields[19]))] = spent / TICKS
    return seen


def postgres_spent(before: dict[tuple[int, int], float]) -> float:
    """CPU seconds PostgreSQL's processes spent since `before` was read."""
    now = postgres_cpu()
    return sum(cpu - before.get(key, 0.0) for key, cpu in now.items())


def checkpoints(connection) -> int:
    """Checkpoints PostgreSQL has begun since its statistics were reset (timed + asked)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")
        return int(cursor.fetchone()[0])


def checkpoint_later(url: str, seconds: float) -> threading.Timer:
    """A CHECKPOINT `seconds` from now, on a connection of its own (`url`)."""
    import psycopg

    def run() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CHECKPOINT")

    timer = threading.Timer(seconds, run)
    timer.daemon = True
    timer.start()
    return timer
