"""A plan's scope and its shares of the year's goal (issue 15, batches 19-26), on invented texts."""

from luoshi.core.intake import extract


def _kinds(text, year=2026):
    return [(it["kind"], it["value"], it["unit"]) for it in extract(text, year=year).items]


def _rules(text, year=2026):
    return [it["why"]["kind"] for it in extract(text, year=year).items]


def test_the_counts_of_a_years_key_projects_and_their_investment_are_the_plans_scope():
    text = (
        "2026年,青湖区实施区级重点项目86个,总投资412亿元。\n"
        "从类别看,产业项目40个,总投资230亿元;城建项目26个,总投资120亿元。\n"
    )
    assert [k for k, _v, _u in _kinds(text)] == ["target"] * 6


def test_a_count_of_projects_in_a_sentence_that_sets_no_goal_word_is_a_goal_of_a_work_report():
    text = (
        "报告提出,2026年要加快交通建设。\n公路方面,加快推进8个续建公路项目,开工建设3个公路项目。\n"
    )
    assert _kinds(text)[-2:] == [("target", 8.0, "个"), ("target", 3.0, "个")]
    assert _rules(text)[-2:] == ["kind.project_scope", "kind.project_scope"]


def test_projects_counted_by_what_they_have_reached_are_results():
    # signed, resumed, in hand: reported, not planned
    text = "一季度,全区集中签约项目18个,复工项目22个。"
    assert [k for k, _v, _u in _kinds(text)] == ["statistic", "statistic"]
    # a count followed by what the projects reached
    text = "青湖大道等9个重点项目建成投产。"
    assert "kind.project_scope" not in _rules(text)


def test_a_breakdown_after_qizhong_keeps_the_kind_of_its_total():
    text = "全年共引进项目60个,到位资金30亿元。其中工业项目35个,到位资金20亿元;其他项目25个。"
    assert [k for k, _v, _u in _kinds(text)] == ["statistic"] * 5


def test_counts_reported_by_a_progress_period_are_results():
    text = "截至9月底,全市重点项目80个,已完成投资310亿元。"
    assert "kind.project_scope" not in _rules(text)


def test_an_estimate_of_a_result_is_a_statistic():
    text = "2026年主要预期目标:地区生产总值增长6%左右。\n预计2025年全市地区生产总值增长5.2%左右,总量达到1800亿元左右。\n"
    kinds = _kinds(text)
    assert kinds[0][0] == "target"
    assert [k for k, _v, _u in kinds[1:]] == ["statistic", "statistic"]


def test_a_projects_expected_capacity_is_what_it_is_built_for():
    text = "青湖化工新材料项目总投资80亿元,建成后预计年产新材料30万吨。"
    assert ("target", 3e5, "吨") in _kinds(text)


def test_a_share_of_the_years_goal_that_a_commitment_governs_is_a_goal():
    text = (
        "1-9月,全县实现产值97亿元,完成全年目标任务的55%。"
        "全年确保实现产值176亿元,增长9.3%,完成全年目标任务的100%。"
    )
    assert _kinds(text, 2025) == [
        ("statistic", 9.7e9, "元"),
        ("statistic", 55.0, "%"),
        ("target", 1.76e10, "元"),
        ("target", 9.3, "%"),
        ("target", 100.0, "%"),
    ]


def test_a_share_after_an_estimate_is_a_result_even_before_a_commitment():
    text = "截至11月底,全县预计实现投资105亿元,完成全年目标任务的109%,确保实现投资106亿元,完成全年目标任务的110%。"
    kinds = _kinds(text, 2025)
    assert ("statistic", 109.0, "%") in kinds
    assert ("target", 110.0, "%") in kinds


def test_a_commitment_quoted_as_a_tasks_title_governs_nothing_after_it():
    text = "能够完成的有2项,分别为“力争解决城区交通梗阻问题”,占任务总数的1.6%。"
    assert "kind.goal_share" not in _rules(text, 2025)


def test_a_paragraph_that_continues_the_review_of_the_one_before_reports_that_year():
    text = (
        "2025年,全县新建学校5所,改造道路30公里。\n"
        "农村公路建成120公里,惠及群众3万人。\n"
        "2026年主要目标:\n"
        "农村公路建成150公里。\n"
    )
    items = extract(text, year=2026).items
    kinds = [(it["kind"], it["value"], it["period"]) for it in items]
    assert ("statistic", 120.0, "2025") in kinds
    assert ("statistic", 3e4, "2025") in kinds
    assert ("target", 150.0, "2026") in kinds


def test_a_bulleted_review_carries_its_first_members_year():
    text = "报告指出:\n●2025年全省地区生产总值增长5.2%;\n●地方一般公共预算收入增长4.1%;\n"
    assert [k for k, _v, _u in _kinds(text)] == ["statistic", "statistic"]


def test_a_paragraph_that_turns_to_the_new_year_ends_the_carried_review():
    text = "2025年,全县新建学校5所。\n2026年,力争建成农村公路120公里。\n"
    assert _kinds(text)[-1] == ("target", 120.0, "公里")


def test_an_ended_five_year_plans_period_frames_its_paragraph_as_results():
    text = (
        "据了解,“十三五”时期全县交通建设完成投资120亿元,新增高速公路80公里。"
        "新增3个乡镇通达高速公路,圆满实现乡乡通高速目标。\n"
    )
    items = extract(text, year=2021).items
    assert [(it["kind"], it["period"]) for it in items] == [("statistic", "2016-2020")] * 3


def test_a_five_year_plan_still_running_names_no_past_time():
    text = "“十四五”期间,全县力争新增高速公路80公里。"
    assert _kinds(text, 2023) == [("target", 80.0, "公里")]


def test_the_list_a_lead_in_announces_as_the_years_practical_projects_is_promised():
    text = (
        "会议票决产生了8个民生实事项目。青湖区2026年8个民生实事项目具体如下:\n"
        "一、教育提升项目\n新建幼儿园3所,新增学位540个。\n"
    )
    assert _kinds(text)[-2:] == [("target", 3.0, "所"), ("target", 540.0, "个")]
    assert _rules(text)[-1] == "kind.promise_list"


def test_a_progress_report_on_practical_projects_announces_no_promises():
    text = "青湖区2025年8个民生实事项目进展情况如下:\n一、教育提升项目\n已建成幼儿园3所。\n"
    assert "kind.promise_list" not in _rules(text, 2025)


def test_a_result_word_just_before_its_figure_governs_it_after_a_goal_word_naming_the_count():
    text = "前10月,全市重点项目累计完成投资310亿元;其中24个计划新开工项目已开工21个,开工率87.5%。"
    kinds = _kinds(text, 2025)
    assert ("statistic", 21.0, "个") in kinds
    assert ("statistic", 87.5, "%") in kinds


def test_shares_of_the_years_task_for_different_works_are_different_facts():
    text = (
        "截至10月底,改造老旧小区300个,完成年度任务的100%;"
        "改造雨污管网60公里,占年度任务的100%;新建停车位2万个,完成年度任务的100%。"
    )
    shares = [k for k in _kinds(text, 2025) if k[1] == 100.0]
    assert shares == [("statistic", 100.0, "%")] * 3


def test_the_actual_after_a_plans_figure_and_what_follows_it_are_results():
    text = "2025年,全县工业产值计划为150亿元,完成158亿元,完成年计划的105%,同比增长7.2%。"
    assert _kinds(text, 2025) == [
        ("target", 1.5e10, "元"),
        ("statistic", 1.58e10, "元"),
        ("statistic", 105.0, "%"),
        ("statistic", 7.2, "%"),
    ]


def test_what_was_obtained_and_units_rewarded_for_their_task_set_no_goal():
    text = "全市80个项目争取并发行专项债120亿元。"
    assert [k for k, _v, _u in _kinds(text, 2025)] == ["statistic", "statistic"]
    text = "2024年,县里拿出200万元资金对8个完成任务的单位进行奖励。"
    assert "kind.target_cue" not in _rules(text, 2025)


def test_an_interviewees_answer_that_opens_on_the_past_year_reports_results():
    text = (
        "李某(青湖县交通局局长):过去的一年,全县交通系统圆满完成了各项目标任务。"
        "全年完成交通投资45亿元,同比增长12%。今年力争完成交通投资50亿元。"
    )
    assert _kinds(text, 2026) == [
        ("statistic", 4.5e9, "元"),
        ("statistic", 12.0, "%"),
        ("target", 5e9, "元"),
    ]
