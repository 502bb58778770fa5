"""Time expressions in work-plan text: reference periods and deadlines.

`find_times(text, year)` returns `TimeExpr` records in text order. Each has a
`period` in the corpus notation (2025, 2025-05-30, 2024-09, 2024Q1-Q3, 2025H1,
2025M01-M04, 2025YTD, 2025春节假期) or None for "目前" (undated), a `role`:
- "target": 到2027年 (a target year),
- "deadline": …前 (a milestone deadline),
- "past": a period that reports progress or lies before the document year,
- "plain": anything else,
and whether it is a year-only reference.

`find_deadlines(text, year)` returns deadline lists such as
"20254月8日、7月8日、10月8日及12月8日前", one period per date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fastre import guarded, scanning, with_start_set

_CN_MONTH = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
# (○, the white circle, is how many texts print 〇: 二○二五年)
_CN_YEAR_DIGITS = dict(zip("〇○零一二三四五六七八九", "000123456789", strict=True))

YEAR_RE = r"(?:19|20)\d{2}"


@dataclass
class TimeExpr:
    start: int
    end: int
    period: str | None
    role: str  # target, deadline, past, plain, now, base (a baseline: 以2012年…为基础)
    year: int | None = None
    generic: bool = False  # 今年 / 全年: less specific than a date in the same sentence
    as_of: bool = False  # 截至11月30日: a result summed up to a day, no goal's period


# every time expression starts with one of these; the lookahead lets the scan skip other text fast
# (and each alternative has a look-ahead of its own, fastre.guarded: where a 年 or a digit
# lets the scan in, only the alternatives that can start there are entered)
_TIME_FIRST = "0-9〇○零一二三四五六七八九到至前上今去开年全本当目截春第过"
_TIME_START = f"(?=[{_TIME_FIRST}])"
# the starts the scan lets in that open no time, refused here at once instead of in each
# alternative: a figure whose digits are followed by none of the characters a time goes
# on with (年 月 季 a range mark, 第 or a quarter's numeral, a space then a digit), a
# numeral not before 季 nor opening a year (二〇二五年), 到/至 not before a year, 前 not
# before a count of months or 三季度, a 年 that opens none of 年前三季度, 年上半年,
# 年第一季度, 年3月, 年初/年内; 上 not before 半 or 年, 今/去/本/开/全 not before 年,
# 目/当 not before 前, 截 not before 至目前, 春 not before 节, 第 not before a quarter
_TIME_SKIP = (
    r"(?![0-9](?!\d*+(?:\s?[年月季前上第一二三四\-—~～至到]|\s\d))"
    r"|[〇○零一二三四五六七八九](?!季|[〇○零一二三四五六七八九]{3}年|年来)"
    r"|到(?!\s?[12])|至(?!\s?\d)|前(?![\s\d十一二三四五六七八九])|年(?![前上第一二三四内初\s\d])"
    r"|上(?![半年])|[今去本开全](?!年)|[目当](?!前)|截(?![至止]\s?(?:目前|\d))|春(?!节)"
    r"|第(?![一二三四1-4]季)|过(?!去的?[五5]年))"
)
_TIME_RE = with_start_set(
    _TIME_START
    + _TIME_SKIP
    + "(?:"
    + guarded(
        [
            r"(?P<to>(?<![增降升减截])[到至]\s?(?P<toy>" + YEAR_RE + r")\s?年(?:底|末)?)",
            r"(?P<q3>(?P<q3y>" + YEAR_RE + r")?年?前三季度)",
            r"(?P<h1>(?P<h1y>" + YEAR_RE + r")?年?上半年)",
            r"(?P<q>(?P<qy>" + YEAR_RE + r")?年?第?(?P<qn>[一二三四1-4])季度)",
            r"(?P<mr>(?P<mry>"
            + YEAR_RE
            + r")?年?\s?(?P<m1>\d{1,2})\s?[-—~～至到]\s?(?P<m2>\d{1,2})\s?(?:月份?|(?=累计)))",
            # 截至11月30日, 截至9月底, 至6月底,: the months a result sums up to that day
            r"(?P<asof>(?:截[至止]|(?<![\d截甚])至(?=\s?\d{1,2}\s?月\s?(?:\d{1,2}\s?日|底|末)\s?[,，]))\s?(?:(?P<asofy>"
            + YEAR_RE
            + r")\s?年)?\s?(?P<asofm>\d{1,2})\s?月\s?(?:(?P<asofd>\d{1,2})\s?日|底|末))",
            r"(?P<fm>前\s?(?P<fmn>\d{1,2}|十[一二]?|[一二三四五六七八九])\s?个?月)",
            r"(?P<lym>去年\s?(?P<lymm>\d{1,2})\s?月)",
            r"(?P<ymd>(?P<ymdy>"
            + YEAR_RE
            + r")?\s?年?\s?(?P<ymdm>\d{1,2})\s?月\s?(?P<ymdd>\d{1,2})\s?日)",
            r"(?P<ym>(?P<ymy>" + YEAR_RE + r")\s?年\s?(?P<ymm>\d{1,2})\s?月)",
            r"(?P<tym>今年\s?(?P<tymm>\d{1,2})\s?月(?!\s?\d{1,2}\s?日))",
            r"(?P<ytd>(?:开年|今年|年初|年内)以来|今年来)",
            # 过去五年, 五年来 in a 2018 report: the five years before it, 2013-2017
            r"(?P<p5>过去的?[五5]年|(?<![近十])五年来)",
            r"(?P<ly>(?<![比较同])(?:去年|上年))",
            r"(?P<fest>春节(?:假期|期间|黄金周)?)",
            r"(?P<y>(?P<yy>" + YEAR_RE + r")\s?年(?:度)?)",
            r"(?P<cy>(?P<cyy>[〇○零一二三四五六七八九]{4})年)",
            r"(?P<ty>今年|(?<![占佔])全年(?!计划)|本年度|本年|年内)",
            r"(?P<now>目前|当前|截至目前)",
        ]
    )
    + ")",
    _TIME_FIRST,  # (a search skips ahead to these characters)
)


_OPENS_CLAUSE = re.compile(r"\s?[,，]")


def _valid_month(m: int) -> bool:
    return 1 <= m <= 12


_TIME_HINT = re.compile(r"[年月季春目当今去前]")
# a five-year plan's period, named as a time (“十二五”时期, 十三五期间): not the plan;
# searched on its own, since 十 and “ are too common to start the scan of _TIME_RE
_FIVE_YEAR_RE = scanning(r"[“\"]?十([一二三四五])五[”\"]?(?:时期|期间|以来)")


def find_times(
    text: str, year: int | None, pub_month: int | None = None, review_year: int | None = None
) -> list[TimeExpr]:
    """`review_year`: the year a report dated later looks back on (a 2021 progress table dated
    2022); a part of a year printed without its year (上半年, 一季度, 1-5月) is of that year."""
    out: list[TimeExpr] = []
    inyear = review_year or year
    five_year = _five_year_periods(text, year, out) if year and "五" in text else 0
    if not _TIME_HINT.search(text):
        return out
    for m in _TIME_RE.finditer(text):
        g = m.lastgroup
        s, e = m.start(), m.end()
        y: int | None
        try:
            if g == "to":
                y = int(m.group("toy"))
                # 恢复到2019年的113%: the level of that year a figure is a share of
                role = "base" if _SHARE_OF_YEAR.match(text, e) else "target"
                out.append(TimeExpr(s, e, str(y), role, y))
            elif g == "q3":
                y = int(m.group("q3y")) if m.group("q3y") else inyear
                # a progress period of an undated text: a result, its year unknown
                out.append(TimeExpr(s, e, f"{y}Q1-Q3" if y else None, "past", y))
            elif g == "h1":
                y = int(m.group("h1y")) if m.group("h1y") else inyear
                out.append(TimeExpr(s, e, f"{y}H1" if y else None, "past", y))
            elif g == "q":
                y = int(m.group("qy")) if m.group("qy") else inyear
                n = {"一": 1, "二": 2, "三": 3, "四": 4}.get(m.group("qn")) or int(m.group("qn"))
                if y:
                    # a quarter still to come when the text was dated is a target period
                    future = year and y == year and pub_month and n * 3 > pub_month
                    role = "plain" if future else "past"
                    # the quarter a figure is compared with (较一季度提升5位) is no period of it
                    if _baseline(text, s, e):
                        role = "base"
                    out.append(TimeExpr(s, e, f"{y}Q{n}", role, y))
                elif text.startswith("今年", max(0, s - 2)) or _OPENS_CLAUSE.match(text, e):
                    # (一季度,实现地区生产总值…: a quarter a result is of, its year unknown)
                    out.append(TimeExpr(s, e, None, "past", None))
            elif g == "mr":
                a, b = int(m.group("m1")), int(m.group("m2"))
                y = int(m.group("mry")) if m.group("mry") else inyear
                if _valid_month(a) and _valid_month(b) and a < b:
                    # as 前三季度: months gone by, in an undated text of a year unknown
                    period = f"{y}M{a:02d}-M{b:02d}" if y else None
                    out.append(TimeExpr(s, e, period, "past", y))
            elif g == "asof":
                _as_of(m, inyear, year, out)
            elif g == "fm":
                raw = m.group("fmn")
                n = int(raw) if raw.isdigit() else _CN_MONTH.get(raw, 0)
                if _valid_month(n):
                    # as 1-5月: months gone by, in an undated text of a year unknown
                    period = f"{inyear}M01-M{n:02d}" if inyear else None
                    out.append(TimeExpr(s, e, period, "past", inyear))
            elif g == "lym":
                mm = int(m.group("lymm"))
                if year and _valid_month(mm):
                    out.append(TimeExpr(s, e, f"{year - 1}-{mm:02d}", "past", year - 1))
            elif g == "ymd":
                y = int(m.group("ymdy")) if m.group("ymdy") else year
                mm, dd = int(m.group("ymdm")), int(m.group("ymdd"))
                if y and _valid_month(mm) and 1 <= dd <= 31:
                    role = "deadline" if text.startswith("前", e) else "past"
                    # 中新网西宁2月26日电: a wire's dateline, when the news was sent: what it
                    # reports is done by then, but the day is no period of the figures
                    dateline = text.startswith("电", e)
                    period = None if dateline else f"{y}-{mm:02d}-{dd:02d}"
                    out.append(TimeExpr(s, e, period, role, y))
            elif g == "ym":
                y, mm = int(m.group("ymy")), int(m.group("ymm"))
                if _valid_month(mm):
                    out.append(TimeExpr(s, e, f"{y}-{mm:02d}", "plain", y))
            elif g == "tym":
                mm = int(m.group("tymm"))
                if year and _valid_month(mm):
                    out.append(TimeExpr(s, e, f"{year}-{mm:02d}", "plain", year))
            elif g == "ytd":
                if year:
                    out.append(TimeExpr(s, e, f"{year}YTD", "past", year))
            elif g == "ly":
                # 保持上年水平, 在去年…基础上: last year as a goal's baseline, no period
                # spoken of
                # (与上年度持平, 与上年相比: the year compared with)
                base = (
                    _LEVEL_AFTER.match(text, e)
                    or text[s - 1 : s] == "与"
                    or (text[s - 1 : s] == "在" and _ON_THE_BASIS.match(text, e))
                )
                role = "base" if base else "past"
                if year:
                    out.append(TimeExpr(s, e, str(year - 1), role, year - 1))
                elif text[s - 1 : s] not in _COMPARED:
                    # a text that never prints its year still speaks of the year before it
                    # (not 高于上年, a floor's baseline)
                    out.append(TimeExpr(s, e, None, role, None))
            elif g == "p5":
                if year:
                    out.append(TimeExpr(s, e, f"{year - 5}-{year - 1}", "past", year - 1))
            elif g == "fest":
                if year:
                    out.append(TimeExpr(s, e, f"{year}春节假期", "past", year))
            elif g == "y":
                y = int(m.group("yy"))
                role = "past" if year and y < year else "plain"
                if _PLANNED_AFTER.match(text, e):
                    role = "target"
                elif _baseline(text, s, e):
                    role = "base"
                out.append(TimeExpr(s, e, str(y), role, y))
            elif g == "cy":
                y = int("".join(_CN_YEAR_DIGITS[c] for c in m.group("cyy")))
                if 1900 <= y <= 2100:
                    role = "past" if year and y < year else "plain"
                    out.append(TimeExpr(s, e, str(y), role, y))
            elif g == "ty":
                if year:
                    out.append(TimeExpr(s, e, str(year), "plain", year, generic=True))
            elif g == "now":
                out.append(TimeExpr(s, e, None, "now", None))
        except (ValueError, KeyError):
            continue
    if five_year:
        out.sort(key=lambda t: t.start)  # the five-year periods were found first
    return out


# the parts of a year that end with a quarter, named as the corpus names them
_PART_OF_YEAR = {3: "Q1", 6: "H1", 9: "Q1-Q3"}


def _as_of(m: re.Match, inyear: int | None, year: int | None, out: list[TimeExpr]) -> None:
    """截至11月30日, 截至9月底, 至6月底,: a result summed up to that day. To a month's end
    it covers the months from January (2017M01-M11), the whole year at December's end, a
    single month in January; to another day it is that date. A date after the document's
    year is a goal's."""
    y = int(m.group("asofy")) if m.group("asofy") else inyear
    mm = int(m.group("asofm"))
    day = m.group("asofd")
    if not _valid_month(mm):
        return
    dd = int(day) if day else _MONTH_DAYS[mm - 1]
    if not 1 <= dd <= 31:
        return
    if not y:
        # as 1-5月: a result of an undated text, its year unknown
        out.append(TimeExpr(m.start(), m.end(), None, "past", None, as_of=True))
        return
    role = "target" if year and y > year else "past"
    if dd < _MONTH_DAYS[mm - 1]:  # (2月29日, a leap year's, is February's end too)
        period = f"{y}-{mm:02d}-{dd:02d}"
    elif mm == 12:
        period = str(y)
    elif mm == 1:
        period = f"{y}-01"
    else:
        period = f"{y}{_PART_OF_YEAR.get(mm, f'M01-M{mm:02d}')}"
    out.append(TimeExpr(m.start(), m.end(), period, role, y, as_of=True))


def _five_year_periods(text: str, year: int, out: list[TimeExpr]) -> int:
    """Five-year plans' periods (“十二五”时期 → 2011-2015): an ended plan's is a past the
    sentence reports on; a running plan's names the span its goals are set for."""
    found = []
    for m in _FIVE_YEAR_RE.finditer(text):
        first = 2006 + 5 * "一二三四五".index(m.group(1))
        span = f"{first}-{first + 4}"
        if first + 4 < year:
            role = "base" if _baseline(text, m.start(), m.end()) else "past"
            found.append(TimeExpr(m.start(), m.end(), span, role, first + 4))
        elif not m.group(0).endswith("以来") and not _baseline(text, m.start(), m.end()):
            # “十二五”期间,上海将建成…: the span of a plan still running (its goals' period)
            found.append(TimeExpr(m.start(), m.end(), span, "plain", first + 4))
    out.extend(found)
    return len(found)


_LEVEL_AFTER = re.compile(r"(?:的)?(?:水平|水准)")
_ON_THE_BASIS = re.compile(r"[^,，。；;]{0,12}?基础上")
_COMPARED = ("于", "比", "较", "同")

# a year the sentence plans for (2023年将新建4500万亩, 2026年力争): a goal's year, never a
# result's, even in a text written after it or one that reports progress (period.planned_year)
_SHARE_OF_YEAR = re.compile(r"\s?的\s?\d")
_PLANNED_AFTER = re.compile(r"\s?(?:将(?![近来])|要(?!求)|力争|确保|争取(?!到))")

# a year named as the baseline of a goal, not as the time a sentence speaks of:
# 以2012年…为基础, 控制在2010年水平, 比2020年下降
_BASE_BEFORE = re.compile(
    r"(?:以|控制在|不超过|不高于|不突破|保持在|恢复到|比|较|相比|相较|对比|与|同|和|跟)\s?[“\"]?$"
)
# …and the year a comparison is made with (与2015年相比, 同“十二五”末比较, 和上年比): the
# base of the change the sentence states, not its period
_COMPARED_WITH = re.compile(
    r"[”\"]?(?:年|年度)?(?:末|期末|底|时期|期间)?(?:的)?(?:水平)?(?:相比|比较|相较|对比|比)"
)
_BASE_AFTER = re.compile(
    r"(?:[^,，。；;:：]{0,24}?为(?:基础|基数|基准|基期))|(?:的)?(?:水平|基础上)"
)


def _baseline(text: str, s: int, e: int) -> bool:
    before = _BASE_BEFORE.search(text, max(0, s - 3), s)
    if before is None:
        return False
    if before.group(0).startswith(("与", "同", "和", "跟")):
        return _COMPARED_WITH.match(text, e) is not None
    after = _BASE_AFTER.match(text, e)
    if before.group(0).startswith(("比", "较", "相比", "相较", "对比")):
        return after is None or not after.group(0).startswith("为")
    return after is not None


_DATE = (
    r"(?:(?:" + YEAR_RE + r")\s?年?\s?)?\d{1,2}\s?月\s?(?:\d{1,2}\s?日|底|末|中旬|下旬|上旬"
    # a month alone before 前 (力争9月前完工), not the end of a range of months (1-9月)
    r"|(?=\s?(?:之前|以前|前)))"
)
_DATE_OR_YEAR_END = (
    r"(?:"
    + _DATE
    + r"|(?:"
    + YEAR_RE
    + r"\s?年\s?)?年?(?:底|末)"
    # a year alone before 前 (2013年前落实…), not 2013年前三季度 nor 2010年前后
    + r"|"
    + YEAR_RE
    + r"\s?年(?=\s?(?:之前|以前|前(?![三两一二四\d后]|\s\d))))"
)
_DEADLINE_RE = scanning(
    # (not the end of a range of months: 1-9月前三季度)
    r"(?<![\d\-—－~～至到])(?=[0-9年])(?:"
    + _DATE_OR_YEAR_END
    + r")(?:\s?[、,，及和与]\s?(?:"
    + _DATE_OR_YEAR_END
    + r")){0,11}"
    r"\s?(?:之前|以前|前)"
)
_ONE_DATE_RE = scanning(
    r"(?:(?P<y>"
    + YEAR_RE
    + r")\s?年?\s?)?(?:(?P<m>\d{1,2})\s?月\s?(?:(?P<d>\d{1,2})\s?日|(?P<me>底|末)|(?P<mid>中旬|下旬|上旬))?|年?(?P<ye>底|末))"
)

_MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


# a date a goal word sets for what is to be done, printed without 前 (计划2022年12月底完成,
# 拟于11月开园运营, 力争明年3月底达到开工状态), or a forecast expects it by (预计12月26日可实现
# 实质性开工): a deadline as well
_STATE_VERB = r"(?:建成|开工|竣工|完工|投用|投入使用|投入运营|开园|运营|通车|投产|交付)"
_GOAL_DATE_RE = re.compile(
    r"(?:计划|拟|力争|确保|争取|预计)(?:于|在)?\s?(?P<date>(?:明年|次年)?(?:"
    + YEAR_RE
    + r"\s?年\s?)?\d{1,2}\s?月\s?(?:(?:\d{1,2}\s?日|底|末)(?=\s?(?:可|将|能)?\s?(?:全面|全部|基本)?(?:完成|达到|实现|"
    + _STATE_VERB[3:-1]
    + r"))"
    # a month alone only before a state reached (拟于11月开园运营); before 完成 it is
    # when a figure is due (计划5月完成投资2亿元)
    + r"|(?=\s?(?:可|将|能)?\s?(?:全面|全部|基本)?"
    + _STATE_VERB
    + r")))"
)
_NEXT_YEAR = ("明年", "次年")


def _goal_dates(text: str) -> list[tuple[int, int]]:
    return [(m.start("date"), m.end("date")) for m in _GOAL_DATE_RE.finditer(text)]


def find_deadlines(text: str, year: int | None) -> list[tuple[int, int, list[str]]]:
    """Deadline lists: (start, end, [period per date])."""
    out: list[tuple[int, int, list[str]]] = []
    spans: list[tuple[int, int]] = []
    if "前" in text:
        spans = [(m.start(), m.end()) for m in _DEADLINE_RE.finditer(text)]
    if any(w in text for w in ("计划", "拟", "力争", "确保", "争取", "预计")):
        spans += [g for g in _goal_dates(text) if not any(a <= g[0] < b for a, b in spans)]
        spans.sort()
    for start, end in spans:
        periods = []
        y_cur = year
        if y_cur and text.startswith(_NEXT_YEAR, start):
            y_cur += 1
        for d in _ONE_DATE_RE.finditer(text[start:end]):
            if d.group("y"):
                y_cur = int(d.group("y"))
            if not y_cur:
                continue
            if d.group("ye"):
                periods.append(str(y_cur))
                continue
            if not d.group("m"):
                continue
            mm = int(d.group("m"))
            if not _valid_month(mm):
                continue
            if d.group("d"):
                dd = int(d.group("d"))
                if 1 <= dd <= 31:
                    periods.append(f"{y_cur}-{mm:02d}-{dd:02d}")
            elif d.group("me"):
                periods.append(f"{y_cur}-{mm:02d}-{_MONTH_DAYS[mm - 1]:02d}")
            else:
                periods.append(f"{y_cur}-{mm:02d}")
        if not periods:
            alone = _YEAR_ALONE.match(text, start, end)
            periods = [alone.group(1)] if alone else []
        if periods:
            out.append((start, end, periods))
    return out


_YEAR_ALONE = re.compile(r"(" + YEAR_RE + r")\s?年\s?(?:之前|以前|前)$")


# (one of a list of such years: 西延2025年、西康和西十2026年、康渝2028年建成投运)
_MILESTONE_YEAR = re.compile(
    r"\s?年(?:[、和及与][^。；;\n\d]{0,8}(?:19|20)\d{2}\s?年)*"
    r"(?:底前|前|[^,，。；;\d]{0,3}(?:建成|投运|投产|通车|竣工|完工))"
)
_RANGE_END = re.compile(r"(?:19|20)\d{2}\s?年?\s?[—－\-~～–]{1,2}\s?$")


# a year named as such (2025年, 2025-01-02, 202501月): it opens on 1 or 2, which the look-ahead of
# scanning lets the engine skip to
_YEAR_NAMED = scanning(r"(?<!\d)((?:19|20)\d{2})(?=\s?年|-\d{1,2}-\d{1,2}|\d{1,2}\s?月)")


def document_year(text: str) -> int | None:
    """The year a document speaks of: the latest year named, other than target years (到2027年)."""
    best = None
    limit = min(len(text), 200000)
    for m in _YEAR_NAMED.finditer(text[:limit]):
        pre = text[max(0, m.start() - 2) : m.start()]
        if "到" in pre or "至" in pre:
            continue
        # the year a work is to open (2028年建成投运) or a deadline (2027年底前) is a goal's
        if _MILESTONE_YEAR.match(text, m.end()):
            continue
        # the end of a plan's span ((2021—2025年), 2021-2025年) is not the year spoken of
        if _RANGE_END.search(text, max(0, m.start() - 7), m.start()):
            continue
        y = int(m.group(1))
        if 1990 <= y <= 2100 and (best is None or y > best):
            best = y
    if best is None:
        for m in re.finditer(r"([〇○零一二三四五六七八九]{4})年", text[:limit]):
            try:
                y = int("".join(_CN_YEAR_DIGITS[c] for c in m.group(1)))
            except KeyError:
                continue
            if 1990 <= y <= 2100 and (best is None or y > best):
                best = y
    return best
