"""Run the test suite on SQLite, then on PostgreSQL when one is reachable.

LUOSHI_TEST_POSTGRES names the PostgreSQL server (default
postgres://postgres@127.0.0.1:5432/postgres). With CI=true an unreachable
PostgreSQL is a failure, not a skip. Extra arguments go to pytest.
"""

import os
import subprocess
import sys
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


def run(label: str, database_url: str, args: list[str]) -> int:
    print(f"\n=== tests on {label} ===", flush=True)
    # The suite's own key, used only by the test settings (tests/settings.py does the same).
    env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY="test-only-not-secret")  # noqa: S106
    env.pop("DEBUG", None)
    return subprocess.call(PYTEST + args, cwd=ROOT, env=env)  # noqa: S603 - our pytest, the developer's own arguments


def main() -> int:
    args = sys.argv[1:]
    ran, failed = [], []
    sqlite_url = f"sqlite:///{ROOT / 'var' / 'test.sqlite3'}"
    (ROOT / "var").mkdir(exist_ok=True)
    if run("SQLite", sqlite_url, args) != 0:
        failed.append("SQLite")
    ran.append("SQLite")

    pg_url = os.environ.get("LUOSHI_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    problem = postgres_reachable(pg_url)
    if problem is None:
        if run("PostgreSQL", pg_url, args) != 0:
            failed.append("PostgreSQL")
        ran.append("PostgreSQL")
    elif os.environ.get("CI", "").lower() == "true":
        print(f"PostgreSQL is not reachable ({problem}) and CI=true: failing.")
        failed.append("PostgreSQL (unreachable)")
    else:
        print(f"PostgreSQL is not reachable ({problem}): skipped.")

    print(f"\nTest suite ran on: {', '.join(ran)}")
    if failed:
        print(f"FAILED on: {', '.join(failed)}")
        return 1
    print("All passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
