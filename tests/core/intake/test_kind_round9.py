"""Targets and statistics, round nine: the frame an item inherits (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _kinds(text, year=None):
    return [(it["kind"], it["value"], it["why"]["kind"]) for it in extract(text, year).items]


# rule project_scope_measured, widened: a count of projects with the plan's figures in a
# sentence that measures progress against the plan is the plan's scope, under a progress
# heading too; so is the total investment of the projects it counts


_PROGRESS = (
    "一、重点项目进展情况\n"
    "全县计划实施重点项目40个,总投资120亿元,年度计划投资30亿元,元-5月累计完成投资12亿元,"
    "占年度计划投资的40%。其中续建项目15个,总投资50亿元,年度计划投资10亿元,"
    "元-5月累计完成投资5亿元,占年度计划投资的50%。\n"
)


def test_a_project_scope_under_a_progress_heading_is_a_target():
    items = _kinds(_PROGRESS)
    scope = [(k, v) for k, v, why in items if why == "kind.project_scope_measured"]
    assert scope == [
        ("target", 40.0),
        ("target", 12e9),
        ("target", 15.0),
        ("target", 5e9),
    ]
    # what was done against it stays a result
    assert ("statistic", 5e8) in [(k, v) for k, v, _ in items]
    assert ("statistic", 50.0) in [(k, v) for k, v, _ in items]


def test_a_year_gone_by_keeps_its_projects_as_results():
    text = (
        "一、2025年工作回顾\n"
        "2025年,青湖区实施重点项目40个,总投资120亿元,年度计划投资30亿元,累计完成投资32亿元,"
        "占年度计划投资的106%。\n"
    )
    items = _kinds(text)
    assert items[0][:2] == ("statistic", 40.0)
    assert items[1][:2] == ("statistic", 12e9)


def test_projects_in_hand_under_a_progress_heading_are_results():
    text = (
        "一、重点项目进展情况\n"
        "临川市签约项目40个,总投资120亿元,累计完成投资12亿元,占年度计划投资的40%。\n"
    )
    items = _kinds(text)
    assert items[0][:2] == ("statistic", 40.0)
    assert items[1][:2] == ("statistic", 12e9)


# rule project_scope, narrowed: the projects of one event (本次集中开工的项目, 此次签约),
# named in the sentence or in the lead-in of the list the paragraph belongs to, are results


def test_the_projects_of_one_event_are_results():
    text = (
        "4月8日,临川市举行二季度重点项目集中开工活动。\n"
        "此次集中开工的项目呈现以下特点:\n"
        "一是结构更优。工业项目42个,总投资85亿元;基础设施项目33个,总投资72亿元。\n"
        "二是规模更大。亿元以上项目37个,总投资94亿元。\n"
    )
    items = _kinds(text)
    assert [k for k, _, _ in items] == ["statistic"] * 6


def test_the_projects_of_a_plan_list_stay_its_scope():
    text = (
        "2026年青湖区重点项目计划主要呈现以下特点:\n"
        "一是结构更优。工业项目42个,总投资85亿元;基础设施项目33个,总投资72亿元。\n"
    )
    items = _kinds(text)
    assert [(k, why) for k, _, why in items][:2] == [
        ("target", "kind.project_scope"),
        ("target", "kind.project_scope"),
    ]


# rule promise_list, widened: the family of the year's list of practical works (民心工程,
# 为民实事, 惠民工程…), announced a sentence after its name (…20项民心工程。…具体如下:) or by its
# name before a colon (确定了10件为民实事:), and over the date its own sentence opens on


def test_a_list_of_the_years_works_announced_later_in_the_paragraph_is_promises():
    text = (
        "1月10日,临川市公布了2026年15项民心工程,市住建局负责6个子项任务。具体如下:\n"
        "1.改造老旧管网。更新改造供水老旧管道120公里。\n"
        "2.新建口袋公园。新建口袋公园36个。\n"
    )
    items = [(k, v, why) for k, v, why in _kinds(text) if v in (120e3, 120.0, 36.0)]
    assert [(k, why) for k, _, why in items] == [("target", "kind.promise_list")] * 2


def test_a_list_named_before_its_colon_in_a_dated_sentence_is_promises():
    text = "2026年1月20日的市人代会上,确定了继续推进8件为民实事:城镇新增就业3万人、改造农村公路150公里。\n"
    assert [k for k, v, _ in _kinds(text) if v in (3e4, 150.0)] == ["target", "target"]


def test_a_progress_lead_of_the_list_is_no_promise():
    text = "2025年1月20日,青湖区8件为民实事完成情况:城镇新增就业3万人、改造农村公路150公里。\n"
    assert [k for k, v, _ in _kinds(text) if v in (3e4, 150.0)] == ["statistic", "statistic"]


# rule project_scope, narrowed by the whole family of events: the projects named by the
# collective act they took part in (集中签约的项目, 参加开工仪式的项目, 推介会上签约) or by
# the event the paragraph before the list's lead-in tells of are results too


def test_the_projects_named_by_their_collective_act_are_results():
    texts = [
        "3月2日,临川市举行重大项目集中签约活动。集中签约的项目涵盖:\n(一)工业项目30个,总投资60亿元。\n",
        "青湖区重点项目集中开工仪式举行。参加开工仪式的项目中,工业项目30个,总投资60亿元。\n",
        "5月6日,临川市举行重大项目集中签约仪式。\n签约项目主要呈现以下特点:\n"
        "一是体量大。工业项目12个,总投资45亿元。\n",
    ]
    for text in texts:
        assert [k for k, _, _ in _kinds(text)] == ["statistic", "statistic"], text


def test_a_planned_collective_start_stays_a_target():
    text = "2026年,临川市计划集中开工项目30个,总投资60亿元。\n"
    assert [k for k, _, _ in _kinds(text)] == ["target", "target"]


# rule promise_list, widened: the leads of the family (主要是:, 包括:, 清单:) and the
# verbs that name it before its colon (票决产生, 发布)


def test_a_list_of_the_years_works_led_by_its_other_words_is_promises():
    texts = [
        "1月10日,青湖区确定了2026年重点民生项目,主要是:\n1.新建中小学5所。\n2.改造农村公路150公里。\n",
        "1月5日,青湖区发布了今年的为民办实事项目清单:\n1.新建中小学5所。\n2.改造农村公路150公里。\n",
        "2026年1月20日,临川市人代会票决产生了10件民生实事,主要是:新建中小学5所、改造农村公路150公里。\n",
    ]
    for text in texts:
        kinds = [(k, why) for k, v, why in _kinds(text, 2026) if v in (5.0, 150.0)]
        assert kinds == [("target", "kind.promise_list")] * 2, text


def test_a_progress_lead_in_other_words_is_no_promise():
    text = "1月10日,临川市十件实事进展如下:\n1.新建中小学5所。\n2.改造农村公路150公里。\n"
    assert [k for k, v, _ in _kinds(text, 2026) if v in (5.0, 150.0)] == ["statistic"] * 2


# periods: the year a comparison is made with (与2020年相比, 同“十三五”末比较) is the base of
# the change, not the period of the figure: the plan's target year before it stays its period


def test_the_base_year_of_a_comparison_is_no_period():
    text = (
        "临川市安全生产实施方案\n"
        "到2026年,全市安全生产水平明显提升。与2020年相比,生产安全事故死亡人数下降15%。\n"
    )
    items = [
        (k, it_p) for k, it_p in ((it["kind"], it["period"]) for it in extract(text, 2026).items)
    ]
    assert items == [("target", "2026")]


def test_a_year_joined_by_and_stays_the_period():
    text = "2024年,青湖区地区生产总值与2023年相比增长6%。\n"
    items = [(it["kind"], it["period"]) for it in extract(text, 2026).items]
    assert items == [("statistic", "2024")]


# rule 1 (round 9, pass 4): a goal named as the yardstick of a result (为年度确保目标80亿元的
# 104.2%) sets nothing: the review of a year gone by does not turn into a plan at it, and the
# share it measures is a result


def test_a_goal_named_as_a_yardstick_keeps_the_year_under_review():
    text = (
        "青湖区交通运输工作会议召开。\n"
        "去年,青湖区交通运输系统攻坚克难。交通投资实现突破,2025年累计完成交通投资84.5亿元,"
        "为年度确保目标80亿元的105.6%,同比增长12.1%;建成高速公路项目3个、96公里,"
        "高速公路总里程达到812公里。\n"
    )
    items = _kinds(text, 2026)
    assert ("target", 8e9, "kind.strong_target") in items
    assert ("statistic", 105.6, "kind.progress_share") in items
    for value in (12.1, 3.0, 96.0, 812.0):
        assert [k for k, v, _ in items if v == value] == ["statistic"]


def test_a_goal_to_be_secured_still_turns_the_review_to_the_plan():
    text = (
        "青湖区交通运输工作会议召开。\n"
        "去年,青湖区交通运输系统攻坚克难。今年要确保完成交通投资90亿元,建成高速公路项目4个。\n"
    )
    items = _kinds(text, 2026)
    assert [k for k, v, _ in items if v in (9e9, 4.0)] == ["target", "target"]


# rule 4 (round 9, pass 4): a rate's relative change right after its verb (死亡率下降30%) is
# a growth target; the rate brought to a figure (下降至/到0.05) is a level


def _target_kinds(text, year=None):
    return [(it["value"], it.get("target_kind")) for it in extract(text, year).items]


def test_a_rates_relative_fall_is_growth():
    text = "到2030年,临川市亿元地区生产总值生产安全事故死亡率下降25%以上,道路交通万车死亡率比2025年降低了18%。"
    assert _target_kinds(text, 2026) == [(25.0, "growth"), (18.0, "growth")]


def test_a_rate_brought_to_a_figure_is_a_level():
    text = (
        "到2030年,临川市城镇调查失业率下降至5%以内,森林覆盖率提高到45%,工业用水重复利用率达到92%。"
    )
    assert _target_kinds(text, 2026) == [(5.0, "level"), (45.0, "level"), (92.0, "level")]


# rule 2 (round 9, pass 4): a text that opens on the arrangement of its year (…动员会议召开,
# 对2026年重点项目建设进行安排部署) frames what it then lists without a cue of its own as
# that arrangement; not a meeting that also reviews the year gone by, nor a ceremony


_ARRANGED = (
    "临川市重点项目建设动员会议召开\n"
    "3月2日,临川市重点项目建设动员会议召开,对2026年交通投资和重点项目建设进行安排部署。\n"
    "==打造临川交通枢纽==\n"
    "加快推进12个在建高速公路项目,新改建农村公路800公里,高速公路通车里程突破620公里。\n"
)


def test_the_items_of_an_arranged_year_are_targets():
    items = _kinds(_ARRANGED, 2026)
    assert [(k, why) for k, v, why in items if v in (12.0, 800.0, 620.0)] == [
        ("target", "kind.plan_default")
    ] * 3


def test_a_ceremony_or_a_review_meeting_is_no_arrangement():
    for lead in (
        "3月2日,临川市举行2026年一季度重点项目集中开工动员大会。",
        "3月2日,临川市交通工作会议召开,总结2025年工作,安排部署2026年交通工作。",
    ):
        text = _ARRANGED.replace(_ARRANGED.split("\n")[1], lead)
        items = _kinds(text, 2026)
        assert [k for k, v, _ in items if v in (12.0, 800.0, 620.0)] == ["statistic"] * 3


# rule 3 (round 9, pass 4): a heading that announces a list counts that list (公布了临川市
# 2026年20项民心工程, 确定了2026年11个方面173项, 投票决定的12项): no item; a count done or
# reached (65件民生实事已完成26件, 全面完成50项民生实事) stays


def test_a_heading_that_announces_a_list_counts_no_item():
    for text in (
        "1月13日,媒体公布了临川市2026年20项民心工程。具体如下:\n一、新建停车泊位3000个。\n",
        "市政府研究确定了2026年11个方面173项重点工作。具体如下:\n一、新建停车泊位3000个。\n",
        "现将县人民代表大会投票决定的12项民生实事公布如下:\n一、新建停车泊位3000个。\n",
    ):
        values = [v for _, v, _ in _kinds(text, 2026)]
        assert values == [3000.0], text


def test_a_count_done_or_reached_stays():
    items = _kinds("截至9月底,临川市65件民生实事已完成26件。", 2026)
    assert [v for _, v, _ in items] == [65.0, 26.0]
    items = _kinds("2025年,青湖区全面完成50项民生实事。", 2026)
    assert [(k, v) for k, v, _ in items] == [("statistic", 50.0)]
