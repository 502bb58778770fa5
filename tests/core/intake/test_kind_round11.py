"""Targets and statistics, round eleven: signs, plan revisions, progress reports (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.numbers_scan import scan_quantities
from luoshi.core.intake.periods import find_times


def _values(text):
    return [(q.value, q.unit) for q in scan_quantities(text, 0, len(text))]


def _items(text, year=None):
    return extract(text, year).items


def _periods(text, year=2019):
    return [(x.period, x.role) for x in find_times(text, year)]


# a minus sign before a figure: a fall printed as a negative change, in every form


def test_a_minus_sign_after_a_word_makes_the_figure_negative():
    assert _values("工业产值增幅-2.7%。") == [(-2.7, "%")]
    assert _values("出口增长1.2%(全省-0.6%)") == [(1.2, "%"), (-0.6, "%")]
    # the full-width and the mathematical minus are repaired to the hyphen first
    assert [it["value"] for it in _items("2019年,全镇税收增幅－3.4%。")] == [-3.4]
    assert [it["value"] for it in _items("2019年,全镇税收增幅−3.4%。")] == [-3.4]


def test_fu_before_a_rate_is_a_minus():
    assert _values("利润增长负5.5%。") == [(-5.5, "%")]


def test_a_range_dash_and_a_burden_are_no_minus():
    assert _values("增长5%-6%") == [(5.0, "%"), (6.0, "%")]
    assert _values("举办3-5场") == [(3.0, "场"), (5.0, "场")]
    assert _values("新建8个-10个") == [(8.0, "个"), (10.0, "个")]
    assert _values("为企业减负120亿元") == [(12000000000.0, "元")]
    assert _values("误差正负2%") == [(2.0, "%")]


# a plan revised: the figure first set and the figure it was changed to are both the plan's


def test_both_ends_of_a_plan_revision_are_targets():
    text = (
        "2019年重点工作完成情况\n"
        "全县税收收入由年初预算26.4亿元调整为24亿元左右,增长由年初的6%调整为-3%左右。\n"
    )
    got = [(it["kind"], it["value"]) for it in _items(text)]
    assert got == [
        ("target", 2640000000.0),
        ("target", 2400000000.0),
        ("target", 6.0),
        ("target", -3.0),
    ]


def test_a_fact_changed_names_no_plan():
    text = "2019年重点工作完成情况\n全县停车收费标准由每小时6元调整为8元。\n"
    assert {it["kind"] for it in _items(text)} == {"statistic"}


# 截至/至 a day: the months a result sums up to it


def test_up_to_a_months_end_is_the_months_from_january():
    assert _periods("截至10月底,全县完成投资12亿元") == [("2019M01-M10", "past")]
    assert _periods("截至8月31日,共签约项目16个") == [("2019M01-M08", "past")]
    assert _periods("至5月底,完成投资3.2亿元") == [("2019M01-M05", "past")]


def test_up_to_a_quarters_end_is_named_by_the_quarter():
    assert _periods("截至3月底,开工项目40个") == [("2019Q1", "past")]
    assert _periods("截止6月30日,到位资金8亿元") == [("2019H1", "past")]
    assert _periods("截至9月底,新增就业5000人") == [("2019Q1-Q3", "past")]
    assert _periods("截至12月31日,税收收入完成80亿元") == [("2019", "past")]


def test_up_to_a_day_within_a_month_is_that_day():
    assert _periods("截至4月12日,全县在建项目32个") == [("2019-04-12", "past")]


def test_a_goal_by_a_months_end_is_no_result_so_far():
    assert _periods("力争至8月底完成投资5亿元") == []
    assert _periods("截至目前,完成投资") == [(None, "now")]
