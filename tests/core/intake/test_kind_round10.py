"""Targets and statistics, round ten: units, levels and results read as goals (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.numbers_scan import scan_quantities


def _units(text):
    return [(q.value, q.unit) for q in scan_quantities(text, 0, len(text))]


def _items(text, year=None):
    return extract(text, year).items


# compound units: a standard per person and per month or year, a daily capacity, and
# units of trade the scanner did not know


def test_a_standard_per_person_and_month_keeps_the_month():
    assert _units("救助标准提高到720元/人月。") == [(720.0, "元/人月")]
    assert _units("供养标准达到1.5万元/人·年,") == [(15000.0, "元/人年")]
    assert _units("每户补贴2000元/户。") == [(2000.0, "元/户")]


def test_a_rate_per_person_without_a_period_is_left_alone():
    assert _units("人均产出52000元/人以上") == [(52000.0, "元/人")]
    assert _units("抽检量不少于3批次/千人") == [(3.0, "批次/千人")]


def test_a_daily_capacity_keeps_its_day_and_a_yearly_one_its_unit():
    assert _units("新增供水能力6万立方米/日") == [(60000.0, "立方米/日")]
    assert _units("处理生活垃圾800吨/天") == [(800.0, "吨/日")]
    # capacities in a project's name are read by their unit alone
    assert _units("年产15万吨/年的项目") == [(150000.0, "吨")]


def test_units_of_trade_and_of_works():
    assert _units("新增货船运力12万载重吨") == [(120000.0, "载重吨")]
    assert _units("港口吞吐量达到350万标准箱") == [(3500000.0, "标准箱")]
    assert _units("能源消费量控制在80万吨标准煤") == [(800000.0, "吨标准煤")]
    assert _units("干线公路建成6条段、120公里") == [(6.0, "条段"), (120.0, "公里")]
    assert _units("完成免费筛查3000例") == [(3000.0, "例")]
    assert _units("储能产能达12GWh") == [(12.0, "GWh")]


def test_numerals_inside_words_are_no_cases():
    assert _units("按照统一部署") == []
    assert _units("全省首例") == []


# a standard brought to a figure is what each one receives: a level, not a cumulative


def test_a_standard_raised_to_a_figure_is_a_level():
    text = "2026年,青湖区力争城乡低保标准提高到每人每月780元,特困人员供养标准提高到1.2万元。"
    kinds = [(it["value"], it["target_kind"]) for it in _items(text) if it["kind"] == "target"]
    assert kinds == [(780.0, "level"), (12000.0, "level")]


def test_a_standard_per_person_and_month_is_a_level():
    text = "2026年,力争将临川市孤儿养育标准提高到1600元/人月。"
    items = _items(text)
    assert [(it["value"], it["unit"], it["target_kind"]) for it in items] == [
        (1600.0, "元/人月", "level")
    ]


def test_things_built_to_a_standard_are_counted():
    text = "2026年,青湖区力争新建高标准农田3万亩,建成标准化厂房5万平方米。"
    kinds = [(it["value"], it["target_kind"]) for it in _items(text)]
    assert kinds == [(30000.0, "cumulative"), (50000.0, "cumulative")]


# the small-form semicolon of traditional-script pages ends a clause like the ordinary one


def test_a_small_form_semicolon_ends_the_share_before_the_next_result():
    text = (
        "截至2025年底,全省10件民生实事全部完成。"
        "为3.2万名困难学生提供补助,完成年度目标任务的108%﹔为1.5万名残疾儿童提供康复救助。"
    )
    items = _items(text)
    assert [(it["kind"], it["value"]) for it in items if it["unit"] == "名"] == [
        ("statistic", 32000.0),
        ("statistic", 15000.0),
    ]
    assert all(it["snippet"].count("﹔") == 0 for it in items)


# a change against the same time last year printed bare, with no goal word in its
# sentence, is a result, after a paragraph of plans too (rule kind.change_reported)

_MEETING = "2026年2月,青湖区召开工作会议,部署全年工作。"


def _kind_of(text, value):
    return [(it["kind"], it["why"]["kind"]) for it in _items(text, 2026) if it["value"] == value]


def test_a_bare_change_and_the_amount_it_measures_are_results():
    text = _MEETING + "全区营业收入实现800亿元,同比增长9.4%。"
    assert _kind_of(text, 9.4) == [("statistic", "kind.change_reported")]
    assert _kind_of(text, 8e10) == [("statistic", "kind.change_reported")]


def test_a_change_printed_with_its_bound_or_asked_for_stays_a_goal():
    assert _kind_of(_MEETING + "全区营业收入实现800亿元,同比增长9%以上。", 9.0)[0][0] == "target"
    asked = _MEETING + "力争全区营业收入实现800亿元,同比增长9.4%。"
    assert _kind_of(asked, 9.4)[0][0] == "target"
    assert _kind_of(asked, 8e10)[0][0] == "target"


def test_a_breakdown_is_read_with_the_plan_it_breaks_down():
    text = (
        "今年青湖区计划实施重点项目300个,年度计划投资500亿元。"
        "其中:亿元以上项目52个,较去年增加11个。"
    )
    assert _kind_of(text, 11.0)[0][0] == "target"


# 将军 in a name (将军山, 将军庙) is no 将 of the future


def test_a_place_named_for_a_general_speaks_of_no_future():
    text = "将军山隧道等一批在建工程加快建设进度,投资完成率超过80%。"
    assert [it["kind"] for it in _items(text)] == ["statistic"]
    assert [it["kind"] for it in _items("全市将新建隧道3座。")] == ["target"]


# a count of the plan's own parts named by its noun (抓好40项重点工作:) is its structure;
# a count done (全面完成50项民生实事) is kept


def test_the_plans_parts_counted_by_their_noun_are_no_items():
    for text in (
        "2026年青湖区着力抓好40项重点工作:",
        "全面实施通行费减免等8项优惠措施;",
        "落实好稳增长12条措施。",
        "做好“改革、发展”2篇文章,为全面建成小康社会提供保障。",
        "临川市2026年15项民心工程。",
    ):
        assert _items(text, 2026) == [], text


def test_a_count_of_parts_done_or_a_count_of_works_stays():
    assert [it["value"] for it in _items("2025年,青湖区全面完成50项民生实事。", 2026)] == [50.0]
    assert [it["value"] for it in _items("2026年,青湖区力争开工重点项目40项。", 2026)] == [40.0]
    assert [it["value"] for it in _items("2026年力争实施12项重点工程。", 2026)] == [12.0]


# a paragraph that opens on the year gone by after a byline or a subheading run into it,
# set off by a run of spaces, reports results (rule kind.review_opening)


def test_a_review_opening_after_a_run_in_subheading():
    text = (
        "2026年,青湖区计划完成交通投资50亿元。"
        "记者王某      全区乡镇全部通高速      过去一年,全区新建农村公路300公里,"
        "实现12个乡镇均通高速公路。"
    )
    kinds = {it["value"]: (it["kind"], it["why"]["kind"]) for it in _items(text)}
    assert kinds[300.0] == ("statistic", "kind.review_opening")
    assert kinds[12.0][0] == "statistic"
    assert kinds[5e9][0] == "target"


def test_a_long_lead_without_a_run_of_spaces_is_no_review_opening():
    text = (
        "2026年,青湖区计划完成交通投资50亿元。全区上下要认真总结过去一年经验,新建农村公路300公里。"
    )
    kinds = {it["value"]: it["kind"] for it in _items(text)}
    assert kinds[300.0] == "target"


# a forecast in a sentence that opens on the plan's own year and speaks of it in the
# future is what the plan expects, a goal (rule kind.forecast_of_plan_year)


def test_a_forecast_of_the_plan_year_is_a_goal():
    text = "2026年政府工作报告\n2026年,全市将坚持高质量发展,预计地区生产总值增长5.5%左右。"
    assert _kind_of(text, 5.5) == [("target", "kind.forecast_of_plan_year")]


def test_an_estimate_of_the_year_just_ended_stays_a_result():
    text = "2026年政府工作报告\n2025年,全市将坚持稳中求进,预计地区生产总值增长5%。"
    assert _kind_of(text, 5.0)[0][0] == "statistic"
    text = "2026年政府工作报告\n过去一年,预计全市地区生产总值增长5%。"
    assert _kind_of(text, 5.0)[0][0] == "statistic"


# 恢复到2019年的113%: the year is the level a share is taken of, no year to reach


def test_a_share_of_a_years_level_is_no_target_year():
    text = "2026年政府工作报告\n去年,全省旅游人次、旅游总收入分别恢复到2019年的113%、119%。"
    assert [(it["kind"], it["value"]) for it in _items(text)] == [
        ("statistic", 113.0),
        ("statistic", 119.0),
    ]


def test_a_year_to_reach_stays_the_goals_year():
    text = "2026年政府工作报告\n到2030年,全市森林覆盖率达到45%。"
    assert [(it["kind"], it["period"]) for it in _items(text)] == [("target", "2030")]


def test_a_forecast_naming_the_plan_year_and_its_work_is_a_goal():
    text = "2026年全市重点项目计划\n交通领域实施项目60个,2026年预计完成投资120亿元。"
    assert _kind_of(text, 1.2e10) == [("target", "kind.forecast_of_plan_year")]


def test_a_forecast_of_a_level_or_of_a_past_year_stays_a_result():
    text = "2026年政府工作报告\n交通领域实施项目60个,2025年预计完成投资120亿元。"
    assert _kind_of(text, 1.2e10)[0][0] == "statistic"
    text = "2026年政府工作报告\n报告指出,预计2026年全市地区生产总值达5000亿元。"
    assert _kind_of(text, 5e11)[0][1] != "kind.forecast_of_plan_year"


# a paragraph that closes on the list of practical projects it chose, the numbered list
# right after it: the list is promises (cues.promise_lead)


def test_a_chosen_list_of_practical_projects_before_its_numbered_lines_is_promises():
    text = (
        "2026年1月5日,青湖区人大会议以差额票决的方式选出了2026年十大民生实事项目。"
        "涵盖教育、交通等领域。\n一、加强学位建设。\n新增幼儿园学位1200个。\n"
        "二、加快老旧小区改造。\n完成20个老旧小区改造。\n"
    )
    kinds = {it["value"]: (it["kind"], it["why"]["kind"]) for it in _items(text)}
    assert kinds[1200.0] == ("target", "kind.promise_list")
    assert kinds[20.0] == ("target", "kind.promise_list")


def test_a_chosen_list_reported_done_is_no_promise():
    text = (
        "2025年,青湖区选出了十大民生实事项目。目前已全部完成。\n一、加强学位建设。\n"
        "新增幼儿园学位1200个。\n"
    )
    assert all(it["why"]["kind"] != "kind.promise_list" for it in _items(text))


# a share alone on its line in a table printed one cell a line with a progress column
# is that column's cell, a result (rule kind.progress_cell)

_PROGRESS_TABLE = (
    "2026年民生实事项目进度表\n序号\n项目内容\n当前进度\n牵头单位\n"
    "1\n建设农村公路50公里。\n95%\n县交通局\n"
    "2\n新建养老院2所。\n60%(进度滞后)\n县民政局\n"
)


def test_a_share_cell_under_a_progress_column_is_a_result():
    kinds = {it["value"]: (it["kind"], it["why"]["kind"]) for it in _items(_PROGRESS_TABLE)}
    assert kinds[95.0] == ("statistic", "kind.progress_cell")
    assert kinds[60.0][0] == "statistic"


def test_a_share_cell_without_a_progress_column_is_left_to_the_plan():
    text = _PROGRESS_TABLE.replace("当前进度\n", "").replace("进度表", "计划表")
    assert all(it["why"]["kind"] != "kind.progress_cell" for it in _items(text))


# the roll of a sitting (应到代表…名, 实到…名) counts who came, no item


def test_the_roll_of_a_sitting_is_no_item():
    text = "2026年3月1日,青湖区人代会开幕,会议应到代表312名,实到代表305名,符合法定人数。"
    assert [it["value"] for it in _items(text)] == []
    assert [it["value"] for it in _items("2026年,青湖区力争新增就业岗位3000名。")] == [3000.0]


# a bracket that breaks a figure of a plan list down into a part (含已提前实施…): its
# result word speaks of the part, not of the figure nor of the clauses after it


def _kind_values(text, year=None):
    return [(it["kind"], it["value"]) for it in _items(text, year)]


_PLAN_WITH_PART = (
    "某县交通工作会议召开。会议明确:2025年,全县将突出抓好项目建设,"
    "新建乡村道路420公里(含已提前开工150公里)、改造危桥36座、建设港湾式停靠站80个。\n"
)


def test_a_part_bracket_does_not_turn_a_plan_list_into_results():
    kinds = _kind_values(_PLAN_WITH_PART)
    assert ("target", 420.0) in kinds
    assert ("target", 36.0) in kinds
    assert ("target", 80.0) in kinds


def test_the_part_inside_the_bracket_keeps_its_result_word():
    text = "2024年,全市新建学校12所(其中已建成投用5所)。\n"
    kinds = _kind_values(text, 2024)
    assert ("statistic", 5.0) in kinds


def test_a_result_bracket_that_is_no_part_still_reports_a_result():
    # (已完成) is the state of the figure itself, no breakdown
    text = "去年,全区新建公园8个,已全部完成,改造老旧小区20个。\n"
    assert [k for k, _ in _kind_values(text, 2024)] == ["statistic", "statistic"]


# 将 that marks the object of 作为/列为/列入/纳入 (the 把 of writing) says nothing of the
# future: the supplies a bureau coordinated are what it did


def test_jiang_before_zuowei_is_no_goal_word():
    text = (
        "会上介绍,疫情以来,某省交通运输厅将建材保供作为重点工作,先后协调多个重大项目,"
        "供应水泥2.4万吨,钢材6100余吨,确保项目不停工。\n"
    )
    kinds = [k for k, v in _kind_values(text, 2022) if v in (24000.0, 6100.0)]
    assert kinds == ["statistic", "statistic"]


def test_jiang_of_the_future_stays_a_goal_word():
    text = "会上介绍,下一步,某省交通运输厅将协调多个重大项目,供应水泥2.4万吨。\n"
    assert ("target", 24000.0) in _kind_values(text, 2022)


# the years gone by opening a sentence after the speaker a report quotes (某市长作政府工作
# 报告时指出,五年来,…): what he says of them is their results


def test_five_years_gone_by_after_a_speaker_are_results():
    text = (
        "某市第十届人民代表大会第一次会议开幕。代市长某某作政府工作报告时指出,五年来,"
        "全市扎实推进城市更新任务,改造老旧小区320个。\n"
    )
    assert ("statistic", 320.0) in _kind_values(text, 2023)


def test_a_speaker_who_sets_the_years_ahead_still_sets_goals():
    text = "代市长某某作政府工作报告时指出,今后五年,全市将改造老旧小区500个。\n"
    assert ("target", 500.0) in _kind_values(text, 2023)


# a span of two levels closed as a leap made (实现从…到…的跨越) reports where a figure came
# from and what it reached: results, not a span to land in


def test_a_leap_made_from_one_level_to_another_is_a_result():
    text = "某市地区生产总值实现从3000亿元到5000亿元的跨越,位居全省前列。\n"
    kinds = _kind_values(text)
    assert ("statistic", 3e11) in kinds
    assert ("statistic", 5e11) in kinds


def test_a_span_to_land_in_stays_a_goal():
    text = "某市地区生产总值实现从3000亿元到5000亿元。\n"
    assert [k for k, _ in _kind_values(text)] == ["target", "target"]


# a count that announces the list after it (指标共计26项,包括…) is no member of that list:
# the figures listed with their bound are still the goals to meet (rule kind.bound)


def test_a_count_announcing_a_list_leaves_its_bounded_members_goals():
    text = (
        "某部门负责人介绍了今后五年的工作思路。\n"
        "同时,绝对指标共计12项,包括各类事故死亡人数下降10.5%以上,火灾事故死亡人数下降8%以上等。\n"
    )
    kinds = {v: (k, why) for k, v, why in _kinds_why(text)}
    assert kinds[10.5] == ("target", "kind.bound")


def test_a_result_before_a_bounded_figure_still_keeps_it_a_result():
    text = "某市去年地区生产总值1200亿元,用水总量下降10%以上。\n"
    kinds = {v: k for k, v, _ in _kinds_why(text)}
    assert kinds[10.0] == "statistic"


def _kinds_why(text, year=None):
    return [(it["kind"], it["value"], it["why"]["kind"]) for it in _items(text, year)]


# the 等 that closes a list after a bound (…下降12.5%以上等。) names no class of things the
# figure sizes, as 3000万元以上工业项目 does: the figure is read


def test_a_bound_before_the_list_closing_deng_is_a_figure():
    assert _units("技改投资增长8%以上等。") == [(8.0, "%")]
    assert _units("技改投资增长8%以上等,") == [(8.0, "%")]


def test_a_bound_before_a_class_still_sizes_the_class():
    assert _units("新建3000万元以上工业项目20个") == [(20.0, "个")]
    assert _units("新建10亿元以上等重大项目") == []


# one plan measured against the last one (比去年计划增加50亿元) is the plan's increase, no
# gap between a result and its goal (cues.gap_measure)


def test_an_increase_over_last_years_plan_is_a_goal():
    text = "今年全市计划投资500亿元,比去年计划增加50亿元。\n"
    assert ("target", 5e9) in _kind_values(text, 2024)


def test_a_result_over_the_plan_is_still_a_gap():
    text = "今年上半年全市完成投资300亿元,比计划增加20亿元。\n"
    assert ("statistic", 2e9) in _kind_values(text, 2024)


# Latin-script prose (a bilingual page's English after each Chinese line) is no source of
# items, and no longer joins the Chinese lines around it into one sentence; a news lead
# closing its paragraph on the year's plan a report set out announces the list after it


_BILINGUAL = (
    "某省人民政府省长向大会作政府工作报告。一起来看看报告提出的2026年主要目标和重点任务。\n\n"
    "The governor delivered the report to the congress, and here are its main goals.\n\n"
    "全省生产总值增长5%\n\n"
    "The gross product of the province will grow by about 5%.\n\n"
    "新增城镇就业40万人以上\n\n"
    "More than 400,000 new urban jobs will be created this year.\n"
)


def test_latin_prose_gives_no_item_and_the_lead_announces_the_goals():
    items = [(it["kind"], it["value"], it["why"]["kind"]) for it in _items(_BILINGUAL)]
    assert items == [
        ("target", 5.0, "kind.promise_list"),
        ("target", 400000.0, "kind.promise_list"),
    ]


def test_latin_terms_inside_chinese_stay():
    text = "2025年,全市新建5G基站1200个,PM2.5平均浓度下降到30微克/立方米。\n"
    assert [it["value"] for it in _items(text)] == [1200.0, 30.0]


def test_a_lead_on_the_tasks_done_announces_no_goals():
    text = "一起来看看报告提到的2025年重点任务完成情况。\n全省生产总值增长5%\n新增城镇就业40万人\n"
    assert {it["why"]["kind"] for it in _items(text)}.isdisjoint({"kind.promise_list"})


# the goals a review says its work kept to (紧盯…目标要求) are a guide, no turn to the
# plan: after a review heading run into its paragraph (一、回顾2025年工作——…), the next
# paragraph still reviews that year


_RUN_IN_REVIEW = (
    "2026年某市政府工作报告\n"
    "一、回顾2025年政府工作——经济稳中有进,信心持续提振,成绩来之不易。"
    "我们紧盯“三个示范”[1]目标要求,团结依靠全市人民,取得了新成绩。\n"
    "一是经济运行稳中向好。全市生产总值完成1200.5亿元,增长4.2%;"
    "固定资产投资增长6.1%。\n"
)


def test_a_run_in_review_heading_and_its_guide_keep_the_results():
    kinds = [(it["kind"], it["value"]) for it in _items(_RUN_IN_REVIEW)]
    assert kinds == [("statistic", 120050000000.0), ("statistic", 4.2), ("statistic", 6.1)]


def test_a_plan_that_keeps_to_its_goals_still_sets_them():
    text = (
        "2026年某市政府工作报告\n"
        "二、2026年工作安排\n"
        "紧盯“三个示范”目标要求,确保全市生产总值增长5%。\n"
    )
    assert [(it["kind"], it["value"]) for it in _items(text)] == [("target", 5.0)]


# a paragraph of one sentence that opens a review and gives no figure (一年来,我们…成效明显。)
# leads the paragraphs below it: they report its results, until one turns to a goal


_REVIEW_LEAD_LINE = (
    "某市市长政府工作报告(摘要)\n"
    "  一年来,我们抓项目、强产业,工业强市成效明显。\n"
    "  某集团销售收入突破百亿、达到101.2亿元。\n"
    "  新增高新技术企业64户、规上工业企业37户。\n"
)


def test_a_review_lead_line_keeps_the_lines_below_it_results():
    kinds = [(it["kind"], it["value"]) for it in _items(_REVIEW_LEAD_LINE)]
    assert kinds == [("statistic", 10120000000.0), ("statistic", 64.0), ("statistic", 37.0)]


def test_a_line_below_the_lead_that_sets_a_goal_is_a_target():
    text = _REVIEW_LEAD_LINE + "  今年,力争新增高新技术企业80户。\n"
    assert [it["kind"] for it in _items(text)][-1] == "target"
