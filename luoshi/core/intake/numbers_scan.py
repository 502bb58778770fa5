"""Find quantities (number + magnitude + unit + hedge) in repaired text.

`scan_quantities(text, start, end)` yields `Quantity` records: the figure, its
unit (base unit, simplified), the comparator words around it, and ranges
("5%—6%", "1-2场") as two quantities. Forms that are not quantities are
dropped here: ordinals (第3), bare Chinese numerals in slogans and structure
counts (三项, 二十条), digit-less 万 from damaged text, durations and distances
(相隔近500公里), "之一" counts, and size qualifiers (亿元以上项目, 过10亿元项目),
which belong to the metric.

Every look-around is a bounded slice, so time is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.core.numbers import parse_number

from . import lexicon as lex

# \d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|[0-9.零〇一二两三四五六七八九十百千万亿]{1,40}
# written to start with the character class shared by both alternatives, so that
# the regex engine skips ahead to a figure instead of trying every position
_RUN_RE = re.compile(
    r"[0-9.零〇一二两三四五六七八九十百千万亿]"
    r"(?:(?<=\d)\d{0,2}(?:,\d{3})+(?![\d,])(?:\.\d+)?[万亿]{0,2}|[0-9.零〇一二两三四五六七八九十百千万亿]{0,39})"
)
_RUN_CHARS = set("0123456789.零〇一二两三四五六七八九十百千万亿")
_CN_SMALL = set("零〇一二两三四五六七八九十")
_MAGN = set("百千万亿")

UNITS = sorted(
    """个百分点 百分点 平方公里 平方千米 平方米 立方米 千瓦时 万千瓦 千瓦 兆瓦 公里 千米 公顷 千克 公斤
    美元 欧元 港元 元 人次 户次 家次 辆次 台次 场次 项次 个次 架次 标箱 吨 人 个 家 户 亩 斤 只 双 辆 台 套 项
    场 处 座 米 条 所 间 张 件 批 名 位 株 棵 头 栋 幢 床 升 克 艘 架 宗 笔 份 册 篇 本 趟 片 块 盏 根 口 眼
    人公里 吨公里 批次 倍 届 期 轮 支 对 组 团 村 镇 公顷 km 起 次 微克/立方米 毫克/立方米 毫克/升 立方米/秒 元/吨
    元/平方米 元/人 载重吨 标准箱 吨标准煤 条段 例 穴 担 GWh""".split(),
    key=len,
    reverse=True,
)
_UNIT_FIRST = {u[0] for u in UNITS}
# the units by first character, longest first as in UNITS: a figure is followed
# by one character that selects a handful of units to try
_UNITS_BY_FIRST: dict[str, list[str]] = {}
for _u in UNITS:
    _UNITS_BY_FIRST.setdefault(_u[0], []).append(_u)

_PRE_WORDS = [
    ("不少于", ">="),
    ("不低于", ">="),
    ("不超过", "<="),
    ("不高于", "<="),
    ("不多于", "<="),
    ("不足", "<"),
    ("不到", "<"),
    ("低于", "<"),
    ("少于", "<"),
    ("小于", "<"),
    ("至少", ">="),
    ("超过", ">"),
    ("超出", ">"),
    ("突破", ">"),
    ("高于", ">"),
    ("大于", ">"),
    ("多于", ">"),
    ("达到", "reach"),
    ("达", "reach"),
    ("超", ">"),
    ("逾", ">"),
    ("过", ">"),
    ("接近", "~"),
    ("将近", "~"),
    ("大约", "~"),
    ("近", "~"),
    ("约", "~"),
    ("控制在", "<="),
]
_POST_WORDS = [
    ("及以上", ">="),
    ("以上", ">="),
    ("以下", "<="),
    ("以内", "<="),
    ("之内", "<="),
    ("左右", "~"),
    ("上下", "~"),
]
_POST_FIRST = frozenset(w[0] for w, _ in _POST_WORDS)
#: the comparator a word after a figure gives (以上 >=, 左右 ~, 以内 <=)
POST_COMPARATOR = dict(_POST_WORDS)
_EXCLUDE_BEFORE = (
    "相隔",
    "相距",
    "距离",
    "运行",
    "历时",
    "用时",
    "长达",
    "时长",
    "耗时",
    "第",
    "编号",
    "序号",
)
# A word before the figure that is a suffix of another comes after it in
# _PRE_WORDS (过 after 超过 after 不超过), so the first word of the list that
# ends the text before a figure is the longest one: a lookup by length finds it.
_PRE_WORD = dict(_PRE_WORDS)
# Checked once at import, a guard on the table above, not on input.
assert all(  # noqa: S101 - see above
    not b.endswith(a) for i, (a, _c) in enumerate(_PRE_WORDS) for b, _d in _PRE_WORDS[i + 1 :]
), "a longer word of _PRE_WORDS must come before its suffix"
_PRE_WORD_LENGTHS = sorted({len(w) for w in _PRE_WORD}, reverse=True)


# a bound forbidden (不得超过8个, 严禁低于…): the reverse bound, inclusive
_NEGATED = ("不得", "不能", "不可", "不宜", "不应", "不准", "严禁", "禁止", "不许")
_REVERSED = {">": "<=", "<": ">="}


def pre_comparator(before: str) -> str | None:
    """The comparator of the word of _PRE_WORDS that ends `before` (不低于 >=, 约 ~), None
    for none and for a word that only says a figure is reached (达到)."""
    c = _pre_word(before)
    return None if c == "reach" else c


def _pre_word(before: str) -> str | None:
    """The comparator ("reach" for 达到) of the word of _PRE_WORDS that ends `before`."""
    for n in _PRE_WORD_LENGTHS:
        if len(before) >= n:
            c = _PRE_WORD.get(before[-n:])
            if c is not None:
                if c in _REVERSED and before[:-n].endswith(_NEGATED):
                    return _REVERSED[c]
                return c
    return None


_EXCLUDED_BEFORE = re.compile("|".join(_EXCLUDE_BEFORE[:-3]))
_RANGE_SEPS = "-—~～至到"
_HAS_DIGIT = re.compile(r"\d").search
_FOLLOW_OK = set("%％‰成个") | _UNIT_FIRST
_COUNTED_THINGS = ("个", "项", "家")
_SIZE_NOUNS = ("项目", "企业", "工业", "重点", "产业", "以上")
_LIST_CLOSES = re.compile(r"等(?:[。，,；;、)）]|$)")


@dataclass(slots=True)
class Quantity:
    start: int  # start of the figure (or of 上/近…)
    end: int  # end of unit and hedge
    num_start: int
    value: float
    unit: str
    comparator: str | None  # from the words around the figure; None for a bare figure
    reach: bool = False  # 达到: >= in a target, = in a statistic
    note: str | None = None
    range_pair: int = 0  # 1 for the low end, 2 for the high end


def _unit_at(text: str, pos: int, end: int) -> tuple[str | None, int]:
    if pos >= end:
        return None, pos
    ch = text[pos]
    if ch == "%" or ch == "％":
        return "%", pos + 1
    if ch == "‰":
        return "‰", pos + 1
    units = _UNITS_BY_FIRST.get(ch)
    if units is None:
        return None, pos
    for u in units:
        if text.startswith(u, pos) and pos + len(u) <= end:
            unit = u
            npos = pos + len(u)
            if unit == "个百分点":
                unit = "百分点"
            # 台(套): the bracketed alternative is part of the unit, written as the
            # corpus annotations write it (half-width brackets).
            if npos < end and text[npos] in "(（":
                close = text.find(")" if text[npos] == "(" else "）", npos, min(end, npos + 4))
                if close > 0 and all(c in _UNIT_FIRST for c in text[npos + 1 : close]):
                    unit = f"{unit}({text[npos + 1 : close]})"
                    npos = close + 1
            if npos < end and text[npos] == "/" and "/" not in unit:
                per, npos = _per_unit(text, npos, end, unit)
                unit += per
            if unit.endswith(_PER_HEAD):
                unit, npos = _per_head_and_time(text, npos, end, unit)
            return unit, npos
    return None, pos


_PER_SCALE = set("十百千万")
# a daily capacity (8万立方米/日, 500吨/天); a yearly one (30万吨/年) is left to
# the unit alone, as capacities in a project's name are read by their unit
_PER_DAY = set("日天")
_PER_HEAD = ("/人", "/户")
_PER_TIME = re.compile(r"[·•]?([月年])")


def _per_head_and_time(text: str, pos: int, end: int, unit: str) -> tuple[str, int]:
    """A standard per person and per month or year (835元/人月, 2万元/人·年):
    the month or year belongs to the unit, written without the dot."""
    m = _PER_TIME.match(text, pos, end)
    return (unit + m.group(1), m.end()) if m else (unit, pos)


def _per_unit(text: str, pos: int, end: int, unit: str) -> tuple[str, int]:
    """A rate written after its unit (4批次/千人, 3张/万人, 80元/吨): the
    denominator, an optional scale and a unit, belongs to the unit."""
    i = pos + 1
    if i < end and text[i] in _PER_SCALE:
        i += 1
    if i < end and text[i] in _PER_DAY:
        return "/日", i + 1
    for u in _UNITS_BY_FIRST.get(text[i], ()) if i < end else ():
        if text.startswith(u, i) and i + len(u) <= end:
            return text[pos : i + len(u)], i + len(u)
    return "", pos


# up to the last clause mark of a window (greedy, so the regex engine finds the last one)
_UP_TO_LAST_MARK = re.compile(r"(?s).*[。！？!?；;,，:：\n|]")


def _clause_start(text: str, pos: int, lo: int) -> int:
    """After the last clause mark of the 60 characters before pos (not before lo)."""
    floor = max(lo, pos - 60)
    m = _UP_TO_LAST_MARK.match(text, floor, pos)
    return m.end() if m else floor


def _minus_sign(text: str, s: int, lo: int, low: Quantity | None, unit: str | None) -> bool:
    """A minus sign before the figure at s (增幅-1.1%, 调整为-4%, (全国-7.0%), 增长负2.3%):
    a hyphen after a word or an opening mark, not the dash of a range (1-2场, 5%-6%,
    3个-5个: the low end of the range is pending there), nor a bullet at a line's start;
    负 right before a rate (not 减负250亿元, a burden lifted, nor 正负2%, plus or minus)."""
    if s - 1 <= lo:
        return False
    sign, before = text[s - 1], text[s - 2]
    if sign == "负":
        return unit in ("%", "百分点") and before not in _NOT_MINUS_BEFORE_FU
    if sign != "-" or (low is not None and low.end == s):
        return False
    return "\u4e00" <= before <= "\u9fff" or before in _SIGN_OPENERS


_SIGN_OPENERS = frozenset("(（:：,，、")
# 减负, 担负, 正负: 负 is a word's end there, not a sign
_NOT_MINUS_BEFORE_FU = frozenset("减担正胜抱欠自")


def _parse_run(
    run: str, shang: bool, text: str, after: int, has_digit: bool
) -> tuple[float | None, str | None, int]:
    """Value, special unit, and how many trailing run chars belong to the unit instead."""
    if not has_digit:
        if all(c in _MAGN for c in run):
            if not shang or len(run) != 1:
                return None, None, 0
            return {"百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}[run], None, 0
        if not any(c in _MAGN for c in run):
            # bare small Chinese numeral: only 四成 style shares count
            if text.startswith("成", after):
                v = parse_number(run)
                return (v * 10 if v is not None else None), "成", 0
            return None, None, 0
    elif text.startswith("成", after) and not any(c in _MAGN for c in run):
        v = parse_number(run)
        return (v * 10 if v is not None else None), "成", 0
    return parse_number(run), None, 0


_COUNT_VERB = lex.cue("count_verb")
_COUNTERS = frozenset("个家所项座场户处名台辆间套")
_COUNT_CLOSES = re.compile(r"(?:以上|左右|以内|$|[。，,;；、！!）)])")
_SMALL_NUMERAL = re.compile(r"[一两二三四五六七八九十]{1,3}")


# the rest of a list whose last member is in points (…、7 个、14 个和4.8 个百分点)
# a rate or its change before a figure in 个点 (增速高于全省1个点, 拉高2个点)
_RATE_CHANGE = re.compile(
    r"增速|增幅|增长率|[率速](?:高于|低于|快于|慢于|提高|下降|回落)|高于|低于|快于|慢于|拉高|拉低|拉动"
)
_POINTS_LIST_END = re.compile(r"(?:\s?[、和及与]\s?[\d.]+\s?个)*\s?[、和及与]\s?[\d.]+\s?个百分点")
_GAP = frozenset(" \u3000\t\n")
_LIST_SEPS = frozenset("、和及与")
_RATE_LIST_END = re.compile(
    r"(?:\s?[、和及与]\s?\d+(?:\.\d+)?)*\s?[、和及与]\s?\d+(?:\.\d+)?\s?(个百分点|%|％)"
)


def _shared_rate_unit(text: str, e: int, end: int) -> str | None:
    """The unit the last member of a list of bare rates names (16.6、15.5个百分点, 15.8和
    5.4个百分点, 4.8、6.9%): 百分点 or %; None when the list ends otherwise."""
    m = _RATE_LIST_END.match(text, e, end)
    if m is None:
        return None
    return "%" if m.group(1) in ("%", "％") else "百分点"


def _unit_after_gap(text: str, e: int, end: int) -> int | None:
    """Where the unit starts after one or two blank characters at e (a magnitude 万/亿
    included), if a unit follows them; None otherwise."""
    j = e
    while j < end and j - e < 2 and text[j] in _GAP:
        j += 1
    if j >= end or text[j] in _GAP or "\n\n" in text[e:j]:
        return None
    at = j + 1 if text[j] in "万亿" else j
    unit, _ = _unit_at(text, at, end)
    # a unit written in letters after a space (5 G, 3 km) is not one of ours
    return j if unit is not None and unit[0] not in "GMkK" else None


def _counted_in_words(text: str, s: int, e: int, start: int, low) -> bool:
    """A small numeral that counts: right after a count verb (引进一个, 新增两家), or the
    high end of a range whose low end was one (三至五场)."""
    if not _SMALL_NUMERAL.fullmatch(text, s, e):
        return False
    # 建设一批, 引进一批: a batch of unsaid size, not a count
    if text.startswith("批", e) and text[s:e] in ("一", "两"):
        return False
    if low is not None and low.end == s:
        return True
    # 学校十二所, 项目二十个以上: a numeral of tens and its counter that close the clause
    # count (not 第十二个, 十二个重点产业, 抓好十一个方面, 出台二十条)
    if (
        e - s >= 2
        and "十" in text[s:e]
        and text[e : e + 1] in _COUNTERS
        and text[s - 1 : s] != "第"
        and _COUNT_CLOSES.match(text, e + 1)
    ):
        return True
    verb = _COUNT_VERB.search(text, max(start, s - 4), s)
    return verb is not None and verb.end() == s


_OWNER_LABELS = ("责任单位", "牵头单位", "责任部门", "牵头部门", "配合单位")


def _has_pre_comparator(text: str, s: int, start: int) -> bool:
    before = text[max(start, s - 4) : s]
    return any(before.endswith(w) for w, c in _PRE_WORDS if c not in ("reach", "~"))


def _flush(pending: Quantity | None, out: list[Quantity]) -> None:
    if pending is not None and pending.unit:
        pending.end -= 1
        out.append(pending)
    return None


_PERCENT_WORD = re.compile(
    r"百分之([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十]{1,4}(?:点[零〇一二三四五六七八九]{1,3})?)"
)
_CN_DECIMAL = dict(zip("零〇一二三四五六七八九", "00123456789", strict=True))


def _percent_words(text: str, start: int, end: int) -> list[Quantity]:
    """百分之五 / 百分之3.5."""
    out: list[Quantity] = []
    if "百分之" not in text[start:end]:
        return out
    for m in _PERCENT_WORD.finditer(text, start, end):
        raw = m.group(1)
        if "点" in raw:
            head, frac = raw.split("点", 1)
            value = parse_number(head)
            if value is not None:
                value = float(f"{int(value)}.{''.join(_CN_DECIMAL[c] for c in frac)}")
        else:
            value = parse_number(raw)
        if value is None:
            continue
        pos = m.end()
        comp = None
        for w, word_comp in _POST_WORDS:
            if text.startswith(w, pos):
                comp, pos = word_comp, pos + len(w)
                break
        before = text[max(start, m.start() - 4) : m.start()]
        reach = False
        if comp is None:
            c = _pre_word(before)
            if c == "reach":
                reach = True
            elif c is not None:
                comp = c
        out.append(Quantity(m.start(), pos, m.start(), value, "%", comp, reach=reach))
    return out


# a bare magnitude a level is reached at (营收稳定在百亿元以上, 产量均稳定在百万吨以上,
# 突破千亿元大关): a round figure; a bare magnitude elsewhere names a kind (千亿元园区)
_BARE_MAGNITUDE = re.compile(
    r"(?:(?<=稳定在|保持在|突破了|超过了|达到了)|(?<=突破|超过|达到|迈上|站上))([百千])(万亿|万|亿)?"
)
_BARE_VALUE = {"百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_BARE_END = re.compile(r"(?:以上|大关|规模)?(?=[,，。；;、)）\s]|$)")


def _bare_magnitudes(text: str, start: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _BARE_MAGNITUDE.finditer(text, start, end):
        unit, pos = _unit_at(text, m.end(), end)
        if unit is None or unit in ("个", "项", "家", "%"):
            continue
        tail = _BARE_END.match(text, pos, end)
        if tail is None:
            continue  # 百亿元园区, 千亿级产业: a magnitude in a name
        value = _BARE_VALUE[m.group(1)] * (_BARE_VALUE[m.group(2)] if m.group(2) else 1.0)
        comp = None
        for w, word_comp in _POST_WORDS:
            if text.startswith(w, pos):
                comp, pos = word_comp, pos + len(w)
                break
        reach = False
        if comp is None:
            c = _pre_word(text[max(start, m.start() - 4) : m.start()])
            if c == "reach":
                reach = True
            elif c is not None:
                comp = c
        out.append(Quantity(m.start(), pos, m.start(), value, unit, comp, reach=reach))
    return out


def scan_quantities(text: str, start: int, end: int) -> list[Quantity]:
    out = _scan(text, start, end)
    extra = _percent_words(text, start, end)
    if text.find("百", start, end) >= 0 or text.find("千", start, end) >= 0:
        bare = _bare_magnitudes(text, start, end)
        if bare:
            extra = extra + bare
    if extra:
        out = sorted(out + extra, key=lambda q: q.num_start)
    return out


def _scan(text: str, start: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    pending_range: Quantity | None = None
    for m in _RUN_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        run = m.group(0)
        counted = False
        # (dots stripped and a magnitude joined below change no digit of the run)
        digits = _HAS_DIGIT(run) is not None
        if not digits:
            # Chinese numerals alone count only with a magnitude (四十万), as 上千, as 四成,
            # or as a count after a verb of the lexicon (引进一个, 新增两家, 举办三至五场)
            counted = _counted_in_words(text, s, e, start, pending_range)
            if not (_MAGN & set(run)) and not text.startswith("成", e) and not counted:
                if pending_range is not None:
                    _flush(pending_range, out)
                    pending_range = None
                continue
        # strip dots at the edges
        while run and run[0] == ".":
            run, s = run[1:], s + 1
        while run and run[-1] == ".":
            run, e = run[:-1], e - 1
        if not run:
            continue
        if (s > start and text[s - 1] in _RUN_CHARS) or (
            e < end and text[e] in _RUN_CHARS and len(run) >= 40
        ):
            continue
        # 千瓦 / 千米 / 千克 and 百分点 belong to the unit
        if run[-1] == "千" and e < end and text[e] in "瓦米克" and len(run) > 1:
            run, e = run[:-1], e - 1
        if run[-1] == "百" and text.startswith("分点", e) and len(run) > 1:
            run, e = run[:-1], e - 1
        shang = s > start and text[s - 1] == "上" and run[0] in _MAGN
        # 5.2兆元 (a Taiwan or Hong Kong paper's 兆 is 万亿); 兆瓦 stays a unit
        trillion = digits and text.startswith("兆元", e)
        # 120 亿元, 5 所, 9.9⏎个: a figure cut from its unit by a space or a PDF's line break
        if digits and e < end and text[e] in _GAP and not trillion:
            j = _unit_after_gap(text, e, end)
            if j is not None:
                if text[j] in "万亿":
                    run, j = run + text[j], j + 1
                e = j
        # cheap look at what follows: no unit, share, hedge or range mark means no quantity
        k = e + 1 if e < end and text[e] in "余多" else e
        # 分别高于全国、全区16.6、15.5个百分点: a member of a list of rates printed bare,
        # the list's last member names the unit they share
        shared = (
            _shared_rate_unit(text, e, end) if digits and text[e : e + 1] in _LIST_SEPS else None
        )
        if (
            not trillion
            and shared is None
            and k < end
            and text[k] not in _FOLLOW_OK
            and text[e] not in _RANGE_SEPS
        ):
            _flush(pending_range, out)
            pending_range = None
            continue
        if k >= end:
            _flush(pending_range, out)
            pending_range = None
            continue
        try:
            if counted:
                value, special = parse_number(run), None
            else:
                value, special, _ = _parse_run(run, shang, text, e, digits)
        # A run that is not a number is not a figure: skip it, read the rest of the text.
        except Exception:  # noqa: S112 - see above
            continue
        if value is None:
            _flush(pending_range, out)
            pending_range = None
            continue
        pos = e
        if trillion:
            value, pos = value * 1e12, pos + 1
        approx = None
        if pos < end and text[pos] in "余多" and not text.startswith("多元", pos):
            approx = ">"
            pos += 1
        unit: str | None
        if special == "成":
            unit, pos = "%", pos + 1
        elif shared is not None:
            unit = shared
        else:
            unit, pos = _unit_at(text, pos, end)
        if (
            unit == "个"
            and pos < end
            and text[pos] == "点"
            and _RATE_CHANGE.search(text, _clause_start(text, s, start), s)
        ):
            # 增速高于全省1个点: spoken for a percentage point, after a rate or its change
            # (not 建设3个点位, 10个点 of a network)
            unit, pos = "百分点", pos + 1
        q_start = s - 1 if shang else s
        signed = digits and _minus_sign(text, s, start, pending_range, unit)
        if signed:
            value, q_start = -value, s - 1
        if unit is None:
            # "1-2场": remember a possible range low end
            if pos < end and text[pos] in _RANGE_SEPS and (counted or digits):
                pending_range = Quantity(q_start, pos + 1, s, value, "", None)
            else:
                _flush(pending_range, out)
                pending_range = None
            continue
        if unit == "成" or (unit in ("倍", "届", "期", "轮", "起", "次") and not digits):
            _flush(pending_range, out)
            pending_range = None
            continue
        # exclusions before the figure
        pre = text[max(start, s - 5) : s]
        if (
            _EXCLUDED_BEFORE.search(pre)
            or (s > start and text[s - 1] == "第")
            or pre.endswith("第 ")
        ):
            _flush(pending_range, out)
            pending_range = None
            continue
        post_comp = None
        for w, word_comp in _POST_WORDS if text[pos : pos + 1] in _POST_FIRST else ():
            if text.startswith(w, pos) and pos + len(w) <= end:
                post_comp = word_comp
                pos += len(w)
                break
        tail = text[pos : min(end, pos + 8)]
        if "之一" in tail[:7]:
            _flush(pending_range, out)
            pending_range = None
            continue
        # size qualifiers: 3000万元以上工业项目, 投资过10亿元项目
        nxt = tail[:1]
        is_han = bool(nxt) and "\u4e00" <= nxt <= "\u9fff"
        if is_han and nxt not in "的和及、与或":
            # (a label of the owner run on after it, 7%以上责任单位:…, qualifies nothing)
            if (
                post_comp in (">=", "<=")
                and text[pos - 2 : pos] in ("以上", "以下")
                and not tail.startswith(_OWNER_LABELS)
                # (签约10个以上招商项目: a count of the things named after it, not a class)
                and unit not in _COUNTED_THINGS
                # (…下降12.5%以上等。: the 等 that closes a list, no class after it)
                and not _LIST_CLOSES.match(tail)
            ):
                _flush(pending_range, out)
                pending_range = None
                continue
            if (
                s > start
                and text[s - 1] in "过超"
                and unit in ("元", "美元")
                and tail.startswith(_SIZE_NOUNS)
            ):
                _flush(pending_range, out)
                pending_range = None
                continue
        if (
            nxt == "的"
            and (post_comp or _has_pre_comparator(text, s, start))
            and not tail.startswith(("的目标", "的任务", "的增长", "的水平", "的比例"))
        ):
            _flush(pending_range, out)
            pending_range = None
            continue
        pre_comp = None
        reach = False
        lo = _clause_start(text, s, start)
        before = text[max(lo, q_start - 4) : q_start]
        c = _pre_word(before)
        if c == "reach":
            reach = True
        elif c is not None:
            pre_comp = c
        comparator = post_comp or pre_comp or approx or (">=" if shang else None)
        if unit == "个" and _POINTS_LIST_END.match(text, pos, end):
            unit = "百分点"  # 分别提高9.9个、3.1个百分点: the list's last member names the unit

        q = Quantity(
            q_start,
            pos,
            q_start if signed else s,
            value,
            unit,
            comparator,
            reach=reach and not comparator,
        )
        low = pending_range
        pending_range = None
        if low is not None and low.end == s and low.value < value and low.unit in ("", unit):
            low.unit = unit
            low.comparator = ">="
            low.reach = False
            low.note = "range: low end"
            low.range_pair = 1
            q.comparator = "<="
            q.reach = False
            q.note = "range: high end"
            q.range_pair = 2
            q.start = low.start
            low.end = q.end
            out.append(low)
        elif low is not None and low.unit:
            low.end = low.end - 1
            out.append(low)
        # "5%—6%": a full quantity followed by a range separator and a number
        if (
            pos + 1 < end
            and text[pos] in _RANGE_SEPS
            and post_comp is None
            and text[pos + 1].isdigit()
        ):
            q.end = pos + 1
            pending_range = q
            continue
        out.append(q)
    _flush(pending_range, out)
    # a distributive list ("分别增长5.2%、8%左右"): the hedge at the end applies to all
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.comparator is None and not a.reach and b.comparator and text[a.end : b.start] == "、":
            if a.unit == b.unit and not b.note:
                a.comparator = b.comparator
    return out
