"""Owners that are not organisations, round 4 (issue 15, cold failures of batches 27-28).

Invented names: an owner is an organisation, a government or a named group of
units; a room, a paper's wording, a slogan or a fragment cut out of a sentence is
none, and the engine then leaves the owner to another rule or to null.
"""

import pytest

from luoshi.core.intake import extract
from luoshi.core.intake.owners import is_organisation


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        # owners.vetoes: a meeting's venue ends in 厅/中心 but is a room
        ("市政务服务中心三楼报告厅", False),
        ("区行政中心第一会议室", False),
        ("市人民礼堂", False),
        ("市政务服务中心", True),
        ("省住房和城乡建设厅", True),
        # owners.vetoes: a motion's wording (…报告提请自治区…) is a paper, not its government
        ("计划报告提请自治区", False),
        ("自治区发改委", True),
        # owners.not_endings: a slogan's pair (二产看市, 三产看县) measures a sector by a level
        ("三产看县", False),
        ("二产看市", False),
        ("县看守所", True),
        # owners.not_places: an organ before its government (省委省政府 cut to 省委省)
        ("省委省", False),
        ("市委市", False),
        ("省委", True),
        ("市委办", True),
        # owners.not_places: an inside word (市内县际间)
        ("市内县", False),
        ("内江市", True),
        # owners.not_starts: a verb before the levels it lists (列入省市十大实事)
        ("列入省市", False),
        ("列入县", False),
        ("临川市", True),
    ],
)
def test_a_room_a_paper_a_slogan_or_a_fragment_owns_nothing(name, owner):
    assert is_organisation(name) is owner


def _target_owners(text: str) -> set[str | None]:
    return {it["owner"] for it in extract(text, year=2026).items if it["kind"] == "target"}


def test_the_national_work_report_is_the_state_councils():
    # document._national_work_report: a 政府工作报告 that names no place and counts the
    # national product
    text = (
        "2026政府工作报告要点\n"
        "今年发展主要预期目标是:国内生产总值增长5%左右,城镇新增就业1200万人以上。\n"
    )
    assert _target_owners(text) == {"国务院"}


def test_a_places_work_report_is_not_the_state_councils():
    # ... a place's report counts its 地区生产总值
    text = (
        "2026政府工作报告要点\n"
        "今年全市发展主要预期目标是:地区生产总值增长5%左右,城镇新增就业1.2万人以上。\n"
    )
    assert "国务院" not in _target_owners(text)


def test_a_zones_newspaper_page_is_the_zones():
    # document._ZONE_PAGE: a page given to a development zone (第3版:今日高新区·…)
    text = (
        "2026年03月01日 临川日报\n"
        "第3版:今日高新区·特别报道\n"
        "2026年目标任务\n"
        "实现地区生产总值增长7%以上;规上工业增加值增长9%左右。\n"
    )
    assert _target_owners(text) == {"高新区"}


def test_a_page_of_another_name_gives_no_zone():
    text = (
        "2026年03月01日 临川日报\n"
        "第3版:今日视点·特别报道\n"
        "2026年目标任务\n"
        "实现地区生产总值增长7%以上;规上工业增加值增长9%左右。\n"
    )
    assert "高新区" not in _target_owners(text)


def test_a_quota_for_each_member_of_a_named_group_is_the_groups():
    # owner.each_group with owners.groups' 县(市、区)
    text = "今年要抓好项目建设,每个县(市、区)至少落地5个亿元以上产业项目。\n"
    assert _target_owners(text) == {"县(市、区)"}


def test_a_quota_for_a_place_that_is_no_group_stays_the_places():
    text = "今年要抓好项目建设,每个园区至少落地5个亿元以上产业项目。\n"
    assert "园区" not in _target_owners(text)
