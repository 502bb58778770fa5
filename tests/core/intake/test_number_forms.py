"""Number forms and comparator words, one at a time."""

import pytest

from luoshi.core.intake import extract
from luoshi.core.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.8万亿", 1.8e12),
        ("四十万", 4e5),
        ("一千", 1000),
        ("6.9万", 69000),
        ("98.5亿", 9.85e9),
        ("19,800", 19800),
        ("三亿五千万", 3.5e8),
        ("一万二千", 12000),
        ("3千", 3000),
        ("十二", 12),
        ("两千", 2000),
    ],
)
def test_parse_number_reads_arabic_chinese_and_magnitudes(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["万", "亿", "", "abc", "1.2.3", "万万", "9" * 60])
def test_parse_number_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


def only_item(text, **kw):
    items = [it for it in extract(text, **kw).items if it["value"] is not None]
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "comparator"),
    [
        ("2024年,京津冀工业增加值超1.8万亿元。", 1.8e12, "元", ">"),
        ("到2027年,公司将年产蔬菜四十万吨。", 4e5, "吨", ">="),
        ("安徽全省8608台(套)大型科学仪器与沪苏浙共享共用。", 8608, "台(套)", "="),
        ("2024年,增速较全国高出3.5个百分点。", 3.5, "百分点", "="),
        ("2024年,全省共有一千余个组团赴境外参展。", 1000, "个", ">"),
        ("目前,每天近90吨货物在这里中转。", 90, "吨", "~"),
        ("2024年,长三角进出口总值超16万亿元。", 1.6e13, "元", ">"),
        ("2024年,广东贡献全国近四成的贸易增量。", 40, "%", "~"),
        ("今年,浙江计划组织上千个组团。", 1000, "个", ">="),
        ("１－７月份，全國新開工改造城鎮老舊小區１﹒９８萬個。", 19800, "个", "="),
        ("主要预期目标是:经济增长6 . 5%左右。", 6.5, "%", "~"),
        ("全年计划完成投资98.5亿元。", 9.85e9, "元", ">="),
    ],
)
def test_number_forms(text, value, unit, comparator):
    item = only_item(text, year=2025)
    assert item["value"] == pytest.approx(value)
    assert item["unit"] == unit
    assert item["comparator"] == comparator


@pytest.mark.parametrize(
    ("phrase", "comparator"),
    [
        ("签约项目不少于50个", ">="),
        ("开工率不低于50%", ">="),
        ("新增企业29户以上", ">="),
        ("项目开工率达到70%", ">="),
        ("至少新建50个", ">="),
        ("新增就业超过5万人", ">"),
        ("产值突破9万亿元", ">"),
        ("签约逾100个", ">"),
        ("新增企业200余户", ">"),
        ("新增企业200多户", ">"),
        ("能耗增长控制在3%以内", "<="),
        ("失业率不超过5.5%", "<="),
        ("失业率5.5%以下", "<="),
        ("能耗低于2%", "<"),
        ("事故起数不足10起", "<"),
        ("经济增长6%左右", "~"),
        ("新建约400套", "~"),
        ("新建近400套", "~"),
        ("新建400套", ">="),
        ("举办上百场", ">="),
    ],
)
def test_comparator_words_in_a_target(phrase, comparator):
    items = [it for it in extract(f"2025年目标:{phrase}。").items if it["value"] is not None]
    if comparator is None:
        assert items == []
        return
    assert len(items) == 1, items
    assert items[0]["kind"] == "target"
    assert items[0]["comparator"] == comparator


def test_bare_figure_is_equal_in_a_statistic():
    item = only_item("2024年,全市地区生产总值同比增长6.3%。", year=2025)
    assert item["kind"] == "statistic"
    assert item["comparator"] == "="
    assert item["period"] == "2024"


def test_reaching_a_figure_in_a_statistic_is_equal():
    item = only_item("2024年供货量达到30万只。", year=2025)
    assert (item["kind"], item["comparator"], item["value"], item["unit"]) == (
        "statistic",
        "=",
        3e5,
        "只",
    )


def test_a_range_gives_two_items_with_one_snippet():
    items = extract("2025年目标:地区生产总值增长5%—6%。").items
    assert [(i["comparator"], i["value"]) for i in items] == [(">=", 5.0), ("<=", 6.0)]
    assert items[0]["snippet"] == items[1]["snippet"]
    assert all(i.get("note") for i in items)


def test_a_range_of_counts():
    items = extract("全年联合举办1-2场合伙人发展大会。", year=2026).items
    assert [(i["comparator"], i["value"], i["unit"]) for i in items] == [
        (">=", 1.0, "场"),
        ("<=", 2.0, "场"),
    ]


def test_distributive_list_gives_one_item_per_figure_with_the_shared_hedge():
    items = extract("2025年目标:城镇、农村居民收入分别增长5.2%、8%左右。").items
    assert [(i["value"], i["comparator"]) for i in items] == [(5.2, "~"), (8.0, "~")]


def test_size_qualifier_belongs_to_the_metric():
    items = extract("2025年计划实施亿元以上重点项目不少于100个,3000万元以上工业项目20个。").items
    assert [(i["value"], i["unit"], i["comparator"]) for i in items] == [
        (100.0, "个", ">="),
        (20.0, "个", ">="),
    ]
    items = extract("力争全年新招引落地投资过10亿元项目40个以上。", year=2026).items
    assert [(i["value"], i["unit"]) for i in items] == [(40.0, "个")]


def test_target_inside_a_progress_sentence():
    items = extract("1-4月完成年度目标任务589亿元的37.22%。", year=2025).items
    kinds = {(i["kind"], i["value"], i["unit"]) for i in items}
    assert ("statistic", 37.22, "%") in kinds


@pytest.mark.parametrize(
    "text",
    [
        "聚焦“四高四争先”,建设“两城”,实施“十四五”规划。",
        "在改革的9个重点专项之一中,推进第3个项目。",
        "哈依管道已经运行30年,相隔近500公里,5小时送达。",
        "洪政办〔2025〕1号 发布时间:2025-01-06 10:00",
        "联系电话:0571-88889999,13912345678",
        "年度计划改造老旧管线万户,改造腐蚀管线公里。",
        "部署九项重点任务,实施三大行动,出台二十条举措,一个个项目落地。",
        "一老一小,千团万企,7号库,六号工厂,百万羽蛋鸡养殖场。",
    ],
)
def test_exclusions_produce_nothing(text):
    assert extract(text, year=2025).items == []
