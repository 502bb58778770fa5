"""The engine's public API, reasons in both languages, and its independence from Django."""

import subprocess
import sys
from datetime import date

import pytest

from luoshi.core.periods import due_date, owed_period_end
from luoshi.core.status import (
    DEFAULT_RULES,
    Milestone,
    Reading,
    Rules,
    SnapshotError,
    Target,
    evaluate,
    evaluate_snapshot,
    fmt,
    parse_snapshot,
)

Y = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def test_fmt_rounds_to_one_decimal_and_strips_zero():
    assert fmt(20.054945) == "20.1"
    assert fmt(18) == "18"
    assert fmt(18.0) == "18"
    assert fmt(89.75) == "89.8" or fmt(89.75) == "89.7"  # binary rounding of .x5 is allowed
    assert fmt(-0.01) == "0"
    assert fmt(1.8e12) == "1,800,000,000,000"
    assert fmt(1.8e12, "元", zh=True) == "1.8万亿"
    assert fmt(12000, "个", zh=True) == "12,000"


def test_evaluate_takes_a_target_built_by_hand_with_unsorted_readings():
    t = Target(
        id="x",
        kind="cumulative",
        value=50,
        unit="个",
        readings=(Reading(date(2025, 5, 31), 18), Reading(date(2025, 3, 31), 5)),
        **Y,
    )
    e = evaluate(t, date(2025, 6, 30), DEFAULT_RULES)
    assert e.actual == 18
    assert e.state == "lagging"
    assert e.reason.startswith("按序时进度应完成20.7个，实际18个，完成87%")


def test_target_rules_replace_plan_rules():
    t = Target(
        id="x",
        kind="growth",
        value=5,
        readings=(Reading(date(2025, 5, 31), 4.4),),
        rules=Rules(growth_tolerance_pp=0.5),
        **Y,
    )
    assert evaluate(t, date(2025, 6, 30), Rules(growth_tolerance_pp=3)).state == "behind"


def test_unknown_language_is_refused():
    t = Target(id="x", kind="zero", **Y)
    with pytest.raises(ValueError):
        evaluate(t, date(2025, 6, 30), lang="fr")


def test_parse_snapshot_returns_at_rules_and_targets():
    at, rules, targets = parse_snapshot(
        {
            "at": "2025-06-30",
            "rules": {"behind_below": 0.7},
            "targets": [
                {
                    "id": "a",
                    "kind": "floor",
                    "baseline": 10,
                    "start": "2025-01-01",
                    "end": "2025-12-31",
                    "rules": {"lagging_below": 0.9},
                }
            ],
        }
    )
    assert at == date(2025, 6, 30)
    assert rules == Rules(behind_below=0.7)
    assert targets[0].rules == Rules(lagging_below=0.9, behind_below=0.7)


def test_snapshot_error_carries_target_and_field():
    with pytest.raises(SnapshotError) as info:
        parse_snapshot(
            {"at": "2025-06-30", "targets": [{"id": "z", "kind": "zero", "start": "2025-01-01"}]}
        )
    assert (info.value.target_id, info.value.field) == ("z", "end")
    assert str(info.value).startswith("target 'z', field 'end': ")


REASONS = [
    # (target, zh fragment, en fragment)
    (
        Target(id="c", kind="cumulative", value=50, unit="个", **Y),
        "尚无填报，按序时进度应完成24.8个",
        "No report yet; 24.8个 expected by schedule",
    ),
    (
        Target(
            id="c",
            kind="cumulative",
            value=50,
            unit="个",
            readings=(Reading(date(2025, 4, 30), 52),),
            **Y,
        ),
        "已完成目标50个，实际52个",
        "Target of 50个 met: 52个",
    ),
    (
        Target(
            id="k",
            kind="cumulative",
            comparator="<=",
            value=1000,
            unit="吨",
            readings=(Reading(date(2025, 5, 31), 500),),
            **Y,
        ),
        "按序时进度应控制在413.7吨以内，实际500吨",
        "At most 413.7吨 by schedule, actual 500吨",
    ),
    (
        Target(id="g", kind="growth", value=5, readings=(Reading(date(2025, 5, 31), 4.2),), **Y),
        "目标增长不低于5%，实际增长4.2%，差0.8个百分点（在容差内）",
        "Target growth at least 5%, actual 4.2%, 0.8 pp short (within tolerance)",
    ),
    (
        Target(
            id="l",
            kind="level",
            value=70,
            unit="%",
            readings=(Reading(date(2025, 5, 31), 75),),
            **Y,
        ),
        "目标不低于70%，实际75%，已达标",
        "Target at least 70%, actual 75%, met",
    ),
    (
        Target(id="z", kind="zero", readings=(Reading(date(2025, 6, 1), 3, 1),), **Y),
        "尚有3项未清零，其中1项已超期",
        "3 still open, 1 past deadline",
    ),
    (
        Target(
            id="f",
            kind="floor",
            baseline=100,
            unit="万亩",
            readings=(Reading(date(2025, 6, 1), 99),),
            **Y,
        ),
        "当前99万亩，低于基数100万亩",
        "Now 99万亩, misses the baseline of 100万亩",
    ),
    (
        Target(id="m", kind="milestone", milestones=(Milestone("印发", date(2025, 6, 20)),), **Y),
        "节点“印发”应于2025年6月20日完成，已逾期10天（宽限15天内）",
        "Milestone “印发” was due 2025-06-20, 10 day(s) late (within 15 days' grace)",
    ),
    (
        Target(id="n", kind="zero", cadence="month", **Y),
        "尚无填报；截至2025年5月31日的报告逾期未报",
        "No report yet; the report as of 2025-05-31 is overdue",
    ),
]


@pytest.mark.parametrize(("target", "zh", "en"), REASONS, ids=[r[0].id for r in REASONS])
def test_reasons_read_well_in_both_languages(target, zh, en):
    at = date(2025, 6, 30)
    assert zh in evaluate(target, at).reason
    assert en in evaluate(target, at, lang="en").reason


def test_evaluate_snapshot_english():
    out = evaluate_snapshot(
        {
            "at": "2026-01-05",
            "targets": [
                {
                    "id": "a",
                    "kind": "cumulative",
                    "value": 50,
                    "start": "2025-01-01",
                    "end": "2025-12-31",
                    "readings": [{"as_of": "2025-12-31", "value": 45}],
                }
            ],
        },
        lang="en",
    )
    assert out["evaluations"][0]["reason"] == "Period ended short of 50: 45, 90% done"


def test_due_dates_clamp_to_the_month():
    assert due_date(date(2025, 1, 31), 30) == date(2025, 2, 28)
    assert due_date(date(2024, 1, 31), 31) == date(2024, 2, 29)
    assert due_date(date(2025, 12, 31), 5) == date(2026, 1, 5)


def test_owed_period_end():
    start = date(2025, 1, 1)
    assert owed_period_end("month", 5, start, date(2025, 7, 5)) == date(2025, 6, 30)
    assert owed_period_end("month", 5, start, date(2025, 7, 4)) == date(2025, 5, 31)
    assert owed_period_end("quarter", 5, start, date(2025, 7, 5)) == date(2025, 6, 30)
    assert owed_period_end("quarter", 5, start, date(2025, 7, 4)) == date(2025, 3, 31)
    assert owed_period_end("month", 5, start, date(2025, 1, 31)) is None
    # section 4 does not exempt periods after the target's end: the latest period due counts
    assert owed_period_end("month", 5, start, date(2027, 3, 1)) == date(2027, 1, 31)


def test_core_imports_no_django():
    code = (
        "import sys, luoshi.core.status, luoshi.core.status_cli, luoshi.core.snapshot, "
        "luoshi.core.periods; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'django']; "
        "assert not bad, bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
