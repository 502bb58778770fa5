"""`luoshi evaluate SNAPSHOT.json`: run the status engine offline.

Reads a snapshot (section 4 of DESIGN.md; ``-`` for standard input) and prints
``{"at": ..., "evaluations": [...]}`` as JSON, or an aligned table with
``--format table``. ``--lang en`` gives English reasons. No database, no Django.

Exit status: 0 on success, 2 on bad input (one message on standard error,
naming the target and the field; nothing is printed on standard output).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from luoshi.core.explain import fmt, pct
from luoshi.core.status import LANGS, SnapshotError, evaluate_snapshot

EXIT_BAD_INPUT = 2
PROG = "luoshi evaluate"


class _Parser(argparse.ArgumentParser):
    def exit(self, status: int = 0, message: str | None = None):  # no sys.exit from a library
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Evaluate the status of every target in a snapshot.")
    p.add_argument("snapshot", help="snapshot JSON file, or - for standard input")
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format")
    p.add_argument("--lang", choices=LANGS, default="zh", help="language of the reasons")
    return p


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _read(path: str) -> str:
    if path == "-":
        stream = sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    return data


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(value, kind: str = "num") -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind == "pct":
        return pct(value)
    if isinstance(value, int | float):
        return fmt(value)
    return str(value)


# Each column of the table, and how its cells are written ("pct": a ratio as a percentage).
TABLE_COLUMNS = {
    "id": "num",
    "state": "num",
    "missing": "num",
    "expected": "num",
    "actual": "num",
    "ratio": "pct",
    "forecast": "num",
    "will_miss": "num",
    "reason": "num",
}


def render_table(result: dict) -> str:
    """An aligned, human-readable table (display width aware for Chinese)."""
    head = list(TABLE_COLUMNS)
    rows = [
        [_cell(e[name], kind) for name, kind in TABLE_COLUMNS.items()]
        for e in result["evaluations"]
    ]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(head)]
    numeric = {3, 4, 5, 6}

    def line(cells: list[str]) -> str:
        out = []
        for i, c in enumerate(cells):
            if i == len(cells) - 1:
                out.append(c)
            elif i in numeric:
                out.append(" " * (widths[i] - _width(c)) + c)
            else:
                out.append(_pad(c, widths[i]))
        return "  ".join(out).rstrip()

    lines = [f"at {result['at']}", line(head), line(["-" * w for w in widths[:-1]] + ["-" * 6])]
    lines += [line(r) for r in rows]
    return "\n".join(lines) + "\n"


def _write(text: str) -> None:
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "")
    if encoding != "utf8" and hasattr(out, "buffer"):
        out.flush()
        out.buffer.write(text.encode("utf-8"))
        out.buffer.flush()
    else:
        out.write(text)
        out.flush()


def _fail(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return EXIT_BAD_INPUT


def main(argv: list[str] | None = None) -> int:
    try:
        args = _build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except _Exit as e:
        return e.status
    name = "standard input" if args.snapshot == "-" else args.snapshot
    try:
        text = _read(args.snapshot)
    except OSError as e:
        return _fail(f"cannot read {name}: {e.strerror or e}")
    except UnicodeDecodeError as e:
        return _fail(f"{name} is not UTF-8 text: {e.reason} at byte {e.start}")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        return _fail(f"malformed JSON in {name}: {e.msg} at line {e.lineno}, column {e.colno}")
    except ValueError as e:
        return _fail(f"malformed JSON in {name}: {e}")
    try:
        result = evaluate_snapshot(data, lang=args.lang)
    except SnapshotError as e:
        return _fail(str(e))
    # Build the whole output before printing anything: nothing is half-printed.
    if args.format == "table":
        output = render_table(result)
    else:
        output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    _write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
