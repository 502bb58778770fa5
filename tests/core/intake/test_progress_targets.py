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


def test_list_members_that_share_a_value_and_a_tail_are_kept():
    text = (
        "今年控制指标:\n(1)甲类事故死亡人数控制在1人以内;\n(2)乙类行业事故死亡人数控制在2人以内;\n"
        "(3)丙类设备事故死亡人数控制在1人以内。\n"
    )
    assert [it["value"] for it in extract(text, year=2026).items] == [1.0, 2.0, 1.0]


def test_a_headline_repeating_its_body_is_still_one_fact():
    text = "全市新建学校12所\n今年全市新建学校12所,其中小学8所。"
    assert [it["value"] for it in extract(text, year=2026).items] == [12.0, 8.0]


def test_a_baseline_year_is_not_the_year_the_sentence_speaks_of():
    text = "以2025年全市事故死亡人数为基础,2026年全市各类事故死亡人数控制在30人以内。"
    (item,) = extract(text, year=2026).items
    assert (item["kind"], item["comparator"], item["value"], item["period"]) == (
        "target",
        "<=",
        30.0,
        "2026",
    )


def test_the_end_of_a_plan_span_is_not_the_year_of_the_document():
    text = "2024年全市将新建学校12所。按照《学校建设规划(2023—2028年)》推进。"
    (item,) = extract(text).items
    assert (item["kind"], item["period"]) == ("target", "2024")


def test_a_cap_of_zero_is_a_zero_target():
    text = "今年控制指标:火灾事故死亡人数控制在0人以内,道路交通事故死亡人数控制在5人以内。"
    got = [(it["target_kind"], it["comparator"], it["value"], it["unit"]) for it in _items(text)]
    assert got == [("zero", "=", 0.0, None), ("cumulative", "<=", 5.0, "人")]


def test_the_base_of_a_rate_and_the_size_of_a_named_group_are_no_figures():
    text = "今年力争工贸行业十万人事故死亡率下降10%以上,化工冶金等6个重点行业事故起数下降5%以上。"
    assert [it["value"] for it in _items(text)] == [10.0, 5.0]


def test_a_hold_at_a_base_year_level_is_a_floor_without_a_number():
    text = "到2030年,较大事故起数下降10%以上,重大事故起数控制在2025年水平。"
    floors = [it for it in _items(text) if it["target_kind"] == "floor"]
    assert [(it["comparator"], it["value"], it["metric"]) for it in floors] == [
        ("=", None, "重大事故起数")
    ]


def _items(text, year=2026):
    return extract(text, year=year).items


def test_a_breakdown_of_results_that_quoted_a_plan_figure_reports_too():
    text = "全县共开工项目120个,总投资300亿元,年度计划投资80亿元。其中,产业项目60个,总投资150亿元。"
    got = [(it["kind"], it["value"]) for it in _items(text, None)]
    assert got == [
        ("statistic", 120.0),
        ("statistic", 3e10),
        ("target", 8e9),
        ("statistic", 60.0),
        ("statistic", 1.5e10),
    ]


def test_a_quarter_of_an_undated_text_is_a_progress_period():
    text = "今年将新建学校12所。今年第一季度,全县固定资产投资增长9.5%。"
    got = [(it["kind"], it["value"]) for it in _items(text, None)]
    assert got == [("target", 12.0), ("statistic", 9.5)]


def test_a_forbidden_excess_is_a_cap_and_a_forbidden_shortfall_a_floor():
    text = "原则上每县主导品种不得超过8个,良种覆盖率不得低于95%。"
    got = [(it["comparator"], it["value"]) for it in _items(text)]
    assert got == [("<=", 8.0), (">=", 95.0)]


def test_the_scope_before_a_plan_figure_is_part_of_the_plan():
    text = "2026年,全市续建项目37个,续建里程392公里,年度计划完成投资146亿元。"
    assert [it["kind"] for it in _items(text)] == ["target", "target", "target"]
    text = "2026年,全市共开复工项目37个,总投资392亿元,年度计划投资146亿元。"
    assert [it["kind"] for it in _items(text)] == ["statistic", "statistic", "target"]


def test_the_parts_of_a_reported_total_are_reported_too():
    text = "力争新建学校12所。截止6月底,全县共有开工项目71个,其中:省外项目61个、市外项目10个。"
    assert [it["kind"] for it in _items(text)] == ["target", "statistic", "statistic", "statistic"]


def test_a_shortfall_against_the_goal_written_ta_is_a_gap():
    text = "上半年,全区地区生产总值同比增长3.2%,塌目标1.8个百分点。"
    assert [it["kind"] for it in _items(text)] == ["statistic", "statistic"]


_NUMBERED_FLAT_TABLE = (
    "附件:\n|\n青湖区2026年民生实事项目清单 |\n||||\n|\n序号 |\n项目名称 |\n建设内容 |\n"
    "年度投资金额 (万元) |\n责任单位 |\n|\n1 |\n青湖区中小学操场改造项目 |\n"
    "对三所学校的运动场地进行改造提升。 |\n450 |\n教育局 |\n|\n2 |\n"
    "城西道路建设项目 |\n建成城西大道延伸段道路工程。 |\n1200 |\n住建局 |\n"
)


def test_a_numbered_table_flattened_under_its_title_reads_each_row_with_its_unit():
    items = [it for it in _items(_NUMBERED_FLAT_TABLE) if it["value"] is not None]
    got = [(it["kind"], it["value"], it["unit"], it["owner"]) for it in items]
    assert got == [("target", 4.5e6, "元", "教育局"), ("target", 1.2e7, "元", "住建局")]


def test_a_span_to_land_in_is_a_goal_and_a_count_of_tens_in_words_is_a_count():
    got = [(it["kind"], it["value"]) for it in _items("每年举办三至五场招商推介活动。")]
    assert got == [("target", 3.0), ("target", 5.0)]
    got = [(it["kind"], it["value"], it["unit"]) for it in _items("力争新建学校十二所。")]
    assert got == [("target", 12.0, "所")]
    assert _items("今年重点抓好十一个方面的工作,出台二十条措施。") == []


def test_counts_of_tasks_by_their_state_and_figures_of_now_are_statistics():
    text = "从督查情况看,150项目标任务整体推进落实较好,124项达到序时进度要求。"
    assert [(it["kind"], it["value"]) for it in _items(text)] == [
        ("statistic", 150.0),
        ("statistic", 124.0),
    ]
    text = "力争今年新建学校30所。目前也有22所开工建设。"
    assert [(it["kind"], it["value"]) for it in _items(text)] == [
        ("target", 30.0),
        ("statistic", 22.0),
    ]


def test_a_figure_cut_from_its_unit_by_a_space_or_a_line_break_keeps_it():
    got = [(it["value"], it["unit"]) for it in _items("今年计划完成投资120 亿元,新建学校 5 所。")]
    assert got == [(1.2e10, "元"), (5.0, "所")]
    text = "2025年,全市新增城镇就业9.9\n万人,新建5G基站322\n个。"
    assert [(it["value"], it["unit"]) for it in _items(text)] == [(9.9e4, "人"), (322.0, "个")]
    assert _items("第 3 条\n2025\n年全市") == []


def test_a_list_closed_by_points_is_in_points_even_cut_one_figure_a_line():
    text = "存贷款余额同比分别增长10.2%、9.2%,分别提高9.9个、3.1个百分点。"
    assert [(it["value"], it["unit"]) for it in _items(text, 2025)][2:] == [
        (9.9, "百分点"),
        (3.1, "百分点"),
    ]
    text = "存贷款余额同比分别增长\n10.2%\n,分别提高\n9.9\n个、\n3.1\n个百分点。\n"
    assert [(it["value"], it["unit"]) for it in _items(text, 2025)] == [
        (10.2, "%"),
        (9.9, "百分点"),
        (3.1, "百分点"),
    ]
