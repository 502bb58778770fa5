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
