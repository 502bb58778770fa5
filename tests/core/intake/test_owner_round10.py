"""Owners on unseen documents, round 10, second pass (issue 15).

Invented texts, one positive and one negative example per rule.  The places are real
names of the gazetteer (owners.toml [places]), which the rules look up.
"""

from luoshi.core.intake import extract
from luoshi.core.intake import owners as own


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]


def test_a_long_bracket_of_units_sharing_a_duty_owns_its_paragraph():
    # six units before 等按职责分工负责: too long for the trailing marker's window
    tail = (
        "全年新增城镇就业30万人以上、外贸进出口增长6%左右等目标完成情况进行督导。"
        "(市发展改革委、市工业和信息化局、市财政局、市人力资源社会保障局、市农业农村局、"
        "市商务局等按职责分工负责)"
    )
    assert own.duty_list_close(tail) == (
        "市发展改革委、市工业和信息化局、市财政局、市人力资源社会保障局、市农业农村局、市商务局"
    )
    # a bracket that explains the figure (含新建、改建) names no unit
    assert own.duty_list_close("新建道路40公里。(含新建、改建和扩建路段等按计划负责)") is None


def test_a_bracket_of_units_cut_by_the_texts_end_owns_its_paragraph():
    # a 〔 bracket the text's end cuts, one unit carrying its other name in brackets
    tail = "加快推进120个市级重大项目建设。〔市委网信办、市发展改革委、市数据局(市营商局)"
    assert own.duty_list_close(tail) == "市委网信办、市发展改革委、市数据局(市营商局)"
    # the last name cut in the middle is dropped, the rest kept
    cut = tail.split("市数据局")[0] + "市数"
    assert own.duty_list_close(cut) == "市委网信办、市发展改革委"
    # a bracket of places is no list of departments
    assert own.duty_list_close("新开工项目80个。〔青湖区、江北区、南山区") is None


def test_leading_units_before_a_semicolon_own_a_paragraph_over_every_department():
    text = (
        "一、加快资金下达\n"
        "全市各部门预算内专项资金须于2026年6月底前下达60%以上。"
        "(市发展改革委、市财政局牵头;市工业和信息化局、市自然资源局、市住房城乡建设局,"
        "国家开发银行某某分行、农业发展银行某某分行,各县、区人民政府配合)\n"
    )
    (item,) = [it for it in extract(text, year=2026).items if it["kind"] == "target"]
    assert (item["owner"], item.get("co_owners")) == ("市发展改革委", ["市财政局"])
    # with no closing marker the departments opening the clause keep the figure
    bare = text.split("(")[0] + "\n"
    assert owners(bare) == ["全市各部门"]


def test_a_district_named_after_a_province_is_the_district():
    text = "据介绍,河北区将继续做强驻京招商工作组,力争全年引进高质量项目20个以上。\n"
    assert owners(text) == ["河北区"]
    # the province's own region (河北区域…) stays the province
    region = "据介绍,河北区域协调发展将继续推进,力争全年引进高质量项目20个以上。\n"
    assert owners(region) == ["河北省"]


def test_a_bureau_opening_a_later_clause_after_its_year_is_the_subject():
    text = "3月2日获悉,今年湖南省水利厅计划完成水利建设投资300亿元。\n"
    assert own.clause_subject(text, 0, len(text)) == "湖南省水利厅"
    # a bureau named by pointing back (该局) leaves the subject named before it
    back = "3月2日获悉,今年一季度该局计划完成水利建设投资30亿元。\n"
    assert own.clause_subject(back, 0, len(back)) is None


def test_a_head_with_a_second_post_and_a_day_presents_his_bureaus_plan():
    text = "据长沙市交通运输局副局长、新闻发言人王某某12日介绍,今年长沙将新建公路300公里。"
    assert own.reporters(text) == [(0, "长沙市交通运输局")]
    # a spokesman of no bureau named before him presents nothing
    assert own.reporters("据新闻发言人王某某12日介绍,今年长沙将新建公路300公里。") == []


def test_a_province_opening_a_later_clause_with_its_leadership_owns_the_plan():
    text = (
        "湖南省交通运输厅召开新闻发布会。\n"
        "记者从发布会上获悉,今年,湖南省委、省政府把交通建设作为重点工作,全年计划完成投资800亿元。\n"
    )
    assert owners(text) == ["湖南省"]
    # a province named in passing, not as the clause's subject, leaves the bureau's page its own
    passing = text.replace("今年,湖南省委、省政府把交通建设", "今年,按照湖南发展要求把交通建设")
    assert owners(passing) == ["湖南省交通运输厅"]


def test_a_province_whose_plan_verb_follows_a_purpose_clause_owns_the_figure_before_it():
    text = (
        "湖南省交通运输厅召开新闻发布会。\n"
        "围绕高速公路通车8000公里目标,湖南将全面加快在建项目建设。\n"
    )
    assert owners(text) == ["湖南省"]
    # no verb of a plan after the province: the bureau's page keeps it
    plain = text.replace("湖南将全面加快", "湖南的项目加快")
    assert owners(plain) == ["湖南省交通运输厅"]


def test_a_list_opened_by_including_counts_projects_not_their_owner():
    text = (
        "湖南今年拟安排省预备重点项目80个。包括长沙国际会展中心项目、湘江文化中心等城镇化项目"
        "20个,计划投资50亿元。\n"
    )
    assert "包括长沙国际会展中心" not in owners(text)
    # a body that opens the clause itself (长沙国际会展中心计划…) stays its subject
    body = "长沙国际会展中心计划今年完成投资20亿元。\n"
    assert owners(body) == ["长沙国际会展中心"]


def test_a_headline_opening_on_a_city_and_a_colon_names_the_city_of_its_my_city():
    text = (
        "首页 > 资讯\n"
        "株洲:重点项目目标任务适度调整\n"
        "据介绍,我市原定增速12%的目标任务下调2个百分点,即完成投资500亿元。\n"
    )
    assert set(owners(text)) == {"株洲市"}
    # a field's label before a colon (来源:) names no city: 我市 stays the whole city
    label = text.replace("株洲:重点项目", "来源:重点项目")
    assert set(owners(label)) == {"全市"}


def test_goals_set_for_the_country_presented_by_a_national_body_are_the_countrys():
    text = (
        "国家林业局局长某某13日透露,国务院有关会议确定了我国“十四五”时期林业发展奋斗目标。\n"
        "某某在会上介绍说,森林覆盖率提高到25%以上。\n"
    )
    assert owners(text) == ["全国"]
    # goals the body pursues for itself (推动我国…目标) stay the body's
    own_goal = text.replace("确定了我国", "推动我国")
    assert owners(own_goal) == ["国家林业局"]


def test_a_units_name_broken_over_two_lines_of_a_stacked_cell_is_one_unit():
    text = (
        "序号\n\n目标任务\n\n责任单位\n\n1\n\n新增城镇就业3000人以上。\n\n市人社局\n\n"
        "2\n\n生活污水治理率达40%。\n\n市生态\n\n环境局\n"
    )
    assert owners(text) == ["市人社局", "市生态环境局"]
    # two whole units one a line stay two units
    whole = text.replace("市生态\n\n环境局", "市生态环境局\n\n市住建局")
    assert owners(whole)[-1] == "市生态环境局、市住建局"


def test_a_head_who_speaks_where_he_is_presents_his_bureaus_plan():
    # the head's words after the place or the occasion he speaks at (在长沙, 在会上发言)
    assert own.reporters("湖南省水利厅厅长李某某3日在长沙表示,今年") == [(0, "湖南省水利厅")]
    assert own.reporters("市商务局党组书记、局长王某在会上发言表示,") == [(0, "市商务局")]
    # 在 and a time (在日前表示) names no place: the words are no new reporter's
    assert own.reporters("湖南省水利厅厅长李某某在日前表示,全国") == []


def test_a_bureaus_head_introduced_with_his_title_who_speaks_again_by_name_owns_the_plan():
    text = (
        "新华网长沙3月2日电 (记者 王某)湖南省水利厅厅长李明远2日在长沙表示,今年全省水利投资将保持高位。\n"
        "李明远表示,湖南将加快推进水网建设,今年完成水利投资500亿元,新建堤防200公里。\n"
    )
    assert owners(text)[-2:] == ["湖南省水利厅", "湖南省水利厅"]
    # a name that no title introduced (a deputy speaking for himself) leaves the place
    other = text.replace("李明远表示,湖南将", "张代表表示,湖南将")
    assert owners(other)[-2:] == ["湖南省", "湖南省"]


def test_a_unit_named_short_before_its_full_name_stays_as_the_presenting_sentence_prints_it():
    # the head presents the goals with his unit written by its level (省水利厅); the full
    # name (湖南省水利厅) comes only later, in a sentence without a figure
    text = (
        "3月2日,湖南省召开水利工作会议,省水利厅党组书记、厅长李明远在会上表示,"
        "今年力争完成水利投资500亿元。\n"
        "李明远指出,湖南省水利厅将加快编制水网规划。\n"
    )
    assert owners(text) == ["省水利厅"]
    # printed in full first (湖南省水利厅…), then short: written in full, as before
    full_first = text.replace("3月2日,湖南省召开", "3月2日,湖南省水利厅召开").replace(
        "湖南省水利厅将加快", "该厅将加快"
    )
    assert owners(full_first) == ["湖南省水利厅"]


def test_a_day_word_run_into_a_units_name_is_no_part_of_it():
    # 从今天省政府召开的…会议上获悉: the province's government, not a place called 今天
    assert own.clean_unit("今天省政府") == "省政府"
    assert own.clean_unit("近日市住建局") == "市住建局"
    # a name that opens on the same characters without a level word after them stays whole
    assert own.clean_unit("今日头条公司") == "今日头条公司"


def test_a_city_paper_named_today_and_the_city_names_the_city_its_text_calls_we():
    # 来源:今日高邮 - a county-level city's paper; the text says 我市 and prints 高邮 again
    text = (
        "2019-04-17 作者: 某某 来源:今日高邮\n"
        "今年的交通运输工作将为我市提供坚实保障。继续推进S333高邮东段建设,"
        "今年提档升级农村公路80公里。\n"
    )
    assert owners(text) == ["高邮市"]
    # the paper's name alone, the city printed nowhere else: no city is named
    bare = text.replace("S333高邮东段", "S333东段")
    assert owners(bare) != ["高邮市"]
