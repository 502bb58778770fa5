"""Goals printed beside their results (issue 15, batches 13-16), on invented texts."""

from luoshi.core.intake import extract


def _kinds(text, year=2026):
    return [(it["kind"], it["value"], it["unit"]) for it in extract(text, year=year).items]


def test_a_goal_in_brackets_after_the_actual_is_the_target_and_the_actual_a_statistic():
    text = "2025年,全县新引进企业12家(任务数10家),到位资金8.5亿元(全年目标8亿元),转化率为40.2%。"
    assert _kinds(text, 2025) == [
        ("statistic", 12.0, "家"),
        ("target", 10.0, "家"),
        ("statistic", 8.5e8, "元"),
        ("target", 8e8, "元"),
        ("statistic", 40.2, "%"),
    ]


def test_a_bracket_that_names_a_part_leaves_the_figure_as_it_was():
    text = "力争新引进企业12家(含开发区),到位资金8.5亿元。"
    assert [k for k, _v, _u in _kinds(text)] == ["target", "target"]


def test_a_figure_measured_against_its_goal_in_the_next_clause_is_a_result():
    text = "前三季度重点目标推进情况\n2.税收收入:增长4.2%,低于目标2.8个百分点。\n"
    assert _kinds(text, 2025) == [("statistic", 4.2, "%"), ("statistic", 2.8, "百分点")]
    text = "今年主要目标:税收收入增长4.2%,高于全省2.8个百分点。"
    assert _kinds(text)[0] == ("target", 4.2, "%")
