"""Owners on unseen documents, round 10 (issue 15).

Invented texts, one positive and one negative example per rule.  The places are real
names of the gazetteer (owners.toml [places]), which the rules look up.
"""

from luoshi.core.intake import extract


def items(text: str) -> list[dict]:
    return extract(text, year=2026).items


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in items(text) if it["kind"] == "target"]


def test_a_verb_that_builds_a_body_is_no_part_of_its_name():
    # 健全X中心建设, 完善X局职能: the body is the object of the task, not its owner
    text = (
        "2026年衢州市政府工作报告\n"
        "健全数字经济服务中心运行机制,完成投资20亿元,新增高新技术企业30家。\n"
    )
    assert all(o and not o.startswith(("健全", "完善")) for o in owners(text))
    assert owners(text) == ["衢州市", "衢州市"]
    # the verb makes the fragment no organisation; the body's own name is one
    from luoshi.core.intake.owners import is_organisation

    assert not is_organisation("完善云上数据局") and is_organisation("云上数据局")


def test_a_speaker_and_his_verb_are_no_place_before_the_level_word():
    # "某某作市人民政府工作报告": the government of the city the text names
    text = (
        "衢州市第八届人民代表大会第五次会议开幕\n"
        "会上,林某某作市人民政府工作报告。\n"
        "2026年衢州市经济社会发展主要预期目标是:地区生产总值增长6%左右。\n"
    )
    assert owners(text) == ["衢州市"]
    # 焦作市 ends in 作市 and is a city of the gazetteer
    jiaozuo = "会上,焦作市人民政府工作报告提出,2026年地区生产总值增长6%左右。\n"
    assert owners(jiaozuo) == ["焦作市"]


def test_a_place_that_opens_a_plan_sentence_owns_it_over_its_bureau():
    text = (
        "2026年青海省交通运输工作会议召开\n"
        "据青海省交通运输厅介绍,今年计划完成交通投资300亿元。\n"
        "青海省将续建西宁至某地等20个公路项目,新开工5个公路项目。\n"
    )
    got = items(text)
    targets = [(it["owner"], it["why"]["owner"]) for it in got if it["kind"] == "target"]
    assert ("青海省", "owner.place_subject") in targets
    assert targets[0][0] == "青海省交通运输厅"
    # a province printed bare before 将 is written with 省
    bare = text.replace("青海省将续建", "青海将续建")
    assert ("青海省", "owner.place_subject") in [
        (it["owner"], it["why"]["owner"]) for it in items(bare) if it["kind"] == "target"
    ]
    # the place as the object of a verb (建设青海省…) opens no plan of its own
    obj = text.replace("青海省将续建", "今年续建")
    assert all(it["why"]["owner"] != "owner.place_subject" for it in items(obj))


def test_a_sector_system_that_opens_the_years_plan_owns_the_texts_targets():
    text = (
        "2月8日,记者从全省交通运输工作会议上获悉,2026年全省交通运输行业将加快项目建设,"
        "年内建成6个项目,新改建农村公路2000公里。\n"
        "聚焦农村公路,力争新增200个自然村通硬化路。\n"
    )
    assert owners(text) == ["全省交通运输行业"] * 3
    # a system named after the figures closes a progress report: it presents no plan
    late = (
        "上半年全省签约项目2910个,完成全年目标的60%。\n"
        "下一步,全省招商系统将以更大力度抓招商,全年新签约项目5000个。\n"
    )
    assert "全省招商系统" not in owners(late)


def test_a_place_that_opens_a_listed_projects_name_is_not_the_city_of_the_text():
    text = (
        "2026年,安排市重点项目300个,总投资5000亿元。\n"
        "重点推进某某新材料项目、衢州市智能制造产业园建设项目(二期)、某某物流园项目。\n"
        "全市上下要全力抓好项目建设。\n"
    )
    assert owners(text)[0] == "全市"
    # the city as the subject of a sentence is the text's city
    named = text.replace("2026年,安排市重点项目", "2026年,衢州市安排市重点项目")
    assert owners(named)[0] == "衢州市"


def test_a_body_responsible_for_a_listed_share_of_a_programme_owns_the_list():
    text = (
        "媒体公布了衢州市2026年10项民生实事,衢州市住建局负责3个子项任务。具体如下:\n"
        "1.改造老旧小区。完成老旧小区改造50个。\n"
        "2.新建停车泊位。增建公共停车泊位3000个。\n"
    )
    assert owners(text)[-2:] == ["衢州市住建局", "衢州市住建局"]
    # a text that names no body's share gives the programme to the city
    plain = text.replace("衢州市住建局负责3个子项任务", "其中3项如下")
    assert "衢州市住建局" not in owners(plain)


def test_the_main_expected_targets_quoted_on_a_bureaus_page_are_the_jurisdictions():
    text = (
        "浙江省发展和改革委员会\n"
        "2026年主要预期目标是:生产总值增长5.5%左右,城镇新增就业40万人以上。\n"
        "全年计划安排省重点项目1000个。\n"
    )
    got = [(it["owner"], it["why"]["owner"]) for it in items(text) if it["kind"] == "target"]
    assert got[:2] == [("浙江省", "owner.main_targets")] * 2
    # the bureau's own plan, outside the main targets, stays the bureau's
    assert got[-1][0] != "浙江省" or got[-1][1] != "owner.main_targets"
    # a bureau without a place (市发改委) names no jurisdiction here
    city = text.replace("浙江省发展和改革委员会", "市发展和改革委员会")
    assert all(
        w != "owner.main_targets"
        for _, w in [
            (it["owner"], it["why"]["owner"]) for it in items(city) if it["kind"] == "target"
        ]
    )


def test_a_compass_quarter_of_a_province_is_not_the_region_of_its_compass_word():
    text = "今年我省计划完成交通投资800亿元。\n加快推进闽东北协同发展区内某某高速等11个项目建设。\n"
    assert "东北" not in owners(text)
    # 东北 on its own is the region
    from luoshi.core.intake.owners import places_spoken_of

    assert [r[2] for r in places_spoken_of("支持东北振兴,川东北经济区", [])] == ["东北"]


def test_a_group_that_opens_the_figures_clause_owns_its_deadline():
    text = "三、定期报告。重点任务落实情况,各责任单位分别于2026年6月30日和12月31日前报送市政府。\n"
    assert set(owners(text)) == {"各责任单位"}
    # a group after the place it belongs to pursues the place's goal
    pursued = "上半年,全省各级各有关部门紧盯固定资产投资增长7%目标任务,主动作为。\n"
    assert "各有关部门" not in owners(pursued)


def test_names_listed_before_a_count_of_projects_are_projects_not_owners():
    text = (
        "今年,衢州市计划开工项目300个。按区域划分,"
        "某某产业发展中心、某某广场等新建项目20个,某某购物中心等续建项目55个。\n"
    )
    assert all(o and not o.endswith("中心") for o in owners(text))
    # a unit that opens its sentence with its own figures keeps them
    unit = "衢州市发展改革委员会今年计划新开工项目20个。\n"
    assert owners(unit) == ["衢州市发展改革委员会"]


def test_a_sentence_that_turns_to_a_breakdown_of_the_whole_does_not_continue_a_part():
    text = (
        "2026年开工项目调度会召开。\n今年,长春新区计划开工项目300个。"
        "北湖开发区新建项目9个、续建项目26个。从产业类别看,工业项目78个,服务业项目49个。\n"
    )
    assert owners(text)[-2:] == ["长春新区", "长春新区"]
    # without the turn, the next figures continue the part
    cont = text.replace("从产业类别看,", "")
    assert owners(cont)[-2:] == ["北湖开发区", "北湖开发区"]


def test_the_region_list_that_opens_a_figures_clause_owns_it():
    text = "到2026年,杭州市社零额突破8500亿元,宁波市、温州市社零额突破2000亿元。\n"
    assert owners(text) == ["杭州市", "宁波市、温州市"]


def stat_owners(text: str) -> list[str | None]:
    return [it["owner"] for it in items(text) if it["kind"] == "statistic"]


def test_a_municipalitys_paper_names_the_city_its_text_calls_the_whole():
    text = (
        "2026年11月10日 上海青年报\n"
        "记者昨天获悉,今年1至10月份,全市共发生生产安全事故140起,同比减少7起。\n"
        "上海化学工业区发生事故3起。\n"
    )
    assert stat_owners(text)[0] == "上海市"
    # without its paper the text names no city: 全市 stays as written
    unnamed = text.replace("上海青年报", "").replace("上海化学工业区", "化学工业区")
    assert stat_owners(unnamed)[0] == "全市"


def test_a_province_printed_more_often_than_the_one_city_it_names_is_the_texts():
    text = (
        "贵州省重大工程项目建设推进会召开。\n"
        "1-5月,贵州省重大工程项目累计完成投资2919亿元,占年度计划40.5%。"
        "完成投资进度前三位的市州是贵阳市、黔西南州、六盘水市,分别占年度计划的50.9%、47.2%、44.5%。\n"
        "分阶段看,收尾项目完成投资425亿元,占年度计划的51.8%。\n"
    )
    assert stat_owners(text)[-2:] == ["贵州省", "贵州省"]
    # a city's text that prints the province once is the city's
    city = (
        "六盘水市重大工程项目建设推进会召开。\n"
        "1-5月,六盘水市重大工程项目完成投资219亿元,贵州省下达的目标完成40.5%。\n"
        "分阶段看,收尾项目完成投资42亿元。六盘水市新开工项目45个。\n"
    )
    assert stat_owners(city)[-1] == "六盘水市"


def test_a_provinces_bare_name_among_another_provinces_places_is_a_prefecture():
    text = (
        "关于2026年1-5月份全省安全生产控制指标实施进展情况的通报\n"
        "2026年1-5月份,全省共发生各类生产经营性事故116起,死亡87人。"
        "西宁、海东、海南三地区事故起数下降。\n"
    )
    assert "海南省" not in stat_owners(text)
    # the province itself, printed with its level word, is the province
    hainan = text.replace("全省共发生", "海南省共发生").replace("西宁、海东、海南", "海口、三亚")
    assert "海南省" in stat_owners(hainan)


def test_a_bureau_opening_the_first_paragraph_with_a_plan_verb_owns_the_texts_plan():
    text = (
        "衢州30亿元交通投资力争开门红\n\n"
        "新年伊始,衢州市交通运输局围绕全年交通固定资产计划投资30亿元的目标,创新工作方法,"
        "组织起草全年责任分解表,全力确保交通项目建设提质加速。\n\n"
        "一是集中启动一批新开工项目。新建客运东站等3个项目,力争建成客运新站。\n"
    )
    assert set(owners(text)) == {"衢州市交通运输局"}
    # a bureau that only reports (发布) is not the plan's subject
    from luoshi.core.intake.document import _opening_bureau
    from luoshi.core.intake.repair import repair_lines

    report = text.replace("衢州市交通运输局围绕", "衢州市交通运输局发布消息,全市围绕")
    repaired, _, lines = repair_lines(report)
    assert _opening_bureau(repaired, lines) is None
    repaired, _, lines = repair_lines(text)
    assert _opening_bureau(repaired, lines) == "衢州市交通运输局"


def test_a_closing_bracket_of_leading_units_with_their_helpers_owns_the_item():
    text = (
        "2026年重点工作任务分工\n"
        "  一、推动完成地区生产总值增长5%左右、城镇新增就业40万人以上等主要预期目标。"
        "〔省发展改革委、省财政厅、省人力资源社会保障厅等牵头,省(中)直有关单位按职责分工负责〕\n"
    )
    got = items(text)
    assert set(it["owner"] for it in got if it["kind"] == "target") == {"省发展改革委"}
    assert got[0].get("co_owners") == ["省财政厅", "省人力资源社会保障厅"]
    # a bracket that leads nothing (an aside) names no owner
    aside = text.replace("等牵头,省(中)直有关单位按职责分工负责", "等数据来源")
    assert "省发展改革委" not in [it["owner"] for it in items(aside)]


def test_a_governments_office_written_short_is_its_government():
    from luoshi.core.intake.owners import government_place, is_government

    # 县府办, 市府办: the office of the county's or the city's government, as a source line
    # prints it; the document rule writes it as the jurisdiction
    assert is_government("县府办") and government_place("县府办") == "县"
    assert government_place("衢江区府办") == "衢江区"
    # 府办 alone, or a bureau's office, is none
    assert not is_government("府办") and not is_government("县教育局办公室")
    text = (
        "2026年度政府工作报告重点任务\n信息来源:县府办\n"
        "深化创新体系建设。完善科创平台建设,完成投资15亿元,举办科技对接活动50场以上。\n"
    )
    assert all(o != "县府办" and not o.startswith("完善") for o in owners(text))


def test_a_title_the_text_strives_for_is_not_the_whole_country_speaking():
    from luoshi.core.intake.owner_choice import _whole_before

    text = "创建全国学前教育普及普惠县,引进高水平本科院校1所。"
    assert _whole_before(text, 0, len(text)) is None
    # 全国 as the paragraph's own whole still speaks for the country
    national = "2026年全国安全生产控制考核指标已经确定,较大事故起数下降3%。"
    assert _whole_before(national, 0, len(national)) == "全国"
    # a whole word after the title (争创全国文明城市,全市…) is the text's
    both = "争创全国文明城市,全市新增绿地100公顷。"
    assert _whole_before(both, 0, len(both)) == "全市"


def test_a_quoted_remark_that_opens_on_a_unit_gives_it_its_figure():
    from luoshi.core.intake.owners import subject_owner

    text = (
        "宁夏回族自治区政府召开民生计划推进会。截至10月底,30件实事中23件提前完成。\n"
        "“商务厅牵头建设50家放心肉示范店,已建成49家,最后那一家建在哪里?”\n"
    )
    assert "商务厅" in owners(text)
    remark = "“商务厅牵头建设50家放心肉示范店"
    assert subject_owner(remark, 0, len(remark)) == "商务厅"
    # a quoted slogan is no unit
    slogan = "“十大工程”建设50家放心肉示范店"
    assert subject_owner(slogan, 0, len(slogan)) is None


def test_an_items_task_target_field_is_owned_by_the_lead_unit_line_above_it():
    text = (
        "关于下达2026年县政府民生实事项目任务的通知\n\n"
        "一、老旧小区改造项目\n\n牵头领导:某某\n\n牵头单位:县城管执法局\n\n"
        "责任单位:某某镇任务目标:2026年计划改造完成住宅小区,改造总建筑面积不少于10万平方米。\n\n"
        "二、新建公共充电桩项目\n\n牵头领导:某某\n\n"
        "任务目标:2026年计划共完成300个公共充电桩建设。\n"
    )
    got = [(it["owner"], it["why"]["owner"]) for it in items(text)]
    assert got[0] == ("县城管执法局", "owner.label_line")
    # the next item has no lead line of its own: the one above another item's title is not its
    assert all(o != "县城管执法局" for o, _ in got[1:])


def test_a_place_that_opened_a_plan_goes_on_owning_the_paragraphs_later_sentences():
    text = (
        "2026年青海省交通运输工作会议召开\n"
        "据青海省交通运输厅介绍,今年计划完成交通投资300亿元。\n"
        "今年,青海将创建示范县10个以上。创建管养示范路段14条以上,打造服务区6对。\n"
        "建成农村公路1000公里。\n"
    )
    got = [(it["owner"], it["why"]["owner"]) for it in items(text) if it["kind"] == "target"]
    assert [o for o, w in got if w == "owner.place_subject"] == ["青海省"] * 3
    # the next paragraph is the page's bureau's again
    assert got[-1][1] != "owner.place_subject"


def test_a_head_whose_party_post_is_closed_by_a_comma_still_presents_his_bodys_plan():
    from luoshi.core.intake.owners import reporters

    said = "市招商投资局党组成员,副局长某某某介绍,今年全市招商总体目标是完成资金到位额4200亿元。"
    assert reporters(said) == [(0, "市招商投资局")]
    # a comma after the body with no post names no head of it
    listed = "市招商投资局,某某某介绍,今年全市招商总体目标是完成资金到位额4200亿元。"
    assert reporters(listed) == []


def test_a_place_heading_a_list_of_parts_does_not_carry_to_the_next_clauses():
    text = (
        "记者从天津市招商引资工作推动会上获悉,全市一季度完成招商引资项目1012个。\n"
        "滨海新区、中心城区、其他区县三个层面协调发展,占全市比重分别为23%、23%和54%;"
        "亿元以上项目到位资金422.82亿元,占79%;新增项目881个。\n"
    )
    assert "滨海新区" not in stat_owners(text)[-2:]
    # a place that opens its sentence alone carries on
    alone = text.replace("滨海新区、中心城区、其他区县三个层面协调发展", "滨海新区协调发展")
    assert stat_owners(alone)[-1] == "滨海新区"
