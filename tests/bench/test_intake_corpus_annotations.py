"""The annotation checks of the corpus README (§2 format, §3.7 snippet check).

Runs over the project's own documents (tests/intake_corpus) and, when it is
present, the shared development corpus (<repo>/../shared/corpus).
"""

import re
from pathlib import Path

import pytest

from bench.intake_scoring import check_annotation, load_documents, strip_ws

ROOT = Path(__file__).resolve().parents[2]
OWN = ROOT / "tests" / "intake_corpus"
SHARED = ROOT.parent / "shared" / "corpus"
README = (OWN / "README.md").read_text(encoding="utf-8")

OWN_DOCS = load_documents(OWN, prefix="own/")
SHARED_DOCS = load_documents(SHARED, prefix="shared/") if SHARED.is_dir() else []
ALL_DOCS = OWN_DOCS + SHARED_DOCS


def _ids(docs):
    return [d["name"] for d in docs]


WRITTEN = "# source: written for the luoshi project"
WRITTEN_DOCS = [d for d in OWN_DOCS if d["raw"].startswith(WRITTEN)]
# Real documents collected from public web pages (issue 15): their first line
# is the page's address, and the README's table names their province and genre.
COLLECTED_DOCS = [d for d in OWN_DOCS if not d["raw"].startswith(WRITTEN)]


def test_own_corpus_has_four_written_documents_and_every_file_annotated():
    assert len(WRITTEN_DOCS) == 4
    docs = sorted(p.stem for p in (OWN / "docs").glob("*.txt"))
    anns = sorted(p.stem for p in (OWN / "annotations").glob("*.jsonl"))
    assert docs == anns


@pytest.mark.parametrize("doc", COLLECTED_DOCS, ids=_ids(COLLECTED_DOCS))
def test_collected_document_has_its_address_and_a_readme_row(doc):
    first = doc["raw"].partition("\n")[0]
    assert re.fullmatch(r"# source: https?://\S+", first), first
    assert doc["text"].strip()
    stem = doc["name"].removeprefix("own/")
    rows = [line for line in README.splitlines() if line.startswith(f"| {stem} |")]
    assert len(rows) == 1, f"{stem} has no row in tests/intake_corpus/README.md"


@pytest.mark.parametrize("doc", WRITTEN_DOCS, ids=_ids(WRITTEN_DOCS))
def test_own_document_shape(doc):
    assert doc["raw"].startswith("# source: written for the luoshi project")
    assert 1500 <= len(doc["text"]) <= 3000
    assert doc["annotations"], "every document has items"


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids(ALL_DOCS))
def test_annotations_pass_the_snippet_check(doc):
    problems = []
    for n, item in enumerate(doc["annotations"], 1):
        for problem in check_annotation(item, doc["text"]):
            problems.append(f"line {n} ({item.get('snippet')!r}): {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("doc", ALL_DOCS, ids=_ids(ALL_DOCS))
def test_no_annotated_item_twice(doc):
    seen = set()
    for item in doc["annotations"]:
        key = (item["kind"], item["metric"], item["comparator"], item["value"], item["period"])
        assert key not in seen, f"annotated twice: {item}"
        seen.add(key)


@pytest.mark.skipif(not SHARED_DOCS, reason="shared corpus not present")
def test_shared_corpus_totals():
    assert sum(len(d["annotations"]) for d in SHARED_DOCS) == 103


def test_check_catches_bad_annotations():
    text = "全年洽谈对接项目不少于100个。\n\n签约项目不少\n于50个。"
    good = {
        "kind": "target",
        "target_kind": "cumulative",
        "owner": "市商务局",
        "metric": "签约项目",
        "comparator": ">=",
        "value": 50.0,
        "unit": "个",
        "period": "2025",
        "snippet": "签约项目不少于50个",
    }
    assert check_annotation(good, text) == []
    assert strip_ws(good["snippet"]) in strip_ws(text)
    reordered = {k: good[k] for k in reversed(list(good))}
    assert check_annotation(reordered, text)
    assert check_annotation(dict(good, snippet="签约项目不少于60个"), text)
    assert check_annotation(dict(good, value=60.0), text)
    assert check_annotation(dict(good, unit="個"), text)
    assert check_annotation(dict(good, target_kind="milestone"), text)
    zero = dict(good, target_kind="zero", value=0.0, unit=None, comparator="=")
    assert check_annotation(zero, text) == []
    assert check_annotation(dict(zero, value=None), text)


def test_check_reads_chinese_numerals_in_traditional_script_and_with_yu():
    text = "疏通擁堵貨運車輛十余萬輛,解決問題70余個"
    item = {
        "kind": "statistic",
        "target_kind": None,
        "owner": "吕梁市",
        "metric": "疏通拥堵货运车辆",
        "comparator": ">",
        "value": 100000.0,
        "unit": "辆",
        "period": None,
        "snippet": "疏通擁堵貨運車輛十余萬輛",
    }
    assert check_annotation(item, text) == []
    assert check_annotation(dict(item, value=110000.0), text)


def test_check_reads_a_thousands_separator():
    text = "全國各地區各類事故死亡人數為91,172,占全年控制考核指標的91.1%。"
    item = {
        "kind": "statistic",
        "target_kind": None,
        "owner": "全国",
        "metric": "各类事故死亡人数",
        "comparator": "=",
        "value": 91172.0,
        "unit": "人",
        "period": "2008",
        "snippet": "全國各地區各類事故死亡人數為91,172",
    }
    assert check_annotation(item, text) == []
    assert check_annotation(dict(item, value=91173.0), text)


def test_check_reads_chinese_numerals_with_a_decimal_point():
    # Older reports write whole figures in words, 點 as the decimal point.
    text = "全區生產總值增長百分之十點七,外貿進出口總額達到四十九點五億美元"
    item = {
        "kind": "statistic",
        "target_kind": None,
        "owner": "全区",
        "metric": "外贸进出口总额",
        "comparator": "=",
        "value": 4950000000.0,
        "unit": "美元",
        "period": None,
        "snippet": "外貿進出口總額達到四十九點五億美元",
    }
    assert check_annotation(item, text) == []
    assert check_annotation(dict(item, value=4900000000.0), text)
    growth = dict(item, metric="生产总值增长", value=10.7, unit="%", snippet="增長百分之十點七")
    assert check_annotation(growth, text) == []
    assert check_annotation(dict(growth, value=10.0), text)


def test_check_reads_zhao_as_a_trillion_and_a_white_circle_as_zero():
    # Taiwan's papers write mainland figures 五點六七兆元 (兆 = 万亿) and 百分之○點一.
    text = "全市生產總值五點六七兆元,居民消費價格上漲百分之○點一,新增裝機三百兆瓦"
    item = {
        "kind": "statistic",
        "target_kind": None,
        "owner": "上海市",
        "metric": "生产总值",
        "comparator": "=",
        "value": 5.67e12,
        "unit": "元",
        "period": "2025",
        "snippet": "生產總值五點六七兆元",
    }
    assert check_annotation(item, text) == []
    assert check_annotation(dict(item, value=5.67e8), text)
    prices = dict(item, metric="居民消费价格涨幅", value=0.1, unit="%", snippet="上漲百分之○點一")
    assert check_annotation(prices, text) == []
    assert check_annotation(dict(prices, value=1.0), text)
    # Before 瓦, 兆 is the unit prefix: 三百兆瓦 is 300 of the unit 兆瓦.
    power = dict(item, metric="新增装机", value=300.0, unit="兆瓦", snippet="新增裝機三百兆瓦")
    assert check_annotation(power, text) == []
