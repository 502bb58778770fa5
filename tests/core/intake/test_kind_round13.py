"""Kinds, round thirteen: a figure labelled as a task's size is the quota (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _kinds(text, year=2021):
    return [(it["value"], it["kind"]) for it in extract(text, year).items]


def test_a_figure_labelled_as_the_tasks_size_is_the_quota_even_in_a_review():
    text = (
        "二、工作完成情况\n按专班划分:\n新型工业化专班项目编制任务数88个,完成编制10个,完成率11%。\n"
    )
    kinds = dict(_kinds(text))
    assert kinds[88.0] == "target"
    assert kinds[10.0] == "statistic"


def test_the_count_of_tasks_done_is_a_result():
    text = "二、工作完成情况\n新型工业化专班完成任务数10个,完成率11%。\n"
    assert dict(_kinds(text))[10.0] == "statistic"


def test_a_tally_by_the_state_against_the_schedule_is_a_result():
    text = (
        "2024年上半年重点项目督查通报\n"
        "2.城乡建设工作指挥部:项目23项,未达序时进度2项为:南山片区老旧小区改造工程。\n"
        "4.新城建设工作指挥部:项目33项,进展缓慢的有3项。\n"
    )
    kinds = dict(_kinds(text, 2024))
    assert kinds[2.0] == kinds[3.0] == "statistic"


def test_a_plan_to_keep_to_the_schedule_is_no_tally():
    text = "2024年重点项目工作要点\n全年确保达到序时进度要求,新开工项目12项。\n"
    assert dict(_kinds(text, 2024))[12.0] == "target"


# a text that opens on its main targets is the plan whose parts follow


def test_a_text_opening_on_its_main_targets_plans_what_follows():
    text = (
        # (a first line too long to be the text's title, which would name it a plan)
        "全市经济社会发展主要预期目标是:地区生产总值增长5.5%以上,粮食产量260亿斤以上,"
        "规上工业增加值增长7%以上,固定资产投资增长5%以上,社会消费品零售总额增长6%以上。\n"
        "强化投资拉动\n"
        "全年实施投资5000万元以上项目1400个,其中超亿元项目1000个以上。\n"
        "加快建设区域消费中心城市,引进首店品牌100家,打造省级夜间消费集聚区10个以上。\n"
    )
    kinds = dict(_kinds(text, None))
    assert kinds[1000.0] == kinds[100.0] == kinds[10.0] == "target"


def test_a_text_naming_its_targets_later_keeps_its_results():
    text = (
        "过去一年,全市经济运行稳中有进。\n"
        "全年引进首店品牌100家,打造省级夜间消费集聚区10个。\n"
        "今年主要预期目标是:地区生产总值增长5.5%以上。\n"
    )
    kinds = dict(_kinds(text, None))
    assert kinds[100.0] == kinds[10.0] == "statistic"


# a line naming a duty (督查督办) heads no unit's section: the plan's frame is not its


def test_a_duty_heading_is_no_units_section():
    text = (
        "您的当前位置:\n\n督查督办\n\n"
        "  2020年,列入督查事项481项。完成国务院交办工作8项,办理网民留言2384条,回复率达96.43%。\n"
    )
    kinds = {it["value"]: (it["kind"], it["owner"]) for it in extract(text, None).items}
    assert kinds[8.0][1] != "督查督办"
    assert kinds[2384.0][0] == "statistic"


# a share of the plan (占年计划42.1%) is a result, and its 计划 frames nothing after it


def test_a_share_of_the_plan_and_its_change_are_results():
    text = (
        "江西:前4月省重点项目完成投资1418.98亿元\n"
        "截至4月,江西省重点项目完成投资1418.98亿元,占年计划42.1%,同比提高10.7个百分点。\n"
    )
    kinds = dict(_kinds(text, 2021))
    assert kinds[42.1] == kinds[10.7] == "statistic"


def test_the_plans_amount_named_in_a_share_is_still_the_goal():
    text = "1-7月,全省完成交通投资828亿元,占年度计划投资1500亿元的55.2%。\n"
    assert dict(_kinds(text, 2016))[150000000000.0] == "target"


# a range of sums that defines a class of projects is no figure


def test_a_range_defining_a_class_of_projects_is_no_item():
    text = (
        "其中总投资10亿至50亿元的项目23个,总投资1亿至10亿元的项目73个,计划年底前完成投资105亿元。"
    )
    values = {it["value"] for it in extract(text, 2019).items}
    assert not values & {1e9, 5e9, 1e8}
    assert {23.0, 73.0, 1.05e10} <= values


def test_a_range_of_sums_to_invest_is_still_read():
    text = "今年计划完成投资10亿至50亿元。"
    assert 5e9 in {it["value"] for it in extract(text, 2019).items}


# a count measured as a share of the year's goal of its kind (完成全年开工目标任务的78.13%)


def test_a_count_measured_against_the_years_start_goal_is_a_result():
    text = (
        "今年1—7月,自治区层面统筹推进重大项目累计完成投资2871.68亿元;"
        "新开工250项,完成全年开工目标任务的78.13%;竣工投产84项,完成全年竣工目标任务的52.5%。\n"
    )
    kinds = dict(_kinds(text, 2022))
    assert kinds[250.0] == kinds[84.0] == "statistic"


def test_a_count_with_a_bound_share_asked_for_is_still_a_goal():
    text = "今年力争新开工250项,完成全年开工目标任务的80%以上。\n"
    assert dict(_kinds(text, 2022))[250.0] == "target"


# what an inspection tour covered and how far it went: the report's method, no item


def test_an_inspection_tours_scope_and_distance_are_no_items():
    text = (
        "昨日,邢台市举行项目建设和招商引资擂台赛,检查和盘点邢台市20个县(市、区)招商引资成效。"
        "赛前两天,市主要领导带领相关部门负责人,行程800多公里,对20个县(市、区)的58个重点项目"
        "进行集中观摩。\n"
    )
    assert not {it["value"] for it in extract(text, 2021).items} & {20.0, 800.0, 58.0}


def test_a_campaigns_count_of_visiting_investors_is_still_read():
    text = "上半年,全市接待项目考察客商40多批次,签约项目12个。\n"
    assert 40.0 in {it["value"] for it in extract(text, 2012).items}


# the goals a supervision followed are its objects: no figure, and no goal frame after them


def test_the_goals_a_supervision_followed_set_nothing():
    text = (
        "督查督办\n"
        "  2020年,列入督查事项481项。对《政府工作报告》9项主要目标和172重点工作进行跟踪督办;"
        "完成省政府领导批示或交办事项43件;开展实地督查、暗访督查22次。\n"
    )
    items = {it["value"]: it["kind"] for it in extract(text, None).items}
    assert 9.0 not in items
    assert items[43.0] == items[22.0] == "statistic"


def test_goals_named_to_be_met_still_frame_a_plan():
    text = "2021年工作安排\n  确保完成9项主要目标,新建基站43个。\n"
    assert dict(_kinds(text, 2021))[43.0] == "target"


# the heading of a part that reports a year's results is no title: it does not date the text


def test_a_years_results_heading_does_not_date_the_text():
    text = (
        "投资千亿 河南省交通今年这样干 1月30日,记者从2021年全省交通运输工作会议上获悉,"
        "2021年,我省计划完成公路水路基础设施投资1000亿元以上。\n"
        "  2020年成绩\n"
        "  其中,完成高速公路投资373亿元,新改建农村公路1.35万公里。\n"
        "  2021年目标\n"
        "  全省交通运输系统计划投资1000亿元以上。\n"
    )
    items = {it["value"]: (it["kind"], it["period"]) for it in extract(text, None).items}
    assert items[37300000000.0] == ("statistic", "2020")
    assert items[100000000000.0] == ("target", "2021")


def test_a_titles_year_still_dates_the_text():
    text = "2020年工作总结\n  全年完成高速公路投资373亿元,新改建农村公路1.35万公里。\n"
    assert {it["period"] for it in extract(text, None).items} == {"2020"}


# a text that opens on what its year will bring is that year's plan


def test_a_text_opening_on_what_its_year_will_bring_plans_what_follows():
    text = (
        "记者从1月5日召开的2022年福建省交通运输工作会议上获悉,2022年,福建省交通运输系统将"
        "著力实现“一优化、两提升、三著力”,全年公路水路投资完成1000亿元。\n"
        "三著力:著力一流港口、服务提质和平安交通\n"
        "加快建设世界一流的东南沿海港口群,沿海港口完成货物吞吐量突破7亿吨。改造危桥150座。\n"
    )
    kinds = dict(_kinds(text, None))
    assert kinds[700000000.0] == kinds[150.0] == "target"


def test_a_text_opening_on_its_years_results_keeps_them():
    text = (
        "记者从1月5日召开的2022年福建省交通运输工作会议上获悉,2021年,福建省交通运输系统"
        "完成公路水路投资1000亿元。\n"
        "沿海港口完成货物吞吐量6.9亿吨。改造危桥150座。\n"
    )
    assert dict(_kinds(text, None))[150.0] == "statistic"


# a tonnage that names a class of ships or berths is no figure


def test_a_class_of_ships_or_berths_is_no_figure():
    text = "2022年,新增港口泊位4个,实现南平至闽江口500吨级船舶恢复通航,建成25万吨级矿石码头。\n"
    values = {it["value"] for it in extract(text, 2022).items}
    assert 4.0 in values and not values & {500.0, 250000.0}


def test_a_plants_capacity_class_is_still_read():
    text = "2021年,打造10万吨级白酒基地。\n"
    assert 100000.0 in {it["value"] for it in extract(text, 2021).items}


# a pinyin gloss closed after a space is a gloss too


def test_a_gloss_closed_after_a_space_is_dropped():
    text = "2022年福建省交通运输工作会(huì )议上获悉,全年公路水路投资完成1000亿元。\n"
    assert "huì" not in extract(text, 2022).text
