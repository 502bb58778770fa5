"""Tables with one column per region, flattened one cell a line (region_columns)."""

from luoshi.core.intake import extract

_REGION_TABLE = """2025年临川市主要预期指标分解汇总表

序号

指标名称

单位

临川市

青湖区

江北区

经开区

1

地区生产总值

增幅(%)

6左右

6.5以上

6

7左右

2

固定资产投资

亿元

与上年

持平

同口径

增长5%

120

与上年持平
"""

_YEAR_TABLE = """临川市主要预期指标分解汇总表

序号

指标名称

单位

2023年

2024年

2025年

1

地区生产总值

增幅(%)

6左右

6.5以上

6
"""


def _table_items(text: str) -> list[dict]:
    return [
        it
        for it in extract(text).items
        if (it.get("why") or {}).get("kind") == "kind.region_column"
    ]


def test_each_value_cell_is_a_target_of_its_column_region() -> None:
    items = _table_items(_REGION_TABLE)
    got = {
        (it["owner"], it["target_kind"], it["comparator"], it["value"], it["unit"]) for it in items
    }
    assert ("临川市", "growth", "~", 6.0, "%") in got
    assert ("青湖区", "growth", ">=", 6.5, "%") in got
    assert ("江北区", "growth", ">=", 6.0, "%") in got
    assert ("经开区", "growth", "~", 7.0, "%") in got
    # a cell broken over two lines: 与上年⏎持平 is a floor, 同口径⏎增长5% a growth
    assert ("临川市", "floor", "=", None, None) in got
    assert ("青湖区", "growth", ">=", 5.0, "%") in got
    assert ("江北区", "cumulative", ">=", 12000000000.0, "元") in got
    assert ("经开区", "floor", "=", None, None) in got
    assert len(items) == 8
    assert all(it["kind"] == "target" and it["period"] == "2025" for it in items)


def test_a_header_of_years_is_no_region_table() -> None:
    assert _table_items(_YEAR_TABLE) == []
