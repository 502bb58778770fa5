"""Owners on unseen documents, round 6 (issue 15): the body a document is by or about.

Invented texts.  A government's work report whose title names the district with its
city (齐齐哈尔市铁锋区人民政府工作报告) is that district's; a place's stem inside a
sector's word (新兴产业 holds 新兴 of 新兴县) names no place.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import printed_places


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
