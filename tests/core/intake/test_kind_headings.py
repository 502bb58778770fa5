"""A numbered heading that closes on a measured figure is an item (issue 15)."""

from luoshi.core.intake import extract
from luoshi.core.intake.numbers_scan import scan_quantities

PLAN = """某区2023年主要目标任务责任分解方案

一、2023年全区经济社会发展的主要预期目标

(一)地区生产总值增长7%以上责任单位:区发展和改革局

(二)规上工业增加值增长12%以上责任单位:区

二、工作要求

(一)加强组织领导

各单位要高度重视。
"""


def test_a_figure_before_a_run_on_owner_label_is_no_size_qualifier():
    text = "地区生产总值增长7%以上责任单位:区发展和改革局"
    assert [(q.value, q.comparator) for q in scan_quantities(text, 0, len(text))] == [(7.0, ">=")]
    # 3000万元以上工业项目: a size, no figure
    text = "新引进3000万元以上工业项目"
    assert scan_quantities(text, 0, len(text)) == []


def test_a_numbered_heading_closing_on_a_figure_is_an_item_owned_by_its_label():
    items = extract(PLAN, year=2023).items
    got = [(it["kind"], it["value"], it["owner"]) for it in items]
    assert got == [("target", 7.0, "区发展和改革局"), ("target", 12.0, None)]
