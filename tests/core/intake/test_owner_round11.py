"""Owners on unseen documents, round 11 (issue 15).

Invented texts, one positive and one negative example per rule: the reading rules a
careful reader applies to the owner of an item, not the words of any corpus document.
"""

from luoshi.core.intake import extract
from luoshi.core.intake import owners as own


def items(text: str) -> list[dict]:
    return extract(text, year=2026).items


def owners(text: str, kind: str = "target") -> list[str | None]:
    return [it["owner"] for it in items(text) if it["kind"] == kind]


# ---------------------------------------------------------------- owner.route_end


def test_a_place_at_the_end_of_a_route_owns_no_figure():
    # 呼和浩特至北京 is a road: 北京 is where it runs, not whose target the count is
    text = "内蒙古交通运输工作会议召开。\n今年确保开工建设通辽至沈阳、呼和浩特至北京2个高速出口通道。\n"
    assert "北京" not in owners(text)
    # a place that opens the sentence as its subject still owns it
    subject = "内蒙古交通运输工作会议召开。\n今年北京确保开工建设2个高速出口通道。\n"
    assert owners(subject) == ["北京"]


# ---------------------------------------------------------------- owner.verifier_not_owner


def test_the_body_that_verifies_a_figure_is_not_its_subject():
    text = "青湖区2025年绩效任务四季度进展情况\n二氧化硫减排量经北京市环保局核定为17.5%。\n"
    assert owners(text, "statistic") == ["青湖区"]
    # a place that is the figure's own subject keeps it
    own_figure = "青湖区2025年绩效任务四季度进展情况\n北京市二氧化硫减排量为17.5%。\n"
    assert owners(own_figure, "statistic") == ["北京市"]


# ---------------------------------------------------------------- owner.row_cell (run together)


def test_a_row_whose_cells_run_together_gives_its_item_to_the_unit_after_it():
    head = "2025年白沙县政府工作报告重点任务完成情况\n"
    row = "主要预期目标1地区生产总值增长5%左右。县发展改革局全县地区生产总值增长5.2%。\n"
    columns = "类别序号重点任务牵头单位全年完成情况\n"
    assert owners(head + columns + row)[0] == "县发展改革局"
    # without a responsible-unit column the unit after the sentence is no cell
    assert owners(head + row)[0] == "白沙县"


# ---------------------------------------------------------------- owner.listed_places


def test_places_listed_and_counted_own_the_figures_after_them():
    text = (
        "在全市招商大会上,青湖、白沙、江北等三区签订目标责任书:"
        "全年新签约项目合同总额不低于300亿元。\n"
    )
    assert owners(text) == ["青湖、白沙、江北"]
    # a list counted as something else (5个项目) names no places
    projects = "东川、西川等5个项目共安排年度计划投资120亿元。\n"
    assert "东川、西川" not in owners(projects)


def test_a_list_that_opens_the_paragraph_owns_its_later_sentences_only():
    text = (
        "  东川、西川、南川3个县共安排重点项目45个,年度计划投资120亿元。"
        "一季度完成投资30亿元,占年度计划的25%。\n\n"
        "  全省重点项目完成投资300亿元。\n"
    )
    found = {(it["value"], it["owner"]) for it in items(text)}
    assert (12000000000.0, "东川、西川、南川") in found
    assert (25.0, "东川、西川、南川") in found
    # the next paragraph speaks of the whole again
    assert (30000000000.0, "东川、西川、南川") not in found


# ---------------------------------------------------------------- the owner model


def test_kinds_of_area_and_titles_are_no_owners():
    for thing in ("农村牧区", "中部农区", "半农半牧区", "双示范市", "国家级示范县"):
        assert not own.is_organisation(thing), thing
    for place in ("青湖区", "临川市", "平昌县"):
        assert own.is_organisation(place), place


# ---------------------------------------------------------------- owner.comparison_base


def test_the_levels_a_figure_is_measured_against_are_not_its_subject():
    text = (
        "临川市一季度经济运行情况\n一季度,临川市规模以上工业增加值同比增长12.5%,增速分别高于"
        "全国、全省6.1个百分点和3.2个百分点,对全省贡献率35.2%。\n"
    )
    assert set(owners(text, "statistic")) == {"临川市"}
    # the province that is the sentence's own subject keeps its figure
    subject = "临川市一季度经济运行情况\n一季度,全省规模以上工业增加值同比增长8.5%。\n"
    assert owners(subject, "statistic") == ["全省"]


# ---------------------------------------------------------------- owner.place_in_list


def test_a_prefecture_printed_only_in_lists_of_places_is_not_the_texts_own():
    plan = "3.道路交通\n完善全区道路交通安全管理机制。到2027年,严重交通违法发生率下降8%。\n"
    lists = (
        "专栏2 重点控制地区\n重大事故控制地区:日喀则市、阿里地区、林芝市\n"
        "事故总量控制地区:林芝市、阿里地区、日喀则市\n"
    )
    assert owners(plan + lists) == ["全区"]
    # a prefecture the text speaks of in its own sentences is the text's
    own_sentences = "阿里地区要加强管理,阿里地区要完善机制。\n"
    assert owners(plan + own_sentences) == ["阿里地区"]


# ---------------------------------------------------------------- owner.municipality_in_own_words


def test_a_municipality_printed_bare_in_its_own_words_owns_its_report():
    goals = "今年经济社会发展主要预期目标是:地区生产总值增长5%左右;城镇新增就业55万人。\n"
    text = "市长某某在报告中说,今年要全面落实视察上海重要讲话精神,紧密结合上海实际。" + goals
    assert owners(text) == ["上海市", "上海市"]
    # a municipality the city's firms visit is another city
    visit = "市长某某在报告中说,今年要组织企业赴上海考察。" + goals
    assert "上海市" not in owners(visit)


# ---------------------------------------------------------------- owner.document: a named sector system


def test_a_named_places_sector_system_that_states_the_plan_owns_it():
    plan = "交通基础设施方面,今年计划完成投资400亿元,新改建农村公路3000公里。\n"
    text = "记者从2026年青海省交通运输工作会议上获悉,青海交通运输系统将加快建设交通强省。\n"
    assert owners(text + plan) == ["青海交通运输系统", "青海交通运输系统"]
    assert own.is_sector_system("青海交通运输系统") and own.is_sector_system("全省交通运输系统")
    # a place that states the plan itself is no system
    place = "记者从2026年青海省交通运输工作会议上获悉,今年青海将加快建设交通强省。\n"
    assert "青海交通运输系统" not in owners(place + plan)


# ---------------------------------------------------------------- owner.meeting_convener


def test_the_bureau_that_convened_a_work_meeting_owns_the_plan_it_deploys():
    plan = (
        "会议总结了2025年的工作,并部署2026年工作任务。\n"
        "2026年,江西省交通运输发展计划确保投入300亿元,新改建农村公路2000公里。\n"
    )
    convened = "江西省交通运输厅3月2日召开全省交通运输工作视频会议。"
    assert owners(convened + plan) == ["江西省交通运输厅", "江西省交通运输厅"]
    # a meeting whose convener is not named leaves the plan to the place
    unnamed = "3月2日,全省交通运输工作会议召开。"
    assert owners(unnamed + plan) == ["江西省", "江西省"]


# ---------------------------------------------------------------- owner.provincial_region


def test_a_province_printed_as_the_subject_of_a_texts_figures_is_its_region():
    text = (
        "至6月底,江西省交通基础设施建设完成投资70亿元,达到全年确保目标的50%。\n\n"
        "农村公路计划完成投资13亿元,新改建农村公路800公里。江西省农村公路建设进展顺利。\n"
    )
    assert owners(text) == ["江西省", "江西省"]
    # a text that names no place leaves its plan without an owner
    unnamed = text.replace("江西省", "")
    assert owners(unnamed) == [None, None]


# ---------------------------------------------------------------- owner.document: a head answers


def test_a_department_head_answering_reporters_at_a_congress_speaks_for_his_department():
    answer = "“今年计划新改建农村公路3000公里。”某某某说。\n"
    corridor = (
        "1月26日,在江西省十四届人大二次会议第二场“厅长通道”上,江西省交通运输厅党组书记、"
        "厅长,江西省铁路投资集团董事长(兼)某某某回答记者提问。\n"
    )
    assert owners(corridor + answer) == ["江西省交通运输厅"]
    # the congress's own news gives its plan to the place
    congress = "记者从刚刚闭幕的江西省十四届人大二次会议上了解到,今年计划新改建农村公路3000公里。\n"
    assert owners(congress) == ["江西省"]


# ---------------------------------------------------------------- owner.row_cell (a row's last cell)


def test_the_unit_cell_closing_a_numbered_row_owns_its_task():
    title = "2026年《政府工作报告》量化指标任务分工\n\n"
    rows = "1 城镇新增就业50万人以上 人力资源社会保障厅\n2 公路投资300亿元 交通运输厅\n"
    header = "序号 工作任务 牵头负责部门\n"
    assert owners(title + header + rows) == ["人力资源社会保障厅", "交通运输厅"]
    # with no unit column in a header the name closing a line is no cell
    assert "交通运输厅" not in owners(title + rows)


# ---------------------------------------------------------------- owner.place_examples


def test_places_given_as_examples_of_a_count_are_not_the_texts_own():
    text = (
        "记者从昨天举行的招商工作推进会上获悉,今年一季度,全市招商到位资金120亿元。同时,我市将"
        "派出20名干部,前往北京、上海、深圳等5个城市开展招商工作。\n"
    )
    assert "深圳市" not in owners(text, "statistic")
    counted = {p.name: n for p, n in own.printed_places("前往北京、上海、慈溪等3个城市").items()}
    assert counted["慈溪市"] == [1, 0]
    # a place after a mark in the text's own words still counts as cut from no longer word
    own_words = {p.name: n for p, n in own.printed_places("推动宁波、慈溪发展").items()}
    assert own_words["慈溪市"] == [2, 0]


def test_places_listed_bare_at_a_clauses_opening_own_its_target():
    head = "巴中市2026年政府工作报告重点任务\n"
    text = head + "深入打好蓝天保卫战,全市空气质量持续改善,平昌、通江SO2浓度下降15%。\n"
    assert owners(text) == ["平昌、通江"]
    # a list of things opening the clause names no places
    things = head + "做强特色产业,全市工业持续向好,绿色食品、精细化工产值增长15%。\n"
    assert owners(things) == ["巴中市"]


# ---------------------------------------------------------------- owner.stem_opens_a_word


def _printed(text: str) -> dict[str, list[int]]:
    return {p.name: n for p, n in own.printed_places(text).items()}


def test_a_stem_that_opens_a_safety_word_is_no_place():
    # 重特大安全事故 holds 大安 (a city of Jilin): the word's tail, not the place
    assert "大安市" not in _printed("坚决遏制重特大安全事故,排查较大安全隐患。")
    # a place whose stem ends in 安 before a word of 全 keeps its place (西安全面推进)
    assert _printed("西安全面推进项目建设,西安市新开工项目12个。").get("西安市")


# ---------------------------------------------------------------- owner.place_in_project_example


def test_a_place_that_opens_a_counted_project_example_is_the_projects():
    text = "其中,郯城县滨河管廊等16个项目在4月份实现开工"
    assert own.opens_a_project_name(text, 3, 6)
    # a place that is the subject of its own count stays the place
    subject = "郯城县新开工项目16个,完成投资12亿元"
    assert not own.opens_a_project_name(subject, 0, 3)


def test_a_report_on_a_city_names_its_counties_in_project_examples():
    text = (
        "2026年泰安市重大项目推进情况督查通报\n"
        "2026年泰安市组织实施重大项目120项,1至4月完成投资180亿元。"
        "其中,新泰市滨河管廊等16个项目在4月份实现开工;"
        "新泰市静脉产业园等6个项目进度滞后,肥城市光伏电站等5个项目较好完成序时进度。\n"
    )
    counted = [it["owner"] for it in items(text) if it["value"] in (16, 6, 5)]
    assert counted == ["泰安市", "泰安市", "泰安市"]


# ---------------------------------------------------------------- owner.place_after_its_province


def test_a_stem_printed_right_after_its_province_is_the_place():
    assert _printed("您好,欢迎您来到浙江临海!")["临海市"][0] == 2
    # inside a sentence, the same stem counts once: a word may hold it
    assert _printed("要把临海建设好。")["临海市"][0] == 1


# ---------------------------------------------------------------- owner.city_under_a_meeting


def test_a_city_that_reports_a_provincial_meeting_owns_its_own_figures():
    # the text names the province more often than itself: 全市 is still the city's
    text = (
        "您好,欢迎您来到浙江临海!\n"
        "全省安全生产电视电话会议暨全省消防工作会议召开 我市设分会场收看\n"
        "会议通报了全省安全生产形势,部署全省下一步工作,要求全省各地压实责任,全省上下齐抓共管。\n"
        "我市分会场由临海市副市长主持。2026年全市共发生生产安全事故5起,死亡4人。\n"
    )
    assert owners(text, "statistic") == ["临海市", "临海市"]
    # with no city of the gazetteer printed, 全市 stays the text's own word
    unnamed = text.replace("浙江临海", "本网站").replace("临海市", "我市")
    assert owners(unnamed, "statistic") == ["全市", "全市"]


# ---------------------------------------------------------------- owner.comparison_base_in_brackets


def test_a_bracketed_base_of_a_comparison_is_the_subjects():
    text = "2026年全县共发生火灾事故7起,同比(12起)下降41.7%;较上年同期(9人)减少。\n"
    assert "同比" not in owners(text, "statistic")
    assert "较上年同期" not in owners(text, "statistic")
    # a figure in brackets after a name still describes that name
    described = "2026年新建的滨河绿道(全长36公里)。\n"
    assert "滨河绿道" in [it["owner"] for it in items(described)]
