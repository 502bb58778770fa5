"""Items from repaired text: targets and statistics (DESIGN.md §5).

`extract(text, year)` repairs the text, reads its structure (sections,
tables, owners, the document year) and returns every quantitative target and
reported statistic, plus zero, floor and milestone commitments. It never
raises: a paragraph that fails is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import lexicon as lex
from . import owners as own
from . import region_columns
from .classify import (
    BARE_AFTER,
    FLOOR_COMP,
    FLOOR_RE,
    TARGET_CUE,
    ZERO_RE,
    Segment,
    clause_bounds,
    han_only,
    kind_of,
    metric_of,
    review_opening,
    sentence_cues,
    sentence_state,
    sentences,
    target_kind_of,
    target_opening,
)
from .document import Doc, doc_context, section_frames
from .fastre import scanning
from .numbers_scan import Quantity, scan_quantities
from .owner_choice import (
    Lookups,
    OwnerState,
    distributed_owner,
    jurisdiction_goal,
    stat_owner,
    target_owner,
)
from .periods import TimeExpr, find_deadlines, find_times
from .repair import Line, repair_lines
from .tables import TableRow, parse_tables

#: Keys an item may carry beyond ITEM_KEYS (additive to the contract of DESIGN.md §5):
#: note (a range end), why (the lexicon rules that decided kind and owner), co_owners
#: (the cooperating units when several are named: the first leads).
OPTIONAL_KEYS = ("note", "why", "co_owners")
ITEM_KEYS = (
    "kind",
    "target_kind",
    "owner",
    "metric",
    "comparator",
    "value",
    "unit",
    "period",
    "snippet",
    "start",
    "end",
)


@dataclass
class Extraction:
    text: str
    items: list[dict] = field(default_factory=list)
    #: for each character of `text`, its index in the text given to extract()
    source_index: list[int] = field(default_factory=list, repr=False)


_ALREADY = scanning(r"(?<!经)已(?!经运行)")
_POLICY_COUNT = re.compile(r"[一二三四五六七八九十两]个?[“\"]?$")
_ZERO_OPENING = re.compile(r"^(?:杜绝|避免发生|不发生|防止)")
_ZERO_CLOSING = re.compile(r"(?<=事故)的?发生$")
_ZERO_VERB = re.compile(r"^(?:推动|确保|实现|坚持|做到|力争)")
_ZERO_DONE = re.compile(r"(?:杜绝|避免|防止)了")
_ZERO_DONE_BEFORE = re.compile(r"(?:实现了|做到了|已经?|均已)$")
_FLOOR_VERB = re.compile(r"^(?:确保|保持|实现|做到)")
_LIST_MARK = re.compile(
    r"\s*(?:\d{1,2}\s?[.、．](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)
_CAP_QUOTA = lex.cue("cap_quota")
_CAP_QUOTA_AFTER = lex.cue("cap_quota_after")
_CAP_WORD = re.compile(r"控制在")
_CONTROL_FRAME = lex.cue("control_frame")
_FALL_WORD = re.compile(r"下降|减少|降低|压减")
_LIST_SEPS = (";", "；", "、", ",", "，")
_STRUCTURE_COUNT = lex.cue("structure_count")
_COUNT_REFERENCE = lex.cue("count_reference")
_COUNT_PARTITIONED = lex.cue("count_partitioned")
_STRUCTURE_NOUN = lex.cue("structure_noun")
_STRUCTURE_DONE = lex.cue("structure_done")
_STRUCTURE_UNITS = ("项", "个", "条", "件", "类", "批")
# what a report counts of its own making: places moved in a ranking, papers issued,
# times a word is printed; statistics of the report at most, never a figure of the plan
_RANK_MOVE = lex.cue("rank_move")
_ISSUED_COUNT = lex.cue("issued_count")
_ISSUED_UNITS = ("篇", "期", "份", "次")
_INSPECTION_COUNT = lex.cue("inspection_count")
_INSPECTED_AFTER = lex.cue("inspected_after")
_INSPECTED_OF = re.compile(r"对[^,，。；;]{0,20}[的》等]$")
_ATTENDANCE_AFTER = lex.cue("attendance_after")
_ATTENDANCE_BEFORE = lex.cue("attendance_before")
_ACTOR_COUNT = lex.cue("actor_count")
# goal words that may open a deadline's clause before its date (力争, 确保要在)
_DEADLINE_LEAD = re.compile(r"力争|确保|争取|计划|要|将|拟|在|于|并|且|[\s，,；;:：]")
# (家 counts the guests only after 特邀, 回答: 邀请16家企业参加推介会 is what promotion achieved)
_ATTENDANCE_UNITS = ("名", "人", "位", "个")
_MEASURE_UNITS = ("%", "百分点", "元", "美元")
_NAMED_CAPACITY = lex.cue("named_capacity")
_GRADE_DEFINITION = lex.cue("grade_definition")
_SIZE_THRESHOLD_AFTER = lex.cue("size_threshold")
_SIZE_THRESHOLD_AFTER_ALT = re.compile(
    r"[^，,。；;、\d]{0,4}?(?:以上)?(?:的)?(?:产业|重大|工业)?项目"
)
# the class a tonnage names (500吨级船舶恢复通航, 5万吨级以上泊位)
_VESSEL_CLASS = re.compile(
    r"级(?:以上|及以上)?(?:的)?[\u4e00-\u9fff]{0,4}?(?:船舶|船只|船|货轮|泊位|码头|航道|深水)"
)
_CAPACITY_UNITS = frozenset(
    ("吨", "锭", "千瓦", "兆瓦", "千瓦时", "辆", "台", "套", "米", "头", "只", "片")
)
_RATE_BASE = lex.cue("rate_base")
_GROUP_COUNT = lex.cue("group_count")
_POWERS_OF_TEN = frozenset((10.0, 100.0, 1000.0, 1e4, 1e5, 1e6, 1e7, 1e8))
_AMOUNT_VERB = re.compile(r"完成|达到|达|新增|建成|实现|突破|超过|超|累计|生产|产量")
_SENT_MARK = re.compile(r"[。；;！？!?]")
# a count right before a short quoted term that is the whole noun (3个“年”、4个“目标”和…,
# 两个“确保”。): the parts of a slogan, not a quantity of things (3个“500强”企业 goes on)
_QUOTED_TERMS = re.compile(r"\s?[“\"][^”\"，,。；;]{1,4}[”\"](?=[、和及与，,。；;:：\s]|$)")
_LAST_YEAR = re.compile(r"过去的?一年|一年来|去年")
_SPEAKER_LEAD = lex.cue("speaker_lead")
_LEAP_MADE = lex.cue("leap_made")
_PAST_FRAME_RULES = ("kind.past_year", "kind.review_opening", "kind.review_paragraph")
_STRONG_GOAL = lex.cue("strong_target")
_GOAL_MET = lex.cue("goal_met")
_GOAL_YARDSTICK = lex.cue("goal_yardstick")


def _leaves_past(text: str, sent: tuple[int, int], stimes: list[TimeExpr], doc: Doc) -> bool:
    """The sentence turns from the past year its paragraph opened on: it names a time
    not past (2026年, 今年, 到2027年; 全年 names none) or says a goal (力争, 确保, 目标
    not met: 完成了年度目标任务 reports a result)."""
    for x in stimes:
        if x.role == "target":
            return True
        # a year (2026年) or 今年/年内, not 全年 and not a day or month of a dated event
        if (
            x.role == "plain"
            and x.period is not None
            and x.period.isdigit()
            and not text.startswith("全年", x.start)
            and (doc.year is None or (x.year or 0) >= doc.year)
        ):
            return True
    return _states_goal(text, sent)


def _states_goal(text: str, sent: tuple[int, int]) -> bool:
    """The sentence says a goal word (力争, 确保, 目标) that no 完成了…目标任务 reports met
    and that names no yardstick of a result (为年度确保目标1200亿元的111.7%)."""
    met: list[re.Match] | None = None
    for m in _STRONG_GOAL.finditer(text, sent[0], sent[1]):
        if met is None:
            met = list(_GOAL_MET.finditer(text, sent[0], sent[1]))
            met += list(_GOAL_YARDSTICK.finditer(text, sent[0], sent[1]))
        if not any(g.start() <= m.start() < g.end() for g in met):
            return True
    return False


@dataclass
class _ParTimes:
    """Time context carried through a paragraph, sentence by sentence."""

    last_any: TimeExpr | None = None  # last non-deadline time expression before this sentence
    last_target: TimeExpr | None = None
    frame_year: int | None = None  # the past year the paragraph speaks of
    deadline_starts: list[int] = field(default_factory=list)
    deadline_periods: list[list[str]] = field(default_factory=list)
    bare: list[bool] = field(default_factory=list)

    def sentence_deadline(self, sent: tuple[int, int]) -> str | None:
        k = bisect_left(self.deadline_starts, sent[0])
        if k < len(self.deadline_starts) and self.deadline_starts[k] < sent[1]:
            periods = self.deadline_periods[k]
            return periods[0] if len(periods) == 1 else None
        return None

    def next_deadline(self, pos: int) -> str | None:
        """A later deadline whose sentence has no object of its own ("计划5月30日前完成")."""
        k = bisect_left(self.deadline_starts, pos)
        for j in range(k, min(k + 5, len(self.deadline_starts))):
            if len(self.deadline_periods[j]) == 1 and self.bare[j]:
                return self.deadline_periods[j][0]
        return None


def _period(
    kind: str,
    pos: int,
    sent: tuple[int, int],
    stimes: list[TimeExpr],
    pt: _ParTimes,
    seg: Segment,
    doc: Doc,
    text: str = "",
) -> str | None:
    own_sent = [x for x in stimes if x.start < pos and x.role not in ("deadline", "base")]
    specific = [x for x in own_sent if not x.generic]
    # 全年 in a paragraph about a past year ("2025年，…。全年地区生产总值增长5.1%") is that year
    if (
        kind == "statistic"
        and own_sent
        and not specific
        and pt.frame_year
        and text.startswith("全年", own_sent[-1].start)
    ):
        return str(pt.frame_year)
    if own_sent and seg.past_year and own_sent[-1].generic:
        return str(seg.past_year)
    if kind == "target" and own_sent and own_sent[-1].generic and not seg.period:
        return own_sent[-1].period
    if specific:
        x = specific[-1]
        # 截至3月底,我区安排的90个重点项目: the plan the results so far are counted against
        # is the year's
        if kind == "target" and x.as_of and x.role == "past":
            return str(x.year) if x.year else None
        return None if x.role == "now" else x.period
    if seg.period:
        return seg.period
    if own_sent:
        return own_sent[-1].period
    after = [x for x in stimes if x.start >= pos and x.role == "target"]
    if after:
        return after[0].period
    if seg.period:
        return seg.period
    if kind == "target":
        dl = pt.sentence_deadline(sent) or pt.next_deadline(pos)
        if dl:
            return dl
        if pt.last_target is not None:
            return pt.last_target.period
        # a report on a year published the next (2020年…全年完成情况, dated 2021): the goals
        # it quotes are that year's
        year = doc.review_year or doc.year
        return str(year) if year else None
    if pt.last_any is not None:
        if pt.last_any.generic and (seg.past_year or pt.frame_year):
            return str(seg.past_year or pt.frame_year)
        return pt.last_any.period if pt.last_any.role != "now" else None
    if seg.past_year:
        return str(seg.past_year)
    # a paragraph that continues the review of the one before: that year
    if seg.carried_frame and pt.frame_year:
        return str(pt.frame_year)
    return doc.report_period


_SPAN = re.compile(r"((?:19|20)\d{2})-((?:19|20)\d{2})")


def _level_at_span_end(period: str) -> str:
    """A level a plan sets for its span (“十二五”期间…比例70%以上) is to stand at the span's
    end (2015); what builds up over the span keeps the span (2011-2015)."""
    m = _SPAN.fullmatch(period)
    return m.group(2) if m else period


_FIGURE_HEADING = re.compile(
    r"\s*(?:#{1,6}\s*)?(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])"
    r"[^。；;\n\d]{2,30}\d+(?:\.\d+)?\s?(?:%|个百分点|万亿元|亿元|万元|万人|万吨|公里|万平方米|个|人|户|家|项|吨|亩)"
    r"(?:以上|以内|以下|左右)?\s*(?:[。;；]|(?:责任单位|牵头单位)|$)"
)
_RUN_ON_OWNER = re.compile(r"(?:责任单位|牵头单位)[:：]\s*([^\s:：,，。；;]{1,30})\s*$")
# a paragraph's closing bracket of owners cut by the text (…增长15%。(牵头单位:市)
_CUT_OWNER_BRACKET = re.compile(
    r"[(（]\s*(?:责任单位|牵头单位)[:：]\s*([^)）;；,，、\n]{0,30})\s*$"
)
_OPENING_VERB = re.compile(
    r"((?:19|20)\d{2})\s?年(?:[^,，。；;、\d前底是全]{0,3}?)(建成投运|建成通车|建成投产|建成|投运|投产|通车|竣工)"
)
_OPENING_LIST = re.compile(r"((?:19|20)\d{2})\s?年\s?[、和及与]([^。；;,，、\n\d]{1,8})$")
_OPENING_LEAD = re.compile(r"^(?:冲刺|力争|确保|争取|实现|计划|推动|和|及|与)+")


def _opening_years(text: str, sent: tuple[int, int]) -> list[tuple[int, str, str, int, int]]:
    """The years works are to open in (冲刺西延2025年、西康和西十2026年建成投运): one
    (year, works, verb, start, end) a year, for works named before each year and no figure
    after the verb in its clause."""
    out: list[tuple[int, str, str, int, int]] = []
    for m in _OPENING_VERB.finditer(text, sent[0], sent[1]):
        verb = m.group(2)
        clause = clause_bounds(text, m.start(), sent[0], sent[1])
        if re.search(r"\d", text[m.end() : clause[1]]):
            continue  # 2025年建成通车150公里: a figure, read as such
        chain = [(int(m.group(1)), m.start(1), m.end())]
        pos = m.start(1)
        while True:
            lm = _OPENING_LIST.search(text, clause[0], pos)
            if not lm:
                break
            chain.insert(0, (int(lm.group(1)), lm.start(1), lm.end(1) + 1))
            pos = lm.start(1)
        ends = [clause[0]] + [e for _, _, e in chain[:-1]]
        for (y, ys, ye), ns in zip(chain, ends, strict=True):
            name = _OPENING_LEAD.sub("", text[ns:ys].strip(" 、,，"))
            # 到2020年全面建成(小康社会): a slogan's year, not a work's
            if not name or len(name) > 12 or name.endswith(("到", "至", "于")):
                continue
            out.append((y, name, verb, ns, ye))
    return out


# 散煤清零任务, 清零行动: the name of a task or campaign; its figure (11.4万户) is the goal
_ZERO_NAMES_A_CAMPAIGN = re.compile(r"(?:动态)?清零(?:任务|行动|工程|攻坚|专项|工作)")


def _zero_among_names(text: str, clause: tuple[int, int], s0: int, e0: int) -> bool:
    """清零 in a list of the fields a campaign works on (攻坚秋冬季大气污染、夏季臭氧、散煤
    清零、柴油货车): a member named between members that ask for nothing, no goal of its
    own (a list of zero goals, 隐患动态清零、垃圾日产日清, asks in each member)."""
    k = text.rfind("、", clause[0], s0)
    if text[e0 : e0 + 1] != "、" or k < 0:
        return False
    prev = text[max(clause[0], text.rfind("、", clause[0], k) + 1) : k]
    nxt = text.find("、", e0 + 1, clause[1])
    after = text[e0 + 1 : nxt if nxt >= 0 else clause[1]]
    return not ZERO_RE.search(prev) and not ZERO_RE.search(after)


def _in_control_frame(text: str, lo: int, clause_start: int, pos: int) -> bool:
    """Whether the figure at `pos` lies in a frame of control indicators (控制考核指标…为:)
    that no full stop has closed, and its clause names no fall (下降2.5% is a floor on it)."""
    last = None
    for m in _CONTROL_FRAME.finditer(text, lo, pos):
        last = m
    if last is None or "。" in text[last.end() : pos]:
        return False
    return not _FALL_WORD.search(text, clause_start, pos)


_HARM_COUNT = lex.cue("harm_count")
_HARM_UNITS = ("人", "起", "宗", "次", "人次")
_CHANGE_WORD = re.compile(r"下降|减少|降低|压减|增加|上升|增长|比(?![重例])|较(?![大小为好多少])")


def _harm_cap(text: str, clause_start: int, q: Quantity) -> bool:
    """The figure counts accidents or their dead or injured (事故起数, 死亡人数) and its
    clause names no change (减少20人 is a floor on the fall)."""
    if q.unit not in _HARM_UNITS:
        return False
    m = _HARM_COUNT.search(text, clause_start, q.num_start)
    return m is not None and not _CHANGE_WORD.search(text, clause_start, q.num_start)


def _make(
    kind, tkind, owner, metric, comp, value, unit, period, text, s, e, note=None, why=None
) -> dict:
    item = {
        "kind": kind,
        "target_kind": tkind if kind == "target" else None,
        "owner": owner,
        "metric": metric,
        "comparator": comp,
        "value": value,
        "unit": unit,
        "period": period,
        "snippet": text[s:e],
        "start": s,
        "end": e,
    }
    if note:
        item["note"] = note
    if why:
        item["why"] = why
        if owner and why.get("owner") in _LEAD_RULES and "、" in owner:
            lead, co = own.lead_and_cooperating(owner)
            if co:
                item["owner"], item["co_owners"] = lead, co
    return item


# rules that read a figure as a result by its own words, and the defaults a frame gives
_RESULT_RULES = (
    "kind.past_activity",
    "kind.past_year",
    "kind.progress_period",
    "kind.bracket_actual",
)
_DEFAULT_TARGET_RULES = (
    "kind.plan_default",
    "kind.paragraph",
    "kind.this_year",
    "kind.target_frame",
)


# Owners named by a marker on the item or its paragraph ((市X局、市Y局负责)): the first
# unit leads, the others cooperate.  A table's 牵头单位 cell naming two units is a
# joint lead and keeps both.
_LEAD_RULES = (
    "owner.clause_marker",
    "owner.item_marker",
    "owner.paragraph_marker",
    "owner.label_line",
)


def _read_frame(
    text: str,
    sent: tuple[int, int],
    stimes: list[TimeExpr],
    doc: Doc,
    pt: _ParTimes,
    par_frame: str | None,
) -> tuple[str | None, str | None, bool]:
    """The frame of a sentence (review, target, past, or what the paragraph carries), the
    paragraph's frame after it, and whether the sentence turns the paragraph from its past.
    Sets the past year the paragraph speaks of (pt.frame_year)."""
    frame = None
    turned = False
    if review_opening(text, sent):
        frame = "review"
        if doc.year and _LAST_YEAR.search(text, sent[0], sent[1]):
            pt.frame_year = doc.year - 1
    elif target_opening(text, sent):
        frame = "target"
    for x in stimes:
        # a past year, or an ended five-year plan's period (“十二五”时期: 2011-2015)
        if x.role == "past" and x.period and _PAST_SPAN.fullmatch(x.period):
            pt.frame_year = int(x.period) if x.period.isdigit() else None
            # a sentence that opens with a past year speaks of that year ("2014年，…"),
            # also after the speaker it quotes ("某某在报告中指出,2012年,…")
            if frame is None and (
                # (a list member's bullet before it: ●2023年…)
                not text[sent[0] : x.start].strip(" \n，,●◆■▲•·★")
                # what a quoted speaker reports, not what he says was arranged
                or (
                    _SPEAKER_LEAD.fullmatch(text, sent[0], x.start) and not _states_goal(text, sent)
                )
            ):
                frame = "past"
    # the paragraph speaks of the past year it opened on until a sentence names
    # another time or a goal of its own: a later sentence inherits the frame
    if frame in ("review", "past"):
        # 2012年控制考核指标已经确定: a past year's plan, not its results
        par_frame = None if _states_goal(text, sent) else frame
    elif frame is not None or _leaves_past(text, sent, stimes, doc):
        par_frame, turned = None, True
    elif par_frame is not None:
        # the paragraph's opening year (kind.past_year) or its results (会议指出…成效)
        frame = {"past": "past", "carried": "carried"}.get(par_frame, "review_par")
    return frame, par_frame, turned


def _times_by_sentence(times: list[TimeExpr], sents: list[tuple[int, int]]) -> list[list[TimeExpr]]:
    """The time expressions of each sentence (those starting before its end, after the
    sentence before)."""
    out = []
    ti = 0
    for sent in sents:
        tj = ti
        while tj < len(times) and times[tj].start < sent[1]:
            tj += 1
        out.append(times[ti:tj])
        ti = tj
    return out


def _may_commit(text: str, sent: tuple[int, int]) -> bool:
    """The sentence may say a commitment without a figure (zero, floor, a year to open in)."""
    stext = text[sent[0] : sent[1]]
    return bool(
        ZERO_RE.search(stext)
        or FLOOR_RE.search(stext)
        or _OPENING_VERB.search(text, sent[0], sent[1])
    )


def _close_frame(
    text: str,
    seg: Segment,
    doc: Doc,
    sents: list[tuple[int, int]],
    times_of: list[list[TimeExpr]],
) -> None:
    """The frame a paragraph without items closes on, as _extract_segment reads it: the
    next paragraph may continue its review (_carry_frame)."""
    pt = _ParTimes()
    if seg.carried_frame:
        pt.frame_year = seg.carried_year
    par_frame = seg.carried_frame
    for sent, stimes in zip(sents, times_of, strict=True):
        _, par_frame, _ = _read_frame(text, sent, stimes, doc, pt, par_frame)
    # a paragraph of one sentence that opens a review and gives no figure (一年来,我们抓创新、
    # 强链群,工业强市成效明显。) is the lead of the paragraphs below it: they report its results
    lead = par_frame == "review" and len(sents) == 1
    seg.closing_frame = "past" if par_frame in ("past", "carried") or lead else None
    seg.closing_year = pt.frame_year


# 均/都 before the change or level a list shares (人均 inside a member is not it)
_SHARED_VALUE = re.compile(
    r"(.+)(?<!人)(?:均|都)((?:增长|增速|稳定在|稳定|保持在|保持|达到|实现|下降|降低|提高|控制在|"
    r"超过|突破|不低于|不少于)[^均都]*)"
)
_ITEM_NUMBER = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]\s*")
_PLACE_END = re.compile(r"(?:省|市|县|区|州|盟|旗|镇|乡|园|园区|开发区|新区)$")
_MEMBER_SPLIT = re.compile(r"[、和及与]")


def _shared_value_members(metric: str, doc: Doc) -> list[str]:
    """The metrics a list shares one figure among (固定资产投资、工业投资均增长 gives
    固定资产投资增长, 工业投资增长), or none: a list of places or units that did the same
    (甲区、乙区均超过90%) is the figure's subject, not its metrics."""
    if not metric or "、" not in metric:
        return []  # (no list: what the pattern reads below needs a 、 before its 均/都)
    m = _SHARED_VALUE.fullmatch(metric)
    if not m or "、" not in m.group(1):
        return []
    head = _ITEM_NUMBER.sub("", m.group(1).strip())
    members = [x for x in _MEMBER_SPLIT.split(head) if x]
    if len(members) < 2 or any(len(x) < 2 or "的" in x or _PLACE_END.search(x) for x in members):
        return []
    if any(own.is_organisation(x) or own.find_regions(x, doc.places) for x in members):
        return []
    return [x + m.group(2) for x in members]


def _counts_the_report(text: str, q: Quantity, sent: tuple[int, int]) -> bool:
    """The figure counts what the report itself did or shows (排名提升5位, 印发督查通报3篇,
    “发展”出现67次, 抽调18人组成督查组), unless a goal word of the sentence asks for it
    (确保编发简报12期)."""
    lo = max(sent[0], q.start - 14)
    if q.unit == "人" and text[max(sent[0], q.start - 2) : q.start] == "一行":
        return True  # 副主任张三一行5人: a delegation's size, not a figure of the plan
    if _counts_listed_members(text, q, sent):
        return True
    if (
        q.unit in _STRUCTURE_UNITS
        and text[max(sent[0], q.num_start - 2) : q.num_start] in ("(共", "（共")
        and text[q.end : q.end + 1] in (")", "）")
    ):
        return True  # 重点项目清单(共86项): the size of the plan's own list, no figure
    if q.unit == "个" and text.startswith(("月", "小时"), q.end):
        return True  # 为期6个月, 连续22个月, 持续2个小时: a length of time, not a figure
    # 823名代表出席会议, 60家企业参会, 回答18家媒体的提问: who came to the event reported
    if (
        (q.unit in _ATTENDANCE_UNITS and _ATTENDANCE_AFTER.match(text, q.end, sent[1]))
        or (
            q.unit in (*_ATTENDANCE_UNITS, "家")
            and _ATTENDANCE_BEFORE.search(text, max(sent[0], q.start - 4), q.start)
        )
    ) and not _STRONG_GOAL.search(text, sent[0], q.start):
        return True
    if q.unit == "位":
        return bool(_RANK_MOVE.search(text, lo, q.start))
    if q.unit in _ISSUED_UNITS and _ISSUED_COUNT.search(text, lo, q.start):
        return not _STRONG_GOAL.search(text, sent[0], q.start)
    if q.unit in _MEASURE_UNITS or q.unit == "次":
        return False  # (开展专项督查4次: how often the government acted, a statistic)
    # 抽调18人组成督查组, 现场核验34项, 对18个项目进行实地督查: how the inspection went
    # (or 对20个县(市、区)的58个重点项目进行集中观摩, 对《政府工作报告》9项主要目标…进行跟踪
    # 督办: the objects named after their places or their source)
    inspected = _INSPECTION_COUNT.search(text, lo, q.start) or (
        (text[q.start - 1 : q.start] == "对" or _INSPECTED_OF.search(text, lo, q.start))
        and _INSPECTED_AFTER.match(text, q.end, sent[1])
    )
    return bool(inspected) and not _STRONG_GOAL.search(text, sent[0], q.start)


# the rest of a list of policies named by their articles (…18条、奶产业10条等政策)
_POLICY_ARTICLES = re.compile(
    r"(?:、[^,，。；;、\d]{1,10}?\d+条)*(?:等)?(?:政策|措施|举措|意见|细则|条款)"
)
# the rest of a name in quotes made of figures (“3个100”, “4个1”)
_QUOTED_NAME_END = re.compile(r"\d+[”\"]")
_GROUPS_AFTER = re.compile(
    r"[^,，。；;\d]{0,6}?(?:督导组|督查组|检查组|工作组|指导组|工作专班|专班)"
)
_FORMED_BEFORE = re.compile(r"成立|组建|组成|派出")


def _groups_formed(text: str, q: Quantity, sent: tuple[int, int]) -> bool:
    """The figure counts the groups a campaign forms to lead or inspect it (成立8个督导组,
    组建5个工作专班): its organisation, no figure of the plan nor of its results."""
    return bool(
        _GROUPS_AFTER.match(text, q.end, sent[1])
        and _FORMED_BEFORE.search(text, max(sent[0], q.start - 20), q.start)
    )


def _counts_plan_parts(text: str, q: Quantity, sent: tuple[int, int]) -> bool:
    """抓好40项重点工作:, 实施8项优惠措施;, 做好…3篇文章: the plan's own parts counted by
    their noun, the phrase closed there; not a count done (全面完成50项民生实事)."""
    return (
        (q.unit in _STRUCTURE_UNITS or q.unit == "篇")
        and _STRUCTURE_NOUN.match(text, q.end, sent[1] + 1) is not None
        and not _STRUCTURE_DONE.search(text, max(sent[0], q.num_start - 4), q.num_start)
    )


_MEMBER_SEP = re.compile(r"、|和|及|与")
# the class a list's members are counted as when the list is what the plan works on
# (围绕工业、农业2个方面, 商贸、文旅3大优势产业)
_MEMBER_CLASS = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:方面|领域|方向|产业|板块|行业|环节)")
_CLAUSE_OPEN_CHARS = r"[，,。；;：:（(）)\s]"
# up to the last clause opening of a window (greedy: the regex engine finds the last one)
_UP_TO_CLAUSE_OPEN = re.compile(r"(?s).*" + _CLAUSE_OPEN_CHARS)
_LISTED_MEMBER_UNITS = (*_STRUCTURE_UNITS, "人", "名", "家", "位")


def _after_clause_open(text: str, lo: int, end: int) -> int:
    """Just after the last clause opening (a mark, a bracket or a blank) in text[lo:end],
    else lo (end itself when the window is empty)."""
    if end <= lo:
        return end
    m = _UP_TO_CLAUSE_OPEN.match(text, lo, end)
    return m.end() if m else lo


def _counts_listed_members(text: str, q: Quantity, sent: tuple[int, int]) -> bool:
    """The figure counts the members of the list printed right before it (东城、西城和南城
    3个, 甲、乙、丙等3个): as many as the names given, the size of the list, no figure."""
    if q.unit not in _LISTED_MEMBER_UNITS or q.value < 2:
        return False
    end = q.num_start
    if text[end - 1 : end] == "等":
        end -= 1
    start = _after_clause_open(text, sent[0], end)
    span = text[start:end]
    parts = [p for p in _MEMBER_SEP.split(span) if p]
    if len(parts) != int(q.value) or q.value != int(q.value) or "、" not in span:
        return False
    if q.unit not in ("人", "名", "位") and not _MEMBER_CLASS.match(text, q.end, sent[1]):
        return False  # 甲、乙等2个项目完成投资…, 丙、丁2个区增速…: the members a result is told of
    # names and short clauses only; a figure inside is a list of amounts, not of members
    return all(len(p) <= 16 and not any(c.isdigit() for c in p) for p in parts)


_EXCLUSION_ASIDE = re.compile(r"[(（](?:扣除|不含|剔除|除去)[^()（）]{0,30}$")


def _in_exclusion_aside(text: str, lo: int, pos: int) -> bool:
    """pos lies in an open parenthesis that begins with an exclusion word (扣除, 不含)."""
    return bool(_EXCLUSION_ASIDE.search(text, max(lo, pos - 32), pos))


def _extract_segment(text: str, seg: Segment, doc: Doc) -> list[dict]:
    items: list[dict] = []
    lo, hi = seg.start, seg.end
    par = (lo, hi)
    times = find_times(text[lo:hi], doc.year, doc.pub_month, doc.review_year)
    for t in times:
        t.start += lo
        t.end += lo
    # a year inside an aside that excludes part of the metric (支出(扣除2022年专项资金外)增长3%)
    # qualifies the metric: it neither dates the figure nor turns the sentence to the past
    times = [t for t in times if not _in_exclusion_aside(text, lo, t.start)]
    deadlines = [(s + lo, e + lo, p) for s, e, p in find_deadlines(text[lo:hi], doc.year)]
    for t in times:
        if any(ds <= t.start < de for ds, de, _ in deadlines):
            t.role = "deadline"
    quantities = scan_quantities(text, lo, hi)
    if not quantities and seg.unit:
        quantities = _header_unit_figure(text, lo, hi, seg.unit)
    sents = sentences(text, lo, hi)
    times_of = _times_by_sentence(times, sents)
    if not (quantities or deadlines or any(_may_commit(text, sent) for sent in sents)):
        # no figure, deadline or commitment: no item, only the frame the paragraph closes on
        _close_frame(text, seg, doc, sents, times_of)
        return items
    state = OwnerState()
    # a place labelling the paragraph (滨城区 。 重点投资项目35个…) or the lines above it
    # (广州⏎●…): the subject of what it holds until a sentence names its own
    if seg.place:
        state.subject = state.region = seg.place
        state.subject_rule = "owner.place_label"
    look = Lookups(text, par)
    par_state: tuple[str, str] | None = None
    # "past" or "review": what the paragraph opened on; "carried": the past year of the
    # paragraph before, which this one continues until it turns
    par_frame: str | None = seg.carried_frame
    # the state a sentence that breaks the last one down (其中,…) takes instead
    part_state: tuple[str, str] | None = None
    qi = 0
    pt = _ParTimes()
    pt.deadline_starts = [d[0] for d in deadlines]
    pt.deadline_periods = [d[2] for d in deadlines]
    pt.bare = [bool(BARE_AFTER.match(text, d[1], min(hi, d[1] + 8))) for d in deadlines]
    if seg.carried_frame:
        pt.frame_year = seg.carried_year
    tail_owner = (
        own.trailing_owner(text[max(lo, hi - 40) : hi])
        or own.owner_sentence(text[lo:hi])
        or own.long_bracket_owner(text[max(lo, hi - 200) : hi])
        or own.cut_bracket_owner(text[max(lo, hi - 200) : hi])
    )
    if seg.after_owner and tail_owner and not own.is_organisation(tail_owner):
        tail_owner = None  # the whole name a heading ran on (责任单位:区发展和改革局) instead
    # a numbered item closed by its owner ("3. 新建5G基站1200个以上。(市工信局负责)")
    # (or a one-sentence paragraph closed so: "新建5G基站1200个以上。(市工信局负责)")
    item_marked = bool(tail_owner) and (
        bool(_LIST_MARK.match(text, lo, hi)) or len(_SENT_MARK.findall(text, lo, hi)) <= 2
    )
    if tail_owner:
        state.explicit = tail_owner
        state.explicit_rule = "owner.item_marker" if item_marked else "owner.paragraph_marker"
    elif seg.after_owner:
        state.explicit = seg.after_owner
        state.explicit_rule = "owner.following_line"
    for sent, stimes in zip(sents, times_of, strict=True):
        stext = text[sent[0] : sent[1]]
        if part_state is not None and stext.lstrip(" \u3000,，").startswith("其中"):
            par_state = part_state
        ex = None if (tail_owner or seg.after_owner) else own.explicit_owner(stext)
        if ex:
            state.explicit = ex
        opener = look.sentence_subject(sent)  # (asked again by stat_owner: found once)
        subj = opener or own.clause_subject(text, sent[0], sent[1])
        if subj:
            state.subject = subj
            state.subject_rule = "owner.subject"
        # a row's progress cell: the text after its unit cell (… 区发改委 同比增长2.9%)
        progress_cell = (
            doc.progress_column
            and opener is not None
            and text[sent[0] : sent[0] + 1] in (" ", "\t", "\u3000")
        )
        # a unit made responsible in this sentence (由X牵头, 牵头单位:X): an assignment
        lead_phrase = bool(ex) and own.names_a_lead(stext)
        sent_items = 0
        sent_result = False  # an earlier figure of the sentence was a result, by its own words
        cues = sentence_cues(text, sent)
        frame, par_frame, turned = _read_frame(text, sent, stimes, doc, pt, par_frame)
        if turned and par_state is not None and par_state[1] in _PAST_FRAME_RULES:
            par_state = None  # what the past year framed ends where the paragraph turns
        while qi < len(quantities) and quantities[qi].num_start < sent[1]:
            q = quantities[qi]
            qi += 1
            if q.unit in _STRUCTURE_UNITS and (
                _STRUCTURE_COUNT.search(text, max(sent[0], q.start - 40), q.start)
                or _COUNT_REFERENCE.search(text, max(sent[0], q.start - 2), q.start)
                or _COUNT_PARTITIONED.match(text, q.end, sent[1])
            ):
                # 明确133项: the plan's structure, not a figure of it; 这198项: the count
                # named again; 在198项任务中: the plan's tasks partitioned
                continue
            if _counts_plan_parts(text, q, sent):
                continue  # 抓好40项重点工作: the plan's parts counted, no figure
            if _counts_the_report(text, q, sent):
                continue  # 排名提升5位, 印发督查通报3篇: the report's own tally, no item
            if (
                q.unit in _CAPACITY_UNITS
                and text[q.start - 1 : q.start] not in ("(", "（")  # 管网(585米): its length
                and _NAMED_CAPACITY.match(text, q.end, sent[1])
                and not _AMOUNT_VERB.search(text, max(sent[0], q.start - 4), q.start)
            ):
                continue  # 年产30万吨再生铜冶炼等项目: a project's name
            if q.range_pair and _GRADE_DEFINITION.search(text, max(sent[0], q.start - 10), q.start):
                continue  # 较大事故(一次死亡3-9人): the range that defines a grade, no figure
            if q.unit in ("元", "美元") and (
                _SIZE_THRESHOLD_AFTER.match(text, q.end, sent[1])
                or (
                    text[max(0, q.start - 3) : q.start].strip().endswith(("或", "或超", "或超过"))
                    and _SIZE_THRESHOLD_AFTER_ALT.match(text, q.end, sent[1])
                )
            ):
                continue  # 总投资超30亿元或3亿美元产业项目2个: the size that defines a class
            if (
                q.unit in ("元", "美元")
                and q.range_pair
                and _SIZE_THRESHOLD_AFTER_ALT.match(text, q.end, sent[1])
            ):
                continue  # 总投资10亿至50亿元的项目23个: the range that defines a class
            if q.unit in _CAPACITY_UNITS and _VESSEL_CLASS.match(text, q.end):
                continue  # 500吨级船舶, 万吨级泊位: a class of ships or berths, no figure
            if q.value in _POWERS_OF_TEN and _RATE_BASE.match(text, q.end, sent[1]):
                continue  # 十万人死亡率: the base of a rate, not a figure
            if q.unit in _STRUCTURE_UNITS and _QUOTED_TERMS.match(text, q.end, sent[1]):
                continue  # 做到一个“认识”、3个“年”、4个“目标”: a slogan's parts counted
            if (
                q.unit in _STRUCTURE_UNITS
                and text[q.start - 1 : q.start] in ("“", '"')
                and _QUOTED_NAME_END.match(text, q.end, sent[1])
            ):
                continue  # “3个100”重点项目: a programme's name, numerals and all
            if q.unit == "条" and _POLICY_ARTICLES.match(text, q.end, sent[1]):
                continue  # 新型工业化18条、奶产业10条等政策: a policy's articles counted
            if q.unit == "个" and _groups_formed(text, q, sent):
                continue  # 成立以副省长任组长的8个督导组: how the campaign is organised
            if text[q.start - 1 : q.start] == "等" and _GROUP_COUNT.match(text, q.end, sent[1]):
                continue  # 冶金机械等8个工贸行业: the size of a group named, not a figure
            clause = look.clause(q.num_start, sent)
            marked = (
                item_marked
                or lead_phrase
                or bool(seg.after_owner)
                or look.clause_owner(q.start, sent[1]) is not None
                # a numbered item with its own 牵头单位/责任单位 line below it: a unit's task
                or look.label_line() is not None
            )
            kind, kind_rule = kind_of(
                q.unit,
                text,
                q.num_start,
                sent,
                clause,
                stimes,
                par_state,
                seg,
                doc,
                cues,
                frame=frame,
                marked=marked,
                q_end=q.end,
            )
            if (
                kind == "target"
                and q.unit in ("个", "家")
                and q.value >= 2
                and _ACTOR_COUNT.match(text, q.end, sent[1])
            ):
                continue  # 88个省级部门将联系…: the bodies that do the plan, not a goal of it
            if progress_cell:
                kind, kind_rule = "statistic", "kind.table_column"
            elif kind_rule == "kind.default" and q.note and q.note.startswith("range"):
                # 举办三至五场, 增长4.5%至5%: a span to land in is a goal; a result is one
                # figure, or a span closed as a leap made (实现从7万亿元到11万亿元的跨越)
                if not _LEAP_MADE.search(text, q.end, clause[1]):
                    kind, kind_rule = "target", "kind.range"
            if kind == "statistic" and kind_rule in _RESULT_RULES:
                sent_result = True
            elif (
                sent_result
                and kind == "target"
                and kind_rule in _DEFAULT_TARGET_RULES
                and not TARGET_CUE.search(text, clause[0], clause[1])
            ):
                # "全年共发生事故2.18万起、死亡1.96万人,同比分别下降11%、7.6%": the
                # sentence reports results; a later figure without a goal word is one too
                kind, kind_rule = "statistic", "kind.same_sentence"
            elif (
                sent_items
                and kind_rule in _DEFAULT_TARGET_RULES
                and kind != items[-sent_items]["kind"]
                and "其中" in text[max(sent[0], items[-sent_items]["end"]) : q.start]
                and not TARGET_CUE.search(text, clause[0], clause[1])
            ):
                # 共有项目71个,其中:省外项目61个、市外项目10个: the parts of a total are
                # of its kind
                kind, kind_rule = items[-sent_items]["kind"], "kind.breakdown"
            comp_rule = None
            if q.comparator == "~" and _CAP_WORD.search(text, clause[0], q.num_start):
                comp = "<="  # 控制在3%左右: a cap, hedged
            elif q.comparator:
                comp = q.comparator
            elif q.reach:
                comp = ">=" if kind == "target" else "="
            elif kind == "target" and (
                _CAP_QUOTA.search(text, clause[0], q.num_start)
                or _CAP_QUOTA_AFTER.match(text, q.end, clause[1])
            ):
                # 死亡人数控制指标45人, 目标任务为…: a quota is a cap
                comp = "<="
            elif kind == "target" and _in_control_frame(text, lo, clause[0], q.num_start):
                # 控制考核指标分解情况为:工矿商贸企业474人,…上升0.05%: caps
                comp, comp_rule = "<=", "comparator.control_frame"
            elif kind == "target" and _harm_cap(text, clause[0], q):
                # 较大事故起数目标任务为3起: no plan asks for more accidents, a cap
                comp, comp_rule = "<=", "comparator.harm_cap"
            else:
                comp = ">=" if kind == "target" else "="
            metric = metric_of(text, q, clause)
            if not metric and seg.label:
                metric = seg.label  # a figure alone in its cell: the row names it
            tkind = target_kind_of(metric, q.unit, text[clause[0] : clause[1]], q, text)
            value: float | None = q.value
            unit: str | None = q.unit
            if kind == "target" and value == 0 and comp in ("<=", "<", "="):
                # 控制在0人以内: nothing at all may happen, a zero target
                tkind, comp, unit, kind_rule = "zero", "=", None, "kind.zero_cap"
            period = _period(kind, q.start, sent, stimes, pt, seg, doc, text)
            if kind == "target" and tkind == "level" and period:
                period = _level_at_span_end(period)
            if kind == "target" and frame is not None and frame != "target":
                # 超额完成…下达的800亿元目标任务: the goal of the year the paragraph reviews
                met_year = pt.frame_year or seg.past_year
                if met_year and any(
                    g.start() <= q.start < g.end()
                    for g in _GOAL_MET.finditer(text, clause[0], clause[1])
                ):
                    period = str(met_year)
            if kind_rule == "kind.goal_named":
                # the goal a result is measured against (全省…超过目标任务4000亿元) is the
                # goal of whoever the result is of: the result's subject
                owner, owner_rule = stat_owner(text, sent, q.start, state, doc, look, q.end)
                if owner is None:
                    owner, owner_rule = target_owner(
                        text, sent, par, q.start, seg, state, doc, look
                    )
            elif kind == "target":
                owner, owner_rule = target_owner(text, sent, par, q.start, seg, state, doc, look)
                if owner_rule in ("owner.reporter", "owner.document"):
                    # a body reporting on the jurisdiction names the jurisdiction's goal
                    # (全省…紧盯固定资产投资增长7%目标任务, 省政府要求的…落地率25%的目标)
                    whole = jurisdiction_goal(text, sent, q.start, q.end, doc)
                    if whole:
                        owner, owner_rule = whole, "owner.jurisdiction"
            else:
                owner, owner_rule = stat_owner(text, sent, q.start, state, doc, look, q.end)
                if owner and "、" in owner:
                    # 甲县、乙区分别以21.45%和20.52%…: each figure its own place's
                    owner = distributed_owner(text, sent, q.start, owner)
                if (seg.unit or seg.row_subject) and seg.explicit_owner and seg.owner:
                    # a bare figure of a breakdown table's row: the row's name is its subject
                    owner, owner_rule = seg.owner, "owner.section"
            snip_start = min(clause[0], q.start)
            items.append(
                _make(
                    kind,
                    tkind,
                    owner,
                    metric,
                    comp,
                    value,
                    unit,
                    period,
                    text,
                    snip_start,
                    q.end,
                    q.note,
                    why=(
                        {"kind": kind_rule, "owner": owner_rule}
                        | ({"comparator": comp_rule} if comp_rule else {})
                    ),
                )
            )
            sent_items += 1
            # 固定资产投资、工业投资均增长12%: one figure, a fact for each metric listed
            members = _shared_value_members(items[-1]["metric"], doc)
            if members:
                first = items[-1]
                first["why"]["metric"] = "metric.shared_value"
                first["metric"] = members[0]
                for member in members[1:]:
                    items.append(dict(first, metric=member, why=dict(first["why"])))
                    sent_items += 1
        sstate = sentence_state(text, sent, stimes, cues)
        if frame == "review":
            sstate = ("statistic", "kind.review_opening")
        elif frame == "target" and sstate is None:
            sstate = ("target", "kind.target_frame")
        part_state = None
        if sent_items:
            # the goal printed in a bracket after an actual does not frame what follows
            last = next(
                (
                    it
                    for it in reversed(items[-sent_items:])
                    if it["why"]["kind"] != "kind.bracket_target"
                ),
                items[-1],
            )
            if last["why"]["kind"] == "kind.goal_share":
                # a sentence of progress that closes on the year's commitment (1-10月实现…,
                # 全年确保…,完成全年目标任务的100%) passes on the report it opened with
                last = items[-sent_items]
            sstate = (last["kind"], last["why"]["kind"])
            first = items[-sent_items]
            if (
                last["kind"] == "target"
                and last["why"]["kind"] == "kind.strong_target"
                and first["kind"] == "statistic"
                and first["why"]["kind"] != "kind.bracket_actual"
                and sum(it["kind"] == "target" for it in items[-sent_items:]) == 1
            ):
                # results that quote a plan figure last (开复工项目…个,总投资…,年度计划投资…):
                # a next sentence that breaks them down (其中,…) reports as they do
                part_state = ("statistic", first["why"]["kind"])
        for x in stimes:
            if x.role not in ("deadline", "base"):
                pt.last_any = x
            if x.role == "target":
                pt.last_target = x
        if sstate:
            par_state = sstate
        # zero, floor, milestone commitments
        if _ALREADY.search(stext[:20]) and not TARGET_CUE.search(stext):
            continue
        stat_sentence = (
            par_state is not None
            and par_state[0] == "statistic"
            and sstate is not None
            and sstate[0] == "statistic"
        )
        for m in ZERO_RE.finditer(stext):
            s0, e0 = m.start() + sent[0], m.end() + sent[0]
            if _POLICY_COUNT.search(text[max(sent[0], s0 - 3) : s0]):
                continue  # 四个清零: the name of a policy
            if _ZERO_DONE.match(stext, m.start()) or _ZERO_DONE_BEFORE.search(
                text, max(sent[0], s0 - 3), s0
            ):
                continue  # 有效杜绝了重特大事故, 已实现清零: a result, no commitment
            clause = look.clause(s0, sent)
            if _ZERO_NAMES_A_CAMPAIGN.match(stext, m.start()) or _zero_among_names(
                text, clause, s0, e0
            ):
                continue  # 散煤清零任务, 攻坚大气污染、散煤清零、扬尘污染: a campaign's name
            if m.group(0).startswith(("杜绝", "避免发生", "不发生", "防止")):
                # 杜绝X, 避免发生X, 不发生X, 防止X的发生: X must not occur
                metric = _ZERO_OPENING.sub("", _ZERO_CLOSING.sub("", m.group(0)))
                e0 = clause[1]
            else:
                metric = _ZERO_VERB.sub("", text[clause[0] : s0]).strip()
            owner, owner_rule = target_owner(text, sent, par, s0, seg, state, doc, look)
            period = _period("target", s0, sent, stimes, pt, seg, doc, text)
            items.append(
                _make(
                    "target",
                    "zero",
                    owner,
                    metric,
                    "=",
                    0.0,
                    None,
                    period,
                    text,
                    clause[0],
                    max(e0, clause[1]),
                    why={"kind": "kind.zero_words", "owner": owner_rule},
                )
            )
        for m in [] if stat_sentence else FLOOR_RE.finditer(stext):
            s0 = m.start() + sent[0]
            clause = look.clause(s0, sent)
            seg_start = max(clause[0], text.rfind("、", clause[0], s0) + 1)
            metric = _FLOOR_VERB.sub("", text[seg_start:s0]).strip()
            if not metric or len(metric) > 20:
                continue
            owner, owner_rule = target_owner(text, sent, par, s0, seg, state, doc, look)
            period = _period("target", s0, sent, stimes, pt, seg, doc, text)
            held = m.group(1).startswith(("控制在", "与上年"))
            comp = "=" if held else FLOOR_COMP.get(m.group(1), ">=")
            items.append(
                _make(
                    "target",
                    "floor",
                    owner,
                    metric,
                    comp,
                    None,
                    None,
                    period,
                    text,
                    clause[0],
                    clause[1],
                    why={"kind": "kind.floor_words", "owner": owner_rule},
                )
            )
        for y0, name, verb, ms, me in [] if stat_sentence else _opening_years(text, sent):
            if not doc.year or y0 < doc.year or any(ds <= ms < de for ds, de, _ in deadlines):
                continue
            owner, owner_rule = target_owner(text, sent, par, ms, seg, state, doc, look)
            items.append(
                _make(
                    "target",
                    "milestone",
                    owner,
                    f"{name}{verb}"[:40],
                    "none",
                    None,
                    None,
                    str(y0),
                    text,
                    ms,
                    me,
                    why={"kind": "kind.opening_year", "owner": owner_rule},
                )
            )
        if sent_items == 0 or not stat_sentence:
            k0 = bisect_left(pt.deadline_starts, sent[0])
            for ds, de, periods in deadlines[k0 : k0 + 20]:
                if not (sent[0] <= ds < sent[1]):
                    continue
                span = sent
                if sent_items:
                    # a sentence with figures: a deadline whose own clause has none
                    # (…开工率在80%以上,续建项目在3月底前全部复工) is a milestone of its own
                    span = look.clause(ds, sent)
                    if any(span[0] < it["end"] <= span[1] for it in items[-sent_items:]):
                        continue
                    if not text[de : span[1]].strip("，,。；; "):
                        continue  # 4月底前,其余86个项目将全部开工: the date of the figure after
                    if not _DEADLINE_LEAD.sub("", text[span[0] : ds]).strip():
                        continue  # 新建学校12所,力争9月底前全部投入使用: the figures' date
                owner, owner_rule = target_owner(text, sent, par, ds, seg, state, doc, look)
                metric = text[de : span[1]].strip("，,。；; ") or text[span[0] : ds].strip()
                snip_s = span[0]
                while snip_s < ds and text[snip_s] in " ,，":
                    snip_s += 1
                for p in periods:
                    items.append(
                        _make(
                            "target",
                            "milestone",
                            owner,
                            metric[:40],
                            "none",
                            None,
                            None,
                            p,
                            text,
                            snip_s,
                            span[1],
                            why={"kind": "kind.deadline", "owner": owner_rule},
                        )
                    )
    seg.closing_frame = "past" if par_frame in ("past", "carried") else None
    seg.closing_year = pt.frame_year
    return items


_PROMISE_LEAD = lex.cue("promise_lead")


def _mark_promised(text: str, segs: list[Segment]) -> None:
    """The lines after a lead-in that announces the year's list of practical projects
    (…民生实事项目具体如下) are that list, up to a section that reviews."""
    m = _PROMISE_LEAD.search(text)
    if m is None:
        return
    for seg in segs:
        if seg.end > m.end() and seg.kind_hint is None:
            if seg.frame == "review" or seg.past_year:
                break
            seg.promised_from = m.end()


_PAST_SPAN = re.compile(r"\d{4}(?:-\d{4})?")


def _carry_frame(text: str, prev: Segment | None, seg: Segment) -> None:
    """A paragraph that follows, in the same section, one that ended still speaking of
    its past year (2018年,全省…。) continues that review until it turns (a time not past,
    a goal word): the review of a year often runs over several paragraphs."""
    if (
        prev is None
        or prev.closing_frame != "past"
        or seg.kind_hint is not None
        or (seg.frame, seg.past_year) != (prev.frame, prev.past_year)
        or text[prev.end : seg.start].strip()
    ):
        return
    seg.carried_frame = "carried"
    seg.carried_year = prev.closing_year


# Owners that the text names at the item (not the document's or a region's)
_NAMED_OWNER_RULES = frozenset(
    (
        *_LEAD_RULES,
        "owner.subject",
        "owner.following_line",
        "owner.row_cell",
        "owner.label_line",
        "owner.place_label",
        "owner.unit_result",
    )
)


def _named_owner(item: dict) -> str | None:
    why = item.get("why") or {}
    return item["owner"] if why.get("owner") in _NAMED_OWNER_RULES else None


def _header_unit_figure(text: str, lo: int, hi: int, unit: str) -> list[Quantity]:
    """A bare figure in a cell whose column header gives its unit (2180 under 万美元)."""
    cell = text[lo:hi].strip()
    if not cell or not cell[0].isdigit():
        return []
    found = scan_quantities(cell + unit, 0, len(cell) + len(unit))
    if len(found) != 1:
        return []
    q = found[0]
    start = lo + text[lo:hi].find(cell)
    return [Quantity(start, start + len(cell), start, q.value, q.unit, None)]


def _distinct_heads(a: str, b: str) -> bool:
    """Two metrics that share a tail but name different things before it (煤矿事故死亡人数,
    危险化学品事故死亡人数): members of a list, not one fact printed twice."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    ha, hb = han_only(a[: len(a) - n]), han_only(b[: len(b) - n])
    if len(ha) < 2 or len(hb) < 2 or n < 2:
        return False
    return not (
        {ha[i : i + 2] for i in range(len(ha) - 1)} & {hb[i : i + 2] for i in range(len(hb) - 1)}
    )


def _dedupe(items: list[dict], text: str = "") -> list[dict]:
    """Drop a fact printed twice (a headline and its body, a duplicated paragraph).

    The next member of a list ("城镇居民收入增长8%;农民收入增长8%") repeats a value,
    not a fact; so do figures of different owners ("二组单位引进1户…三组单位引进1户").
    """
    out: list[dict] = []
    seen_text: set[tuple] = set()
    # metrics kept by (value, unit, note) with where they end; their bigrams are
    # only needed when a later item has the same value and unit, so made on demand
    buckets: dict[tuple, list[tuple[str, int, str | None, tuple[str, str | None], str]]] = {}
    grams: dict[str, set[str]] = {}

    def bigrams(metric: str) -> set[str]:
        g = grams.get(metric)
        if g is None:
            g = grams[metric] = {metric[i : i + 2] for i in range(len(metric) - 1)}
        return g

    for it in items:
        key = (
            it["kind"],
            it["target_kind"],
            it["unit"],
            it["value"],
            it["period"],
            it["snippet"],
            it.get("note"),
            it["comparator"],
            it["metric"],
            _share_context(text, it) if it.get("why", {}).get("kind") in _SHARE_RULES else None,
            # the same words of two owners the text names (樊城区 。 …项目3个; 宜城市 。 …)
            _named_owner(it),
        )
        if key in seen_text:
            continue
        dup = False
        # a result and a goal of the same figure hedged otherwise are two facts (增长5% last
        # year, 增长5%左右 this year); a bare repeat of a figure is the same fact
        hedged = it["comparator"] in ("~", "<=", "<", ">")
        bkey = (it["value"], it["unit"], it.get("note"), it["kind"] if hedged else None)
        if it["value"] is not None and it["target_kind"] not in ("zero", "floor", "milestone"):
            earlier = buckets.get(bkey)
            if earlier:
                bg = bigrams(it["metric"])
                share = it.get("why", {}).get("kind") in _SHARE_RULES
                # (asked once for the item, not again for each earlier one)
                named = _named_owner(it)
                context = _share_context(text, it) if share else None
                for other, other_end, other_owner, other_fact, other_snippet in earlier[-50:]:
                    if other_owner and named and other_owner != named:
                        continue
                    # a share's metric names the share (完成年度任务的), not what it measures:
                    # two shares are one fact only where their text is the same
                    if share and other_snippet != context:
                        continue
                    # last year's result and this year's goal of one figure (预计增长7.5%
                    # in 2019, 增长7.5% the goal of 2020), or last year's goal and this
                    # year's (下降3.5% met in 2004, 下降3.5% due in 2005): two facts
                    if (
                        (other_fact[0] != it["kind"] or it["kind"] == "target")
                        and other_fact[1] != it["period"]
                        and str(other_fact[1]).isdigit()
                        and str(it["period"]).isdigit()
                    ):
                        continue
                    # the next member of a list ("…增长8%;农民人均纯收入增长8%"), or of a
                    # list that shares the figure (固定资产投资、工业投资均增长12%)
                    if other_end == it["end"] and it["why"].get("metric") == "metric.shared_value":
                        continue
                    gap = it["start"] - other_end
                    if (
                        text
                        and 0 < gap <= 3
                        and text[other_end : it["start"]].strip(" ") in _LIST_SEPS
                    ):
                        continue
                    ob = bigrams(other)
                    if (
                        bg
                        and ob
                        and len(bg & ob) / min(len(bg), len(ob)) >= 0.5
                        # members of one list: a tail shared, a head of their own
                        and not _distinct_heads(it["metric"], other)
                    ):
                        dup = True
                        break
        if dup:
            continue
        seen_text.add(key)
        buckets.setdefault(bkey, []).append(
            (
                it["metric"],
                it["end"],
                _named_owner(it),
                (it["kind"], it["period"]),
                _share_context(text, it),
            )
        )
        out.append(it)
    return out


_SHARE_RULES = ("kind.progress_share", "kind.goal_share")


def _share_context(text: str, it: dict) -> str:
    """A share with the clause before it (改造雨污管网60公里,占年度任务的100%): what it
    measures. A duplicated paragraph repeats it all."""
    return text[max(0, it["start"] - 16) : it["end"]] if text else it["snippet"]


_MAX_SEGMENT = 1500


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a very long paragraph at sentence ends so that work per paragraph stays bounded."""
    out = []
    s = start
    while end - s > _MAX_SEGMENT:
        window_end = s + _MAX_SEGMENT
        cut = -1
        for marks in ("。！？!?；;", ",，、 "):
            for mk in marks:
                cut = max(cut, text.rfind(mk, s + _MAX_SEGMENT // 2, window_end))
            if cut > 0:
                break
        cut = cut + 1 if cut > 0 else window_end
        out.append((s, cut))
        s = cut
    out.append((s, end))
    return out


def _owner_cut_off(text: str, start: int, end: int) -> bool:
    """A paragraph that ends in an owner marker cut before the owner's name is whole
    ((牵头单位:市): its owner is printed but unread, as a heading's is."""
    m = _CUT_OWNER_BRACKET.search(text, start, end)
    return m is not None and not own.is_organisation(m.group(1))


def _segments(
    text: str,
    lines: list[Line],
    rows: list[TableRow],
    sec: list[str | None],
    places: list[str | None],
    table_lines: set[int],
    year: int | None = None,
    review_year: int | None = None,
) -> list[Segment]:
    segs: list[Segment] = []
    frames = section_frames(text, lines, year, review_year)
    for i, ln in enumerate(lines):
        if ln.dup or i in table_lines:
            continue
        # a numbered heading that closes on a measured figure ((一)地区生产总值增长7%以上,
        # its owner perhaps run on after it) is an item; another heading gives none
        if ln.kind != "content" and not (
            ln.kind == "heading" and _FIGURE_HEADING.match(text, ln.start, ln.end)
        ):
            continue
        fr = frames[i]
        # the owner a figure heading names after it (…7%以上责任单位:区发展和改革局)
        run_on = None
        unread = False
        if ln.kind == "heading":
            m = _RUN_ON_OWNER.search(text, ln.start, ln.end)
            if m and own.is_organisation(m.group(1)):
                run_on = m.group(1)
            unread = bool(m) and run_on is None
        else:
            unread = _owner_cut_off(text, ln.start, ln.end)
        for s, e in _pieces(text, ln.start, ln.end):
            segs.append(
                Segment(
                    s,
                    e,
                    owner=sec[i],
                    in_section=sec[i] is not None,
                    past_year=fr.past_year,
                    frame=fr.role,
                    frame_inherited=fr.inherited,
                    after_owner=run_on,
                    owner_unread=unread,
                    place=places[i],
                )
            )
    for r in rows:
        longest = max(r.cells, key=lambda c: c[1] - c[0]) if r.cells else None
        for k, (s, e) in enumerate(r.cells):
            kind_hint = r.kinds[k] if k < len(r.kinds) else None
            col_period = r.col_periods[k] if k < len(r.col_periods) else None
            unit = r.units[k] if k < len(r.units) else None
            col_name = r.col_names[k] if k < len(r.col_names) else None
            segs.append(
                Segment(
                    s,
                    e,
                    owner=r.owner or sec[r.line],
                    explicit_owner=bool(r.owner),
                    period=(col_period if kind_hint == "statistic" and col_period else r.period),
                    deadline=r.deadline if (s, e) == longest else None,
                    in_section=True,
                    kind_hint=kind_hint,
                    label=(f"{r.label or ''}{col_name}" if col_name else r.label),
                    unit=unit,
                    place=places[r.line],
                    row_subject=r.owner_named_row,
                )
            )
    segs.sort(key=lambda g: g.start)
    return segs


def _mark_owner_lines(text: str, segs: list[Segment]) -> None:
    """A line that only names owners (由X负责落实。) owns the paragraph above it."""
    for k in range(1, len(segs)):
        seg, prev = segs[k], segs[k - 1]
        if seg.kind_hint or prev.kind_hint or seg.end - seg.start > 120:
            continue
        name = own.is_owner_line(text[seg.start : seg.end])
        if name and not text[prev.end : seg.start].strip():
            prev.after_owner = name


# a sentence of Latin-script prose (a bilingual page's English after each Chinese line:
# …增长6%The GDP will increase by 6%.): a capital, then words and figures with their
# spaces and marks, no Han character
_LATIN_PROSE = re.compile(
    r"[A-Z][A-Za-z'’]*(?:[ \t,;:()\"'’\-/%.]+[A-Za-z0-9][A-Za-z0-9'’,.%]*){4,}[.!?)]*"
)
_LATIN_WORD = re.compile(r"\b[a-z]{2,}\b")


def _blank_latin_prose(text: str) -> str:
    """Latin-script prose is no source of items (the Chinese says the same) and must not
    join the Chinese lines around it into one sentence: each such sentence becomes a line
    break and spaces, character for character so that every offset holds. A run needs four
    lowercase words to be prose (GDP, PM2.5, AI芯片 are terms inside Chinese)."""

    def blank(m: re.Match[str]) -> str:
        if len(_LATIN_WORD.findall(m.group())) < 4:
            return m.group()
        return "\n" + " " * (len(m.group()) - 1)

    return _LATIN_PROSE.sub(blank, text) if _LATIN_WORD.search(text) else text


def extract(text: str, year: int | None = None) -> Extraction:
    try:
        raw = text if isinstance(text, str) else str(text)
        repaired, index, lines = repair_lines(raw)
        repaired = _blank_latin_prose(repaired)
    except Exception:
        return Extraction(text if isinstance(text, str) else "", [], [])
    try:
        doc = doc_context(repaired, lines, year)
        sec = own.section_owners(repaired, lines)
        places = own.place_sections(repaired, lines)
        rows, table_lines = parse_tables(repaired, lines, doc.year)
        # tables with one column per region: read whole, their lines kept from the others
        region_items = region_columns.read(raw, repaired, index, lines, doc.year, table_lines)
        segs = _segments(repaired, lines, rows, sec, places, table_lines, doc.year, doc.review_year)
    except Exception:
        return Extraction(repaired, [], index)
    items: list[dict] = list(region_items)
    _mark_owner_lines(repaired, segs)
    _mark_promised(repaired, segs)
    prev: Segment | None = None
    for seg in segs:
        try:
            _carry_frame(repaired, prev, seg)
            prev = seg
            seg_items = _extract_segment(repaired, seg, doc)
            if seg.deadline and not any(it["value"] is not None for it in seg_items):
                snippet_end = seg.end
                seg_items.append(
                    _make(
                        "target",
                        "milestone",
                        seg.owner,
                        repaired[seg.start : seg.end][:40],
                        "none",
                        None,
                        None,
                        seg.deadline,
                        repaired,
                        seg.start,
                        snippet_end,
                        why={
                            "kind": "kind.deadline",
                            "owner": "owner.section" if seg.owner else None,
                        },
                    )
                )
            items.extend(seg_items)
        # A damaged segment is skipped, never the whole document: intake reads what it can.
        except Exception:  # noqa: S112 - see above
            continue
    try:
        items = _dedupe(items, repaired)
    # Deduplication is a refinement: without it the items are still right, only repeated.
    except Exception:  # noqa: S110 - see above
        pass
    return Extraction(repaired, items, index)
