"""Owners that documents outside the corpus name, with invented texts.

Each text is made up for the test (no real official, figure or document); the
places are real names only where the phenomenon is a real name's form (a
province, an autonomous region, the State Council).
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import is_organisation


def _owners(text, year=2026):
    return [it["owner"] for it in extract(text, year=year).items if it["kind"] == "target"]


def test_a_province_whose_governor_gives_the_report_owns_its_targets():
    text = (
        "湖南省省长某某作政府工作报告。\n"
        "今年经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇新增就业70万人以上。\n"
    )
    assert _owners(text) == ["湖南省", "湖南省"]


def test_the_state_council_owns_the_national_report():
    text = (
        "国务院总理某某向大会作政府工作报告。\n"
        "今年发展主要预期目标是:国内生产总值增长5%左右;城镇新增就业1200万人以上。\n"
    )
    assert _owners(text) == ["国务院", "国务院"]


def test_a_township_head_gives_the_township_report():
    text = (
        "青石乡乡长某某作政府工作报告。\n"
        "今年主要目标是:确保粮食播种面积2.5万亩以上,种植油菜1200亩。\n"
    )
    assert _owners(text) == ["青石乡", "青石乡"]


def test_an_autonomous_region_is_not_a_city():
    # a regional daily (宁夏日报) does not make a city 宁夏市
    for name in ("宁夏市", "西藏市", "新疆市", "广西市", "内蒙古市"):
        assert not is_organisation(name), name
    assert is_organisation("区农业农村委") and not is_organisation("某村委")
    text = "来源:宁夏日报\n今年,我区共安排重点建设项目90个,当年计划投资877亿元。\n"
    assert "宁夏市" not in _owners(text)


def test_an_unnamed_city_speaking_of_itself_is_written_whole():
    # 本市 / 我县 are the jurisdiction the text speaks for: the named city, else 全市
    text = "今年本市安排正式项目62项,预备项目7项。\n"
    assert _owners(text) == ["全市", "全市"]
    text = "2026年,市上下达我县新包装推出项目任务10个。\n"
    assert _owners(text) == ["全县"]


def test_a_flattened_row_names_its_unit_in_the_cell_after_the_item():
    text = (
        "2026年区政府工作报告目标任务上半年推进情况汇总表\n"
        "序号 目标任务 责任单位 上半年推进情况\n"
        "1 工业投资增长12%。 区经济信息委 工业投资同比增长23.5%。\n"
        "2 第一产业增加值增长5%。 区农业农村委\n"
        "区林业局\n"
        "第一产业增加值同比增长3.4%。\n"
    )
    items = extract(text, year=2026).items
    owners = {it["value"]: it["owner"] for it in items}
    assert (owners[12.0], owners[5.0]) == ("区经济信息委", "区农业农村委、区林业局")


def test_a_marker_with_a_lead_and_helpers_gives_the_item_to_the_lead():
    # 主办 leads, 协办 helps: the helpers are not owners, as a 配合单位 column is not
    text = "(三)全社会固定资产投资增长20%以上。(某省发改委主办,某省工信委、住建厅协办)\n"
    assert _owners(text, year=2013) == ["某省发改委"]
    text = "(七)城镇居民收入增长9%以上。(某省发改委、农委分别负责)\n"
    assert _owners(text, year=2013) == ["某省发改委"]
    (item,) = extract(text, year=2013).items
    assert item["co_owners"] == ["农委"]


def test_the_government_whose_head_is_interviewed_owns_the_figures():
    text = (
        "某某区区长某某\n"
        "主持人:今年有哪些重点工作?\n"
        "某某:今年,我们力争实际利用外资突破10亿美元,净增规模以上工业企业50家。\n"
    )
    assert _owners(text, year=2019) == ["某某区", "某某区"]


def test_a_lead_unit_line_below_an_item_owns_it_and_the_next_item_stays_apart():
    text = (
        "一、主要预期目标\n\n"
        "1.地区生产总值增长6%左右。\n\n"
        "牵头单位:某区发改局\n\n"
        "责任单位:某经济开发区,各街道\n\n"
        "2.社会消费品零售总额增长9%左右。\n\n"
        "牵头单位:某区商务局\n\n"
        "责任单位:各街道\n"
    )
    r = extract(text, year=2023)
    assert "各街道\n\n2.社会消费品" in r.text
    assert [it["owner"] for it in r.items] == ["某区发改局", "某区商务局"]
