"""Ledger import benchmark: does importing a hazard register cost at most twice reading it?

Builds a workbook of N safety hazards (default 100,000) as a unit would fill
it (15 columns: text, Chinese choice labels, unit names, dates, amounts), then
prints:

- read: openpyxl's read-only mode just reading the file (load_workbook with
  read_only=True and iterating every row's values), the floor of any import;
- import: luoshi.excel.ledger.import_file with commit=True — the file checks,
  openpyxl reading the cells (formulas kept, to refuse them), every cell
  validated and resolved, and the hazards, their history rows and their
  opening events written in one transaction;
- their ratio (goal: import / read <= 2.0).

It runs on its own database: by default a fresh SQLite file /tmp/luoshi-bench.sqlite3
(migrated first); set DATABASE_URL to use another (it must be empty or disposable:
the imported rows are deleted between runs).

Usage: .venv/bin/python bench/ledger_import_bench.py [N_ROWS] [--repeat R]
Read is the best of R runs (default 3); import is the best of R runs too,
each on an empty register. Wall-clock figures decide; the CPU time of the
same runs is printed beside them, since a shared machine's load shows in the
wall clock (and the database's disk writes show only there).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/luoshi-bench.sqlite3"


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        Path(DEFAULT_DB).unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT_DB}"
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_city():
    from luoshi.orgs.models import Membership, Unit, User

    city, _ = Unit.objects.get_or_create(
        code="bench", defaults={"name": "基准市", "short_name": "基准市", "kind": "city"}
    )
    units = []
    for i, name in enumerate(("市应急管理局", "市住建局", "市消防救援支队", "市交通运输局")):
        unit, _ = Unit.objects.get_or_create(
            code=f"bench-{i}",
            defaults={"name": name, "short_name": name[1:], "kind": "department", "parent": city},
        )
        units.append(unit)
    for i in range(20):
        unit, _ = Unit.objects.get_or_create(
            code=f"bench-town-{i}",
            defaults={
                "name": f"第{i + 1}街道办事处",
                "short_name": f"第{i + 1}街道",
                "kind": "town",
                "parent": city,
            },
        )
        units.append(unit)
    user, created = User.objects.get_or_create(username="bench-supervisor")
    if created:
        Membership.objects.create(user=user, unit=city, role="supervisor")
    return user, units


DOMAINS = ["燃气", "消防", "建筑施工", "道路交通", "矿山", "危化品", "特种设备", "其他"]
PLACES = ["医院", "学校", "养老机构", "九小场所", "高层建筑", "工矿企业", "商场市场", "居民小区"]
WORDS = "燃气管道老化 消防通道堵塞 电动车违规充电 脚手架未设防护 安全出口锁闭 液化气瓶无检验 配电箱裸露 护栏缺失".split()


def build_workbook(path: Path, n: int, units) -> None:
    from openpyxl import Workbook

    from luoshi.excel.ledger import HAZARD_COLUMNS

    rnd = random.Random(20250930)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("安全隐患")
    sheet.append([c.header for c in HAZARD_COLUMNS])
    start = date(2024, 1, 1)
    names = [u.name if i % 2 else u.short_name for i, u in enumerate(units)]
    for i in range(n):
        found = start + timedelta(days=rnd.randrange(600))
        sheet.append(
            [
                None,
                f"{rnd.choice(WORDS)}（第{i + 1}处）",
                DOMAINS[i % len(DOMAINS)],
                f"{rnd.choice(names)}辖区{rnd.randrange(1, 300)}号",
                PLACES[i % len(PLACES)],
                "重大" if i % 20 == 0 else "一般",
                found,
                f"检查员{rnd.randrange(1, 60)}",
                names[i % len(names)],
                found + timedelta(days=rnd.randrange(7, 90)),
                "限期整改，落实专人负责" if i % 3 else None,
                None,
                f"责任人{rnd.randrange(1, 500)}" if i % 20 == 0 else None,
                round(rnd.uniform(0.5, 80), 2) if i % 20 == 0 else None,
                "制定应急预案，设置警示标志" if i % 20 == 0 else None,
            ]
        )
    book.save(path)


def bare_read(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = 0
    for _row in book.worksheets[0].iter_rows(values_only=True):
        rows += 1
    book.close()
    return rows


def empty_register() -> None:
    from luoshi.ledgers.models import Hazard, HazardEvent

    HazardEvent.objects.all().delete()
    Hazard.history.all().delete()
    Hazard.objects.all()._raw_delete(Hazard.objects.db)


def run_import(path: Path, user) -> dict:
    from luoshi.excel.ledger_import import import_file

    with open(path, "rb") as source:
        _preview, counts = import_file("hazards", source, user, commit=True, max_bytes=0)
    return counts


def best(fn, repeat: int, before=None):
    """(best wall time, all wall times, CPU time of the best run, result)."""
    runs, result = [], None
    for _ in range(repeat):
        if before:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    fastest = min(runs)
    return fastest[0], [w for w, _c in runs], fastest[1], result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    setup_django()
    from django.db import connection

    from luoshi.ledgers.models import Hazard, HazardEvent

    user, units = make_city()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hazards.xlsx"
        started = time.perf_counter()
        build_workbook(path, args.rows, units)
        print(
            f"workbook: {args.rows:,} hazards, {path.stat().st_size / 1024 / 1024:.1f} MB, "
            f"built in {time.perf_counter() - started:.1f} s; database {connection.vendor}"
        )
        read_s, read_all, read_cpu, rows = best(lambda: bare_read(path), args.repeat)
        assert rows == args.rows + 1
        import_s, import_all, import_cpu, counts = best(
            lambda: run_import(path, user), args.repeat, before=empty_register
        )
        assert counts["created"] == args.rows, counts
        assert Hazard.objects.count() == args.rows
        assert Hazard.history.count() == args.rows
        assert HazardEvent.objects.count() == args.rows

    print(f"read   (openpyxl read-only, every row): {read_s:7.2f} s  (CPU {read_cpu:.2f} s)")
    print(f"import (check, validate, write):        {import_s:7.2f} s  (CPU {import_cpu:.2f} s)")
    print(f"  all runs, wall: read {_fmt(read_all)}; import {_fmt(import_all)}")
    print(
        f"ratio import / read: {import_s / read_s:.2f}  (goal <= 2.0); CPU only "
        f"{import_cpu / read_cpu:.2f}"
    )


def _fmt(times) -> str:
    return " ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
