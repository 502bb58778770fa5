"""Reading one figure in its sentence: target or statistic, metric, target kind.

A figure is a target when its clause, its sentence or its paragraph frames a
goal (力争, 确保, 计划, 到2027年, …前完成) and a statistic when it reports a fact
(累计, 已, 同比 in a review, a past year, a progress period such as 1-9月).
Weak cues (同比, 比上年, 全年) follow the context; sections that review a past
year only flip to targets on strong cues.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lex
from .document import Doc
from .fastre import scanning
from .numbers_scan import Quantity


@dataclass
class Segment:
    start: int
    end: int
    owner: str | None = None  # from sections or a table row
    explicit_owner: bool = False
    period: str | None = None  # from a table row deadline
    deadline: str | None = None
    in_section: bool = False
    past_year: int | None = None  # inside a review section ("一、2024年工作回顾")
    frame: str | None = None  # "review" or "target": what its section heading says it holds
    frame_inherited: bool = False  # the frame is the part's (一、… under 2025年工作回顾)
    kind_hint: str | None = None  # a table cell's column: "target" or "statistic"
    label: str | None = None  # a table row's name, the metric of a figure alone in a cell
    after_owner: str | None = None  # the owner line right after the paragraph (由X负责落实。)
    unit: str | None = None  # a bare figure's unit from its column header (万美元)
    # its owner label names no organisation (责任单位:区, cut short): no owner is guessed
    owner_unread: bool = False
    # "past" when the paragraph just before, in the same section, ended still speaking of
    # the past year it opened on (2018年,全省…。\n老旧小区改造完成1591个。): the frame it
    # passes on; and the frame this paragraph ends in, for the next one
    carried_frame: str | None = None
    closing_frame: str | None = None
    carried_year: int | None = None  # the past year the carried frame speaks of
    closing_year: int | None = None
    # where a lead-in announcing the year's list of practical projects (…民生实事项目
    # 具体如下) ends, if the segment runs past it: what follows is that list of promises
    promised_from: int | None = None
    # the place a label line above names (广州⏎●地区生产总值增长6%以上): the subject of
    # its figures unless their own sentence names another
    place: str | None = None
    # a table row named by its place or unit (| 长沙市 | 150 | 95.33% |): every figure of it,
    # a result too, is that row's
    row_subject: bool = False


_SENT_END = "。！？!?；;"
# Cue words and their vetoes are data (lexicon.toml); each set compiles to a
# pattern whose alternatives start with a literal character (fast to search).
TARGET_CUE = lex.cue("target")
_STAT_PROPAGATE = lex.cue("stat_propagate")
_STRONG_TARGET = lex.cue("strong_target")
_STAT_CUE = lex.cue("statistic")
_STAT_CUE_STRONG = lex.cue("strong_statistic")
_REVIEW_OPENING = lex.cue("review_opening")
_SPEAKER_LEAD = lex.cue("speaker_lead")
_TARGET_OPENING = lex.cue("target_opening")
_PROGRESS_MEASURE = lex.cue("progress_measure")
_SUPERVISION_COUNT = lex.cue("supervision_count")
_GAP_MEASURE = lex.cue("gap_measure")
_PAST_ACTIVITY = lex.cue("past_activity")
_PROGRESS_LATER = lex.cue("progress_later")
_BRACKET_TARGET = lex.cue("bracket_target")
_BRACKET_PART = lex.cue("bracket_part")
_GAP_AFTER = lex.cue("gap_after")
_PLAN_FIGURE = lex.cue("plan_figure")
_TASK_STATE_AFTER = lex.cue("task_state_after")
_TASK_TALLY = lex.cue("task_tally")
_FORECAST_AHEAD = lex.cue("forecast_ahead")
_PROJECTS_REACHED = lex.cue("projects_reached")
_PROJECTS_ALL_REACHED = lex.cue("projects_all_reached")
_TALLY_UNITS = ("项", "件")
_CAP = re.compile(r"控制在[^,，。；;]{0,16}?(?:以内|以下)")
_LAGGING_TASKS = lex.cue("lagging_tasks")
_GOAL_COMMITMENT = lex.cue("goal_commitment")
_GOAL_REACHED = lex.cue("goal_reached")
_GOAL_MET_REPORTED = lex.cue("goal_met_reported")
_GOAL_YARDSTICK = lex.cue("goal_yardstick")
_CONTROL_FRAME = lex.cue("control_frame")
_TITLE = re.compile(r"《[^》]{1,60}》")
_ACTUAL_VERB = lex.cue("actual_verb")
_PLAN_MEASURE = re.compile(r"投资|产值")
# a goal printed with its figure inside a result's comparison (超过目标任务4000亿元的19%)
_GOAL_NAMED = lex.cue("goal_named")
_GOAL_MEASURE_AFTER = lex.cue("goal_measure_after")
_GOAL_NAMED_AFTER = lex.cue("goal_named_after")
_GOAL_COMPARED = lex.cue("goal_compared")
_GOAL_MEASURE = lex.cue("goal_measure")
_GOAL_EXCEEDED = re.compile(r"超额完成")
_PLAN_STATED = lex.cue("plan_stated")
_PLAN_THEN_ACTUAL = lex.cue("plan_then_actual")
# a result word close before its figure (已开工21个, 已完成12项) governs it
_RESULT_VERB_SPAN = 4
_PROJECT_NOUN_BEFORE = lex.cue("project_noun_before")
_PROJECT_NOUN_AFTER = lex.cue("project_noun_after")
_PROJECT_DONE = lex.cue("project_done")
_PROJECT_STATE = lex.cue("project_state")
_PROJECT_INVESTMENT = lex.cue("project_investment")
_PROJECT_MEASURED = lex.cue("project_measured")
_PROJECT_PLANNED = lex.cue("project_planned")
_ITEM_OPEN = re.compile(
    r"[ \t\u3000]*(?:\d{1,2}\s?[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[①-⑩])"
)
_COMPLETION = scanning(
    # (the later members of a list of shares: 占控制指标的77%和80%)
    r"(?:完成|占|佔)[^,，。；]{0,25}的(?:\s?[\d.]+\s?%\s?[和、及与])*$|"
    r"[占佔](?:全年|年度|年|该)?(?:计划|目标|任务)|完成率$|"
    # 达到了全年确保目标的49.7%, 达计划目标的121%: the share of a goal reached
    r"(?:达到了?|达)[^,，。；\d]{0,12}?(?:计划|目标|任务)[^,，。；\d]{0,6}的$|"
    r"完成[^,，。；]{0,12}?(?:计划|目标|任务)[^,，。；\d]{0,3}$|比重为$|占比为?$|"
    # 为年度目标的66.2%, 为年度确保目标1200亿元的111.7%: the goal as the yardstick of what
    # was done (cue goal_yardstick)
    r"为(?:年度|全年|年)?(?:投资)?(?:确保|预期|力争|争取|奋斗|考核)?(?:目标任务|计划任务|目标|计划|任务)(?:\d[\d.]*[万亿]*元)?[^,，。；\d]{0,8}的$"
)
BARE_AFTER = re.compile(
    r"\s?(?:全面|全部|基本)?(?:完成|完工|建成|竣工|投用|投入使用|交付)?[。；;!！]"
)
_QUANTITY_HINT = re.compile(r"\d[\d.]*\s?[万亿千百]?\s?(?:[%个家户人元亩吨项处座公里]|亿元|万元)")
_DEADLINE_CUE = re.compile(r"底前|日前|月前|年内完成|前完成")
_PROGRESS_PERIOD = re.compile(r"M\d\d-M\d\d|YTD")
_GROWTH = re.compile(r"增长|增速|增幅|涨幅|上涨|下降|降低|减少|提高|提升|增加|增|涨")
_LEVEL_WORD = scanning(r"率|比重|占比|强度|[占佔]|比例|水平|覆盖")
_LEVEL_STRICT = re.compile(r"率|浓度|强度|密度|指数|比重|占比|水平")
_LEVEL_CUM = re.compile(r"年产|年均|总量|规模|保有|稳定在|保持在|日均|每天|每年")
_METRIC_STRIP = re.compile(
    r"^(?:[(（]?\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|其中|另有|同时|力争|确保|全年|今年|计划|目标|累计|实现|共|并|和|及|要|将|"
    r"初步计划|预计|争取|\s|[,，、:：(（])+"
)
# (?:动态)?清零|日产日清|杜绝[^,，。；;]{1,20}|(?:力争|确保|实现)为零, spelt out so that
# every alternative starts with a literal character (a faster search)
ZERO_RE = re.compile(
    r"动态清零|清零|日产日清|杜绝[^,，。；;]{1,20}|避免发生[^,，。；;]{1,24}|力争为零|确保为零|实现为零|零控制"
    # 不发生一次死亡10人以上的特大事故, 防止重特大事故的发生: accidents that must not occur
    # (not 未发生, a result; nor 不发生规模性返贫, a floor's slogan)
    r"|不发生[^,，。；;]{1,30}?事故|防止[^,，。；;]{1,24}?事故的?发生"
)
FLOOR_RE = re.compile(
    r"(不减少|不减|不下降|不降低|不降|不变|有所提高|有提高|有所提升|有提升|高于上年|高于去年|不低于上年|不低于去年"
    # a hold at a base year's level, without a number (控制在2010年水平, 与上年持平): =
    r"|控制在(?:(?:19|20)\d{2}|上)年度?的?水平|与上年度?持平)"
    r"(?![\d.０-９])"
)
FLOOR_COMP = {
    "不变": "=",
    "有所提高": ">",
    "有提高": ">",
    "有所提升": ">",
    "有提升": ">",
    "高于上年": ">",
    "高于去年": ">",
}


_NOT_HAN_OR_FIGURE = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z%.]")


def han_only(s: str) -> str:
    return _NOT_HAN_OR_FIGURE.sub("", s)


_SENT_END_RE = re.compile(r"[。！？!?；;]")


def _cap(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Cut an overlong sentence at commas (after 200 chars) or hard (at 400)."""
    while e - s > 200:
        cut = -1
        for mark in ",，、":
            k = text.find(mark, s + 200, min(e, s + 400))
            if k >= 0 and (cut < 0 or k < cut):
                cut = k
        cut = cut + 1 if cut >= 0 else min(e, s + 400)
        if cut >= e:
            break
        out.append((s, cut))
        s = cut
    out.append((s, e))


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END_RE.finditer(text, start, end):
        _cap(text, s, m.end(), out)
        s = m.end()
    if s < end:
        _cap(text, s, end, out)
    return out


def _separator(text: str, i: int) -> bool:
    """A comma between digits (2,000) separates thousands, not clauses."""
    return (
        text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    )


# The marks that end a clause: on its left every one, on its right all but a colon
# (a colon only opens a clause: 主要目标：…).
# (a bullet • opens a list item as a line would: 增长9%以上  • 城镇新增就业5.75万人)
_CLAUSE_OPENERS = "。！？!?；;,，:：\n•"
_CLAUSE_CLOSERS = "。！？!?；;,，\n•"
_CLAUSE_MARK = re.compile("[" + _CLAUSE_OPENERS + "]")


def clause_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    i = pos - 1
    while i >= lo and (text[i] not in _CLAUSE_OPENERS or _separator(text, i)):
        i -= 1
    j = pos
    while j < hi and (text[j] not in _CLAUSE_CLOSERS or _separator(text, j)):
        j += 1
    return i + 1, j


def clause_marks(text: str, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """Where clauses end in text[lo:hi], found once for many look-ups (clause_in): every
    mark (a clause's left end) and the marks but colons (its right end)."""
    left: list[int] = []
    right: list[int] = []
    for m in _CLAUSE_MARK.finditer(text, lo, hi):
        i = m.start()
        if _separator(text, i):
            continue
        left.append(i)
        if text[i] in _CLAUSE_CLOSERS:
            right.append(i)
    return left, right


def clause_in(marks: tuple[list[int], list[int]], pos: int, lo: int, hi: int) -> tuple[int, int]:
    """clause_bounds(text, pos, lo, hi) by bisection in clause_marks(text, lo, hi)."""
    left, right = marks
    k = bisect_left(left, pos)
    start = left[k - 1] + 1 if k else lo
    k = bisect_left(right, pos)
    return start, (right[k] if k < len(right) else hi)


def sentence_cues(text: str, sent: tuple[int, int]) -> tuple[list[int], list[int]]:
    """Starts (relative to the sentence) of the target cues and of the statistic cues.

    Found once per sentence; `kind_of` then needs only the cues before a clause.
    The cues are made of Chinese characters only, and a clause starts after a
    punctuation mark, so a cue found in the whole sentence that starts before
    the clause is exactly a cue found in the text before the clause (no cue or
    look-around reaches across the mark).
    """
    s = text[sent[0] : sent[1]]
    stats = [m.start() for m in _STAT_PROPAGATE.finditer(s)]
    targets = [m.start() for m in TARGET_CUE.finditer(s)]
    # 完成…1376.5公里(含已提前实施936公里)、…213公里: the result word of a part's bracket
    # reports the part; it carries no result to the clauses after it
    if stats and ("(" in s or "（" in s):
        parts = [(m.start(), m.end()) for m in _BRACKET_PART.finditer(s)]
        if parts:
            stats = [t for t in stats if not any(a <= t < b for a, b in parts)]
    # 21家(任务数18家): the goal printed in a bracket frames only its own figure
    if targets and ("(" in s or "（" in s):
        spans = [(m.start(), m.end()) for m in _BRACKET_TARGET.finditer(s)]
        if spans:
            targets = [t for t in targets if not any(a <= t < b for a, b in spans)]
    # 优良天数同比增加: a change with no figure in its clause states a direction only; it
    # carries no result to the clauses after it (…,平遥SO2下降20%)
    if stats and targets:
        stats = [t for t in stats if not _bare_change(s, t)]
    # 力争实现总产值同比增长2.5%以上: a change word that a goal word governs in its own
    # clause describes the goal; it carries no result to the clauses after it
    if targets and stats:
        stats = [t for t in stats if not _governed_change(s, t, targets)]
    # 超过节点目标, 为年度目标的50%: a goal named as the yardstick of a result sets nothing
    if targets and ("目标" in s or "计划" in s or "任务" in s):
        # (a goal word inside a title, 《安全生产目标责任制考核办法》, names a text: the same)
        sticks = [(m.start(), m.end()) for m in _GOAL_YARDSTICK.finditer(s)]
        sticks += [(m.start(), m.end()) for m in _TITLE.finditer(s)]
        if sticks:
            targets = [t for t in targets if not any(a <= t < b for a, b in sticks)]
    # 完成年度目标任务…: a report against the goal, read after the 目标 inside it
    if "完成" in s or "占" in s:
        stats = sorted(stats + [m.end() - 1 for m in _PROGRESS_MEASURE.finditer(s)])
        # 计划为159亿元,完成164亿元,…: after the actual, the sentence reports results
        stats = sorted(stats + [m.end() - 1 for m in _PLAN_THEN_ACTUAL.finditer(s)])
    return targets, stats


# 完成投资2124.6亿元,占年计划的114.6%: a figure the next clause measures as a share of
# the plan is the actual, in a plan's text too (the same for a list: 60.3亿元、52.4亿元,占…)
# A change printed in brackets after the figure (225亿元(同比增长21%),完成…的57%) stands
# between the two, and the plan may be this year's or the one handed down (完成今年目标任务,
# 完成省下达目标任务).
_SHARE_OF_PLAN_AFTER = re.compile(
    r"(?:、\d[\d.]*[万亿]*元)*(?:[)）]|[(（][^()（）,，。；;]{0,20}[)）])?"
    r"[,，]\s*(?:占|完成|达到了?|达|为)(?:今年|本年|年度|年|全年)?(?:(?:省|市|县|区|上级)?下达的?)?"
    r"(?:确保|预期|力争|争取|奋斗|考核|新开工|开工|竣工|投资)?(?:计划|目标任务|目标|任务)(?:投资|任务)?"
    # (完成年目标任务6600人的100.76%: the plan's figure may stand before 的)
    r"(?:\d[\d.]*[万亿]?[^\d,，。；;的]{0,2})?的"
)
_SHARE_BOUND_AFTER = re.compile(r"\s?[\d.]+\s?%\s?(?:以上|左右)")


def _share_of_plan_reached(text: str, sent: tuple[int, int], q_start: int, q_end: int) -> bool:
    """The next clause measures the figure as a share of the plan (完成投资6亿元,占年度计划
    投资的40%), and no commitment asks for it with the share as a bound."""
    m = _SHARE_OF_PLAN_AFTER.match(text, q_end, sent[1])
    if m is None:
        return False
    return not (_committed(text, sent, q_start) or _SHARE_BOUND_AFTER.match(text, m.end(), sent[1]))


_CHANGE_WORDS = ("同比", "比上年", "较上年", "较去年", "比去年")
_CLAUSE_MARKS = ",，、:：;；"


_CLAUSE_END = re.compile(r"[,，;；:：。]")
_DIGIT_OR_NUMERAL = re.compile(r"[\d一二三四五六七八九十两百千万]")


def _bare_change(s: str, t: int) -> bool:
    """The cue at t is a change word (同比) whose clause holds no figure."""
    if not s.startswith(_CHANGE_WORDS, t):
        return False
    end = _CLAUSE_END.search(s, t)
    return _DIGIT_OR_NUMERAL.search(s, t, end.start() if end else len(s)) is None


def _governed_change(s: str, t: int, targets: list[int]) -> bool:
    """The cue at t is a change word (同比) after a goal word of its own clause, or one
    that opens the clause right after a goal's figure (目标任务是实际到位资金660亿元,同比
    增长10%): the goal's change."""
    if not s.startswith(_CHANGE_WORDS, t):
        return False
    lo = max(s.rfind(mark, 0, t) for mark in _CLAUSE_MARKS) + 1
    if any(lo <= g < t for g in targets):
        return True
    if lo < 2 or s[lo:t].strip() or s[lo - 1] not in ",，":
        return False
    prev = max(s.rfind(mark, 0, lo - 1) for mark in _CLAUSE_MARKS) + 1
    return any(prev <= g < lo for g in targets) and _DIGIT.search(s, prev, lo) is not None


def _last_before(starts: list[int], limit: int) -> int:
    k = bisect_left(starts, limit)
    return starts[k - 1] if k else -1


# Rules that a paragraph's state passes on by name: the frame that set it.
_FRAME_RULES = ("kind.past_year", "kind.review_opening", "kind.target_frame", "kind.review_section")


def review_opening(text: str, sent: tuple[int, int]) -> bool:
    """The sentence opens by reporting results (会议指出…成效, 过去一年)."""
    m = _REVIEW_OPENING.search(text, sent[0], min(sent[1], sent[0] + 60))
    if m is None:
        return False
    # …or after the name an interview prints before an answer (梁某(市交通局局长):过去的一年,…)
    # …or after a byline or a subheading run into the paragraph, set off by a run of
    # spaces (记者某某      实现全区6个市均有高速公路      过去一年,…)
    lead = _RUN_IN_HEADINGS.split(text[sent[0] : m.start()])[-1].rstrip()
    if len(lead) <= 6 or (len(lead) <= 40 and lead.endswith((":", "："))):
        return True
    # …or after the speaker a report quotes (某市长作政府工作报告时指出,五年来,…): what he
    # says of the years gone by is their results; not a lead that itself asks for work
    # (全区上下要认真总结过去一年经验,…)
    return (
        _SPEAKER_LEAD.fullmatch(text, sent[0], m.start()) is not None
        and TARGET_CUE.search(text, sent[0], m.start()) is None
    )


_RUN_IN_HEADINGS = re.compile(r"\s{3,}")


def target_opening(text: str, sent: tuple[int, int]) -> bool:
    """The sentence opens by setting what is due (会议要求, 会议部署)."""
    m = _TARGET_OPENING.search(text, sent[0], min(sent[1], sent[0] + 12))
    return m is not None and m.start() - sent[0] <= 6


_FRAME_RULE = {
    "review": "kind.review_opening",
    "past": "kind.past_year",
    "review_par": "kind.review_paragraph",
    "carried": "kind.review_continues",
}
_BOUNDS = ("以上", "以内", "以下")
_BOUND_AFTER = re.compile(r"\s?(?:以上|以内|以下)")
# a count that announces the list after it (指标共计26项,包括…): no member of that list
_ANNOUNCES_LIST = re.compile(r"\s?[,，]?\s?(?:包括|包含|分别是|分别为|具体是|即)|\s?[:：]")


def _outside_part_brackets(cl: str, at: int) -> str:
    """The clause `cl` with the words of each bracket that breaks its figure down into a
    part (含已提前实施936公里) blanked, unless the figure at `at` is inside it: the part's
    words speak of the part (rule kind.bracket_part, cues.bracket_part)."""
    if "(" not in cl and "（" not in cl:
        return cl
    for m in _BRACKET_PART.finditer(cl):
        if not m.start() <= at < m.end():
            cl = cl[: m.start() + 1] + "□" * (m.end() - m.start() - 2) + cl[m.end() - 1 :]
    return cl


def kind_of(
    unit: str | None,
    text: str,
    q_start: int,
    sent: tuple[int, int],
    clause: tuple[int, int],
    times,
    par_state: tuple[str, str] | None,
    seg: Segment,
    doc: Doc,
    cues: tuple[list[int], list[int]] | None = None,
    frame: str | None = None,
    marked: bool = False,
    q_end: int = -1,
) -> tuple[str, str]:
    """(target or statistic, the name of the lexicon rule that decided).

    `cues` are the sentence's `sentence_cues`, if already found; `frame` is the
    sentence's own opening ("review" for 会议指出…成效, "target" for 会议要求);
    `marked` says that the item names its responsible unit ((市X局负责)).
    """
    if seg.kind_hint:
        return seg.kind_hint, "kind.table_column"
    bracket = bracket_role(text, q_start, q_end, clause)
    if bracket:
        return bracket
    against = _against_goal(text, clause, q_start, q_end)
    if against:
        return against
    # 共签订4700亿元招商责任书: the amount a pledge signed commits to is a goal
    if q_end > 0 and unit not in ("%", "百分点") and _PLEDGE_AFTER.match(text, q_end, clause[1]):
        return "target", "kind.pledge_signed"
    # 由年初预算439.55亿元调整为413.8亿元: both ends of a plan's revision are the plan's
    if q_end > 0 and _plan_revision(text, clause, q_start, q_end):
        return "target", "kind.plan_revision"
    # 从每月631元提高到653元: the level a change starts from is where things stand, the
    # level it goes to the goal
    if q_end > 0 and _change_baseline(text, sent, q_start, q_end):
        return "statistic", "kind.change_baseline"
    cl = _outside_part_brackets(text[clause[0] : clause[1]], q_start - clause[0])
    ctimes = [x for x in times if clause[0] <= x.start < clause[1]]
    if any(x.role == "target" for x in ctimes):
        return "target", "kind.clause_target_year"
    # (each phrase of a goal reached names its yardstick: 目标, 任务 or 进度)
    if ("目标" in cl or "任务" in cl or "进度" in cl) and _counted_by_goal(
        text, sent, clause, q_start, q_end
    ):
        return "statistic", "kind.goal_reached_count"
    if (
        unit in ("个", "项")
        and not seg.past_year
        and _scope_measured(unit, text, q_start, q_end, sent, clause, times)
    ):
        return "target", "kind.project_scope_measured"
    # …and the total investment of the projects such a count has just counted (其中续建项目
    # 27个,总投资97.9亿元,年度计划投资…): the plan's figure of the same scope (where no
    # frame of results holds, kind.project_scope below reads it)
    if (
        unit == "元"
        and not seg.past_year
        and (
            seg.frame == "review"
            or frame is not None
            or (par_state and par_state[0] == "statistic")
        )
        and _scope_investment(text, sent, clause, q_start, q_end, times)
    ):
        return "target", "kind.project_scope_measured"
    # 年度投资计划完成均在30%以下: where the members of a result all lie, in a report of
    # what was done (完成 in the clause, or a progress report), with no goal word asking
    if (
        _SPREAD_BEFORE.search(text, max(clause[0], q_start - 6), q_start)
        and ("完成" in text[clause[0] : q_start] or doc.progress or doc.report_period)
        and not _GOAL_WORD_BEFORE.search(text, sent[0], q_start)
    ):
        return "statistic", "kind.spread_reached"
    pre_cl = text[clause[0] : q_start]
    if unit in ("%", "百分点") and _COMPLETION.search(pre_cl):
        if _committed(text, sent, q_start):
            return "target", "kind.goal_share"
        # 占永久基本农田面积的55%以上: a share printed with the bound to meet is a goal; a
        # share reached is reported as the value itself (完成年度计划的80.2%)
        reported = _STAT_CUE_STRONG.search(cl) or any(x.role == "past" for x in ctimes)
        if _with_bound(text, q_end) and not reported:
            return "target", "kind.bounded_share"
        return "statistic", "kind.progress_share"
    # 完成投资59亿元,为年度计划投资的16.8%: the amount the next clause measures as a share
    # of the plan is what was done, whatever goal word the sentence names elsewhere; not
    # when a commitment asks for it with the share as its bound (力争完成50亿元,占年度计划
    # 的50%以上)
    if (
        q_end > 0
        and unit not in ("%", "百分点")
        and _share_of_plan_reached(text, sent, q_start, q_end)
    ):
        return "statistic", "kind.actual_before_share"
    # 完成年度目标任务420亿元的46.3%: the annual figure, set against the share after it
    if unit not in ("%", "百分点") and q_end > 0 and text.startswith("的", q_end):
        m = _PROGRESS_MEASURE.search(pre_cl)
        if m and not pre_cl[m.end() :].strip(" 为是达"):
            return "target", "kind.annual_figure"
    # 预计上半年开工率将突破80%: what a forecast expects still to happen is a goal, even after
    # the results of a progress report
    if _FORECAST_AHEAD.search(text, clause[0], q_start) or _forecast_of_goal(
        text, sent, clause, q_start
    ):
        return "target", "kind.forecast_ahead"
    if _forecast_of_plan_year(text, sent, clause, q_start, times, doc):
        return "target", "kind.forecast_of_plan_year"
    # 完成9.45亿吨保供煤任务, 完成烟叶生产任务603万公斤: the figure is the size of the task
    # met, the quota; a share of it (完成任务的80%) is the result
    if q_end > 0 and unit not in ("%", "百分点") and _task_quota(text, clause, q_start, q_end):
        return "target", "kind.task_quota"
    # 45个重大产业项目中的31个已开工, 283个重点项目完成投资606亿元: the set a result of
    # its own clause is counted from is the plan's list, even in a progress report
    if unit in ("个", "项") and _project_base(text, clause, q_start, q_end):
        return "target", "kind.project_base"
    if any(x.role == "past" and _PROGRESS_PERIOD.search(x.period or "") for x in ctimes):
        return "statistic", "kind.progress_period"
    if _SUPERVISION_COUNT.search(text, max(sent[0], q_start - 24), q_start):
        return "statistic", "kind.supervision_count"
    if q_end > 0 and _TASK_STATE_AFTER.match(text, q_end, clause[1]):
        return "statistic", "kind.task_state"
    if unit in ("个", "项") and _projects_reached(text, sent, clause, q_start, q_end, seg, doc):
        return "statistic", "kind.projects_reached"
    # 重点任务完成12项: the tasks counted by what became of them, no goal word asking
    if (
        unit in _TALLY_UNITS
        and _TASK_TALLY.search(text, clause[0], q_start)
        and not _STRONG_TARGET.search(text, clause[0], q_start)
        and not _with_bound(text, q_end)  # (任务完成12项以上: the bound to meet, a goal)
    ):
        return "statistic", "kind.task_tally"
    # 高于全国平均水平0.5个百分点以上: a gap printed with its bound is one to keep, a goal
    bounded = q_end > 0 and text[max(0, q_end - 2) : q_end] in ("以上", "以内", "以下")
    if _GAP_MEASURE.search(pre_cl) and not bounded:
        # 力争高于全省平均水平1个百分点: a gap its own clause commits to is a goal
        if _GOAL_COMMITMENT.search(pre_cl):
            return "target", "kind.committed_gap"
        return "statistic", "kind.gap"
    if _PAST_ACTIVITY.search(cl):
        return "statistic", "kind.past_activity"
    strong = _STRONG_TARGET.search(cl)
    if not strong and _actual_after_plan(text, sent, clause, q_start):
        return "statistic", "kind.actual_after_plan"
    if not strong and _gap_after(text, clause, sent) and not _committed(text, sent, q_start):
        return "statistic", "kind.gap_after"
    if not strong and _goal_met_after(text, sent, clause):
        return "statistic", "kind.goal_met_after"
    if strong:
        # "控制指标32人、实际死亡10人": a later member of the list with a result word of its own
        goals = list(_STRONG_TARGET.finditer(text, clause[0], q_start))
        last_goal = goals[-1] if goals else None
        if last_goal is not None:
            res = _STAT_CUE_STRONG.search(text, last_goal.end(), q_start)
            # …or the goal word names what is counted and the result word the figure:
            # 24个计划新开工项目已开工21个
            if res and (
                _QUANTITY_HINT.search(text, last_goal.end(), res.start())
                or q_start - res.end() <= _RESULT_VERB_SPAN
            ):
                return "statistic", "kind.statistic_cue"
    if seg.past_year or seg.frame == "review" or doc.progress or doc.report_period:
        # the tasks a 督查 report names by their annual figures (未达到序时进度11项,为…)
        lag = _LAGGING_TASKS.search(text, sent[0], q_start)
        if lag and not _SUPERVISION_COUNT.search(text, lag.end(), q_start):
            return "target", "kind.lagging_tasks"
        if _quoted_task(text, sent, seg, ctimes):
            return "target", "kind.quoted_task"
    if seg.past_year or seg.frame == "review":
        if strong and not marked and all(g.group(0) == "安排" for g in _STRONG_TARGET.finditer(cl)):
            # 安排重点项目103个 in a review of the past year: what was arranged then
            return "statistic", "kind.arranged_in_review"
        if strong or marked:
            return "target", "kind.strong_target"
        if _goal_paragraph_continues(text, sent, ctimes, par_state, q_end):
            return "target", "kind.goal_paragraph"
        return "statistic", "kind.review_part" if seg.frame_inherited else "kind.review_section"
    if strong:
        return "target", "kind.strong_target"
    if (
        frame is None
        and not (par_state and par_state[0] == "statistic")
        and _project_scope(unit, text, q_start, q_end, sent, clause, times, doc)
    ):
        return "target", "kind.project_scope"
    # 2024年1月23日的会议上,确定了10件为民实事:…新增就业30万人: the list its own sentence
    # announces, not the date the sentence opens on
    if seg.promised_from is not None and sent[0] < seg.promised_from <= q_start:
        return "target", "kind.promise_list"
    if frame in _FRAME_RULE and not marked:
        return "statistic", _FRAME_RULE[frame]
    st = _STAT_CUE.search(cl)
    # 同比/比上年 describe a change; whether it is a goal depends on the context
    weak = bool(st) and not _STAT_CUE_STRONG.search(cl)
    if any(x.role == "past" for x in ctimes):
        # 确保…,一季度投资增速超过25%: a part of the plan's own year that a commitment
        # governs is when the goal falls due, not a time gone by
        if _due_in_part_of_year(ctimes, doc) and _committed(text, sent, q_start):
            return "target", "kind.due_in_part_of_year"
        return "statistic", "kind.past_year"
    if any(x.role == "now" and x.start < q_start for x in ctimes) and not TARGET_CUE.search(cl):
        return "statistic", "kind.now"
    if st and not weak:
        if _cumulative_by_target_year(text, sent, clause, cl, times):
            return "target", "kind.cumulative_by_year"
        return "statistic", "kind.statistic_cue"
    if marked:
        return "target", "kind.owner_marked"
    if not doc.progress and TARGET_CUE.search(cl):
        return "target", "kind.target_cue"
    # earlier in the sentence
    if cues is None:
        cues = sentence_cues(text, sent)
    bt = _last_before(cues[0], clause[0] - sent[0])
    bs = _last_before(cues[1], clause[0] - sent[0])
    past = False
    for x in times:
        if sent[0] <= x.start < clause[0]:
            if x.role == "past" and not _due_period(text, sent, x):
                if x.start - sent[0] > bs:
                    bs, past = x.start - sent[0], True
            elif x.role == "target":
                bt = max(bt, x.start - sent[0])
    if bt >= 0 or bs >= 0:
        if bt > bs:
            return "target", "kind.sentence_cue"
        return "statistic", "kind.past_year" if past else "kind.sentence_cue"
    # a goal stated at the end of the sentence ("…,力争9月底前全部投入使用")
    later = _STRONG_TARGET.search(text, clause[1], sent[1]) or _DEADLINE_CUE.search(
        text, clause[1], sent[1]
    )
    if later:
        lc = clause_bounds(text, later.start(), clause[1], sent[1])
        if not _QUANTITY_HINT.search(text, lc[0], lc[1]):
            return "target", "kind.later_goal"
        # the scope of a plan before its figure (续建项目37个,里程3392公里,年度计划完成投资
        # 1460亿元): in a sentence with no word of a result, of a year not past
        if (
            not doc.progress
            and frame is None
            and _PLAN_FIGURE.match(text, later.start())
            # not the projects of one event, their plan figure after them (本次集中开工的
            # …其中基础设施25个项目,总投资112.91亿元,年度计划投资29.64亿元)
            and not _event_projects(text, sent, q_start)
            # not a breakdown of the sentence before (其中,…), nor a share of the plan
            and not text.startswith("其中", sent[0])
            and not _PROGRESS_MEASURE.search(text, sent[0], sent[1])
            and not _STAT_CUE.search(text, sent[0], sent[1])
            and not _PAST_ACTIVITY.search(text, sent[0], sent[1])
            and not any(x.role == "past" for x in times if sent[0] <= x.start < sent[1])
        ):
            return "target", "kind.later_plan"
    if frame == "target":
        return "target", "kind.target_frame"
    if seg.promised_from is not None and q_start >= seg.promised_from:
        return "target", "kind.promise_list"
    # 控制在15人以内: a cap is a goal unless the paragraph reports results
    if (
        _CAP.search(cl)
        and not (par_state and par_state[0] == "statistic")
        and not _QUANTITY_HINT.search(text, sent[0], clause[0])
    ):
        return "target", "kind.cap"
    # a table of goals and their progress: the goal column states the change to reach
    # (增长5%), the progress column the change measured against last year (同比增长3.4%)
    if weak and doc.progress_column and any(w in cl for w in _CHANGE_WORDS):
        return "statistic", "kind.progress_change"
    # a table printed one cell a line with a progress column (序号⏎项目内容⏎当前进度⏎…):
    # a share alone on its line, perhaps with a remark in brackets (80%(进度滞后)), is
    # that column's cell, how far the work has come
    if unit == "%" and _bare_cell(text, q_start, q_end) and _progress_column_printed(doc.text):
        return "statistic", "kind.progress_cell"
    in_plan = (
        seg.in_section
        or (doc.plan and not doc.progress)
        or seg.frame == "target"
        or (not (doc.progress or doc.meeting) and _reports_work_report(doc.text))
        or (not doc.progress and _arranges_the_year(doc.text, doc.year))
        or (not doc.progress and _opens_on_its_targets(doc.text))
        or (not doc.progress and _opens_on_the_years_plan(doc.text, doc.year))
    )
    if weak and not (par_state and par_state[0] == "target") and not in_plan:
        return "statistic", "kind.weak_statistic"
    # 基础设施领域投资同比增长24%: in a progress report, a change measured against last year
    # in a sentence with no goal word reports a result, after a paragraph's plans too
    if (
        weak
        and (doc.progress or doc.report_period)
        and not in_plan
        # (the whole sentence: the parts of a list of goals run on after ；)
        and not TARGET_CUE.search(text, _full_stop_before(text, sent[0]), sent[1])
    ):
        return "statistic", "kind.weak_statistic"
    if q_end > 0 and _SHARE_OF_PLAN_AFTER.match(text, q_end, sent[1]):
        return "statistic", "kind.actual_before_share"
    if _change_reported(text, sent, cl if weak else _change_after(text, q_end), seg, q_end):
        return "statistic", "kind.change_reported"
    # the projects of one event, counted or summed with no goal word of their own
    # (本次集中开工的…其中基础设施25个项目,总投资112.91亿元,年度计划投资29.64亿元;产业发展
    # 64个项目,…): what started at it, whatever plan figure the part before closed on
    if (
        par_state
        and par_state[0] == "target"
        and not TARGET_CUE.search(cl)
        and _event_projects(text, sent, q_start)
    ):
        return "statistic", "kind.event_projects"
    if par_state:
        return par_state[0], par_state[1] if par_state[1] in _FRAME_RULES else "kind.paragraph"
    if seg.frame == "target":
        return "target", "kind.target_frame"
    if in_plan:
        return "target", "kind.plan_default"
    # 全年/今年 of the document's own year, with no frame saying otherwise
    if any(x.generic and doc.year and x.year == doc.year and x.start < q_start for x in times):
        return "target", "kind.this_year"
    # a figure printed with its bound (下降36%以上, 控制在0.08以内) that nothing frames as a
    # result: a result is reported as the value reached, a goal as the bound to meet
    if (
        _with_bound(text, q_end)
        # not the last of a list of results (…增长8.3%,失业率控制在5%和3%以内): every
        # figure before it in the sentence is printed with its bound too
        and all(
            _BOUND_AFTER.match(text, m.end()) or _ANNOUNCES_LIST.match(text, m.end())
            for m in _QUANTITY_HINT.finditer(text, sent[0], clause[0])
        )
    ):
        return "target", "kind.bound"
    return "statistic", "kind.default"


def _change_reported(text: str, sent: tuple[int, int], cl: str, seg: Segment, q_end: int) -> bool:
    """营业收入实现4500亿元,同比增长11.2%: a change measured against the same time last
    year, printed bare, in a sentence with no goal word, is a result, whatever the
    paragraph or the plan around it; a goal's change is printed with its bound (同比增长
    8%以上, 左右) or asked for by a goal word, and a plan's own section keeps its figures.
    `cl` is the change's clause: the figure's own, or the one right after an amount."""
    return (
        any(w in cl for w in _CHANGE_WORDS)
        and seg.frame != "target"
        and not seg.in_section
        and not _bound_at(text, q_end)
        and not _asks_for_goals(text, _breakdown_start(text, sent[0]), sent[1])
    )


def _asks_for_goals(text: str, start: int, end: int) -> bool:
    """A goal word, or a frame of control indicators (控制考核指标分解为:…), in the span."""
    return bool(TARGET_CUE.search(text, start, end) or _CONTROL_FRAME.search(text, start, end))


def _bound_at(text: str, q_end: int) -> bool:
    return _with_bound(text, q_end) or text[max(0, q_end - 2) : q_end] == "左右"


# the amount a change of the next clause measures (实现800亿元,同比增长9.4%)
_CHANGE_AFTER = re.compile(
    r"[,，]\s?(?:按可比口径)?(?:同比|比上年|较上年|较去年|比去年)[^,，。；;\d]{0,6}\d[\d.]*%"
)


def _change_after(text: str, q_end: int) -> str:
    """The clause of a bare change right after the amount, or nothing."""
    if q_end <= 0:
        return ""
    m = _CHANGE_AFTER.match(text, q_end)
    return m.group(0) if m and not _bound_at(text, m.end()) else ""


def _breakdown_start(text: str, pos: int) -> int:
    """Where the sentence that holds pos began, counting ；-parts as one sentence, and a
    breakdown (其中:…) with the sentence whose total it breaks down."""
    start = _full_stop_before(text, pos)
    if text.startswith("其中", start) and start > 0:
        return _full_stop_before(text, start - 1)
    return start


_GOAL_BOUND_AFTER = re.compile(r"\s?(?:以上|以内|以下|左右)")


def _goal_paragraph_continues(text: str, sent, ctimes, par_state, q_end: int) -> bool:
    """A sentence that goes on from a goal in a report's paragraph (确保…增长7%以上。服务业
    增加值增长7%以上,…) with no result word or time gone by of its own lists more of the
    goal: a requirement cell of a progress table, the goals a review quotes (kind.goal_paragraph)."""
    if not (par_state and par_state[0] == "target"):
        return False
    # a goal is printed with its bound (增长7%以上, 8%左右); a result, as the value reached
    if q_end <= 0 or not (
        text[q_end - 2 : q_end] in ("以上", "以内", "以下", "左右")
        or _GOAL_BOUND_AFTER.match(text, q_end)
    ):
        return False
    if any(x.role == "past" for x in ctimes):
        return False
    return not (
        _STAT_CUE.search(text, sent[0], sent[1]) or _PAST_ACTIVITY.search(text, sent[0], sent[1])
    )


def _against_goal(
    text: str, clause: tuple[int, int], q_start: int, q_end: int
) -> tuple[str, str] | None:
    """A result measured against a goal printed with its figure (超过目标任务4000亿元的19%,
    比控制指标2492人减少28人, 超过了下达的全年3起控制数): the goal's figure is a target,
    what the result measures against it a statistic."""
    if _GOAL_MEASURE.search(text, clause[0], q_start):
        return "statistic", "kind.goal_gap"
    if q_end <= 0:
        return None
    named = _GOAL_NAMED.search(text, clause[0], q_start)
    # (低于目标0.9个百分点 alone measures a gap: the goal's figure is followed by what
    # the result measures against it, or the goal is said exceeded)
    if named and (
        _GOAL_MEASURE_AFTER.match(text, q_end, clause[1])
        or _GOAL_EXCEEDED.match(text, named.start())
    ):
        return "target", "kind.goal_named"
    if _GOAL_NAMED_AFTER.match(text, q_end, clause[1]) and _GOAL_COMPARED.search(
        text, clause[0], q_start
    ):
        return "target", "kind.goal_named"
    return None


# a text that delivers or reports a government work report (作政府工作报告, 政府工作报告指出)
# and opens on the year it plans for (今年…主要预期目标是, 2023年要…): what it says of the
# year is the report's plan, its review framed as such (过去一年, 2024年,…)
# (not a report a meeting or a plan cites as its guide: 落实《政府工作报告》)
_WORK_REPORT = re.compile(r"(?<![《〈“\"])政府工作报告(?![》〉”\"])")
_PLANS_THE_YEAR = re.compile(r"预期目标|主要目标|今年|(?:19|20)\d{2}年(?:要|将(?![近来]))")


_PROGRESS_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*(?:当前|目前|工作|实施|完成|项目)?(?:进度|进展|进展情况|推进情况|完成情况)[ \t]*$"
)
_CELL_END = re.compile(r"[ \t]*(?:$|[(（])", re.M)


def _bare_cell(text: str, q_start: int, q_end: int) -> bool:
    """The figure is alone on its line, a remark in brackets after it at most."""
    line_start = text.rfind("\n", 0, q_start) + 1
    return (
        q_end > 0
        and not text[line_start:q_start].strip()
        and _CELL_END.match(text, q_end) is not None
    )


@lru_cache(maxsize=4)
def _progress_column_printed(text: str) -> bool:
    """A line of the text is a progress column's label alone (当前进度, 完成情况)."""
    return _PROGRESS_LABEL_LINE.search(text) is not None


@lru_cache(maxsize=4)
def _reports_work_report(text: str) -> bool:
    found = _WORK_REPORT.search(text, 0, 1500)
    return found is not None and _PLANS_THE_YEAR.search(text, 0, 1500) is not None


# a text that opens on the arrangement of the year it plans for (全省交通项目建设动员会议…
# 对2022年交通运输投资和重点项目建设进行安排部署; 部署今年工作): what it then lists without
# a cue of its own is that arrangement, not the year's results
_ARRANGES = re.compile(
    r"(?:进行|作出|做出|作|全面)?(?:安排部署|部署安排|动员部署|工作部署)|进行(?:安排|部署)|"
    r"动员(?:视频|电视电话)?(?:会议|大会|会)|誓师(?:大会|会)|(?:安排|部署)(?:今年|全年|新一年|下一步)"
)
_REVIEWS_OR_CEREMONY = re.compile(r"总结|回顾|集中|开工|签约|竣工|投产|观摩|拉练")
_ARRANGE_STOP = re.compile(r"[。！？!?\n]")


# the main targets announced at a text's opening (全市经济社会发展主要预期目标是:…)
_MAIN_TARGETS_OPENING = re.compile(r"主要(?:预期)?目标(?:是|为)?[:：]")


@lru_cache(maxsize=4)
def _opens_on_its_targets(text: str) -> bool:
    """The text's first paragraph (after a line or two of furniture) announces the main
    targets: the text is the plan whose parts follow (a work report's plan printed
    without its review), and a figure no cue frames otherwise is one of its goals."""
    head = text[:300]
    m = _MAIN_TARGETS_OPENING.search(head)
    return m is not None and head.count("\n", 0, m.start()) <= 2


@lru_cache(maxsize=4)
def _opens_on_the_years_plan(text: str, year: int | None) -> bool:
    """The text's opening (its first 400 characters) says what its year will bring
    (2022年,福建省交通运输系统将著力实现…): a sentence that opens on the year and turns to
    the future (将) before its first stop. What the text then lists without a cue of its
    own is that plan."""
    if year is None:
        return False
    m = re.search(rf"{year}\s?年[,，][^。；;!?！？\n]{{0,40}}?将(?![近来军])", text[:400])
    return m is not None


@lru_cache(maxsize=4)
def _arranges_the_year(text: str, year: int | None) -> bool:
    """A sentence of the text's opening (its first 600 characters) arranges the work of
    the text's year: an arrangement word (安排部署, 动员会议) with 今年/全年/新一年 or the
    year itself in the same sentence."""
    for m in _ARRANGES.finditer(text, 0, 600):
        starts = [e.end() for e in _ARRANGE_STOP.finditer(text, max(0, m.start() - 120), m.start())]
        lo = starts[-1] if starts else max(0, m.start() - 120)
        end = _ARRANGE_STOP.search(text, m.end(), m.end() + 120)
        sent = text[lo : end.start() if end else m.end() + 120]
        # (a meeting that also reviews the year gone by, 总结2021年工作,安排部署2022年…, reads
        # its review first; a ceremony's 集中开工动员大会 reports what started at it)
        if _REVIEWS_OR_CEREMONY.search(sent):
            continue
        if any(w in sent for w in ("今年", "全年", "新一年", "新的一年")) or (
            year is not None and f"{year}年" in sent
        ):
            return True
    return False


_PART_OF_PLAN_YEAR = re.compile(r"(\d{4})(?:H1|Q[1-4]|Q1-Q3)")


def _due_in_part_of_year(ctimes, doc: Doc) -> bool:
    """Every past time of the clause is a quarter or a half of the document's own year
    (一季度, 上半年), in a text that is no report of progress, or that ends after the
    period a progress report reports on (下一步,…确保上半年完成投资35亿元 in a report on
    the first quarter)."""
    if not doc.year:
        return False
    reported = _end_month(doc.report_period) if doc.progress else 0
    if doc.progress and not reported:
        return False
    for x in ctimes:
        if x.role != "past":
            continue
        m = _PART_OF_PLAN_YEAR.fullmatch(x.period or "")
        if m is None or int(m.group(1)) != doc.year:
            return False
        if doc.progress and _end_month(x.period) <= reported:
            return False
    return True


_END_MONTH = re.compile(r"\d{4}(?:M\d\d-M(\d\d)|Q(?:1-Q)?([1-4])|H([12]))$")


def _end_month(period: str | None) -> int:
    """The last month of a part of a year (2026Q1 → 3, 2026H1 → 6, 2026M01-M09 → 9), 0 if
    it is none."""
    m = _END_MONTH.fullmatch(period or "")
    if m is None:
        return 0
    if m.group(1):
        return int(m.group(1))
    if m.group(2):
        return 3 * int(m.group(2))
    return 6 * int(m.group(3))


def _with_bound(text: str, q_end: int) -> bool:
    """The figure is printed with a bound (55%以上, 3%以内), inside its span or right after."""
    if q_end <= 0:
        return False
    return text[max(0, q_end - 2) : q_end] in _BOUNDS or _BOUND_AFTER.match(text, q_end) is not None


def _cumulative_by_target_year(text: str, sent, clause, cl: str, times) -> bool:
    """到2024年,全市累计建成5G基站1万个: a total to reach by a target year named before
    the clause in its sentence; 累计 is the clause's only result word."""
    words = {m.group(0) for m in _STAT_CUE_STRONG.finditer(cl)}
    if words != {"累计"}:
        return False
    before = [x for x in times if sent[0] <= x.start < clause[0] and x.role not in _NOT_SPOKEN]
    if not before or before[-1].role != "target":
        return False
    # 截至2025年底 dates a result (the time scan reads its 至2025年底 as a target year)
    return text[max(0, before[-1].start - 1) : before[-1].start] != "截"


def _counts_projects(unit: str | None, text: str, q_start: int, q_end: int, clause) -> bool:
    """The figure counts projects (重点项目430项, 6个高速公路项目) and its clause says
    nothing they have reached (已开工, 建成投产)."""
    if unit not in ("个", "项") or q_end < 0:
        return False
    before = _PROJECT_NOUN_BEFORE.search(text, max(clause[0], q_start - 8), q_start)
    after = _PROJECT_NOUN_AFTER.match(text, q_end - 1 if text[q_end - 1] in "个项" else q_end)
    if before is None and (after is None or after.end() > clause[1]):
        return False
    noun_end = after.end() if before is None and after is not None else q_start
    if _PROJECT_STATE.search(text, clause[0], noun_end):
        return False
    done_from = noun_end if before is None else q_end
    return _PROJECT_DONE.search(text, done_from, clause[1]) is None


def _scope_measured(
    unit: str | None, text: str, q_start: int, q_end: int, sent, clause, times
) -> bool:
    """A count of projects that its sentence goes on to measure (316个重点项目累计开复工291个,
    23个新开工重点项目中,有19个…) or, in a report of progress, to give the plan's figures of
    (城市建设项目16个,年度计划投资172.98亿元): the scope of the plan that a progress report
    measures against, whatever period it reports on."""
    if unit not in ("个", "项") or q_end < 0:
        return False
    noun_end = q_end
    before = _PROJECT_NOUN_BEFORE.search(text, max(clause[0], q_start - 8), q_start)
    if before is not None:
        # a kind of project (城市建设项目16个), not projects at large (项目16个)
        if len(han_only(text[clause[0] : before.start()])) < 2:
            return False
    else:
        after = _PROJECT_NOUN_AFTER.match(text, q_end - 1 if text[q_end - 1] in "个项" else q_end)
        if after is None or after.end() > clause[1] or after.end() - q_end < 3:
            return False
        noun_end = after.end()
    # projects named as already in hand (签约项目, 在建, 已…) are counted as a result, and so
    # are those a relative clause says something of (新对接的230个项目), unless it plans them
    if _PROJECT_STATE.search(text, clause[0], noun_end):
        return False
    if text[clause[0] : q_start].endswith("的") and not TARGET_CUE.search(text, clause[0], q_start):
        return False
    if _breaks_down_results(text, sent, q_start):
        return False
    after = min(sent[1], noun_end + 12)
    if _PROJECT_MEASURED.match(text, noun_end, after):
        return True
    # the plan's own figures (总投资, 年度计划投资) make a scope where the text reports
    # progress: a part of a year gone by before the figure or in its own sentence
    planned = _PROJECT_PLANNED.match(text, noun_end, after) is not None
    if not planned:
        return False
    # …or where its own sentence goes on to measure what was done against the plan
    # (…,累计完成投资3.44亿元,占年度计划投资的28.45%)
    if _PROGRESS_MEASURE.search(text, noun_end, sent[1]):
        return True
    return any(x.start < sent[1] and _reports_progress(x) for x in times)


def _scope_investment(text: str, sent, clause, q_start: int, q_end: int, times) -> bool:
    """A total investment (总投资97.9亿元) of the projects counted in its own clause or the
    clause before, where that count is a scope the sentence measures (_scope_measured)."""
    if not _PROJECT_INVESTMENT.search(text, max(clause[0], q_start - 6), q_start):
        return False
    counts = list(_QUANTITY_COUNT.finditer(text, clause[0], q_start))
    if counts:
        own = counts[-1]
        return _scope_measured(own.group(2), text, own.start(), own.end(), sent, clause, times)
    if clause[0] <= sent[0] + 1:
        return False
    prev = clause_bounds(text, clause[0] - 2, sent[0], clause[0] - 1)
    m = _QUANTITY_COUNT.search(text, prev[0], prev[1])
    return m is not None and _scope_measured(
        m.group(2), text, m.start(), m.end(), sent, prev, times
    )


def _reports_progress(x) -> bool:
    """A part of a year gone by (1-6月, 前10月, 上半年, 今年以来), dated or not."""
    return x.role == "past" and (x.period is None or _PART_OF_YEAR.search(x.period) is not None)


_PART_OF_YEAR = re.compile(r"M\d\d-M\d\d|YTD|H1|Q")


_COUNTED_PROJECTS = scanning(
    r"(?:项目|工程)[^,，。；;]{0,3}?\d+\s?[个项]|\d+\s?[个项][^，,。；;、\d]{0,14}?(?:项目|工程)"
)


def _breaks_down_results(text: str, sent, q_start: int) -> bool:
    """After 其中, the figure breaks down a total counted before it; a total of projects in
    hand (共开复工重点项目4587个。其中,…) makes its parts results too."""
    opening = text.rfind("\n", 0, sent[0]) + 1  # the total may be a sentence before
    k = text.rfind("其中", opening, q_start)
    if k < 0:
        return False
    total = _COUNTED_PROJECTS.search(text, opening, k)
    return total is not None and _PROJECT_STATE.search(text, opening, total.end()) is not None


def _project_scope(unit, text: str, q_start: int, q_end: int, sent, clause, times, doc) -> bool:
    """A count of projects, or the total investment of the projects its sentence has just
    counted, that nothing before it in the sentence reports as a result (截至, 累计, a
    progress period, a year before the document's): the scope of the year's plan."""
    if _STAT_CUE_STRONG.search(text, sent[0], clause[1]) or _PAST_ACTIVITY.search(
        text, sent[0], clause[1]
    ):
        return False
    # 本次集中开工的项目…: the projects of one event, what started or was signed at it
    if _event_projects(text, sent, q_start):
        return False
    # 其中,…项目116个 (and the later members of its list, after ；): a breakdown of the
    # total before it, of that total's kind
    opening = max(text.rfind("。", 0, sent[0]), text.rfind("\n", 0, sent[0])) + 1
    if "其中" in text[opening:q_start]:
        return False
    # the time the sentence speaks of, the last before the figure (not a dateline before
    # it: 4月19日电 2024年,…): a year's plan speaks of the whole year (2026年,全区实施…);
    # a part of it (上半年, 1-9月) or a year before is a report
    spoken = [x for x in times if sent[0] <= x.start < q_start and x.role not in _NOT_SPOKEN]
    if spoken and spoken[-1].role == "past" and spoken[-1].period != str(doc.year):
        return False
    # …and so does a part of a year its own clause names after it (4947个项目前8月引资…)
    if any(
        q_start <= x.start < clause[1] and x.role == "past" and x.period != str(doc.year)
        for x in times
    ):
        return False
    if _counts_projects(unit, text, q_start, q_end, clause):
        return True
    if unit != "元" or not _PROJECT_INVESTMENT.search(text, max(clause[0], q_start - 6), q_start):
        return False
    # the count the investment belongs to, in its own clause before it (我县8项省重点项目
    # 总投资198.16亿元)…
    counts = list(_QUANTITY_COUNT.finditer(text, clause[0], q_start))
    if counts:
        own = counts[-1]
        return _counts_projects(own.group(2), text, own.start(), own.end(), clause)
    # …or in the clause before, in the same sentence
    prev = (
        clause_bounds(text, clause[0] - 2, sent[0], clause[0] - 1)
        if clause[0] > sent[0] + 1
        else None
    )
    if prev is None:
        return False
    m = _QUANTITY_COUNT.search(text, prev[0], prev[1])
    return m is not None and _counts_projects(m.group(2), text, m.start(), m.end(), prev)


_EVENT_PROJECTS = lex.cue("event_projects")
_LIST_MEMBER = re.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|[一二三四五六七八九十]+[、.．]"
    r"|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
)


_BREAKDOWN_OPENING = re.compile(
    r"[ \t\u3000]*(?:从|按)?分?[\u4e00-\u9fff]{1,4}(?:来看|看|划分)[,，:：]"
)


_PARAGRAPH_REACH = 5000


def _event_projects(text: str, sent, q_start: int) -> bool:
    """The figure counts the projects of one event (本次集中开工的项目, 此次签约): named
    before it in its sentence, or in the lead-in (…主要呈现以下特点:) of the list (一是…,
    二是…) whose member the figure's paragraph is."""
    # (the sentence counts its ；-parts as one: 其中基础设施25个项目,…;产业发展64个项目,…)
    # (within the last 300 characters: a sentence with no stop for pages is no list; the
    # look-backs are bounded so that such a page stays linear)
    window = max(0, sent[0] - 300)
    stop = max(text.rfind("。", window, sent[0]), text.rfind("\n", window, sent[0]))
    if _EVENT_PROJECTS.search(text, stop + 1 if stop >= 0 else window, q_start):
        return True
    line_break = text.rfind("\n", max(0, sent[0] - _PARAGRAPH_REACH), sent[0])
    if line_break < 0 and sent[0] > _PARAGRAPH_REACH:
        return False  # a paragraph pages long: no list member, no breakdown
    p = line_break + 1
    # a paragraph that goes on breaking the event's projects down (分区域来看,…) after the
    # one that named them (在本次集中开工的101个重大项目中,分行业来看,…)
    if _BREAKDOWN_OPENING.match(text, p) and p > 1:
        before = text.rfind("\n", max(0, p - 401), p - 1) + 1
        if _EVENT_PROJECTS.search(text, max(before, p - 400), p - 1):
            return True
    if not _LIST_MEMBER.match(text, p):
        return False
    for _ in range(12):
        if p <= 1:
            return False
        q = text.rfind("\n", 0, p - 1) + 1
        line = text[q : p - 1].rstrip()
        if not line or _LIST_MEMBER.match(line):
            p = q
            continue
        if not line.endswith((":", "：")):
            return False
        if _EVENT_PROJECTS.search(text, max(q, q + len(line) - 60), q + len(line)):
            return True
        # …or the paragraph right before the lead-in, that tells of the event
        # (临川市举行重大项目集中签约仪式。\n签约项目呈现以下特点:)
        r = text.rfind("\n", 0, max(q - 1, 0)) + 1
        return q > 1 and bool(_EVENT_PROJECTS.search(text, max(r, q - 121), q - 1))
    return False


_NOT_SPOKEN = ("deadline", "base")
_QUANTITY_COUNT = re.compile(r"(\d+)\s?([个项])")


def _actual_after_plan(text: str, sent, clause, q_start: int) -> bool:
    """完成164亿元 right after 产值计划为159亿元 in the same sentence: the actual."""
    if clause[0] <= sent[0] + 1 or not _ACTUAL_VERB.search(text[clause[0] : q_start]):
        return False
    prev = clause_bounds(text, clause[0] - 2, sent[0], clause[0] - 1)
    m = _PLAN_STATED.search(text, prev[0], prev[1])
    if m is None:
        return False
    # 计划投资378亿元,完成投资463.5亿元: a plan that names its measure is met by a clause
    # that names it again; 计划投资1067万元,完成22所学校…工程 lists the plan's work
    measure = _PLAN_MEASURE.search(m.group())
    return measure is None or measure.group() in text[clause[0] : q_start]


_PROJECT_BASE_AFTER = re.compile(
    r"[^，,。；;\d]{0,12}?(?:中的|中有|中已有|中|有|已经?(?:开工|开复工|复工|完工|竣工|建成|投产)"
    r"|(?:累计)?完成(?:了)?(?:年度)?投资)[^，,。；;\d]{0,8}?\d"
)


def _project_base(text: str, clause, q_start: int, q_end: int) -> bool:
    """The count of projects (45个重大产业项目, 108个续建项目) is the set a second figure of
    its clause is counted from or reported about (中的31个, 有12个, 已开工16个, 完成投资
    606亿元): the plan's list. A count of named members (甲、乙等36个项目) is left out, and
    so is a set whose clause tells an activity as done (共完成, 共签约)."""
    if q_end < 0 or text[max(clause[0], q_start - 2) : q_start].rstrip().endswith("等"):
        return False
    noun = _PROJECT_NOUN_AFTER.match(text, q_end - 1 if text[q_end - 1] in "个项" else q_end)
    if noun is None or noun.end() > clause[1]:
        return False
    m = _PROJECT_BASE_AFTER.match(text, noun.end(), clause[1])
    if m is None or _PROJECT_STATE.search(text, clause[0], noun.end()):
        return False
    # (36项重点项目共完成投资105亿元: an activity told as done, 共…, reports the set too)
    return not _PAST_ACTIVITY.search(text, clause[0], clause[1])


def _projects_reached(text: str, sent, clause, q_start: int, q_end: int, seg, doc) -> bool:
    """等36个项目均已完成年度投资目标, 131个计划新开工项目有112个实现开工: the count is told
    of what its projects reached (in a progress report or review, also 全部破土动工), and no
    commitment (确保, 力争) governs it."""
    if q_end < 0:
        return False
    # 甲、乙等36个项目均已完成…: a count of named members, whose owner is the list they name,
    # is left to the rules of such lists
    if text[max(clause[0], q_start - 2) : q_start].rstrip().endswith("等"):
        return False
    m = _PROJECTS_REACHED.match(text, q_end, clause[1])
    if m is None and (doc.progress or doc.report_period or seg.past_year or seg.frame == "review"):
        m = _PROJECTS_ALL_REACHED.match(text, q_end, clause[1])
    if m is None or TARGET_CUE.search(text, q_end, m.end()):
        return False
    # 计划建成的6个项目已完工4个: the state counts the figure after it; this one is the plan's
    if _DIGIT.search(text, m.end(), clause[1]):
        return False
    return _GOAL_COMMITMENT.search(text, sent[0], q_start) is None


_TASK_BEFORE = re.compile(r"完成(?:了)?[^,，。；;:：\d]{0,10}?任务(?:为|是)?\s?$")
_TASK_AFTER = re.compile(r"[^,，。；;:：\d的]{0,8}?任务(?![的书])")
# (全年完成8000亿元建设任务, 累计完成: the amount done in the year, a result)
_DONE_BEFORE = re.compile(r"(?<!全年)(?<!累计)完成(?:了)?[^,，。；;:：\d]{0,4}?$")


# 项目编制任务数88个, 目标任务量为5个: the figure labelled as a task's size; not the count
# of tasks done (完成任务数, 已完成任务量)
_TASK_SIZE_BEFORE = re.compile(r"(?<!完成)(?<!实际)(?:目标)?任务(?:数|量)(?:为|是|[:：])?\s?$")


def _task_quota(text: str, clause, q_start: int, q_end: int) -> bool:
    """完成烟叶生产任务603万公斤, 完成9.45亿吨保供煤任务, 项目编制任务数88个: the figure
    names the task (to be) met."""
    if _TASK_SIZE_BEFORE.search(text, clause[0], q_start):
        return True
    if _TASK_BEFORE.search(text, clause[0], q_start):
        return not text.startswith("的", q_end)
    return bool(
        _DONE_BEFORE.search(text, clause[0], q_start) and _TASK_AFTER.match(text, q_end, clause[1])
    )


def _full_stop_before(text: str, pos: int) -> int:
    """Where the sentence that holds pos began, counting ；-parts as one sentence."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1


def _forecast_of_goal(text: str, sent, clause, q_start: int) -> bool:
    """确保重大项目上半年100%开复工,预计完成投资468亿元: a forecast in the clause after a
    commitment of the same sentence expects what the commitment is for."""
    k = text.find("预计", clause[0], q_start)
    if k < 0 or text[clause[0] : k].strip(" ,，"):
        return False
    commits = list(_GOAL_COMMITMENT.finditer(text, sent[0], clause[0]))
    return bool(commits) and not _STAT_CUE_STRONG.search(text, commits[-1].end(), clause[0])


_FUTURE_WORD = re.compile(r"将(?![近来军])|要(?![求点素闻])")
_WORK_TO_DO = re.compile(r"完成|新开工|开工|建成|新增|签约|引进")


def _forecast_of_plan_year(text: str, sent, clause, q_start: int, times, doc: Doc) -> bool:
    """2026年,全市将坚持…,预计地区生产总值增长5.5%左右: a forecast opening its clause in
    a sentence that opens on the year the text plans for (not a past one) and speaks of
    it in the future: what the plan expects of its year, a goal. An estimate of the year
    just ended (预计全年增长9%左右, in a review) names no such year."""
    k = text.find("预计", clause[0], q_start)
    if k < 0 or not doc.year:
        return False
    # 2022年预计完成投资2087亿元, 预计2023年完成…: the forecast names the year itself and
    # the work to do in it (预计2022年地区生产总值达…, a level, may estimate a year ended)
    if _WORK_TO_DO.search(text, k, q_start) and any(
        _year_ahead(x, doc) and (x.end in (k, k - 1) or x.start in (k + 2, k + 3))
        for x in times
        if clause[0] <= x.start < q_start
    ):
        return True
    if text[clause[0] : k].strip(" ,，"):
        return False
    return any(_year_ahead(x, doc) for x in times if sent[0] <= x.start < clause[0]) and bool(
        _FUTURE_WORD.search(text, sent[0], clause[0])
    )


def _year_ahead(x, doc: Doc) -> bool:
    """A year printed (not 全年, 今年) that is not past for the text: a later one, or its
    own before its last two months (in November a year's forecast estimates its results)."""
    if x.generic or x.year is None or x.role not in ("plain", "target") or not doc.year:
        return False
    return x.year > doc.year or (x.year == doc.year and (doc.pub_month or 1) < 11)


_FROM_SPAN_STOP = re.compile(r"[,，;；。:：]|到|至")
_CHANGE_TO = re.compile(
    r"[^,，;；。:：从到至]{0,24}?(?:提高|提升|增加|增长|上升|上调|扩大|下降|降低|减少|下调|缩小|缩减|压减)\s?(?:到|至)"
)


def _change_baseline(text: str, sent: tuple[int, int], q_start: int, q_end: int) -> bool:
    """The figure stands between 从 and a change to another level (从631元、286元提高到…,
    从2003年的12.35下降到10.4): the baseline of the change, in one clause."""
    k = text.rfind("从", max(sent[0], q_start - 24), q_start)
    if k < 0 or _FROM_SPAN_STOP.search(text, k + 1, q_start):
        return False
    return _CHANGE_TO.match(text, q_end, sent[1]) is not None


# the pledge a figure is the size of (4700亿元招商责任书, 30亿元的目标责任状)
_PLEDGE_AFTER = re.compile(r"的?[^,，。；;\d的]{0,4}?(?:目标)?责任(?:书|状)")

# 由年初预算, 由年初设定的, 由原计划的: the figure a revision starts from is the plan's
_FROM_PLAN = r"由(?=年初|原|预算|计划|目标)(?:年初|原定|原来|原)?(?:设定|确定|下达|安排)?的?(?:预算|计划|目标|预期)?(?:数|值)?的?\s?"
_REVISED = r"(?:调整|调减|调增|下调|上调|调)(?:为|到|至)\s?"
_REVISION_FROM = re.compile(_FROM_PLAN + "$")
_REVISION_TO_AFTER = re.compile(r"(?:左右|以上|以内)?\s?" + _REVISED)
_REVISION_TO_BEFORE = re.compile(_FROM_PLAN + r"[^,，;；。:：由]{1,16}?" + _REVISED + "$")


def _plan_revision(text: str, clause: tuple[int, int], q_start: int, q_end: int) -> bool:
    """The figure is an end of a plan's revision in one clause (由年初预算439.55亿元调整为
    413.8亿元左右, 增长由年初的2%调整为-4%左右): the plan first set and the plan revised.
    A change of a fact (从631元提高到653元, 价格由8元调整为10元) names no plan after 由."""
    if "由" not in text[max(clause[0], q_start - 40) : q_start]:
        return False
    if _REVISION_FROM.search(text, max(clause[0], q_start - 12), q_start):
        return _REVISION_TO_AFTER.match(text, q_end, clause[1]) is not None
    return _REVISION_TO_BEFORE.search(text, max(clause[0], q_start - 40), q_start) is not None


_SPREAD_BEFORE = re.compile(r"均(?:已)?(?:在|超过|超|达到|达)\s?$")
_GOAL_WORD_BEFORE = re.compile(r"力争|确保|争取|要(?!求)|将(?![近来])|目标为|目标是")


def _committed(text: str, sent: tuple[int, int], q_start: int) -> bool:
    """A commitment (确保, 力争) earlier in the sentence governs the figure: no estimate or
    result word (预计, 累计, 截至) stands between them."""
    last = None
    sticks: list[tuple[int, int]] | None = None
    for m in _GOAL_COMMITMENT.finditer(text, sent[0], q_start):
        if sticks is None:
            sticks = [
                (g.start(), g.end()) for g in _GOAL_YARDSTICK.finditer(text, sent[0], sent[1])
            ]
        # 为年度确保目标1200亿元的111.7%: the goal's name, the yardstick of a result
        if not any(a <= m.start() < b for a, b in sticks):
            last = m
    if last is None or _STAT_CUE_STRONG.search(text, last.end(), q_start):
        return False
    # a task quoted by its title (“力争解决…”,占任务总数的1.6%) commits to nothing here
    return "”" not in text[last.end() : q_start] and '"' not in text[last.end() : q_start]


def _goal_words_outside(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> bool:
    """A goal word (要, 力争, 计划, 目标) between lo and hi that is not part of a phrase
    that reports on a goal (the spans)."""
    return any(
        not any(a <= m.start() < b for a, b in spans) for m in TARGET_CUE.finditer(text, lo, hi)
    )


def _counted_by_goal(text: str, sent, clause, q_start: int, q_end: int) -> bool:
    """The figure counts what reached or missed its goal (18项…超额完成年度目标任务, 有6项
    没有完成“双过半”目标任务, 达到目标进度的项目32个): the goal is the yardstick, the
    count a result. Not when a goal word outside such a phrase governs the sentence
    (确保18项…全面完成年度目标任务)."""
    if q_end < 0:
        return False
    # such phrases earlier in the sentence (从达到目标进度情况看,…) are no goal words either
    spans = [(m.start(), m.end()) for m in _GOAL_REACHED.finditer(text, sent[0], clause[1])]
    # …but one must be in the figure's clause, without the figure inside it (超额完成800亿元
    # 目标任务 names the goal itself)
    own = [(a, b) for a, b in spans if a >= clause[0] and not a <= q_start < b]
    if not own:
        return False
    return not _goal_words_outside(text, sent[0], own[-1][1], spans)


def _goal_met_after(text: str, sent, clause) -> bool:
    """A later clause of the sentence reports its goals met in past words (…外贸出口4009
    万美元,均超额完成了全年任务目标): the figures before it are the results. Not when a
    goal word outside that phrase stands in the sentence before it (要…,超额完成…)."""
    if clause[1] >= sent[1] or text.find("完成", clause[1], sent[1]) < 0:
        return False
    for m in _GOAL_MET_REPORTED.finditer(text, clause[1], sent[1]):
        spans = [(m.start(), m.end())]
        return not _goal_words_outside(text, sent[0], m.end(), spans)
    return False


def _gap_after(text: str, clause: tuple[int, int], sent: tuple[int, int]) -> bool:
    """The next clause of the sentence measures the figure against its goal (…增长6.1%,
    低于目标0.9个百分点)."""
    j = clause[1]
    if j >= sent[1] or text[j] not in ",，":
        return False
    j += 1
    while j < sent[1] and text[j] in " \u3000":
        j += 1
    return _GAP_AFTER.match(text, j, min(sent[1], j + 16)) is not None


def bracket_role(
    text: str, q_start: int, q_end: int, clause: tuple[int, int]
) -> tuple[str, str] | None:
    """An actual with its goal in a bracket after it (引进企业21家(任务数18家)): the figure
    in the bracket is the goal, the one before it the result."""
    lo = clause[0]
    opening = max(text.rfind("(", lo, q_start), text.rfind("（", lo, q_start))
    if (
        opening >= 0
        and max(text.find(")", opening, q_start), text.find("）", opening, q_start)) < 0
    ):
        m = _BRACKET_TARGET.match(text, opening)
        if m and m.end() - 1 == q_start:
            return "target", "kind.bracket_target"
    if q_end > 0:
        j = q_end
        while j < len(text) and text[j] in " \u3000":
            j += 1
        if j < len(text) and text[j] in "(（" and _BRACKET_TARGET.match(text, j):
            return "statistic", "kind.bracket_actual"
    return None


def _quoted_task(text: str, sent: tuple[int, int], seg: Segment, ctimes) -> bool:
    """The opening sentence of a numbered item of a progress report that states its task
    ("1.引进项目不少于3个;投资10亿元以上项目10个。上半年,引进…"): no result word in it,
    one in a later sentence of the item."""
    m = _ITEM_OPEN.match(text, seg.start, seg.end)
    if m is None or any(x.role == "past" for x in ctimes):
        return False
    # every sentence from the item's number to this one states the task
    lo = m.end()
    if _PROGRESS_LATER.search(text, lo, sent[1]) or _PAST_ACTIVITY.search(text, lo, sent[1]):
        return False
    if _STAT_CUE_STRONG.search(text, lo, sent[1]) or "。" in text[lo : sent[0]]:
        return False
    return _PROGRESS_LATER.search(text, sent[1], seg.end) is not None


# 计划一季度…, 力争上半年…: the part of the year a goal word opens on is when it falls due
_GOAL_BEFORE_TIME = re.compile(r"(?:计划|力争|确保|争取|目标是?|要|将)(?:在|于|到)?\s?$")


def _due_period(text: str, sent: tuple[int, int], x) -> bool:
    """A part of the year (一季度, 上半年) right after a goal word: the goal's period, no
    time gone by that the clauses after it report on."""
    return (
        x.period is not None
        and _PART_OF_YEAR.search(x.period) is not None
        and _GOAL_BEFORE_TIME.search(text, max(sent[0], x.start - 5), x.start) is not None
    )


def sentence_state(
    text: str, sent: tuple[int, int], times, cues: tuple[list[int], list[int]] | None = None
) -> tuple[str, str] | None:
    """What the sentence's last cue says, to carry on through the paragraph."""
    if cues is None:
        cues = sentence_cues(text, sent)
    bt = cues[0][-1] if cues[0] else -1
    bs = cues[1][-1] if cues[1] else -1
    past = False
    for x in times:
        if sent[0] <= x.start < sent[1]:
            if x.role == "past" and not _due_period(text, sent, x):
                if x.start - sent[0] > bs:
                    bs, past = x.start - sent[0], True
            elif x.role == "target":
                bt = max(bt, x.start - sent[0])
    if bt < 0 and bs < 0:
        return None
    if bt > bs:
        return "target", "kind.sentence_cue"
    return "statistic", "kind.past_year" if past else "kind.sentence_cue"


_METRIC_DATES = scanning(
    r"(?:19|20)\d{2}年(?:前三季度|上半年|底|末)?|\d{1,2}-\d{1,2}月?|\d{1,2}月(?:\d{1,2}日)?"
)
_METRIC_VERB_END = re.compile(
    r"(?:不少于|不低于|不超过|达到|超过|突破|控制在|稳定在|提升至|超|达|近|约|逾|为|在)$"
)
_DIGIT = re.compile(r"\d")
_BRACKET_START = re.compile(r"^[(（][^)）]{0,6}[)）]")


def metric_of(text: str, q: Quantity, clause: tuple[int, int]) -> str:
    left = text[clause[0] : q.start]
    left = _METRIC_DATES.sub("", left)
    left = _METRIC_VERB_END.sub("", left)
    left = _METRIC_STRIP.sub("", left).strip()
    # a list ("产业项目156个、基础设施项目74个"): the metric is the last member
    cut = left.rfind("、")
    if cut >= 0 and len(han_only(left[cut + 1 :])) >= 2 and _DIGIT.search(left[:cut]):
        left = left[cut + 1 :]
    if len(han_only(left)) >= 2 and left[-1] not in "和及与、":
        return left[-30:]
    right = text[q.end : clause[1]]
    right = _BRACKET_START.sub("", right)
    return (left + right).strip()[:30] or text[clause[0] : q.start].strip()[-30:]


_RELATIVE_CHANGE = re.compile(
    r"(?:下降|降低|减少|减少了|压减|削减|减排|上升|增长|提高|提升|增加)(?:了|约|分别|均|幅度为?|比例为?)?$"
)


def target_kind_of(metric: str, unit: str, clause_text: str, q: Quantity, text: str) -> str:
    pre = text[max(0, q.start - 8) : q.start]
    if unit in ("%", "百分点", "‰"):
        # 死亡率下降30%: a rate's relative change, right after its verb (下降至30%: a level)
        if unit == "%" and _RELATIVE_CHANGE.search(pre):
            return "growth"
        if _LEVEL_WORD.search(metric) or _LEVEL_WORD.search(pre):
            return "level"
        if _GROWTH.search(pre) or _GROWTH.search(metric):
            return "growth"
        return "level"
    if _LEVEL_CUM.search(metric) or _LEVEL_CUM.search(pre) or _LEVEL_STRICT.search(metric[-8:]):
        return "level"
    if _is_standard(metric, unit, pre):
        return "level"
    if _stock_reached(metric, pre):
        return "level"
    return "cumulative"


# a stock or a year's output brought to a figure (公路通车总里程突破9万公里, 运营线路长度将
# 达到650公里, 龙头企业营业收入达到300亿元, 种植业标准化达到1.2亿亩): the level to reach;
# what is added, built or done to reach it (新增里程, 建成通车里程, 完成投资) is counted
_STOCK = re.compile(
    r"里程|长度|营业收入|营收|产值|生产总值|增加值|标准化|覆盖面积|保有量|存量|装机|产能"
)
_REACH_BEFORE = re.compile(r"(?:达到|达|突破|接近|超过|迈上|站上)[^，,。；;\d]{0,2}$")
_FLOW_VERB = re.compile(r"新增|新建|新改建|建成|完成|改造|新开工|开工|实施|改建|累计")


def _stock_reached(metric: str, pre: str) -> bool:
    return bool(
        _REACH_BEFORE.search(pre) and _STOCK.search(metric) and not _FLOW_VERB.search(metric)
    )


# a standard per head and per period (低保标准提高到835元/人月, 每人每月609元) or a
# standard brought to a figure (供养标准提高到2万元): what each one receives, a level;
# 高标准农田 and 标准化厂房 name things built, counted
_PER_HEAD_UNIT = re.compile(r"/(?:人|户)[月年]?$")
_PER_HEAD_WORDS = re.compile(r"每(?:人|户)每?(?:月|年)")
_STANDARD = re.compile(r"(?<!高)标准(?!化|农田|厂房)")
_BROUGHT_TO = re.compile(
    r"(?:提高|提升|调整|上调|调高|达到|增至|统一)(?:到|至|为)?[^，,。；;]{0,4}$"
)


def _is_standard(metric: str, unit: str, pre: str) -> bool:
    if _PER_HEAD_UNIT.search(unit) or _PER_HEAD_WORDS.search(pre):
        return True
    return bool(_STANDARD.search(metric) and _BROUGHT_TO.search(pre))
