"""gunicorn on 127.0.0.1 for the bench scripts, returned once it answers.

WORKERS sync processes by default (two per core on this 2-core machine: while one
waits on PostgreSQL another runs). `threads` > 1 runs gthread workers instead, each
serving that many requests at once; each thread keeps its own database connection
(DATABASE_CONN_MAX_AGE), so workers × threads connections per app server.
"""

import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 4
THREADS = 1


def gunicorn(
    port: int, env: dict, workers: int = WORKERS, threads: int = THREADS, tries: int = 150
) -> subprocess.Popen:
    import requests

    kind = ["-k", "gthread", "--threads", str(threads)] if threads > 1 else ["-k", "sync"]
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "luoshi.wsgi", "-w", str(workers), *kind,
         "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60",
         "--backlog", "2048"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    for _ in range(tries):
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=1)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")
