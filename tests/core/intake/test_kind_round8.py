"""Targets and statistics, round eight: forecasts, progress against a plan (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _items(text):
    return [(it["kind"], it["value"], it["unit"], it["comparator"]) for it in extract(text).items]


def _why(text):
    return [it["why"]["kind"] for it in extract(text).items]


# rule forecast_ahead: what a forecast expects still to happen is a goal


def test_a_forecast_of_a_later_part_of_the_year_is_a_target():
    text = "1-4月全市新开工项目开工率达62%,预计上半年开工率将突破85%。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]
    assert _why(text)[1] == "kind.forecast_ahead"


def test_a_forecast_of_the_remaining_projects_is_a_target():
    text = "截至目前,全县已开工项目40个,预计三季度其余25个项目全部开工。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]


def test_what_a_project_can_reach_is_a_target():
    text = "该产业园建成后,亩产税收可达60万元。\n"
    assert [k for k, *_ in _items(text)] == ["target"]
    assert _why(text) == ["kind.forecast_ahead"]


def test_a_project_design_output_is_a_target():
    text = "该项目预计达纲产值约12亿元。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


def test_an_estimate_of_a_result_is_no_forecast_ahead():
    text = "1-11月全市生产总值预计同比增长4%左右。\n"
    assert [k for k, *_ in _items(text)] == ["statistic"]
    assert "kind.forecast_ahead" not in _why(text)


def test_a_result_reached_is_no_capacity():
    text = "全年完成投资已达到12亿元。\n"
    assert "kind.forecast_ahead" not in _why(text)


# rule projects_reached: a count told of what its projects reached is a result


def test_projects_done_after_the_plan_count_are_a_statistic():
    text = "1-10月,全市计划新开工项目60个,其中21个项目已开工建设。\n"
    assert [k for k, *_ in _items(text)] == ["target", "statistic"]
    assert _why(text)[1] == "kind.projects_reached"


def test_projects_counted_against_the_plan_are_a_statistic():
    text = "1-9月,全省80个计划新开工项目有65个实现开工。\n"
    assert [k for k, *_ in _items(text)] == ["target", "statistic"]
    assert _why(text)[1] == "kind.projects_reached"


def test_units_that_failed_to_act_are_a_statistic():
    text = "全省各市中,3个未按时报送年度安全生产目标分解方案。\n"
    assert _why(text) == ["kind.projects_reached"]


def test_projects_all_started_in_a_progress_report_are_a_statistic():
    text = "2026年1-6月交通建设进展情况\n截至目前,甲线计划年内通车;5个新开工项目全部破土动工。\n"
    assert _items(text) == [("statistic", 5.0, "个", "=")]
    assert _why(text) == ["kind.projects_reached"]


def test_projects_all_to_start_in_a_plan_stay_a_target():
    text = "关于印发2026年重点工作安排的通知\n甲线计划年内通车;5个新开工项目全部破土动工。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


def test_projects_committed_to_start_stay_a_target():
    text = "确保21个项目已开工建设。\n"
    assert [k for k, *_ in _items(text)] == ["target"]
    assert "kind.projects_reached" not in _why(text)


def test_the_plan_count_before_the_count_done_stays_a_target():
    text = "1-7月,计划上半年建成的9个项目已完工6个。\n"
    assert _items(text)[0][0] == "target"
    assert _why(text)[0] != "kind.projects_reached"


def test_a_count_of_named_members_is_left_to_the_list_rules():
    text = "1-10月,全市计划新开工项目60个,其中甲路、乙桥等21个项目已开工建设。\n"
    assert "kind.projects_reached" not in _why(text)


# rule project_scope: the total investment of projects counted in its own clause


def test_the_total_investment_of_the_plan_projects_in_one_clause_is_a_target():
    text = (
        "1-6月,全县重大项目建设稳步推进。\n"
        "我县12项市重点项目总投资86.5亿元,2026年度计划投资20.1亿元,1-6月份累计完成投资11.2亿元。\n"
    )
    assert [k for k, *_ in _items(text)] == ["target", "target", "target", "statistic"]
    assert _why(text)[1] == "kind.project_scope"


def test_the_total_investment_of_projects_started_stays_a_statistic():
    text = "1-6月,全县重大项目建设稳步推进。\n我县已开工12项市重点项目总投资86.5亿元。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]


# count noise: who came to the event reported, and how long it lasted


def test_the_delegates_at_a_session_give_no_item():
    text = "全县第十届人大第三次会议今天开幕,186名人大代表出席会议。大会还特邀5个友好县的代表旁听会议。\n"
    assert _items(text) == []


def test_the_questions_answered_give_no_item():
    text = "会后,县长回答了12家媒体的提问。记者会持续2个小时。\n"
    assert _items(text) == []


def test_firms_brought_to_a_promotion_meeting_stay_a_statistic():
    text = "上半年,召开产业链招商推介会,邀请甲公司等16家企业参加会议。\n"
    assert [k for k, *_ in _items(text)] == ["statistic"]


def test_a_goal_of_attendance_stays_a_target():
    text = "力争全年组织500人参加招商推介会。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


# sentence cues: the change of a goal's figure, and the period a goal word opens on


def test_a_change_right_after_a_goal_figure_describes_the_goal():
    text = (
        "会议要求,今年全县招商引资目标任务是到位资金120亿元,同比增长12%,实际利用外资5000万美元。\n"
    )
    assert [k for k, *_ in _items(text)] == ["target", "target", "target"]


def test_a_change_after_a_result_stays_a_statistic():
    text = "1-9月,全县到位资金92亿元,同比增长12%,实际利用外资4200万美元。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic", "statistic"]


def test_the_quarter_a_plan_opens_on_is_when_its_goal_falls_due():
    text = "今年,甲市计划一季度实际利用内资80亿元,同比增长15%。\n"
    assert [k for k, *_ in _items(text)] == ["target", "target"]


def test_a_quarter_gone_by_reports_results():
    text = "今年一季度,甲市实际利用内资80亿元,同比增长15%。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]


# rule task_quota: the size of a task met is the quota


def test_the_size_of_a_task_met_is_a_target():
    text = "一、2025年工作回顾\n完成生猪出栏任务12万头,完成8万亩高标准农田建设任务。\n"
    assert [k for k, *_ in _items(text)] == ["target", "target"]
    assert _why(text) == ["kind.task_quota", "kind.task_quota"]


def test_the_amount_done_in_the_year_and_a_share_of_the_task_stay_statistics():
    text = "一、2025年工作回顾\n全年完成5亿元建设任务,完成年度目标任务的105%。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]
    assert "kind.task_quota" not in _why(text)


# milestones: the date a forecast expects a state by


def test_the_date_a_forecast_expects_a_start_by_is_a_milestone():
    text = "2026年1-11月全省重点项目进展情况\n甲乙铁路完成可研立项,预计12月26日可实现实质性开工。\n"
    items = extract(text).items
    assert [(it["target_kind"], it["period"]) for it in items] == [("milestone", "2026-12-26")]


def test_a_start_on_a_date_gone_by_is_no_milestone():
    text = "2026年1-11月全省重点项目进展情况\n甲乙铁路已于11月26日实现实质性开工。\n"
    assert extract(text).items == []


# rule weak_statistic: a change against last year in a progress report, after a paragraph's plans

_PROGRESS_HEAD = (
    "甲省重点项目建设提速增效 有效投资支撑高质量发展\n发布日期:2026年07月20日\n"
    "今年以来,甲省以重点项目建设为抓手,持续扩大有效投资。\n一、重点项目投资实现开门红\n"
    "甲省共安排省级重点建设项目500个,年度计划投资4000亿元。前4个月完成投资1500亿元,"
    "较上年同期提高12个百分点。\n二、重大基础设施项目进展顺利\n"
)


def test_a_change_in_a_progress_report_after_plans_is_a_statistic():
    text = (
        _PROGRESS_HEAD
        + "甲乙高铁计划二季度开工建设。基础设施领域投资同比增长21%,成为稳投资的重要支撑。\n"
    )
    assert _items(text)[-1] == ("statistic", 21.0, "%", "=")
    assert _why(text)[-1] == "kind.weak_statistic"


def test_a_change_in_a_list_of_goals_stays_a_target():
    text = _PROGRESS_HEAD + "今年,全省计划投资1400亿元以上;多式联运货运量同比增长12%。\n"
    assert _items(text)[-1][0] == "target"


def test_a_forecast_after_a_commitment_expects_the_goal():
    text = "截至目前,全市已开工项目300个。确保上半年重大项目全部开工,预计完成投资210亿元。\n"
    assert _items(text)[-1] == ("target", 21000000000.0, "元", ">=")
    assert _why(text)[-1] == "kind.forecast_ahead"


def test_a_forecast_after_a_result_reported_stays_a_statistic():
    text = "确保全年增长8%,1-11月已完成投资190亿元,预计全年完成投资210亿元。\n"
    assert _items(text)[-1][0] == "statistic"


# rule spread_reached: where the members of a result all lie


def test_where_the_results_all_lie_is_a_statistic():
    text = (
        "10个续建项目进展缓慢,年度投资计划完成均在30%以下;8个收尾项目完成年投资计划均在75%以上。\n"
    )
    shares = [(k, v) for k, v, u, _ in _items(text) if u == "%"]
    assert shares == [("statistic", 30.0), ("statistic", 75.0)]
    assert _why(text).count("kind.spread_reached") == 2


def test_a_level_all_are_committed_to_reach_stays_a_target():
    text = "确保各乡镇年度投资计划完成均在90%以上。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


# clauses: a bullet opens a list item


def test_each_bulleted_goal_is_read_on_its_own():
    text = (
        "2026年主要预期目标\n"
        "  • 地区生产总值增长6%左右  • 居民消费价格涨幅控制在3%以内  • 一般公共预算收入增长5%左右\n"
    )
    got = [(v, c) for k, v, u, c in _items(text)]
    assert got == [(6.0, "~"), (3.0, "<="), (5.0, "~")]


def test_goals_in_one_clause_still_share_it():
    text = "2026年主要预期目标\n居民消费价格涨幅和失业率均控制在3%以内。\n"
    assert [c for *_, c in _items(text)] == ["<="]


# cue actor_count: a count of the bodies that carry the work is no goal of the plan


def test_a_count_of_the_departments_that_do_the_work_is_no_item():
    text = "2027年招商工作安排\n全市46个市直部门将分别对接一个重点产业链。\n"
    assert [v for _, v, *_ in _items(text)] == []


def test_a_count_of_units_with_a_task_is_no_item():
    text = "2027年招商引资工作通知\n全区25家承担招商任务的区直单位要落实专人负责。\n"
    assert all(v != 25 for _, v, *_ in _items(text))


def test_a_count_of_model_units_to_build_is_kept():
    text = "2027年工作要点\n全年创建市级示范单位12家。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


def test_what_units_reached_stays_a_result():
    text = "上半年,全市有9个单位超额完成招商目标任务。\n"
    assert [k for k, *_ in _items(text)] == ["statistic"]


# rule actual_before_share: a figure measured next as a share of the year's task is the actual


def test_a_figure_measured_as_a_share_of_the_annual_task_is_a_statistic():
    text = "2027年重点工作推进情况\n全市新建社区食堂120个,占年度任务的96%。\n"
    assert [k for k, *_ in _items(text)][0] == "statistic"
    assert _why(text)[0] == "kind.actual_before_share"


def test_a_share_naming_the_task_figure_before_it_is_a_statistic():
    text = "2027年重点工作推进情况\n全市新建社区食堂130个,完成年度任务120个的108%。\n"
    assert _why(text)[0] == "kind.actual_before_share"


def test_a_task_without_a_share_after_it_is_no_actual():
    text = "2027年工作要点\n全市新建社区食堂120个,年度任务分解到各区。\n"
    assert "kind.actual_before_share" not in _why(text)


# deadline in a clause of its own: a sentence with figures may also set a dated milestone


def test_a_deadline_clause_without_a_figure_is_a_milestone():
    text = "2027年工作要点\n确保开工率在85%以上,续建项目在4月底前全部复工。\n"
    kinds = [(it["target_kind"], it["period"]) for it in extract(text).items]
    assert ("milestone", "2027-04-30") in kinds


def test_a_deadline_that_dates_the_figure_after_it_is_no_milestone():
    text = "2027年工作要点\n全市已开工项目120个。5月底前,其余40个项目将全部开工。\n"
    assert all(it["target_kind"] != "milestone" for it in extract(text).items)


def test_a_deadline_in_the_clause_of_a_figure_is_no_milestone():
    text = "2027年工作要点\n确保6月底前开工率在90%以上。\n"
    assert all(it["target_kind"] != "milestone" for it in extract(text).items)


# rule project_base: the set a result of its own clause is counted from is the plan's list


def test_the_projects_a_part_is_counted_from_are_the_plan():
    text = "2027年上半年重点项目推进情况\n上半年,全市40个重点产业项目中的25个已开工建设。\n"
    assert [k for k, *_ in _items(text)][0] == "target"
    assert _why(text)[0] == "kind.project_base"


def test_projects_with_their_investment_done_are_the_plan():
    text = "2027年重点项目推进情况\n截至6月底,全区58个重点项目完成投资31亿元。\n"
    assert [k for k, *_ in _items(text)] == ["target", "statistic"]


def test_projects_counted_alone_in_a_progress_report_are_no_base():
    text = "2027年上半年重点项目推进情况\n上半年,全市新开工重点产业项目25个。\n"
    assert "kind.project_base" not in _why(text)


def test_named_projects_counted_are_no_base():
    text = "2027年上半年重点项目推进情况\n甲厂扩建、乙路改造等2个项目已完工。\n"
    assert "kind.project_base" not in _why(text)


def test_projects_told_as_a_total_done_are_no_base():
    text = "去年全县重点项目推进有力。20项重点项目共完成投资45亿元。\n"
    assert "kind.project_base" not in _why(text)


# rule change_baseline: the level a change starts from (从X提高到Y) is where things stand


def test_the_level_a_change_starts_from_is_a_statistic():
    text = "2027年民生实事\n城乡低保标准分别从每人每月600元、420元提高到650元、460元。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic", "target", "target"]
    assert _why(text)[:2] == ["kind.change_baseline", "kind.change_baseline"]


def test_a_fall_from_a_past_level_names_its_baseline():
    text = "2027年安全生产工作要点\n城镇调查失业率力争从5.6%下降到5.2%。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]


def test_a_level_to_reach_without_a_start_is_no_baseline():
    text = "2027年民生实事\n城乡低保标准提高到每人每月650元,从5月起执行。\n"
    assert "kind.change_baseline" not in _why(text)


# headings by their last word: 成就 reviews what was done; N年目标, “十五五”目标 set goals


def test_figures_under_an_achievements_heading_are_statistics():
    text = "2026年成就:\n地区生产总值增长5.2%\n城镇新增就业3.1万人\n2027年目标:\n地区生产总值增长5%左右\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic", "target"]


def test_figures_under_a_plan_period_goals_heading_are_targets():
    text = "“十四五”成就:\n城镇化率提高4.1个百分点\n“十五五”目标:\n人均生产总值达到12万元左右\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]


def test_a_heading_on_how_goals_were_met_is_no_goals_heading():
    text = "2026年目标完成情况:\n地区生产总值增长5.2%\n"
    assert [k for k, *_ in _items(text)] == ["statistic"]


# cue grade_definition: the range that defines a grade of accident is no figure


def test_a_range_defining_an_accident_grade_is_no_item():
    text = "2008年安全生产控制指标:较大事故(一次死亡3-9人)控制在60起以内。\n"
    assert [v for _, v, *_ in _items(text)] == [60.0]


def test_a_range_of_a_one_off_grant_is_kept():
    text = "2008年民生实事:发放一次性补助3-5万元。\n"
    assert 3.0 in [v for _, v, *_ in _items(text)]


# cue size_threshold: a sum given with its equal in dollars defines a class of projects


def test_a_size_given_in_two_currencies_is_no_item():
    text = "2027年招商目标:全年招引落户总投资超30亿元或3亿美元产业项目2个。\n"
    assert [v for _, v, *_ in _items(text)] == [2.0]


def test_a_sum_without_its_dollar_equal_is_kept():
    text = "2027年招商目标:全年招引落户总投资超30亿元、3亿美元以上项目2个。\n"
    assert 3e9 in [v for _, v, *_ in _items(text)]
