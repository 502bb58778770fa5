"""Hostile uploads: time and peak memory of reading each, one process per file.

Builds a real 一表通 workbook (exported for the persona city's 商务局, filled),
a real ledger workbook and a real .docx, then hostile copies of each
(tests/excel/hostile.py): a dimension of A1:XFD1048576, 1e999 / NaN / abc in a
number cell, a shared-string index out of range, truncated XML, inflated
members. Each is read in a forked child (the 一表通 upload, the ledger import
with commit=False, or the plan-import reader), killed after --timeout seconds.
Prints the outcome (read, refused: the first message, or the exception a
page would turn into a 500), the wall-clock seconds and the child's peak RSS.

Usage: .venv/bin/python bench/hostile_uploads.py [--timeout 120] [--only NAME]
It runs on its own SQLite file /tmp/luoshi-hostile.sqlite3 (made afresh).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = "/tmp/luoshi-hostile.sqlite3"


def setup_django() -> None:
    Path(DB).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    os.environ["LUOSHI_TODAY"] = "2025-07-15"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def files(city) -> dict[str, tuple[str, bytes]]:
    """name → (reader, content)."""
    import docx
    from openpyxl import load_workbook

    from luoshi.excel import workbook as yibiaotong
    from tests.excel import hostile
    from tests.excel.helpers import HAZARD_HEADERS, hazard_row, ledger_book, save

    period = yibiaotong.parse_period("2025-06")
    book = yibiaotong.export_workbook(city.commerce, period)
    sheet = book[yibiaotong.SHEET]
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = 12345
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.NARRATIVE_COL + 1).value = "进展顺利"
    ybt = save(book)
    assert load_workbook(io.BytesIO(ybt), read_only=True)
    ledger = ledger_book([hazard_row(), hazard_row(隐患地点="二号楼")], HAZARD_HEADERS)

    document = docx.Document()
    document.add_heading("2025年重点工作计划", level=1)
    document.add_paragraph("全年社会消费品零售总额增长5%以上。签约项目不少于50个。")
    buffer = io.BytesIO()
    document.save(buffer)
    plan = buffer.getvalue()
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    docx_bomb = hostile.rewrite(
        plan,
        "word/document.xml",
        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + paragraph * 2_000_000, 1),
    )
    value = f"J{yibiaotong.FIRST_ROW}"
    out = {
        "ybt-good": ("ybt", ybt),
        "ybt-dimension": ("ybt", hostile.with_dimension(ybt)),
        "ybt-1e999": ("ybt", hostile.with_cell(ybt, value, hostile.number_cell(value, "1e999"))),
        "ybt-NaN": ("ybt", hostile.with_cell(ybt, value, hostile.number_cell(value, "NaN"))),
        "ybt-abc": ("ybt", hostile.with_cell(ybt, value, hostile.number_cell(value, "abc"))),
        "ybt-nines": (
            "ybt",
            hostile.with_cell(ybt, value, hostile.inline_text_cell(value, "9" * 400)),
        ),
        "ybt-shared-99999": (
            "ybt",
            hostile.with_cell(ybt, value, hostile.shared_string_cell(value, 99999)),
        ),
        "ybt-truncated": ("ybt", hostile.truncated(ybt)),
        "ybt-inflated": ("ybt", hostile.inflated(ybt, megabytes=300)),
        "ledger-good": ("ledger", ledger),
        "ledger-dimension": ("ledger", hostile.with_dimension(ledger)),
        "ledger-abc": ("ledger", hostile.with_cell(ledger, "N2", hostile.number_cell("N2", "abc"))),
        "ledger-truncated": ("ledger", hostile.truncated(ledger)),
        "ledger-inflated": ("ledger", hostile.inflated(ledger, megabytes=300)),
        "docx-good": ("docx", plan),
        "docx-bomb": ("docx", docx_bomb),
    }
    return out


def read(city, reader: str, content: bytes) -> str:
    from django.core.exceptions import ValidationError

    from luoshi.excel import workbook as yibiaotong
    from luoshi.excel.ledger_import import import_file
    from luoshi.excel.reader import Refused
    from luoshi.plans import importing

    try:
        if reader == "ybt":
            period = yibiaotong.parse_period("2025-06")
            result = yibiaotong.read_upload(
                io.BytesIO(content), city.commerce, period, city.commerce_reporter
            )
            return f"read: {[(r.value, r.narrative) for r in result.rows]}"
        if reader == "ledger":
            preview, _ = import_file("hazards", io.BytesIO(content), city.supervisor, commit=False)
            return f"read: {len(preview.creates)} rows"
        text = importing._read("plan.docx", content)
        return f"read: {len(text)} characters"
    except Refused as refused:
        return f"refused: {refused.problems[0]}"
    except ValidationError as error:
        return f"refused: {error.messages[0]}"
    except Exception as error:  # noqa: BLE001 (what a page would answer with a 500)
        return f"500: {type(error).__name__}: {str(error)[:80]}"


def measure(city, reader: str, content: bytes, timeout: float) -> tuple[str, float, float]:
    """(outcome, seconds, peak RSS in MB) of reading `content` in a forked child."""
    read_fd, write_fd = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child reads, reports, exits
        os.close(read_fd)
        outcome = read(city, reader, content)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        os.write(write_fd, f"{peak:.0f}\t{outcome}".encode())
        os._exit(0)
    os.close(write_fd)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(read_fd)
        return f"killed after {timeout:.0f} s", timeout, float("nan")
    elapsed = time.perf_counter() - started
    data = os.read(read_fd, 65536).decode()
    os.close(read_fd)
    peak, outcome = data.split("\t", 1)
    return outcome, elapsed, float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    setup_django()
    from django.conf import settings

    from tests.personas import PlanCity

    settings.LUOSHI_TODAY = date(2025, 7, 15)
    city = PlanCity()
    from django.db import connection

    connection.close()  # each child opens its own
    print(f"{'file':20} {'KB':>7} {'seconds':>8} {'peak MB':>8}  outcome")
    for name, (reader, content) in files(city).items():
        if args.only and args.only not in name:
            continue
        outcome, seconds, peak = measure(city, reader, content, args.timeout)
        print(f"{name:20} {len(content) / 1024:7.1f} {seconds:8.2f} {peak:8.0f}  {outcome[:110]}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
