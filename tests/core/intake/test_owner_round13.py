"""Owners, round thirteen: places named alone as labels, a province after 为 (issue 15).

Each rule has an invented example that it decides and one that it leaves alone. The
place rules read the gazetteer (owners.toml [places]), so the places are real names.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import place_label, printed_places


def _owners(text, year=2020):
    return [(it["value"], it["owner"]) for it in extract(text, year).items]


def test_a_place_label_is_a_place_and_nothing_else():
    assert place_label("樊城区") == "樊城区"
    assert place_label("宜城市 。") == "宜城市"
    assert place_label("襄阳") == "襄阳"  # a city of the gazetteer by its stem
    assert place_label("江西") == "江西"
    assert place_label("重点工作") is None
    assert place_label("主要预期目标") is None
    assert place_label("全市") is None
    assert place_label("各县区") is None


# a county-by-county report: each paragraph opens on its place as a sentence of its own


def test_each_paragraph_of_a_county_by_county_report_is_its_labels():
    text = (
        "2020年襄阳市重点投资项目推进情况通报\n"
        "全市重点投资项目累计开复工405个。\n"
        "樊城区 。 重点投资项目35个 , 已完成投资23.92亿元 , 占年度计划24.4% 。\n"
        "【2020年襄阳市重点投资项目推进情况通报】宜城市 。 重点投资项目42个 , 已完成投资17.41亿元 。\n"
    )
    owners = dict(_owners(text))
    assert owners[405.0] == "襄阳市"
    assert owners[35.0] == owners[2392000000.0] == owners[24.4] == "樊城区"
    assert owners[42.0] == owners[1741000000.0] == "宜城市"


def test_one_place_opening_a_headline_labels_nothing():
    # 贵州:今年… names where the news is from; the figure is the meeting's
    text = (
        "襄阳:今年重点投资项目35个\n"
        "1月16日,从襄阳市发展和改革委员会获悉,今年全市已完成投资23.92亿元。\n"
    )
    why = [it["why"]["owner"] for it in extract(text, 2020).items]
    assert "owner.place_label" not in why


# a roundup: each place's part under a line that names it alone


def test_each_part_of_a_roundup_belongs_to_the_place_on_the_line_above():
    text = (
        "主要预期目标 湖北各市今年这样干\n"
        "各地市今年的目标相继出炉。\n"
        "襄阳\n●地区生产总值增长6%以上\n●固定资产投资增长8%以上\n"
        "重点工作\n1.强化科技创新支撑能力\n"
        "宜昌\n●地区生产总值增长8.5%以上\n"
    )
    assert _owners(text, 2021) == [(6.0, "襄阳"), (8.0, "襄阳"), (8.5, "宜昌")]


def test_one_place_alone_on_a_line_is_no_roundup():
    text = "湖北襄阳今年这样干\n襄阳\n●地区生产总值增长6%以上\n●固定资产投资增长8%以上\n"
    why = [it["why"]["owner"] for it in extract(text, 2021).items]
    assert "owner.place_label" not in why


# a province named once, after the preposition 为, is the text's province


def test_a_province_after_wei_is_the_province_of_quan_sheng():
    text = (
        "(一)指导思想。\n坚持安全发展,为江西科学发展创造良好的安全生产环境。\n"
        "(二)主要目标。\n到2015年,全省生产安全事故死亡人数控制在1800人左右。\n"
    )
    assert _owners(text, 2011) == [(1800.0, "江西省")]


def test_a_province_opening_an_institutions_name_after_wei_is_not_the_texts():
    text = (
        "(一)指导思想。\n坚持安全发展,为江西财经大学师生创造良好的环境。\n"
        "(二)主要目标。\n到2015年,全省生产安全事故死亡人数控制在1800人左右。\n"
    )
    assert _owners(text, 2011) == [(1800.0, "全省")]


# a place named as another's peer in a ranking is not the subject of the text's figures


def test_a_peer_in_a_ranking_is_not_the_texts_place():
    text = (
        "我州全力以赴确保实现一季度开门红。2017年,全州地区生产总值同比增长11%,"
        "增速与保山市并列全省第一。\n2018年,共计划实施169项重点建设项目,计划完成投资170.5亿元。"
    )
    assert dict(_owners(text, 2018))[169.0] != "保山市"


def test_a_place_ranked_on_its_own_is_still_read():
    text = (
        "2017年,保山市地区生产总值同比增长11%,增速位居全省第一。\n"
        "2018年,共计划实施169项重点建设项目,计划完成投资170.5亿元。"
    )
    assert dict(_owners(text, 2018))[169.0] == "保山市"


# 全州 printed bare is the whole prefecture, not the county 全州县


def test_quan_zhou_bare_is_the_whole_prefecture_not_a_county():
    printed = {p.name for p in printed_places("2017年,全州地区生产总值同比增长11%。")}
    assert "全州县" not in printed


def test_quan_zhou_xian_with_its_level_is_the_county():
    printed = {p.name for p in printed_places("2017年,全州县地区生产总值同比增长11%。")}
    assert "全州县" in printed


# a unit's own results: a task force opening the sentence, a unit or a place opening a
# numbered item of a list of units


def test_a_task_forces_results_are_its_own():
    text = (
        "2021年一季度七星关区招商引资工作通报\n二、工作完成情况\n按专班划分:\n"
        "新型工业化专班项目编制任务数88个,完成编制10个,完成率11%。\n"
        "新型城镇化专班项目编制任务数124个,完成编制14个,完成率11.29%。\n"
    )
    owners = dict(_owners(text, 2021))
    assert owners[10.0] == owners[11.0] == "新型工业化专班"
    assert owners[14.0] == owners[11.29] == "新型城镇化专班"


def test_each_numbered_unit_or_place_owns_its_results():
    text = (
        "丹凤县人民政府办公室关于1-6月份全县招商引资目标任务完成情况的通报\n"
        "1-6月份,全县招商引资累计到位资金159145万元,完成年度目标任务的10.61%。\n"
        "(一)任务完成相对较好的镇(办)有:\n"
        "1.棣花镇(1-6月份累计到位资金9050万元,占年度目标任务的36.2%);\n"
        "(二)任务完成相对较好的部门(单位)有:\n"
        "1.县发改局(1-6月份累计到位资金18000万元,占年度目标任务的30%);\n"
    )
    owners = dict(_owners(text, 2023))
    assert owners[1591450000.0] == "丹凤县"
    assert owners[90500000.0] == owners[36.2] == "棣花镇"
    assert owners[180000000.0] == owners[30.0] == "县发改局"


def test_a_bureau_opening_a_plain_sentence_reports_its_jurisdictions_figures():
    text = (
        "海口市2020年重点项目推进情况\n"
        "2020年,市发展改革委统筹推进重点项目,全市累计完成投资180亿元,完成率27%。\n"
    )
    owners = dict(_owners(text, 2020))
    assert owners[18000000000.0] != "市发展改革委"


def test_the_same_figure_of_two_labelled_places_is_two_facts():
    text = (
        "2020年襄阳市重点投资项目推进情况通报\n"
        "樊城区 。 市级重点技改类项目3个 , 已完成投资0.78亿元 。\n"
        "宜城市 。 市级重点技改类项目3个 , 已完成投资1.08亿元 。\n"
    )
    threes = [owner for value, owner in _owners(text) if value == 3.0]
    assert threes == ["樊城区", "宜城市"]


# a place's stem inside a university's or a listed work's name is no printing of the place


def test_a_stem_opening_a_universitys_name_is_not_the_place():
    assert not printed_places("联合光机所、应化所、长春理工大学新建3个概念验证中心。")
    assert {p.name for p in printed_places("长春市新建3个概念验证中心。")} == {"长春市"}


def test_a_stem_opening_a_listed_works_name_is_not_the_place():
    sample = (
        "加快奥来德新型显示材料、宽城中粮油脂等在建产业项目建设,大唐二热、榆树风电制氢合成氨"
        "等220个亿元以上产业项目开工建设。支持吉光、三江、长白山3个创新型省实验室投入运行。"
    )
    assert not {"榆树市", "宽城县", "三江县", "长白县"} & {p.name for p in printed_places(sample)}
    assert "榆树市" in {p.name for p in printed_places("今年,榆树、农安两地新建项目20个。")}


# a named place after a word of comparison is the base, not the subject


def test_a_named_place_compared_with_is_not_the_subject():
    text = (
        "1-11月,内蒙古自治区固定资产投资同比增长21.2%,高于西部省区22.1个百分点,"
        "预计全年增长20%左右。制造业投资增长52%。"
    )
    owners = dict(_owners(text, 2023))
    assert "西部省区" not in owners.values()


def test_a_named_place_opening_its_own_clause_is_still_the_subject():
    text = "1-11月,内蒙古自治区固定资产投资同比增长21.2%,西部省区增长3.1%。"
    assert dict(_owners(text, 2023))[3.1] == "西部省区"


# an owner's bracket cut off by the page's end: its lead units


def test_the_lead_of_an_owner_bracket_cut_off_at_the_end_owns_the_item():
    text = (
        "2023年区政府主要工作目标任务分解落实方案\n"
        "4﹒全年安排重大项目107个,当年计划完成投资167亿元。(区发改委主办,区教育局、区建设局、城建集"
    )
    assert dict(_owners(text, 2023))[107.0] == "区发改委"


def test_an_aside_left_open_names_no_owner():
    text = (
        "2023年区政府主要工作目标任务分解落实方案\n"
        "4﹒全年安排重大项目107个,当年计划完成投资167亿元。(其中市级项目负责,区级项目"
    )
    assert dict(_owners(text, 2023))[107.0] != "其中市级项目"


# a dateline's place, a place opening a listed project's name: no printing of the text's place


def test_a_datelines_place_is_not_the_texts():
    assert not printed_places("  本报海口11月26日电 (记者陈伟光)18日,全省集中开工项目129个。")
    assert {p.name for p in printed_places("18日,海口市集中开工项目129个。")} == {"海口市"}


def test_a_place_opening_a_listed_projects_name_is_not_the_texts():
    sample = "包括快速路(二期)、海口哈罗公学项目、保亭冰雪项目等。\n  海口市国际免税城项目、某某项目开工。"
    assert not printed_places(sample)
    assert printed_places("今年,海口加快项目建设。")


# a headline opening on a bare province and a colon names the text's province


def test_a_headline_province_before_a_colon_is_the_texts():
    text = (
        "字号:\n\n海南:项目建设提速 投资结构更优\n\n2019年11月27日 10:55 来源:人民日报海外版\n\n"
        "  海南:项目建设提速 投资结构更优 去年11月迄今,集中开工项目793个\n\n"
        "  本报海口11月26日电 18日,第七批项目集中开工和签约在全省各市县同步举行。"
        "其中总投资50亿元以上项目3个,计划年底前完成投资105亿元。\n"
    )
    assert dict(_owners(text, 2019))[10500000000.0] == "海南省"


def test_a_headline_province_naming_its_paper_is_not_the_texts():
    text = "海南日报:项目建设提速\n  18日,江门市集中开工项目,计划年底前完成投资105亿元。\n"
    assert dict(_owners(text, 2019))[10500000000.0] != "海南省"


# a stem inside a bureau's name, a function word before a level: no place


def test_a_stem_inside_a_bureaus_name_is_not_the_place():
    assert not printed_places("市经济合作局创新方式促进招商提质增效。")
    assert {p.name for p in printed_places("合作市经济发展稳中向好。")} == {"合作市"}


def test_a_function_word_run_into_a_level_is_no_organisation():
    from luoshi.core.intake.owners import is_organisation

    assert not is_organisation("均按照市")
    assert is_organisation("唐山市")


# a league's or a banner's text: 全盟, 我旗 are its whole


def test_a_leagues_text_owns_its_plan_as_quan_meng():
    text = "今年以来,我盟计划实施重点建设项目100个,年度投资195亿元。\n"
    owners = dict(_owners(text, 2021))
    assert owners[100.0] == owners[19500000000.0] == "全盟"


def test_a_banners_text_that_never_names_it_owns_its_plan_as_quan_qi():
    text = "综合研判我旗经济社会发展面临的新形势,建议我旗地区生产总值增长6.5%左右。\n"
    assert dict(_owners(text, 2024))[6.5] == "全旗"


# a county text that names its government only in its metadata: that county


def test_a_county_named_only_by_its_government_in_the_metadata_owns_quan_xian():
    text = (
        "文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | || 公开责任部门 | "
        "紫阳县政府办公室 | 成文日期: | 2022年09月14日 |\n"
        "近期,县政府督查室对会议确定事项进行了督查。全县22件事项已办结6件,占比27%。\n"
    )
    assert dict(_owners(text, 2022))[6.0] == "紫阳县"


def test_a_county_named_as_a_verb_is_not_the_texts():
    text = "全县65件民生实事已完成26件。县发改委要会同县督查落实办对相关工作进行督查。\n"
    assert dict(_owners(text, 2023))[26.0] == "全县"
