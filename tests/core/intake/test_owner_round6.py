"""Owners on unseen documents, round 6 (issue 15): the body a document is by or about.

Invented texts.  A government's work report whose title names the district with its
city (齐齐哈尔市铁锋区人民政府工作报告) is that district's; a place's stem inside a
sector's word (新兴产业 holds 新兴 of 新兴县) names no place.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.document import _byline_bureau, _headline_bureau, _issuers, doc_context
from luoshi.core.intake.owners import (
    find_regions,
    is_group,
    is_organisation,
    opening_place,
    place_of_unit,
    printed_places,
    subject_owner,
)
from luoshi.core.intake.repair import repair_lines


def owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]


def test_a_work_report_titled_with_city_and_district_is_the_districts():
    text = (
        "(青湖)临川市鹤城区人民政府工作报告(2026年1月10日)\n\n"
        "二、2026年主要目标\n\n"
        "经济发展主要预期目标是:地区生产总值增长5%;全社会固定资产投资增长6%。\n"
    )
    assert owners(text) == ["临川市鹤城区", "临川市鹤城区"]


def test_a_stem_in_a_sectors_word_is_no_place():
    # 新兴 (新兴县) and 新兴产业, 新兴业态: the word
    names = [p.name for p in printed_places("加快推动新兴产业发展,培育新兴业态。")]
    assert "新兴县" not in names
    assert [p.name for p in printed_places("新兴县今年新建学校3所,建设新兴。")] == ["新兴县"]


def statistic_owners(text: str) -> list[str | None]:
    return [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "statistic"]


def test_a_prefecture_that_calls_itself_quanzhou_is_named():
    # 全州/我州 of a prefecture's text that names it (青湖州): the prefecture
    text = "青湖州前7月固定资产投资增速居全省第三位\n1至7月,全州共完成投资861亿元,同比增长30%。\n"
    assert set(statistic_owners(text)) == {"青湖州"}
    # a text that never names its prefecture keeps 全州
    unnamed = "1至7月,全州共完成投资861亿元,同比增长30%。\n"
    assert set(statistic_owners(unnamed)) == {"全州"}


def test_a_quota_for_each_of_the_levels_under_a_league_is_the_groups():
    # 今年每个旗县市区…: the clause may open with its year; the levels run together
    text = "今年每个旗县市区至少要建成3个重点项目。"
    assert owners(text) == ["旗县市区"]
    assert is_group("县市区") and is_group("旗县市区")
    # 市区 is the urban area, no group
    assert not is_group("市区")


def test_a_group_of_levels_is_not_the_texts_district():
    # 县市区 printed often is a group of places, never the district the text is about
    text = (
        "青湖州重点项目推进情况\n"
        "州直项目58个;县市区项目258个。县市区完成投资359亿元,县市区开工率90%。\n"
    )
    repaired, _index, lines = repair_lines(text)
    assert doc_context(repaired, lines, 2026).district is None


def test_a_text_that_opens_on_a_league_is_about_it():
    assert opening_place("锡林郭勒盟全面贯彻落实自治区党代会精神") == "锡林郭勒盟"
    assert opening_place("大兴安岭地区始终将项目建设作为总抓手") == "大兴安岭地区"
    # a paper or a zone of the place names no subject; a word is no place
    assert opening_place("锡林郭勒盟日报讯") is None
    assert opening_place("全盟上下全面贯彻") is None
    text = (
        "锡林郭勒盟全面贯彻落实自治区党代会精神,扎实做好稳增长各项工作。\n"
        "一是抓好重点项目建设。全力推进190个盟级重点项目建设,确保年内完成投资675亿元以上。\n"
    )
    assert set(owners(text)) == {"锡林郭勒盟"}


def test_the_body_that_hands_a_quota_down_does_not_own_it():
    # 市安委会下达我区…: the district that receives the quota owns it
    text = (
        "临川市鹤城区人民政府关于安全生产控制考核指标的通知\n"
        "临川市安全生产委员会下达我区2026年度安全生产控制考核指标计97人。\n"
    )
    assert owners(text) == ["临川市鹤城区"]
    assert subject_owner("市安全生产委员会要完成指标", 0, 12) == "市安全生产委员会"
    assert subject_owner("市安全生产委员会下达我区指标", 0, 13) is None
    # a place that hands a task down is no region of the sentence
    assert [r[2] for r in find_regions("占到了吕梁市下达任务120公里的330%", [])] == []
    assert [r[2] for r in find_regions("吕梁市完成任务120公里", ["吕梁市"])] == ["吕梁市"]


# a county's text that calls itself 全县/我县 and names its county once, late
_COUNTY_TEXT = (
    "今年全县经济工作的总体要求是稳中求进。\n"
    + "全县上下坚持稳中求进工作总基调,统筹推进各项工作。\n" * 20
    + "全县全年计划新建农村公路50公里,新增城镇就业3000人以上。\n"
    "我县将继续推进项目建设。\n会议在{place}举行,与会人员进行了讨论。\n"
)


def test_a_county_named_once_is_the_texts_quanxian():
    assert set(owners(_COUNTY_TEXT.format(place="松阳县"))) == {"松阳县"}
    # two counties named: neither is the text's own
    assert set(owners(_COUNTY_TEXT.format(place="松阳县和缙云县交界处"))) == {"全县"}


_NEWS_BODY = "今年1到10月,招商引资到位资金超历史同期水平。今年计划新签约项目50个以上。\n"


def test_a_headline_that_opens_on_a_bureau_is_its_news():
    text = "临川市商务局招商引资工作取得实效\n" + _NEWS_BODY
    assert owners(text) == ["临川市商务局"]
    # its head is no subject the bureau owns the text as
    assert _headline_bureau(["临川市商务局局长王某某调研企业"]) is None
    # a government is written as its place
    assert _headline_bureau(["临川市人民政府召开常务会议"]) == "临川市"


def test_a_byline_names_the_bureau_that_wrote_the_page():
    for byline in ("(临川市商务局 王某某)", "(临川市商务局供稿)", "文/临川市商务局 王某某"):
        text = "招商引资工作取得实效\n" + _NEWS_BODY + byline + "\n"
        assert owners(text) == ["临川市商务局"], byline
    # a paper's reporter is no bureau; two bureaus, no one author
    assert _byline_bureau("(临川日报记者 王某某)") is None
    assert _byline_bureau("(临川市商务局 王某)\n(临川市财政局 李某)") is None


def test_a_headline_that_opens_on_a_place_is_about_it_whoever_supplied_it():
    text = "海湖州招商引资工作取得可喜成果\n海湖州" + _NEWS_BODY + "(州经商委提供)\n"
    assert "州经商委" not in owners(text)


def test_a_province_inside_a_quoted_name_is_no_place_of_the_text():
    text = (
        "全省交通运输工作会议召开\n"
        "2025年,全省完成交通投资1200亿元,开行“澜湄·云南号”国际货运列车300列。\n"
    )
    assert statistic_owners(text)[0] == "全省"
    named = text.replace("全省完成", "云南省完成")
    assert statistic_owners(named)[0] == "云南省"


def test_a_whole_jurisdiction_a_figure_is_ranked_against_is_not_its_subject():
    text = (
        "上半年,全市完成地区生产总值802亿元,同比增长8.6%,高出全省0.1个百分点,增幅全省排第7位;"
        "固定资产投资增长6.1%,增幅全省排第9位;规模以上工业增加值增长9.1%。\n"
    )
    assert set(statistic_owners(text)) == {"全市"}
    assert [r[2] for r in find_regions("全省完成投资900亿元", [])] == ["全省"]
    assert [r[2] for r in find_regions("增幅全省排第7位,居全国前列", [])] == []


def test_a_plan_report_read_on_behalf_of_the_region_is_the_regions():
    text = (
        "《西藏日报》 《西藏商报》\n\n"
        "西藏自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n\n"
        "各位代表:\n\n受自治区人民政府委托,现将计划草案提请大会审议。\n\n"
        "一、2025年计划执行情况\n\n2025年全年地区生产总值增长9%左右。\n"
    )
    repaired, _index, lines = repair_lines(text)
    doc = doc_context(repaired, lines, 2026)
    # 受自治区 is no place; the paper (西藏日报) is not the form the region is first printed in
    assert "受自治区" not in doc.places
    assert doc.autonomous == "西藏自治区"


def test_wozhou_and_wosheng_are_the_texts_own_jurisdiction():
    # 我州 of a prefecture that never names itself: written whole (全州)
    assert set(statistic_owners("2025年,我州新签约项目280个,协议签约资金583亿元。\n")) == {"全州"}
    assert [r[2] for r in find_regions("今年我省新建基站1200个", [])] == ["我省"]


def test_a_districts_text_that_cites_the_city_once_speaks_for_the_district():
    text = (
        "上半年经济运行情况\n"
        "上半年,全区经济稳中有进,落实全市工作部署,建设首都功能核心区。\n"
        "上半年全区地区生产总值同比增长4.5%,全区规上工业增加值同比增长6.1%。\n"
    )
    assert set(statistic_owners(text)) == {"全区"}
    assert not is_organisation("核心区")


def test_a_township_government_named_with_its_city_speaks_for_the_township():
    text = (
        "临川市鹤城区青湖镇人民政府2026年工作计划\n"
        "2025年,全镇完成固定资产投资3.2亿元,同比增长8%。\n"
        "2026年,全镇计划完成固定资产投资3.5亿元。\n"
    )
    assert set(statistic_owners(text)) == {"青湖镇"}


def test_a_prefecture_named_diqu_is_its_quanqu():
    text = (
        "阿里地区重点项目建设新闻发布会召开\n"
        "阿里地区始终将项目建设作为经济工作的总抓手,预计上半年全区固定资产投资增长50%以上。\n"
        "今年阿里地区强力推进139个重点项目。\n"
    )
    assert set(statistic_owners(text)) == {"阿里地区"}


def test_a_province_printed_once_inside_a_name_is_not_the_texts():
    base = "全省重点项目建设推进会召开\n2025年,全省完成重点项目投资900亿元。\n"
    # 华电黑龙江区域, 青海大学: a word of a name
    assert statistic_owners(base + "华电黑龙江区域公司参加会议。\n")[0] == "全省"
    assert statistic_owners(base + "会议在青海大学举行。\n")[0] == "全省"
    # a province's paper on its own, or the province with its level word, names it
    assert statistic_owners("湖南日报讯 " + base)[0] == "湖南省"
    assert statistic_owners(base + "青海省发展改革委参加会议。\n")[0] == "青海省"


def test_a_bureau_named_with_the_places_above_it_speaks_for_the_lowest():
    text = (
        "山东省临川市青湖县招商局2025年工作总结\n2025年,全县共引进项目75个,实际到位资金8.9亿元。\n"
    )
    assert set(statistic_owners(text)) == {"青湖县"}
    # a city of the gazetteer whose name ends like a word (聊城市 ends in 城市) is a place
    assert is_organisation("聊城市") and not is_organisation("城市")


def test_a_byline_under_a_headline_that_says_woxian_names_the_author():
    text = (
        "我县招商引资实现开门红\n今年1月,全县新签约项目12个。今年全县力争签约项目100个以上。\n"
        "(县商务局 王某某)\n"
    )
    assert owners(text) == ["县商务局"]


def test_a_government_that_opens_the_headline_speaks_for_its_place():
    text = (
        "慈溪市政府召开常务会议\n"
        + "全市上下坚持稳中求进工作总基调,统筹推进各项工作。\n" * 20
        + "今年全市计划新建学校10所。\n"
    )
    assert owners(text) == ["慈溪市"]
    assert _headline_bureau(["慈溪市政府召开常务会议"]) == "慈溪市"
    # a government without its place names none
    assert _headline_bureau(["市政府召开常务会议"]) is None


def test_the_zhou_of_a_citys_stem_is_no_level_word():
    assert place_of_unit("杭州市发改委") == "杭州市"
    assert place_of_unit("滁州市人民政府") == "滁州市"
    # a prefecture keeps its 州 (黔西南州), a bare city its stem's form as a city
    assert place_of_unit("黔西南州发改委") == "黔西南州"
    assert place_of_unit("郑州将固定资产投资增长15%") == "郑州市"


def test_a_zone_named_after_a_city_is_not_the_city():
    # 兰州新区 is a state-level new area, not 兰州市: its own goals stay its own
    assert place_of_unit("郑州高新区管委会") != "郑州市"
    text = (
        "兰州新区2026年预期发展目标地区生产总值增长16%以上\n"
        "1月13日上午,兰州新区召开2026年工作会议,部署推进2026年重点工作任务。\n"
        "某某客户端兰州讯(记者某某)1月13日上午,兰州新区召开2026年工作会议。"
        "会议提出,2026年兰州新区地区生产总值增长16%以上,固定资产投资增长10%。\n"
    )
    assert owners(text) == ["兰州新区", "兰州新区"]


def test_a_city_that_opens_its_sentence_owns_its_goals_in_a_comparison_of_cities():
    text = (
        "中部省会城市公布2026年经济增长目标\n"
        "2026年郑州的主要预期目标是生产总值增长7%,固定资产投资增长15%。\n"
        "2026年长沙的主要预期目标是地区生产总值增长7%左右。\n"
    )
    assert owners(text)[:2] == ["郑州市", "郑州市"]


def test_a_work_report_read_on_behalf_of_the_government_is_its_places():
    text = (
        "政府工作报告\n各位代表:\n现在,我代表松阳县人民政府,向大会报告工作。\n"
        "今年全县主要预期目标是:地区生产总值增长6%左右。\n"
    )
    assert owners(text) == ["松阳县"]


def test_a_guest_the_host_introduces_speaks_for_his_bureau():
    text = (
        "【访谈】\n主持人:今天我们请到了松阳县农业农村局局长王某某。\n"
        "王某某:今年我们计划新建高标准农田2万亩。\n"
    )
    assert owners(text) == ["松阳县农业农村局"]


def test_issuers_run_together_are_cut_into_units():
    line = (
        "临川市发展和改革委员会中共临川市委社会工作部临川市住房和城乡建设局"
        "关于印发临川市社区服务设施建设实施方案的通知"
    )
    assert (
        _issuers([line]) == "临川市发展和改革委员会、中共临川市委社会工作部、临川市住房和城乡建设局"
    )
    # a long line of suffixes with no 关于 is read at once (no backtracking blow-up)
    assert _issuers(["局" * 150]) is None
