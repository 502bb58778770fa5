"""What a document says about itself: year, genre, owner, places, report period.

- year: the dateline (masthead, 发布时间) if there is one, else the latest year
  named other than target years (到2027年), else the caller's `--year`;
- plan: the title names a plan (计划, 方案, 要点, 目标 …), so bare figures are
  targets by default;
- owner: the unit in the title, the signing unit at the end, or the unit that
  presents the text (X印发, X召开, 据X介绍); a government report falls back
  to the city that issues it;
- places: the city, district and county the text names, so that 全市/我市
  become 临川市 and 全区 becomes 青湖区;
- report_period: a progress period named at the top (1-9月, 前三季度), the
  default period of statistics that do not name their own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon as lex
from . import owners as own
from .fastre import scanning
from .periods import document_year, find_times
from .repair import Line

HAN = "\u4e00-\u9fff"
_DATELINE = re.compile(
    r"((?:19|20)\d{2})\s?(?:年|-|/|\.)\s?(\d{1,2})\s?(?:月|-|/|\.)\s?\d{1,2}\s?日?(?:\s|$|星期|\d{1,2}:)"
)
_PLACE_RE = re.compile(
    r"(?<![" + HAN + r"])([" + HAN + r"]{2,3})([市区县州])(?![委场民政级属内外长直辖域划间])"
)
_PLACE_AFTER_VERB = re.compile(
    r"(?:在|对|到|与|和|及|、|于|是)(["
    + HAN
    + r"]{2,3})([市区县])(?![委场民政级属内外长直辖域划间])"
)
_BAD_PLACE_START = (
    "确保", "推动", "按照", "根据", "全力", "加快", "推进", "落实", "实现", "支持", "鼓励", "围绕",
    "对照", "打造", "建设", "服务", "保障", "争创", "创建", "奋进", "百强", "城市", "都市", "上市",
    "超市", "夜市", "门市", "股市", "城区", "社区", "园区", "景区", "小区", "片区", "辖区", "新区",
    "市区", "郊区", "山区", "库区", "开发", "示范", "功能", "重点", "各县", "各区", "全县", "全区",
)  # fmt: skip
_BAD_PLACE_CHARS = set(
    "的了和与及在对全年已各本该我其这那每个城以为是将把被从向于等中级景园社街校厂矿营号属驻并请"
)
_HEADLINE_PLACE = re.compile(r"\s*([" + HAN + r"]{2,3})[:：](?=[" + HAN + r"\d])")
_CONGRESS_SESSION = re.compile(r"(?:人大|人民代表大会|政协)[^\n。]{0,8}?次会议")
# a meeting the title names but does not report: a congress's session (省十二届人大一次会议
# 开幕), or a meeting whose spirit a plan carries out (落实全省经济工作会议精神)
_CITED_MEETING = re.compile(_CONGRESS_SESSION.pattern + r"|会议精神")
_QUARTER_NAMES = frozenset(lex.data()["owners"]["quarter_districts"])
_TITLE_UNIT = re.compile(
    r"[#\s]*([" + HAN + r"]{2,16}?(?:局|委员会|委|办公室|厅|部|政府|管委会|中心))"
    r"(?:关于|\d{4}年|[" + HAN + r"]{0,6}(?:工作计划|计划|方案|要点|安排|任务|重点|目标|思路))"
)
_PLAN_TITLE = re.compile(
    r"计划|方案|规划|要点|清单|部署|工作报告|目标|实施意见|任务|分解|分工|实事|责任|工作安排"
    r"|控制指标|考核指标"
)
# a progress period (1-9月, 前三季度, 上半年, 一季度, 前5个月) and the words one needs:
# without them find_times cannot return one, and need not run
_PROGRESS_PERIOD = re.compile(r"M\d\d-M\d\d|Q\d|H\d")
# (季度|上半年|\d…月|前…月, written to start with the class of their first characters, so
# that the regex engine skips ahead to one instead of trying every position)
_PROGRESS_HINT = re.compile(
    r"[季上前\d](?:(?<=季)度|(?<=上)半年|(?<=\d)\s?[-—~～至到]\s?\d{1,2}\s?(?:月|累计)|(?<=前)[^月]{0,5}月)"
)
_PROGRESS_COLUMN = re.compile(
    r"(?:责任单位|牵头单位|责任部门)[ \t\u3000|]*[^\n]{0,12}?(?:推进情况|完成情况|进展情况|落实情况|执行情况)"
)
_PROGRESS_TITLE = re.compile(
    r"进展|进度|通报|完成情况|执行情况|季报|月报|运行情况|统计公报|公报|工作总结|总结|自查|自评|述职"
)


_UNIT_SUFFIX = r"(?:委员会|局|委|办公室|办|厅|部|政府|管委会|中心)"
_UNIT_NAME = r"[" + HAN + r"]{2,24}?" + _UNIT_SUFFIX
# the verb of an issuing title (…关于印发…的通知)
_ISSUES = r"关于(?:印发|下发|转发|做好|落实)"
_ISSUERS = re.compile(
    # a document number may open the title line: "盘政办发〔2009〕15号 盘锦市人民政府办公室关于印发…"
    r"^\s*#*\s*(?:[" + HAN + r"]{1,8}[〔\[(（]\d{4}[〕\])）]\s?\d{1,4}\s?号\s*)?"
    r"((?:" + _UNIT_NAME + r"\s+)*" + _UNIT_NAME + r")\s*" + _ISSUES
)
_CRUMB_UNIT = re.compile(
    r"[>＞]\s*([" + HAN + r"]{2,20}?(?:局|委员会|委|办公室|办|厅|中心))\s*$", re.M
)
# "五莲县县长…作政府工作报告", "临川市政府工作报告": the place of a head or of a report
_GOV_REPORT = re.compile(
    # a district may follow its city (齐齐哈尔市铁锋区人民政府工作报告): the name is both
    r"(?:(?<![" + HAN + r"])|(?<=年))(?![年月日])"
    r"((?:[" + HAN + r"]{2,4}?[市州])?[" + HAN + r"]{2,4}?(?:自治区|[省市县区乡镇]))"
    r"(?:(?:人民政府)?代?(?:省长|市长|县长|区长|乡长|镇长|主席)[^。\n]{0,30}?政府工作报告"
    r"|(?:人民)?政府工作报告)"
    # the national report is the State Council's, delivered by its premier
    r"|(国务院)总理[^。\n]{0,30}?政府工作报告"
    # "代表湟中区人民政府向大会作政府工作报告"
    # (我代表十八届县人民政府: the government's term before its level, no place's name)
    r"|代表(?!第?[一二三四五六七八九十]{1,3}届)"
    r"([" + HAN + r"]{2,6}?(?:自治区|[省市县区乡镇]))人民政府[,，]?\s?(?:向大会)?"
    r"(?:作政府工作报告|报告(?:政府)?工作)"
    # "自治区人民政府主席王莉霞作政府工作报告": the region the text names (doc.autonomous)
    r"|(?<![" + HAN + r"])(自治区)(?:人民政府)?主席[^。\n]{0,30}?政府工作报告"
)
_GOV_OWNER = re.compile(r"([" + HAN + r"]{2,6}?[市县区])(?:人民政府|政府)(?:办公室|办公厅)?")
_BARE_GOV = re.compile(r"([" + HAN + r"]{2,6}?)(?:人民政府|政府)")


def _government_place(owner: str, text: str) -> str | None:
    """The place a government (or its office) is of: 临川市人民政府 → 临川市; one named by
    its bare place, 呼和浩特政府 → 呼和浩特市, with the level the text prints it with."""
    whole = _GOV_OWNER.fullmatch(owner)
    if whole:
        return whole.group(1)
    m = _BARE_GOV.fullmatch(owner)
    if m is None or m.group(1)[-1] in "市县区省":
        return None
    return next((m.group(1) + lv for lv in "市县区" if m.group(1) + lv in text), None)


_REVIEW_HEADING = lex.cue("review_heading")
_YEAR_RESULTS_HEADING = re.compile(
    r"\s*(?:19|20)\d{2}\s?年度?(?:工作)?(?:主要)?(?:成绩|成效|亮点|成就)[:：]?\s*"
)
_NUMBERED_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)
# an interview with the head of a government ("江宁区区长严应骏", "访市发展和改革委员会主任…"):
# the body the head speaks for owns the figures
_INTERVIEW_HINT = scanning(r"主持人|记者|采访|访谈|专访|[—-]访|对话|做客")
_INTERVIEW_HEAD = re.compile(
    r"([" + HAN + r"]{2,6}?(?:省|市|区|县))(?:代?(?:省长|市长|区长|县长))"
    # its party secretary speaks for it too (访地区发改委党组书记某某)
    r"|(?:访|对话)(["
    + HAN
    + r"]{2,20}?(?:局|委员会|委|厅))(?:(?:党组|党委)书记(?!、)|(?:(?:党组|党委)书记、)?"
    r"(?:局长|主任|厅长))"
    # "市交通运输局党组书记、局长李华接受记者专访": the body whose head is interviewed; the
    # head of one of its departments speaks for it too, a deputy beside him or not
    # (住房城乡建设部住房保障司司长某某和副司长某某接受专访 → 住房城乡建设部)
    r"|([" + HAN + r"]{2,20}?(?:局|委员会|委|厅|办|中心|部))(?:[" + HAN + r"]{2,8}?[司处科])?"
    r"(?:党组书记、|党委书记、)?(?:局长|主任|厅长|部长|司长|处长|科长)[" + HAN + r"·]{0,4}?"
    r"(?:和副?(?:局长|主任|厅长|部长|司长|处长|科长)[" + HAN + r"·]{2,4}?)?"
    # ... or answers the reporters' questions (厅长通道: …厅长,某某局局长(兼)某某回答记者提问)
    r"(?:接受[^。\n]{0,8}?(?:采访|专访)|做客|[^。\n]{0,24}?回答记者提问)"
    # "市发改委主任张某:今年我们计划…": the answer of a bureau's head, labelled by his post
    r"|(?:^|\n)\s*([" + HAN + r"]{2,20}?(?:局|委员会|委|厅|办|中心))(?:党组书记、)?"
    r"副?(?:局长|主任|厅长)[" + HAN + r"·]{1,4}?[:：]"
)
# the head of a department answering the reporters in a congress's corridor (厅长通道)
_DEPARTMENT_HEAD_ANSWERS = re.compile(r"(?:厅长|局长|主任)通道|回答记者提问")
# every match of _INTERVIEW_HEAD holds one of these titles: without them it cannot match
_INTERVIEW_TITLE = re.compile(r"[省市区县局厅部司处科]长|主任|书记")
# a city's paper named 今日 and the city's bare name, on the source line (来源:今日高邮), which
# a repaired page may run into the body (今日高邮今年的…): a two-character name the gazetteer
# knows with 市
_TODAY_PAPER = re.compile(r"来源[:：]\s*今日([" + HAN + r"]{2})")
_CITY_PAPER = re.compile(r"(?<![" + HAN + r"])([" + HAN + r"]{2,3})(?:日报|晚报)")
# a newspaper's page label naming the region the page covers (第06版:区域传真·长春)
_PAGE_PLACE = re.compile(r"第\s?\d+\s?版[:：][^\n·]*·([" + HAN + r"]{2,3})[ \t]*$", re.M)
# a line that opens on a place's bare name and a colon (兰州:新区…, 大同:…)
_HEADLINE_PLACE = re.compile(r"^[ \t\u3000]*([" + HAN + r"]{2,3})[:：]", re.M)


def _headline_city(head: str) -> set[str]:
    """The one city of the gazetteer that opens a line of the head before a colon (兰州:…),
    as a dateline of its news does; a field's label (来源:, 作者:) names no city."""
    cities = {
        m.group(1) + "市"
        for m in _HEADLINE_PLACE.finditer(head)
        if m.group(1) + "市" in own.gazetteer_names()
    }
    return cities if len(cities) == 1 else set()


_CITY_ZONE = re.compile(
    r"(?<![" + HAN + r"])([" + HAN + r"]{2})(?:经济技术开发区|经济开发区|高新技术产业开发区)"
    r"(?:管委会|管理委员会)"
)
# a name found at the head of a page may carry the word that introduces it (专访长春市市长,
# 据合肥晚报报道): owners.lead_words of the lexicon, never part of a name
_LEAD_WORDS = re.compile(
    "^(?:"
    + "|".join(
        re.escape(w) for w in sorted(lex.data()["owners"]["lead_words"], key=len, reverse=True)
    )
    + ")"
)


_TWO_LEVELS = re.compile(r"[" + HAN + r"]{2,6}?[省市州]([" + HAN + r"]{2,6}[市区县])")


def _first_named(sample: str, district: str) -> str:
    """A district as the text first names it: 西宁市城中区 where its first mention is so."""
    k = sample.find(district)
    m = _CITY_BEFORE.search(sample[max(0, k - 4) : k]) if k > 0 else None
    if m is None:
        return district
    # 记者从西宁市: the name starts after the last character no place holds
    name = m.group(1)
    name = name[max((i + 1 for i, ch in enumerate(name) if ch in _BAD_PLACE_CHARS), default=0) :]
    return name + district if len(name) >= 3 and own.is_organisation(name) else district


_CITY_BEFORE = re.compile(r"([" + HAN + r"]{2,3}市)$")


@lru_cache(maxsize=1)
def _area_names() -> tuple[str, ...]:
    """The gazetteer's prefectures named 地区 (picked out once, not on every text)."""
    return tuple(n for n in own.gazetteer_names() if n.endswith("地区"))


# a prefecture named 地区 names its own party committee and office so (地委, 行署)
_PREFECTURE_SELF = re.compile(
    r"在地委|地委(?:[、和]?行署|书记|副书记|的(?:坚强|正确)领导)|行署专员"
)


def _area_prefecture(sample: str) -> str | None:
    """The one prefecture named 地区 (大兴安岭地区) a text prints whole at least twice, once
    at least outside a list of places: a region's plan that lists the prefectures it
    watches most (重点控制地区:甲地区、乙州、丙地区) names some of its places, not itself
    (rule owner.place_in_list)."""
    if "地区" not in sample:
        return None
    named = {
        n
        for n in _area_names()
        if sample.count(n) >= 2
        and not all(_listed_at(sample, k, len(n)) for k in _occurrences(sample, n))
    }
    return named.pop() if len(named) == 1 else None


def _listed_at(sample: str, at: int, length: int) -> bool:
    """The name at sample[at:at+length] is a member of a list of names (、 on either side)."""
    return sample[at - 1 : at] == "、" or sample[at + length : at + length + 1] == "、"


_LEVEL_PIECE = re.compile(r"[" + HAN + r"]{2,5}?(?:自治区|省|市|州|盟|县|区|旗)")


def _lowest_place(name: str) -> str | None:
    """The lowest of two or more places a unit's name opens with (山东省聊城市茌平县招商局
    → 茌平县), or None."""
    pieces: list[str] = []
    pos = 0
    while (m := _LEVEL_PIECE.match(name, pos)) and own.is_organisation(m.group(0)):
        pieces.append(m.group(0))
        pos = m.end()
    return pieces[-1] if len(pieces) >= 2 else None


_TOWNSHIP_GOVERNMENT = re.compile(
    r"[省市州区县旗]([" + HAN + r"]{2,4}?[镇乡])(?:人民政府|政府)(?:办公室)?$"
)


def _lower_place(name: str) -> str:
    """ "莆田市荔城区" → "荔城区": the place a statistic of 全区 is written as."""
    m = _TWO_LEVELS.fullmatch(name)
    return m.group(1) if m else name


_SYSTEM_BODY = ("厅", "局", "委员会", "委")


# "会上,某某某作市人民政府工作报告": the speaker's name and the verb 作 run into the level
# word of the government he reports for; no place (焦作市, 合作市 are: the gazetteer's)
_SPEAKER_VERB = re.compile(r"作(?:人民政府|政府)?[省市县区乡镇]$")


def _speaker_glued(name: str) -> bool:
    """A name cut as 某某某作市: a speaker and his verb before the level (rule
    owner.speaker_not_place), not a place the gazetteer knows."""
    return bool(_SPEAKER_VERB.search(name)) and name not in own.gazetteer_names()


# the rest of a project's name in a list after the place it opens (晋江市创业园及配套设施
# 建设项目(二期)、…): a run without a mark of punctuation that ends in 项目 or 工程 and is
# followed by the project's phase or the list's mark
_PROJECT_IN_LIST = re.compile(r"[" + HAN + r"\w]{1,30}?(?:项目|工程)(?=[(（、])")


def _in_project_list(sample: str, start: int, end: int) -> bool:
    """The place sample[start:end] opens a project's name after the 、 of a list of them
    (…项目、晋江市创业园建设项目(二期)、…), not a sentence's subject (梧州市引进区外投资项目(已
    领取营业执照)315个)."""
    return start > 0 and sample[start - 1] == "、" and bool(_PROJECT_IN_LIST.match(sample, end))


def _province_over_city(sample: str, city: str) -> str | None:
    """The province the sample prints with 省 more often than `city`, if one."""
    named = city.rstrip("市")
    counts = {p + "省": sample.count(p + "省") for p in own.PROVINCES if p + "省" in sample}
    if not counts:
        return None
    best = max(counts, key=lambda p: counts[p])
    return best if counts[best] > sample.count(named) else None


# the time word that opens a news paragraph, then the bureau (the headline may run into the
# paragraph: repair joins a short title to it)
_OPENING_BUREAU = re.compile(
    r"(?:新年伊始|近日|日前|今年以来|今年|年初|\d{1,2}月\d{1,2}日)[,，]"
    r"([" + HAN + r"]{3,20}?(?:局|委员会|委|厅))(?=围绕|紧扣|聚焦|按照|将|计划|全力|力争)"
)


def _opening_bureau(text: str, lines: list[Line]) -> str | None:
    """The bureau that opens the first body paragraph as the subject of a plan verb."""
    body = next((ln for ln in lines[:40] if ln.kind == "content" and ln.end - ln.start > 60), None)
    m = _OPENING_BUREAU.search(text, body.start, min(body.end, body.start + 80)) if body else None
    if m is None:
        return None
    name = own.clean_unit(m.group(1))
    if not name or not own.is_organisation(name) or own.is_government(name):
        return None
    return name


def _system_body(text: str) -> str | None:
    """The body of a sector system a text opens with (四川省交通运输系统全面落实…), when the
    text names it (四川省交通运输厅): its department presents the sector's plan."""
    k = text.find("系统", 0, 1500)
    while k >= 0:
        before = text[max(0, k - 12) : k]
        for i in range(len(before) - 2):
            stem = before[i:]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in stem):
                continue
            if own.place_of_unit(stem) is None and stem[0] not in "省市县区":
                continue
            for suffix in _SYSTEM_BODY:
                if stem + suffix in text and own.is_organisation(stem + suffix):
                    return stem + suffix
        k = text.find("系统", k + 2, 1500)
    return None


# "2023年全省交通运输行业将紧扣…": a sector's system of the whole jurisdiction as the
# subject of the year's plan, its verb right after it
_SECTOR_PLAN = re.compile(
    r"(?:^|[,，。\n]|年|获悉)\s?([" + HAN + r"]{4,14}?(?:系统|行业))\s?(?:将|要|力争|计划)"
)


def _sector_plan_subject(text: str) -> str | None:
    """The sector system whose plan the opening of a text states (2023年全省交通运输行业将…,
    全省交通运输系统将…): the news of a sector's meeting gives the year's plan to that
    system, as printed, when no department of it is named to present it (rule
    owner.sector_system; a sentence of last year's work, 去年全省…系统完成…, states none)."""
    # the subject of the text's plan comes before its figures: a system named after them
    # (…完成全年目标的60%。全省招商系统将…) closes a progress report, it presents nothing
    figure = _FIRST_FIGURE.search(text, 0, 1500)
    m = _SECTOR_PLAN.search(text, 0, figure.start() if figure else 1500)
    return m.group(1) if m and own.is_sector_system(m.group(1)) else None


_FIRST_FIGURE = re.compile(r"\d[\d.]*\s?(?:%|[万亿千百个项家座条所公元])")


# "天津市城市管理委负责10个子项任务。具体如下:": the body a programme's news names as
# responsible for a count of its tasks, which the text then lists
_LISTED_SHARE = re.compile(
    r"(?:^|[,，。\n])([" + HAN + r"]{3,20}?)负责(?:其中)?[\d一二三四五六七八九十]{1,3}[个项件]"
    r"(?:子项)?(?:任务|工作|工程|项目|实事)"
)


def _body_of_listed_share(text: str) -> str | None:
    """The body responsible for the share of a programme the text lists (某某委负责10个
    子项任务): its tasks are that body's (rule owner.listed_share); a government or a
    place answering for tasks speaks for its jurisdiction, found the usual way."""
    m = _LISTED_SHARE.search(text, 0, 1500)
    if m is None:
        return None
    name = own.clean_unit(m.group(1))
    if not name or not own.is_organisation(name) or own.is_government(name):
        return None
    return None if own.place_of_unit(name) == name else name


def strip_lead_words(name: str) -> str:
    """ "专访长春市" → "长春市", "据合肥" → "合肥"; a name of two characters or less is kept."""
    m = _LEAD_WORDS.match(name)
    return name[m.end() :] if m and len(name) - m.end() >= 2 else name


# "绵阳市涪城区第六届人民代表大会第四次会议…代区长某某作政府工作报告": the report's place
_CONGRESS = re.compile(
    r"([" + HAN + r"]{2,10}?(?:自治区|[省市县区]))第?[一二三四五六七八九十]{1,3}届"
    # 广东省十四届人大二次会议: the congress written short
    r"(?:人民代表大会|人大)第?[一二三四五六七八九十]{1,3}次会议"
)
# "关于莆田市荔城区2022年国民经济和社会发展计划执行情况…的报告": the place whose plan it is
_PLAN_REPORT = re.compile(
    r"关于([" + HAN + r"]{2,10}?(?:自治区|[省市县区]))(?:19|20)\d{2}年(?:度)?国民经济和社会发展计划"
)
# a guest named with his post in brackets (本期嘉宾:某某(宁波市交通局、市港口管理局局长))
_GUEST = scanning(
    r"(?:嘉宾|受访者|访谈对象|受访人)\s?[:：]\s?[" + HAN + r"·]{2,5}[(（]"
    r"([" + HAN + r"]{2,20}?(?:局|委员会|委|厅|办|中心))(?:、[^)）\n]{0,30}?)?"
    r"(?:党组书记、)?副?(?:局长|主任|厅长)[)）]"
    # a host who introduces the guest (主持人:今天我们请到了松阳县农业农村局局长王某某)
    r"|(?:请到了|邀请到了?|做客的是|来到直播间的是)\s?"
    r"([" + HAN + r"]{2,20}?(?:局|委员会|委|厅|办|中心))(?:党组书记、)?副?(?:局长|主任|厅长)"
)
# a page's related-news block (新闻推荐, 相关新闻): what follows is another text
_RELATED = scanning(r"(?:^|\n|[。!！])\s*(?:新闻推荐|相关新闻|相关阅读|相关链接|推荐阅读|延伸阅读)")
# the official who speaks at a press conference (新疆发展和改革委员会副主任某某称): his body
# presents the plan the reporter learns there
_CONFERENCE_SPEAKER = re.compile(
    r"([" + HAN + r"]{2,20}?(?:局|委员会|委|厅|办|中心))(?:党组书记、|党组成员、)?副?"
    # a non-leading post speaks for the body too (二级巡视员, 总经济师)
    r"(?:局长|主任|厅长|负责人|(?:[一二]级)?(?:巡视员|调研员)|总经济师|总工程师)"
    r"[" + HAN + r"·]{2,4}?(?:在会上)?(?:称|介绍|表示|说|指出)"
    # a company that presents its plan there (县交通建设公司常务副总经理某某在发布会上介绍)
    r"|(["
    + HAN
    + r"]{2,20}?(?:有限公司|公司|集团))(?:党委书记、)?(?:常务)?副?(?:总经理|董事长|经理)"
    r"[" + HAN + r"·]{2,4}?(?:在发布会上)?(?:称|介绍|表示|说|指出)"
)
# a photo's credit that repair ran into the speaker after it (某某某 摄新疆…委员会副主任…说)
_PHOTO_CREDIT = re.compile(r"^[" + HAN + r"·]{2,5}?摄(?!影)(?=[" + HAN + r"]{4})")
_BUREAU_MEETING = re.compile(
    r"(?:19|20)\d{2}年(?:度)?([" + HAN + r"]{3,20}?(?:局|厅|委员会))(?:全系统)?工作(?:会议|会)"
    r"(?:[" + HAN + r"]{0,4})?(?:召开|举行|在[" + HAN + r"]{2,6}召开)"
)
# the news of a sector's work meeting a bureau convened (吉林省交通运输厅3月5日召开全省交通运输
# 工作视频会议): the bureau, named before its verb, deploys the year's plan (rule
# owner.meeting_convener; shared corpus 07, a bureau's meeting is its convener's)
_CONVENED_MEETING = re.compile(
    r"(?:^|[,，。\s])([" + HAN + r"]{3,20}?(?:局|厅|委员会))(?:于)?(?:\d{1,2}月\d{1,2}日)?"
    r"(?:上午|下午)?(?:组织)?召开(?:了)?(?:全[省市区县])?["
    + HAN
    + r"]{2,12}?工作(?:视频|电视电话)?会议"
)


def _meeting_bureau(text: str) -> str | None:
    """The bureau of the work meeting a text's first lines report, its own (2020年青湖公路
    管理局工作会议召开) or one it convened (…交通运输厅3月5日召开全省交通运输工作视频会议):
    the figures are that bureau's plan."""
    for meeting in (_BUREAU_MEETING, _CONVENED_MEETING):
        m = meeting.search(text, 0, 800)
        name = own.clean_unit(strip_lead_words(m.group(1))) if m else None
        if name and own.is_organisation(name) and not own.is_government(name):
            return name
    return None


# a level named as 县级/州级 (2023年县级重点项目) or before its key projects (316个州重点建设
# 项目): the jurisdiction when no other word names it
_LEVEL_ADJ = scanning(r"(?<![省市县区州])([市县区州])(?:级(?:重点)?|重点(?:建设)?)项目")
# a party committee named by its level only (认真贯彻县委“1357”工作体系)
_LEVEL_COMMITTEE = scanning(r"(?<![省市县区州])([市县区州])委(?![托屈员])")


def _committee_level(sample: str) -> str | None:
    """The lowest level whose party committee a text names by its level only (贯彻县委…):
    the level of a text that names no place nor level of its own otherwise, a government
    carrying out its own committee's plans (rule owner.level_of_its_committee)."""
    levels = {m.group(1) for m in _LEVEL_COMMITTEE.finditer(sample)} - {"州"}
    return "全" + min(levels, key=_LEVEL_RANK.__getitem__) if levels else None


# the issuers run together, repair having removed the spaces between them
# (成都市发展和改革委员会中共成都市委社会工作部…关于印发…): one run, cut by _segment_units
_ISSUERS_RUN = re.compile(r"\s*#*\s*([" + HAN + r"]{4,100}?" + _UNIT_SUFFIX + ")" + _ISSUES)


def _issuers(head_lines: list[str]) -> str | None:
    """The issuers of a notice: "市发展改革委 市工信局关于印发…" → "市发展改革委、市工信局"."""
    for hl in head_lines:
        if len(hl) > 160:
            continue
        m = _ISSUERS.match(hl) or _ISSUERS_RUN.match(hl)
        if m:
            names = _segment_units(m.group(1).replace(" ", ""))
            if names:
                return "、".join(names)
    return None


_UNIT_END = re.compile(r"(?:委员会|局|委|办公室|办|厅|部|政府|管委会|中心)")


def _segment_units(run: str) -> list[str] | None:
    """Cut a run of unit names into organisations ("市发展改革委市工信局" → two).

    Repair removes the single spaces that separated the issuers, so the run is cut
    where a name ends in an organisation's suffix and the next one starts as a
    name does (市, 区, 县, 省, 中共, a place name); the cut with most such names
    wins, and a run that cannot be cut so is one name if it is one.
    """
    n = len(run)
    ends = sorted({m.end() for k in range(n) for m in [_UNIT_END.match(run, k)] if m})
    starts = {0} | {k for k in range(n) if _UNIT_START.match(run, k)}
    best: dict[int, list[str]] = {0: []}
    for e in ends:
        for b in sorted(best):
            piece = run[b:e]
            if b < e and b in starts and 3 <= len(piece) <= 20 and own.is_organisation(piece):
                cand = best[b] + [piece]
                if e not in best or len(cand) > len(best[e]):
                    best[e] = cand
    if best.get(n):
        return best[n]
    return [run] if own.is_organisation(run) else None


_UNIT_START = re.compile(
    r"中共|国家|[市区县省](?=[" + HAN + r"])|[" + HAN + r"]{2,3}[市县区省州](?=[" + HAN + r"])"
)


@dataclass
class Doc:
    text: str
    year: int | None
    plan: bool
    owner: str | None
    places: list[str]
    region: str | None
    reporters: list[tuple[int, str]]
    city: str | None = None
    district: str | None = None
    county: str | None = None
    pub_month: int | None = None
    report_period: str | None = None
    province: str | None = None
    autonomous: str | None = None  # an autonomous region the text is about, as first printed
    #: the prefecture (黔西南州, 临夏州) a text that calls itself 全州/我州 names most
    prefecture: str | None = None
    meeting: bool = False  # the title reports a meeting (工作会议, 会议召开)
    #: a table whose header has a responsible-unit column followed by a progress
    #: column (序号 目标任务 责任单位 上半年推进情况): what follows a unit cell is a result
    progress_column: bool = False
    progress: bool = False
    review_year: int | None = None
    #: the jurisdiction the text speaks for when nothing nearer names an owner: the place
    #: of the level it calls itself (全市/本市/市政府 → the city, else 全市), or its one place
    jurisdiction: str | None = None
    region_cache: dict = field(default_factory=dict)
    reporter_cache: dict = field(default_factory=dict)

    def resolve_region(self, word: str) -> str:
        """全市/我市/本市 → the city the text names, 全区 → the district, 全县 → the county."""
        if word in ("全市", "我市", "本市") and self.city:
            return self.city
        # the district a text first names with its city (西宁市城中区), as it first names it
        if word == self.district and self.jurisdiction and self.jurisdiction.endswith(word):
            return self.jurisdiction
        region = self.district or self.autonomous
        if word in ("全区", "我区", "本区") and region:
            return region
        if word in ("全县", "我县", "本县") and self.county:
            return self.county
        if word in ("全省", "我省", "本省") and self.province:
            return self.province
        if word in ("全州", "我州", "本州") and self.prefecture:
            return self.prefecture
        # a banner's or a league's text (全旗, 我盟): the banner or league it names
        if word[1:] in ("旗", "盟") and (self.jurisdiction or "").endswith(word[1:]):
            return self.jurisdiction or word
        # a municipality the text calls 上海市 is not written 上海 when a sentence says 上海
        if self.city and word + "市" == self.city:
            return self.city
        # 我市/本县 of a text that never names itself: the jurisdiction written whole (全市)
        if len(word) == 2 and word[0] in "我本" and word[1] in "市区县省州旗盟":
            return "全" + word[1]
        return word


_PLACE_PHRASES = tuple(re.compile(p) for p in lex.data()["owners"]["place_phrases"])
_OWN_WORD = re.compile(r"[全我本]([市区县旗])")


def _own_suffix(sample: str) -> str:
    """The jurisdiction a text calls itself (全市, 我区, 本县): 市, 区 or 县."""
    counts = Counter(m.group(1) for m in _OWN_WORD.finditer(sample[:5000]))
    return counts.most_common(1)[0][0] if counts else "市"


_AUTONOMOUS_NAMES = {
    "广西": "广西壮族自治区",
    "西藏": "西藏自治区",
    "新疆": "新疆维吾尔自治区",
    "宁夏": "宁夏回族自治区",
    "内蒙古": "内蒙古自治区",
}


# the look-ahead names every character a match can start with: the regex engine then
# skips to those characters instead of trying both branches at every position (half the time)
# 全市/我县/本区 (group 2), or 市/区/… (group 1) not after a name, then 人民政府/政府/委;
# written to start with the class of the first characters, so that the regex engine skips
# ahead to one instead of trying every position of the text
_LEVEL_WORD = re.compile(
    r"([全我本市区县省旗])"
    r"(?:(?<=[全我本])([市区县省乡镇旗])|(?<=[市区县省旗])(?<![" + HAN + r"].)(?:人民政府|政府|委))"
)
# a township's name (鼎龙乡, 木洞镇): two characters and 乡/镇, not a common word
_TOWNSHIP = re.compile(r"([" + HAN + r"]{2}[乡镇])(?![村街])")
_NOT_TOWNSHIP = frozenset(
    "城乡 乡镇 村镇 城镇 集镇 重镇 名镇 小镇 古镇 强镇 下乡 返乡 家乡 故乡 各乡 各镇 全乡 全镇 "
    "本乡 本镇 我乡 我镇 该乡 该镇".split()
)


def _township(sample: str) -> str | None:
    """The township a text names most (鼎龙乡), if any."""
    counts = Counter(
        m.group(1)
        for m in _TOWNSHIP.finditer(sample)
        if m.group(1)[1:] not in _NOT_TOWNSHIP
        and m.group(1)[:2] not in _NOT_TOWNSHIP
        and m.group(1)[0] not in "全各本我该乡镇城村"
    )
    return counts.most_common(1)[0][0] if counts else None


# the levels from the lowest up: a text names the bodies above it (全省经济工作会议精神,
# 县委要求) but calls itself by its own
_LEVEL_RANK = {"乡": 0, "镇": 0, "县": 1, "区": 1, "旗": 1, "市": 2, "省": 3}


# a level named as a comparison base or a beneficiary (高于全省平均, 为全省大局作出贡献,
# 占全市): the text measures itself against it, it is not the text's own
_MEASURED_AGAINST = "于比较占超为"


# a level a figure is ranked in (居全区第一, 全区第四个, 跃居全区首位, 领跑全区): the text's
# place is ranked among its places, the level is the one above it
_RANKED_AFTER = re.compile(r"第[\d一二三四五六七八九十]|首位|前列|之首|排名|排第|领先")
_RANKED_BEFORE = ("居", "领跑", "位列", "领先")

# a body's meeting whose spirit the text carries out, named in a list that a clause mark
# before it cuts from its verb (…精神,以及中央经济工作会议、省委十一届三次全会、州委九届三次
# 全会等精神): the meeting of a body that instructs the text, not the text's own level
# (rule owner.cited_meeting)
_SPIRIT_AHEAD = re.compile(r"[^,，。；;！？!?\n]{0,40}?精神")


# the characters before a level a text measures itself against (高于全省, 较全国, 占全市,
# 贡献全国) and the list whose members follow one (高于全国、全省)
COMPARED_BEFORE = "较比占在于献超"
# a share a figure gives to a level (对全省贡献率115.4%, 对全国增长的贡献): the level is the base
_CONTRIBUTION_AFTER = re.compile(r"(?:经济|增长|GDP)?(?:的)?贡献")


def comparison_base(sample: str, at: int) -> bool:
    """The level word (全省, 全国) at sample[at] is the base a figure is measured against,
    not its subject: after 高于/较/占 (高于全省), a later member of such a list (高于全国、
    全省), or the level a contribution is made to (对全省贡献率) (rule owner.comparison_base)."""
    k = at
    # walk back over a list of level words (全国、全省、): its first member's word decides
    while k >= 3 and sample[k - 1] == "、" and sample[k - 3] == "全":
        k -= 3
    if k > 0 and sample[k - 1] in COMPARED_BEFORE:
        return True
    if k > 0 and sample[k - 1] == "对" and _CONTRIBUTION_AFTER.match(sample, at + 2):
        return True
    return False


def _superior_mention(sample: str, at: int) -> bool:
    """A level word the text names as above it: in a clause that carries out its
    instructions (落实省委、省政府和市委决策部署), as a comparison base (高于全省平均), as
    the field of a ranking (居全区第一) or as the body whose meeting's spirit the clause
    names (省委十一届三次全会等精神)."""
    if at > 0 and sample[at - 1] in _MEASURED_AGAINST:
        return True
    if sample[at] == "全" and comparison_base(sample, at):
        return True
    if sample[at] != "全" and _SPIRIT_AHEAD.match(sample, at + 2):
        return True
    if sample[at] == "全" and (
        _RANKED_AFTER.match(sample, at + 2) or sample[max(0, at - 2) : at].endswith(_RANKED_BEFORE)
    ):
        return True
    return own.carried_out(sample, at)


# a text's own words for a city: what only a city's text writes of itself
_SPEAKS_AS_CITY = re.compile(r"[全我本]市")


def _self_level(sample: str) -> str | None:
    """The level a text calls itself most (全市, 我县, 市政府 → 市), if it does; of levels
    named as often, the lowest (a township's plan that cites 全省 and 县委 once each and
    says 全镇 once is the township's)."""
    counts = Counter(
        m.group(2) or m.group(1)
        for m in _LEVEL_WORD.finditer(sample)
        if not _superior_mention(sample, m.start())
    )
    if not counts:
        return None
    top = max(counts.values())
    return min((w for w, n in counts.items() if n == top), key=_LEVEL_RANK.__getitem__)


# a title that opens with a level, its name masked or cut (XX镇2026年工作计划, 镇2024年度
# 工作计划): the text is that level's
_TITLE_LEVEL = re.compile(
    r"\s*(?:[" + HAN + r"]{2,4}?|[xX某]{1,4})?([乡镇县区市旗])(?:人民政府)?(?:19|20)\d{2}\s?年"
)


def _title_level(title: str) -> str | None:
    m = _TITLE_LEVEL.match(title)
    return m.group(1) if m else None


def _jurisdiction(
    sample: str,
    city: str | None,
    district: str | None,
    county: str | None,
    province: str | None,
    banner: str | None = None,
    title_level: str | None = None,
    self_level: str | None = None,
) -> str | None:
    """The jurisdiction a text speaks for: the level it calls itself (全市, 我县, 市政府), else
    the level its title opens with (XX镇2026年工作计划), named when the text names a place of
    that level, else written 全市/全镇; with neither, the one place the text names.
    `self_level` is _self_level(sample), which the caller has already counted."""
    # a banner (旗) is a county of Inner Mongolia: 全旗, 我旗, 旗政府
    named = {"市": city, "区": district, "县": county, "省": province, "旗": banner}
    level = self_level or title_level
    if level:
        if level in "乡镇":
            return _township(sample) or "全" + level
        return named[level] or "全" + level
    places = [p for p in (city, district, county) if p]
    if len(places) == 1:
        return places[0]
    adj = Counter(m.group(1) for m in _LEVEL_ADJ.finditer(sample))
    if adj and not places:
        return "全" + adj.most_common(1)[0][0]
    return None


def _autonomous(sample: str) -> str | None:
    """The autonomous region a text calls 全区, in the form it prints first (广西, 广西壮族自治区,
    宁夏自治区)."""
    best: tuple[int, str] | None = None
    for short, full in _AUTONOMOUS_NAMES.items():
        # a region named only inside an institution's name (新疆农村综合产权交易中心) is no
        # place the text names: its 全区 stays whole
        k = next(
            (
                k
                for k in _occurrences(sample, short)
                if sample.startswith(full, k) or not _ENTITY_AFTER.match(sample, k + len(short))
            ),
            -1,
        )
        if k >= 0 and (best is None or k < best[0]):
            # a headline's own shortening (宁夏自治区确定…) is the form the text prints
            form = next((f for f in (full, short + "自治区") if sample.startswith(f, k)), short)
            best = (k, form)
    return best[1] if best else None


_ENTITY_AFTER = re.compile(
    r"[" + HAN + r"]{0,10}?(?:中心|公司|集团|大学|学院|银行|研究院|研究所|协会|医院)"
    # a paper named after the region (《西藏日报》, 西藏商报)
    r"|(?:日报|晚报|商报|法制报)"
)


_QUOTED_NAME = re.compile(r"[“\"][^”\"\n]{1,20}[”\"]")


_INSTITUTION_AFTER = re.compile(
    r"[" + HAN + r"]{0,10}?(?:中心|公司|集团|大学|学院|银行|研究院|研究所|协会|医院|区域)"
)


def _province_on_its_own(sample: str, name: str) -> bool:
    """A province printed where a name starts (not after 华电 in 华电黑龙江区域) and not
    as the opening of an institution's name (青海大学)."""
    k = sample.find(name)
    before = sample[k - 1] if k > 0 else ""
    starts = (
        not before
        or not "\u4e00" <= before <= "\u9fff"
        # ... or after a preposition (为江西科学发展创造良好环境)
        or before in "在和与及对向从到赴为"
        # a verb no place's name opens with (推动湖北高质量发展, 服务江西)
        or sample[max(0, k - 2) : k] in _BAD_PLACE_START
    )
    return starts and not _INSTITUTION_AFTER.match(sample, k + len(name))


# provinces whose bare name is also a prefecture of another province (海南 of 青海, beside
# 西宁 and 海东): printed bare among that province's places, the prefecture
_PROVINCE_HOMONYMS: dict[str, list[str]] = lex.data()["owners"]["province_homonyms"]


def _homonym_of_a_prefecture(sample: str, name: str) -> bool:
    """`name` is printed bare, never with 省, in a text that names the places around the
    prefecture of that name (rule owner.province_homonym)."""
    neighbours = _PROVINCE_HOMONYMS.get(name, [])
    return name + "省" not in sample and any(n in sample for n in neighbours)


def _province(sample: str, owner: str | None) -> str | None:
    """The province a text is about: of its owner (辽宁省政府), else the one it names most."""
    for name in own.PROVINCES:
        if owner and owner.startswith(name):
            return name + "省"
    counts: Counter[str] = Counter()
    # a province inside a quoted name (“澜湄·云南号” a train, “云南味道” a brand) is no
    # place the text speaks for
    sample = _QUOTED_NAME.sub("", sample)
    for name in own.PROVINCES:
        if _homonym_of_a_prefecture(sample, name):
            continue
        n = sample.count(name)
        # printed once and bare, a province may be a word of a name (华电黑龙江区域,
        # 青海大学): with its level word (青海省), twice, or once on its own (湖南日报)
        if n >= 2 or (n == 1 and (name + "省" in sample or _province_on_its_own(sample, name))):
            counts[name] = n
    return counts.most_common(1)[0][0] + "省" if counts else None


def _cut_place(sample: str, at: int, name: str, seen: dict[str, set[str]]) -> bool:
    """A name read after a function character that is the tail of a longer name: 浩特市
    after 和 in 呼和浩特市.  Every time the text prints the name, the same Han character
    stands two places before it (呼 of 呼和), and it is no place's suffix: a cut name.
    `seen` keeps what stands before each name for the other matches of the text."""
    before = seen.get(name)
    if before is None:
        at_all = _occurrences(sample, name)
        # a name printed once shows nothing that stands before it every time (会议在松阳县)
        before = seen[name] = {sample[k - 2 : k] for k in at_all} if len(at_all) > 1 else set()
    if len(before) != 1:
        return False
    (two,) = before
    return (
        len(two) == 2
        and "\u4e00" <= two[0] <= "\u9fff"
        and two[0] not in "市省县区州旗的了是在对向于从将把被并和与及、"
        and sample[at] == two[1]
    )


def _occurrences(sample: str, word: str) -> list[int]:
    out, k = [], sample.find(word)
    while k >= 0:
        out.append(k)
        k = sample.find(word, k + 1)
    return out


# a development zone named by its place (临川高新区); each name ends with one of
# _ZONE_WORDS (新区 also ends 高新区), so a text without them is not searched
_ZONE = re.compile(r"(?<![" + HAN + r"])([" + HAN + r"]{2,4}(?:经开区|高新区|开发区|新区|自贸区))")
_ZONE_WORDS = ("新区", "开发区", "经开区", "自贸区")


# the levels whose names the gazetteer vouches for before the character vetoes: a district
# may be a common noun too (新城区, 矿区)
_GAZETTEER_LEVELS = ("市", "县")


# a text prints its places many times: each printed form is read once
@lru_cache(maxsize=4096)
def _place_name(printed: str, kind: str) -> str | None:
    """The name of a place _PLACE_RE or _PLACE_AFTER_VERB found printed before its level
    word `kind`, or None for no place's name."""
    if kind in _GAZETTEER_LEVELS:
        # a city or county of the gazetteer, printed whole or after a lead character (对本溪),
        # is a place whatever characters its name holds (东营市, 盐城市, 营口市, 和田市,
        # 本溪市, 景德镇市), though each of them ends or opens function words elsewhere
        # (rule owner.gazetteer_name)
        tail = own.known_tail(printed, kind)
        if own.known_place(tail, kind):
            return tail
    name = printed
    # "15号盘锦市": the name starts after the last character no place holds
    cut = max((i for i, ch in enumerate(name) if ch in _BAD_PLACE_CHARS), default=-1)
    if 0 <= cut <= len(name) - 3:
        name = name[cut + 1 :]
    # 访余姚市, 对话余姚市: a page's lead word or its tail before a place the
    # gazetteer knows (own.known_tail)
    name = own.known_tail(strip_lead_words(name), kind)
    # 中 ends function words (其中, 集中) but opens names (中宁县, 中卫市)
    bad = name[1:] if name[0] == "中" else name
    # 城中区, 城关区: a district named after its quarter of the city holds 城
    if name in _QUARTER_NAMES and kind == "区":
        bad = ""
    if name.startswith(_BAD_PLACE_START) or not _BAD_PLACE_CHARS.isdisjoint(bad):
        return None
    if name[-1] in "一二三四五六七八九十两几多":
        return None  # 桂西五县, 沿海三市: a count of places, not a name
    if kind == "州" and name[-1] in "市县区":
        return None  # 各市州, 分市州: the cities and prefectures together, no name
    if name[-1] in "市县区" and not set(name) <= set("市县区"):
        # 来到道县市重点项目: a place whose level word ends its name (道县) and the level
        # of what follows (市重点项目), no place 道县市 (rule owner.level_after_a_place);
        # levels named together (县市区) are read as before
        return None
    if kind == "市" and (name[-1] == "盟" or name.endswith("设区")):
        # 其他盟市, 各盟市: leagues and cities together; 全省10个设区市, 报设区市政府: a
        # class of cities (those divided into districts), no city's name
        return None
    if kind == "区" and name.endswith("自治") and name[:-2] not in own.AUTONOMOUS_SHORT:
        return None  # 受自治区人民政府委托: 自治区 after a verb, no name
    return name


# 排湘潭市第一, 居青湖市前列, 在临川市排名第二: the place a figure is ranked in holds the
# text's place, it is not the text's own
_RANK_VERB_AFTER = re.compile(r"(?:排名|排在|排|位居|位列|居)第")
_RANK_AFTER = re.compile(r"首位|前列|第[\d一二三四五六七八九十]{1,2}[位名]?[,，。；;、]")


def _ranked_in(sample: str, start: int, end: int) -> bool:
    """The place printed at sample[start:end] is the base of a ranking, or a peer in one."""
    if _RANK_VERB_AFTER.match(sample, end) or own.ranking_peer(sample, start, end):
        return True
    return sample[max(0, start - 1) : start] in ("排", "居", "列") and bool(
        _RANK_AFTER.match(sample, end)
    )


def _places(sample: str, title: str, suffix: str) -> dict[str, str]:
    """The places a text names, counted, and the one it names most of each level.
    `suffix` is the text's own level word (_own_suffix), computed once by the caller."""
    counts: dict[tuple[str, str], int] = {}
    seen: dict[str, set[str]] = {}
    # the names printed once at least outside a list of places (甲地区、乙州、丙地区): a
    # name the text prints only as a list's member is one of its places, not its own
    # (rule owner.place_in_list)
    unlisted: set[str] = set()
    for rx in (_PLACE_RE, _PLACE_AFTER_VERB):
        for m in rx.finditer(sample):
            kind = m.group(2)
            name = _place_name(m.group(1), kind)
            if name is None:
                continue
            if rx is _PLACE_AFTER_VERB and _cut_place(sample, m.start(), name + kind, seen):
                continue
            if _ranked_in(sample, m.end(1) - len(name), m.end()):
                continue
            if own.opens_a_project_name(sample, m.end(1) - len(name), m.end()):
                continue
            # a place that opens the name of a project of a list (rule
            # owner.place_in_project_name)
            if _in_project_list(sample, m.end(1) - len(name), m.end()):
                continue
            if not _listed_at(sample, m.end(1) - len(name), m.end() - m.end(1) + len(name)):
                unlisted.add(name + kind)
            counts[(name + kind, kind)] = counts.get((name + kind, kind), 0) + 1
    long_names = own.long_place_names()
    for m in long_names.finditer(sample) if long_names is not None else ():
        # 呼和浩特市, 鄂尔多斯市: a name longer than the patterns above reach, printed whole
        key = (m.group(0), m.group(0)[-1])
        counts[key] = counts.get(key, 0) + 1
    for key in counts:
        if key[0] in title or key[0] in sample[:400]:
            counts[key] += 5
    # 作出平顶山更大贡献, 谱写中国式现代化洛江篇章: the place a government report speaks
    # for, with the suffix of the jurisdiction the text calls itself (全区 → 洛江区)
    for rx in _PLACE_PHRASES:
        for m in rx.finditer(sample):
            name = m.group(1)
            if name[0] in "全我本各今明该":
                continue
            if name.endswith(("市", "区", "县", "旗")):
                name, kind = name[:-1], name[-1]
            else:
                kind = suffix
            key = (name + kind, kind)
            counts[key] = counts.get(key, 0) + 3
            unlisted.add(name + kind)
    for m in _ZONE.finditer(sample) if any(w in sample for w in _ZONE_WORDS) else ():
        if not m.group(1).startswith(_BAD_PLACE_START):
            counts[(m.group(1), "zone")] = counts.get((m.group(1), "zone"), 0) + 1
    best: dict[str, str] = {"all": "、".join(n for (n, _k) in counts)}
    for kind in "市区县旗州":
        # a slogan (工业强市) is never the place, however often it is printed
        cands = [
            (n, c)
            for (n, k), c in counts.items()
            # ... nor a group of levels (县市区): the places of a level, not one place
            if k == kind
            and c >= 3
            and own.is_organisation(n)
            and not own.is_group(n)
            and (n in unlisted or kind not in "区州")
        ]
        if cands:
            best[kind] = max(cands, key=lambda nc: (nc[1], len(nc[0])))[0]
    return best


# a division of the 兵团 by its number (七师, 第七师), printed on its own or after 兵团: not
# a word ending in 师 (教师, 工程师)
_DIVISION = scanning(
    r"(?:(?<![" + HAN + r"])|(?<=兵团))(第?[一二三四五六七八九十]{1,3}师)(?![范生资长部])"
)


def _division(sample: str) -> str | None:
    """The one 兵团 division a text that speaks as a division (全师) names, as printed."""
    if "全师" not in sample:
        return None
    names = {m.group(1) for m in _DIVISION.finditer(sample[:3000])}
    return names.pop() if len(names) == 1 else None


# the head of a place, by the party committee's post or the government's
# (南平市委书记, 金凤区委副书记、区长, 江宁区区长)
_PLACE_HEAD = re.compile(
    r"([" + HAN + r"]{2,8}?(?:省|市|区|县))(?=委副?书记|代?(?:省长|市长|区长|县长))"
)


# the words of an interview itself (a reporter's byline is no interview)
_INTERVIEWED = scanning(r"采访|专访|访谈|[—-]访")


def _interviewed_place(head: str) -> str | None:
    """The first place whose head an interview names (see _PLACE_HEAD), as printed."""
    for m in _PLACE_HEAD.finditer(head):
        name = m.group(1)
        # 记者采访了金凤区: the name starts after the last character no place holds
        name = name[
            max((i + 1 for i, ch in enumerate(name) if ch in _BAD_PLACE_CHARS), default=0) :
        ]
        name = strip_lead_words(name)
        if len(name) >= 3 and own.is_organisation(name) and own.place_of_unit(name) == name:
            return name
    return None


# a league (盟) of Inner Mongolia named in a title (阿拉善盟2024年…): not an alliance (产业联盟)
_LEAGUE = re.compile(r"(?<![" + HAN + r"])([" + HAN + r"]{2,4}盟)(?=(?:19|20)\d{2}|[" + HAN + r"])")


def _title_league(title: str, sample: str) -> str | None:
    """The league a text's title names, when the text speaks as a league (全盟, 盟委, 盟旗)."""
    if not any(w in sample for w in ("全盟", "盟委", "盟旗", "我盟")):
        return None
    for m in _LEAGUE.finditer(title[:300]):
        if "联" not in m.group(1):
            return m.group(1)
    return None


_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
_MUNICIPAL_PAPER = re.compile(
    # the paper's name may follow its date with no space (2026年11月10日上海青年报)
    r"(?:(?<![" + HAN + r"])|(?<=日))(北京|上海|天津|重庆)[" + HAN + r"]{0,4}?"
    r"(?:晨报|信报|商报|青年报|时报)"
)
# a municipality's bare name, not a street named after it (北京东路) nor its paper (上海报业)
_MUNICIPALITY = scanning(
    # a city the text's own city goes to or meets (赴上海招商, 前往北京, 与北京对接) is not its own
    r"(?<![赴到在来去往与对和及至从向])("
    + "|".join(_MUNICIPALITIES)
    + r")(?![东西南北中]?[路街道]|日报|晚报|报|时报|电视|广播|卫视|站)"
)
# a province named bare at the head of a headline, as its subject: not a paper or a
# station of the province (黑龙江日报, 湖南卫视) nor a province named with its level (山西省)
_BARE_PROVINCE = re.compile(
    r"\s*(" + "|".join(own.PROVINCES) + r")(?!省|日报|晚报|卫视|电视|广播|新闻|网|频道)"
    # (or before a colon: 海南:项目建设提速, the news's subject as a headline writes it)
    r"(?=[" + HAN + r"]|[:：])"
)


_HEADLINE_END = scanning(r"[ \t\u3000]{2,}|(?:19|20)\d{2}[-年/.]")


_HEADLINE_MAX = 60


def _headline_of(line: str) -> str | None:
    """The line up to its first wide gap or date, or None when that is longer than a
    headline.  A match of _HEADLINE_END is at most 5 characters long unless it is a run
    of blanks, so only the line's first _HEADLINE_MAX + 6 characters need searching (a
    line run together with its first paragraph may be thousands long)."""
    m = _HEADLINE_END.search(line, 0, _HEADLINE_MAX + 6)
    if m is not None and m.start() <= _HEADLINE_MAX:
        return line[: m.start()]
    return line if len(line) <= _HEADLINE_MAX else None


def _bare_province_headline(head_lines: list[str]) -> str | None:
    """The province a short headline opens on by its bare name (黑龙江加快新建高标准农田)."""
    for hl in head_lines:
        # repair may run the headline into its dateline and first paragraph: the headline
        # ends at the first wide gap or date
        headline = _headline_of(hl.strip())
        if headline is None or "。" in headline:
            continue
        m = _BARE_PROVINCE.match(headline)
        # an institution named after the province (山西农业大学, 江西银行) is no place
        if m and not _ENTITY_AFTER.match(headline, m.end()):
            return m.group(1)
    return None


# the speaker of a work report or a plan report names the government he speaks for
_SPEAKS_FOR = re.compile(
    r"(?:我代表|受)(?:第?[一二三四五六七八九十]{1,3}届)?([省市县区旗])人民政府(?:委托)?[,，]?\s?"
    r"(?:向大会)?报告"
)


# what a text writes right after its own place (owners.toml own_place_after), and the
# words of the place's own affairs a government's report writes after it (天津实际,
# 对天津工作): a municipality's text names itself so
_MUNICIPALITY_OWN_AFTER = re.compile(
    "|".join(re.escape(w) for w in lex.data()["owners"]["own_place_after"] + ["实际", "工作"])
)


def _municipality_in_own_words(sample: str) -> str | None:
    """The one municipality (天津) a text prints bare before words of its own, never with
    its level word (天津市): the city a text that calls itself 市 and names no city is by."""
    named = {
        m.group(1)
        for m in _MUNICIPALITY.finditer(sample)
        if _MUNICIPALITY_OWN_AFTER.match(sample, m.end(1)) and m.group(1) + "市" not in sample
    }
    return named.pop() if len(named) == 1 else None


def _title_municipality(title: str, sample: str) -> str | None:
    """The one municipality the title lines name bare (上海) where the text never prints it
    with 市 (上海市): the city the text's 全市 means, as the title writes it."""
    if not any(w in sample for w in ("全市", "本市", "我市")):
        return None
    named = {
        m.group(1)
        for m in _MUNICIPALITY.finditer(title[:400])
        if m.group(1) + "市" not in sample
        # 北京华联 (a firm: 北京华联超市) names no city of the text's
        and not own.opens_a_firms_name(title, m.start(1), m.end(1), sample)
    }
    return named.pop() if len(named) == 1 else None


# the national government's work report (国务院's, read to the 全国人大): it owns its targets
_NATIONAL_GOVERNMENT = "国务院"


# a newspaper page given to a development zone (第14版:今日开发区·特别报道): the zone as the
# page names it owns the page's plan
_ZONE_PAGE = re.compile(
    r"第\s?\d+\s?版[:：]\s?(?:今日|聚焦|走进|魅力)?([" + HAN + r"]{0,6}?" + own.ZONE_WORDS + r")"
)


def _national_work_report(title: str, sample: str, places: tuple[str | None, ...]) -> bool:
    """A 政府工作报告 that names no place of its own and counts the national product
    (国内生产总值; a place's report counts its 地区生产总值) is the State Council's."""
    return (
        "政府工作报告" in title + sample[:600]
        and not any(places)
        and "国内生产总值" in sample
        and "地区生产总值" not in sample
    )


# a bureau that opens a headline as its subject (临川市商务局招商引资工作取得实效): not its
# head (市商务局局长…), a meeting's spirit it carries out, nor a government (read as places)
_HEADLINE_BUREAU = re.compile(
    r"\s*#*\s*([" + HAN + r"]{2,16}?(?:局|委员会|委|办公室|厅|管委会|中心|人民政府|政府))"
    r"(?!局长|主任|书记|厅长|负责人|党组|副|[、和与及])(?=[" + HAN + r"])"
)
# a byline that names the bureau that wrote the page: "(临川市商务局 王某某)",
# "(临川市商务局供稿)", "文/临川市商务局", "作者:临川市商务局"
_BYLINE_BUREAU = scanning(
    r"(?:[(（]\s*|(?:文|稿|供稿)\s?[/／:：]\s?|作者\s?[:：]\s?)"
    r"([" + HAN + r"]{2,16}?(?:局|委员会|委|办公室|厅|管委会|中心))"
    # (市能源局负责), (市商务局牵头): a duty's marker, not the page's author
    r"(?![、,，]|\s*(?:负责|牵头|配合|主办|承办|协办|落实|等))"
    r"(?=\s*(?:["
    + HAN
    + r"]{2,3}\s*[)）]|供稿|供图|提供|[)）]|[ \t\u3000]?["
    + HAN
    + r"]{2,3}[ \t\u3000]*$|[ \t\u3000]*$))",
    re.M,
)


_HEAD_OF = re.compile(r"局长|主任|书记|厅长|负责人")


def _headline_bureau(title_lines: list[str]) -> str | None:
    """The bureau a short headline opens on as its subject, when nothing names the text's body."""
    for hl in title_lines:
        if len(hl) > 40 or "。" in hl:
            continue
        m = _HEADLINE_BUREAU.match(hl)
        # 市商务局局长…: the head (the name may not end inside his title)
        if m and not _HEAD_OF.search(hl, 0, m.end() + 2):
            name = own.clean_unit(m.group(1))
            if name and own.is_government(name):
                # 慈溪市政府召开常务会议: the government, written as its place
                place = own.government_place(name)
                return place if place and len(place) >= 3 else None
            if name and own.is_organisation(name):
                return name
    return None


def _headline_place(title_lines: list[str]) -> str | None:
    """The place a headline opens on (海北州招商引资工作取得可喜成果), if it does."""
    for hl in title_lines:
        place = own.place_of_unit(hl.strip()[:8])
        # 我县招商引资…: the text's own word names no place apart from its author
        if place and own.is_organisation(place) and place[0] not in "全我本":
            return place
    return None


def _byline_bureau(text: str) -> str | None:
    """The one bureau a byline names (the page's head or its last lines)."""
    names = {
        m.group(1) for part in (text[:600], text[-300:]) for m in _BYLINE_BUREAU.finditer(part)
    }
    names = {n for n in names if own.is_organisation(n) and not own.is_government(n)}
    return names.pop() if len(names) == 1 else None


# the publisher of a page: "来源:市交通运输局", "发布机构: 市统计局"
_PUBLISHER = re.compile(
    # (a disclosure page's metadata run into one line, its spaces gone in repair:
    # 主动公开发布机构沙坡头区发展和改革局责任部门…)
    r"(来源|发布机构|发文机关)(?:\s?[:：|]\s?|(?<=机构)\s?|(?<=机关)\s?)(["
    + HAN
    + r"]{2,20}?(?:局|委员会|委|办公室|办|厅|部|政府|中心))"
)
_PUBLISHER_SITE = re.compile(r"\s?(?:门户网站|网站|官网|官方网站|微信公众号|公众号|网)")
# a year a title names (2025年工作要点)
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s?年")


def doc_context(text: str, lines: list[Line], year: int | None) -> Doc:
    head_lines = [
        text[ln.start : ln.end]
        for ln in lines[:15]
        if ln.kind in ("content", "heading", "unitline", "furniture", "date")
    ]
    y = None
    pub_month = None
    # the page's metadata table (生成日期: | 2022-12-02 08:54:33) dates the text too
    meta_lines = [text[ln.start : ln.end] for ln in lines[:8] if ln.kind in ("table",)]
    for hl in head_lines[:8] + meta_lines:
        m = _DATELINE.search(hl)
        if m and (
            len(hl) < 80
            or "发布" in hl
            or "时间" in hl
            # a page's dateline with its clock time, run into the body's first line
            # (http://… 2012-01-04 10:31 来源: … 据统计,…)
            or (m.start() <= 60 and m.group(0).endswith(":"))
        ):
            y, pub_month = int(m.group(1)), int(m.group(2))
            break
    title_year = None
    # the title is among the first lines that are not the page's furniture (当前位置, 索引号)
    title_lines = [
        text[ln.start : ln.end] for ln in lines[:15] if ln.kind in ("content", "heading")
    ]
    for hl in title_lines[:3]:
        m = _TITLE_YEAR.search(hl)
        # a sentence ("2025年，全市经济稳中有进。") or a review heading is not a title
        if (
            m
            and len(hl) <= 60
            and not re.search(r"[到至]\s?" + m.group(1), hl)
            and "。" not in hl
            and not (_REVIEW_HEADING.search(hl) and (_NUMBERED_HEADING.match(hl) or "回顾" in hl))
            # ... nor the heading of a part that reports a year's results (2020年成绩)
            and not _YEAR_RESULTS_HEADING.fullmatch(hl)
        ):
            title_year = int(m.group(1))
            break
    # a report on 2024 published in 2025 (统计公报, 工作总结) looks back on its title year
    review_year = title_year if (y and title_year and title_year < y) else None
    if review_year is None and y and pub_month:
        review_year = _months_gone_before(text, y, pub_month)
    # the caller's year (--year, the plan's start) beats a guess from the years named
    y = y or title_year or year or document_year(text)
    title = "\n".join(h for h in head_lines if len(h) <= 60)
    plan = bool(_PLAN_TITLE.search(title[:600]))
    progress = bool(_PROGRESS_TITLE.search(title[:600]))
    owner = _issuers(head_lines[:12])
    for hl in head_lines[:12] if owner is None else ():
        if len(hl) <= 40:
            m = _TITLE_UNIT.match(hl)
            # a suffix that opens a common word (…调研道县部分省市重点项目) ends no unit's name
            # (rule owner.suffix_opens_a_word)
            if m and not own.suffix_opens_a_word(hl, m.end(1)):
                owner = own.clean_unit(m.group(1))
                break
    if owner is None:
        for i in range(len(lines) - 1, max(-1, len(lines) - 15), -1):
            if lines[i].kind == "unitline" and not own.opens_section(lines, i):
                owner = own.clean_unit(text[lines[i].start : lines[i].end].strip())
                break
    # a related-news block after the article (not a page's menu above it) is another text
    related = _RELATED.search(text, 400, 900)
    reps = own.reporters(text[: min(related.start() if related else len(text), 800)])
    plan_report = _PLAN_REPORT.search(text[:1500])
    if plan_report and own.is_organisation(plan_report.group(1)):
        owner = plan_report.group(1)
    doc_place = owner if plan_report else None
    if owner is None and "发布会" in text[:1500]:
        m = _CONFERENCE_SPEAKER.search(text[:3000])
        speaker = own.clean_unit(_PHOTO_CREDIT.sub("", m.group(1) or m.group(2))) if m else None
        if speaker and own.is_organisation(speaker):
            owner = speaker
    if owner is None:
        owner = _meeting_bureau(text)
    if owner is None:
        owner = _system_body(text)
    if owner is None:
        owner = _sector_plan_subject(text)
    if owner is None:
        owner = _body_of_listed_share(text)
    # an interview of a place's head (访南平市委书记某某, 采访了金凤区委副书记、区长某某): he
    # speaks for the place, not the body whose meeting the news opens on; a place a
    # sentence names (the region whose report he quotes) stays nearer
    interviewed = (
        _interviewed_place(text[:600])
        if owner is None and _INTERVIEWED.search(text[:600])
        else None
    )
    if owner is None and reps and not interviewed:
        owner = reps[0][1]
    if owner is None:
        # the publisher of a plan page: "来源:市交通运输局"
        m = _PUBLISHER.search(text[:1500])
        # the issuing body of a disclosure page issues the text; a source only a plan
        # a source that is a body's website (来源:市发展改革委网站) republished the news: it
        # names no issuer (rule owner.publisher_site)
        if m and _PUBLISHER_SITE.match(text, m.end()):
            m = None
        if m and (plan or m.group(1) != "来源"):
            owner = own.clean_unit(m.group(2))
            # a government issuing its disclosure page is written as its place (苍溪县政府)
            if owner and (whole := _GOV_OWNER.fullmatch(owner)) and not plan:
                owner = whole.group(1)
    if owner is None:
        # the bureau whose pages publish the text: "首页 > 部门信息公开 > 市交通运输局"
        m = _CRUMB_UNIT.search(text[:1500])
        if m and own.is_organisation(m.group(1)):
            owner = m.group(1)
    if owner is None and (g := _GUEST.search(text[:1500])):
        guest = g.group(1) or g.group(2)
        if own.is_organisation(guest):
            owner = guest
    if owner is None and _INTERVIEW_HINT.search(text[:600]) and _INTERVIEW_TITLE.search(text[:600]):
        m = next(
            (
                m
                for m in _INTERVIEW_HEAD.finditer(text[:600])
                if own.is_organisation(m.group(1) or m.group(2) or m.group(3) or m.group(4))
            ),
            None,
        )
        if m:
            owner = own.clean_unit(
                strip_lead_words(m.group(1) or m.group(2) or m.group(3) or m.group(4))
            )
    headline_place = None
    if owner is None:
        owner = _headline_bureau(title_lines[:2])
        if owner and owner[-1] in "市区县" and own.place_of_unit(owner) == owner:
            headline_place = owner
    if owner is None or owner == headline_place:
        # the body's first paragraph opens on a bureau that sets out the year's plan
        # (新年伊始,十堰市交通运输局围绕全年…计划投资65亿元的目标…): its plan, over the place
        # the headline names (rule owner.opening_bureau)
        owner = _opening_bureau(text, lines) or owner
    if owner is None and not _headline_place(title_lines[:1]):
        # a headline that opens on a place (海北州招商引资…) is about it, whoever supplied
        # the page (州经商委提供)
        owner = _byline_bureau(text)
    if owner is not None and not own.is_organisation(owner):
        owner = None
    sample = text[:100000]
    # the level the text calls itself (全市, 我区): asked four times below, counted once
    own_suffix = _own_suffix(sample)
    found = _places(sample, title, own_suffix)
    # the government whose work report it is ("五莲县县长…作政府工作报告", "临川市政府工作报告")
    # both patterns try a name at every position: run them only where their word is
    head = sample[:3000]
    gov = (
        next(
            (
                m
                for m in _GOV_REPORT.finditer(head)
                if (
                    own.is_organisation(m.group(1) or m.group(2) or m.group(3))
                    and not _speaker_glued(m.group(1) or m.group(2) or m.group(3))
                )
                or (m.group(4) and _autonomous(head))
            ),
            None,
        )
        if "政府工作报告" in head
        else None
    )
    # a congress's session is the government's report, not the venue where a department's
    # head answers the reporters (厅长通道: his department keeps its plan, rule owner.document)
    congress = (
        _CONGRESS.search(head)
        if gov is None
        and ("人民代表大会" in head or "人大" in head)
        and not (owner and _DEPARTMENT_HEAD_ANSWERS.search(head))
        else None
    )
    gov_name = (gov.group(1) or gov.group(2) or gov.group(3) or _autonomous(head)) if gov else None
    if congress:
        # "记者从刚刚闭幕的秦安县第十七届…": the name starts after the last character no place holds
        name = congress.group(1)
        cut = max(
            (i for i, ch in enumerate(name) if ch in "的了和与及在对从向于是为将把被"), default=-1
        )
        name = name[cut + 1 :]
        if len(name) >= 3 and own.is_organisation(name):
            gov_name = name
    if gov_name:
        owner = gov_name
        key = {"市": "市", "县": "县", "区": "区"}.get(gov_name[-1])
        if key:
            found[key] = _lower_place(gov_name)
    elif owner and "政府工作报告" in head and (place := _government_place(owner, text)):
        # the government whose 政府工作报告 it is owns its goals as its place (also where a
        # headline names it by its bare place: 呼和浩特政府公布…《政府工作报告》…)
        owner = place
    elif owner is None and (spoken := _SPEAKS_FOR.search(head)):
        # 我代表市人民政府,向大会报告工作 (受县人民政府委托): the report of a government the
        # text names by its level only; the jurisdiction owns its goals (全市, or the city named)
        owner = spoken.group(1) + "人民政府"
    if "市" not in found and own_suffix == "市":
        # a city notice addresses its zones by the city's name (日照经济开发区管委会): the
        # one city so named is the text's
        # (the pattern tries a name at every position; each name it finds is followed by
        # 开发区管委会 or 开发区管理委员会, so a text without 开发区管 needs no search)
        zones = (
            {m.group(1) + "市" for m in _CITY_ZONE.finditer(head)} if "开发区管" in head else set()
        )
        zones = {z for z in zones if own.is_organisation(z)}
        if len(zones) == 1:
            found["市"] = zones.pop()
    if "市" not in found:
        # a city's daily (柳州日报) is the city's when the text prints the city's full name
        # too (柳州市 in the body or the footer); a page that names its city only in the
        # paper's or the site's name speaks of 全市
        m = _CITY_PAPER.search(head) if ("日报" in head or "晚报" in head) else None
        paper = _MUNICIPAL_PAPER.search(head) if m is None and "报" in head else None
        if paper and own_suffix == "市":
            # a municipality's other paper (北京娱乐信报, 上海青年报) whose text says 全市: that
            # city, with its level word, though it prints the name only in names (北京经济
            # 技术开发区) (rule owner.municipal_paper)
            found["市"] = paper.group(1) + "市"
        today = _TODAY_PAPER.search(head) if m is None and paper is None else None
        if (
            today
            and ("我市" in sample or "全市" in sample)
            and today.group(1) + "市" in own.gazetteer_names()
            and sample.count(today.group(1)) >= 2
        ):
            # a city's paper named 今日X (今日高邮) whose text prints the city's name again
            # (…高邮东段): that city, as its daily would name it (rule owner.city_paper)
            found["市"] = today.group(1) + "市"
        if m:
            city_name = strip_lead_words(m.group(1)) + "市"
            if city_name in sample:
                found["市"] = city_name
            elif city_name[:-1] in _MUNICIPALITIES and any(
                k.group(1) == city_name[:-1] for k in _MUNICIPALITY.finditer(sample[:5000])
            ):
                # a municipality's daily (重庆日报) whose text prints the city bare outside
                # the paper's name (今年重庆招商引资…): the city as the text writes it
                found["市"] = city_name[:-1]
    if "市" not in found and own_suffix == "市":
        # a text that calls itself 全市 and names one city, however seldom (《绍兴市…纲要》 in
        # a table's row), or a provincial paper's page given to it (区域传真·长春): that city
        # (a city's daily that names its counties and one county-level city, 新泰市, is no page
        # of that city: only a text that names no other place)
        names = [n for n in found["all"].split("、") if n and own.is_organisation(n)]
        one_city = set(names) if len(names) == 1 and names[0].endswith("市") else set()
        label = _PAGE_PLACE.search(head)
        if label and not one_city:
            one_city = {label.group(1) + "市"} - {"全市", "本市"}
        if not one_city:
            # a headline that opens on its city's bare name and a colon (兰州:…目标任务适度
            # 调整): the news's city (rule owner.headline_city)
            one_city = _headline_city(head)
        if len(one_city) == 1:
            found["市"] = one_city.pop()
    if "市" not in found and own_suffix == "市":
        # a municipality the title names bare (…提出今年上海主要预期目标) and the text never
        # writes with 市: 全市 is that city, written as the title writes it
        muni = _title_municipality(title, sample)
        if muni:
            found["市"] = muni
    self_level = _self_level(sample[:5000])
    if self_level is None and found.get("市"):
        # a text that never calls itself by a level and prints a place under its city more
        # often than the city (湛江市…现场会在廉江召开, then 廉江 again and again): the one
        # so printed most (rule owner.place_below_named_most)
        below = own.place_below_named_most(sample[:5000], found["市"])
        if below is not None:
            found.pop("市")
            found[below.level] = below.name
    if self_level in ("市", "县") and self_level not in found:
        # a text that calls itself 全市/我市 and prints its city only bare (打造新慈溪):
        # the gazetteer's one city so printed (rule owner.gazetteer_seat)
        seat = own.seat_of(own.printed_places(sample[:5000]), self_level, need_level_word=False)
        if seat:
            found[self_level] = seat
    if self_level in ("市", "县") and self_level not in found:
        # a text that calls itself 全县/我县 and names one place of the gazetteer, once and
        # with its level word (临川县 in its last paragraph): that county.  A city's daily
        # that names its counties (新泰市, 东平县) names no one place of its own
        in_gazetteer = {n for n in found["all"].split("、") if n in own.gazetteer_names()}
        if len(in_gazetteer) == 1 and next(iter(in_gazetteer)).endswith(self_level):
            found[self_level] = in_gazetteer.pop()
        elif not in_gazetteer:
            # ... or names its government where the place patterns do not read it
            # (公开责任部门 | 紫阳县政府办公室): that one place
            governed = own.places_governing(sample[:5000], self_level)
            if len(governed) == 1:
                found[self_level] = governed.pop()
    if self_level in ("市", "县") and self_level not in found:
        # ... or prints its place once, bare, before words of its own development (为随州发展
        # 贡献力量, 视察江西和赣州重要讲话精神): that place (rule owner.place_in_own_words)
        named = own.place_in_own_words(sample[:5000], self_level)
        if named:
            found[self_level] = named
    if "市" not in found and self_level in ("市", None):
        # ... or a municipality, which the gazetteer does not hold, printed bare before words
        # of its own (视察天津重要讲话精神, 紧密结合天津实际): that city, with its level word as
        # its government names itself (rule owner.municipality_in_own_words)
        muni = _municipality_in_own_words(sample[:5000])
        if muni:
            found["市"] = muni + "市"
    if "市" not in found and self_level not in ("市", None) and _SPEAKS_AS_CITY.search(sample):
        # a city's report of a meeting above it (全省…会议召开 我市设分会场) calls itself 全市
        # and 我市 fewer times than it names the province: the gazetteer's one city it prints
        # twice, once whole at least, is the one its 全市 means (rule owner.city_under_a_meeting)
        seat = own.seat_of(own.printed_places(sample[:5000]), "市", need_level_word=True)
        if seat:
            found["市"] = seat
    if "县" not in found and self_level in ("县", None):
        # a county named by one character (宾县人民政府, 深入道县): the place patterns want
        # two characters before 县, so its own text (全县, or none) finds it here
        single = own.one_character_county(sample[:5000])
        if single:
            found["县"] = single
    if owner and owner[0] not in "市县区省州旗" and own.place_of_unit(owner) is None:
        # an interviewed head of 发改局 whose bureau the text also prints with its level
        # (县发改局): the bureau as the text names it whole
        leveled = {w + owner for w in "市县区省" if w + owner in sample}
        if len(leveled) == 1 and own.is_organisation(next(iter(leveled))):
            owner = leveled.pop()
    if owner and owner[0] in "市县区" and owner.endswith(("局", "委")) and "政府" not in owner:
        # a head interviewed under his bureau's full name (泸州市交通局局长某某): the bureau as
        # that line prints it, when the text prints it so one way only
        full = {m.group(1) + owner for m in re.finditer(r"([" + HAN + r"]{2,3})" + owner, sample)}
        full = {f for f in full if own.is_organisation(f) and own.place_of_unit(f) != f}
        # its place one the text names as a place (not 方案报市交通运输局)
        named_places = set(found.get("all", "").split("、"))
        full = {f for f in full if f[: len(f) - len(owner) + 1] in named_places}
        if len(full) == 1:
            owner = full.pop()
    places: list[str] = []
    for u in [owner] + [r[1] for r in reps]:
        p = own.place_of_unit(u)
        if p and p not in places:
            places.append(p)
    for key, p in found.items():
        for name in p.split("、") if key == "all" else [p]:
            if name and name not in places:
                places.append(name)
    # a place is a name that governs: not a thing (棚户区) nor a slogan (工业强市)
    places = [p for p in places if own.is_organisation(p)]
    for key in "市区县":
        if key in found and not own.is_organisation(found[key]):
            del found[key]
    gov_place = own.government_place(owner) if owner else None
    if gov_place and len(gov_place) >= 3:
        headline_place = headline_place or gov_place  # 慈溪市政府 (its office) speaks for 慈溪市
    if headline_place and headline_place[-1] in "市区县" and headline_place[-1] not in found:
        found[headline_place[-1]] = headline_place  # its 全市 is that city
    lowest = _lowest_place(owner) if owner else None
    if lowest and lowest[-1] in "市区县" and lowest[-1] not in found:
        found[lowest[-1]] = lowest  # its 全县 is that county
    city, district, county = found.get("市"), found.get("区"), found.get("县")
    autonomous = _autonomous(sample[:3000]) if "全区" in sample or "自治区" in sample else None
    if self_level == "区" and not (district or autonomous) and owner is None:
        # a development zone's text (全区 its own word) whose headline names the zone
        # (长春高新区今年计划建设项目100个): its 全区 is that zone (rule owner.zone_headline)
        zones = {
            m.group(1)
            # the zone opens the headline as its subject (the headline may run into the
            # first paragraph); a zone it names further on (…成绩包括铜仁高新区) is another's
            for h in head_lines[:6]
            if (m := _ZONE.match(h.strip())) and not m.group(1).startswith(_BAD_PLACE_START)
        }
        if len(zones) == 1:
            district = zones.pop()
    if "州" not in found and "全区" in sample and not (district or autonomous):
        # a prefecture named 地区 (大兴安岭地区, 阿里地区) calls itself 全区
        area = _area_prefecture(sample)
        if area:
            found["州"] = area
            district = area
    if "州" not in found and not district and _PREFECTURE_SELF.search(sample[:5000]):
        # a prefecture named 地区 speaks of its own 地委 and 行署 (在地委的坚强领导下), not of
        # 全区, and may print its name only bare (塔城口岸): the one such prefecture of the
        # gazetteer whose name it prints, over the autonomous region above it (新疆工作)
        areas = {n for n in _area_names() if n[:-2] in sample}
        if len(areas) == 1:
            found["州"] = district = areas.pop()
    if doc_place and doc_place == owner and doc_place[-1] in "市区县":
        found[doc_place[-1]] = _lower_place(doc_place)
    region = own.place_of_unit(owner)
    if region and owner and _TWO_LEVELS.fullmatch(owner):
        region = _lower_place(owner)
    if lowest:
        # a unit named with the places above it (山东省聊城市茌平县招商局): the lowest
        region = lowest
    township = _TOWNSHIP_GOVERNMENT.search(owner) if owner and region else None
    if township:
        # a township's government named with the levels above it (重庆市巴南区木洞镇人民政府):
        # its figures are the township's, not the city's its name opens with
        region = township.group(1)
    if region is None:
        wholes = (("全市", city), ("全区", district or autonomous), ("全县", county))
        # the level the text calls itself most first (全区 of a district's text that cites
        # 全市 once)
        for w, named in sorted(wholes, key=lambda wn: wn[0][1] != self_level):
            # (我区, 本区: the text calls itself so as well, 我区30个重点项目…)
            if w in sample or (named and ("我" + w[1] in sample or "本" + w[1] in sample)):
                region = named or w
                break
        else:
            # a province's text (全省 its own level word) that names a city in passing (兰州市
            # 6次挖破…事故) is not that city's: the province, found below
            provincial = self_level == "省"
            # ... nor is the text of a province it prints with 省 more often than the one
            # city it names (贵州省重大工程项目… ranked 贵阳市、黔西南州、六盘水市): the province
            # (rule owner.province_over_city)
            over = _province_over_city(sample[:5000], city) if city and not provincial else None
            region = (
                over or (None if provincial else city) or ("全国" if "全国" in sample else None)
            )
        # a banner's text (全旗, 我旗) that names the league's city once (全市经济工作会议)
        if "全旗" in sample and sample.count("全旗") > sample.count("全市"):
            region = found.get("旗") or "全旗"
    if owner is None and city and re.search(r"政府工作报告|我市|全市", title + sample[:3000]):
        owner = city
    report_period = None
    first = "\n".join(text[ln.start : ln.end] for ln in lines[:25] if ln.kind != "blank")[:1500]
    cands = (
        [
            t.period
            for t in find_times(first, y, pub_month, review_year)
            if t.period and t.role == "past" and _PROGRESS_PERIOD.search(t.period)
        ]
        if _PROGRESS_HINT.search(first)
        else []
    )
    months = [p for p in cands if "M" in p]
    report_period = months[0] if months else cands[0] if cands else None
    # a text that calls itself a province (全省, 我省, 省政府): the province it names
    provincial = self_level == "省" or "全省" in sample or "我省" in sample
    province = _province(sample[:5000], owner) if provincial else None
    # a news headline that opens on the province's bare name (河北:18项民生工程…): the
    # province as the headline writes it, which 全省 in the sentences means
    lead = next((m for h in head_lines[:4] if (m := _HEADLINE_PLACE.match(h))), None)
    if lead and lead.group(1) in own.PROVINCE_SET and owner is None:
        if province in (None, lead.group(1) + "省"):
            province = lead.group(1)
        if region is None:
            region = lead.group(1)
    # a news headline that opens on the province's bare name as its subject (黑龙江加快新建…)
    # names the province as the text first does: its government found below (黑龙江省第十三届
    # 人民代表大会) and 全省 are written so too
    bare = _bare_province_headline(head_lines[:4])
    if bare and (owner is None or owner == bare + "省") and province in (None, bare + "省"):
        province = bare
        owner = bare if owner else None
        if region in (None, bare + "省"):
            region = bare
    if region is None and self_level == "省" and province:
        region = province  # rule owner.provincial_region
    if region == "全国" and owner is None and self_level is None and province is None:
        # a text about one province that names the country once in passing (陕西省以重点项目
        # 建设为抓手…, and 全国 once): the province it names more often than the country, as
        # it prints it (rule owner.provincial_region)
        named = _province(sample[:5000], None)
        if named and sample[:5000].count(named[:-1]) > sample[:5000].count("全国"):
            region = named if named in sample[:5000] else named[:-1]
    if region is None and owner is None and self_level is None and not (city or district or county):
        # a text that names neither a body nor a level of its own, only a province, with its
        # level word, as the subject of its figures (吉林省交通基础设施建设完成投资…, 全年确保
        # 目标…): that province (rule owner.provincial_region)
        named = _province(sample[:5000], None)
        if named and sample[:5000].count(named) >= 2:
            region = named
    if owner is None and _national_work_report(title, sample, (city, district, county, province)):
        owner = _NATIONAL_GOVERNMENT
    zone_page = _ZONE_PAGE.search(sample[:1500])
    if owner is None and zone_page and not (city or district or county):
        owner = zone_page.group(1)
    jurisdiction = _jurisdiction(
        sample[:5000],
        city,
        _first_named(sample, district)
        if district and not (city or owner)
        else district or autonomous,
        county,
        province,
        found.get("旗"),
        title_level=_title_level(title),
        self_level=self_level,
    )
    if jurisdiction is None and owner is None and self_level is None:
        # a text that never says 全市/我县 nor names a place the usual way (围绕平昌县“2+2”…
        # 平昌发展): the one place of the gazetteer it prints, once with its level word; a
        # government's own work text (政府工作的总体要求) may print it bare (以金华的“稳”)
        government = "政府工作" in title[:600] + sample[:600]
        jurisdiction = own.seat_of(
            own.printed_places(sample[:5000]), "", need_level_word=not government
        )
        if jurisdiction is None and government:
            # ... or prints it before words of its own development (作出漾濞贡献), where
            # seat_of finds two places as often printed (融入大理, 把漾濞打造成…)
            jurisdiction = own.place_in_own_words(sample[:5000], "")
    if owner is None and region is None and jurisdiction is None and title_lines:
        # a text that opens on a place as its subject (锡林郭勒盟全面贯彻落实…) and names
        # no body nor jurisdiction otherwise: that place (owner.region)
        region = jurisdiction = own.opening_place(title_lines[0])
    if jurisdiction is None and owner is None and region is None and self_level is None:
        # ... nor a place its title opens with: the level whose committee it names (全县)
        jurisdiction = _committee_level(sample[:5000])
    if interviewed and owner is None:
        region = interviewed
    # the headline may run into the first paragraph (repair joins them): its opening only
    league = (
        _title_league("\n".join(h[:40] for h in head_lines[:4]), sample) if owner is None else None
    )
    if league:
        # a league's text (阿拉善盟2024年…, 全盟): its 全区 is the autonomous region above it
        jurisdiction = league
        if region is None or region.startswith("全"):
            region = league
    division = _division(sample) if owner is None and region is None else None
    if division:
        # a 兵团 division's text (全师…, 七师攻坚克难): the division as printed owns its figures
        region = division
        if jurisdiction is None or jurisdiction.startswith("全"):
            jurisdiction = division
    if owner is None and (region or jurisdiction):
        # a text that reports several places in turn, each leading its own paragraphs (在包头市
        # 分会场…, 鄂尔多斯市分会场设在…, a launch day in several cities): no one of them is the
        # place of a paragraph that names none; its earlier sentences are (rule
        # owner.places_in_turn)
        in_turn = _places_in_turn(text, lines)
        above = {region, jurisdiction}
        if len(in_turn) >= 3 and not any(
            (pl := own.place_named(n)) is not None and pl.above in above for n in in_turn
        ):
            region = jurisdiction = None
    return Doc(
        text,
        y,
        plan,
        owner,
        places,
        region,
        reps,
        city=city,
        district=district,
        county=county,
        pub_month=pub_month,
        report_period=report_period,
        province=province,
        jurisdiction=jurisdiction,
        progress=progress,
        # a congress's session (省十二届人大一次会议开幕) is no sector's work meeting
        meeting="会议" in _CITED_MEETING.sub("", title[:200]),
        progress_column=bool(_PROGRESS_COLUMN.search(text[:3000])),
        autonomous=autonomous,
        prefecture=found.get("州"),
        review_year=review_year if (progress or not plan) else None,
    )


# months summed up from January (1-11月, 截至11月底, 据统计,到11月底), printed without a year
_MONTHS_GONE = re.compile(
    r"(?<![0-9年])(?:(?:1|一)\s?[-－—~～至到]\s?([0-9]{1,2})\s?月(?!\d)"
    r"|(?:截至|截止|据统计[,，]\s?到)\s?([0-9]{1,2})\s?月(?:底|末|份)?(?![0-9日号]))"
)


def _months_gone_before(text: str, year: int, pub_month: int) -> int | None:
    """The year a report dated early in `year` looks back on: its first count of months
    from January ends after the month it is dated (1-11月 in a page of 4 January 2012),
    so those months are last year's."""
    m = _MONTHS_GONE.search(text, 0, 3000)
    # (2019 年 1-5 月: the months' own year is printed, and it is the text's)
    if m is None or text[max(0, m.start() - 6) : m.start()].rstrip().endswith("年"):
        return None
    end = int(m.group(1) or m.group(2))
    return year - 1 if pub_month < end <= 12 else None


# what may stand before the place a paragraph opens on (在包头市分会场, 今年,鄂尔多斯市…)
_PARAGRAPH_LEAD = re.compile(r"[ \t\u3000]*(?:在|今年[,，]?|目前[,，]?|同时[,，]?)?")


def _places_in_turn(text: str, lines: list[Line]) -> set[str]:
    """The places of the gazetteer, written whole, that open the text's paragraphs."""
    opened = set()
    for ln in lines:
        if ln.kind != "content":
            continue
        m = _PARAGRAPH_LEAD.match(text, ln.start, ln.end)
        k = m.end() if m else ln.start
        place = own.opening_place(text[k : min(ln.end, k + 16)])
        if place:
            opened.add(place)
    return opened


# ---------------------------------------------------------------- the frames of sections

_TARGET_HEADING = lex.cue("target_heading")
_HEADING_SENT_MARK = re.compile(r"[。；;！？!?，,]|\d+(?:\.\d+)?\s?[%亿万个]")
# the first of a numbered sequence at its level (一、 (一) 1. (1) ①): a new run of headings
_FIRST_ORDINAL = re.compile(r"\s*#*\s*(?:一、|[(（]一[)）]|1\s?[.、．](?!\d)|[(（]1[)）]|①)")


@dataclass
class Frame:
    """What a section holds, from its heading or from the heading of the part it is in.

    role: "review" (工作回顾, 完成情况) or "target" (主要预期目标, 工作安排) or None;
    past_year: the year a review section looks back on; inherited: the role comes from
    a senior heading (一、经济运行… under 2025年工作回顾), not from the section's own.
    """

    role: str | None = None
    past_year: int | None = None
    inherited: bool = False


def bare_heading(text: str, ln: Line) -> bool:
    """A short line with no sentence in it that says what follows (2024年工作回顾,
    主要预期目标): a heading, though printed without a number."""
    if ln.kind != "content" or ln.end - ln.start > 20:
        return False
    line = text[ln.start : ln.end]
    if "关于" in line or "通知" in line:
        return False  # a notice's title: the plan rules read it
    if _HEADING_SENT_MARK.search(line):
        return False
    return bool(_REVIEW_HEADING.search(line) or _TARGET_HEADING.search(line))


def past_heading(heading: str, year: int | None) -> int | None:
    """The year a review heading looks back on ("一、2024年工作回顾", "过去一年工作")."""
    m = re.search(r"((?:19|20)\d{2})\s?年", heading)
    if m and year and int(m.group(1)) < year:
        return int(m.group(1))
    if year and re.search(r"回顾|过去一年|上年工作|去年工作", heading):
        return year - 1
    return None


def heading_role(heading: str) -> str | None:
    """What a heading says its section holds: "review" (工作回顾, 完成情况) or "target"."""
    if _REVIEW_HEADING.search(heading):
        return "review"
    if _TARGET_HEADING.search(heading):
        return "target"
    return None


def section_frames(
    text: str, lines: list[Line], year: int | None, review_year: int | None = None
) -> list[Frame]:
    """The frame of every line: what the heading of its section, or of the part that
    section belongs to, says the section holds.

    Headings nest by level (an unnumbered heading line, then 一、, (一), 1.): a heading
    that says nothing of its own takes the frame of the nearest senior heading that
    does, so that 一、经济运行量质齐升 under "2025年工作回顾" reviews 2025.  The frame
    ends at a heading of the same or a senior level, and at a numbering that starts
    again (a second 一、 under the same part: the next part, its heading lost).
    """
    out: list[Frame] = []
    cur = Frame(past_year=review_year)
    # the headings that set a frame, senior first: (level, frame, levels seen under it)
    stack: list[tuple[int, Frame, set[int]]] = []
    for ln in lines:
        is_heading = ln.kind == "heading"
        if is_heading or bare_heading(text, ln):
            heading = text[ln.start : ln.end]
            level = ln.level if is_heading else 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack and level in stack[-1][2] and _FIRST_ORDINAL.match(heading):
                stack.pop()  # 一、 again: the next part, its own heading lost
            for entry in stack:
                entry[2].add(level)
            role = heading_role(heading)
            past = past_heading(heading, year)
            if role == "review" and not past and stack and stack[-1][1].role == "review":
                past = stack[-1][1].past_year  # 一、主要指标完成情况 under 2025年工作回顾
            if role or past:
                cur = Frame(role, None if role == "target" else past or review_year)
                stack.append((level, cur, set()))
            elif stack:
                top = stack[-1][1]
                cur = Frame(top.role, top.past_year, inherited=True)
            else:
                cur = Frame(past_year=review_year)
        out.append(cur)
    return out
