"""The learned reviewer of intake items (bench/intake_learned.py), on invented text."""

from __future__ import annotations

import json

from bench import intake_learned as learned

PLAN = (
    "临川市2025年工作要点\n"
    "一、主要预期目标\n"
    "全年地区生产总值增长6%左右。\n"
    "二、2024年工作回顾\n"
    "2024年全市地区生产总值同比增长5.2%，累计新增企业120家。\n"
)


def _item(text: str, snippet: str, kind: str = "target", **extra) -> dict:
    start = text.index(snippet)
    item = {
        "kind": kind,
        "target_kind": "growth" if kind == "target" else None,
        "owner": "临川市",
        "metric": "地区生产总值增长",
        "comparator": ">=" if kind == "target" else "=",
        "value": 6.0,
        "unit": "%",
        "period": "2025",
        "snippet": snippet,
        "start": start,
        "end": start + len(snippet),
        "why": {"kind": "kind.paragraph", "owner": "owner.document"},
    }
    item.update(extra)
    return item


def _model(drop=None, stat=None, drop_t=0.5, switch_t=0.5) -> learned.Model:
    return learned.Model(
        drop_weights={"bias": -5.0, **(drop or {})},
        stat_weights={"bias": 0.0, **(stat or {})},
        drop_threshold=drop_t,
        as_statistic_threshold=switch_t,
        as_target_threshold=switch_t,
    )


def test_document_context_reads_year_genre_and_headings():
    ctx = learned.document_context(PLAN)
    assert ctx.year == 2025
    assert ctx.genre == ("要点",)
    assert [h for _, h in ctx.headings] == [
        "临川市2025年工作要点",
        "一、主要预期目标",
        "二、2024年工作回顾",
    ]


def test_features_of_a_planned_figure():
    ctx = learned.document_context(PLAN)
    feats = learned.features(_item(PLAN, "地区生产总值增长6%"), PLAN, ctx)
    assert feats[:6] == [
        "bias",
        "rule.kind=target",
        "rule.tk=growth",
        "rule.cmp=>=",
        "rule.why=kind.paragraph",
        "unit=share",
    ]
    assert "clause:全年" in feats
    assert "after:左右" in feats
    assert "heading:预期目标" in feats
    assert "heading:回顾" not in feats
    assert "genre:要点" in feats
    assert "sent_year:none" in feats
    assert "period:same" in feats
    assert "line:list" not in feats


def test_features_of_a_reported_figure():
    ctx = learned.document_context(PLAN)
    item = _item(PLAN, "同比增长5.2%", kind="statistic", value=5.2, period="2024")
    feats = learned.features(item, PLAN, ctx)
    assert "snippet:同比" in feats and "snippet:增长" in feats
    assert "sent_year:before_doc" in feats
    assert "period:before" in feats
    assert "heading:回顾" in feats
    assert "after:累计" in feats


def test_features_survive_an_item_without_offsets():
    ctx = learned.document_context(PLAN)
    item = _item(PLAN, "地区生产总值增长6%")
    del item["start"], item["end"]
    assert learned.features(item, PLAN, ctx)[0] == "bias"


def test_a_figure_judged_no_item_is_dropped():
    model = _model(drop={"heading:回顾": 10.0})
    items = [
        _item(PLAN, "地区生产总值增长6%"),
        _item(PLAN, "新增企业120家", kind="statistic", value=120.0, unit="家"),
    ]
    kept = learned.review(items, PLAN, model)
    assert kept == [items[0]]


def test_a_target_under_a_review_heading_becomes_a_statistic():
    model = _model(stat={"heading:回顾": 10.0}, switch_t=0.9)
    target = _item(PLAN, "同比增长5.2%", value=5.2, period="2024")
    kept = learned.review([target], PLAN, model)
    assert len(kept) == 1
    assert kept[0]["kind"] == "statistic"
    assert kept[0]["target_kind"] is None
    assert kept[0]["why"]["review"] == "learned.as_statistic"
    assert kept[0]["why"]["review_score"] > 0.9
    assert kept[0]["why"]["kind"] == "kind.paragraph"
    assert target["kind"] == "target"  # the input item is not changed


def test_a_statistic_under_a_target_heading_becomes_a_target():
    model = _model(stat={"heading:预期目标": -10.0}, switch_t=0.9)
    stat = _item(PLAN, "地区生产总值增长6%", kind="statistic")
    kept = learned.review([stat], PLAN, model)
    assert kept[0]["kind"] == "target"
    assert kept[0]["target_kind"] == "growth"
    assert kept[0]["comparator"] == ">="
    assert kept[0]["why"]["review"] == "learned.as_target"


def test_a_target_without_a_value_is_never_switched():
    model = _model(stat={"bias": 10.0}, switch_t=0.5)
    milestone = _item(PLAN, "地区生产总值增长6%", target_kind="milestone", value=None)
    assert learned.review([milestone], PLAN, model) == [milestone]


def test_review_keeps_order_and_never_adds():
    model = _model(drop={"after:累计": 10.0})
    items = [
        _item(PLAN, "地区生产总值增长6%"),
        _item(PLAN, "同比增长5.2%", kind="statistic", value=5.2),
        _item(PLAN, "新增企业120家", kind="statistic", value=120.0, unit="家"),
    ]
    kept = learned.review(items, PLAN, model)
    assert kept == [items[0], items[2]]
    assert learned.review([], PLAN, model) == []


def test_the_model_file_loads_and_lists_its_features():
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    model = learned.load_model()
    assert model is not None
    listed = set(data["features"])
    assert set(model.drop_weights) <= listed
    assert set(model.stat_weights) <= listed
    assert "bias" in listed
    assert data["command"].startswith(".venv/bin/python bench/intake_train.py")
    assert set(data["thresholds"]) == {"drop", "as_statistic", "as_target"}
    assert model.drop_threshold > 0.0 and model.as_statistic_threshold > 0.0
