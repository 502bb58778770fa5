"""The engine writes only finite numbers within the documented range (issue 10, #3/#4).

Every number that goes in lies within ±1e15 (luoshi.core.values.LIMIT); whatever the
arithmetic does with them (a forecast over a long period, a ratio over a tiny
expected value), what comes out is finite, within the same range, and a reason
never spells out a number of dozens of digits.
"""

import json
import math
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.core.status import (
    COMPARATORS,
    KINDS,
    Milestone,
    Reading,
    Rules,
    SnapshotError,
    Target,
    evaluate,
    parse_snapshot,
)
from luoshi.core.values import LIMIT

# In range, and with the extremes drawn often: the limits, zero, the smallest subnormal.
in_range = st.one_of(
    st.floats(min_value=-LIMIT, max_value=LIMIT, allow_nan=False, allow_infinity=False),
    st.sampled_from([LIMIT, -LIMIT, 0.0, 5e-324, -5e-324, 1e-300, 1.0]),
)
non_negative = st.one_of(
    st.floats(min_value=0, max_value=LIMIT, allow_nan=False, allow_infinity=False),
    st.sampled_from([LIMIT, 0.0, 5e-324, 1e-300]),
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
LONG_DIGITS = re.compile(r"\d[\d,.]{30,}")


@st.composite
def extreme_targets(draw):
    start = draw(days)
    end = start + timedelta(days=draw(st.integers(0, 40000)))
    kind = draw(st.sampled_from(KINDS))
    readings = []
    for _ in range(draw(st.integers(0, 3))):
        as_of = start + timedelta(days=draw(st.integers(0, (end - start).days + 10)))
        if kind == "zero":
            open_ = draw(non_negative)
            readings.append(Reading(as_of, open_, draw(st.none() | st.just(open_))))
        else:
            readings.append(Reading(as_of, draw(in_range)))
    milestones = ()
    if kind == "milestone":
        milestones = (Milestone("m", start + timedelta(days=draw(st.integers(0, 400)))),)
    return Target(
        id="t",
        kind=kind,
        start=start,
        end=end,
        comparator=draw(st.sampled_from(COMPARATORS)),
        value=draw(in_range),
        unit=draw(st.sampled_from(["", "个", "%", "元"])),
        cadence=draw(st.sampled_from([None, "month", "quarter"])),
        readings=tuple(readings),
        milestones=milestones,
        baseline=draw(in_range),
    )


@st.composite
def extreme_rules(draw):
    lagging = draw(non_negative)
    behind = draw(st.floats(min_value=0, max_value=lagging))
    return Rules(lagging, behind, draw(non_negative), draw(non_negative), draw(st.integers(0, 366)))


@settings(max_examples=400, deadline=None)
@given(extreme_targets(), days, extreme_rules(), st.sampled_from(["zh", "en"]))
def test_engine_never_returns_a_non_finite_or_out_of_range_number(t, at, rules, lang):
    e = evaluate(t, at, rules, lang)
    for name in ("expected", "actual", "ratio", "forecast"):
        x = getattr(e, name)
        assert x is None or (math.isfinite(x) and -LIMIT <= x <= LIMIT), (name, x)
    assert not LONG_DIGITS.search(e.reason), e.reason
    json.dumps(e.to_dict(), allow_nan=False)  # strict JSON: no NaN, no Infinity


def test_a_huge_reading_over_a_tiny_expected_value_gives_a_bounded_ratio():
    t = Target(
        id="t",
        kind="cumulative",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        value=1e-300,
        readings=(Reading(date(2025, 1, 1), 1e15),),
    )
    e = evaluate(t, date(2025, 1, 1))
    assert e.ratio == LIMIT
    assert e.state == "done"
    assert not LONG_DIGITS.search(e.reason), e.reason


def test_a_forecast_over_a_long_period_is_bounded():
    t = Target(
        id="t",
        kind="cumulative",
        start=date(1990, 1, 1),
        end=date(2100, 12, 31),
        value=LIMIT,
        readings=(Reading(date(1990, 1, 1), 1e15 / 2),),
    )
    e = evaluate(t, date(1990, 1, 2), lang="en")
    assert e.forecast == LIMIT
    assert e.will_miss is False


def test_a_stored_infinity_is_judged_but_never_returned():
    """A reading stored before values were checked (1e999 from a workbook cell)."""
    t = Target(
        id="t",
        kind="cumulative",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        value=50,
        readings=(Reading(date(2025, 6, 30), math.inf),),
    )
    e = evaluate(t, date(2025, 7, 1))
    assert e.actual == LIMIT and e.ratio == LIMIT
    assert "inf" not in e.reason


def _snapshot(**target):
    base = {"id": "t1", "kind": "cumulative", "value": 50, "start": "2025-01-01"}
    return {"at": "2025-06-30", "targets": [{**base, "end": "2025-12-31", **target}]}


@pytest.mark.parametrize(
    ("target", "field", "words"),
    [
        ({"readings": [{"as_of": "2025-05-31", "value": 1.7e308}]}, "readings[0].value", "1e15"),
        ({"readings": [{"as_of": "2025-05-31", "value": -3}]}, "readings[0].value", "negative"),
        ({"readings": [{"as_of": "2025-05-31", "value": True}]}, "readings[0].value", "True"),
        ({"value": 2e15}, "value", "1e15"),
        ({"value": -50}, "value", "negative"),
        (
            {"kind": "growth", "value": 5, "readings": [{"as_of": "2025-05-31", "value": -101}]},
            "readings[0].value",
            "-100%",
        ),
        (
            {"kind": "zero", "value": 0, "readings": [{"as_of": "2025-05-31", "value": 1.5}]},
            "readings[0].value",
            "whole",
        ),
        (
            {"kind": "floor", "baseline": 1e16, "readings": []},
            "baseline",
            "1e15",
        ),
    ],
)
def test_snapshot_refuses_values_out_of_range_or_wrong_for_the_kind(target, field, words):
    with pytest.raises(SnapshotError) as caught:
        parse_snapshot(_snapshot(**target))
    assert caught.value.target_id == "t1"
    assert caught.value.field == field
    assert words in str(caught.value)
    assert len(str(caught.value)) < 200  # a 400-digit input is not repeated whole


def test_snapshot_accepts_negative_growth_and_level_readings():
    snap = _snapshot(kind="growth", value=5, readings=[{"as_of": "2025-05-31", "value": -3.2}])
    parse_snapshot(snap)
    snap = _snapshot(kind="level", value=-2, readings=[{"as_of": "2025-05-31", "value": -7}])
    parse_snapshot(snap)


@pytest.mark.parametrize("raw", ["1e999", "1.7e308", "-5", "true"])
def test_luoshi_evaluate_exits_2_naming_the_target_and_field(raw, tmp_path, capsys):
    from luoshi.core.status_cli import main

    path = tmp_path / "snapshot.json"
    path.write_text(
        '{"at": "2025-06-30", "targets": [{"id": "t1", "kind": "cumulative", "value": 50,'
        ' "start": "2025-01-01", "end": "2025-12-31",'
        f' "readings": [{{"as_of": "2025-05-31", "value": {raw}}}]}}]}}'
    )
    assert main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "target 't1', field 'readings[0].value'" in err, err
