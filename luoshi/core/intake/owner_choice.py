"""Which owner an item gets: the unit a target is for, the region a statistic describes.

The decision reads outward from the figure, nearest first: a marker in the figure's own
clause, its table row's unit cell, a label line, a group's member, the unit that opened a
sentence of the paragraph, a speaker or source, a place opening the sentence, and last
the body the document is by or about (DESIGN.md §5; corpus README §3.3). Each answer
carries the name of the rule that gave it, so the review screen can say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import lexicon as lex
from . import owners as own
from .classify import Segment, clause_bounds, clause_in, clause_marks
from .document import Doc, comparison_base
from .fastre import scanning

_COMPANY_WE = re.compile(r"我们|我公司|本公司")
_MEASURE_OPEN = re.compile(r"[(（](?:全长|总长|长|面积|占地)[^)）]{0,3}$")
_NAME_END = re.compile(r"([\u4e00-\u9fff]{2,10})$")
_NAME_SPLIT = re.compile(r"[的了在对与和及将把]")
# the words a comparison's base follows: 同比(16起), 较上年同期(8人), 比去年(12家)
_COMPARED_WITH = re.compile(r"(?:同比|环比|同期|上年|去年|上年度|上一年)$")
# what follows a figure that qualifies a named project (…亿元的风帆储能设备制造基地项目)
_PROJECT_QUALIFIED = re.compile(
    r"(?:、[^,，。；;、的]{1,14})?的([\u4e00-\u9fff\dA-Za-z“”]{4,30}?(?:项目|工程))"
    r"(?!建设|资金|投资|库|单位|业主|[部办])"
)
_COUNTED_OR_LISTED = re.compile(
    r"^\d|^[一二三四五六七八九十百]+[个项]|等|[、和及]|[\d一二三四五六七八九十]个"
)
# the characters closing a word of comparison before a named place (高于, 低于, 快于, 较, 比)
_COMPARED_WITH_PLACE = frozenset("于较比")
_REGION_COUNT = re.compile(r"个?(?:地区|省份|省|城市|区县|县区)")
_COMPANY_RE = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:有限公司|股份公司|集团)")


# the mark opening a numbered item of a list (1. 2、 (3))
_ITEM_MARK = re.compile(r"[ \t\u3000]*(?:\d{1,2}\s?[.、．](?!\d)|[(（]\d{1,2}[)）])")

# a place named at an item's opening, its figures in a bracket or after a colon
_ITEM_PLACE = re.compile(r"\s*([\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|区|县|市|旗))(?=[(（:：])")


class OwnerState:
    def __init__(self):
        self.explicit: str | None = None
        self.explicit_rule: str = "owner.paragraph_marker"
        self.region: str | None = None
        self.subject: str | None = None  # the unit that opened a sentence of the paragraph
        self.subject_rule: str = "owner.subject"
        # the owner of the paragraph's last target, and its rule: a later target of the
        # paragraph that names no owner of its own continues it (其中新开工项目…)
        self.last_target: tuple[str, str] | None = None
        # a place that opened a sentence of the paragraph as the subject of its plan
        # (贵州将创建…): the later sentences that name no owner go on with it
        self.plan_place: str | None = None
        # places listed and counted as the subject of the paragraph (昆明、…、文山6个州市共…)
        self.listed_places: str | None = None


class Lookups:
    """Look-ups of one segment that several items of a sentence or of the paragraph ask
    again: the clause marks of a sentence, the owner cells around the sentence or the
    paragraph, the marker closing a figure's clause. Each is found once; the answers are
    those of classify.clause_bounds and the owners functions they stand for."""

    def __init__(self, text: str, par: tuple[int, int]):
        self.text = text
        self.par = par
        self._marks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._clause_owner: dict[tuple[int, int], str | None] = {}
        self._row_cell: dict[tuple[int, int], str | None] = {}
        self._paragraph: dict[str, str | None] = {}
        self._subject: dict[tuple[int, int], str | None] = {}

    def clause(self, pos: int, sent: tuple[int, int]) -> tuple[int, int]:
        """classify.clause_bounds(text, pos, *sent), by bisection in the sentence's marks."""
        lo, hi = sent
        if not lo <= pos <= hi:
            return clause_bounds(self.text, pos, lo, hi)
        marks = self._marks.get(sent)
        if marks is None:
            marks = self._marks[sent] = clause_marks(self.text, lo, hi)
        return clause_in(marks, pos, lo, hi)

    def sentence_subject(self, sent: tuple[int, int]) -> str | None:
        """The unit that opens the sentence (own.subject_owner), found once a sentence."""
        if sent not in self._subject:
            self._subject[sent] = own.subject_owner(self.text, sent[0], sent[1])
        return self._subject[sent]

    def clause_owner(self, pos: int, end: int) -> str | None:
        key = (pos, end)
        if key not in self._clause_owner:
            self._clause_owner[key] = own.clause_owner(self.text, pos, end)
        return self._clause_owner[key]

    def row_cell(self, sent: tuple[int, int]) -> str | None:
        """The unit cell of the sentence's table row, else of the paragraph's stacked row."""
        if sent not in self._row_cell:
            self._row_cell[sent] = own.row_cell_owner(
                self.text, sent[0], sent[1]
            ) or self._of_paragraph(own.stacked_cell_owner)
        return self._row_cell[sent]

    def label_line(self) -> str | None:
        return self._of_paragraph(own.label_line_owner)

    def _of_paragraph(self, find: Callable[[str, int, int], str | None]) -> str | None:
        """What `find` reads around the whole paragraph (asked only when needed)."""
        key = find.__name__
        if key not in self._paragraph:
            self._paragraph[key] = find(self.text, *self.par)
        return self._paragraph[key]


def _regions_in(text: str, lo: int, hi: int, doc: Doc) -> list[tuple[int, int, str]]:
    key = (lo, hi)
    cache = doc.region_cache
    if key not in cache:
        if len(cache) > 256:
            cache.clear()
        cache[key] = [
            r
            for r in own.places_spoken_of(text[lo:hi], doc.places)
            if not _route_end(text, lo + r[0], lo + r[1])
        ]
    return cache[key]


# the marks between the ends of a route (呼和浩特至北京, 甲市—乙市)
_ROUTE_MARKS = frozenset("至—-~～")


def _route_end(text: str, start: int, end: int) -> bool:
    """A place at an end of a route (呼和浩特至北京 高速, 甲市至乙市公路) names where a road or
    a line runs, not whose figure it is (rule owner.route_end)."""
    if text[start] in "全我本":
        return False  # 延伸至全省, 全国-7.0%: the whole, not a route's end
    before = text[start - 2 : start] if start > 1 else ""
    after = text[end : end + 2]
    return (len(before) == 2 and before[1] in _ROUTE_MARKS and _is_han(before[0])) or (
        len(after) == 2 and after[0] in _ROUTE_MARKS and _is_han(after[1])
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def stat_owner(
    text: str,
    sent: tuple[int, int],
    pos: int,
    state: OwnerState,
    doc: Doc,
    look: Lookups,
    q_end: int = -1,
) -> tuple[str | None, str | None]:
    """The subject of a statistic (a region, or the thing a bracket describes)."""
    name, rule = _stat_subject(text, sent, pos, state, doc, look, q_end)
    if name:
        name = province_in_full(name, text)
    return name, (rule if name else None)


def _stat_subject(
    text: str,
    sent: tuple[int, int],
    pos: int,
    state: OwnerState,
    doc: Doc,
    look: Lookups,
    q_end: int = -1,
) -> tuple[str | None, str]:
    # "哈依管道(全长246公里)": a figure in brackets describes the name before them
    if pos > 0 and text[pos - 1] in "(（" or _MEASURE_OPEN.search(text[max(0, pos - 8) : pos]):
        br = max(text.rfind("(", sent[0], pos), text.rfind("（", sent[0], pos))
        m = _NAME_END.search(text[max(sent[0], br - 10) : br])
        if m:
            name = _NAME_SPLIT.split(m.group(1))[-1]
            # 同比(16起)下降, 较上年(8人)减少: the bracket holds the base a figure is compared
            # with, and the text's subject owns it (rule owner.comparison_base_in_brackets)
            if len(name) >= 2 and not _COMPARED_WITH.search(name):
                return name, "owner.region"
    listed = listed_places(text, sent, pos, state, look.par[0])
    if listed:
        return listed, "owner.region"
    # 总投资40亿元的沃尔沃汽车大庆工厂一期技术升级改造项目: the figure describes the project
    # it qualifies (rule owner.project_attribute)
    if q_end >= 0:
        named = _PROJECT_QUALIFIED.match(text, q_end, sent[1])
        # (not a count or a list of projects: 的45个重点项目, 的华为云计算中心等项目)
        if named and not _COUNTED_OR_LISTED.search(named.group(1)):
            # (a project named after its county, 都安县扶贫车间项目: the county's)
            place = own.place_of_unit(named.group(1))
            if place and own.is_organisation(place):
                return place, "owner.project_attribute"
            return named.group(1), "owner.project_attribute"
    # "6个地区": a count of regions belongs to the area they are part of
    after = text[q_end : q_end + 3] if q_end >= 0 else ""
    if _REGION_COUNT.match(after) and state.region:
        return state.region, "owner.region"
    s_txt = text[sent[0] : sent[1]]
    cl_lo = look.clause(pos, sent)[0]
    if _MEMBER_LIST.fullmatch(text, cl_lo, pos):
        # 市发改委、泰山区、东平县10家: the places listed are what is counted, not its subject
        return _document_subject(doc), "owner.region"
    # a comparison base (较全国, 占全国, 贡献全国) is not the subject
    regs = [
        r
        for r in _regions_in(text, sent[0], sent[1], doc)
        if r[1] + sent[0] <= pos
        and not (r[2].startswith("全") and comparison_base(s_txt, r[0]))
        # a named place after a word of comparison (增速高于西部省区22.1个百分点, 较上海)
        and not (r[0] > 0 and s_txt[r[0] - 1] in _COMPARED_WITH_PLACE)
        and not _names_an_agent(s_txt, r[0])
    ]
    # a comparison in brackets (增长11.0%(全国10.7%、全省10.1%)) is an aside: its places
    # own its own figures, not those after it, and the text's subject carries on
    rel = pos - sent[0]
    aside = {r: _aside_of(s_txt, r[0]) for r in regs}
    regs = [r for r in regs if (a := aside[r]) is None or a > rel]
    if regs:
        cl_start = cl_lo - sent[0]
        in_clause = [r for r in regs if r[0] >= cl_start]
        own_part = _part_opened_by_place(s_txt, in_clause, rel)
        if own_part is not None:
            # 遵义市引进项目420个、毕节市引进129个: each part of the list is its place's
            # own result; the sentences after it keep the text's subject
            return doc.resolve_region(own_part[2]), "owner.region"
        first = (in_clause or regs)[0]
        owner, _ = own.region_list_at(s_txt, regs, regs.index(first))
        owner = doc.resolve_region(owner)
        # a list of places (前三位的市州是贵阳市、黔西南州、六盘水市,分别占…) shares out its
        # own figures; the sentences after it speak of the text's subject again
        # ... as does one that heads a list of parts named otherwise (滨海新区、中心城区、
        # 其他区县三个层面…分别为…)
        if aside[first] is None and "、" not in owner and not s_txt.startswith("、", first[1]):
            state.region = owner
        return owner, "owner.region"
    # a unit's own results, no place named: a task force opening the sentence
    # (新型工业化专班项目编制任务数88个,完成编制10个,完成率11%), or a unit opening a
    # numbered item of a list of units (1.县招商服务中心(累计到位资金19825万元,…)).
    # A bureau opening a plain sentence (省发展改革委…累计完成投资180亿元) reports its
    # jurisdiction's, read as before (rule owner.unit_result).
    unit = look.sentence_subject(sent)
    item = _ITEM_MARK.match(text, sent[0], sent[1])
    if unit and (own.is_task_force(unit) or item):
        return unit, "owner.unit_result"
    # ... or a place so (1.棣花镇(1-6月份累计到位资金9050万元,…))
    item_place = _ITEM_PLACE.match(text, item.end(), sent[1]) if item else None
    if item_place and own.is_organisation(item_place.group(1)):
        if not own.is_group(item_place.group(1)):
            return item_place.group(1), "owner.unit_result"
    if state.region:
        return state.region, "owner.region"
    return _document_subject(doc), "owner.region"


def _part_opened_by_place(s_txt: str, regs: list, rel: int):
    """The place that opens the figure's part of a list of results joined by 、, each part
    with its own figure (遵义市引进项目420个、毕节市引进129个); None for a list of places
    sharing one figure (湛江、肇庆4个), where no figure stands between the marks."""
    cut = s_txt.rfind("、", 0, rel)
    if cut < 0:
        return None
    before = s_txt[max(0, s_txt.rfind("、", 0, cut)) : cut]
    if not any(ch.isdigit() for ch in before):
        return None
    return next((r for r in regs if r[0] == cut + 1), None)


# the words that put a body as the agent of a check or a count (经市环保局核定, 据省统计局
# 统计): the body verifies or reports the figure, it is not its subject
_AGENT_BEFORE = ("经", "据")


def _names_an_agent(s: str, i: int) -> bool:
    """The place at s[i] opens the name of a body that verifies or reports the figure
    (二氧化硫减排量经北京市环保局核定为…): the figure stays the text's subject's (rule
    owner.verifier_not_owner)."""
    return i > 0 and s[i - 1] in _AGENT_BEFORE


# a numbered row of a table printed one row a line (1 居民消费价格涨幅3%左右 发展改革委); the
# unit cell that ends it, before the line's end or the next row's serial
_ROW_SERIAL = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]+\S")
_ROW_END_UNIT = re.compile(
    r"[^\n]*?[ \t\u3000]([\u4e00-\u9fff]{2,12}?(?:部|委|局|署|厅|办))"
    r"(?=[ \t\u3000]*(?:\n|$|\d{1,3}[ \t\u3000]))"
)
# the header of such a table names its unit column (序号 工作任务 牵头负责部门)
_UNIT_COLUMN = re.compile(r"序\s?号[^\n]{0,30}?(?:牵头|责任|负责)[^\n]{0,4}?(?:部门|单位)")


def _row_end_cell(text: str, pos: int) -> str | None:
    """The unit cell that closes a numbered row of a table whose header names a unit column
    (序号 工作任务 牵头负责部门 ⏎ 1 居民消费价格涨幅3%左右 发展改革委): the row's unit
    owns the figures of its task (rule owner.row_cell)."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not _ROW_SERIAL.match(text, line_start, pos):
        return None
    header = text.rfind("序", max(0, line_start - 3000), line_start)
    if header < 0 or not _UNIT_COLUMN.match(text, header):
        return None
    m = _ROW_END_UNIT.match(text, pos)
    if m is None or not own.is_organisation(m.group(1)):
        return None
    return m.group(1)


def _run_on_unit_cell(text: str, sent: tuple[int, int], doc: Doc) -> str | None:
    """The unit cell of a table row whose cells run together (…1地区生产总值增长6%左右。
    区发展改革委西城区地区生产总值…): in a table with a responsible-unit column before its
    progress column, the unit that opens the text right after the row's item, its first
    sentence, is the item's cell (rule owner.row_cell)."""
    if not doc.progress_column:
        return None
    end = sent[1]
    while end > sent[0] and text[end - 1] in " \t\u3000":
        end -= 1
    if text[end - 1 : end] not in ("。", "；", ";"):
        return None
    line_start = text.rfind("\n", 0, sent[0]) + 1
    if any(mark in text[line_start : sent[0]] for mark in "。；;"):
        return None  # not the row's item, a later sentence of its cells
    line_end = text.find("\n", end)
    return own.subject_owner(text, end, min(end + 40, line_end if line_end >= 0 else len(text)))


# places named bare in a list and counted as places right after it (长寿、江津、…、荣昌等九区;
# 昆明、曲靖、…、文山6个州市): the group the sentence is about
_LISTED_PLACES = re.compile(
    r"([\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}?)+)等?([\d一二三四五六七八九十两]{1,3})个?"
    r"(?:州市|市州|区县|县区|县市|地市|区|县|市|州)"
)
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _count_of(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 1:
        return _CHINESE_DIGITS.get(numeral)
    if len(numeral) == 2 and numeral[0] == "十":
        return 10 + _CHINESE_DIGITS.get(numeral[1], -10)
    return None


_CLAUSE_OPENERS = frozenset(" \t\u3000,，:：;；。“")


# words that open a clause before a list without being its first name (在荆州、黄冈…, 新增美姑、
# 昭觉、宁南3个县): owners.toml not_starts
_NOT_NAME_STARTS = tuple(lex.data()["owners"]["not_starts"])


def listed_places(
    text: str, sent: tuple[int, int], pos: int, state: OwnerState, par_start: int
) -> str | None:
    """The places a clause of the sentence opens by listing them bare and counting them
    as places (昆明、曲靖、玉溪、楚雄、红河、文山6个州市共220个项目; 长寿、…、荣昌等九区签订…):
    the list, as printed, owns the figures after it, and those of the paragraph's later
    sentences that name no other owner (rule owner.listed_places). The count must be the
    list's length: 甲、乙等3个项目 counts no places. A list that opens a later sentence of
    the paragraph speaks of those places only: the sentences after it are the text's again."""
    found = None
    if "、" in text[sent[0] : pos]:
        for m in _LISTED_PLACES.finditer(text, sent[0], pos):
            if m.start() > sent[0] and text[m.start() - 1] not in _CLAUSE_OPENERS:
                continue
            names = m.group(1).split("、")
            if _count_of(m.group(2)) != len(names) or names[0].startswith(_NOT_NAME_STARTS):
                continue
            found = m.group(1)
            opens_paragraph = not text[par_start : m.start()].strip(" \t\u3000\n")
            state.listed_places = found if opens_paragraph else None
        if found is None:
            found = _places_opening_clause(text, sent[0], pos)
    return found or state.listed_places


# two or more names listed bare at the opening of a clause, its metric right after them
# (平遥、介休SO2下降20%)
_BARE_LIST = re.compile(
    r"([\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)(?![、等\u4e00-\u9fff]*?个)"
)


def _places_opening_clause(text: str, lo: int, pos: int) -> str | None:
    """Counties or cities listed bare that open the figure's own clause (…,平遥、介休SO2下降
    20%,…): the places the target is set for, as printed (rule owner.listed_places); one
    of them at least a place of the gazetteer, so that a list of things is none."""
    k = max(text.rfind(c, lo, pos) for c in ",，;；:：")
    start = k + 1 if k >= 0 else lo
    m = _BARE_LIST.match(text, start, pos)
    if m is None or m.end() >= pos:
        return None
    names = m.group(1).split("、")
    if any(n[-1] in _LIST_TAIL_WORDS for n in names):
        return None  # 曲靖和楚雄六州市, 四川五省: the list runs on past its last name
    if not any(own.known_place(n, "县") or own.known_place(n, "市") for n in names):
        return None
    return m.group(1)


# a conjunction or a numeral run into a list's last name (…曲靖和楚雄, …四川五省)
_LIST_TAIL_WORDS = frozenset("和及与等一二三四五六七八九十两")


def _aside_of(s: str, i: int) -> int | None:
    """Where the bracket that holds s[i] closes (the end of s if it never does), or None
    when s[i] is in no bracket."""
    o = max(s.rfind("(", 0, i), s.rfind("（", 0, i))
    if o < 0 or max(s.rfind(")", o, i), s.rfind("）", o, i)) >= 0:
        return None
    ends = [k for k in (s.find(")", i), s.find("）", i)) if k >= 0]
    return min(ends) if ends else len(s)


# a clause that only lists names before its figure (甲局、乙区、丙县10家)
_MEMBER_LIST = re.compile(r"[\u4e00-\u9fff]{2,14}(?:[、和及与][\u4e00-\u9fff]{2,14}){2,}等?")


def _document_subject(doc: Doc) -> str | None:
    """The subject of a statistic that names none of its own."""
    # the place the document is about, else the jurisdiction it speaks for (全市 when unnamed);
    # 全国 only named in passing (居全国第10位) yields to the level the text calls itself (全省)
    if doc.region == "全国" and doc.jurisdiction and doc.jurisdiction.startswith("全"):
        return doc.jurisdiction
    # a whole word the text does not use of itself (全市 in a county's text, 全县 its word):
    # the place the text names as its jurisdiction (华容县)
    if doc.region and doc.region.startswith("全") and _names_itself_otherwise(doc):
        return doc.jurisdiction
    return doc.region or doc.jurisdiction


def _names_itself_otherwise(doc: Doc) -> bool:
    """The text's jurisdiction is a named place of another level than its whole word."""
    named, region = doc.jurisdiction, doc.region
    if not named or not region:
        return False
    return not named.startswith("全") and named[-1] != region[-1]


# rules that name the body a document is by or about (not a marker printed at the item)
_DOCUMENT_LEVEL_RULES = (
    "owner.document",
    "owner.section",
    "owner.reporter",
    "owner.region",
    "owner.jurisdiction",
)


def target_owner(
    text: str,
    sent: tuple[int, int],
    par: tuple[int, int],
    pos: int,
    seg: Segment,
    state: OwnerState,
    doc: Doc,
    look: Lookups,
) -> tuple[str | None, str | None]:
    """The owner of a target, in the form the corpus writes a government: its place.

    A government found at the document level (金乡县人民政府, 辽宁省政府, 盘锦市人民政府办公室)
    is written as its place (金乡县, 辽宁省, 盘锦市); one written without its place
    (区人民政府) as the jurisdiction the text calls itself (全区, named when the text
    names it); an autonomous region in the form the text first prints it
    (广西壮族自治区 where it opens so, 广西 where it prints only that).
    """
    owner, rule = _target_owner_found(text, sent, par, pos, seg, state, doc, look)
    if seg.owner_unread and rule in _DOCUMENT_LEVEL_RULES:
        return None, None  # its own label names an owner no reader can make out
    if owner and rule in _DOCUMENT_LEVEL_RULES:
        owner = _place_form(owner, doc)
    if owner and "、" in owner:
        owner = distributed_owner(text, sent, pos, owner)
    if owner is None and state.last_target is not None and not _BREAKDOWN_OPEN.match(text, sent[0]):
        return state.last_target
    if owner is None and doc.jurisdiction and not doc.meeting and not seg.owner_unread:
        # nothing in the text names a nearer owner: the jurisdiction it speaks for
        owner, rule = doc.jurisdiction, "owner.jurisdiction"
    if owner:
        owner = province_in_full(as_printed(owner, text), text)
    if owner is not None and rule is not None:
        state.last_target = (owner, rule)
    return owner, rule


# a sentence that turns to a breakdown of the whole (从产业类别看,…; 按产业分类,…): its
# figures are the whole's, not those of the part the sentence before was about
_BREAKDOWN_OPEN = re.compile(
    r"[ \t\u3000]*(?:从[^,，。]{1,8}(?:看|来看)|按[^,，。]{1,8}(?:分类|划分|分)|分[^,，。]{1,6}看)[,，]"
)


def province_in_full(owner: str, text: str) -> str:
    """A province is written with its level word whether the text prints it bare or not
    (山东 → 山东省; shared corpus 00: 浙江 → 浙江省), as a filled-in province is; 海南 in a
    text of 青海 is the prefecture 海南州, not the province."""
    if owner == "海南" and "青海" in text:
        return owner
    return own.normalise_region(owner)


def as_printed(owner: str, text: str) -> str:
    """A unit written short at the item, by its level alone (省交通运输厅), whose full name
    the text prints with its place one way only (广东省交通运输厅): written in full, as
    the text names it (rule owner.unit_in_full; the rule that found the owner stays)."""
    if len(owner) > 2 and owner[0] in "省市县区" and own.place_of_unit(owner) is None:
        full = _full_unit(text, owner)
        if full:
            return full
    return owner


@lru_cache(maxsize=512)
def _full_unit(text: str, short: str) -> str | None:
    """The one full name the text prints for a unit written by its level (省交通运输厅 →
    广东省交通运输厅), None when it prints none or several."""
    rest = short[1:]
    found = set()
    k = text.find(rest)
    while k >= 0:
        full = _place_before(text, k, short[0])
        if full:
            found.add(full + rest)
        elif not found and k > 0 and text[k - 1] == short[0]:
            # the text names the unit short first (省交通厅党组书记、厅长某某表示…) and in full
            # only later: the presenting sentence's name stands (corpus 543's second reading)
            return None
        k = text.find(rest, k + 1)
    return found.pop() if len(found) == 1 else None


def _place_before(text: str, k: int, level: str) -> str | None:
    """The place with its level word (广东省) printed right before text[k], if any."""
    for n in range(2, 7):
        if k - n - 1 < 0:
            return None
        place = text[k - n - 1 : k]
        if place[-1] == level and (
            place in own.gazetteer_names() or place[:-1] in own.PROVINCE_SET
        ):
            return place
    return None


_FENBIE = re.compile(r"分别(?:为|是|达到|达|完成|增长|引进|实现)?")
_LIST_FIGURE = scanning(r"(?<![\d.])\d[\d.,]*")


def distributed_owner(text: str, sent: tuple[int, int], pos: int, owner: str) -> str:
    """ "一组单位、二组单位、三组单位…分别为700万元、500万元、400万元": the k-th figure of a
    distributive list belongs to the k-th of as many owners."""
    names = own.split_owner(owner)
    m = None
    for m0 in _FENBIE.finditer(text, sent[0], pos):
        m = m0
    if m is None or len(names) < 2:
        return owner
    end = pos
    while end < sent[1] and text[end] not in ",，。；;":
        end += 1
    figures = [f.start() for f in _LIST_FIGURE.finditer(text, m.end(), end)]
    if len(figures) != len(names) or pos < figures[0]:
        return owner
    k = sum(1 for f in figures if f <= pos) - 1
    return names[k] if 0 <= k < len(names) else owner


def _place_form(owner: str, doc: Doc) -> str:
    place = own.government_place(owner)
    if place is not None:
        if place in ("", "市", "区", "县", "省", "自治区"):
            word = "全" + (place[0] if place else "市")
            if place == "自治区":
                word = "全区"
            return _whole(word, doc)
        owner = place
    if doc.autonomous and doc.autonomous.startswith(owner) and owner in own.AUTONOMOUS_SHORT:
        return doc.autonomous
    return _as_first_named(owner, doc)


def _as_first_named(owner: str, doc: Doc) -> str:
    """A district or county the text is by, named bare in a sentence (兴庆区将…), in the
    form the text first names it (银川市兴庆区): one place, written as the document writes it."""
    full = doc.owner
    if (
        full
        and owner in (doc.district, doc.county)
        and len(full) > len(owner)
        and full.endswith(owner)
        and own.government_place(full) is None
        and own.place_of_unit(full[: -len(owner)]) == full[: -len(owner)]
    ):
        return full
    return owner


def _target_owner_found(
    text: str,
    sent: tuple[int, int],
    par: tuple[int, int],
    pos: int,
    seg: Segment,
    state: OwnerState,
    doc: Doc,
    look: Lookups,
) -> tuple[str | None, str | None]:
    """The owner of a target and the rule that found it, nearest first.

    A candidate that is not an organisation's name (own.is_organisation) is
    passed over: when unsure, a farther source or none.
    """
    ok = own.is_organisation
    own_marker = look.clause_owner(pos, sent[1])
    if own_marker and ok(own_marker):
        return own_marker, "owner.clause_marker"
    row_cell = look.row_cell(sent) or _run_on_unit_cell(text, sent, doc) or _row_end_cell(text, pos)
    if row_cell:
        return row_cell, "owner.row_cell"
    label = look.label_line()
    if label:
        return label, "owner.label_line"
    listed = listed_places(text, sent, pos, state, par[0])
    if listed:
        return listed, "owner.listed_places"
    clause_start = look.clause(pos, sent)[0]
    each = own.each_group_owner(text, clause_start, pos)
    if each:
        return each, "owner.each_group"
    group = _clause_group(text, clause_start, pos)
    if group and not _marker_outranks(group, state):
        return group, "owner.subject"
    if state.explicit and ok(state.explicit):
        return state.explicit, state.explicit_rule
    if state.subject:
        # "各县区…任务:青湖区到位资金50亿元,江北区…": a place opening the item's own
        # clause is the member of the group the figure is for
        if own.is_group(state.subject):
            cl0 = clause_start
            while cl0 < pos and text[cl0] in " \u3000:：":
                cl0 += 1
            member = own.place_of_unit(text[cl0 : min(pos, cl0 + 8)])
            if (
                member
                and own.is_organisation(member)
                and (member in doc.places or len(member) == 3)
            ):
                return member, "owner.region"
        return state.subject, state.subject_rule
    member = own.list_element_place(text, sent[0], pos, sent[1], doc.places)
    if member:
        return member, "owner.region"  # 新城区项目13个、回民区项目8个: each its place's
    # a figure table's row names its owner, a part included (其中:食品工业园)
    if seg.owner and (ok(seg.owner) or (seg.unit and seg.explicit_owner)):
        main = _main_targets_place(text, par, pos, seg.owner)
        if main:
            return main, "owner.main_targets"
        return seg.owner, "owner.section"
    par_text = text[par[0] : min(par[1], par[0] + 400)]
    if (
        _COMPANY_WE.search(text[sent[0] : sent[1]])
        and "公司" in text[sent[0] : min(len(text), sent[1] + 20)]
    ):
        comps = _COMPANY_RE.findall(text[max(0, par[0] - 0) : par[1]])
        if comps and ok(own.clean_unit(comps[-1]) or comps[-1]):
            return own.clean_unit(comps[-1]) or comps[-1], "owner.reporter"
    if par[0] not in doc.reporter_cache:
        if len(doc.reporter_cache) > 256:
            doc.reporter_cache.clear()
        doc.reporter_cache[par[0]] = own.reporters(par_text)
    # a quotation followed by its speaker ("“…年度计划投资487亿元。”石嘴山市发展改革委负责人
    # 王志军表示"): the body the speaker is head of
    close = _quote_close(text, par[0], pos, par[1])
    if close is not None:
        for r in doc.reporter_cache[par[0]]:
            if close <= r[0] + par[0] <= close + 2 and ok(r[1]):
                return r[1], "owner.reporter"
    reps = [r for r in doc.reporter_cache[par[0]] if r[0] + par[0] < pos and ok(r[1])]
    whole_par = _whole_before(text, par[0], pos)
    if reps:
        if own.is_government(reps[-1][1]) and whole_par:
            return _whole(whole_par, doc), "owner.jurisdiction"
        # a body that is only the news's source (记者从省经合局获悉,全省…) does not own the
        # goal the jurisdiction's progress is measured against (完成全年目标的68%); the
        # plan it announces is its own (记者从市发改委获悉,我市…年度计划投资…亿元)
        source = text.startswith("从", reps[-1][0] + par[0])
        if source and whole_par and whole_par != "全国" and _SHARE_OF_GOAL.match(text, pos):
            return _whole(whole_par, doc), "owner.jurisdiction"
        return reps[-1][1], "owner.reporter"
    if _bureau_head_speaks(text, sent, pos, doc):
        return doc.owner, "owner.reporter"
    regs = [
        r
        for r in _regions_in(text, sent[0], sent[1], doc)
        if r[1] + sent[0] <= pos and not r[2].startswith("全")
    ]
    # a place opens the sentence as its subject ("今年吴忠市固定资产投资要完成…"): the place,
    # nearer than the body the document is by
    lead = _SENT_LEAD.match(text, sent[0], pos)
    if lead:
        opener = own.place_of_unit(text[lead.end() : min(pos, lead.end() + 8)])
        if (
            opener
            # a place the text names elsewhere, or a two-character name (吴忠市): not
            # a phrase that ends in 县 (共安排县)
            and (opener in doc.places or len(opener) == 3)
            and _is_city_level(opener)
            and own.is_organisation(opener)
            and own.place_of_unit(doc.owner) != opener
        ):
            return opener, "owner.region"
        subject = _plan_subject(text, lead.end(), opener, pos, doc)
        if subject:
            state.plan_place = subject
            return subject, "owner.place_subject"
    later = _clause_place_subject(text, sent, pos, doc)
    if later:
        state.plan_place = later
        return later, "owner.place_subject"
    if state.plan_place:
        return state.plan_place, "owner.place_subject"
    # a zone's page (document._ZONE_PAGE) sets a zone as the document's owner
    main = _main_targets_place(text, par, pos, doc.owner)
    if main:
        return main, "owner.main_targets"
    if doc.owner and (ok(doc.owner) or own.is_zone(doc.owner)):
        # a government (or its office) issuing a plan for 全市/全省 (or 我市): the jurisdiction
        named = [r for r in regs if r[2] not in _WHOLE]
        if own.is_government(doc.owner) and whole_par and not named:
            return _whole(whole_par, doc), "owner.jurisdiction"
        # a government written without its place (区人民政府2024年工作计划): as the
        # text calls itself (全区), named when the text names it
        if own.is_government(doc.owner) and own.place_of_unit(doc.owner) is None:
            word = "全" + doc.owner[0] if doc.owner[0] in "市区县省" else None
            if word:
                return _whole(word, doc), "owner.jurisdiction"
        if _country_goals(text, doc.owner):
            return "全国", "owner.jurisdiction"
        return doc.owner, "owner.document"
    if regs:
        owner, _ = own.region_list_at(
            text[sent[0] : pos], regs, _clause_opener(regs, sent, clause_start)
        )
        # 本市/我县: the jurisdiction the text speaks for, named or written whole
        return (
            _whole(owner, doc) if owner in _WHOLE else doc.resolve_region(owner)
        ), "owner.region"
    # a named place may own its plan; "全市" alone is a guess, so no owner
    if doc.region and not doc.region.startswith("全"):
        return doc.region, "owner.region"
    # the sentence itself speaks for the whole jurisdiction ("全市完成…", "今年我市将…"):
    # the city if the text names it, else the jurisdiction as the text says it
    s_txt = text[sent[0] : sent[1]]
    whole = [
        r
        for r in _regions_in(text, sent[0], sent[1], doc)
        if r[1] + sent[0] <= pos and r[2] in _WHOLE and not comparison_base(s_txt, r[0])
    ]
    if whole:
        return _whole(whole[0][2], doc), "owner.region"
    # the paragraph speaks for the whole country (2012年全国安全生产控制考核指标…)
    if whole_par == "全国":
        return "全国", "owner.jurisdiction"
    # nothing closer names an owner: the jurisdiction the document speaks for, as it
    # calls itself when it never names itself (全市); a sector's meeting whose
    # convener is not named (全区农业农村工作会议) is some bureau's: no owner
    if doc.region and doc.region != "全国" and not (doc.meeting and doc.region in _WHOLE):
        return _whole(doc.region, doc) if doc.region in _WHOLE else doc.region, (
            "owner.jurisdiction"
        )
    return None, None


# a speaker's name and his verb opening a clause (江某某表示,江西将…); the head's titles that
# introduce him with his bureau earlier on the page (某省某厅厅长江某某)
_NAMED_SPEAKER = re.compile(r"([\u4e00-\u9fff]{2,3})(?:表示|说|透露|指出|介绍|强调)[,，:：]")
_HEAD_TITLES = ("厅长", "局长", "主任", "部长", "司长", "署长", "负责人")
_DEPARTMENT_END = re.compile(r"(?:厅|局|委|办|部|署|中心)$")
_PLACE_OPENS_WITHIN = 3  # a place after 今年, at most


def _bureau_head_speaks(text: str, sent: tuple[int, int], pos: int, doc: Doc) -> bool:
    """On a bureau's page, its head, introduced earlier with his title (某厅厅长江某某…表示),
    speaks again by his name alone before the figure, his words opening on a place
    (江某某表示,江西将…): the plan he states is his bureau's (the interview rule), not the
    place's that the place-subject rule would give.
    """
    owner = doc.owner
    if not owner or own.is_government(owner) or not _DEPARTMENT_END.search(owner):
        return False
    for m in _NAMED_SPEAKER.finditer(text, sent[0], pos):
        # his words open on a place (…表示,江西将…, …说,今年湖南要…), which would own them
        opening = own.places_spoken_of(text[m.end() : min(pos, m.end() + 12)], doc.places)
        if not opening or opening[0][0] > _PLACE_OPENS_WITHIN:
            continue
        name = m.group(1)
        for cand in (name, name[1:]) if len(name) == 3 else (name,):
            if any(0 <= text.find(t + cand, 0, m.start()) for t in _HEAD_TITLES):
                return True
    return False


# a goal followed by the share of it reached (7000亿元目标任务的68.09%)
_SHARE_OF_GOAL = re.compile(r"[^,，。；;]{1,16}?的\s?\d[\d.]*\s?%")
_SENT_LEAD = re.compile(r"[“\"\s]*(?:(?:今年|明年|全年|(?:19|20)\d{2}年)[,，]?)?")


# the verb of a plan right after its subject (青海省将续建…, 贵州要创建…)
_PLAN_MODAL = re.compile(r"\s?(?:将|要|力争|计划|确保)")


def _plan_subject(text: str, at: int, opener: str | None, pos: int, doc: Doc) -> str | None:
    """A place that opens the sentence and is at once followed by the verb of a plan
    (青海省将续建…等20个项目, 贵州将创建…10个以上): the place states the plan, so it owns
    it, though the page is a bureau's of that place (the meeting of its 交通运输厅) whose
    own plan the other sentences give (rule owner.place_subject). A province counts here
    (the rule above wants a city, county or district), printed bare or with 省."""
    if opener is None or opener in own.PROVINCE_SET:
        # a province printed bare (青海将…), which place_of_unit may not cut out
        opener = own.province_at(text, at)
        if opener is not None and text.startswith("省", at + len(opener)):
            opener += "省"
    if opener is None or text[at : at + len(opener)] != opener or "、" in opener:
        return None
    if not own.is_organisation(opener):
        return None
    if not (opener in doc.places or opener.rstrip("省") in own.PROVINCE_SET):
        return None
    return opener if _PLAN_MODAL.match(text, at + len(opener), pos) else None


# a place's party committee and government together (山东省委、省政府, 市委市政府)
_LEADERSHIP_AFTER = re.compile(r"(?:省|市|县|区)?委[、和]?(?:省|市|县|区)?政府")


def _clause_place_subject(text: str, sent: tuple[int, int], pos: int, doc: Doc) -> str | None:
    """A place that opens a later clause of the sentence as the subject of its plan: its
    verb of a plan after it (…目标,山东将全面加快…) or its committee and government
    (…获悉,今年,山东省委、省政府把…作为…,全年计划完成投资…): the place states the
    plan, over the page of its bureau (rule owner.place_subject). The clause nearest
    before the figure, else the first after it (围绕…7400公里目标,山东将…)."""
    found = None
    for m in _CLAUSE_COMMA.finditer(text, sent[0], sent[1]):
        lead = _SENT_LEAD.match(text, m.end(), sent[1])
        at = lead.end() if lead else m.end()
        place = _place_with_plan(text, at, sent[1], doc)
        if place is None:
            continue
        if found is None or at < pos:
            found = place
        if at >= pos:
            break
    return found


_CLAUSE_COMMA = re.compile(r"[,，]")


# the first characters of the provinces' names: most clauses open on none of them
_PROVINCE_INITIALS = frozenset(p[0] for p in own.PROVINCES)


def _place_with_plan(text: str, at: int, end: int, doc: Doc) -> str | None:
    """The place opening text[at:] when its plan's verb or its leadership follows it."""
    # Only a province or a place the document names can be found below; checking the
    # clause's first character before cutting out a unit spares that work on almost
    # every clause (this runs for each comma of each item's sentence).
    if at >= end or (
        text[at] not in _PROVINCE_INITIALS and not any(text.startswith(p, at) for p in doc.places)
    ):
        return None
    opener = own.place_of_unit(text[at : min(end, at + 8)])
    subject = _plan_subject(text, at, opener, end, doc)
    if subject:
        return own.normalise_region(subject)
    bare = own.province_at(text, at)
    if bare is None:
        return None
    k = at + len(bare)
    if _LEADERSHIP_AFTER.match(text, k, end):
        return own.normalise_region(bare)
    return None


# goals set for the country (国务院…会议确定了我国“十二五”时期安全生产奋斗目标)
_COUNTRY_GOALS = re.compile(r"(?:确定|提出|明确|制定|审议通过)了?我国[^。\n]{0,30}?目标")


def _country_goals(text: str, body: str) -> bool:
    """A national body's page (国家某总局局长…透露) whose opening tells of goals set for the
    country (确定了我国…奋斗目标): the goals are the country's, 全国, not the body's that
    presents them (rule owner.jurisdiction)."""
    if own.place_of_unit(body) is not None or not body.startswith(("国家", "国务院", "中国")):
        return False
    return _COUNTRY_GOALS.search(text, 0, min(len(text), 600)) is not None


_PLACE_ENDS = ("省", "市", "区", "县", "州", "旗", "盟", "乡", "镇")
# the paragraph of a work report's main expected targets (主要预期目标是:…)
_MAIN_TARGETS = re.compile(r"主要预期目标|主要经济社会发展目标|经济社会发展主要目标")


def _main_targets_place(text: str, par: tuple[int, int], pos: int, body: str | None) -> str | None:
    """The main expected targets (2024年主要预期目标是:生产总值增长5.5%左右…) are the
    jurisdiction's, as a work report's are its government's, though the page that quotes
    them is a bureau's (省发展和改革委员会 printed above the text): the place the text
    speaks for (rule owner.main_targets). None when the page is a government's (the
    document rule writes it as its place) or the body names no place (市发改委: the section rule keeps it)."""
    # a place (绵阳市涪城区) or a government is written as its place by the other rules
    if not body or own.is_government(body) or body.endswith(_PLACE_ENDS):
        return None
    if not _MAIN_TARGETS.search(text, par[0], pos):
        return None
    place = own.place_of_unit(body)
    return place if place and own.is_organisation(place) and len(place) >= 3 else None


# every department of a place, unnamed (全省各部门, 有关部门, 各有关单位)
_ALL_DEPARTMENTS = re.compile(r"(?:各|有关)(?:有关)?(?:部门|单位)$")


def _marker_outranks(group: str, state: OwnerState) -> bool:
    """A paragraph closed by the units that lead it ((A委、B厅牵头;…配合)) is theirs, though a
    clause opens on every department (全省各部门…资金须于6月底前下达60%以上): the marker
    names who answers for the figure, the clause whose money it is."""
    return (
        state.explicit_rule in ("owner.paragraph_marker", "owner.item_marker")
        and bool(state.explicit)
        and _ALL_DEPARTMENTS.search(group) is not None
    )


def _clause_group(text: str, clause: int, pos: int) -> str | None:
    """A named group of units that opens the figure's own clause (…落实情况,各牵头单位分别于
    4月10日前报送): the group the duty is laid on, though no modal verb follows it (rule
    owner.subject; one unit opening a clause is left to the sentence's subject rules)."""
    if pos - clause < 3:
        return None
    name = own.subject_owner(text, clause, pos)
    if not name or not own.is_group(name):
        return None
    # the group itself opens the clause: 全省各级各有关部门紧盯…目标 pursue the province's
    # goal, whose owner the place rules find
    opening = text[clause:pos].lstrip(" \t\u3000,，")
    if not opening.startswith(name):
        return None
    # ... and is the whole name: 各县(市、区)交通运输部门 are the sector's bureaus of the group,
    # which the sentence's own subject rules read whole
    longer = (opening[: len(name) + k] for k in range(2, 9) if len(name) + k <= len(opening))
    return None if any(own.is_organisation(n) for n in longer) else name


def _clause_opener(regs: list[tuple[int, int, str]], sent: tuple[int, int], clause: int) -> int:
    """Which of the sentence's regions owns a figure: the one that opens the figure's own
    clause (…,武汉市社零额突破8500亿元,襄阳市、宜昌市社零额突破2000亿元: the second
    clause is 襄阳市's and 宜昌市's, rule owner.region), else the sentence's first."""
    for k, r in enumerate(regs):
        if clause <= r[0] + sent[0] <= clause + 1:
            return k
    return 0


def _is_city_level(name: str) -> bool:
    """A city, county or district named in full (吴忠市), not a province or a list."""
    return "、" not in name and name.endswith(("市", "县", "区", "州", "旗")) and len(name) >= 3


def _quote_close(text: str, lo: int, pos: int, hi: int) -> int | None:
    """The end of the quotation of the paragraph text[lo:hi] that holds pos (the position
    after its ”), if pos is in one."""
    k = text.find("”", pos, hi)
    if k < 0:
        return None
    opening = text.rfind("“", lo, pos)
    if opening < 0 or text.find("”", opening, pos) >= 0 or text.find("“", pos, k) >= 0:
        return None
    return k + 1


# 全市/我市/本市 …: the jurisdiction a text speaks for, written 全市 when unnamed
_WHOLE = {f"{a}{b}": f"全{b}" for a in "全我本" for b in "市区县省州旗盟"}
_TITLE_VERBS = frozenset(("创建", "争创", "创成", "获评", "荣获", "入选", "评为", "获得"))
_WHOLE_WORD = scanning(r"(?<![较比占在于献超])(?:全国|[全我本][市区县省州])")


def _whole_before(text: str, lo: int, pos: int) -> str | None:
    """The first whole-jurisdiction word (全市, 我省, 全国) of text[lo:pos], if any."""
    # 创建全国学前教育普及普惠县, 争创全国文明城市: a title the text strives for, not the
    # whole country speaking (rule owner.jurisdiction)
    m = next(
        (
            m
            for m in _WHOLE_WORD.finditer(text, lo, pos)
            if text[max(lo, m.start() - 2) : m.start()] not in _TITLE_VERBS
        ),
        None,
    )
    if not m:
        return None
    w = m.group(0)
    return w if w == "全国" else _WHOLE.get(w, "全" + w[1])


# a goal's noun right after its figure (7%目标任务, 25%的目标), and a government that set
# the goal before it (省政府要求的当年签约项目落地率)
_GOAL_NOUN_AFTER = re.compile(r"\s?的?(?:目标任务|年度目标|目标)(?!值)")
_GOVERNMENT_SET = re.compile(
    r"([省市县区])(?:人民)?政府(?:要求|下达|确定|提出|制定|明确)的[^，,。；;:：]{0,24}$"
)


def jurisdiction_goal(
    text: str, sent: tuple[int, int], pos: int, q_end: int, doc: Doc
) -> str | None:
    """The jurisdiction whose goal a figure is, when the text calls it a goal (…7%目标任务)
    and the jurisdiction works towards it (全省各级各有关部门紧盯…) or its government set
    it (省政府要求的…): a goal of the whole, not of the bureau that reports it."""
    if not _GOAL_NOUN_AFTER.match(text, q_end, sent[1]):
        return None
    gov = _GOVERNMENT_SET.search(text, sent[0], pos)
    if gov:
        return _whole("全" + gov.group(1), doc)
    word = _whole_before(text, sent[0], pos)
    if word and word != "全国":
        return _whole(word, doc)
    return None


def _whole(word: str, doc: Doc) -> str:
    named = doc.resolve_region(word)
    return named if named != word else _WHOLE.get(word, word)
