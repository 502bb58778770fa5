"""A review of a past year read as statistics, decided by the document's structure.

Reports open with what was achieved before they set what is due. The heading of a
part (2025年工作回顾) frames every section under it, however its own heading reads;
the next part (2026年工作安排), or a numbering that starts again, ends the frame.
The texts are invented.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.document import Frame, section_frames
from luoshi.core.intake.repair import repair_lines

REPORT = (
    "某县政府工作报告\n"
    "2025年工作回顾\n"
    "一、农业生产稳中有升\n"
    "全年粮食总产量42.6万吨，增长3.1%。\n"
    "二、工业经济提质增效\n"
    "规上工业增加值增长8.2%，新增规上企业15家。\n"
    "2026年工作安排\n"
    "一、稳住农业基本盘\n"
    "粮食总产量稳定在43万吨以上。\n"
)


def _kinds(text, year=2026):
    return [(it["kind"], it["value"], it["period"]) for it in extract(text, year=year).items]


def test_sections_under_a_review_part_report_results_of_its_year():
    kinds = _kinds(REPORT)
    assert ("statistic", 426000.0, "2025") in kinds
    assert ("statistic", 3.1, "2025") in kinds
    assert ("statistic", 8.2, "2025") in kinds
    assert ("statistic", 15.0, "2025") in kinds
    assert ("target", 430000.0, "2026") in kinds


def test_the_rule_that_decided_names_the_inherited_frame():
    items = extract(REPORT, year=2026).items
    why = {it["value"]: it["why"]["kind"] for it in items}
    assert why[8.2] == "kind.review_part"
    assert why[430000.0] != "kind.review_part"


def test_a_numbering_that_starts_again_ends_the_part_whose_heading_was_lost():
    text = (
        "某县政府工作报告\n"
        "2025年工作回顾\n"
        "一、农业生产稳中有升\n"
        "全年粮食总产量42.6万吨。\n"
        "二、工业经济提质增效\n"
        "新增规上企业15家。\n"
        "一、稳住农业基本盘\n"
        "粮食总产量稳定在43万吨以上。\n"
    )
    rep, _index, lines = repair_lines(text)
    frames = section_frames(rep, lines, 2026)
    by_line = {rep[ln.start : ln.end]: fr for ln, fr in zip(lines, frames, strict=True)}
    assert by_line["新增规上企业15家。"] == Frame("review", 2025, inherited=True)
    assert by_line["粮食总产量稳定在43万吨以上。"].role is None


def test_a_heading_of_its_own_beats_the_part():
    text = (
        "某县政府工作报告\n"
        "2025年工作回顾\n"
        "一、主要指标完成情况\n"
        "地区生产总值增长5.1%。\n"
        "二、2026年主要预期目标\n"
        "(一)经济增长\n"
        "地区生产总值增长5.5%左右。\n"
    )
    assert _kinds(text) == [("statistic", 5.1, "2025"), ("target", 5.5, "2026")]


def test_a_paragraph_that_opens_on_a_past_year_reports_it_until_it_turns():
    text = (
        "某市召开人代会\n"
        "市长在报告中指出,2025年,全市较好地完成了年度目标任务。全年实现地区生产总值"
        "512.3亿元,增长6.2%;社会消费品零售总额201.5亿元。2026年主要预期目标:地区"
        "生产总值增长6%左右。\n"
    )
    kinds = _kinds(text)
    assert ("statistic", 51230000000.0, "2025") in kinds
    assert ("statistic", 6.2, "2025") in kinds
    assert ("statistic", 20150000000.0, "2025") in kinds
    assert ("target", 6.0, "2026") in kinds


def test_a_goal_word_in_a_review_paragraph_turns_it_to_what_is_due():
    text = (
        "某县交通工作会议召开\n"
        "2025年,全县超额完成了公路建设任务。全年完成公路投资12.5亿元。"
        "力争全年新改建农村公路150公里。\n"
    )
    kinds = _kinds(text)
    assert ("statistic", 1250000000.0, "2025") in kinds
    assert ("target", 150.0, "2026") in kinds


def test_a_goal_reported_as_met_is_the_goal_of_the_year_reviewed():
    text = (
        "某省交通工作会议召开\n"
        "会议指出,2025年全省交通运输工作取得新成绩。全年完成投资86.5亿元,"
        "超额完成下达的80亿元目标任务。\n"
    )
    kinds = _kinds(text)
    assert ("statistic", 8650000000.0, "2025") in kinds
    assert ("target", 8000000000.0, "2025") in kinds
