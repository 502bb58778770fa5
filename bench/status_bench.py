"""Status engine benchmark: is evaluating a snapshot no dearer than parsing it?

Generates a snapshot of 100,000 targets (mixed kinds) with 12 monthly readings
each, then prints:

- parse: ``json.loads`` of the text plus ``parse_snapshot`` into Targets,
- evaluate: ``evaluate_all`` over every target plus ``Evaluation.to_dict``
  (everything ``evaluate_snapshot`` does after parsing, reasons included),
- their ratio (goal: evaluate / parse <= 1.0).

Usage: .venv/bin/python bench/status_bench.py [N_TARGETS] [--repeat R]
Each figure is the best of R runs (default 3).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luoshi.core.status import evaluate_all, parse_snapshot  # noqa: E402

KINDS = ["cumulative", "cumulative", "cumulative", "growth", "level", "zero", "floor", "milestone"]
COMPARATORS = [">=", ">=", ">", "<=", "<", "=", "~"]


def make_snapshot(n: int, seed: int = 20250630) -> dict:
    rnd = random.Random(seed)
    targets = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        year = 2025
        t: dict = {
            "id": f"t{i}",
            "kind": kind,
            "start": f"{year}-01-01",
            "end": f"{year}-12-31",
            "unit": "个",
        }
        if i % 3 == 0:
            t["cadence"] = "month" if i % 2 else "quarter"
            t["due_day"] = 1 + i % 28
        if kind == "milestone":
            t["milestones"] = [
                {
                    "name": f"节点{k}",
                    "due": f"{year}-{3 * k:02d}-{rnd.randint(1, 28):02d}",
                    "done": None
                    if rnd.random() < 0.4
                    else f"{year}-{3 * k:02d}-{rnd.randint(1, 28):02d}",
                }
                for k in range(1, 5)
            ]
        else:
            t["comparator"] = rnd.choice(COMPARATORS)
            if kind in ("cumulative", "growth", "level"):
                t["value"] = rnd.choice([50, 100, 5.5, 70, 1000])
            if kind == "floor":
                t["baseline"] = 1000
            if kind == "cumulative" and i % 4 == 0:
                t["schedule"] = [["2025-03-31", 0.2], ["2025-06-30", 0.5], ["2025-09-30", 0.75]]
        readings = []
        for m in range(1, 13):
            day = 28 if m == 2 else 30
            r: dict = {"as_of": f"{year}-{m:02d}-{day:02d}", "value": round(rnd.uniform(0, 120), 2)}
            if kind == "zero":
                r["value"] = rnd.randint(0, 5)
                r["overdue"] = rnd.randint(0, r["value"])
            readings.append(r)
        t["readings"] = readings
        targets.append(t)
    return {"at": "2025-08-15", "targets": targets}


def best_of(repeat: int, fn):
    best = None
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    text = json.dumps(make_snapshot(args.n), ensure_ascii=False)

    def parse():
        return parse_snapshot(json.loads(text))

    t_parse, (at, rules, targets) = best_of(args.repeat, parse)
    t_loads, _ = best_of(args.repeat, lambda: json.loads(text))

    def run():
        return [e.to_dict() for e in evaluate_all(targets, at, rules)]

    t_eval, out = best_of(args.repeat, run)
    assert len(out) == args.n
    readings = sum(len(t.readings) for t in targets)
    print(f"targets:  {args.n:,} ({readings:,} readings, {len(text) / 1e6:.1f} MB of JSON)")
    print(
        f"parse:    {t_parse:.3f} s  (json.loads + parse_snapshot; json.loads alone {t_loads:.3f} s)"
    )
    print(f"evaluate: {t_eval:.3f} s  (evaluate_all + to_dict)")
    print(f"ratio:    {t_eval / t_parse:.2f}  (evaluate / parse; goal <= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
