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


_UNIT_LINE_TABLE = (
    "2025年1-6月重点项目进度表\n"
    "单位:个、万元\n"
    "| 县区 | 项目个数 | 年度计划投资 | 完成投资 | 完成率 |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| 青湖区 | 12 | 5600 | 3100 | 55.4% |\n"
)


def test_a_unit_line_above_a_table_gives_each_column_the_unit_its_name_asks_for():
    items = extract(_UNIT_LINE_TABLE, year=2025).items
    got = [(it["kind"], it["value"], it["unit"], it["owner"]) for it in items]
    assert got == [
        ("target", 12.0, "个", "青湖区"),
        ("target", 5.6e7, "元", "青湖区"),
        ("statistic", 3.1e7, "元", "青湖区"),
        ("statistic", 55.4, "%", "青湖区"),
    ]


def test_a_column_the_unit_line_cannot_place_gets_no_unit():
    text = _UNIT_LINE_TABLE.replace("项目个数", "项目情况")
    values = [it["value"] for it in extract(text, year=2025).items]
    assert 12.0 not in values and 5.6e7 in values
