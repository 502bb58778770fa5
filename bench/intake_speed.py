"""Throughput of the intake extractor.

    .venv/bin/python bench/intake_speed.py [--mb 5] [--corpus DIR] [--json]

The annotated documents (shared corpus and tests/intake_corpus, without their
``# source:`` lines) are concatenated repeatedly until the text is at least
``--mb`` megabytes of UTF-8 (1 MB = 1,000,000 bytes).  ``extract`` is then run
once on the whole text, and once per document over the same repeated sequence
of documents.  Goal: >= 1 MB/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.intake_scoring import load_documents  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_OWN = ROOT / "tests" / "intake_corpus"
GOAL_MB_S = 1.0
SEPARATOR = "\n\n"


def build_texts(texts: list[str], min_bytes: int) -> list[str]:
    """The documents repeated in order until their joined size reaches min_bytes."""
    out: list[str] = []
    size = 0
    sep = len(SEPARATOR.encode("utf-8"))
    while size < min_bytes:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8")) + sep
            if size >= min_bytes:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="minimum size in MB (default 5)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--own", type=Path, default=DEFAULT_OWN)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from luoshi.core.intake import extract

    docs = []
    for directory in (args.corpus, args.own):
        if directory.is_dir():
            docs += load_documents(directory)
    if not docs:
        print("no documents found", file=sys.stderr)
        return 2
    pieces = build_texts([d["text"] for d in docs], int(args.mb * 1_000_000))
    big = SEPARATOR.join(pieces)
    mb = len(big.encode("utf-8")) / 1_000_000

    t0 = time.perf_counter()
    whole = extract(big)
    t_whole = time.perf_counter() - t0
    n_whole = len(whole.items)

    t0 = time.perf_counter()
    n_each = 0
    for piece in pieces:
        n_each += len(extract(piece).items)
    t_each = time.perf_counter() - t0
    mb_each = sum(len(p.encode("utf-8")) for p in pieces) / 1_000_000

    rows = {
        "one_call": {
            "mb": mb,
            "chars": len(big),
            "seconds": t_whole,
            "mb_per_s": mb / t_whole if t_whole else None,
            "items": n_whole,
        },
        "per_document": {
            "mb": mb_each,
            "documents": len(pieces),
            "seconds": t_each,
            "mb_per_s": mb_each / t_each if t_each else None,
            "items": n_each,
        },
        "goal_mb_per_s": GOAL_MB_S,
    }
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return 0
    print(f"intake speed on {len(docs)} distinct documents repeated (goal >= {GOAL_MB_S} MB/s)")
    for label, key in (("one call", "one_call"), ("per document", "per_document")):
        r = rows[key]
        rate = r["mb_per_s"]
        verdict = "ok" if rate is not None and rate >= GOAL_MB_S else "BELOW GOAL"
        extra = f", {r['documents']} calls" if key == "per_document" else ""
        print(
            f"  {label:<13} {r['mb']:.2f} MB in {r['seconds']:.2f} s = {rate:.2f} MB/s "
            f"({r['items']} items{extra})  {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
