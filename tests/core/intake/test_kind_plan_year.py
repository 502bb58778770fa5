"""A plan report's list of this year's targets after a review of the last (issue 15)."""

from luoshi.core.intake import extract
from luoshi.core.intake.periods import find_times


def test_last_years_level_kept_as_a_goal_is_no_period_of_the_sentence():
    assert [(t.period, t.role) for t in find_times("财政收入保持上年水平", 2020)] == [
        ("2019", "base")
    ]
    assert [(t.period, t.role) for t in find_times("上年全市财政收入增长3%", 2020)] == [
        ("2019", "past")
    ]


def test_the_targets_after_a_kept_level_stay_targets():
    text = (
        "报告提出2020年主要预期目标:地区生产总值增长7%;财政收入保持上年水平;"
        "社会消费品零售总额增长9.5%左右;城镇新增就业6万人以上。"
    )
    items = extract(text, year=2020).items
    assert [(it["kind"], it["value"]) for it in items] == [
        ("target", 7.0),
        ("target", 9.5),
        ("target", 60000.0),
    ]


def test_a_gap_printed_with_its_bound_is_a_goal_and_one_without_a_result():
    goal = extract("农村居民人均可支配收入增速高于全国平均水平0.5个百分点以上。", year=2020)
    assert [it["kind"] for it in goal.items] == ["target"]
    result = extract("农村居民人均可支配收入增速高于全国平均水平0.5个百分点。", year=2020)
    assert [(it["kind"], it["why"]["kind"]) for it in result.items] == [("statistic", "kind.gap")]


REPORT = (
    "报告指出,2019年,全省较好完成了省人大会议确定的国民经济和社会发展计划主要目标任务,"
    "主要指标进度符合预期。发展平稳推进,全年全省生产总值预计增长7.5%以上,经济总量目标提前一年实现。\n"
    "报告提出2020年主要预期目标:地区生产总值增长7.5%;城镇新增就业63万人以上。\n"
)


def test_last_years_estimate_is_a_result_and_this_years_equal_goal_is_kept():
    items = extract(REPORT, year=2020).items
    assert [(it["kind"], it["period"], it["value"]) for it in items] == [
        ("statistic", "2019", 7.5),
        ("target", "2020", 7.5),
        ("target", "2020", 630000.0),
    ]
