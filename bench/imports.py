"""Ledger imports as background jobs: 100,000 rows through the job path, and the threshold.

Prints:

- in the request: the seconds a small register takes to import where it is uploaded
  (files up to settings.IMPORT_IN_REQUEST_MAX_BYTES stay there), for a few sizes, so
  the threshold can be chosen from figures;
- as a job: a 100,000-row hazard register (the bench workbook of
  bench/ledger_import_bench.py) stored and queued as the import page queues it, then
  run by a real `luoshi db_worker --batch` in another process, while this process
  polls the job's row as the job page does: the seconds to the first progress, to the
  end, the progress figures seen on the way, and the slowest poll (on SQLite the
  apply holds the write lock; the polls read and must not wait for it).

It runs on its own database: by default a fresh SQLite file /tmp/luoshi-bench-jobs.sqlite3;
set DATABASE_URL to use another (empty or disposable).

Usage: .venv/bin/python bench/imports.py [N_ROWS]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/luoshi-bench-jobs.sqlite3"
SMALL_SIZES = (250, 500, 1000, 2000, 4000)


def setup_django(media: str) -> None:
    if not os.environ.get("DATABASE_URL"):
        for suffix in ("", "-wal", "-shm"):
            Path(DEFAULT_DB + suffix).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT_DB}"
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ["MEDIA_ROOT"] = media
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def in_request(user, units, folder: Path) -> None:
    from django.conf import settings

    from bench.ledger_import_bench import build_workbook, empty_register, run_import

    print(
        f"in the request (files up to {settings.IMPORT_IN_REQUEST_MAX_BYTES // 1024} KB "
        "stay there):"
    )
    for rows in SMALL_SIZES:
        path = folder / f"small-{rows}.xlsx"
        build_workbook(path, rows, units)
        empty_register()
        started = time.perf_counter()
        counts = run_import(path, user)
        seconds = time.perf_counter() - started
        assert counts["created"] == rows, counts
        print(f"  {rows:6,} rows  {path.stat().st_size / 1024:7.0f} KB  {seconds:6.2f} s")
    empty_register()


def as_job(user, units, folder: Path, rows: int) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection

    from bench.ledger_import_bench import build_workbook
    from luoshi.excel import background, tasks
    from luoshi.excel.reader import check_upload
    from luoshi.jobs.models import Job
    from luoshi.ledgers.models import Hazard

    path = folder / "big.xlsx"
    build_workbook(path, rows, units)
    data = path.read_bytes()
    upload = SimpleUploadedFile("big.xlsx", data)
    started = time.perf_counter()
    check_upload(upload)
    job = background.start_ledger_job(user, "hazards", upload, commit=True, link="", store=True)
    tasks.ledger_job.enqueue(job.pk)
    queued = time.perf_counter() - started
    print(
        f"as a job: {rows:,} hazards, {len(data) / 1024 / 1024:.1f} MB; "
        f"checked, stored and queued in {queued:.2f} s; database {connection.vendor}"
    )
    worker = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "luoshi.cli", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
    )
    began = time.perf_counter()
    seen, slowest, first = [], 0.0, None
    while True:
        poll = time.perf_counter()
        state, done, total, message = Job.objects.filter(pk=job.pk).values_list(
            "state", "done", "total", "message"
        )[0]
        slowest = max(slowest, time.perf_counter() - poll)
        elapsed = time.perf_counter() - began
        if done and first is None:
            first = elapsed
        if not seen or seen[-1][1:] != (state, done, total, message):
            seen.append((elapsed, state, done, total, message))
        if state in ("done", "failed"):
            break
        if worker.poll() is not None and state in ("queued", "running"):
            time.sleep(0.5)
            if Job.objects.get(pk=job.pk).state in ("queued", "running"):
                raise SystemExit("the worker ended and the job did not")
        time.sleep(0.5)
    worker.wait()
    job.refresh_from_db()
    print(f"  what the page saw ({len(seen)} changes):")
    for elapsed, state, done, total, message in seen[:: max(1, len(seen) // 12)] + seen[-1:]:
        print(f"    {elapsed:6.1f} s  {state:8} {done:>7,} / {total or 0:>7,}  {message}")
    print(f"  first progress after {first or 0:.1f} s; finished after {seen[-1][0]:.1f} s")
    print(f"  slowest poll of the job row: {slowest * 1000:.0f} ms")
    assert job.state == "done", (job.error, job.problems[:3])
    assert Hazard.objects.count() == rows
    print(f"  result: {job.result}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(str(Path(folder) / "media"))
        from bench.ledger_import_bench import make_city

        user, units = make_city()
        in_request(user, units, Path(folder))
        as_job(user, units, Path(folder), args.rows)


if __name__ == "__main__":
    main()
