"""`luoshi extract FILE [--year YYYY] [--format json|table] [--text]`."""

from __future__ import annotations

import argparse
import json
import sys

from luoshi.core.numbers import format_value

from .errors import IntakeError
from .extract import ITEM_KEYS, OPTIONAL_KEYS, extract
from .readers import read_document

# A person reads the item fields; the offsets only matter to machines.
TABLE_COLUMNS = tuple(key for key in ITEM_KEYS if key not in ("start", "end"))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="luoshi extract",
        description="Read a work-plan document and print its targets and statistics.",
    )
    p.add_argument("file", help="a .txt, .md, .docx, .pdf or .html file, or - for standard input")
    p.add_argument(
        "--year", type=int, default=None, help="the document year, when the text does not say it"
    )
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument(
        "--text", action="store_true", help="print the repaired text that offsets refer to"
    )
    return p


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _width(s))


def render_table(items: list[dict]) -> str:
    rows = [list(TABLE_COLUMNS)]
    for it in items:
        row = []
        for k in TABLE_COLUMNS:
            v = it.get(k)
            if k == "value":
                v = format_value(v)
            v = "" if v is None else str(v)
            if k in ("snippet", "metric") and len(v) > 24:
                v = v[:23] + "…"
            row.append(v.replace("\n", " "))
        rows.append(row)
    widths = [max(_width(r[i]) for r in rows) for i in range(len(TABLE_COLUMNS))]
    lines = ["  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(items)} items)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    try:
        raw = read_document(args.file)
    except IntakeError as exc:
        print(f"luoshi extract: {exc.message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"luoshi extract: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    result = extract(raw, year=args.year)
    if args.text:
        sys.stdout.write(result.text)
        if not result.text.endswith("\n"):
            sys.stdout.write("\n")
        return 0
    # the contract's keys, then the additive ones an item carries (note, why, co_owners)
    items = [
        {k: it[k] for k in ITEM_KEYS} | {k: it[k] for k in OPTIONAL_KEYS if it.get(k)}
        for it in result.items
    ]
    if args.format == "table":
        print(render_table(items))
    else:
        print(json.dumps({"items": items}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
