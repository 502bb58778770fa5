"""The intake scorer itself, on small hand-made cases (no extractor involved)."""

import pytest

from bench.intake_scoring import chinese_number, score, significant_digits

TEXT = (
    "一、市商务局\n"
    "全年洽谈对接项目不少于100个,签约项目不少于50个。\n"
    "社零额增长5%以上,城镇調查失業率控制在5.5%以內。\n\n"
    "二、市应急局\n"
    "推动重大事故隐患动态清零;确保耕地数量不减;\n"
    "于2025年6月30日前出台实施意见。\n"
    "2024年,全市社零额同比增长6.3%。\n"
)


def ann(kind, tk, owner, metric, comp, value, unit, period, snippet):
    return {
        "kind": kind,
        "target_kind": tk,
        "owner": owner,
        "metric": metric,
        "comparator": comp,
        "value": value,
        "unit": unit,
        "period": period,
        "snippet": snippet,
    }


ANNOTATIONS = [
    ann(
        "target",
        "cumulative",
        "市商务局",
        "洽谈对接项目",
        ">=",
        100.0,
        "个",
        "2025",
        "全年洽谈对接项目不少于100个",
    ),
    ann(
        "target",
        "cumulative",
        "市商务局",
        "签约项目",
        ">=",
        50.0,
        "个",
        "2025",
        "签约项目不少于50个",
    ),
    ann("target", "growth", "市商务局", "社零额增长", ">=", 5.0, "%", "2025", "社零额增长5%以上"),
    ann(
        "target",
        "level",
        "市商务局",
        "城镇调查失业率",
        "<=",
        5.5,
        "%",
        "2025",
        "城镇調查失業率控制在5.5%以內",
    ),
    ann(
        "target",
        "zero",
        "市应急局",
        "重大事故隐患",
        "=",
        0.0,
        None,
        "2025",
        "推动重大事故隐患动态清零",
    ),
    ann("target", "floor", "市应急局", "耕地数量", ">=", None, None, "2025", "确保耕地数量不减"),
    ann(
        "target",
        "milestone",
        "市应急局",
        "出台实施意见",
        "none",
        None,
        None,
        "2025-06-30",
        "于2025年6月30日前出台实施意见",
    ),
    ann(
        "statistic", None, "全市", "社零额同比增长", "=", 6.3, "%", "2024", "全市社零额同比增长6.3%"
    ),
]


def located(item):
    """An extracted copy of an annotated item, with offsets into TEXT."""
    out = dict(item)
    flat = out["snippet"]
    start = TEXT.find(flat)
    assert start >= 0, flat
    out["start"], out["end"] = start, start + len(flat)
    return out


def run(extracted, annotations=ANNOTATIONS, text=TEXT, extracted_text=None):
    doc = {"name": "d", "text": text, "annotations": annotations, "extracted": extracted}
    if extracted_text is not None:
        doc["extracted_text"] = extracted_text
    return score([doc])


def test_perfect_match_scores_one():
    r = run([located(a) for a in ANNOTATIONS])
    o = r["overall"]
    assert (o["precision"], o["recall"], o["f1"]) == (1.0, 1.0, 1.0)
    p = r["pairs"]
    assert p["matched_pairs"] == len(ANNOTATIONS)
    assert p["owner_accuracy"] == p["period_accuracy"] == p["comparator_exact_rate"] == 1.0
    assert p["target_kind_accuracy"] == 1.0 and p["target_kind_pairs"] == 4
    assert all(f["f1"] == 1.0 for f in r["by_target_kind"].values())
    assert r["by_kind"]["statistic"]["annotated"] == 1
    assert r["by_document"]["d"]["f1"] == 1.0


def test_no_offsets_uses_first_occurrence():
    r = run([{k: v for k, v in a.items()} for a in ANNOTATIONS])
    assert r["overall"]["f1"] == 1.0


def test_wrong_unit_is_a_miss_and_a_false_positive():
    ext = [located(a) for a in ANNOTATIONS]
    ext[0]["unit"] = "家"
    r = run(ext)
    o = r["overall"]
    assert o["matched"] == len(ANNOTATIONS) - 1
    assert o["extracted"] == len(ANNOTATIONS)
    errs = r["errors"]["d"]
    assert [m["snippet"] for m in errs["misses"]] == [ANNOTATIONS[0]["snippet"]]
    assert [f["unit"] for f in errs["false_positives"]] == ["家"]


def test_wrong_value_and_wrong_kind_do_not_match():
    ext = [located(ANNOTATIONS[0]), located(ANNOTATIONS[7])]
    ext[0]["value"] = 100.001
    ext[1]["kind"] = "target"
    ext[1]["target_kind"] = "growth"
    r = run(ext, annotations=[ANNOTATIONS[0], ANNOTATIONS[7]])
    assert r["overall"]["matched"] == 0
    assert r["overall"]["precision"] == 0.0 and r["overall"]["f1"] == 0.0


def test_value_within_relative_tolerance_matches():
    ext = located(ANNOTATIONS[0])
    ext["value"] = 100 * (1 + 5e-7)
    assert run([ext], annotations=[ANNOTATIONS[0]])["overall"]["f1"] == 1.0


def test_duplicate_extracted_item_is_dropped():
    ext = [located(a) for a in ANNOTATIONS]
    dup = dict(ext[1])
    dup["snippet"], dup["start"], dup["end"] = "50个", None, None
    r = run(ext + [dup])
    o = r["overall"]
    assert (o["precision"], o["recall"]) == (1.0, 1.0)
    assert o["duplicates_dropped"] == 1
    assert len(r["errors"]["d"]["duplicates_dropped"]) == 1
    assert r["errors"]["d"]["false_positives"] == []


def test_non_item_kinds_are_dropped_and_traditional_owner_unit_normalised():
    ext = [located(a) for a in ANNOTATIONS]
    ext[0]["owner"] = "市商務局"
    ext[0]["unit"] = "個"
    ext.append({"kind": "note", "snippet": "x"})
    r = run(ext)
    assert r["overall"]["f1"] == 1.0
    assert r["pairs"]["owner_accuracy"] == 1.0


def test_owner_compared_as_set():
    a = ann(
        "target",
        "cumulative",
        "市工信局、市市场监管局",
        "m",
        ">=",
        100.0,
        "个",
        "2025",
        "全年洽谈对接项目不少于100个",
    )
    e = located(a)
    e["owner"] = "市市场监管局、市工信局"
    assert run([e], annotations=[a])["pairs"]["owner_accuracy"] == 1.0
    e["owner"] = "市工信局"
    r = run([e], annotations=[a])
    assert r["overall"]["f1"] == 1.0 and r["pairs"]["owner_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("annotated", "extracted", "matches"),
    [
        (">=", ">", True),
        (">", ">=", True),
        (">=", "=", True),
        (">=", "~", True),
        ("<=", "<", True),
        (">=", "<=", False),
        ("<", ">", False),
        ("<=", "none", False),
    ],
)
def test_direction_rule(annotated, extracted, matches):
    a = dict(ANNOTATIONS[3], comparator=annotated)
    e = dict(located(ANNOTATIONS[3]), comparator=extracted)
    r = run([e], annotations=[a])
    assert r["overall"]["matched"] == (1 if matches else 0)
    if matches:
        exact = 1.0 if annotated == extracted else 0.0
        assert r["pairs"]["comparator_exact_rate"] == exact


def test_range_ends_match_one_to_one():
    text = "全年联合举办1-2场合伙人发展大会。"
    snip = "全年联合举办1-2场合伙人发展大会"
    lo = ann("target", "cumulative", "市商务局", "下限", ">=", 1.0, "场", "2026", snip)
    hi = ann("target", "cumulative", "市商务局", "上限", "<=", 2.0, "场", "2026", snip)
    r = run([dict(hi), dict(lo)], annotations=[lo, hi], text=text)
    assert r["overall"]["f1"] == 1.0
    r = run([dict(lo, comparator="<=")], annotations=[lo, hi], text=text)
    assert r["overall"]["matched"] == 0


@pytest.mark.parametrize("index", [4, 5, 6])
def test_zero_floor_milestone_match_by_overlap(index):
    a = ANNOTATIONS[index]
    text_without = TEXT
    # Overlapping but different snippet: matches whatever the comparator/value say.
    e = located(a)
    e["snippet"] = e["snippet"][2:]
    e["start"] += 2
    e["comparator"], e["value"], e["period"] = ">", 7.0, "2030"
    r = run([e], annotations=[a], text=text_without)
    assert r["overall"]["f1"] == 1.0
    assert r["pairs"]["period_accuracy"] == 0.0
    # No overlap: no match, even with everything else equal.
    far = dict(a)
    far["snippet"] = "全年洽谈对接项目"
    far["start"] = TEXT.find("全年洽谈对接项目")
    far["end"] = far["start"] + len("全年洽谈对接项目")
    r = run([far], annotations=[a])
    assert r["overall"]["matched"] == 0
    # Wrong target_kind: no match.
    other = dict(located(a), target_kind="level" if a["target_kind"] != "level" else "zero")
    assert run([other], annotations=[a])["overall"]["matched"] == 0
    # A statistic never matches a zero/floor/milestone target.
    stat = dict(located(a), kind="statistic")
    assert run([stat], annotations=[a])["overall"]["matched"] == 0


def test_overlap_uses_offsets_into_repaired_text():
    # The extractor joins a word cut across a blank line and converts full-width digits.
    text = "确保重大事故隐\n\n患动态清零,签约项目１２个。"
    a = ann("target", "zero", "x", "m", "=", 0.0, None, "2025", "确保重大事故隐患动态清零")
    repaired = "确保重大事故隐患动态清零,签约项目12个。"
    e = dict(a, snippet="隐患动态清零")
    e["start"] = repaired.find("隐患")
    e["end"] = e["start"] + len("隐患动态清零")
    r = run([e], annotations=[a], text=text, extracted_text=repaired)
    assert r["overall"]["f1"] == 1.0
    # Offsets pointing at another part of the repaired text do not overlap.
    e["start"] = repaired.find("签约")
    e["end"] = e["start"] + 4
    assert run([e], annotations=[a], text=text, extracted_text=repaired)["overall"]["matched"] == 0


def test_matching_prefers_overlapping_snippet():
    text = "新建学校10所。另计划新建医院10所。"
    a1 = ann("target", "cumulative", "x", "学校", ">=", 10.0, "所", "2025", "新建学校10所")
    a2 = ann("target", "cumulative", "x", "医院", ">=", 10.0, "所", "2025", "新建医院10所")
    e2 = dict(a2, period="2026")
    e2["start"] = text.find("新建医院")
    e2["end"] = e2["start"] + 7
    r = run([e2], annotations=[a1, a2], text=text)
    assert r["overall"]["matched"] == 1
    assert [m["metric"] for m in r["errors"]["d"]["misses"]] == ["学校"]


def test_by_target_kind_and_kind_breakdowns():
    ext = [located(a) for a in ANNOTATIONS[:4]]
    ext.append(dict(located(ANNOTATIONS[7]), value=9.9))
    r = run(ext)
    tk = r["by_target_kind"]
    assert tk["cumulative"]["recall"] == 1.0
    assert tk["zero"]["recall"] == 0.0 and tk["zero"]["extracted"] == 0
    assert tk["zero"]["precision"] is None
    assert tk["(statistic)"]["precision"] == 0.0
    assert r["by_kind"]["target"]["precision"] == 1.0
    assert r["by_kind"]["target"]["recall"] == 4 / 7


def test_empty_extraction():
    r = run([])
    assert r["overall"]["recall"] == 0.0 and r["overall"]["precision"] is None


def test_helpers():
    assert significant_digits(9850000000.0) == "985"
    assert significant_digits(0.012) == "12"
    assert significant_digits(46.7) == "467"
    assert chinese_number("四十万") == 400000
    assert chinese_number("四成") == 40
    assert chinese_number("千") == 1000
    assert chinese_number("一百二十") == 120


def test_joint_owner_right_as_lead_and_cooperating_units():
    # The coordinator's rule: an annotated joint owner "A、B" is met by an item
    # led by A with B as its cooperating unit, but not by B leading, nor by A
    # alone, nor by A with other cooperating units.
    a = ann(
        "target",
        "cumulative",
        "市工信局、市市场监管局",
        "m",
        ">=",
        100.0,
        "个",
        "2025",
        "全年洽谈对接项目不少于100个",
    )
    e = located(a)
    e["owner"], e["co_owners"] = "市工信局", ["市市场监管局"]
    assert run([e], annotations=[a])["pairs"]["owner_accuracy"] == 1.0
    e["owner"], e["co_owners"] = "市工信局", ["市市場監管局"]
    assert run([e], annotations=[a])["pairs"]["owner_accuracy"] == 1.0
    for lead, co in (
        ("市市场监管局", ["市工信局"]),
        ("市工信局", []),
        ("市工信局", ["市商务局"]),
        ("市工信局", ["市市场监管局", "市商务局"]),
    ):
        e["owner"], e["co_owners"] = lead, co
        r = run([e], annotations=[a])
        assert r["pairs"]["owner_accuracy"] == 0.0, (lead, co)
        assert r["errors"]["d"]["matched_with_wrong_details"][0]["fields"] == ["owner"]


def test_chinese_number_scales_what_stands_before_the_largest_unit():
    assert chinese_number("一万亿") == 1e12
    assert chinese_number("三亿五千万") == 350_000_000
    assert chinese_number("十万零五") == 100_005
    assert chinese_number("一萬億".replace("萬", "万").replace("億", "亿")) == 1e12


def test_a_group_printed_with_its_levels_in_brackets_is_one_name_of_a_joint_owner():
    from bench.intake_scoring import owner_names, owner_right

    assert owner_names("市发改委、各县〔市、区〕政府〔管委会〕") == [
        "市发改委",
        "各县〔市、区〕政府〔管委会〕",
    ]
    assert owner_names("各县(市、区)人民政府") == ["各县(市、区)人民政府"]
    ann = {"owner": "市发改委、市财政局、各县〔市、区〕政府"}
    ext = {"owner": "市发改委", "co_owners": ["市财政局", "各县〔市、区〕政府"]}
    assert owner_right(ann, ext)
    assert not owner_right(ann, {"owner": "市发改委", "co_owners": ["市财政局"]})
