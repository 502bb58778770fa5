"""Targets and statistics, round seven: goals printed inside results (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _items(text):
    return [(it["kind"], it["value"], it["unit"], it["comparator"]) for it in extract(text).items]


def _why(text):
    return [it["why"]["kind"] for it in extract(text).items]


# cues goal_named, goal_measure: a goal printed with its figure in a result's comparison


def test_a_goal_exceeded_by_a_share_is_a_target_and_the_share_a_statistic():
    text = "2019年全市签约项目总投资612亿元,超过目标任务500亿元的22%。\n"
    assert _items(text) == [
        ("statistic", 61200000000.0, "元", "="),
        ("target", 50000000000.0, "元", ">="),
        ("statistic", 22.0, "%", "="),
    ]
    assert _why(text)[1:] == ["kind.goal_named", "kind.goal_gap"]


def test_a_quota_undercut_by_a_count_is_a_cap_and_the_count_a_statistic():
    text = "2019年全市事故死亡人数比省下达的控制指标120人减少9人。\n"
    assert _items(text) == [("target", 120.0, "人", "<="), ("statistic", 9.0, "人", "=")]


def test_a_goal_exceeded_is_named_by_its_figure():
    text = "2019年完成外贸进出口8亿元,超额完成年度指标6.5亿元。\n"
    assert _items(text)[1] == ("target", 650000000.0, "元", ">=")


def test_a_gap_to_a_goal_without_its_figure_stays_a_statistic():
    text = "前三季度全区地区生产总值增长5.1%,低于目标1.4个百分点。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]
    assert "kind.goal_named" not in _why(text)


def test_a_quota_printed_after_its_figure_is_a_cap():
    text = "2019年全市发生较大事故5起,超过了省里下达的全年4起控制数。\n"
    assert ("target", 4.0, "起", "<=") in _items(text)


# rule committed_gap: a gap its own clause commits to


def test_a_gap_a_commitment_asks_for_is_a_goal():
    text = "全县地区生产总值增速力争高于全市平均水平1.5个百分点。\n"
    assert _items(text) == [("target", 1.5, "百分点", ">=")]
    assert _why(text) == ["kind.committed_gap"]


def test_a_gap_measured_stays_a_statistic():
    text = "全县地区生产总值增速高于全市平均水平1.5个百分点。\n"
    assert _items(text) == [("statistic", 1.5, "百分点", "=")]


def test_the_larger_accidents_are_no_comparison():
    # 较大事故 names a grade of accident, not a comparison with something larger
    text = "2026年安全生产工作要点\n全县较大事故起数目标任务为2起。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


# rule comparator.harm_cap: a target of accidents or their dead is a cap


def test_a_target_of_accidents_or_deaths_is_a_cap():
    text = "2026年安全生产工作要点\n全县较大事故起数目标任务为2起,火灾事故死亡人数目标任务为3人。\n"
    assert _items(text) == [("target", 2.0, "起", "<="), ("target", 3.0, "人", "<=")]


def test_a_fall_in_deaths_is_no_cap():
    text = "2026年安全生产工作要点\n全县道路交通事故死亡人数比上年减少6人。\n"
    assert [c for *_, c in _items(text)] == [">="]


def test_a_target_of_other_people_is_no_cap():
    text = "2026年安全生产工作要点\n全年培训安全管理人员3000人。\n"
    assert _items(text) == [("target", 3000.0, "人", ">=")]


# numbers: 个点 spoken for a percentage point after a rate or its change


def test_points_spoken_after_a_rate_are_percentage_points():
    text = "确保全年经济增速高于全省2个点以上。\n"
    assert _items(text) == [("target", 2.0, "百分点", ">=")]


def test_points_of_a_network_stay_counts():
    text = "今年新建空气质量监测站10个点位。\n"
    assert all(u == "个" for _, _, u, _ in _items(text))


# tables: goals against results flattened one cell a line, without serial numbers


_GOAL_RESULT_TABLE = (
    "某县重点指标完成情况\n指标名称\n年度目标\n实际完成\n规上工业增加值增长\n7%\n7.4%\n"
    "新增城镇就业\n3000人\n3120人\n"
)


def test_a_flattened_table_of_goals_and_results_reads_its_columns():
    items = _items(_GOAL_RESULT_TABLE)
    assert [(k, v) for k, v, _, _ in items] == [
        ("target", 7.0),
        ("statistic", 7.4),
        ("target", 3000.0),
        ("statistic", 3120.0),
    ]
    assert set(_why(_GOAL_RESULT_TABLE)) == {"kind.table_column"}


def test_the_same_table_with_closing_pipes_reads_its_columns():
    text = "".join(line + " |\n" for line in _GOAL_RESULT_TABLE.splitlines()[1:])
    assert [k for k, *_ in _items("某县重点指标完成情况\n" + text)] == [
        "target",
        "statistic",
        "target",
        "statistic",
    ]


def test_short_lines_without_a_goal_and_a_result_column_are_no_such_table():
    text = (
        "某县2026年工作安排\n重点项目\n新建学校\n3所\n改造道路\n12公里\n新增绿地\n5万平方米\n"
        "新建公园\n2个\n"
    )
    assert "kind.table_column" not in _why(text)


# periods: last year in a text that never prints its year


def test_last_year_is_past_in_a_text_without_a_year():
    text = "局长谈交通工作目标\n去年全市完成交通投资76亿元。今年我们要完成交通投资80亿元。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]


def test_last_year_as_a_baseline_is_no_past_time():
    text = "某县农业工作要点\n在去年粮食丰收的基础上,今年粮食产量稳定在30万吨以上。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


# rule plan_default: a text that reports a government work report and opens on the year
# it plans for reads its bare figures as the report's plan


def test_the_work_of_a_reported_work_report_is_its_plan():
    text = (
        "政府工作报告指出,今年是实施“十五五”规划的开局之年,是全面深化改革的关键一年。"
        "今年全市经济社会发展的主要预期目标是:地区生产总值增长6%。\n"
        "城市建设\n完善城市路网,建成8条市政道路,改造老旧小区40个。\n"
    )
    items = _items(text)
    assert [k for k, *_ in items] == ["target", "target", "target"]


def test_a_reported_review_without_a_plan_stays_results():
    text = (
        "新华社某地1月19日电 某县第十届人民代表大会第三次会议19日在县城开幕,县长在向大会作政府"
        "工作报告时称,2024年,全县地区生产总值增长6.1%。\n"
        "报告指出,2024年,全县建成8条市政道路,改造老旧小区40个。\n"
    )
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic", "statistic"]


def test_a_meeting_that_carries_out_a_work_report_is_no_work_report():
    text = (
        "3月18日下午,我市召开全市商务工作会议。会议深入贯彻中央经济工作会议精神,落实市委全会、"
        "《政府工作报告》以及全省商务工作会议的部署要求,总结去年工作,安排部署今年商务工作。\n"
        "会议指出,过去一年全市商务工作成效明显。\n1、外贸稳中有进\n全市外贸进出口总额820亿元。\n"
    )
    assert ("statistic", 82000000000.0, "元", "=") in _items(text)


# rule due_in_part_of_year: a quarter of the plan's own year under a commitment


def test_a_quarter_a_commitment_governs_is_when_the_goal_falls_due():
    text = "某县2026年重点项目工作安排\n确保全年完成投资80亿元,上半年新开工项目20个。\n"
    assert [k for k, *_ in _items(text)] == ["target", "target"]
    assert _why(text)[1] == "kind.due_in_part_of_year"


def test_a_quarter_of_a_progress_report_stays_past():
    text = "某县2026年上半年重点项目推进情况\n上半年,全县完成投资41亿元,新增城镇就业3200人。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]


# cues structure_count, count_reference, count_partitioned: the plan's own tasks counted


def test_the_plans_tasks_counted_named_again_or_partitioned_give_no_item():
    text = (
        "某市2026年政府工作报告重点工作分工方案印发\n"
        "分工方案将政府工作报告细化分解成156项重点工作任务。据了解,这156项任务涉及8个方面。"
        "在156项任务中,每一项都明确了牵头单位。\n"
    )
    assert [v for _, v, _, _ in _items(text)] == []


def test_a_count_the_plan_sets_stays_a_target():
    text = "某市2026年工作要点\n全年新建5G基站156个,改造老旧小区40个。\n"
    assert [v for _, v, _, _ in _items(text)] == [156.0, 40.0]


# periods: months gone by in a text that never prints its year; cue target: 计划完成率


def test_months_gone_by_are_past_in_a_text_without_a_year():
    text = (
        "全县招商引资实现双过半\n从今年前5个月情况看,甲镇、乙镇分别以21.5%和20.3%的占比领跑全县。\n"
    )
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]


def test_a_plans_completion_rate_is_a_result():
    text = (
        "某省2026年上半年重大项目建设情况\n1-6月,重大项目年度计划投资完成率46.2%,"
        "较去年同期提高8.1个百分点。\n"
    )
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]


def test_a_plans_investment_stays_a_goal():
    text = "某省2026年重大项目建设安排\n全年重大项目计划投资1200亿元。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


def test_a_half_year_after_the_quarter_a_report_covers_is_still_due():
    text = (
        "某县2026年一季度重点项目督查通报\n一季度,全县完成投资15.6亿元。\n"
        "下一步,各责任单位要确保上半年完成投资35亿元。\n"
    )
    assert [k for k, *_ in _items(text)] == ["statistic", "target"]


def test_the_half_year_a_half_year_report_covers_is_past():
    text = "某县2026年上半年重点项目督查通报\n确保全年目标实现,上半年完成投资35亿元。\n"
    assert [k for k, *_ in _items(text)][-1] == "statistic"


# cue task_state_after: projects found behind


def test_projects_found_behind_are_counted_results():
    text = "某县2026年一季度重点项目督查通报\n从督查情况看,有5个项目进度滞后。\n"
    assert _items(text) == [("statistic", 5.0, "个", "=")]


def test_projects_planned_stay_the_plans_scope():
    text = "某县2026年重点项目工作安排\n全年安排重点项目45个。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


# the later members of a list of shares; a tally of the units a description fits


def test_every_share_of_a_list_of_shares_is_a_result():
    text = "2025年各地安全生产情况\n甲县和乙县去年事故死亡人数只占控制指标的61%和74%。\n"
    assert [k for k, *_ in _items(text)] == ["statistic", "statistic"]


def test_a_share_to_keep_stays_a_goal():
    text = "某县2026年工作要点\n确保新能源汽车占新车销量的40%以上。\n"
    assert [k for k, *_ in _items(text)] == ["target"]


def test_a_tally_of_units_a_description_fits_is_a_result():
    text = "某省2026年一季度经济运行情况\n全省16个市中,增速高于全省的有9个。\n"
    assert ("statistic", 9.0, "个", "=") in _items(text)


# zero words: accidents that must not occur (不发生…事故, 防止…事故的发生)


def test_accidents_that_must_not_occur_are_zero_targets():
    text = (
        "某县2026年安全生产目标\n全县不发生一次死亡3人以上的较大生产安全事故,"
        "防止重特大火灾事故的发生。\n"
    )
    items = extract(text).items
    assert [(it["target_kind"], it["value"]) for it in items] == [("zero", 0.0), ("zero", 0.0)]
    assert items[0]["metric"] == "一次死亡3人以上的较大生产安全事故"
    assert items[1]["metric"] == "重特大火灾事故"


def test_accidents_that_did_not_occur_are_no_target():
    text = "2025年安全生产工作总结\n全年全县未发生较大以上生产安全事故。\n"
    assert extract(text).items == []


def test_a_slogan_of_no_relapse_into_poverty_is_no_zero_target():
    text = "某县2026年工作要点\n坚决守住不发生规模性返贫底线。\n"
    assert extract(text).items == []


# periods: 与上年 names the year compared with, no time spoken of


def test_a_hold_at_last_years_level_after_a_semicolon_is_a_floor():
    text = "主要预期目标是:地区生产总值增长6%左右;固定资产投资与上年度持平。\n"
    assert [it["target_kind"] for it in extract(text).items] == ["growth", "floor"]


def test_last_year_spoken_of_stays_past():
    text = "主要预期目标是:地区生产总值增长6%左右;上年固定资产投资增长3%。\n"
    assert [k for k, *_ in _items(text)] == ["target", "statistic"]


# dedupe: last year's goal and this year's goal of one figure are two facts


def test_last_years_goal_met_and_this_years_goal_of_one_figure_are_two_targets():
    text = (
        "全市安全生产工作会议召开。2025年全市完成了省里下达的死亡人数比上年下降3.5%的控制指标。"
        "2026年全市事故死亡人数比2025年下降3.5%。\n"
    )
    assert [(k, v) for k, v, _, _ in _items(text)].count(("target", 3.5)) == 2


def test_a_goal_printed_twice_is_one_target():
    text = (
        "某市2026年安全生产工作要点\n全年事故死亡人数下降3.5%。\n"
        "全年事故死亡人数下降3.5%,较大事故起数下降5%。\n"
    )
    assert [(k, v) for k, v, _, _ in _items(text)].count(("target", 3.5)) == 1


# second pass: the jurisdiction's goal in a bureau's progress report


def _owners(text):
    return [(it["kind"], it["value"], it["owner"]) for it in extract(text).items]


def test_a_share_of_the_years_goal_makes_the_goal_the_jurisdictions():
    text = (
        "山阳省交通运输厅\n5月2日,记者从山阳省交通运输厅获悉,一季度,全省交通投资完成"
        "120亿元,占年度目标600亿元的20%。\n"
    )
    assert ("target", 60000000000.0, "山阳省") in _owners(text)


def test_a_goal_of_the_bureaus_own_stays_the_bureaus():
    text = "山阳省交通运输厅\n5月2日,记者从山阳省交通运输厅获悉,该厅今年将完成交通投资600亿元。\n"
    goals = [o for k, v, o in _owners(text) if k == "target"]
    assert goals and goals != ["山阳省"]


def test_a_goal_the_whole_province_works_towards_is_the_provinces():
    text = (
        "记者从山阳省发展改革委获悉,上半年,全省各级各部门紧盯固定资产投资增长8%目标任务,"
        "推进项目建设。\n"
    )
    goals = [o for k, v, o in _owners(text) if k == "target"]
    assert goals in (["山阳省"], ["全省"])


def test_a_goal_the_government_set_is_the_jurisdictions():
    text = (
        "“今年已有80个项目开工。”山阳省商务厅负责人介绍,项目落地率达40%,"
        "超过省政府要求的落地率30%的目标。\n"
    )
    goals = [o for k, v, o in _owners(text) if k == "target"]
    assert goals in (["山阳省"], ["全省"])


def test_a_comparison_in_brackets_does_not_carry_its_place_on():
    text = (
        "去年,青湖市实现社会消费品零售总额900亿元,增长8%(全国7.5%、全省7.9%);"
        "外贸进出口300亿元,增长5%。\n"
    )
    owners = {v: o for k, v, o in _owners(text)}
    assert owners[30000000000.0] == "青湖市"
    assert owners[7.5] == "全国"


def test_a_place_outside_brackets_still_carries_on():
    text = "去年,全省实现社会消费品零售总额900亿元,增长8%;外贸进出口300亿元,增长5%。\n"
    owners = {v: o for k, v, o in _owners(text)}
    assert owners[30000000000.0] == owners[90000000000.0]


def test_a_numbered_item_with_its_lead_unit_line_below_is_that_units_target():
    text = "1.一般公共预算收入增长5%。\n牵头单位：市财政局\n"
    assert _owners(text) == [("target", 5.0, "市财政局")]


def test_a_numbered_result_without_a_unit_line_stays_a_statistic():
    text = "1.一般公共预算收入增长5%。\n全年财政运行平稳。\n"
    assert [k for k, *_ in _owners(text)] == ["statistic"]


def test_a_plans_points_settled_announce_the_plan():
    text = "2026年全市就业工作重点敲定 城镇新增就业达到5万人以上\n"
    assert [k for k, *_ in _owners(text)] == ["target"]


def test_deals_settled_are_a_result():
    text = "洽谈会上,青湖市现场敲定合作项目12个,总投资80亿元。\n"
    assert [k for k, *_ in _owners(text)][0] == "statistic"


def test_a_slogans_parts_counted_are_no_figures():
    text = "2026年全市要做到2个“坚持”、3个“确保”和5个“强化”,新建学校4所。\n"
    assert [(k, v) for k, v, _ in _owners(text)] == [("target", 4.0)]


def test_a_count_of_a_kind_named_in_quotes_stays_a_figure():
    text = "2026年全市力争培育5个“专精特新”企业。\n"
    assert [(k, v) for k, v, _ in _owners(text)] == [("target", 5.0)]


def test_a_bare_magnitude_a_level_is_held_at_is_a_figure():
    text = "2026年,青湖区营收稳定在百亿元以上。\n"
    assert [(k, v) for k, v, _ in _owners(text)] == [("target", 1e10)]


def test_a_bare_magnitude_in_a_name_is_no_figure():
    text = "2026年,青湖区力争打造千亿元产业集群。\n"
    assert _owners(text) == []


def test_accidents_averted_are_a_result_not_a_zero_target():
    text = "上半年,全市有效杜绝了重特大安全生产事故。\n"
    assert _owners(text) == []


def test_accidents_to_be_averted_are_a_zero_target():
    text = "下半年,全市要有效杜绝重特大安全生产事故。\n"
    assert [k for k, *_ in _owners(text)] == ["target"]


# a year inside an exclusion aside (扣除2021年…外) qualifies the metric, it does not date it


def test_a_year_in_an_exclusion_aside_leaves_the_goal_list_a_goal_list():
    text = (
        "2025年主要预期目标建议为:地区生产总值增长6%以上;"
        "一般公共预算支出(扣除2024年专项债券支出外)增长4%以上;农民人均可支配收入增长7%以上。\n"
    )
    got = [(it["kind"], it["value"], it["period"]) for it in extract(text).items]
    assert got == [("target", 6.0, "2025"), ("target", 4.0, "2025"), ("target", 7.0, "2025")]


def test_a_year_outside_an_aside_still_dates_the_figure():
    text = (
        "2025年主要预期目标建议为:地区生产总值增长6%以上。2024年(全年)农民人均可支配收入增长7%。\n"
    )
    got = [(it["kind"], it["value"], it["period"]) for it in extract(text).items]
    assert got[1] == ("statistic", 7.0, "2024")


# cue goal_commitment: the header of a goal list commits to each share it lists


def test_a_share_listed_under_a_goal_header_is_a_goal_and_so_is_what_follows():
    text = (
        "2026年全市主要预期目标:地区生产总值增长6%,完成老旧小区改造任务的80%。"
        "一般公共预算收入增长5%。\n"
    )
    got = [(it["kind"], it["value"]) for it in extract(text).items]
    assert got == [("target", 6.0), ("target", 80.0), ("target", 5.0)]


def test_a_share_reported_under_a_completion_heading_stays_a_result():
    text = "2025年主要目标任务完成情况:全市完成老旧小区改造任务的80%。\n"
    assert [(it["kind"], it["value"]) for it in extract(text).items] == [("statistic", 80.0)]


# cues plan_stated, actual_verb: a plan that names its measure (计划投资) and the actual after it


def test_investment_done_after_the_planned_investment_is_the_actual():
    text = "截至10月底,15个重大产业项目年度计划投资42亿元,完成投资47亿元。\n"
    got = [(it["kind"], it["value"]) for it in extract(text).items]
    assert got[-1] == ("statistic", 4700000000.0)


def test_work_listed_after_a_planned_investment_is_the_plan():
    text = "体育设施提升项目:计划投资850万元,完成15所学校操场改造工程。\n"
    got = [(it["kind"], it["value"]) for it in extract(text).items]
    assert got[-1] == ("target", 15.0)


# cue goal_yardstick: a share done of a goal that names its size is measured by it


def test_a_change_after_the_share_of_a_sized_goal_is_a_result():
    text = (
        "记者从市投资促进局了解到,今年一季度,全市外资实际到位资金2.1亿美元,"
        "完成全年9亿美元外资目标任务的23.3%,同比增长8.2%。\n"
    )
    got = [(it["kind"], it["value"]) for it in extract(text).items]
    assert got[-1] == ("statistic", 8.2)


def test_a_committed_share_of_the_goal_stays_a_goal():
    text = "2026年,力争外资到位资金增长8%,完成全年外资目标任务的100%。\n"
    got = [(it["kind"], it["value"]) for it in extract(text).items]
    assert got == [("target", 8.0), ("target", 100.0)]


# counts that are no figure of the plan: a delegation, the members of a list, the list's size


def _values(text):
    return [(it["kind"], it["value"], it["unit"]) for it in extract(text).items]


def test_a_delegation_size_gives_no_item():
    text = "2025年5月8日,省交通厅副厅长李明一行5人到我县调研,全县新建公路120公里。\n"
    assert (5.0, "人") not in [(v, u) for _, v, u in _values(text)]


def test_a_team_of_people_sent_stays_a_figure():
    text = "2025年,全县新增就业岗位1200人。\n"
    assert [(v, u) for _, v, u in _values(text)] == [(1200.0, "人")]


def test_the_members_of_a_list_counted_as_a_class_give_no_item():
    text = "2025年,全市围绕装备制造、食品加工、文化旅游3个优势产业招商,力争签约项目40个。\n"
    assert [(v, u) for _, v, u in _values(text)] == [(40.0, "个")]


def test_the_members_a_result_is_told_of_stay_a_statistic():
    text = "2024年,东城、西城、南城3个区的增速高于全市平均水平。\n"
    assert [(k, v) for k, v, _ in _values(text)] == [("statistic", 3.0)]


def test_the_size_of_the_plans_own_list_gives_no_item():
    text = "附件:2025年重点项目清单(共86项)\n一、全年完成投资120亿元。\n"
    assert (86.0, "项") not in [(v, u) for _, v, u in _values(text)]


def test_a_count_in_brackets_that_is_not_the_lists_size_stays():
    text = "2025年,新建学校(含幼儿园12所),全年完成投资8亿元。\n"
    assert (12.0, "所") in [(v, u) for _, v, u in _values(text)]


# rule kind.actual_before_share: a figure the next clause measures against the plan


def test_an_amount_followed_by_its_share_of_the_plan_is_a_result():
    text = "2026年全市重点项目推进方案\n一、主要任务\n民生项目完成投资8亿元,占年计划的91%。\n"
    assert [k for k, _, _ in _values(text)] == ["statistic", "statistic"]


def test_an_amount_followed_by_a_share_to_raise_stays_a_goal():
    text = "2026年全市重点项目推进方案\n一、主要任务\n民生项目完成投资8亿元,占比提高到40%。\n"
    assert [k for k, _, _ in _values(text)][0] == "target"


# a count with 以上 before the things it counts (签约10个以上招商项目) is a figure, not a class


def test_a_recurring_count_before_its_noun_is_a_target():
    text = "2026年,要求每季度新开工8个以上工业项目、每年引进5家以上规上企业。\n"
    assert [(k, v) for k, v, _ in _values(text)] == [("target", 8.0), ("target", 5.0)]


def test_an_amount_threshold_before_a_noun_stays_a_class():
    text = "2026年,全市引进5000万元以上工业项目20个。\n"
    assert [(v, u) for _, v, u in _values(text)] == [(20.0, "个")]
