"""A reviewer's selection in the source text → a new item's fields."""

import pytest

from luoshi.core.selection import parse_selection


@pytest.mark.parametrize(
    ("text", "metric", "comparator", "value", "unit", "kind"),
    [
        ("签约项目不少于50个", "签约项目", ">=", 50, "个", "cumulative"),
        ("新增限上商贸企业29户以上", "新增限上商贸企业", ">=", 29, "户", "cumulative"),
        ("完成投资1.8万亿元", "完成投资", ">=", 1.8e12, "元", "cumulative"),
        ("能耗控制在5%以内", "能耗", "<=", 5, "%", "level"),
        ("3. 新建充电桩２０００个", "新建充电桩", ">=", 2000, "个", "cumulative"),
        ("新增就业四十万人", "新增就业", ">=", 4e5, "人", "cumulative"),
    ],
)
def test_a_selection_gives_metric_comparator_value_and_unit(
    text, metric, comparator, value, unit, kind
):
    got = parse_selection(text, year=2025)
    assert got["snippet"] == text
    assert (got["metric"], got["comparator"], got["value"], got["unit"]) == (
        metric,
        comparator,
        value,
        unit,
    )
    assert got["target_kind"] in (kind, "")  # the engine may leave the kind to the reviewer


@pytest.mark.parametrize("text", ["", "   ", "全年举办展会", "<script>", "万万万", "1" * 500])
def test_odd_selections_give_empty_fields_and_never_raise(text):
    got = parse_selection(text)
    assert got["snippet"] == " ".join(text.split())[:1000]
    assert got["value"] is None or isinstance(got["value"], float)
