"""Tables: each row read with its header.

Two shapes reach the extractor as text:
- pipe tables ("| 重点工作 | 责任单位 | 完成时限 |"), which the .docx, .html and
  .md readers produce;
- tables flattened to one cell per line, each line ending in " |" (web pages
  converted to text).

For each row the cells that hold the work (long cells) become segments for
the extractor, and the row's responsible unit (牵头单位, else 责任单位 …) and
deadline (完成时限) travel with them. A merged cell printed once applies to
the rows below it until the next value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .owners import is_organisation
from .periods import find_deadlines, find_times
from .repair import Line

_OWNER_COLS = (
    "牵头单位",
    "牵头部门",
    "责任单位",
    "责任部门",
    "主责单位",
    "承办单位",
    "实施单位",
    "责任主体",
    "牵头领导单位",
    # a bureau's own breakdown names its offices (责任科室: 产业科, 市农技中心)
    "责任科室",
    "牵头科室",
    "责任处室",
    "牵头处室",
)
_DEADLINE_COLS = (
    "完成时限",
    "时限",
    "完成时间",
    "时间节点",
    "截止时间",
    "期限",
    "完成期限",
    "时间安排",
)
# 分值/权重: the weight of a row in an assessment table, printed before its target
_SKIP_COLS = (
    "序号", "责任领导", "牵头领导", "分管领导", "责任人", "联系人", "备注", "编号",
    "分值", "权重", "分数", "得分",
)  # fmt: skip


@dataclass
class TableRow:
    line: int
    cells: list[tuple[int, int]] = field(default_factory=list)  # spans of work cells
    #: per cell: what its column holds ("target", "statistic" or None) and its
    #: column's period ("1-6月完成" → 2025M01-M06)
    kinds: list[str | None] = field(default_factory=list)
    col_periods: list[str | None] = field(default_factory=list)
    label: str | None = None  # the row's name (its first short text cell)
    owner: str | None = None
    #: the owner is the row's own name (| 长沙市 | 150 | 143 | 95.33% |): the row is that
    #: place's or unit's, results included
    owner_named_row: bool = False
    period: str | None = None
    deadline: str | None = None
    #: per cell, for a table of bare figures: the unit its column header gives (万美元)
    units: list[str | None] = field(default_factory=list)
    #: per cell: the column's name, the metric of a bare figure (合同外资)
    col_names: list[str | None] = field(default_factory=list)


def _col_role(name: str) -> str:
    n = re.sub(r"\s", "", name)
    if any(c in n for c in _OWNER_COLS):
        return "owner_lead" if "牵头" in n else "owner"
    if any(c in n for c in _DEADLINE_COLS):
        return "deadline"
    if any(c in n for c in _SKIP_COLS) or not n:
        return "skip"
    # a column of the plan's own figure (计划完成数, 年度计划投资额), not a rate of it
    # (计划投资完成率): goals
    if _PLAN_COL.match(n) and not _RATE_COL.search(n):
        return "target"
    # a column of results (实际完成, 1-6月完成, 序时进度) or of goals (全年目标, 预期目标)
    if _ACTUAL_COL.search(n):
        return "actual"
    if _TARGET_COL.search(n):
        return "target"
    return "work"


_PLAN_COL = re.compile(r"(?:年度|全年)?(?:计划|目标)")
_RATE_COL = re.compile(r"率|比例|占比|进度")
_ACTUAL_COL = re.compile(r"实际|完成(?!时)|进度|完成率|同比|累计|执行|(?:开复?工|竣工|达标|到位)率")
_TARGET_COL = re.compile(r"目标|计划|预期|任务值|指标值")


_BARE_MONTH = re.compile(r"\d{4}-\d{2}")


def _deadline_info(cell: str, year: int | None) -> tuple[str | None, str | None]:
    """(period, milestone deadline) for a deadline cell."""
    c = cell.strip()
    if not c:
        return None, None
    dl = find_deadlines(c + ("前" if not c.endswith("前") else ""), year)
    # (a month alone, 11月, dates the row's period; only a day or a month's end is a deadline)
    if dl and dl[0][2] and re.search(r"\d|底|末", c) and not _BARE_MONTH.fullmatch(dl[0][2][-1]):
        p = dl[0][2][-1]
        # a year-end deadline is the plan year itself (2025年12月底 → 2025)
        period = p[:4] if re.fullmatch(r"\d{4}(?:-12-31)?", p) else p
        return period, p
    times = find_times(c, year)
    if times and times[-1].period:
        return times[-1].period, None
    return None, None


def _owner_text(cell: str) -> str | None:
    parts = [p for p in re.split(r"[\s、,，;；/]+", cell.strip()) if p]
    return "、".join(parts) if parts else None


@dataclass
class _Cell:
    start: int
    end: int
    text: str


def _line_cells_pipe(text: str, ln: Line) -> list[_Cell]:
    s = text[ln.start : ln.end]
    cells = []
    pos = 0
    parts = s.split("|")
    # leading and trailing empty parts come from the outer pipes
    for k, part in enumerate(parts):
        cstart = ln.start + pos
        pos += len(part) + 1
        if (k == 0 or k == len(parts) - 1) and not part.strip():
            continue
        lead = len(part) - len(part.lstrip())
        cells.append(_Cell(cstart + lead, cstart + len(part.rstrip()), part.strip()))
    return cells


# a cell that is a figure with its unit ("1200个", "420亿元", "46.4%")
_FIGURE_CELL = re.compile(
    r"[<>≥≤]?\s?\d[\d.,]*\s?[万亿千百]?\s?[\u4e00-\u9fff%‰]{1,4}(?:以上|以内|左右)?"
)


_HAS_FIGURE = re.compile(r"\d").search


def _assign(header: list[str], cells: list[_Cell], roles: list[str]) -> list[tuple[str, _Cell]]:
    if len(cells) == len(header):
        return list(zip(roles, cells, strict=False))
    # merged cells: place cells by shape
    out = []
    for c in cells:
        t = c.text
        if re.fullmatch(r"\d{1,3}", t) and "skip" in roles:
            out.append(("skip", c))
        elif len(t) >= 12 or _FIGURE_CELL.fullmatch(t):
            out.append(("work", c))
        elif re.search(r"全年|长期|持续|\d{1,2}月|年底|年末|季度|前$", t) and "deadline" in roles:
            out.append(("deadline", c))
        elif re.search(r"(?:局|委|办|部|中心|政府|街道|乡镇|公司|单位)$", t):
            out.append(("owner_lead" if "owner_lead" in roles else "owner", c))
        else:
            out.append(("skip", c))
    return out


def _unit_moved_left(cells: list[_Cell], roles: list[str]) -> tuple[_Cell, bool] | None:
    """A flattened row whose merged leading cells were dropped: its cells start left of
    their columns and end in empty ones.  Right-aligned, its last cell is the unit of the
    owner column; the row continues the one above when no cell then reaches a work column
    (2021.8 | 某集团 | ||), else it is a row of its own (任务 | 10月底前 | 某局 | |)."""
    if len(cells) != len(roles) or not roles[-1].startswith("owner"):
        return None
    filled = [k for k, c in enumerate(cells) if c.text]
    if not filled or filled[-1] == len(cells) - 1:
        return None
    last = filled[-1]
    shift = len(cells) - 1 - last
    unit = cells[last]
    if len(unit.text) > 12 or not is_organisation(unit.text):
        return None
    reaches_work = any(roles[k + shift] in ("work", "target", "actual") for k in filled[:-1])
    return unit, not reaches_work


# a line above a table that gives the units of its bare figures ("单位:个、亿元", "(单位:万元)")
_UNIT_LINE = re.compile(r"(?:计量)?单位\s*[:：]\s*([^)）|]{1,16}?)\s*[)）]?\s*$")
_UNIT_WORD = re.compile(r"[万亿千百]?[\u4e00-\u9fff]{1,3}")
_COUNT_COL = re.compile(r"个数|数量|项目数|家数|户数|人数|件数|座数|数$")
_MONEY_COL = re.compile(r"投资|资金|金额|额$|收入|产值|总值|费用|经费")
_SHARE_COL = re.compile(r"率|比重|占比|比例|增长|增速|增幅|%")


def _unit_line_units(line: str) -> list[str]:
    """The units a table's unit line lists, in order ("单位:个、亿元" → 个, 亿元)."""
    m = _UNIT_LINE.search(line.strip())
    if not m:
        return []
    parts = [p for p in re.split(r"[、,，/;；\s]+", m.group(1)) if p]
    return parts if all(_UNIT_WORD.fullmatch(p) for p in parts) else []


def _column_unit(name: str, units: list[str]) -> str | None:
    """The unit of a column without its own, from the table's unit line: the only one,
    else the one its name asks for (项目个数 → 个, 年投资计划 → 亿元); none when unsure."""
    n = re.sub(r"\s", "", name)
    if not units or _SHARE_COL.search(n):
        return None
    if len(units) == 1:
        return units[0]
    money = [u for u in units if u.endswith("元")]
    counts = [u for u in units if not u.endswith("元")]
    is_count, is_money = bool(_COUNT_COL.search(n)), bool(_MONEY_COL.search(n))
    if is_count and not is_money and len(counts) == 1:
        return counts[0]
    if is_money and not is_count and len(money) == 1:
        return money[0]
    return None


def _rows_from(
    header: list[str],
    body: list[list[_Cell]],
    line_of: list[int],
    year: int | None,
    line_units: list[str] | None = None,
) -> list[TableRow]:
    rows: list[TableRow] = []
    carry_owner: str | None = None
    carry_deadline: tuple[str | None, str | None] = (None, None)
    roles = [_col_role(h) for h in header]
    has_owner_col = any(r.startswith("owner") for r in roles)
    has_deadline_col = "deadline" in roles
    # only a table with both a goal and a result column says which is which
    has_roles = "target" in roles and "actual" in roles
    name_col = next(
        (k for k, h in enumerate(header) if _NAME_COL.fullmatch(re.sub(r"\s", "", h))), None
    )
    periods = []
    for h in header:
        t = [x for x in find_times(h, year) if x.period]
        periods.append(t[-1].period if t else None)
    for cells, li in zip(body, line_of, strict=False):
        assigned = _assign(header, cells, roles)
        col_period = (
            {id(c): periods[k] for k, c in enumerate(cells)} if len(cells) == len(header) else {}
        )
        row = TableRow(li)
        lead = [c.text for r, c in assigned if r == "owner_lead" and c.text]
        resp = [c.text for r, c in assigned if r == "owner" and c.text]
        owner_cell = lead[0] if lead else (resp[0] if resp else None)
        moved = _unit_moved_left(cells, roles) if has_owner_col and not owner_cell else None
        above = rows[-1] if rows else None
        if moved is not None and moved[1] and above is not None and above.owner:
            # a continuation line (2021.8 | 某集团 | ||): its unit joins the row above
            joined = moved[0].text
            if joined not in above.owner.split("、"):
                above.owner = f"{above.owner}、{joined}"
            assigned = [(r, c) for r, c in assigned if c is not moved[0]]
            row.owner = above.owner
        else:
            if moved is not None:
                # a row that lost its merged first cell: its unit sits left of its column
                owner_cell = moved[0].text
                assigned = [(r, c) for r, c in assigned if c is not moved[0]]
            if owner_cell:
                carry_owner = _owner_text(owner_cell)
            elif not has_owner_col:
                carry_owner = None
            row.owner = carry_owner
        dls = [c.text for r, c in assigned if r == "deadline" and c.text]
        if dls:
            carry_deadline = _deadline_info(dls[0], year)
        elif not has_deadline_col:
            carry_deadline = (None, None)
        row.period, row.deadline = carry_deadline
        kept = [(r, c) for r, c in assigned if r in ("work", "target", "actual") and c.text]
        row.cells = [(c.start, c.end) for _r, c in kept]
        row.kinds = [
            {"target": "target", "actual": "statistic"}.get(r) if has_roles else None
            for r, _c in kept
        ]
        row.col_periods = [col_period.get(id(c)) for _r, c in kept]
        names = [c.text for r, c in assigned if r == "work" and c.text and not _HAS_FIGURE(c.text)]
        row.label = names[0] if names else None
        if len(cells) == len(header):
            # a breakdown table by unit (| 单位 | 到位资金(亿元) |): the row's name owns it,
            # and a bare figure takes its column's unit from the header
            if row.owner is None and name_col is not None:
                name = cells[name_col].text.replace(" ", "")
                if is_organisation(name) and not _TOTAL_ROW.match(name):
                    row.owner = name
                    row.owner_named_row = True
            units = []
            col_names = []
            for _r, c in kept:
                k = next(i for i, x in enumerate(cells) if x is c)
                m = _HEADER_UNIT.search(header[k])
                bare = bool(_BARE_FIGURE.fullmatch(c.text))
                unit = m.group(1) if m else _column_unit(header[k], line_units or [])
                if unit is None and bare and _COUNT_COL.search(re.sub(r"\s", "", header[k])):
                    unit = "个"  # 计划完成数 150: a count, its measure word the general one
                units.append(unit if bare else None)
                col_names.append(
                    _HEADER_UNIT.sub("", header[k]).replace(" ", "") if (unit and bare) else None
                )
            if any(units):
                row.units = units
                row.col_names = col_names
        if row.cells:
            rows.append(row)
    return rows


def parse_tables(text: str, lines: list[Line], year: int | None) -> tuple[list[TableRow], set[int]]:
    rows: list[TableRow] = []
    used: set[int] = set()
    i = 0
    n = len(lines)
    while i < n:
        if lines[i].kind != "table":
            i += 1
            continue
        j = i
        while j < n and (
            lines[j].kind == "table"
            or (lines[j].kind == "blank" and j + 1 < n and lines[j + 1].kind == "table")
        ):
            j += 1
        block = [k for k in range(i, j) if lines[k].kind == "table"]
        used.update(block)
        try:
            # the first line with a cell of text (not a stray "|" or "||||" before it)
            first = next(
                (
                    t
                    for k in block
                    if (t := text[lines[k].start : lines[k].end].strip()).strip("| ")
                ),
                "",
            )
            # a row of cells printed without its outer pipes ("序号 | 指标 | 目标值 | 责任单位 |")
            if first.startswith("|") or first.rstrip("|").count("|") >= 2:
                rows.extend(_pipe_table(text, lines, block, year, _units_above(text, lines, i)))
            else:
                rows.extend(_flat_table(text, lines, block, year))
        # A table that cannot be read as one is left to the sentence reader, not fatal.
        except Exception:  # noqa: S110 - see above
            pass
        i = j
    # a table of goals against results flattened one cell a line without pipes
    for run in _short_line_runs(text, lines, used):
        found = _role_rows(_line_cells(text, lines, run))
        if found:
            rows.extend(_rows_from(found[0], found[1], found[2], year))
            used.update(run[found[3] : found[4]])
    rows.sort(key=lambda r: r.line)
    return rows, used


_RUN_MIN = 8
_SHORT_LINE = 30
_SENTENCE_MARK = re.compile(r"[。；;，,]")


def _short_line_runs(text: str, lines: list[Line], used: set[int]) -> list[list[int]]:
    """Runs of short lines of text (blank lines between them allowed) that may be the cells
    of a table printed one a line: at least eight, none a sentence."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, ln in enumerate(lines):
        if ln.kind == "blank" and cur:
            continue
        t = text[ln.start : ln.end].strip()
        if (
            k not in used
            and ln.kind in ("content", "heading")
            and 0 < len(t) <= _SHORT_LINE
            and not _SENTENCE_MARK.search(t)
        ):
            cur.append(k)
            continue
        if len(cur) >= _RUN_MIN:
            runs.append(cur)
        cur = []
    if len(cur) >= _RUN_MIN:
        runs.append(cur)
    return runs


def _units_above(text: str, lines: list[Line], i: int) -> list[str]:
    """The units of the unit line just above the table starting at line i, if any."""
    k = i - 1
    while k >= 0 and lines[k].kind == "blank":
        k -= 1
    if k < 0 or lines[k].end - lines[k].start > 40:
        return []
    return _unit_line_units(text[lines[k].start : lines[k].end])


def _pipe_table(
    text: str, lines: list[Line], block: list[int], year: int | None, units: list[str] | None = None
) -> list[TableRow]:
    all_cells = [(_line_cells_pipe(text, lines[k]), k) for k in block]
    all_cells = [
        (c, k) for c, k in all_cells if not all(re.fullmatch(r":?-{2,}:?", x.text) for x in c)
    ]
    if not all_cells:
        return []
    header = [c.text for c in all_cells[0][0]]
    body = [c for c, _ in all_cells[1:]]
    return _rows_from(header, body, [k for _, k in all_cells[1:]], year, units)


# A breakdown table of bare figures flattened one cell a line: a header whose
# cells carry the units ("合同外资 (万美元)", "市外境内资金 (亿元)", a second row of
# sub-columns such as "其中:外省"), then rows of a name and its figures.
_BARE_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_HEADER_UNIT = re.compile(r"[(（]\s*([^)）]{1,6}?)\s*[)）]")
_TOTAL_ROW = re.compile(r"^(?:合\s?计|总\s?计|全\s?[市区县省])$")


_NAME_COL = re.compile(
    r"单位|单位名称|隶属|地区|区县|县区|县\(市、区\)|县（市、区）|乡镇|部门|责任主体|地方"
    r"|市州|州市|市县|县市区|市\(州\)|市（州）|城市"
)


def _figure_table(cells: list[tuple[_Cell, int]]) -> list[TableRow] | None:
    """Rows of a flattened table of bare figures under a header with units, if it is one."""
    cells = [(c, k) for c, k in cells if c.text.strip(" |")]
    if len(cells) < 6:
        return None
    is_fig = [bool(_BARE_FIGURE.fullmatch(c.text)) for c, _ in cells]
    if sum(is_fig) < len(cells) / 3:
        return None
    first = next((i for i in range(len(cells) - 1) if not is_fig[i] and is_fig[i + 1]), None)
    if not first:
        return None
    header = [c.text for c, _ in cells[:first]]
    if "序号" in header:
        return None  # numbered rows of text cells: read by their numbers
    unit_cols = [(h, m.group(1)) for h in header if (m := _HEADER_UNIT.search(h))]
    if not unit_cols:
        return None
    last_unit = max(i for i, h in enumerate(header) if _HEADER_UNIT.search(h))
    subs = [h for h in header[last_unit + 1 :] if not re.search(r"备\s?注", h)]
    width = max(
        (sum(1 for _ in _run(is_fig, i)) for i in range(first + 1, len(cells)) if is_fig[i]),
        default=0,
    )
    columns: list[tuple[str, str]] = []
    if len(subs) == width:
        it = iter(unit_cols)
        for sub in subs:
            if sub.startswith("其中") and columns:
                name, unit = columns[-1]
                columns.append((name + "(" + sub.split(":")[-1].split("：")[-1] + ")", unit))
            else:
                found = next(it, None)
                if found is None:
                    return None
                name, unit = found
                columns.append((_HEADER_UNIT.sub("", name).replace(" ", ""), unit))
    elif len(unit_cols) == width:
        columns = [(_HEADER_UNIT.sub("", n).replace(" ", ""), u) for n, u in unit_cols]
    else:
        return None
    rows: list[TableRow] = []
    parent: str | None = None
    i = first
    while i < len(cells):
        if is_fig[i] or i + 1 >= len(cells) or not is_fig[i + 1]:
            i += 1  # a remark cell (含LG全部) or a stray figure
            continue
        label_cell, k = cells[i]
        label = label_cell.text.replace(" ", "")
        is_sub = label.startswith("其中")
        name = re.sub(r"^其中[:：]?", "", label)
        j = i + 1
        figs: list[_Cell] = []
        while j < len(cells) and is_fig[j] and len(figs) < len(columns):
            figs.append(cells[j][0])
            j += 1
        row = TableRow(k)
        row.label = name
        if _TOTAL_ROW.match(label):
            row.owner = None  # the whole jurisdiction's row: the document's owner
            row.label = None  # its figures are named by their columns alone
        elif is_sub:
            row.owner = name  # 其中:食品工业园: the part the table names
        elif is_organisation(name):
            row.owner = name
            if not is_sub:
                parent = name
        else:
            row.owner = parent  # 园区外: the rest of the unit above
        row.cells = [(c.start, c.end) for c in figs]
        row.kinds = [None] * len(figs)
        row.col_periods = [None] * len(figs)
        row.units = [u for _n, u in columns[: len(figs)]]
        row.col_names = [n for n, _u in columns[: len(figs)]]
        rows.append(row)
        i = j
    return rows or None


def _run(flags: list[bool], i: int):
    while i < len(flags) and flags[i]:
        yield i
        i += 1


_TABLE_TITLE = re.compile(r"^.{4,40}(?:表|清单|一览|明细)$")


def _line_cells(text: str, lines: list[Line], block: list[int]) -> list[tuple[_Cell, int]]:
    """One cell a line, without the pipe that may close it."""
    cells = []
    for k in block:
        ln = lines[k]
        s = text[ln.start : ln.end]
        cell = s.rstrip()
        if cell.endswith("|"):
            cell = cell[:-1]
        lead = len(cell) - len(cell.lstrip())
        cells.append((_Cell(ln.start + lead, ln.start + len(cell.rstrip()), cell.strip()), k))
    return cells


_ROLE_COLS = ("target", "actual")
_MAX_CELL = 30


def _is_figure_cell(t: str) -> bool:
    """A cell of a row's figure (6.3%, 150亿元, 增长6%), not a column's name (1-6月完成)."""
    return _HAS_FIGURE(t) is not None and _col_role(t) not in _ROLE_COLS


def _role_rows(
    cells: list[tuple[_Cell, int]],
) -> tuple[list[str], list[list[_Cell]], list[int], int, int] | None:
    """A table flattened one cell a line whose header names a goal column and a result
    column (指标名称 | 预期目标 | 实际完成), then its rows of a name and figures: (header,
    rows, the line of each row, the first and the end cell read), or None."""
    for hs in range(min(3, len(cells))):
        f = next((i for i in range(hs, len(cells)) if _is_figure_cell(cells[i][0].text)), None)
        if f is None:
            return None
        for names in (1, 2):  # the row's name cells before its first figure
            he = f - names
            header = [c.text for c, _ in cells[hs:he]]
            roles = [_col_role(h) for h in header]
            first_role = next((k for k, r in enumerate(roles) if r in _ROLE_COLS), None)
            if (
                first_role != names
                or "target" not in roles
                or "actual" not in roles
                or any(len(h) > 16 or _HAS_FIGURE(h) and _col_role(h) == "work" for h in header)
            ):
                continue
            width = len(header)
            body: list[list[_Cell]] = []
            line_of: list[int] = []
            i = he
            while i + width <= len(cells):
                row = [c for c, _ in cells[i : i + width]]
                figures_ok = all(
                    _HAS_FIGURE(c.text) or c.text.strip("-—/ ") == ""
                    for c, r in zip(row, roles, strict=True)
                    if r in _ROLE_COLS
                )
                named = all(not _is_figure_cell(c.text) for c in row[:names])
                if not (figures_ok and named) or any(len(c.text) > _MAX_CELL for c in row):
                    break
                body.append(row)
                line_of.append(cells[i][1])
                i += width
            if len(body) >= 2:
                return header, body, line_of, hs, i
    return None


def _flat_table(text: str, lines: list[Line], block: list[int], year: int | None) -> list[TableRow]:
    cells = _line_cells(text, lines, block)
    figures = _figure_table(cells)
    if figures:
        return figures
    # a table of goals against results without serial numbers (预期目标 | 实际完成)
    roled = _role_rows([(c, k) for c, k in cells if c.text.strip("| ")])
    if roled:
        return _rows_from(roled[0], roled[1], roled[2], year)
    # the table's title and empty separator cells printed before its header
    # (洋县2024年十大民生实事项目清单 |, ||||||)
    while cells and (not cells[0][0].text.strip("| ") or _TABLE_TITLE.search(cells[0][0].text)):
        cells = cells[1:]
    # header: short cells up to the first serial number or the first long cell
    h = 0
    while (
        h < len(cells)
        and len(cells[h][0].text) <= 10
        and not re.fullmatch(r"\d{1,3}", cells[h][0].text)
    ):
        h += 1
    # a numbered table (序号 | … | 1 | …): its header runs to the first row's number,
    # long header cells included (年度投资金额 (万元))
    serial_at = next((i for i, (c, _) in enumerate(cells[:20]) if c.text == "序号"), None)
    if serial_at is not None and h > serial_at:
        one = next((i for i in range(h, min(len(cells), h + 12)) if cells[i][0].text == "1"), None)
        if one is not None and all(len(c.text) <= 16 for c, _ in cells[h:one]):
            h = one
    header = [c.text for c, _ in cells[:h]]
    if serial_at is not None:
        header = [x for x in header if x.strip("| ")]  # a "|" line closing the header row
    if not header:
        header = ["内容"]
    rest = cells[h:]
    body: list[list[_Cell]] = []
    line_of: list[int] = []
    serial = "序号" in "".join(header)
    if serial:
        expect = 1
        for c, k in rest:
            if c.text == str(expect):
                body.append([c])
                line_of.append(k)
                expect += 1
            elif body:
                body[-1].append(c)
        # an empty cell that closes a row ("|" before the next number) is a separator
        for row in body:
            while len(row) > len(header) and not row[-1].text.strip("| "):
                row.pop()
        # the last row runs on into a total row printed without a serial (全省 | 1500 | …):
        # its cells after the header's width, aligned under the columns after 序号
        if body and len(body[-1]) == 2 * len(header) - 1 and header[0] == "序号":
            extra = body[-1][len(header) :]
            del body[-1][len(header) :]
            body.append([_Cell(extra[0].start, extra[0].start, ""), *extra])
            line_of.append(next(k for c, k in rest if c is extra[0]))
    else:
        width = max(1, len(header))
        for idx in range(0, len(rest), width):
            chunk = rest[idx : idx + width]
            body.append([c for c, _ in chunk])
            line_of.append(chunk[0][1])
    return _rows_from(header, body, line_of, year)
