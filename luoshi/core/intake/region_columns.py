"""Tables with one column per region, flattened one cell a line.

A plan's breakdown of its indicators over the places under it (指标分解汇总表) prints a
header of label columns (序号 | 指标名称 | 单位) and then one column per region (苏州市 |
张家港 | … | 高新区); each row is a serial number, the indicator, its unit and one value
cell per region.  A web page flattened to text prints each cell on a line of its own,
and a cell may be broken over two lines (与上年⏎持平, 同口径⏎增长5%).

Each value cell is an item of its row's indicator for its column's region (the owner is
the header cell as printed), over the year the table's caption names (else the
document's).  The header is a run of region cells: places of the gazetteer, names with a
level word (…市, …县, …区, …镇) or a unit of a plan's area (全市, 市本级, 园区); a few
bare short names may sit among them (吴中, 姑苏).  A header of years or quarters is none.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from . import owners as own
from .numbers_scan import POST_COMPARATOR, pre_comparator
from .repair import Line

_HAN = "\u4e00-\u9fff"
# a name with its level word, or the whole of an area, or a zone of it
_LEVELLED = re.compile(
    rf"[{_HAN}]{{1,10}}(?:省|市|县|区|州|旗|盟|镇|乡|街道)|全[省市区县州旗镇乡]|[省市县区]本级"
)
_BARE_NAME = re.compile(rf"[{_HAN}]{{2,4}}")
# a time, not a place: a header of years, quarters, months or halves
_TIME_WORD = re.compile(r"\d|年|季|月|半年|上旬|中旬|下旬|期末|期初|累计|合计|小计|同比")
# a cell with a figure, its comparator words and perhaps its own change word
_FIGURE_CELL = re.compile(
    r"(?P<pre>[^\d\-—.]*?)(?P<num>\d+(?:\.\d+)?)\s*(?P<pct>[%％])?\s*"
    r"(?P<post>左右|上下|以上|以内|以下|及以上|)"
)
# a figure with a few words before it (同口径增长5%)
_WORDED_FIGURE = re.compile(rf"[{_HAN}]{{0,6}}\d+(?:\.\d+)?\s*[%％]?(?:左右|以上|以内|以下)?")
# a direction against last year with no figure (与上年持平, 不低于上年, 不减)
_FLOOR_CELL = re.compile(
    r"(?:与|比|较)?(?:上年|去年|同期)?(?:持平|不变|不减|不降|不下降)|不低于上年"
)
_CHANGE_WORD = re.compile(r"增长|增幅|增速|增加|提高|下降|降低|减少")
# an empty cell: a dash, a slash
_EMPTY_CELL = re.compile(r"[—\-－/／、\s]*")
_GOAL_CAPTION = re.compile(r"目标|预期|计划|任务|分解|指标|考核")
_RESULT_CAPTION = re.compile(r"完成情况|执行情况|实际|进展|统计")
_SCALE = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))
_YEAR = re.compile(r"(20\d\d|19\d\d)年")


def _is_region(cell: str) -> bool:
    """A header cell that names a place: of the gazetteer, or with its level word."""
    if _TIME_WORD.search(cell):
        return False
    if _LEVELLED.fullmatch(cell) or own.is_zone(cell):
        return True
    return any(
        cell in (p.stem, p.name) for p in own.gazetteer().get(cell[:2], ()) if len(cell) >= 2
    )


def _is_value(cell: str) -> bool:
    """A cell that alone is a value: a figure, a direction against last year, or empty."""
    return bool(
        _FIGURE_CELL.fullmatch(cell)
        and not _CHANGE_WORD.fullmatch(cell)
        or _FLOOR_CELL.fullmatch(cell)
        or _EMPTY_CELL.fullmatch(cell)
        or _WORDED_FIGURE.fullmatch(cell)
    )


def _cells(raw_lines: list[str], read_before: list[bool]) -> list[tuple[str, int, int, int]]:
    """The non-blank lines of the text as printed: (text, start, end, line number).  The
    raw lines, not the repaired ones: the repair joins short lines and drops bare numbers
    that look like page numbers, which in these tables are cells.  A line another reader
    took (read_before, by raw line) breaks a run."""
    out = []
    pos = 0
    for k, line in enumerate(raw_lines):
        t = line.strip().strip("|").strip()
        if t:
            s = pos + line.find(t)
            cell = "\x00" if read_before[k] else unicodedata.normalize("NFKC", t)
            out.append((cell, s, s + len(t), k))
        pos += len(line) + 1
    return out


def _header(cells: list[tuple[str, int, int, int]], i: int) -> tuple[int, int, int] | None:
    """(first label cell, first region cell, end of the regions) of a header whose run of
    regions starts at i, if it is one: three regions at least, half of them or more
    places by the model, the others bare short names, after one to four label cells."""
    j = i
    strict = 0
    while j < len(cells):
        t = cells[j][0]
        if _is_region(t):
            strict += 1
        elif not (_BARE_NAME.fullmatch(t) and not _TIME_WORD.search(t)):
            break
        j += 1
    n = j - i
    if n < 3 or strict < 3 or strict * 2 < n or not _is_region(cells[i][0]):
        return None
    k = i
    while k > 0 and i - k < 4:
        t = cells[k - 1][0]
        if t == "\x00" or len(t) > 8 or re.search(r"\d", t) or _is_region(t):
            break
        k -= 1
    if k == i or not re.search(r"序号|指标|名称|项目|单位|内容", "".join(c[0] for c in cells[k:i])):
        return None
    return k, i, j


def _caption(text: str, start: int) -> str:
    """The two printed lines just above the header: the table's title."""
    above = [t for t in text[max(0, start - 400) : start].split("\n") if t.strip()]
    return "".join(above[-2:])


def _row_values(
    group: list[tuple[str, int, int, int]], n: int
) -> list[tuple[str, int, int]] | None:
    """The row's n value cells read from group: a line that is no value alone is joined
    to the next one (与上年⏎持平, 同口径⏎增长5%)."""
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(group):
        t, s, e, _ = group[k]
        if not _is_value(t) and k + 1 < len(group) and _is_value(t + group[k + 1][0]):
            out.append((t + group[k + 1][0], s, group[k + 1][2]))
            k += 2
            continue
        if not _is_value(t):
            return None
        out.append((t, s, e))
        k += 1
    return out if len(out) == n else None


def _scaled_unit(unit_cell: str) -> tuple[float, str | None]:
    u = re.sub(r"[(（)）\s]", "", unit_cell)
    u = _CHANGE_WORD.sub("", u)
    if not u:
        return 1.0, None
    for word, factor in _SCALE:
        if u.startswith(word) and len(u) > len(word):
            return factor, u[len(word) :]
    return 1.0, u


def _item(
    cell: tuple[str, int, int],
    owner: str,
    name: str,
    unit_cell: str,
    kind: str,
    period: str | None,
    text: str,
) -> dict | None:
    t, s, e = cell
    t = re.sub(r"\s+", "", t)
    why = {"kind": "kind.region_column", "owner": "owner.region_column"}
    base = {"kind": kind, "owner": owner, "period": period, "snippet": text[s:e], "start": s}
    base["end"] = e
    if _FLOOR_CELL.fullmatch(t):
        if kind != "target":
            return None
        floor_comp = "=" if re.search("持平|不变", t) else ">="
        return {
            **base,
            "target_kind": "floor",
            "metric": f"{owner}{name}{t}",
            "comparator": floor_comp,
            "value": None,
            "unit": None,
            "why": why,
        }
    m = _FIGURE_CELL.fullmatch(t)
    if not m:
        return None
    pre = m.group("pre")
    # the cell's own words, after the figure first (7以上), else before it (不低于7)
    comp = POST_COMPARATOR.get(m.group("post")) or pre_comparator(pre)
    if comp is None:
        comp = ">=" if kind == "target" else "="
    value = float(m.group("num"))
    change = _CHANGE_WORD.search(pre) or (
        _CHANGE_WORD.search(unit_cell) if not m.group("pct") or "%" in unit_cell else None
    )
    if m.group("pct") or "%" in unit_cell or "％" in unit_cell:
        unit: str | None = "%"
        tkind = "growth" if change or _CHANGE_WORD.search(name) else "level"
    else:
        factor, unit = _scaled_unit(unit_cell)
        value *= factor
        tkind = (
            "growth"
            if change
            else ("level" if re.search(r"率|比重|占比|强度|指数|水平", name) else "cumulative")
        )
    if unit is None:
        return None
    words = re.sub(r"[约超过力争突破不低少高于至控制在]", "", pre)
    suffix = words if words else ("增长" if tkind == "growth" and "增" not in name else "")
    return {
        **base,
        "target_kind": tkind if kind == "target" else None,
        "metric": f"{owner}{name}{suffix}",
        "comparator": comp,
        "value": round(value, 6),
        "unit": unit,
        "why": why,
    }


def _to_repaired(index: list[int], pos: int) -> int:
    """The position in the repaired text of a raw position (index maps the other way)."""
    return bisect_left(index, pos)


def read(
    raw: str, text: str, index: list[int], lines: list[Line], year: int | None, used: set[int]
) -> list[dict]:
    """The items of the region-column tables of `raw` as spans of `text`, its repair
    (`index` maps each repaired character to its raw position).  The repaired lines of
    the tables read are added to `used`; a line in `used` already is not read again."""
    raw_lines = raw.split("\n")
    # (most texts have no table another reader took: then no line needs looking up)
    read_before = [False] * len(raw_lines)
    starts = [ln.start for ln in lines]
    pos = 0
    for n, line in enumerate(raw_lines if used else ()):
        read_before[n] = bisect_left(starts, _to_repaired(index, pos) + 1) - 1 in used
        pos += len(line) + 1
    cells = _cells(raw_lines, read_before)
    items: list[dict] = []
    i = 0
    while i < len(cells):
        head = _header(cells, i) if cells[i][0] != "\x00" else None
        if head is None:
            i += 1
            continue
        k, r0, r1 = head
        labels = [c[0] for c in cells[k:r0]]
        regions = [c[0] for c in cells[r0:r1]]
        caption = _caption(raw, cells[k][1])
        if _GOAL_CAPTION.search(caption) and not _RESULT_CAPTION.search(caption):
            kind = "target"
        elif _RESULT_CAPTION.search(caption):
            kind = "statistic"
        else:
            i = r1
            continue
        years = _YEAR.findall(caption)
        period = years[-1] if years else (str(year) if year else None)
        numbered = any("序号" in x for x in labels)
        n_labels = len(labels) - (1 if numbered else 0)
        has_unit = any(re.fullmatch(r"(?:计量)?单位", x) for x in labels)
        j = r1
        serial = 1
        first_at, last_at = cells[k][1], cells[r1 - 1][2]
        while j < len(cells):
            if numbered:
                if cells[j][0] != str(serial):
                    break
                j += 1
            # the row's lines: up to the next serial number (or n_labels + regions lines)
            end = j
            limit = j + n_labels + (2 * len(regions) + 1 if numbered else len(regions))
            while end < len(cells) and end < limit and cells[end][0] != "\x00":
                t = cells[end][0]
                if len(t) > 30 or re.search(r"[。；;，,:：]", t):
                    break
                if numbered and t == str(serial + 1) and end > j + n_labels:
                    got = _row_values(cells[j + n_labels : end], len(regions))
                    if got is not None:
                        break
                end += 1
            group = cells[j:end]
            found = None
            for extra in (0, 1):  # an indicator's name broken over two lines
                nl = n_labels + extra
                if len(group) <= nl:
                    break
                vals = _row_values(group[nl:], len(regions))
                if vals is not None:
                    found = (group[:nl], vals)
                    break
            if found is None:
                break
            lab, vals = found
            unit_cell = lab[-1][0] if has_unit and lab else ""
            name_cells = lab[:-1] if has_unit and lab else lab
            name = "".join(c[0] for c in name_cells)
            for owner, (cell_text, a, b) in zip(regions, vals, strict=True):
                a, b = _to_repaired(index, a), _to_repaired(index, b - 1) + 1
                it = _item(
                    (cell_text, a, max(b, a + 1)), owner, name, unit_cell, kind, period, text
                )
                if it is not None:
                    items.append(it)
            last_at = group[-1][2]
            j = end
            serial += 1
        if items:
            a, b = _to_repaired(index, first_at), _to_repaired(index, last_at - 1)
            used.update(n for n, ln in enumerate(lines) if ln.start <= b and ln.end >= a)
        i = max(j, r1)
    return items
