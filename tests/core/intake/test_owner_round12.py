"""Owners, round twelve: a clause cut before a level prefix, a list of places' own results (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import is_organisation


def _owners(text, year=2023):
    return [(it["value"], it["owner"]) for it in extract(text, year).items]


# a verb of carrying out a task inside the stem before 市/区/县: a clause, not a place


def test_a_stem_holding_a_verb_of_carrying_out_is_no_place():
    # 较好完成市十五届人大…: 完成 + the level prefix 市 of the next word
    assert not is_organisation("较好完成市")
    assert not is_organisation("圆满实现县")
    assert is_organisation("临川市")
    assert is_organisation("临川市人民政府")


def test_the_government_of_a_report_is_not_read_from_a_clause_ending_in_a_level_prefix():
    text = (
        "2021年,城乡统筹取得新进展。会议指出,去年,我市坚持稳中求进工作总基调,统筹常态化"
        "疫情防控和经济社会发展,较好完成市十五届人大七次会议和市十六届人大一次会议确定的"
        "主要目标任务,经济运行稳中向好。\n2022年,全市要完成728个老旧小区改造。\n"
    )
    assert _owners(text, None) == [(728.0, "全市")]


# a list of results joined by 、, each part opened by its own place


def test_each_part_of_a_list_of_results_belongs_to_the_place_that_opens_it():
    text = "一季度,遵义市引进项目420个、毕节市引进129个、铜仁市引进88个。"
    assert _owners(text) == [(420.0, "遵义市"), (129.0, "毕节市"), (88.0, "铜仁市")]


def test_places_listed_before_one_figure_are_not_parts_of_a_list_of_results():
    # no figure stands between the marks: the places share the count, as before
    text = "一季度,遵义市引进项目420个。毕节市、铜仁市共引进129个。"
    owners = dict(_owners(text))
    assert owners[129.0] != "铜仁市"


# a text that calls itself 我区 is the district's, though it names its city in passing


def test_a_district_text_that_calls_itself_wo_qu_is_the_districts():
    text = (
        "青湖区2020年1-9月份项目进展情况通报\n"
        "今年以来,青湖区统筹推进经济社会发展,为临川市高质量发展作出贡献。\n"
        "我区项目建设稳步推进。\n"
        "其中自治区主导投资项目3个,已开工项目2个。\n"
    )
    assert dict(_owners(text, 2020))[3.0] == "青湖区"


def test_a_city_text_that_names_a_district_in_passing_stays_the_citys():
    text = (
        "临川市2020年1-9月份项目进展情况通报\n"
        "今年以来,临川市统筹推进经济社会发展,青湖区表现突出。\n"
        "我市项目建设稳步推进。\n"
        "其中自治区主导投资项目3个,已开工项目2个。\n"
    )
    assert dict(_owners(text, 2020))[3.0] == "临川市"


# the publishing body of a disclosure page whose metadata ran into one line


def test_the_publisher_of_a_disclosure_page_run_into_one_line_issues_it():
    text = (
        "青湖区2020年1-9月份项目进展情况通报\n"
        "索引号 640502002/2020-00438 生成日期 2020-10-22\n"
        "公开方式 主动公开 发布机构 青湖区发展和改革局 责任部门 临川市青湖区发展和改革局\n"
        "截至9月底,我区共有自治区主导投资项目3个,已开工项目2个。\n"
    )
    owners = dict(_owners(text, 2020))
    assert owners[3.0] == "青湖区发展和改革局"
    assert owners[2.0] == "青湖区"


# a headline's government named by its bare place (呼和浩特政府公布…《政府工作报告》…)


def test_a_government_named_by_its_bare_place_is_the_place_with_its_level():
    text = (
        "临川政府公布今年重点任务分工及时限\n\n"
        "3月16日,临川市人民政府公布2021年临川市《政府工作报告》重点量化目标任务。\n\n"
        "今年,全年新增城镇就业3万人。\n"
    )
    assert _owners(text, 2021) == [(30000.0, "临川市")]


def test_a_bureau_in_the_headline_is_not_turned_into_a_place():
    text = (
        "临川交通局公布今年重点任务\n\n"
        "3月16日,临川市交通局公布2021年《政府工作报告》交通目标任务。\n\n"
        "今年,新建农村公路300公里。\n"
    )
    assert all(owner != "临川市" for _, owner in _owners(text, 2021))


# a closing bracket longer than the 40 characters read at a paragraph's end


def test_a_long_joint_bracket_closing_an_item_names_its_units():
    text = (
        "2026年重点工作任务分解\n"
        "1.经济增长5.5%左右。(市发展和改革委员会、市工业和信息化局、市科学技术局、市财政局、"
        "市商务局、市农业农村局等相关部门,各县〔市、区〕政府〔管委会〕按职责分工负责)\n"
    )
    (item,) = extract(text, 2026).items
    assert item["owner"] == "市发展和改革委员会"
    assert item["co_owners"][-2:] == ["市农业农村局等相关部门", "各县〔市、区〕政府〔管委会〕"]


def test_a_long_aside_in_brackets_names_no_owner():
    text = (
        "2026年重点工作任务分解\n"
        "1.经济增长5.5%左右。(其中规模以上工业增加值增长7.5%左右,固定资产投资增长5.5%左右,"
        "社会消费品零售总额增长6%左右)\n"
    )
    assert all(not it["owner"] or "增长" not in it["owner"] for it in extract(text, 2026).items)
