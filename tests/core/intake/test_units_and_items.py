"""Compound and rate units, and numbered items printed without their full stop.

Invented examples, one per phenomenon, each with a counter-example.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.repair import classify_line, split_lines


def _values(text: str) -> list[tuple[float | None, str | None, str]]:
    return [(it["value"], it["unit"], it["kind"]) for it in extract(text, year=2026).items]


def test_a_transport_volume_keeps_its_compound_unit():
    assert _values("今年一季度,全市客运周转量12.5亿人公里,货运周转量300.2亿吨公里。") == [
        (1250000000.0, "人公里", "statistic"),
        (30020000000.0, "吨公里", "statistic"),
    ]
    # a plain distance stays in 公里
    assert _values("今年一季度,全市新改建公路12.5公里。") == [(12.5, "公里", "statistic")]


def test_a_rate_written_after_its_unit_keeps_its_denominator():
    assert _values("力争全年药品抽检不少于3批次/千人。") == [(3.0, "批次/千人", "target")]
    assert _values("力争每万人拥有床位达到6张/万人。") == [(6.0, "张/万人", "target")]
    # a slash before a word that is no unit leaves the unit alone
    assert _values("力争全年完成投资5亿元/年度。") == [(500000000.0, "元", "target")]


def test_a_count_in_batches_is_read_whole():
    assert _values("力争全年开展食品抽检900批次。") == [(900.0, "批次", "target")]


def test_a_numbered_line_closing_on_a_measured_figure_is_an_item():
    assert classify_line("(三)粮食产量稳定在40万吨以上") == ("content", 0)
    assert classify_line("2.新建幼儿园6所") == ("content", 0)
    # a heading naming a year or an ordinal stays a heading
    assert classify_line("一、2025年工作回顾") == ("heading", 2)
    assert classify_line("(二)第3批") == ("heading", 3)


def test_each_numbered_item_with_a_duty_line_after_it_yields_its_target():
    text = (
        "主要预期目标\n"
        "(一)社会消费品零售总额增长8%以上\n"
        "牵头单位:县商务局\n"
        "(二)城镇新增就业3000人\n"
        "牵头单位:县人社局\n"
    )
    assert _values(text) == [(8.0, "%", "target"), (3000.0, "人", "target")]


def test_a_paragraph_with_a_stray_bar_of_the_page_is_no_table_row():
    para = "全年粮食产量稳定在40万吨。城镇新增就业2万人。 |"
    assert [ln.kind for ln in split_lines(f"标题\n{para}\n")] == ["content", "content", "blank"]
    # a cell of a table printed one cell a line stays a row of its table
    cells = f"序号 |\n1 |\n{para}\n教育局 |"
    assert [ln.kind for ln in split_lines(cells)] == ["table"] * 4


def test_a_named_action_plan_does_not_make_a_review_paragraph_a_plan():
    text = (
        "清河县民生事业稳步推进\n"
        "2025年,清河县实施新一轮三年行动计划,开展城乡环境整治。"
        "新建口袋公园12个,完成3.2万亩高标准农田建设。 |\n"
    )
    assert [(v, k) for v, _, k in _values(text)] == [(12.0, "statistic"), (32000.0, "statistic")]


def test_counts_of_tasks_in_the_state_a_completion_report_gives_are_results():
    text = (
        "截至12月底,各项任务总体进展顺利,其中,41项工作任务完成或超额完成,"
        "300项工作任务按序时全部完成,12项未全部达到目标任务。"
    )
    assert _values(text) == [
        (41.0, "项", "statistic"),
        (300.0, "项", "statistic"),
        (12.0, "项", "statistic"),
    ]
    # a goal that its tasks be done stays a goal
    assert _values("今年确保10项民生实事任务全部完成。") == [(10.0, "项", "target")]


def test_progress_against_the_years_goal_written_as_nian_mubiao_is_a_result():
    text = "截至9月底,实现城镇新增就业2100人,完成年目标任务3000人的70%。"
    assert _values(text) == [
        (2100.0, "人", "statistic"),
        (3000.0, "人", "target"),
        (70.0, "%", "statistic"),
    ]
