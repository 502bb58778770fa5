"""Targets and statistics, round six: what statistics-heavy reports count (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.periods import find_deadlines, find_times


def _kinds(text):
    return [(it["kind"], it["value"]) for it in extract(text).items]


def _why(text):
    return [it["why"]["kind"] for it in extract(text).items]


# cue rank_move: a move in a ranking is no figure of the plan


def test_a_move_in_a_ranking_gives_no_item():
    text = "某市第三季度工作通报\n本季度全市综合排名较上季度提升5位,营商环境排位前移3位,位列全省第2位。\n"
    assert _kinds(text) == []


def test_people_counted_in_wei_stay_figures():
    text = "某市人才工作情况\n今年以来,全市引进院士3位,新增就业1.2万人。\n"
    assert (3.0 in [v for _, v in _kinds(text)]) and len(_kinds(text)) == 2


# cue issued_count: papers the report's authors issued, words it prints


def test_papers_issued_and_words_printed_give_no_item():
    text = "某县督查工作情况\n今年以来,共印发督查通报3篇,编发工作简报12期。“发展”一词出现67次。\n"
    assert _kinds(text) == []


def test_papers_a_plan_asks_for_stay_targets():
    text = "某县2026年督查工作要点\n确保全年编发督查简报不少于12期。\n"
    assert _kinds(text) == [("target", 12.0)]


def test_meetings_held_are_not_papers_issued():
    text = "某县督查工作情况\n今年以来,开展专项督查4次,召开调度会议5场。\n"
    assert [v for _, v in _kinds(text)] == [4.0, 5.0]


# cue supervision_count: a tally of tasks by state, the state right before the figure


def test_tasks_left_undone_or_under_way_are_statistics():
    text = "某市重点任务推进情况\n截至9月底,年度重点任务完成12项,未完成4项,正在推进8项。\n"
    assert _kinds(text) == [("statistic", 12.0), ("statistic", 4.0), ("statistic", 8.0)]
    assert _why(text)[1:] == ["kind.supervision_count", "kind.supervision_count"]


def test_tasks_to_complete_stay_targets():
    text = "某市2026年工作要点\n年内确保全部完成12项改造任务。\n"
    assert _kinds(text) == [("target", 12.0)]
    # kind.task_tally: a tally printed with the bound to meet is a goal
    text = "某市重点任务推进情况\n年度重点任务完成12项以上。\n"
    assert "kind.task_tally" not in _why(text)
    text = "某市重点任务推进情况\n截至9月底,年度重点任务完成12项。\n"
    assert _why(text) == ["kind.task_tally"]


# kind.progress_share: a share of the year's goal, the goal named as the yardstick


def test_a_share_of_the_years_goal_is_a_statistic_and_so_is_what_follows():
    text = (
        "今年全县固定资产投资目标为500亿元。1至7月,全县完成投资300亿元,为年度目标的60.1%。"
        "工业投资完成120亿元,增速8.8%。"
    )
    kinds = _kinds(text)
    assert ("statistic", 60.1) in kinds
    assert ("statistic", 1.2e10) in kinds
    assert ("target", 5e10) in kinds


def test_a_share_of_the_goal_to_reach_stays_a_target():
    text = "2026年工作要点\n全年确保完成投资500亿元,确保达到年度目标的100%。\n"
    assert ("target", 100.0) in _kinds(text)


# cue inspection_count / inspected_after: what an inspection itself did


def test_an_inspections_own_method_gives_no_item():
    text = (
        "某县重点项目督查情况\n7月3-6日,抽调18人组成六个督查组,对18个项目进行实地督查,"
        "现场核验34项,累计督查8个乡镇。\n"
    )
    assert _kinds(text) == []


def test_inspections_a_plan_asks_for_stay_targets():
    text = "某县2026年安全生产工作要点\n全年抽查企业不少于200家,对100名农民工开展技能培训。\n"
    assert _kinds(text) == [("target", 200.0), ("target", 100.0)]


# a length of time counted in 个月 is no figure


def test_a_length_of_months_gives_no_item():
    text = "某省安全生产情况\n全省开展了为期6个月的安全生产大检查,连续22个月无重特大事故。\n"
    assert _kinds(text) == []


# sentence cues: goal words that name a text or a goal reached set nothing after them


def test_a_goal_word_inside_a_title_sets_no_goal():
    text = (
        "某省通报安全生产工作情况\n2018-02-08 来源:某报\n2017年,全省发生事故1121起、死亡605人。\n"
        "完善了《安全生产目标责任制考核办法》,建立问责机制,问责党政领导干部57人。\n"
    )
    assert ("target", 57.0) not in _kinds(text)
    # the same sentence that asks for the figure is a goal
    plan = "某省2026年安全生产工作要点\n按照《安全生产目标责任制考核办法》,确保培训干部500人。\n"
    assert ("target", 500.0) in _kinds(plan)


def test_a_goal_reached_sets_no_goal_for_the_figures_after_it():
    text = (
        "某省通报安全生产工作情况\n2018-02-08 来源:某报\n2017年,全省事故起数下降16%。\n"
        "全省开展了安全生产大检查,实现了“重点时段较大事故为零”的目标,事故起数同比下降80.9%。\n"
    )
    assert ("target", 80.9) not in _kinds(text)


# a count of the units a clause lists: the listed places are counted, not the subject


def test_a_count_of_listed_units_belongs_to_the_whole():
    text = (
        "某市政府工作报告任务半年督查情况\n半年评价中,市发展改革委、市水利局、泰山区、东平县10家"
        "单位为优秀等次。\n"
    )
    items = extract(text).items
    assert [it["value"] for it in items] == [10.0]
    assert "东平县" not in (items[0]["owner"] or "")
    # a place that did something itself stays its subject
    done = "某市经济运行情况\n上半年,东平县完成投资10亿元。\n"
    assert extract(done).items[0]["owner"] == "东平县"


# metric.shared_value: one figure that a list of metrics shares


def test_a_figure_shared_by_a_list_of_metrics_is_a_fact_for_each():
    text = "某县2026年工作目标\n固定资产投资、工业投资、服务业投资均增长12%左右。\n"
    items = extract(text).items
    assert [(it["kind"], it["value"], it["metric"]) for it in items] == [
        ("target", 12.0, "固定资产投资增长"),
        ("target", 12.0, "工业投资增长"),
        ("target", 12.0, "服务业投资增长"),
    ]
    # 人均 inside a member is not the shared 均
    text = "某县2026年工作目标\n(七)城镇居民人均可支配收入、农民人均纯收入均增长8%以上。\n"
    assert [it["metric"] for it in extract(text).items] == [
        "城镇居民人均可支配收入增长",
        "农民人均纯收入增长",
    ]


def test_places_that_reach_the_same_figure_stay_one_fact():
    text = "某市2025年工作总结\n青湖区、江北区完成年度计划均超过90%。宁州工业园、修水工业园均增长10%。\n"
    assert len(extract(text).items) == 2


# periods: a deadline a goal word dates without 前, and a month alone before 前


def test_a_month_alone_before_qian_is_a_deadline():
    assert find_deadlines("3个续建项目,力争9月前完工。", 2020) == [(9, 12, ["2020-09"])]
    # the end of a range of months gone by is none
    assert find_deadlines("1-9月前三季度全市完成投资10亿元。", 2020) == []


def test_a_date_a_goal_word_sets_for_a_state_to_reach_is_a_deadline():
    assert find_deadlines("南岩农贸市场计划2022年12月底完成项目建设。", 2021) == [
        (8, 17, ["2022-12-31"])
    ]
    assert find_deadlines("力争明年3月底达到开工状态。", 2018) == [(2, 7, ["2019-03-31"])]
    assert find_deadlines("街区修缮项目拟于11月开园运营。", 2024) == [(8, 11, ["2024-11"])]
    # a month alone before 完成 dates a figure due, not a milestone
    assert find_deadlines("计划5月完成投资2亿元。", 2021) == []
    # a date with no goal word is when something happened
    assert find_deadlines("街区修缮项目于11月开园运营。", 2024) == []


# periods: a year printed in Chinese numerals with ○ for 〇; review_opening: the years just ended


def test_a_year_printed_with_a_white_circle_is_a_year():
    times = find_times("二○二五年上海GDP增长百分之五点四。", 2026)
    assert [(t.period, t.role) for t in times] == [("2025", "past")]
    text = "上海市政府工作报告\n二○二六年主要预期目标:GDP增长百分之五左右。二○二五年上海GDP增长百分之五点四。\n"
    assert [it["kind"] for it in extract(text).items] == ["target", "statistic"]


def test_the_years_just_ended_open_a_review():
    text = (
        "某区2026年政府工作报告\n今年全区生产总值增长6%左右。\n"
        "这五年是全区发展最好的五年,GDP年均增长6.3%。\n"
    )
    assert _kinds(text) == [("target", 6.0), ("statistic", 6.3)]
    plan = "某区2026年政府工作报告\n今年全区生产总值增长6%左右。\n这五年内要建成高速公路100公里。\n"
    assert ("target", 100.0) in _kinds(plan)


# a self-inspection or self-assessment report (自查报告, 自评报告) reports what was done,
# like a 工作总结: its figures are results, not goals


def test_a_self_inspection_report_reports_results():
    body = (
        "我县坚持把招商引资作为压倒一切的经济工作不动摇。\n一、招引总量增加,质量提高\n"
        "今年,全县共签订正式合同109个,到位资金8.29亿元。\n二、招引目标明确,重点突出\n"
        "基建项目上档升级。引进省港航公司投资13.6亿元兴建航电枢纽工程,今年到位资金3.07亿元。\n"
    )
    assert {k for k, _ in _kinds("招商引资工作自查报告\n" + body)} == {"statistic"}
    # the same lines under a plan's title set goals
    assert "target" in {k for k, _ in _kinds("招商引资工作计划\n" + body)}
