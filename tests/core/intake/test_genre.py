"""The genre, not the corpus: invented documents of the layouts issue 15 names.

Every text here is made up for the test (no real city, unit or figure); each
holds one phenomenon that documents outside the development corpus show.
"""

from luoshi.core.intake import extract


def _items(text, year=2026):
    return extract(text, year=year).items


def _by_value(items):
    return {it["value"]: it for it in items}


# --------------------------------------------------------------- numbered items with an owner


def test_numbered_item_with_a_trailing_owner_is_a_target_of_that_owner():
    text = "3. 新建5G基站1200个以上。(市工信局负责)\n4. 改造燃气管网80公里。(市住建局负责)\n"
    items = _items(text)
    got = [(it["kind"], it["value"], it["comparator"], it["owner"]) for it in items]
    assert got == [
        ("target", 1200.0, ">=", "市工信局"),
        ("target", 80.0, ">=", "市住建局"),
    ]
    assert items[0]["why"]["owner"] == "owner.item_marker"


def test_the_first_of_several_units_leads_and_the_others_cooperate():
    (item,) = _items("2. 新增规上工业企业50家。(市工信局、市科技局、市数据局负责)\n")
    assert item["owner"] == "市工信局"
    assert item["co_owners"] == ["市科技局", "市数据局"]
    assert item["kind"] == "target"


def test_an_item_with_its_own_owner_marker_is_a_target_even_outside_a_plan():
    (item,) = _items("新建5G基站1200个以上。(市工信局负责)")
    assert (item["kind"], item["owner"]) == ("target", "市工信局")


# --------------------------------------------------------------- the year and the frame


def test_last_years_results_are_statistics_of_last_year():
    text = (
        "2025年，全市经济稳中有进。全年地区生产总值增长5.1%、总量达2380亿元，"
        "一般公共预算收入增长3.2%。\n"
        "2026年主要预期目标：地区生产总值增长5%左右，城镇新增就业3万人以上。\n"
    )
    items = _by_value(_items(text, year=None))
    for v in (5.1, 2380e8, 3.2):
        assert (items[v]["kind"], items[v]["period"]) == ("statistic", "2025"), v
    for v in (5.0, 3e4):
        assert (items[v]["kind"], items[v]["period"]) == ("target", "2026"), v
    assert items[5.1]["why"]["kind"] == "kind.past_year"


def test_a_meeting_that_reports_results_gives_statistics():
    text = (
        "全市交通运输工作会议召开\n"
        "会议指出，过去一年全市交通运输工作成效明显，全年完成交通固定资产投资38.2亿元，"
        "新改建农村公路420公里。\n"
        "会议要求，全年完成交通固定资产投资40亿元。\n"
    )
    items = _by_value(_items(text))
    assert items[38.2e8]["kind"] == "statistic"
    assert items[420.0]["kind"] == "statistic"
    assert items[40e8]["kind"] == "target"
    assert items[38.2e8]["why"]["kind"] == "kind.review_opening"


def test_full_year_alone_decides_nothing():
    text = "一、2025年工作回顾\n全年地区生产总值增长5.1%。\n二、2026年主要目标\n全年地区生产总值增长5%。\n"
    got = [(it["kind"], it["value"], it["period"]) for it in _items(text)]
    assert got == [("statistic", 5.1, "2025"), ("target", 5.0, "2026")]


def test_a_completion_section_without_a_year_reports_statistics():
    text = "(一)主要指标完成情况\n地区生产总值增长5.3%，规上工业增加值增长7%。\n"
    items = _items(text)
    assert [it["kind"] for it in items] == ["statistic", "statistic"]


def test_progress_sentence_holds_an_annual_target_and_a_statistic():
    text = "今年以来，全市固定资产投资完成年度目标任务420亿元的46.3%。"
    items = _by_value(_items(text))
    assert (items[420e8]["kind"], items[420e8]["comparator"]) == ("target", ">=")
    assert (items[46.3]["kind"], items[46.3]["unit"]) == ("statistic", "%")


def test_supervision_counts_are_statistics():
    text = "市政府督查室关于2026年重点工作推进情况的通报\n经督查，年底前不能完成的有4项，已完成的有12项。"
    items = _items(text)
    assert sorted((it["kind"], it["value"]) for it in items) == [
        ("statistic", 4.0),
        ("statistic", 12.0),
    ]


# --------------------------------------------------------------- owners of the document


def test_the_issuer_of_a_notice_owns_its_targets():
    text = (
        "市发展改革委 市工信局关于印发2026年工业稳增长工作方案的通知\n"
        "全市规上工业增加值增长6%以上，新增规上工业企业100家。\n"
    )
    items = _items(text)
    # the issuers of a notice own it jointly, in the order of the title
    assert {it["owner"] for it in items} == {"市发展改革委、市工信局"}


def test_the_bureau_of_a_work_plan_and_of_a_meeting_owns_its_targets():
    plan = _items("青湖区商务局2026年工作要点\n全年社会消费品零售总额增长5%以上。\n")
    meeting = _items("全区农业农村工作会议召开\n会议要求，今年新建高标准农田2万亩。\n")
    assert [it["owner"] for it in plan] == ["青湖区商务局"]
    assert [it["owner"] for it in meeting] == [None] or meeting[0]["owner"] != "全区"


def test_a_government_report_gives_its_targets_to_the_government():
    text = (
        "2026年临川市政府工作报告\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业4万人。\n"
    )
    items = _items(text)
    assert {it["owner"] for it in items} == {"临川市"}


def test_groups_of_units_are_owners():
    (item,) = _items("全年完成造林1.2万亩。(各乡镇负责)")
    assert item["owner"] == "各乡镇"


# --------------------------------------------------------------- what is not an owner


def test_page_furniture_a_newspaper_a_thing_and_a_fragment_are_never_owners():
    from luoshi.core.intake.owners import is_organisation

    for name in ("登录个人中心", "临川日报", "棚户区", "部分县", "老旧小区"):
        assert not is_organisation(name), name
    for name in ("市工信局", "临川市人民政府", "青湖区", "一组单位", "各乡镇", "市消防救援支队"):
        assert is_organisation(name), name


def test_an_item_never_takes_page_furniture_as_its_owner():
    text = "登录个人中心\n\n今年计划改造棚户区1200户(棚户区负责)。\n"
    items = _items(text)
    assert [it["value"] for it in items] == [1200.0]
    assert items[0]["owner"] not in ("登录个人中心", "棚户区")


# --------------------------------------------------------------- caps, words, ranges


def test_caps_written_as_control_within_and_target_task():
    items = _by_value(
        _items("今年全市能耗强度控制在0.45吨标准煤以内，耕地保护目标任务为12万亩。", year=2026)
    )
    assert items[0.45]["comparator"] == "<="
    assert (items[12e4]["kind"], items[12e4]["unit"]) == ("target", "亩")


def test_counts_in_words():
    items = _items("今年力争引进一个投资10亿元以上的产业项目，新增两家上市公司。")
    got = sorted((it["value"], it["unit"]) for it in items)
    assert got == [(1.0, "个"), (2.0, "家")]


def test_chinese_numeral_ranges():
    items = _items("全年举办三至五场招商推介会。")
    got = [(it["value"], it["comparator"], it["unit"]) for it in items]
    assert got == [(3.0, ">=", "场"), (5.0, "<=", "场")]


# --------------------------------------------------------------- tables with column roles


def test_a_table_with_a_target_column_and_an_actual_column():
    text = (
        "| 指标 | 全年目标 | 1-6月完成 | 序时进度 |\n"
        "| --- | --- | --- | --- |\n"
        "| 固定资产投资 | 420亿元 | 195亿元 | 46.4% |\n"
    )
    items = _by_value(_items(text))
    assert items[420e8]["kind"] == "target"
    assert items[195e8]["kind"] == "statistic"
    assert items[195e8]["period"] == "2026M01-M06"
    assert items[46.4]["kind"] == "statistic"


def test_a_flattened_table_with_weights_and_a_merged_owner_cell():
    text = (
        "序号 |\n指标名称 |\n分值 |\n目标值 |\n责任单位 |\n"
        "1 |\n新增规上工业企业 |\n10 |\n50家 |\n市工信局 |\n"
        "2 |\n新建5G基站 |\n5 |\n1200个 |\n"
        "3 |\n新改建农村公路 |\n8 |\n300公里 |\n市交通运输局 |\n"
    )
    items = _items(text)
    got = [(it["value"], it["unit"], it["owner"]) for it in items]
    assert got == [
        (50.0, "家", "市工信局"),
        (1200.0, "个", "市工信局"),
        (300.0, "公里", "市交通运输局"),
    ]
