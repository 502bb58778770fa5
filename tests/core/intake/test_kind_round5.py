"""Targets and statistics, round five: rules found on the last cold batches (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.periods import find_times


def _kinds(text):
    return [(it["kind"], it["value"]) for it in extract(text).items]


def _why(text):
    return [it["why"]["kind"] for it in extract(text).items]


# periods: a range of months gone by in a text that names no year


def test_an_undated_range_of_months_is_a_past_period_of_a_year_unknown():
    assert [(t.period, t.role) for t in find_times("1—5月份,全市签约项目20个", None)] == [
        (None, "past")
    ]
    # dated, the range keeps its year
    assert [(t.period, t.role) for t in find_times("1—5月份,全市签约项目20个", 2021)] == [
        ("2021M01-M05", "past")
    ]


def test_figures_after_an_undated_range_of_months_are_results():
    text = "记者从某市商务局获悉。1—4月份,引进到位资金120.5亿元,同比增长30.2%,完成全年任务的41%。"
    assert _kinds(text)[:2] == [("statistic", 1.205e10), ("statistic", 30.2)]
    # a plan with no months gone by before its figure stays a target
    plan = "记者从某市商务局获悉。全年计划引进到位资金300亿元,力争同比增长10%。"
    assert ("target", 3e10) in _kinds(plan)


# kind.goal_reached_count: a count of what reached or missed its goal is a result


def test_a_count_of_works_that_met_their_goal_is_a_statistic():
    text = "2026年民生工程推进情况\n截至目前,全市9项民生工程超额完成年度目标任务。\n"
    assert _kinds(text) == [("statistic", 9.0)]
    assert _why(text) == ["kind.goal_reached_count"]


def test_a_count_of_tasks_that_missed_their_goal_or_pace_is_a_statistic():
    text = "2026年重点项目督查情况\n目前,有4项没有完成“双过半”目标任务。达到目标进度的项目27个。\n"
    assert _kinds(text) == [("statistic", 4.0), ("statistic", 27.0)]


def test_a_count_committed_to_meet_its_goal_stays_a_target():
    text = "2026年工作要点\n确保9项民生工程全面完成年度目标任务。\n"
    assert [k for k, _ in _kinds(text)] == ["target"]
    assert "kind.goal_reached_count" not in _why(text)


def test_a_goal_amount_named_inside_the_phrase_is_not_counted_as_met():
    # the figure is the goal itself (完成年度目标任务300亿元的45%): not a count of what met it
    text = "1-6月,全市完成年度目标任务300亿元的45%。"
    assert "kind.goal_reached_count" not in _why(text)


# kind.goal_met_after: a sentence that closes by reporting its goals met


def test_results_of_a_sentence_that_ends_with_its_goals_met_are_statistics():
    text = "某县工作会议召开。\n2019年,某县引进项目45个,到位资金18亿元,均超额完成了全年任务目标。\n"
    assert _kinds(text) == [("statistic", 45.0), ("statistic", 1.8e9)]


def test_a_plan_that_ends_by_asking_to_exceed_its_goals_stays_a_target():
    text = "某县工作会议召开。\n2020年,要引进项目50个,到位资金20亿元,超额完成全年任务目标。\n"
    assert [k for k, _ in _kinds(text)] == ["target", "target"]


# kind.project_scope_measured: the plan's count of projects that a progress report measures


def test_a_count_of_projects_measured_by_a_progress_report_is_the_plans_scope():
    text = "2021年重点项目推进情况\n1-8月,全县120个重点项目累计开复工98个,完成投资45亿元。\n"
    assert _kinds(text) == [("target", 120.0), ("statistic", 98.0), ("statistic", 4.5e9)]
    assert _why(text)[0] == "kind.project_scope_measured"


def test_the_kinds_of_projects_of_the_plan_are_its_scope_too():
    text = (
        "2021年重点项目推进情况\n1-8月,全县重点项目完成投资45亿元。其中:交通项目12个,"
        "已开工建设9个;水利工程项目8个,年度计划投资6亿元。\n"
    )
    kinds = _kinds(text)
    assert ("target", 12.0) in kinds and ("statistic", 9.0) in kinds
    assert ("target", 8.0) in kinds


def test_projects_counted_as_in_hand_or_contacted_are_results():
    # a total of projects already started: its breakdown after 其中 counts results
    started = "1-8月,全县共开复工项目150个。其中,产业项目90个,总投资300亿元。"
    assert "kind.project_scope_measured" not in _why(started)
    # projects that a relative clause says were contacted
    contacted = "今年以来,新对接的120余个线索项目中,签约项目30个。"
    assert "kind.project_scope_measured" not in _why(contacted)
    # projects at large, with no kind named
    bare = "1-8月,9个项目已开工建设。"
    assert "kind.project_scope_measured" not in _why(bare)
    # projects held in reserve are in hand too
    reserve = "今年以来,全市储备项目860个,年度计划投资500亿元。"
    assert "kind.project_scope_measured" not in _why(reserve)


# a goal named as the yardstick of a result frames nothing after it


def test_a_goal_exceeded_earlier_in_the_sentence_leaves_the_later_results_statistics():
    text = (
        "一季度,全省累计完成交通投资320亿元,占年度目标的26%,超过节点目标1.5个百分点,"
        "投资额较去年同期增加41.2亿元。"
    )
    assert _kinds(text)[-1] == ("statistic", 4.12e9)
    share = "截至6月底,累计完成投资96亿元,为年度目标的51%,比上年同期增长6.4%。"
    assert _kinds(share)[-1] == ("statistic", 6.4)


def test_a_goal_set_earlier_in_the_sentence_still_frames_the_later_figures():
    text = "全年确保实现年度目标,交通投资较去年增加41.2亿元。"
    assert _kinds(text)[-1] == ("target", 4.12e9)


# 贡献率 is the name of a measure, not a word of a fact


def test_a_contribution_rate_set_in_a_plan_is_a_target():
    text = "2026年农业农村工作要点\n新增数字农业工厂3个,农业科技进步贡献率达到67%以上。\n"
    assert _kinds(text)[-1] == ("target", 67.0)
    # a contribution reported as a fact stays one
    fact = "2025年,消费对经济增长的贡献达到52%。"
    assert _kinds(fact) == [("statistic", 52.0)]


# a change word governed by a goal word of its own clause carries no result


def test_a_change_word_inside_a_goal_does_not_make_the_later_figures_results():
    text = "全年力争实现农业总产值同比增长3%以上,农民人均可支配收入增长7%以上。"
    assert _kinds(text) == [("target", 3.0), ("target", 7.0)]
    # a change word of a clause of its own still reports a result for what follows
    fact = "全年计划投资80亿元。1-6月,投资同比增长12%,农民人均可支配收入增长7%。"
    assert _kinds(fact)[-1] == ("statistic", 7.0)


def test_the_plans_figures_of_counted_projects_make_a_scope_only_in_a_progress_report():
    report = "据了解,全县重点项目中,交通项目15个,年度计划投资30亿元,1-6月累计完成投资17亿元。"
    assert _kinds(report)[0] == ("target", 15.0)
    assert _why(report)[0] == "kind.project_scope_measured"
    plan = "记者从某市发改委获悉,我市60个重点项目总投资900亿元,年度计划投资200亿元。"
    assert "kind.project_scope_measured" not in _why(plan)


# structure_count: the text's own count of its tasks is no figure


def test_a_count_of_the_tasks_a_text_sets_or_names_is_no_item():
    for text in (
        "2026年,某市确定了86项重点工作任务。",
        "会议要求抓好《方案》确定的52项任务。",
        "某县政府工作报告给出了9个预期目标。",
        "某市将重点工作具体分解目标任务212项。",
        "对照报告共细分出96项具体任务。",
    ):
        assert _kinds(text) == [], text


def test_a_count_of_things_the_plan_settles_on_stays_a_figure():
    text = "2026年民生实事工作方案\n某区确定民生实事项目共5大类12个,年内全部完成。\n"
    assert [v for _, v in _kinds(text)] == [12.0]


# 截止 is written for 截至


def test_as_of_written_with_the_other_character_reports_results():
    text = (
        "2026年就业工作推进情况\n截止9月底,实现城镇新增就业8200人,完成年目标任务9000人的91.1%。\n"
    )
    assert _kinds(text)[0] == ("statistic", 8200.0)
    # a deadline's name is no word of a result
    plan = "2026年就业工作要点\n城镇新增就业9000人(截止时间:12月底)。\n"
    assert _kinds(plan)[0] == ("target", 9000.0)


# kind.cumulative_by_year: a total to reach by a target year


def test_a_total_to_reach_by_a_target_year_is_a_target():
    text = "一、主要目标\n到2028年,全市累计建成5G基站8000个,累计新建创新平台40个以上。\n"
    assert _kinds(text) == [("target", 8000.0), ("target", 40.0)]


def test_a_total_reached_by_a_date_or_with_another_result_word_is_a_statistic():
    reached = "截至2025年底,全市累计建成5G基站8000个。"
    assert _kinds(reached) == [("statistic", 8000.0)]
    done = "到2025年,全市累计已建成5G基站8000个。"
    assert _kinds(done) == [("statistic", 8000.0)]


# periods: 截至 dates what has been reached, 到 a year to reach


def test_jiezhi_before_a_year_end_is_no_target_year():
    assert [t.role for t in find_times("截至2025年底,全市累计建成5G基站8000个", None)] != ["target"]
    assert [t.role for t in find_times("到2028年底,全市累计建成5G基站8000个", None)] == ["target"]


# kind.bounded_share: a share with the bound to meet is a goal


def test_a_share_printed_with_its_bound_is_a_target():
    plan = "2026年农田建设实施方案\n高标准农田占永久基本农田面积的60%以上。\n"
    assert _kinds(plan) == [("target", 60.0)]
    assert _why(plan) == ["kind.bounded_share"]


def test_a_share_reached_stays_a_statistic():
    report = "2026年农田建设推进情况\n1-6月,高标准农田占永久基本农田面积的58.2%。\n"
    assert _kinds(report) == [("statistic", 58.2)]


# periods: a year the sentence plans for (2023年将…) is a goal's year


def test_a_year_followed_by_a_word_of_intent_is_a_target_year():
    assert [t.role for t in find_times("2021年将新建农田50万亩", 2024)] == ["target"]
    assert [t.role for t in find_times("2021年力争新建农田50万亩", None)] == ["target"]
    # a year reported, or one followed by 将近 or 要求, keeps its role
    assert [t.role for t in find_times("2021年新建农田50万亩", 2024)] == ["past"]
    assert [t.role for t in find_times("2021年将近完成农田50万亩", 2024)] == ["past"]


def test_a_planned_year_after_a_result_is_a_target_in_a_progress_sentence():
    text = "某地农田建设进展\n2020年底已累计建成农田300万亩,2021年将新建农田50万亩。\n"
    assert _kinds(text) == [("statistic", 3e6), ("target", 5e5)]
    reported = "某地农田建设进展\n2020年底已累计建成农田300万亩,2021年新建农田50万亩。\n"
    assert _kinds(reported) == [("statistic", 3e6), ("statistic", 5e5)]


# kind.goal_paragraph: a report's paragraph that opens on a goal goes on listing it


def test_bounded_figures_after_a_goal_in_a_progress_report_are_targets():
    text = (
        "2024年某市重点工作半年度进展情况表\n"
        "确保地区生产总值增长6%以上。工业增加值增长7%以上,出口增长5%左右。\n"
    )
    assert _kinds(text) == [("target", 6.0), ("target", 7.0), ("target", 5.0)]
    assert _why(text)[1:] == ["kind.goal_paragraph", "kind.goal_paragraph"]


def test_a_result_after_a_goal_in_a_progress_report_stays_a_statistic():
    # the value reached, printed with no bound, or with a result word of its own
    text = (
        "2024年某市重点工作半年度进展情况表\n"
        "确保地区生产总值增长6%以上。工业增加值增长7.2%,出口同比增长5%以上。\n"
    )
    assert _kinds(text) == [("target", 6.0), ("statistic", 7.2), ("statistic", 5.0)]


# kind.progress_change: a change against last year in a goal-and-progress table is progress


def test_a_change_against_last_year_in_a_progress_table_is_a_statistic():
    head = (
        "2026年区政府工作报告目标任务推进情况表\n序号 目标任务 责任单位 推进情况\n"
        "一、主要预期目标\n1 工业增加值增长6%。 区经信委\n区统计局\n"
    )
    table = head + "工业增加值同比增长3.4%。\n"
    assert _kinds(table) == [("target", 6.0), ("statistic", 3.4)]
    assert _why(table)[1] == "kind.progress_change"
    # with no 同比, a line of the goal column stays a goal
    assert _why(head + "工业增加值增长3.4%。\n")[1] != "kind.progress_change"


def test_a_change_against_last_year_in_a_plan_is_left_to_its_context():
    plan = "2026年工作要点\n一、主要目标\n工业增加值同比增长6%。\n"
    assert _why(plan) != ["kind.progress_change"]
