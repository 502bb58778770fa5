"""What an organisation's name opens with (issue 15, cold failures of batches 19-20).

Invented texts; real names only where the phenomenon is the form of a real name
(a province, a city whose name opens with a counter character).
"""

import pytest

from luoshi.core.intake import extract
from luoshi.core.intake.owners import clean_unit


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("个湖南省发改委", "湖南省发改委"),
        ("家市商务局", "市商务局"),
        ("项县交通运输局", "县交通运输局"),
        # a city whose name opens with a counter character keeps it
        ("个旧市发改委", "个旧市发改委"),
        ("项城市商务局", "项城市商务局"),
        ("台州市交通运输局", "台州市交通运输局"),
    ],
)
def test_a_counter_never_opens_an_organisations_name(raw, name):
    assert clean_unit(raw) == name


def test_a_headline_run_into_the_reporting_body_loses_its_counter():
    text = (
        "临川新开工项目12个湖南省发改委网站公布全年计划\n"
        "今年全省计划安排重点项目100个,年度计划投资600亿元。\n"
    )
    owners = {it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"}
    assert owners == {"湖南省发改委"}


def test_a_banners_plan_is_the_banners_not_the_leagues_city():
    text = (
        "认真落实市委全会暨全市经济工作会议部署,奋力开创现代化临河右旗建设新局面。\n"
        "综合研判我旗发展形势,建议今年全旗主要预期目标确定为:地区生产总值增长6%左右,"
        "固定资产投资增长10%。全旗上下要狠抓落实。\n"
    )
    owners = {it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"}
    assert owners == {"临河右旗"}


def test_a_banner_unnamed_is_written_as_the_text_calls_itself():
    text = (
        "落实全市经济工作会议部署。\n"
        "建议今年全旗主要预期目标确定为:地区生产总值增长6%左右,固定资产投资增长10%。"
        "全旗上下要狠抓落实。\n"
    )
    owners = {it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"}
    assert owners == {"全旗"}


def test_the_bureau_whose_head_gives_the_meetings_titled_report_owns_its_goals():
    text = (
        "全市水利工作会议召开\n1月10日,全市水利工作会议召开。市水利局党委书记、局长某某"
        "作题为《守牢水旱灾害防御安全底线,加快构建现代水网,建设造福人民的幸福河湖,为全市高质量发展提供水利支撑》的工作报告。\n"
        "2025年,全市完成水利投资10亿元。2026年计划完成水利投资12亿元。\n"
    )
    owners = [it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"]
    assert owners == ["市水利局"]


def test_a_prefecture_the_sentences_speak_of_owns_them_not_the_province_of_an_event_name():
    text = (
        "临北州招商引资工作取得成果\n"
        "上半年,临北州加大招商引资力度,在2026中国湖南投资贸易洽谈会上,临北州签约项目12个,"
        "完成签约目标30亿元的110%。临北州下半年计划引进项目20个。\n"
    )
    owners = {it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"}
    assert owners == {"临北州"}


def test_a_province_after_china_in_an_events_name_is_no_place():
    from luoshi.core.intake.owners import find_regions

    assert [w for _s, _e, w in find_regions("在中国湖南投资贸易洽谈会上", [])] == []
    assert [w for _s, _e, w in find_regions("中国湖南省今年要", [])] == ["湖南"]
