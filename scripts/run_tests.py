"""Run the test suite on SQLite and, when one is reachable, on PostgreSQL: both at once.

Each run is a single pytest process and leaves a core idle most of the time, so the
two run side by side (13 minutes here, each run taking 11–13 on its own core); each
writes its output to var/test-<database>.log, printed whole when it ends. They share
nothing: SQLite uses var/test.sqlite3, PostgreSQL its own test database, and each its
own Redis database (LUOSHI_TEST_REDIS). LUOSHI_TEST_SERIAL=1 runs them one after the
other with their output straight to the terminal.

The tests that open no database (DATABASE_FREE) run on SQLite only.

LUOSHI_TEST_POSTGRES names the PostgreSQL server (default
postgres://postgres@127.0.0.1:5432/postgres). With CI=true an unreachable
PostgreSQL is a failure, not a skip. Extra arguments go to pytest.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTEST = [sys.executable, "-m", "pytest"]


def postgres_reachable(url: str) -> str | None:
    """None when a connection works, else the reason it did not."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5):
            return None
    except Exception as error:  # any failure to connect means "not reachable"
        return str(error).strip().splitlines()[0]


REDIS = "redis://127.0.0.1:6379"

# Tests that never open a database connection (the intake engine on text, the corpus
# scorer): running them a second time on PostgreSQL checks nothing new and costs
# minutes, so the PostgreSQL run leaves them to the SQLite run.
DATABASE_FREE = ("tests/core/intake", "tests/bench")


def postgres_args(args: list[str]) -> list[str]:
    """The PostgreSQL run's arguments: the developer's, less the database-free tests
    unless the developer named what to run."""
    if any(not a.startswith("-") for a in args):
        return args
    return args + [f"--ignore={path}" for path in DATABASE_FREE]


def environment(database_url: str, redis_db: int) -> dict[str, str]:
    # The suite's own key, used only by the test settings (tests/settings.py does the same).
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        SECRET_KEY="test-only-not-secret",  # noqa: S106
        LUOSHI_TEST_REDIS=f"{REDIS}/{redis_db}",
    )
    env.pop("DEBUG", None)
    return env


def start(label: str, env: dict[str, str], args: list[str], log: Path | None):
    """pytest for one database, its output to `log` (or the terminal when None)."""
    out = log.open("w") if log else None
    # our pytest, the developer's own arguments
    process = subprocess.Popen(PYTEST + args, cwd=ROOT, env=env, stdout=out, stderr=out)  # noqa: S603
    return label, process, log


def finish(label: str, process: subprocess.Popen, log: Path | None, began: float) -> int:
    code = process.wait()
    if log:
        print(f"\n=== tests on {label} ({time.monotonic() - began:.0f} s) ===", flush=True)
        print(log.read_text(errors="replace"), flush=True)
    return code


def main() -> int:
    args = sys.argv[1:]
    (ROOT / "var").mkdir(exist_ok=True)
    sqlite = ("SQLite", environment(f"sqlite:///{ROOT / 'var' / 'test.sqlite3'}", 13), args)
    runs = [sqlite]
    failed = []
    pg_url = os.environ.get("LUOSHI_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    problem = postgres_reachable(pg_url)
    if problem is None:
        runs.append(("PostgreSQL", environment(pg_url, 14), postgres_args(args)))
    elif os.environ.get("CI", "").lower() == "true":
        print(f"PostgreSQL is not reachable ({problem}) and CI=true: failing.")
        failed.append("PostgreSQL (unreachable)")
    else:
        print(f"PostgreSQL is not reachable ({problem}): skipped.")

    began = time.monotonic()
    if os.environ.get("LUOSHI_TEST_SERIAL") or len(runs) == 1:
        for label, env, run_args in runs:
            print(f"\n=== tests on {label} ===", flush=True)
            if finish(*start(label, env, run_args, None), began) != 0:
                failed.append(label)
    else:
        print(
            f"Running the suite on {' and '.join(r[0] for r in runs)} side by side...", flush=True
        )
        started = [
            start(label, env, run_args, ROOT / "var" / f"test-{label.lower()}.log")
            for label, env, run_args in runs
        ]
        for label, process, log in started:
            if finish(label, process, log, began) != 0:
                failed.append(label)

    print(f"\nTest suite ran on: {', '.join(r[0] for r in runs)}")
    if failed:
        print(f"FAILED on: {', '.join(failed)}")
        return 1
    print("All passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
