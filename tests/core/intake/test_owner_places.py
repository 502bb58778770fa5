"""Place names the document model reads, and their cut tails (issue 15, owner round).

Invented places: 安和远平市 holds 和, a character that often introduces a place
(在…, 和…), so a reader that starts a name after it cuts 远平市 out of the name.
"""

from luoshi.core.intake.document import doc_context
from luoshi.core.intake.repair import repair_lines


def _doc(text):
    repaired, _index, lines = repair_lines(text)
    return doc_context(repaired, lines, 2026)


def test_the_tail_of_a_name_cut_after_a_function_character_is_no_place():
    text = (
        "安和远平市新建学校20所\n"
        "记者从安和远平市人民政府新闻发布会上了解到,安和远平市教育局将新建学校20所。"
        "今年我市还将改造操场30个,安和远平市各区同步推进。\n"
    )
    doc = _doc(text)
    assert "远平市" not in doc.places
    assert doc.city != "远平市"
    assert doc.owner != "远平市"


def test_a_place_named_after_and_elsewhere_too_is_kept():
    text = (
        "青禾县今年新建学校20所。县教育局和青禾县各乡镇同步推进,"
        "青禾县财政安排资金3亿元,青禾县将改造操场30个。\n"
    )
    doc = _doc(text)
    assert "青禾县" in doc.places
    assert doc.county == "青禾县"


def test_a_city_named_only_in_its_dailys_name_is_written_whole():
    text = (
        "第01版:青禾日报\n今年全市至少要建成 80家社区食堂\n"
        "记者从市民政局获悉,今年全市至少要建成80家社区食堂。\n"
    )
    assert _doc(text).city is None
    text += "青禾市民政局将加强督导。\n"
    assert _doc(text).city == "青禾市"


def test_a_municipality_printed_short_is_written_as_the_text_calls_it():
    text = (
        "2026年远江重大工程计划排定\n远江市召开会议,部署全市重大工程。远江市今年安排项目120项。\n"
    )
    doc = _doc(text)
    assert doc.city == "远江市"
    assert doc.resolve_region("远江") == "远江市"
    assert doc.resolve_region("全市") == "远江市"


def test_a_name_that_opens_with_a_time_word_is_no_organisation():
    from luoshi.core.intake.owners import is_organisation

    assert not is_organisation("上半年政府")
    assert not is_organisation("今年市政府")
    assert is_organisation("市政府")


def test_the_places_opening_the_elements_of_a_list_own_their_figures():
    from luoshi.core.intake.owners import list_element_place

    text = "今年新建续建项目中,直属学校项目3个、东湖区项目12个、西山县项目7个以及其他项目2个。"
    places: list[str] = []

    def at(figure):
        pos = text.index(figure)
        return list_element_place(text, 0, pos, len(text), places)

    assert at("12个") == "东湖区"
    assert at("7个") == "西山县"
    assert at("3个") is None  # the element opens with no place
    # one place in a list of things is no list of places
    text = "今年在东湖区新建学校3所、幼儿园5所。"
    assert list_element_place(text, 0, text.index("5所"), len(text), places) is None


def test_a_company_whose_head_presents_the_plan_at_a_press_conference_owns_it():
    text = (
        "青禾县召开2026年交通建设新闻发布会\n"
        "新闻发布会由县委宣传部副部长某某主持。县交通建设投资有限公司常务副总经理某某某在发布会上"
        "介绍了全县交通建设计划。今年计划完成交通投资12亿元。\n"
    )
    assert _doc(text).owner == "县交通建设投资有限公司"


def test_a_city_whose_name_opens_with_a_date_character_is_a_place():
    from luoshi.core.intake.owners import is_organisation

    assert is_organisation("日丰市")
    assert not is_organisation("日兰江市")  # 3日兰江市: a date cut before a city
    assert not is_organisation("月新市")
    assert not is_organisation("日全市")


def test_a_city_notice_names_its_city_in_the_zone_it_addresses():
    text = (
        "关于下达2026年度全市安全生产控制指标的通知\n"
        "各县(市、区)政府、远江经济技术开发区管委会,市安委会成员单位:\n"
        "现将全市控制指标下达如下。全市生产安全事故死亡人数控制在40人以内。\n"
    )
    assert _doc(text).city == "远江市"
    assert _doc(text.replace("远江经济技术开发区管委会", "开发区管委会")).city is None


def test_fragments_and_site_furniture_are_no_organisations():
    from luoshi.core.intake.owners import is_organisation

    for name in ("代表区", "建成县", "上述县", "相关县", "有关区", "本站"):
        assert not is_organisation(name), name
    for name in ("青湖区", "临川市", "相关部门", "市政府"):
        assert is_organisation(name), name


def test_the_jurisdiction_a_text_never_names_is_written_whole():
    doc = _doc("今年我市要新建学校20所。全市新增就业岗位3000个。\n")
    assert doc.city is None
    assert doc.resolve_region("我市") == "全市"
    assert doc.resolve_region("本县") == "全县"
    named = _doc("青禾市今年新建学校20所。青禾市新增就业3000人,青禾市还将改造操场30个。\n")
    assert named.resolve_region("我市") == "青禾市"


def test_a_provincial_papers_page_given_to_a_city_names_the_city():
    # the page label (区域传真·临川) is the only place the city is named; the text says 全市
    text = (
        "首页\n第06版:区域传真·临川\n\n2026年临川锚定目标接续奋斗\n\n"
        "主要预期目标是:全市地区生产总值增长6%左右,固定资产投资增长4%左右。\n"
    )
    doc = _doc(text)
    assert doc.city == "临川市"
    # a page whose label names no place keeps 全市
    doc = _doc(text.replace("区域传真·临川", "区域传真"))
    assert doc.city is None
    assert doc.jurisdiction == "全市"


def test_a_city_named_once_is_the_city_of_a_text_that_speaks_for_全市():
    text = (
        "重点工作半年度进展情况表\n序号\n内容与要求\n"
        + "全市重点工作总体进展顺利,各项任务有序推进。" * 20
        + "\n1.高质量编制实施《嘉兴市国民经济和社会发展第十四个五年规划纲要》。\n"
        "2.全市新增城镇就业3万人以上。\n"
    )
    assert _doc(text).city == "嘉兴市"


def test_a_district_named_after_its_quarter_is_written_as_first_named():
    text = (
        "2月10日,记者从临川市城东区2026年民生实事项目新闻发布会上获悉,"
        "2026年,城东区确定民生实事项目12个,计划总投资4.36亿元。"
        "城东区相关负责人介绍,城东区将新建学校2所。\n"
    )
    doc = _doc(text)
    assert doc.district == "城东区"
    assert doc.jurisdiction == "临川市城东区"
    assert doc.resolve_region("城东区") == "临川市城东区"
    # 城区 (the urban area) is no district's name
    doc = _doc(text.replace("城东区", "城区"))
    assert doc.district is None


def test_a_report_to_a_congress_written_short_is_the_places():
    text = (
        "1月23日上午,青湖省十四届人大二次会议在临川开幕。省长某某向大会作政府工作报告。\n"
        "今年主要预期目标是:地区生产总值增长5%左右。\n"
    )
    assert _doc(text).owner == "青湖省"
    # a meeting that is no congress's names no government
    assert _doc(text.replace("十四届人大二次会议", "经济工作会议")).owner != "青湖省"


def test_a_region_named_only_inside_an_institutions_name_is_no_place_of_the_text():
    text = (
        "今年我区经济社会发展的主要预期目标是:地区生产总值增长7%左右。\n"
        "全区加快宁夏农村综合产权交易中心建设,粮食产量稳定在370万吨以上。\n"
    )
    assert _doc(text).jurisdiction == "全区"
    # the region named as a place is the text's
    doc = _doc(text.replace("全区加快", "全区上下和宁夏各地加快"))
    assert doc.autonomous == "宁夏"


def test_an_interviewed_bureau_is_written_with_the_level_the_text_prints():
    text = (
        "发改部门如何主动适应新常态?记者专访了发改局局长某某。\n"
        "记者:对于适应新常态,县发改局是如何做的?\n"
        "某某:年内完成项目储备60亿元,项目开工40亿元。\n"
    )
    assert _doc(text).owner == "县发改局"
    # a text that prints the bureau only bare keeps it so
    assert _doc(text.replace("县发改局", "你们")).owner == "发改局"


def test_a_congress_session_in_the_head_is_no_work_meeting():
    text = (
        "政府工作报告描绘了未来五年青湖省经济社会发展的蓝图。\n"
        "省十二届人大一次会议开幕。某某摄\n"
        "到2017年,公共财政收入年均增长12%以上。\n"
    )
    assert not _doc(text).meeting
    assert _doc(text.replace("省十二届人大一次会议开幕", "全省交通运输工作会议召开")).meeting


def test_a_headline_opening_on_the_provinces_bare_name_writes_it_so():
    text = (
        "湖南:去年农村危房改造竣工9.6万户\n\n"
        "从全省住房和城乡建设工作会上获悉,2018年,全省棚户区改造开工23.5万套。\n"
    )
    doc = _doc(text)
    assert doc.province == "湖南"
    assert doc.resolve_region("全省") == "湖南"
    # a speaker's line (记者:…) names no province
    assert _doc(text.replace("湖南:", "记者:") + "湖南省政府部署全年工作。\n").province == "湖南省"


def test_a_bureau_head_interviewed_under_its_full_name_gives_that_name():
    text = (
        "青湖三年攻坚,临川构建区域性交通枢纽\n"
        "记者:2009年,临川交通枢纽建设做了哪些工作?\n"
        "某某某(临川市交通局局长某某某):全年完成交通建设投资45.1亿元。"
        "全市交通系统城乡环境综合整治工作取得初步成效。\n"
        "记者:今年临川交通工作总体要求是什么?\n"
        "某某某:今年全市交通建设投资力争完成54.13亿元。\n"
    )
    assert _doc(text).owner == "临川市交通局"
    # two full names of the bureau: the short one, as the system names it
    assert _doc(text + "安平市交通局也到会。\n").owner == "市交通局"
