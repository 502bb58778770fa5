"""Targets and statistics, round eleven: signs, plan revisions, progress reports (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.numbers_scan import scan_quantities
from luoshi.core.intake.periods import find_deadlines, find_times


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


# a share of a goal reached, and the amount measured as a share of the plan, are results


def test_a_share_of_a_goal_reached_is_a_statistic():
    text = "2019年上半年交通建设情况\n至6月底,全县交通建设完成投资8.2亿元,达到了全年确保目标的52.1%。\n"
    got = [(it["kind"], it["value"]) for it in _items(text)]
    assert got == [("statistic", 820000000.0), ("statistic", 52.1)]
    text = "2018年,全县完成公路投资31亿元,达计划目标的112%。"
    assert [it["kind"] for it in _items(text, 2019)] == ["statistic", "statistic"]


def test_a_share_a_commitment_asks_for_stays_a_goal():
    text = "2019年工作要点\n确保上半年完成投资20亿元,占年度计划的50%以上。\n"
    assert {it["kind"] for it in _items(text)} == {"target"}


def test_an_amount_measured_against_the_plans_investment_is_what_was_done():
    text = (
        "2019年一季度重点项目推进情况\n"
        "全年计划新开工的40个项目,其中8个续建项目完成投资3亿元,为年度计划投资的18.5%。\n"
    )
    got = [(it["kind"], it["value"]) for it in _items(text)]
    assert ("statistic", 300000000.0) in got
    assert ("target", 40.0) in got


# the plan's list named as a noun (全年计划新开工的30个项目) frames no later clause


def test_results_counted_from_the_plans_list_are_statistics():
    text = (
        "2019年上半年边境公路建设情况\n"
        "上半年,全年计划新开工的12个边境公路项目,前期工作全部完成,"
        "其中,甲村至乙村、丙村至丁村2个项目开工建设。\n"
    )
    got = [(it["kind"], it["value"]) for it in _items(text)]
    assert got == [("target", 12.0), ("statistic", 2.0)]


# the goals a report on a past year quotes, and goals next to results counted so far


def test_a_goal_quoted_by_a_report_on_last_year_is_of_that_year():
    text = (
        "2018年全区重点工作完成情况\n发布时间:2019-02-20\n"
        "主要预期目标1城镇新增就业1.2万人以上。区人力社保局全区城镇新增就业1.35万人。\n"
    )
    got = [(it["kind"], it["value"], it["period"]) for it in _items(text)]
    assert got[0] == ("target", 12000.0, "2018")


def test_a_plans_list_next_to_results_so_far_is_the_years():
    text = "2019年一季度重点项目情况\n截至3月底,全市安排的60个重点项目,已开工42个。\n"
    got = [(it["kind"], it["value"], it["period"]) for it in _items(text)]
    assert got == [("target", 60.0, "2019"), ("statistic", 42.0, "2019Q1")]


# a stock or a year's output brought to a figure is a level; what is added to it is counted


def test_a_stock_reached_is_a_level():
    text = "2019年,力争全省高速公路通车总里程突破6000公里,规上工业产值达到900亿元以上。"
    kinds = [(it["value"], it["target_kind"]) for it in _items(text, 2019)]
    assert kinds == [(6000.0, "level"), (90000000000.0, "level")]


def test_what_is_added_to_a_stock_is_counted():
    text = "2019年,力争新增高速公路通车里程300公里,完成公路投资达到80亿元。"
    kinds = [(it["value"], it["target_kind"]) for it in _items(text, 2019)]
    assert kinds == [(300.0, "cumulative"), (8000000000.0, "cumulative")]


# five-year spans: the past five years, and a running plan's span


def test_the_past_five_years_are_the_five_before_the_text():
    assert _periods("过去五年,全区累计完成投资3.2万亿元", 2023) == [("2018-2022", "past")]
    assert _periods("五年来,全市新增就业", 2023) == [("2018-2022", "past")]
    assert _periods("近五年来", 2023) == []


def test_a_running_plans_span_is_its_goals_period():
    text = "2016年城建工作会议召开。“十三五”期间,全市将新建城市道路300公里,建成区绿化覆盖率达到45%以上。"
    got = [(it["value"], it["target_kind"], it["period"]) for it in _items(text)]
    assert got == [(300.0, "cumulative", "2016-2020"), (45.0, "level", "2020")]


def test_an_ended_plans_span_stays_a_past():
    assert _periods("“十二五”期间,全市累计完成投资", 2016) == [("2011-2015", "past")]


# a year before 前 is a deadline; a wire's dateline is no period


def test_a_year_before_qian_is_a_deadline():
    text = "2012年全区道路交通安全规划\n2014年前完成国省道安全隐患路段整治。\n"
    got = [(it["target_kind"], it["period"]) for it in _items(text)]
    assert got == [("milestone", "2014")]
    assert find_deadlines("2014年前三季度", 2012) == []
    assert find_deadlines("2010年前后", 2012) == []


def test_a_wires_dateline_is_no_period():
    assert _periods("新华社南宁3月12日电 全区交通投资增长8%", 2024) == [(None, "past")]
    text = "新华社南宁3月12日电 全区交通投资增长8%。"
    assert [(it["kind"], it["period"]) for it in _items(text, 2024)] == [("statistic", None)]


# a list of bare rates shares the unit its last member names


def test_bare_rates_of_a_list_share_the_last_unit():
    assert _values("分别高于全国、全省3.4、2.1个百分点") == [(3.4, "百分点"), (2.1, "百分点")]
    assert _values("分别较上年提高6.2和1.5个百分点") == [(6.2, "百分点"), (1.5, "百分点")]
    assert _values("分别增长7.3、5.8%") == [(7.3, "%"), (5.8, "%")]


def test_numbers_listed_before_another_word_get_no_rate():
    assert _values("地铁3、4号线") == []
    assert _values("2021、2022年") == []


# words that name a target of a campaign, or a priority, set no goal


def test_target_firms_and_the_first_task_are_no_goal_words():
    text = (
        "一季度,全市实现地区生产总值210亿元。围绕高质量发展首要任务,建立招商目标企业名录库,"
        "梳理重点企业320个,推动储备项目85项的有序衔接。"
    )
    assert {it["kind"] for it in _items(text)} == {"statistic"}


def test_a_goal_word_still_asks_for_the_firms():
    text = "2019年工作要点\n力争引进目标企业30家。\n"
    assert [it["kind"] for it in _items(text)] == ["target"]


def test_a_quarter_opening_a_clause_is_a_past_even_without_a_year():
    assert _periods("一季度,实现地区生产总值210亿元", None) == [(None, "past")]
    assert _periods("一季度要完成投资", None) == []


# 清零 naming a campaign or a field of one is no zero goal


def test_a_campaigns_name_with_qingling_is_no_zero_goal():
    text = (
        "2019年工作任务\n攻坚工业废气、燃煤锅炉清零、餐饮油烟,完成城区2.3万户燃煤锅炉清零任务。\n"
    )
    assert [it["target_kind"] for it in _items(text)] == ["cumulative"]


def test_a_zero_goal_and_a_list_of_them_are_kept():
    text = "2019年工作任务\n推动重大事故隐患动态清零、农村生活垃圾日产日清。\n"
    assert [it["target_kind"] for it in _items(text)] == ["zero", "zero"]


# a change printed without a figure carries no result to the clauses after it


def test_a_bare_change_does_not_make_the_next_goal_a_result():
    text = (
        "2019年工作任务\n"
        "攻坚大气污染,完成燃煤锅炉改造任务,优良天数同比增加,甲县、乙县PM2.5浓度下降8%。\n"
    )
    got = [(it["kind"], it["value"]) for it in _items(text)]
    assert got == [("target", 8.0)]


def test_a_change_with_its_figure_still_reports():
    text = "2019年工作任务\n完成改造任务,优良天数同比增加12天,甲县PM2.5浓度下降8%。\n"
    assert [it["kind"] for it in _items(text)][-1] == "statistic"


# a policy's articles and the groups formed to run a campaign are no figures


def test_a_policys_articles_are_no_figure():
    text = "2018年,全市出台稳增长20条、民营经济12条等政策,减税降费超30亿元。"
    assert [it["value"] for it in _items(text, 2019)] == [3000000000.0]


def test_groups_formed_are_no_figure_but_groups_to_form_are_left_to_the_goals():
    text = "2018年,全省成立由副省长任组长的6个督导组,排查隐患1200处。"
    assert [it["value"] for it in _items(text, 2019)] == [1200.0]
    text = "2019年,全市新建口袋公园6个。"
    assert [it["value"] for it in _items(text, 2019)] == [6.0]


# a programme named by figures in quotes (“3个100”) is a name, not a count


def test_a_programme_named_by_figures_is_no_count():
    text = "一季度,全省“5个10”重点项目完成投资42亿元。"
    assert [it["value"] for it in _items(text, 2019)] == [4200000000.0]
    text = "2019年,力争新建5个10万千瓦光伏电站。"
    assert [it["value"] for it in _items(text, 2019)][0] == 5.0


# the amount a pledge signed commits to is a goal


def test_the_size_of_a_pledge_signed_is_a_target():
    text = "临江市五区共签订600亿元招商责任书。"
    assert [(it["kind"], it["value"]) for it in _items(text, 2019)] == [("target", 60000000000.0)]


def test_an_amount_signed_without_a_pledge_is_left_to_the_other_rules():
    text = "2018年,临江市五区共签订招商项目600亿元。"
    assert [it["kind"] for it in _items(text, 2019)] == ["statistic"]


# regions counted by where they stand against their quota: a result, the quota its yardstick


def test_regions_counted_against_their_quota_are_statistics():
    text = (
        "2017年前三季度全市安全生产控制指标实施情况的通报\n"
        "1-9月,全市事故死亡61人,占全年控制指标的48.2%。"
        "东城、南湖3个区超控制指标进度,西山、北岭2个县达到全年控制指标数;"
        "全市12个县区中,有7个在控制指标以内,2个与控制指标持平。\n"
    )
    kinds = {it["value"]: it["kind"] for it in _items(text, 2017) if it["unit"] == "个"}
    assert kinds == {3.0: "statistic", 2.0: "statistic", 12.0: "statistic", 7.0: "statistic"}


def test_a_quota_set_is_still_a_goal():
    text = "2017年安全生产工作要点\n全市生产安全事故死亡人数控制指标为58人。\n"
    assert [(it["kind"], it["value"]) for it in _items(text, 2017)] == [("target", 58.0)]


# an amount then its share of this year's or the handed-down plan, a bracketed change between


def test_an_amount_measured_against_the_years_plan_after_its_change_is_a_result():
    text = (
        "2019年上半年招商引资工作情况\n"
        "上半年,全县引进到位县外资金48.6亿元(同比增长12%),完成今年目标任务90亿元的54%;"
        "引进省外资金20.1亿元,完成市下达目标任务40亿元的50.3%。\n"
    )
    kinds = {it["value"]: it["kind"] for it in _items(text, 2019)}
    assert kinds[4860000000.0] == "statistic"
    assert kinds[12.0] == "statistic"
    assert kinds[2010000000.0] == "statistic"
    assert kinds[9000000000.0] == "target"


def test_an_amount_a_commitment_asks_for_with_a_bounded_share_stays_a_goal():
    text = "2019年招商引资工作要点\n力争引进到位县外资金50亿元(同比增长10%),完成今年目标任务的50%以上。\n"
    assert "statistic" not in {it["kind"] for it in _items(text, 2019)}
