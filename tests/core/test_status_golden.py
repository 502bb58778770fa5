"""Golden snapshots: hand-checked expected evaluations (DESIGN.md section 4).

Each ``status_golden/NAME.snapshot.json`` has a ``NAME.expected.json`` whose
numbers were worked out by hand; the arithmetic is written beside each case in
``_calc`` (and the reasoning in ``_why``). Floats compare with a relative
tolerance of 1e-9; state, missing and will_miss compare exactly. Reasons are
not part of the golden files.
"""

import json
import math
from pathlib import Path

import pytest

from luoshi.core.status import evaluate_snapshot

GOLDEN = Path(__file__).parent / "status_golden"
NAMES = sorted(p.name.removesuffix(".snapshot.json") for p in GOLDEN.glob("*.snapshot.json"))
FIELDS = (
    "id",
    "state",
    "missing",
    "expected",
    "actual",
    "ratio",
    "forecast",
    "will_miss",
    "reason",
)


def _load(name: str, suffix: str) -> dict:
    return json.loads((GOLDEN / f"{name}.{suffix}.json").read_text(encoding="utf-8"))


def _cases():
    for name in NAMES:
        for case in _load(name, "expected")["evaluations"]:
            yield pytest.param(name, case, id=f"{name}:{case['id']}")


def test_there_are_at_least_60_golden_targets():
    assert sum(1 for _ in _cases()) >= 60


@pytest.mark.parametrize("name", NAMES)
def test_golden_snapshot_keeps_order_and_at(name):
    expected = _load(name, "expected")
    got = evaluate_snapshot(_load(name, "snapshot"))
    assert got["at"] == expected["at"]
    assert [e["id"] for e in got["evaluations"]] == [e["id"] for e in expected["evaluations"]]
    for e in got["evaluations"]:
        assert tuple(e) == FIELDS


_results: dict[str, dict] = {}


def _result(name: str) -> dict:
    if name not in _results:
        evals = evaluate_snapshot(_load(name, "snapshot"))["evaluations"]
        _results[name] = {e["id"]: e for e in evals}
    return _results[name]


def _same_number(got, want) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(got, bool) or isinstance(want, bool):
        return False
    return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize(("name", "case"), list(_cases()))
def test_golden_case(name, case):
    got = _result(name)[case["id"]]
    assert got["state"] == case["state"]
    assert got["missing"] is case["missing"]
    assert got["will_miss"] is case["will_miss"]
    for field in ("expected", "actual", "ratio", "forecast"):
        assert _same_number(got[field], case[field]), (field, got[field], case[field])
    assert isinstance(got["reason"], str) and got["reason"]
