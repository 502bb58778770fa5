"""gunicorn on 127.0.0.1 for the bench scripts, returned once it answers."""

import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gunicorn(port: int, env: dict, workers: int = 4, tries: int = 150) -> subprocess.Popen:
    import requests

    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "luoshi.wsgi", "-w", str(workers),
         "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60"],
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
