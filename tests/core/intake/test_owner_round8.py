"""Owners on unseen documents, round 8 (issue 15).

Invented texts, one positive and one negative example per rule.  The places are real
names of the gazetteer (owners.toml [places]), which the rules look up.
"""

from luoshi.core.intake import extract


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]


def test_a_level_whose_meetings_spirit_the_text_carries_out_is_not_the_texts_own():
    from luoshi.core.intake.document import _self_level

    # 省委十二届五次全会…等精神: a list of meetings cut from its verb by a comma
    cited = (
        "认真贯彻党的二十大精神,以及中央经济工作会议、省委十二届五次全会、市委八届三次全会等精神。"
    )
    assert _self_level(cited) is None
    # the province's committee named as the body at work is the province's own level
    acting = "今年,省委、省政府部署开展项目攻坚年活动,省委要求全面提速。"
    assert _self_level(acting) == "省"


def test_a_place_printed_once_before_words_of_its_own_development_owns_the_text():
    # a city's meeting that says 全市 and prints its name once, bare (为丽水发展贡献力量)
    text = (
        "今年以来,我市招商引资稳步推进。会议要求,全体干部要为丽水发展贡献力量。\n"
        "力争全年全市签约项目120个以上。\n"
    )
    assert owners(text) == ["丽水市"]
    # the name before other words (借鉴丽水经验) is a model the text names, not its place
    other = text.replace("为丽水发展贡献力量", "学习借鉴丽水经验")
    assert owners(other) != ["丽水市"]


def test_a_work_report_that_names_no_level_takes_its_place_from_its_own_words():
    # a county's report that cites its superiors' meetings only and names itself bare
    text = (
        "2026年政府工作总体要求是:认真贯彻党的二十大精神,以及省委十二届五次全会、"
        "市委八届三次全会等精神,为全省发展大局作出青田贡献。\n"
        "2026年主要预期目标是:地区生产总值增长6%以上。\n"
    )
    assert owners(text) == ["青田县"]
    # two places so written: neither is the text's
    both = text.replace("作出青田贡献", "作出青田贡献,推动缙云高质量发展")
    assert owners(both) != ["青田县"]


def test_a_place_under_the_city_printed_more_often_than_the_city_owns_the_text():
    # a city's meeting held in one of its counties, then the county again and again
    text = (
        "3月5日,湛江市招商引资推进会在遂溪召开。去年遂溪签约项目40个。\n"
        "遂溪制定三项目标,要求每季度签约10个以上招商项目。"
        "遂溪把招商引资作为一把手工程,遂溪各镇同步推进。\n"
    )
    assert owners(text) == ["遂溪县"]
    # the city printed about as often as its county: the city's text
    other = text.replace("去年遂溪签约", "去年湛江市签约").replace("遂溪各镇", "湛江市各镇")
    assert owners(other) == ["湛江市"]


def test_a_provinces_text_that_names_a_city_in_passing_is_the_provinces():
    # 全省 is the text's own level; the city is named once, for one of its figures
    text = (
        "25日,甘肃省安全生产工作会议召开。去年全省共发生各类事故5000起,兰州市6次挖破燃气管道"
        "事故被严肃处理。\n今年全省将力争各类事故死亡人数下降2%以上。\n"
    )
    assert owners(text) == ["甘肃省"]
    # a city's text (全市) that names its city keeps the city
    city = text.replace("甘肃省安全生产", "兰州市安全生产").replace("全省", "全市")
    assert owners(city) == ["兰州市"]


def test_a_suffix_that_opens_a_common_word_ends_no_name():
    from luoshi.core.intake.owners import find_units

    # 谋划部署: 部 opens the verb 部署, it ends no unit's name
    text = "今年,青湖省谋划部署48个省重点前期工作项目,总投资600亿元。\n"
    assert "青湖省谋划部" not in owners(text)
    assert all(not name.endswith("谋划部") for _k, name in find_units(text))
    # a unit named before the verb 部署 keeps its name
    other = "2026年,省商务厅部署开展促消费活动200场。\n"
    assert owners(other) == ["省商务厅"]


def test_a_label_unit_may_hold_a_bracketed_word():
    text = (
        "2026年重点项目分解\n1.城市更新工作指挥部:新开工项目30个。\n"
        "2.工业(产业)园区建设工作指挥部:新开工项目57个。\n"
    )
    assert owners(text) == ["城市更新工作指挥部", "工业(产业)园区建设工作指挥部"]
    # a long aside in brackets is no piece of a name
    other = text.replace("工业(产业)园区", "工业(含所有省级以上园区)园区")
    assert "工业(含所有省级以上园区)园区建设工作指挥部" not in owners(other)


def test_the_lead_leaders_line_stands_between_an_item_and_its_lead_unit():
    text = (
        "一、今年全市主要预期目标\n  1.地区生产总值增长6%左右。\n  牵头领导:张三\n"
        "  牵头单位:市发展改革委\n  责任单位:市工信局、市商务局\n"
    )
    assert owners(text) == ["市发展改革委"]
    # a line that names neither a leader nor a unit ends the item's fields
    other = text.replace("牵头领导:张三", "今年要狠抓落实")
    assert owners(other) != ["市发展改革委"]


def test_an_item_run_onto_the_fields_line_of_the_item_above_keeps_its_own_lead_unit():
    text = (
        "一、今年全市主要预期目标\n  1.地区生产总值增长6%左右。\n  牵头领导:张三\n"
        "  牵头单位:市发展改革委\n  责任单位:市工信局、市商务局  2.一般公共预算收入增长5%。\n"
        "  牵头领导:李四\n  牵头单位:市财政局\n  责任单位:市税务局\n"
    )
    assert owners(text) == ["市发展改革委", "市财政局"]
    # one space is no gap between two cells: the line is one paragraph of fields
    other = text.replace("市商务局  2.", "市商务局 2.")
    assert owners(other)[1:] != ["市财政局"]


def test_a_three_character_name_ending_in_shanqu_is_a_district():
    from luoshi.core.intake.owners import is_organisation

    assert is_organisation("宝山区") and is_organisation("萧山区")
    text = "日前,宝山区举行重点项目集中开工仪式。今年,宝山区将力争调整低效用地1500亩。\n"
    assert owners(text) == ["宝山区"]
    # a mountain area, described or in a sentence, governs nothing
    assert not is_organisation("深山区") and not is_organisation("贫困山区")
    assert not is_organisation("进山区")


def test_a_list_element_owns_its_figure_only_beside_others_with_figures_of_their_own():
    from luoshi.core.intake.owners import list_element_place

    text = "今年计划新开工项目:宝山区项目13个、萧山区项目8个。"
    pos = text.index("8个")
    assert list_element_place(text, 0, pos, len(text), []) == "萧山区"
    # names alone before the figure are the members it counts
    listed = "市水利局、宝山区、萧山区10家单位为优秀等次。"
    pos = listed.index("10")
    assert list_element_place(listed, 0, pos, len(listed), []) is None


def test_a_level_word_after_a_place_named_with_its_own_is_no_city():
    from luoshi.core.intake.document import _places

    # 来到道县市重点项目: 道县 and a city-level project, no city 道县市
    text = "调研组一行来到道县市重点项目现场。今年以来,道县列入省级考核重点项目一个。"
    assert "道县市" not in _places(text, "", "县")["all"].split("、")
    # a place named after the verb with its level word is read as before
    named = "调研组一行来到临川市重点项目现场。"
    assert "临川市" in _places(named, "", "市")["all"].split("、")


def test_a_variant_character_the_converter_leaves_is_read_as_its_simplified_form():
    from luoshi.core.intake.repair import repair

    # 陜 (U+965C) is a variant of 陕: 陜西省 is the province its 全省 means
    text = "陜西省高标准农田建设任务\n到2026年,全省高标准农田面积达到1860万亩以上。\n"
    assert repair("陜西省")[0] == "陕西省"
    assert owners(text) == ["陕西省"]
    # one for one: the offsets of the text stay those of the raw text
    assert len(repair(text)[0]) == len(text)
    # a province the text does not print leaves 全省 as written
    assert owners(text.replace("陜西省", "本")) == ["全省"]


_LAUNCH_DAY = (
    "3月31日,全区重大项目集中开工仪式举行。\n"
    "在包头市分会场,当天93个项目集中开工。今年包头市计划实施重大项目521个。"
    "4月底前,其余的86个项目也将全部开工。\n"
    "在乌海市分会场,当天20个项目集中开工。今年乌海市计划实施重大项目100个。"
    "力争全年固定资产投资增长15%以上。\n"
    "赤峰市分会场设在高新区。今年,赤峰市计划实施重大项目300个。\n"
)


def test_places_that_lead_their_own_paragraphs_own_the_paragraphs_later_sentences():
    got = dict(
        (it["snippet"][:6], it["owner"])
        for it in extract(_LAUNCH_DAY, year=2026).items
        if it["kind"] == "target"
    )
    assert got["其余的86个"] == "包头市"
    assert got["力争全年固定"] == "乌海市"
    # two places in turn are no such text: the text's own jurisdiction stays
    two = _LAUNCH_DAY.replace("赤峰市分会场设在高新区。今年,赤峰市计划实施重大项目300个。\n", "")
    got = dict(
        (it["snippet"][:6], it["owner"])
        for it in extract(two, year=2026).items
        if it["kind"] == "target"
    )
    assert got["其余的86个"] == "全区"


def test_a_governments_term_before_its_level_is_no_places_name():
    from luoshi.core.intake.document import _GOV_REPORT, _SPEAKS_FOR

    # 我代表十八届县人民政府: the government's term (十八届), then its level; no place 十八届县
    text = "各位代表:现在,我代表十八届县人民政府,向大会报告工作,请予审议。"
    assert not any("十八届县" in (m.group(3) or "") for m in _GOV_REPORT.finditer(text))
    spoken = _SPEAKS_FOR.search(text)
    assert spoken is not None and spoken.group(1) == "县"
    # a government named by its place keeps it
    named = "各位代表:现在,我代表平昌县人民政府,向大会报告工作,请予审议。"
    assert [m.group(3) for m in _GOV_REPORT.finditer(named)] == ["平昌县"]


def test_a_text_about_one_province_that_names_the_country_once_is_the_provinces():
    text = (
        "今年以来,陕西省以重点项目建设为抓手,持续扩大有效投资。\n"
        "陕西重点项目投资增速居全国前列,陕西省级重点项目进展顺利。\n"
        "下一步,将充分发挥担保机构作用,力争为民营企业提供担保规模达到80%。\n"
    )
    assert owners(text) == ["陕西省"]
    # a province named once is a place in passing: the country the text names stays
    once = text.replace("陕西重点项目", "重点项目").replace("陕西省级", "省级")
    assert owners(once) != ["陕西省"]


def test_the_place_under_the_city_printed_most_is_found_without_a_count_to_reach():
    from luoshi.core.intake.owners import place_below_named_most

    # printed twice against the city's once: more often than the city, so the text's
    text = "湛江市招商引资推进会在遂溪召开。遂溪要求每季度签约10个以上项目。"
    found = place_below_named_most(text, "湛江市")
    assert found is not None and found.name == "遂溪县"
    # two places under the city printed as often: neither is the text's
    tied = "湛江市招商引资推进会召开。遂溪要求签约10个项目,廉江要求签约8个项目。"
    assert place_below_named_most(tied, "湛江市") is None


def test_a_province_named_more_often_than_the_country_owns_the_text():
    # the province twice, the country once: the province's text, with no count to reach
    text = (
        "今年以来,福建省以重点项目建设为抓手,投资增速居全国前列,福建重点项目进展顺利。\n"
        "下一步,将力争全年重点项目完成投资2000亿元以上。\n"
    )
    assert owners(text) == ["福建省"]
    # the country named more often than the province: a national text that names it
    national = text.replace("今年以来,", "今年以来,全国重点项目建设提速,全国投资稳中有进,")
    assert owners(national) != ["福建省"]


def test_a_city_or_county_of_the_gazetteer_is_a_place_whatever_characters_its_name_holds():
    from luoshi.core.intake.document import _place_name

    # 营 ends 经营, 城 ends 县城, 本 opens 本市, 和 joins names: each is still a place's name
    for city in ("东营市", "盐城市", "本溪市", "和田市", "营口市"):
        text = f"{city}2026年政府工作报告\n今年全市主要预期目标是:地区生产总值增长6%左右。\n"
        assert owners(text) == [city]
    county = "城固县2026年重点工作安排\n今年全县力争新增规模以上工业企业10家。\n"
    assert owners(county) == ["城固县"]
    # after a lead character (对本溪市) the place is the gazetteer's tail
    assert _place_name("对本溪", "市") == "本溪"
    # a name the gazetteer does not know keeps the character vetoes (营城市, 和平市)
    assert _place_name("营城", "市") is None
    assert _place_name("和平", "市") is None


def test_the_traditional_liao_of_liaojie_is_read_as_the_simplified_le():
    from luoshi.core.intake.repair import repair

    # 記者從…瞭解到: the body the reporter learned from owns the text, in either script
    text = "記者從臨川市交通運輸局瞭解到,今年全市將新改建農村公路300公里。\n"
    assert repair("瞭解到")[0] == "了解到"
    assert owners(text) == ["临川市交通运输局"]
    # a source that is no body (a place) gives the text no body's name
    assert owners(text.replace("交通運輸局", "")) == ["全市"]


def test_an_item_printed_as_a_word_heading_keeps_the_unit_line_below_it():
    from luoshi.core.intake.owners import label_line_owner

    # the reader writes a Word heading with its Markdown marks (## (一)…)
    text = (
        "# 一、2026年全区主要预期目标\n## (一)地区生产总值增长7%以上\n\n责任单位:区发展和改革局\n\n"
        "## (二)固定资产投资增长10%以上\n\n责任单位:区住房和城乡建设局\n"
    )
    assert owners(text) == ["区发展和改革局", "区住房和城乡建设局"]
    # a heading with no item mark is no numbered item
    bare = "## 地区生产总值增长7%以上\n责任单位:区发展和改革局\n"
    assert label_line_owner(bare, 0, bare.index("\n")) is None


def test_a_field_line_is_not_continued_by_the_next_numbered_item():
    from luoshi.core.intake.repair import repair

    # a Word list prints its items with no indent: the last field line of item 1 ends
    # without a stop, and item 2 follows on the next line
    text = (
        "1.地区生产总值增长5.5%左右。\n牵头单位:省发展改革委\n"
        "责任单位:省工业和信息化厅、省农业农村厅、省商务厅等,各市人民政府,省青湖示范区管委会\n"
        "2.一般公共预算收入增长5%。\n牵头单位:省财政厅\n"
    )
    assert "管委会\n2." in repair(text)[0]
    assert owners(text) == ["省发展改革委", "省财政厅"]
    # a line that names no field is still joined to what continues it
    cut = (
        "全年要完成的主要任务包括以下几个方面的工作内容和相关要求以及各单位的具体分工\n"
        "2.一般公共预算收入增长5%。\n"
    )
    assert "分工2." in repair(cut)[0]


def test_jing_after_he_joining_two_fields_opens_the_second_field():
    from luoshi.core.intake.owners import clean_unit

    # 区科技和经信局: one bureau of two fields; 经 opens 经信, no unit after a function word
    assert clean_unit("区科技和经信局") == "区科技和经信局"
    assert clean_unit("区发展和改革局") == "区发展和改革局"
    # a function character before the name is still cut off (据…)
    assert clean_unit("据区科技和经信局") == "区科技和经信局"
    assert clean_unit("据经信局") != "据经信局"


def test_a_title_unit_whose_suffix_opens_a_common_word_is_no_unit():
    from luoshi.core.intake.document import doc_context
    from luoshi.core.intake.repair import repair_lines

    def doc_owner(text: str) -> str | None:
        repaired, _index, lines = repair_lines(text)
        return doc_context(repaired, lines, 2026).owner

    # 部分 (part of) after a place: no unit 调研组现场走访调研宾县部
    caption = "调研组现场走访调研宾县部分省市重点项目建设情况。\n今年全县计划完成投资6亿元。\n"
    assert not (doc_owner(caption) or "").endswith("部")
    # a bureau named before its plan's title word keeps its name
    titled = "临川市商务局2026年工作要点\n全年签约项目不少于50个。\n"
    assert doc_owner(titled) == "临川市商务局"


def test_a_name_that_opens_with_a_task_verb_is_no_unit():
    from luoshi.core.intake.owners import is_organisation

    # a verb of the task left in front of what it acts on (扩增公办, 依托…中心): no unit
    assert not is_organisation("扩增公办")
    assert not is_organisation("依托电商服务中心")
    assert not is_organisation("安排市")
    # a unit named without the verb keeps its name
    assert is_organisation("县教育局")
    assert is_organisation("电商服务中心")


def test_a_byline_glued_to_the_first_unit_is_cut_off():
    from luoshi.core.intake.owners import clean_unit

    # 本报讯(记者 某某)市商务局…: the dateline and byline are no part of the name
    assert clean_unit("本报讯(记者某某)临川市商务局") == "临川市商务局"
    assert clean_unit("本报讯（通讯员 某某）县统计局") == "县统计局"
    # a bracket that names no reporter stays (the bracket specifies the unit)
    assert clean_unit("县政府(牵头)县统计局") != "县统计局"


def test_he_inside_a_bureau_of_two_fields_joins_no_list():
    from luoshi.core.intake.owners import trailing_owner

    # 县发展和改革局, 发展改革和统计局: one bureau of two fields, not two units
    assert trailing_owner("1.地区生产总值增长6%。(牵头单位:县发展和改革局)") == "县发展和改革局"
    assert trailing_owner("3.生产总值增长6.5%。(发展改革和统计局负责)") == "发展改革和统计局"
    # 和 between two whole units still lists them
    assert trailing_owner("4.出口增长5%。(市商务局和市海关负责)") == "市商务局、市海关"


def test_the_lead_responsible_unit_line_owns_the_item_above():
    # 牵头负责领导 (a leader), 牵头责任单位 (the lead), 协同责任单位 (helpers) below an item
    # numbered with a small full stop (1﹒)
    text = (
        "一、确保完成主要目标\n"
        "1﹒全省生产总值增长6%以上。\n"
        "牵头负责领导:某某。\n"
        "牵头责任单位:省发展改革委。\n"
        "协同责任单位:省财政厅、省统计局。\n"
        "2﹒进出口总额增长5%左右。\n"
        "牵头负责领导:某某。\n"
        "协同责任单位:省财政厅。\n"
    )
    got = owners(text)
    assert got[0] == "省发展改革委"
    # helpers alone own nothing
    assert got[1] != "省财政厅"


def test_a_source_that_is_a_bodys_website_names_no_owner():
    from luoshi.core.intake.document import doc_context
    from luoshi.core.intake.repair import repair_lines

    def doc_owner(text: str) -> str | None:
        repaired, _index, lines = repair_lines(text)
        return doc_context(repaired, lines, 2026).owner

    # the news republished by a bureau's website: the website issues nothing
    site = "今年全区计划实施重点项目300个\n今年全区计划实施重点项目300个。\n来源:临川市发展改革委网站\n"
    assert doc_owner(site) != "临川市发展改革委"
    # a plan page whose source is the bureau itself keeps it
    plan = "2026年工作要点\n全年新建农村公路300公里。\n来源:临川市交通运输局\n"
    assert doc_owner(plan) == "临川市交通运输局"
