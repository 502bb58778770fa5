"""Owners on unseen documents, round 7 (issue 15).

Invented texts, one positive and one negative example per rule.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import is_group, is_organisation


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]


def test_a_closing_bracket_lists_units_with_commas_and_a_bracketed_group():
    # a breakdown item closed by its units after the full stop, a comma between the lead
    # and the governments of the counties, whose levels sit in their own bracket
    text = (
        "一、2026年主要预期目标分解\n"
        "1.地区生产总值增长6%以上。(市发展改革委,各县〔市、区〕政府)\n"
        "2.研发投入强度超过2.1%。(市科技局,各县(市、区)政府)\n"
    )
    assert owners(text) == [
        "市发展改革委、各县〔市、区〕政府",
        "市科技局、各县(市、区)政府",
    ]
    # a bracket that names no unit (a thing, a place) owns nothing
    other = "1.地区生产总值增长6%以上。(不含园区,青湖市)\n"
    assert owners(other) != ["不含园区、青湖市"]


def test_the_governments_of_each_lower_level_are_a_group():
    assert is_group("各县〔市、区〕政府") and is_group("各区人民政府") and is_group("各乡镇政府")
    assert not is_group("各县政府工作报告") and not is_group("县政府")


def test_a_kind_of_city_to_build_is_no_place():
    # 公交都市, 国际化大都市: what a plan means to become, never the owner of its goals
    assert not is_organisation("公交都市") and not is_organisation("国际化大都市")
    # the cities whose names end so are places
    assert is_organisation("成都市") and is_organisation("宜都市")


def test_a_place_after_shi_is_the_reports_place():
    # 也是青湖市…之年: the city the work report speaks for, named after 是
    text = (
        "政府工作报告指出,2026年是关键一年,也是青湖市全面建成示范城市的决胜之年。"
        "今年主要预期目标是:地区生产总值增长6%,开展“公交都市”创建工作。\n"
    )
    assert owners(text) == ["青湖市"]
    # 是 before a common word ending in 市 (是超大城市) names no place
    other = "政府工作报告指出,这是超大城市的治理之年。今年主要预期目标是:地区生产总值增长6%。\n"
    assert owners(other) != ["超大城市"]


def test_the_place_a_figure_is_ranked_in_is_not_the_texts_own():
    from luoshi.core.intake.document import _places

    # 排临川市第一: the county-level city reporting is ranked among 临川市's places
    text = "今年以来,全市经济总体平稳。1—10月固定资产投资同比增长7.9%,排临川市第一。"
    assert "临川市" not in _places(text, "", "市")["all"].split("、")
    # a place printed as the subject, not as a ranking's base, is counted
    named = "今年以来,临川市经济总体平稳。1—10月固定资产投资同比增长7.9%。"
    assert "临川市" in _places(named, "", "市")["all"].split("、")


def test_an_amounts_unit_before_a_level_word_is_no_place():
    # 超额完成175亿元市定目标: 亿元 and 市定, no city named 亿元市
    assert not is_organisation("亿元市") and not is_organisation("万元县")
    assert is_organisation("临元市")


def test_a_dateline_opens_the_story_under_its_headline():
    from luoshi.core.intake.repair import repair_lines

    raw = "青湖市政府明确今年120项重点工作\n\n本报讯 记者从市政府常务会议获悉,今年将新建学校3所。\n"
    text, _idx, lines = repair_lines(raw)
    assert text.splitlines()[0] == "青湖市政府明确今年120项重点工作"
    # a line that does not open with a dateline still continues a cut sentence
    cut = "今年全市将新建学校3所,改造老旧小区\n\n120个,新增停车位2000个。\n"
    text, _idx, _lines = repair_lines(cut)
    assert "改造老旧小区120个" in text


def test_a_place_that_opens_a_firms_name_is_not_the_texts_city():
    from luoshi.core.intake.document import _title_municipality
    from luoshi.core.intake.owners import opens_a_firms_name

    text = "截止5月底,全市开工项目29个。\n主要有:上海联华投资0.2亿元扩建的上海联华超市项目。\n"
    start = text.index("上海联华")
    assert opens_a_firms_name(text, start, start + 2)
    assert _title_municipality(text, text) is None
    # a municipality named as the text's subject is still its city
    named = "上海今年新开工项目29个,全市完成投资120亿元。\n"
    assert not opens_a_firms_name(named, 0, 2)
    assert _title_municipality(named, named) == "上海"


def test_a_numbered_item_closed_by_its_owners_bracket_without_a_full_stop():
    # no 。 between the figure and the bracket: still an item, not a heading
    text = "3. 新建5G基站1200个以上(市工信局负责)\n4. 完成造林绿化面积2万亩(市林业局)\n"
    assert owners(text) == ["市工信局", "市林业局"]
    # a heading that counts its tasks, closed by a note that names no unit, stays a heading
    assert owners("一、综合指标类9项(按考核目标统计)\n") == []


def test_a_responsibility_label_lists_units_with_commas():
    text = "1.地区生产总值增长6%以上。(责任单位:市发展改革委,各县(市、区)人民政府)\n"
    assert owners(text) == ["市发展改革委、各县(市、区)人民政府"]
    # the lead's label followed by the helpers' label: the lead alone
    led = "1.地区生产总值增长6%以上。(牵头单位:市发展改革委,配合单位:市统计局)\n"
    assert owners(led) == ["市发展改革委"]


def test_a_group_subject_is_named_whole_over_its_aside():
    from luoshi.core.intake.owners import subject_owner

    s = "各区县(包括青湖经济开发区,下同)、各行业生产安全事故死亡人数比上年下降5%"
    assert subject_owner(s, 0, len(s)) == "各区县、各行业"
    # 各区县, not the shorter 各区 it opens with
    s = "各区县要完成新增就业不少于200人"
    assert subject_owner(s, 0, len(s)) == "各区县"
    # a unit's bracket without a comma is no aside: the unit alone
    s = "市发改委(市统计局)要确保增长5%"
    assert subject_owner(s, 0, len(s)) == "市发改委"


def test_a_unit_opening_a_sentence_after_its_year_word_is_its_subject():
    from luoshi.core.intake.owners import subject_owner

    s = "今年,省交通运输厅聚焦年度800亿元投资目标"
    assert subject_owner(s, 0, len(s)) == "省交通运输厅"
    # a verb after the year word opens no unit's name
    s = "今年,完成交通投资800亿元"
    assert subject_owner(s, 0, len(s)) is None


def test_a_closing_sentence_naming_the_lead_and_its_helpers():
    from luoshi.core.intake.owners import owner_sentence

    text = "全年粮食播种面积稳定在120万亩以上,产量达到50万吨。由市农业农村局牵头,市财政局配合。"
    assert owner_sentence(text) == "市农业农村局"
    bare = "全年新建设施大棚2000亩。市农业农村局牵头,市财政局、各县(市、区)政府配合。"
    assert owner_sentence(bare) == "市农业农村局"
    # helpers alone own nothing
    assert owner_sentence("全年新建设施大棚2000亩。市财政局配合。") is None


def test_clauses_that_each_open_with_a_place_give_each_figure_its_place():
    text = (
        "2026年全市招商引资目标任务分解\n"
        "全市全年引进到位资金500亿元,其中:青湖区120亿元,江北区100亿元,临川县80亿元。\n"
    )
    assert owners(text) == ["全市", "青湖区", "江北区", "临川县"]
    # one place opening the sentence owns all its clauses
    assert owners("青湖区今年将新建学校3所,改造老旧小区20个。\n") == ["青湖区", "青湖区"]


def test_a_level_a_figure_is_ranked_in_is_not_the_texts_own_level():
    from luoshi.core.intake.document import _self_level

    # a city's review ranked within its autonomous region: 全区 three times, all rankings
    text = (
        "预计全市地区生产总值增长4%左右。工业投资增长30%、领跑全区,签约项目数量居全区第一,"
        "新能源装机跃居全区首位。全市人民期盼多年的机场建成。"
    )
    assert _self_level(text) == "市"
    # a district that speaks of itself as 全区 keeps it
    own_text = "全区地区生产总值增长6%,全区新增就业3000人,全区完成投资50亿元,高于全市平均。"
    assert _self_level(own_text) == "区"


def test_the_lead_of_a_bracket_whose_other_units_carry_it_out():
    text = (
        "1.地区生产总值增长6%以上。(市发展改革委牵头,各县区政府落实)\n"
        "2.进出口总额增长5%。(市商务局牵头,各县(市、区)人民政府配合)\n"
    )
    assert owners(text) == ["市发展改革委", "市商务局"]
    # a bracket whose second part names no helpers' duty is no lead marker
    assert owners("1.地区生产总值增长6%以上。(市发展改革委牵头,年底前完成)\n") != [
        "市发展改革委、年底前完成"
    ]


def test_a_responsibility_field_followed_by_a_deadline_field_on_its_line():
    text = "3.城镇新增就业1.2万人。责任单位:市人社局  完成时限:2026年12月底\n"
    assert owners(text) == ["市人社局"]
    # a deadline field alone names no owner
    assert owners("3.城镇新增就业1.2万人。完成时限:2026年12月底\n") != ["完成时限"]


def test_a_table_one_cell_a_line_gives_its_figure_cells_the_rows_unit():
    text = (
        "青湖县2026年目标任务分解表\n序号\n指标名称\n目标任务\n责任单位\n"
        "1\n地区生产总值增长\n6%\n县发改局\n"
        "2\n固定资产投资增长\n8%\n"
        "3\n规上工业增加值增长\n7%\n县工信局\n"
    )
    # the merged cell of row 2 is the unit printed above it (as the corpus's 02)
    assert owners(text) == ["县发改局", "县发改局", "县工信局"]
    from luoshi.core.intake.owners import _STACKED_FIGURE

    assert _STACKED_FIGURE.fullmatch("6%") and _STACKED_FIGURE.fullmatch("1200个以上")
    # a cell of words is no figure's cell
    assert not _STACKED_FIGURE.fullmatch("年底前完成") and not _STACKED_FIGURE.fullmatch("县发改局")


def test_kinds_of_towns_and_titles_are_no_government():
    for thing in ("特色小镇", "重点镇", "商业街区", "集镇", "先进县"):
        assert not is_organisation(thing), thing
    # a town or a street office by its name governs
    assert is_organisation("青湖镇") and is_organisation("青湖街道")


def test_a_responsibility_field_named_in_prose():
    text = "第1项任务“地区生产总值增长6.5%左右”,牵头领导是常务副市长张三,主责单位是市发展改革委、各区政府。\n"
    assert owners(text) == ["市发展改革委、各区政府"]
    # the leader named alone owns nothing
    leader = "第1项任务“地区生产总值增长6.5%左右”,牵头领导是常务副市长张三。\n"
    assert owners(leader) != ["常务副市长张三"]


def test_a_report_given_for_a_government_named_by_its_level_only():
    text = (
        "各位代表:\n现在,我代表县人民政府,向大会报告工作。\n"
        "今年主要预期目标:地区生产总值增长7%,城乡居民收入增长7%。\n"
    )
    assert owners(text) == ["全县", "全县"]
    # a report that names its place keeps the place
    named = "各位代表:\n现在,我代表县人民政府,向大会报告工作。青湖县今年主要预期目标:地区生产总值增长7%。\n"
    assert owners(named) == ["青湖县"]


def test_an_autonomous_region_keeps_the_shortened_form_its_headline_prints():
    text = (
        "宁夏自治区部署今年交通建设任务\n"
        "记者从全区交通工作会议上获悉,今年全区公路建设投资力争完成120亿元。\n"
    )
    assert owners(text) == ["宁夏自治区"]
    # a text printing the short name first keeps the short name
    short = "宁夏部署今年交通建设任务\n记者从全区交通工作会议上获悉,今年全区公路建设投资力争完成120亿元。\n"
    assert owners(short) == ["宁夏"]


def test_a_prefecture_named_area_speaks_of_its_own_party_committee():
    text = (
        "一、2025年工作回顾\n"
        "2025年,在地委的坚强领导下,我们贯彻落实习近平总书记关于新疆工作的重要指示,"
        "阿勒泰冰雪旅游持续升温。\n"
        "二、2026年工作安排\n今年主要预期目标是:地区生产总值增长7%左右。\n"
    )
    assert owners(text) == ["阿勒泰地区"]
    # the same text without its 地委 is no prefecture's
    plain = text.replace("在地委的坚强领导下,", "")
    assert owners(plain) != ["阿勒泰地区"]


def test_a_place_opening_a_listed_projects_name_is_no_region_of_the_sentence():
    from luoshi.core.intake.owners import find_regions

    places = ["青湖区", "江北区"]
    listed = "其中青湖区20万吨乙烯项目、江北区物流园工程等5个项目已开工。"
    assert find_regions(listed, places) == []
    # nor is the place a firm is named by
    firm = "青湖丰源纺织有限公司年产值增长20%。"
    assert find_regions(firm, ["青湖"]) == []
    # nor the city a street is named after
    assert find_regions("解放西路至上海路改造工程已开工2个。", []) == []
    # a place that is the subject of its own count stays the sentence's region
    counted = "青湖区新开工项目12个,江北区新开工项目8个。"
    assert [r[2] for r in find_regions(counted, places)] == ["青湖区", "江北区"]


def test_a_range_is_no_district():
    from luoshi.core.intake.document import _PLACE_RE

    assert _PLACE_RE.search("保持经济运行在合理区间") is None
    assert _PLACE_RE.search("今年,青湖区新开工项目12个")


def test_a_class_of_cities_is_no_citys_name():
    from luoshi.core.intake.document import _place_name

    # 其他盟市 (the other leagues and cities), 设区市 (cities divided into districts): a
    # class of places, never the owner of a region's goals
    assert _place_name("他盟", "市") is None and _place_name("各盟", "市") is None
    assert _place_name("设区", "市") is None and _place_name("报设区", "市") is None
    # a city whose name is printed before 市 stays one
    assert _place_name("包头", "市") == "包头" and _place_name("鄂尔多斯", "市") == "鄂尔多斯"
    text = (
        "青湖自治区2026年重大项目集中开工仪式在临川市举行,其他盟市设分会场。\n"
        "临川市计划实施重点项目300个以上,力争全年固定资产投资增长15%以上。\n"
    )
    assert "他盟市" not in owners(text)


def test_a_marked_first_unit_leads_a_stacked_row():
    text = (
        "附件\n\n2026年主要目标任务分解清单\n\n序号\n\n主要工作\n\n责任单位\n\n1\n\n"
        "地区生产总值增长6%左右\n\n▲经信局,各部门,各乡镇(街道)\n\n2\n\n"
        "研发投入强度3.1%以上\n\n▲科技局,各乡镇(街道)\n"
    )
    assert owners(text) == ["经信局", "科技局"]
    # a mark before no unit (▲全年完成) gives the row no owner of that name
    other = text.replace("▲科技局,各乡镇(街道)", "▲全年完成,各乡镇(街道)")
    assert "全年完成" not in owners(other)


def test_a_county_named_by_one_character_owns_its_own_texts_goals():
    from luoshi.core.intake.owners import one_character_county

    # 沛县, 蠡县: one character before 县, which the place patterns (two characters at
    # least) never see; its government's text and its 全县 give the goals to it
    text = (
        "沛县人民政府关于印发2026年重点项目建设计划的通知\n\n"
        "2026年,全县计划实施重点项目80个,力争完成投资120亿元。\n"
    )
    assert set(owners(text)) == {"沛县"}
    assert one_character_county("调研组深入保定市蠡县,实地察看蠡县重点项目建设") == "蠡县"
    # a county printed once, or only inside a longer word (知道县里), names no place
    assert one_character_county("调研组到沛县调研。") is None
    assert one_character_county("大家都知道县里的安排,知道县城的变化") is None


def test_a_city_whose_name_runs_past_three_characters_owns_its_clause():
    # 呼和浩特市, 鄂尔多斯市: names longer than the place patterns reach (and 呼和浩特 holds 和)
    text = (
        "今年,呼和浩特市计划实施重点项目900个以上。\n"
        "今年,包头市计划实施重大项目500个。\n"
        "今年,鄂尔多斯市计划实施亿元以上重点项目400个。\n"
    )
    assert owners(text) == ["呼和浩特市", "包头市", "鄂尔多斯市"]
    # a long name the gazetteer does not hold is no place found by this rule
    assert "青湖山水市" not in owners("今年,青湖山水市计划实施重点项目900个以上。\n")


def test_a_chapter_row_between_bar_lines_does_not_end_a_stacked_table():
    # a table printed one cell a line, cells parted by bar lines: its chapter row
    # (一、主要预期目标) is a cell, and the marked lead of each row below owns it
    text = (
        "附件\n\n2026年重点工作分解\n序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n"
        "责任单位\n|\n一、2026年全区主要预期目标\n|\n||||\n1\n|\n主要预期目标\n|\n"
        "1.地区生产总值增长6%以上。\n|\n张 三\n|\n★区发改委、统计局\n|\n"
        "2.一般公共预算收入增长5%以上。\n|\n★区财政局、税务局\n"
    )
    assert owners(text) == ["区发改委", "区财政局"]
    # a chapter heading printed on its own (no bars around it) still ends the table
    other = text.replace("|\n一、2026年全区主要预期目标\n|\n", "\n一、2026年全区主要预期目标\n\n")
    assert "区发改委" not in owners(other)


def test_a_bureau_of_two_fields_joined_by_yu_keeps_its_whole_name():
    from luoshi.core.intake.owners import clean_unit

    # 县海洋与渔业局: one bureau whose two fields 与 joins, after its level word
    assert clean_unit("县海洋与渔业局") == "县海洋与渔业局"
    text = "1.确保9月底前新建码头投入运行。\n\n责任单位:县海洋与渔业局\n"
    assert owners(text) == ["县海洋与渔业局"]
    # 与 after a verb still cuts the unit off what comes before it
    assert clean_unit("会同与市财政局") == "市财政局"
