"""Words a reviewer selected in a plan's text → the fields of a new import item.

Plain Python (no Django). The intake engine reads the selection first, as it
would a document; when it finds nothing (a fragment too short for its cues),
the first figure of the selection is read with core.numbers, with the
comparator words of DESIGN.md section 5 around it.
"""

from __future__ import annotations

import re

from .numbers import parse_number

_FIGURE = re.compile(
    r"(?P<number>[0-9０-９][0-9０-９,，.．]*|[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)"
    r"(?P<magnitude>万亿|亿|万|千)?"
    r"(?P<unit>个百分点|百分点|%|％|[\u4e00-\u9fff]{0,3}?)"
    r"(?=以上|以内|以下|左右|[，。；、,;.\s]|$)"
)
_COMPARATORS = (
    (">=", ("不少于", "不低于", "以上", "达到", "至少")),
    ("<=", ("以内", "不超过", "控制在", "以下")),
    (">", ("超过", "突破", "超", "逾")),
    ("<", ("低于", "不足", "不到")),
    ("~", ("左右", "约", "近")),
)
_LEADING = re.compile(r"^[\s\d０-９一二三四五六七八九十]*[、.．)）]\s*|^[\s，。；、,;]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def _comparator(text: str) -> str:
    for comparator, words in _COMPARATORS:
        if any(word in text for word in words):
            return comparator
    return ">="  # a bare figure in a plan is a floor (DESIGN.md section 5)


def parse_selection(text: str, *, year: int | None = None) -> dict:
    """{"snippet", "metric", "comparator", "value", "unit", "target_kind"} of a selection.

    Fields not found are "" (or None for the value). Never raises on odd input.
    """
    snippet = " ".join((text or "").split())[:1000]
    result: dict[str, str | float | None] = {
        "snippet": snippet,
        "metric": "",
        "comparator": "",
        "value": None,
        "unit": "",
        "target_kind": "",
    }
    if not snippet:
        return result
    try:
        from .intake import extract

        items = [it for it in extract(snippet, year=year).items if it.get("kind") == "target"]
    except Exception:  # noqa: BLE001  (a fragment the engine chokes on falls back below)
        items = []
    if items:
        item = items[0]
        result.update(
            metric=item.get("metric") or "",
            comparator=item.get("comparator") or "",
            value=item.get("value"),
            unit=item.get("unit") or "",
            target_kind=item.get("target_kind") or "",
        )
        return result
    plain = snippet.translate(_FULLWIDTH)
    for match in _FIGURE.finditer(plain):
        number = match["number"].replace(",", "").replace("，", "")
        value = parse_number(number + (match["magnitude"] or ""))
        if value is None:
            continue
        unit = match["unit"]
        if unit in ("个百分点",):
            unit = "百分点"
        result["value"] = value
        result["unit"] = "%" if unit == "％" else unit
        result["comparator"] = _comparator(plain[max(0, match.start() - 6) : match.end() + 4])
        head = plain[: match.start()]
        for _comparator_value, words in _COMPARATORS:
            for word in words:
                if head.endswith(word):
                    head = head[: -len(word)]
        result["metric"] = _LEADING.sub("", head).strip("，。；、,; ")[:200]
        if result["unit"] == "%":
            growth = "增长" in plain or "增速" in plain
            result["target_kind"] = "growth" if growth else "level"
        else:
            result["target_kind"] = "cumulative"
        break
    return result
