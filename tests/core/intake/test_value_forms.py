"""Figures written in forms that batch 9 of the corpus showed (issue 15), invented texts."""

from luoshi.core.intake import extract


def _items(text, year=2026):
    return extract(text, year=year).items


def test_zhao_before_yuan_is_a_trillion_and_zhaowa_stays_a_unit():
    (gdp,) = _items("2025年全市地区生产总值为人民币3.1兆元。")
    assert (gdp["value"], gdp["unit"]) == (3.1e12, "元")
    (power,) = _items("今年新建光伏电站200兆瓦。")
    assert (power["value"], power["unit"]) == (200.0, "兆瓦")


def test_a_thousands_separator_keeps_its_magnitude_and_its_clause():
    items = _items("今年推介项目总投资不低于人民币1,500亿元、提供就业岗位不少于八万个。")
    assert [(it["value"], it["unit"]) for it in items] == [(1.5e11, "元"), (8e4, "个")]
    assert not items[1]["snippet"].startswith("500")


def test_a_batch_is_not_a_count():
    assert _items("今年要建设一批重点项目,引进两个产业项目。") != []
    assert [it["value"] for it in _items("今年要建设一批重点项目,引进两个产业项目。")] == [2.0]


def test_a_hedged_cap_is_a_cap():
    (item,) = _items("今年主要预期目标:居民消费价格涨幅控制在3%左右。")
    assert (item["kind"], item["comparator"]) == ("target", "<=")


def test_list_members_with_the_same_value_are_kept():
    text = "今年主要目标:城镇居民人均可支配收入增长7%;农民人均纯收入增长7%。"
    assert [it["value"] for it in _items(text)] == [7.0, 7.0]


def test_groups_given_the_same_task_are_kept():
    text = "①甲组单位要引进企业1户。\n②乙组单位要引进企业1户。\n"
    assert [it["owner"] for it in _items(text)] == ["甲组单位", "乙组单位"]


def test_a_headline_repeated_in_the_body_is_still_one_fact():
    text = "今年我市将新建公园12个\n本报讯 今年我市将新建公园12个,改造绿道30公里。\n"
    assert [it["value"] for it in _items(text)] == [12.0, 30.0]


def test_a_flattened_breakdown_table_takes_its_units_from_the_header():
    text = (
        "临川市人民政府办公室关于下达2026年招商任务的通知\n"
        "我市2026年引进外资3亿美元,引进市外资金90亿元。\n"
        "附件:招商任务分解表\n"
        "单位 |\n引进外资 (万美元) |\n市外资金 (亿元) |\n备注 | |\n"
        "本年任务 |\n本年任务 |\n其中:省外 |\n| |\n"
        "合计 |\n30000 |\n90 |\n60 |\n|\n"
        "青湖县 |\n1200 |\n12.5 |\n8 |\n|\n"
        "其中:青湖工业园 |\n500 |\n3 |\n2 |\n含新区 |\n"
        "园区外 |\n700 |\n9.5 |\n6 |\n|\n"
    )
    items = [it for it in _items(text) if it["kind"] == "target"]
    got = [
        (it["owner"], it["value"], it["unit"])
        for it in items
        if it["why"]["owner"] == "owner.section"
    ]
    assert ("青湖县", 1.2e7, "美元") in got
    assert ("青湖县", 1.25e9, "元") in got
    assert ("青湖工业园", 5e6, "美元") in got
    assert ("青湖县", 7e6, "美元") in got  # 园区外: the rest of the county above
    # the 合计 row repeats the totals of the text: one fact each
    assert sum(1 for it in items if it["value"] == 3e8 and it["unit"] == "美元") == 1


def test_a_capacity_inside_a_project_name_is_not_a_figure_of_the_plan():
    text = "今年重点推进年产30万吨再生铜冶炼等一批重大产业项目,新建道路40公里。"
    assert [(it["value"], it["unit"]) for it in _items(text)] == [(40.0, "公里")]
    # a produced amount stays a figure, and so does a length in brackets
    assert [it["value"] for it in _items("今年粮食产量达到30万吨,建设管网(585米)等工程。")] == [
        3e5,
        585.0,
    ]


def test_accidents_that_happened_are_statistics_and_avoiding_them_is_a_goal():
    text = (
        "安全生产工作要点\n过去一年,全区发生较大事故3起、死亡11人,同比分别下降25%、8%。\n"
        "今年要避免发生一次死亡10人以上特大事故。\n"
    )
    items = _items(text)
    kinds = {(it["value"], it["unit"]): it["kind"] for it in items}
    assert kinds[(3.0, "起")] == "statistic"
    assert kinds[(11.0, "人")] == "statistic"
    assert any(it["target_kind"] == "zero" for it in items)


def test_the_cell_after_a_rows_unit_is_its_progress_in_a_table_with_a_progress_column():
    text = (
        "2026年区政府工作报告目标任务上半年推进情况汇总表\n"
        "序号 目标任务 责任单位 上半年推进情况\n"
        "1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。\n"
        "2 规上工业增加值增长3.5%。 区经济信息委 规上工业增加值同比增长0.4%。\n"
    )
    got = {it["value"]: (it["kind"], it["owner"]) for it in _items(text)}
    assert got[6.0] == ("target", "区发展改革委")
    assert got[3.5] == ("target", "区经济信息委")
    assert got[2.9][0] == got[0.4][0] == "statistic"


def test_an_unnumbered_short_heading_frames_what_follows():
    text = (
        "临川市政府工作报告要点\n2025年工作回顾\n地区生产总值达到2380亿元,增长5.1%。\n"
        "城镇新增就业4.2万人。\n2026年主要预期目标\n地区生产总值增长5.5%左右。\n"
    )
    kinds = {it["value"]: it["kind"] for it in _items(text, year=2026)}
    assert kinds[2.38e11] == kinds[5.1] == kinds[4.2e4] == "statistic"
    assert kinds[5.5] == "target"
