"""Owners printed after the item they close (issue 15, owner round of batches 13-16).

Invented texts: no real bureau, place or figure.  A breakdown list closes each item
with its unit after the item's full stop (a flattened table row whose rows run
together, a bare bracket, a 负责 marker that the next item follows on the same line,
a bracket of labelled fields at the end of a paragraph); the unit owns that item and
no other.
"""

from luoshi.core.intake import extract
from luoshi.core.intake.owners import closing_cell_owner, labelled_close


def _targets(text, year=2026):
    return [
        (it["owner"], it.get("co_owners"), it["why"]["owner"])
        for it in extract(text, year=year).items
        if it["kind"] == "target" and it["value"] is not None
    ]


def test_rows_run_together_each_take_the_unit_after_their_full_stop():
    text = (
        "一、主要预期目标分解\n\n"
        "1 地区生产总值增长6%以上,服务业占比提高到48.5%. 发改委2 财政收入增长5%. 财政局"
        "3 工业投资增长9%. 工信局、科技局\n"
    )
    got = _targets(text)
    assert [(o, co) for o, co, _ in got] == [
        ("发改委", None),
        ("发改委", None),
        ("财政局", None),
        ("工信局", ["科技局"]),
    ]
    assert {rule for _, _, rule in got} == {"owner.clause_marker"}


def test_a_bare_bracket_after_the_full_stop_closes_a_numbered_item():
    text = "2. 新建充电桩300个以上。(市能源局)\n3. 改造供水管网80公里。(市水务局)\n"
    assert [o for o, _, _ in _targets(text)] == ["市能源局", "市水务局"]


def test_a_unit_after_a_full_stop_without_a_serial_is_not_a_cell():
    # a sentence that happens to end before a unit's name on a line of prose
    text = "全年新建充电桩300个以上。市能源局\n"
    assert closing_cell_owner(text, text.index("300")) is None


def test_a_marker_after_the_full_stop_closes_the_item_before_it_not_the_next():
    text = (
        "常住人口控制在90万人左右。(市卫健委、市公安局牵头)单位能耗降低12%。(市工信局牵头)"
        "森林覆盖率达到45%以上。 (市林业局、\n"
    )
    got = _targets(text)
    assert [(o, co) for o, co, _ in got] == [
        ("市卫健委", ["市公安局"]),
        ("市工信局", None),
        ("市林业局", None),
    ]


def test_a_marker_word_is_never_read_as_part_of_a_closing_cell():
    text = "2.社会消费品零售总额增长6%以上。(区商务局主办)\n"
    assert [o for o, _, _ in _targets(text)] == ["区商务局"]


def test_a_labelled_bracket_closing_a_paragraph_owns_its_items():
    text = (
        "一、稳住粮食生产。确保粮食播种面积300万亩以上,完成大豆种植面积2万亩。"
        "(责任单位:市农技中心、市种子站;完成时限:2026年年底前)\n"
    )
    got = _targets(text)
    assert [(o, co) for o, co, _ in got] == [("市农技中心", ["市种子站"])] * 2


def test_the_lead_field_of_a_labelled_bracket_wins_over_the_responsible_one():
    tail = "完成造林1万亩。(责任单位:各县区;牵头单位:市林业局;完成时限:2026年底)"
    assert labelled_close(tail) == "市林业局"
    assert labelled_close("完成造林1万亩。(完成时限:2026年底)") is None


def test_a_flattened_tables_owner_column_owns_the_cells_of_its_row():
    text = (
        "关于印发青禾县2026年民生实事项目的通知\n附件:\n|\n青禾县2026年民生实事项目清单 |\n"
        "||||\n|\n序号 |\n项目名称 |\n建设内容 |\n年度投资 (万元) |\n责任单位 |\n|\n"
        "1 |\n乡村道路项目 |\n在东山镇新建乡村道路20公里,改造桥梁2座。 |\n500 |\n交通局 |\n|\n"
        "2 |\n农田建设项目 |\n建设高标准农田3000亩,新建机电井6座。 |\n900 |\n农业农村局 |\n|\n"
        "3 |\n农田水利项目 |\n修复堰塘4座,新建渠道8公里。 |\n200 |\n|\n"
    )
    got = {it["value"]: it["owner"] for it in extract(text, year=2026).items}
    assert got[20.0] == "交通局"
    assert got[3000.0] == "农业农村局"
    # a row printed without its owner cell (merged with the row above) keeps that owner
    assert got[4.0] == "农业农村局"


def test_a_table_printed_one_cell_a_line_gives_each_item_the_unit_after_it():
    text = (
        "附件1\n2026年主要目标任务责任分解表\n序号\n目标名称\n分管领导\n牵头单位\n配合单位\n"
        "1\n主要预期目标\n(1)地区生产总值增长6%左右。\n某某某\n区发展改革局\n各街道\n"
        "(2)一般公共预算收入增长4%。\n区财政局\n"
        "(3)制造业投资增长9%左右。\n某某\n区工信局\n区科技局\n"
        "(4)社会消费品零售总额增长5%左右。\n"
    )
    got = {it["value"]: it["owner"] for it in extract(text, year=2026).items}
    assert got[6.0] == "区发展改革局"
    assert got[4.0] == "区财政局"
    assert got[9.0] == "区工信局"
    # no unit printed after the last item (a merged cell): the unit of the item above
    assert got[5.0] == "区工信局"


def test_marker_forms_of_breakdown_notices():
    def owners_of(text):
        return [(o, co) for o, co, _ in _targets(text)]

    # a marker fallen to the line below its item
    text = "一、主要目标\n3. 新建充电桩1200个以上。\n(市能源局负责)\n4. 改造管网30公里。\n(市水务局负责)\n"
    assert owners_of(text) == [("市能源局", None), ("市水务局", None)]
    # an item whose line holds its own marker is no marker line for the item above
    text = "一、主要目标\n(三)改造管网30公里。\n(四)新建充电桩1200个以上。(市能源局负责)\n"
    assert ("市能源局", None) not in owners_of(text)[:1]
    # the way the units share the duty is printed before 负责
    text = "一、主要目标\n新建充电桩1200个以上。(市能源局、市住建局按职责分工负责)\n"
    assert owners_of(text) == [("市能源局", ["市住建局"])]
    # labelled fields in 【】 or unbracketed, the lead's field first
    text = (
        "一、主要目标\n1.新建充电桩1200个以上。【牵头单位:市能源局】\n"
        "2.改造管网30公里。牵头单位:市水务局;配合单位:各县区。\n"
    )
    assert owners_of(text) == [("市能源局", None), ("市水务局", None)]
    # a marker whose helpers are too many for a short look at the tail
    text = (
        "一、主要目标\n(三)全社会固定资产投资增长12%以上。(市发改委主办,市工信局、市住建局、"
        "市交通局、市水务局、市农业农村局、市商务局、市文旅局协办)\n"
    )
    assert owners_of(text) == [("市发改委", None)]


def test_a_bracket_of_units_closing_a_line_owns_its_item_without_a_serial():
    text = "一、主要预期目标\n地区生产总值增长6%以上。(发改委)\n一般公共预算收入增长5%。(财政局)\n"
    assert [o for o, _, _ in _targets(text)] == ["发改委", "财政局"]
    text = "一、主要预期目标\n地区生产总值增长6%以上。(2026年)\n"
    assert [o for o, _, _ in _targets(text)] == [None]
