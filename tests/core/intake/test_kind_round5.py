"""Targets and statistics, round five: rules found on the last cold batches (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.periods import find_times


def _kinds(text):
    return [(it["kind"], it["value"]) for it in extract(text).items]


def _why(text):
    return [it["why"]["kind"] for it in extract(text).items]


# periods: a range of months gone by in a text that names no year


def test_an_undated_range_of_months_is_a_past_period_of_a_year_unknown():
    assert [(t.period, t.role) for t in find_times("1—5月份,全市签约项目20个", None)] == [
        (None, "past")
    ]
    # dated, the range keeps its year
    assert [(t.period, t.role) for t in find_times("1—5月份,全市签约项目20个", 2021)] == [
        ("2021M01-M05", "past")
    ]


def test_figures_after_an_undated_range_of_months_are_results():
    text = "记者从某市商务局获悉。1—4月份,引进到位资金120.5亿元,同比增长30.2%,完成全年任务的41%。"
    assert _kinds(text)[:2] == [("statistic", 1.205e10), ("statistic", 30.2)]
    # a plan with no months gone by before its figure stays a target
    plan = "记者从某市商务局获悉。全年计划引进到位资金300亿元,力争同比增长10%。"
    assert ("target", 3e10) in _kinds(plan)
