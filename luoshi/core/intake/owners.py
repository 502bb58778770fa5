"""Owners from the document's own structure.

- Unit names: `find_units` finds names such as 市商务局, 哈市住建局, 住建部,
  松阳县发展和改革局 in a phrase.
- Sections: `section_owners` gives, for every line, the unit whose section the
  line belongs to, after repairing a newspaper layout: sections opened by a
  heading that names a unit are closed by bylines; fragments that follow a
  byline but belong to an earlier section (a column continued further down the
  page) are given back to the section they continue, by vocabulary similarity.
- Document owners: the unit in the title, the signing unit at the end, the unit
  that presents the plan (据X介绍, X召开, X公布).
- Regions for statistics: provinces, named regions, the document's own places.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lex
from .fastre import scanning
from .repair import Line

HAN = r"\u4e00-\u9fff"
_UNIT_SUFFIX = r"(?:常委会|委员会|管委会|办公室|工作部|人民政府|政府|指挥部|局|厅|委|办|部|中心|有限公司|公司|集团)"
# what the units after the lead do (市财政局配合, 各县区政府落实): they help, the lead owns it
_HELPERS = r"(?:协办|配合|参与|具体落实|落实|共同推进|实施)"
# a suffix's character that opens a common word (谋划部署, 新的局面, 委托, 办法) ends no name
# (rule owner.suffix_opens_a_word)
_SUFFIX_OPENS_WORD = r"(?<=部)[署分]|(?<=局)[面势]|(?<=委)托|(?<=办)法"
_UNIT_RE = re.compile(
    r"["
    + HAN
    + r"]{1,16}?"
    + _UNIT_SUFFIX
    + r"(?!["
    + HAN
    + r"]{0,1}[部门]|"
    + _SUFFIX_OPENS_WORD
    + r")"
)
_SUFFIX_OPENS_WORD_RE = re.compile(_SUFFIX_OPENS_WORD)


def suffix_opens_a_word(text: str, end: int) -> bool:
    """The unit's suffix that ends at text[end] opens a common word (部署, 部分, 局面)."""
    return _SUFFIX_OPENS_WORD_RE.match(text, end) is not None


_STOP_BEFORE = set("据由在经对向与从把将被是为的了起到并或让请给叫使等")
_BAD_UNIT = re.compile(
    r"^(?:[东西南北中内外全总局干一各本该其基]部|部|局|委|办|全局|大局|格局|布局|开局|结局|当局|"
    r"俱乐部|干部|内部|外部|全部|总部|部分|党委|纪委|居委|村委)$"
)
_BAD_UNIT_END = re.compile(r"(?:[东西南北中内外全总上下头尾顶底]部|格局|布局|开局|大局|全局)$")
# a unit announces (市交通局近日召开…) or its head speaks (局长张明介绍): pieces of
# _REPORTER_RE that _REPORTER_NEED looks for too
_ANNOUNCES = (
    r"(?:近日|日前|今天|今日|昨天|昨日)?"
    r"(?:召开|公布|披露|印发|发布|组织召开|举行|部署|制定|网站公布|表示|日前召开|数据显示)"
)
_REPORTER_TITLE = r"(?:局长|主任|厅长|部长|司长|署长|负责人|主席)"
_REPORTER_RE = re.compile(
    r"(?:据|由)(["
    + HAN
    + r"()（）]{2,20}?"
    + _UNIT_SUFFIX
    + r")(?:有关负责人|负责人|相关负责人)?(?:介绍|消息|透露|统计|数据)"
    r"|(["
    + HAN
    + r"()（）]{2,20}?"
    + _UNIT_SUFFIX
    + r")"
    + _ANNOUNCES
    # the head of a body presents its plan (新闻发布会上,市住建局局长张明介绍): the body
    + r"|(["
    + HAN
    + r"()（）]{2,20}?"
    + _UNIT_SUFFIX
    # (the party post before the title may be closed by a comma: 党组成员,副局长)
    + r")(?:(?:党组书记|党委书记|党组成员)[、,，])?副?"
    + _REPORTER_TITLE
    # a second post after 、 (副主任、新闻发言人), the day after the name (某某27日介绍)
    + r"(?:、新闻发言人)?["
    + HAN
    + r"·]{0,4}?(?:\d{1,2}日)?"
    # where he speaks (在会上, 在发布会上, 在南昌, 在会上发言): a short phrase after 在, not
    # a time (在日前表示 keeps the words of the whole it reports on)
    + r"(?:在(?!日前|近日|今天|今日|昨天|昨日|当天)["
    + HAN
    + r"]{1,7}?)?(?:介绍|表示|透露|作工作报告|作报告)"
    # "记者今天从住房城乡建设部获悉": the body the news comes from
    r"|从([" + HAN + r"()（）]{2,20}?" + _UNIT_SUFFIX + r")(?:获悉|了解到)"
)
# Every match of _REPORTER_RE holds one of these, whichever branch matched: a head's
# title, or a unit's suffix right before the words that close its branch (召开, 介绍,
# 获悉 …).  A window without any cannot hold a match, and this search (no unit name
# tried at every position) is about ten times cheaper than _REPORTER_RE's.
_REPORTER_NEED = scanning(
    _REPORTER_TITLE
    + "|"
    + _UNIT_SUFFIX
    + "(?:"
    + _ANNOUNCES
    + "|(?:有关负责人|负责人|相关负责人)?(?:介绍|消息|透露|统计|数据)|获悉|了解到)"
)
_LEAD_RE = re.compile(
    r"由([" + HAN + r"、()（）]{2,40}?)(?:牵头|负责|主抓|承办)"
    r"|[(（](["
    + HAN
    + r"、]{2,40}?)(?:牵头|分别负责|负责|主办)(?:[,，]["
    + HAN
    + r"、()（）〔〕]{2,60}?"
    + _HELPERS
    + r")?[)）]"
    # 主责单位是市发展改革委、各区政府 (news of a breakdown names the field in prose)
    r"|(?:牵头单位|责任单位|责任部门|牵头部门|主责单位|主责部门)\s?(?:[:：]|是|为)\s?(["
    + HAN
    + r"、]{2,40})"
    r"|(?:^|[,，;；。])([" + HAN + r"]{2,20}?" + _UNIT_SUFFIX + r")牵头(?!单位|部门)"
)
# Every match of _REPORTER_RE contains one of these words, and every match of
# _LEAD_RE one of the next: a quick search for them spares the slow patterns
# (which try a unit name at every position) on most text.
_REPORTER_HINT = re.compile(
    r"介绍|消息|透露|披露|统计|数据|召开|公布|印发|发布|举行|部署|制定|表示|获悉|了解到|作工作报告|作报告"
)
_LEAD_HINT = re.compile(r"牵头|负责|主抓|承办|主办|责任单位|责任部门|主责单位|主责部门")
# 各有关单位, and a government's departments named by their role (省政府各牵头部门)
_ADDRESSEE_UNIT = (
    r"(?:[省市区县](?:人民)?政府)?各["
    + HAN
    + r"()（）、]{0,20}?(?:单位|部门|街道|乡镇|镇街|县区|区县)"
)
_ADDRESSEE_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、[^。]{0,12}。)?\s?(?:请|由)?("
    + _ADDRESSEE_UNIT
    + r"(?:[、和及]"
    + _ADDRESSEE_UNIT
    + r"){0,3}(?:[(（]["
    + HAN
    + r"]{1,10}[)）])?)(?=要|须|应|需|于|在|对|将|务必|按|认真|结合|\s?[,，])"
)

# a notice's request after its preamble (现将…分解,请各地、各部门“一把手”亲自抓,…于1月23日前报):
# the units asked own the duty
_REQUESTED_RE = re.compile(
    r"[,，]请(" + _ADDRESSEE_UNIT + r"(?:[、和及]" + _ADDRESSEE_UNIT + r"){0,3})"
    r"(?=要|须|应|需|于|在|对|将|务必|按|认真|结合|“|\s?[,，])"
)

PROVINCES = (
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 "
    "云南 陕西 甘肃 青海 台湾"
).split()
OTHER_REGIONS = (
    "北京 天津 上海 重庆 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 京津冀 长三角 珠三角 粤港澳大湾区 "
    "成渝 东北 全国 全省 全市 全区 全县 全州 我市 本市 我区 本区 我县 本县 我州 本州 我省 本省 "
    "全盟 我盟 本盟 全旗 我旗 本旗"
).split()
# the same names as a set, for membership (asked for every owner found: normalise_region)
PROVINCE_SET = frozenset(PROVINCES)
_AUTONOMOUS = frozenset(("内蒙古", "广西", "西藏", "宁夏", "新疆"))
AUTONOMOUS_SHORT = _AUTONOMOUS
_REGION_WORDS = sorted(PROVINCES + OTHER_REGIONS, key=len, reverse=True)
_REGION_SET = frozenset(_REGION_WORDS)
_PLACE_PREFIX = re.compile(r"^([" + HAN + r"]{1,6}?[市县区省州旗])")
# a zone named after the city whose stem it follows (兰州新区, 郑州高新区, 苏州工业园区)
_ZONE_AFTER_STEM = re.compile(r"新区|高新区|经开区|开发区|工业园区|园区|港区")


_FIELDS_JOINED = re.compile(
    r"[省市县区州旗][" + HAN + r"]{2,4}与[" + HAN + r"]{2,4}(?:局|委|厅|办)"
)

# a news item's dateline and byline glued to the name that opens its first sentence
# (本报讯(记者 某某)省商务厅…, 新华社电(通讯员 某某)市统计局…): cut off (owner.byline)
_BYLINE = re.compile(r"^[^()（）]*[(（][^()（）]*(?:记者|通讯员)[^()（）]*[)）]")


def clean_unit(name: str) -> str | None:
    name = name.strip()
    if "记者" in name or "通讯员" in name:
        name = _BYLINE.sub("", name)
    # strip leading function words (据, 由, 在 …) and anything before them
    cut = 0
    for i, ch in enumerate(name[:-1]):
        if ch in _STOP_BEFORE:
            # 经 and 起 open names after a level or a place too (市经信局, 湖州市经合办), and
            # after 和 joining two fields of one bureau (区科技和经信局)
            if ch in "经起" and i > 0 and name[i - 1] in "省市县区州旗和":
                continue
            # 县海洋与渔业局, 市文化与旅游局: a bureau of two fields joined by 与 after its
            # level word, not a unit after a function word
            if ch == "与" and cut == 0 and _FIELDS_JOINED.fullmatch(name):
                continue
            cut = i + 1
    name = name[cut:]
    name = _drop_leading_counter(name)
    name = _LEADING_DAY.sub("", name)
    if len(name) < 2 or _BAD_UNIT.match(name) or _BAD_UNIT_END.search(name):
        return None
    return name


# a day word run into the name after it (从今天省政府召开的…会议上获悉): the day is no part of
# the name, which a level word opens (今日头条 stays a name)
_LEADING_DAY = re.compile(r"^(?:今天|今日|昨天|昨日|前天|日前|近日|当天|当日)(?=[省市县区州])")
_LEADING_COUNTERS = frozenset(lex.data()["owners"]["leading_counters"])


def _drop_leading_counter(name: str) -> str:
    """ "个湖南省发改委" → "湖南省发改委": a counter left in front of a name cut out of a
    sentence (see `leading_counters` in lexicon.toml); 个旧市, 项城市 keep theirs."""
    if len(name) < 4 or name[0] not in _LEADING_COUNTERS:
        return name
    rest = name[1:]
    if rest[0] in "省市县区" or rest.startswith(tuple(_REGION_WORDS)):
        return rest
    return name


def find_units(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _UNIT_RE.finditer(text):
        u = clean_unit(m.group(0))
        if u:
            out.append((m.end() - len(u), u))
    return out


def unit_of_heading(heading: str) -> str | None:
    """A heading that names a unit: "### 市商务局", "一、市住建局", "市委常委会召开会议"."""
    s = re.sub(r"^[#\s]+", "", heading)
    s = re.sub(
        r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．])\s*",
        "",
        s,
    )
    s = s.strip()
    if not s or len(s) > 30:
        return None
    m = re.match(
        r"^(["
        + HAN
        + r"()（）]{1,20}?"
        + _UNIT_SUFFIX
        + r")(?=$|召开|会议|关于|工作|牵头|负责|主抓|\d|[(（:：—\-\s]|["
        + HAN
        + r"]{0,2}$)",
        s,
    )
    if m:
        u = clean_unit(m.group(1))
        # (督查督办 ends like an office but names a duty)
        if u and is_organisation(u):
            return u
    if re.fullmatch(r"[" + HAN + r"]{0,10}(?:区县|县区|县市区|各区|各县|镇街|乡镇|街道)", s):
        return s
    return None


def place_of_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    m = _PLACE_PREFIX.match(unit)
    if m and len(m.group(1)) >= 2:
        place = m.group(1)
        # 杭州市发改委, 郑州将…: the 州 of a city's stem is no prefecture's level word;
        # but 兰州新区, 郑州高新区 are zones named after the city, not the city
        if (
            place.endswith("州")
            and not _ZONE_AFTER_STEM.match(unit, len(place))
            and place + "市" in gazetteer_names()
        ):
            return place + "市"
        return place
    return None


def normalise_region(name: str) -> str:
    return name + "省" if name in PROVINCE_SET else name


# the fixed region words, longest first: at one position the alternation takes the longest
_REGION_RX = re.compile("|".join(re.escape(w) for w in _REGION_WORDS))


# a body or a place that hands a quota down (市安委会下达我区…, 吕梁市下达任务): the giver,
# not the owner of the quota nor the subject of a figure
_HANDS_DOWN = re.compile(r"\s*(?:下达|下发|分解下达|核定)")


def find_regions(text: str, extra: list[str]) -> list[tuple[int, int, str]]:
    """Region mentions in text order; `extra` are the document's own place names.

    Leftmost-longest over the fixed words and the document's places together, as
    one alternation of all of them would scan: the fixed words are compiled once,
    the document's places into a small pattern of their own (cached), and at each
    step the match that starts first wins, the longer on a tie.
    """
    places = _places_rx(tuple(extra))
    if places is None or places.search(text) is None:
        found = [(m.start(), m.end(), m.group(0)) for m in _REGION_RX.finditer(text)]
    else:
        found = _merged_regions(text, places)
    return [
        r
        for r in found
        if not _in_event_name(text, r[0], r[1])
        and not _HANDS_DOWN.match(text, r[1])
        and not _ranking_base(text, r)
        and not ranking_peer(text, r[0], r[1])
        and not opens_a_project_name(text, r[0], r[1])
    ]


# a city's district named after a province (天津's 河北区, 乌海's 海南区): the province's name
# run into 区, not as 区域, 区块, 区位 or 区划 (河北区域协调发展 is the province's)
_DISTRICT_AFTER = re.compile(r"区(?![域块位划间内外])")


def _as_named_district(text: str, region: tuple[int, int, str]) -> tuple[int, int, str]:
    """The district a province's bare name opens (河北区将…): the district, not the province."""
    start, end, word = region
    if word in PROVINCE_SET and _DISTRICT_AFTER.match(text, end):
        return start, end + 1, word + "区"
    return region


# a quarter of a province named by its one-character name and a compass word (闽东北, 川东北,
# 湘西北): a part of that province, not the region 东北 the word also names
_PROVINCE_ABBREVIATIONS = frozenset(lex.data()["owners"]["province_abbreviations"])
_COMPASS_REGIONS = frozenset(("东北",))


def _part_of_a_province(text: str, region: tuple[int, int, str]) -> bool:
    start, _end, word = region
    return word in _COMPASS_REGIONS and start > 0 and text[start - 1] in _PROVINCE_ABBREVIATIONS


def places_spoken_of(text: str, extra: list[str]) -> list[tuple[int, int, str]]:
    """find_regions without the places that only name another place's address or a
    medium: a province printed right before a place under it (陕西省宝鸡市), a place
    that names a paper (陕西日报讯), and a compass word naming a quarter of a province
    (闽东北); a district named after a province (河北区) read as the district."""
    found = find_regions(text, extra)
    return [
        _as_named_district(text, r)
        for k, r in enumerate(found)
        if not (k + 1 < len(found) and _above_the_next(text, r, found[k + 1]))
        and not _MEDIUM_AFTER.match(text, r[1])
        and not _part_of_a_province(text, r)
    ]


# a paper or a station named after a place (陕西日报讯, 宝鸡晚报, 湖南卫视): the medium's
# name, not a place the sentence speaks of (rule owner.medium_name)
_MEDIUM_AFTER = re.compile(r"[省市]?(?:日报|晚报|早报|商报|都市报|法制报|卫视|电视台|广播电视台)")


# the level word between a province and the place under it (陕西省宝鸡市, 广西壮族自治区南宁市)
_PROVINCE_LEVEL = re.compile(r"(?:省|市|[" + HAN + r"]{0,3}?自治区)?")
_ABOVE_CITIES = frozenset(PROVINCES) | _AUTONOMOUS | frozenset(("北京", "天津", "上海", "重庆"))


def _above_the_next(text: str, region: tuple[int, int, str], nxt: tuple[int, int, str]) -> bool:
    """A province printed right before a place under it (陕西省宝鸡市): the address of the
    lower place, which is the one the sentence names (rule owner.province_before_city)."""
    if region[2] not in _ABOVE_CITIES or nxt[2] in _REGION_SET:
        return False
    m = _PROVINCE_LEVEL.match(text, region[1])
    return m is not None and m.end() == nxt[0]


# a listed project named by its place (独山子区20万吨/年EVA项目、…; G320南昌县向塘至新建区
# 西山段公路工程、…): a word of the project's name, not the place the sentence speaks of;
# nor is the place a firm is named by
_PROJECT_NAME_REST = re.compile(r"[^,，。；;:：、\n]{0,30}?(?:项目|工程)(?=[、等])")
# ... or one a count of projects closes as its example (新泽市滨河管廊等12个项目在本月开工,
# 东岭光伏电站等5个重大项目): the place names the example, the count is the text's (rule
# owner.place_in_project_example)
_PROJECT_EXAMPLE_REST = re.compile(
    r"[^,，。；;:：、\n]{1,30}?等[\d一二三四五六七八九十]{1,4}[个项][^,，。；;:：、\n]{0,6}?项目"
)


# a firm named by its place (宁夏丰源纺织有限公司, 江苏瑞盛新材料科技有限公司)
_FIRM_NAME_REST = re.compile(
    r"[^\s\d与和及同在对向将把被为是的各,，。；;、:：()（）]{1,10}?(?:有限公司|股份公司|集团|公司)"
)


# a street named after a city (沿江中大道——上海路, 北京东路): no place of the text
_STREET_REST = re.compile(r"[东西南北中]?路(?![网面况线径基段况])|大道|大街")


def opens_a_project_name(text: str, start: int, end: int) -> bool:
    """The named place text[start:end] is a word of a listed project's, a firm's or a
    street's name."""
    if text.startswith("全", start):
        return False
    return (
        _PROJECT_NAME_REST.match(text, end) is not None
        or _PROJECT_EXAMPLE_REST.match(text, end) is not None
        or _FIRM_NAME_REST.match(text, end) is not None
        or _STREET_REST.match(text, end) is not None
    )


# a whole jurisdiction named as the base a figure is ranked or measured against (增幅全省
# 排第7位, 高出全省0.1个百分点, 居全国前列): the text's place is ranked, not that one
_RANKED_IN = re.compile(
    r"排(?:名|在)?第|排名|第[\d一二三四五六七八九十]{1,3}位|平均|前列|首位|同期"
)
_MEASURED_BY = ("高出", "高于", "低于", "快于", "慢于", "超出", "位居", "位列", "居")


def _ranking_base(text: str, region: tuple[int, int, str]) -> bool:
    start, end, word = region
    if not word.startswith("全"):
        return False
    return bool(_RANKED_IN.match(text, end)) or text[max(0, start - 2) : start].endswith(
        _MEASURED_BY
    )


# a place named as another's peer in a ranking (增速与保山市并列全省第一): the text's place
# is ranked; its peer is no subject of the text's figures (rule owner.ranking_peer)
_PEER_RANKING = re.compile(r"并列(?:全[省国市州区县])?(?:第|首位|前)")


def ranking_peer(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "与和同" and bool(_PEER_RANKING.match(text, end))


@lru_cache(maxsize=256)
def _places_rx(extra: tuple[str, ...]) -> re.Pattern | None:
    """The document's own places that are no fixed region word, longest first."""
    words = sorted({e for e in extra if e and e not in _REGION_SET}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def _merged_regions(text: str, places: re.Pattern) -> list[tuple[int, int, str]]:
    """The leftmost-longest scan of find_regions over the fixed words and `places`:
    each pattern keeps its next match, searched again only when the scan has moved
    past its start."""
    out: list[tuple[int, int, str]] = []
    fixed = _REGION_RX.search(text)
    own = places.search(text)
    while fixed is not None or own is not None:
        m = (
            own
            if fixed is None
            or (
                own is not None
                and (
                    own.start() < fixed.start()
                    or (own.start() == fixed.start() and own.end() > fixed.end())
                )
            )
            else fixed
        )
        if m is None:
            break
        out.append((m.start(), m.end(), m.group(0)))
        pos = m.end()
        if fixed is not None and fixed.start() < pos:
            fixed = _REGION_RX.search(text, pos)
        if own is not None and own.start() < pos:
            own = places.search(text, pos)
    return out


def _in_event_name(text: str, start: int, end: int) -> bool:
    """中国湖南投资贸易洽谈会: a province printed after 中国 and without 省 is a word of an
    event's or a brand's name, not a place the sentence speaks of."""
    return (
        start >= 2
        and text[start - 2 : start] == "中国"
        and text[start:end] in PROVINCE_SET
        and text[end : end + 1] != "省"
    )


def region_list_at(text: str, regions: list[tuple[int, int, str]], k: int) -> tuple[str, int]:
    """Join a 、-separated run of regions starting at regions[k]; returns (owner, next index)."""
    names = [regions[k][2]]
    end = regions[k][1]
    j = k + 1
    while j < len(regions) and regions[j][0] == end + 1 and text[end] == "、":
        names.append(regions[j][2])
        end = regions[j][1]
        j += 1
    if len(names) == 1:
        w = names[0]
        # "安徽全省" is Anhui
        return normalise_region(w), j
    return "、".join(names), j


_LIST_JOIN = re.compile(r"([、和及])")


def _split_list(name: str) -> list[str]:
    """Units listed with 、, 和 or 及. 和 and 及 join two units only where the name before
    them is a unit already: 县发展和改革局 and 发展改革和统计局 are one bureau of two
    fields, 市发改委和市统计局 two units (rule owner.field_joined)."""
    if "和" not in name and "及" not in name:
        return [p for p in name.split("、") if p]
    out: list[str] = []
    cur = ""
    for tok in _LIST_JOIN.split(name):
        if tok == "、" or (tok in "和及" and len(tok) == 1 and is_organisation(cur)):
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += tok
    if cur:
        out.append(cur)
    return out


_NOT_HAN = re.compile(r"[^" + HAN + r"]")


def _bigrams(s: str) -> Counter:
    han = _NOT_HAN.sub("", s)
    return Counter(han[i : i + 2] for i in range(len(han) - 1))


def _similarity(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    common = sum(min(a[k], b[k]) for k in a.keys() & b.keys())
    return common / (sum(a.values()) * sum(b.values())) ** 0.5


def _core_bigrams(owner: str) -> set[str]:
    core = re.sub(r"^[市区县省]", "", owner)
    core = re.sub(r"(?:局|委|办|厅|部|中心|委员会|办公室)$", "", core)
    return {core[i : i + 2] for i in range(len(core) - 1)}


def _starts_fresh(fragment: str) -> bool:
    return bool(re.match(r"[^。，,；;！？]{1,16}。", fragment.lstrip()))


@dataclass
class _Chain:
    owner: str | None
    level: int
    text: str = ""
    closed: bool = False
    dangling: bool = False
    # _bigrams(text), kept up to date as text grows (extend): a section is compared with
    # every fragment that may continue it, and counting its whole text again each time
    # made a long section quadratic
    _grams: Counter | None = None
    _last_han: str = ""  # the last Chinese character of text, for the pair across a seam

    def bigrams(self) -> Counter:
        if self._grams is None:
            han = _NOT_HAN.sub("", self.text)
            self._grams = Counter(han[i : i + 2] for i in range(len(han) - 1))
            self._last_han = han[-1:]
        return self._grams

    def extend(self, fragment: str) -> None:
        """Append fragment to text; the bigrams of the whole are those of the two parts
        and the pair across the seam (_bigrams counts the Chinese characters only)."""
        self.text += fragment
        if self._grams is None:
            return
        han = _NOT_HAN.sub("", fragment)
        if not han:
            return
        if self._last_han:
            self._grams[self._last_han + han[0]] += 1
        self._grams.update(han[i : i + 2] for i in range(len(han) - 1))
        self._last_han = han[-1]


# a page's masthead: the unit that runs the site, then its contact fields (电话:…, 地址:…)
_CONTACT_FIELD = re.compile(r"\s*(?:联系电话|电话|传真|地址|邮箱|网址|邮编|官方微信)\s?[:：]")


def opens_section(lines: list[Line], i: int, text: str | None = None) -> bool:
    """A unit alone on a line opens a section unless it signs the text (a date follows, or
    nothing) or heads the page's masthead (its contact fields follow)."""
    for ln in lines[i + 1 : i + 6]:
        if ln.kind == "blank":
            continue
        if text is not None and _CONTACT_FIELD.match(text, ln.start, ln.end):
            return False
        return ln.kind in ("content", "table")
    return False


def section_owners(text: str, lines: list[Line]) -> list[str | None]:
    """For each line, the owner named by the section structure (or None)."""
    owners: list[str | None] = [None] * len(lines)
    stack: dict[int, str | None] = {}
    chains: list[_Chain] = []
    current: _Chain | None = None
    orphan: list[int] = []

    def resolve_orphans(closing: bool) -> None:
        nonlocal orphan
        if not orphan:
            return
        frag_text = "".join(text[lines[i].start : lines[i].end] for i in orphan)
        open_chains = [c for c in chains if not c.closed and c.owner]
        if open_chains:
            deepest = max(c.level for c in open_chains)
            open_chains = [c for c in open_chains if c.level == deepest]
        best = None
        if open_chains:
            fb = _bigrams(frag_text)
            fresh = _starts_fresh(frag_text)
            scored = []
            for order, c in enumerate(open_chains):
                score = _similarity(fb, c.bigrams())
                core = _core_bigrams(c.owner or "")
                if core:
                    score += 0.5 * sum(1 for g in core if g in fb) / len(core)
                if c.dangling != fresh:
                    score += 0.15
                scored.append((score, order, c))
            scored.sort(key=lambda t: (-t[0], t[1]))
            best = scored[0][2]
        if best is not None:
            for i in orphan:
                owners[i] = best.owner
            best.extend(frag_text)
            best.dangling = False
            if closing:
                best.closed = True
        else:
            fallback = _heading_owner(stack)
            for i in orphan:
                owners[i] = fallback
        orphan = []

    for i, ln in enumerate(lines):
        is_heading = ln.kind == "heading" or (
            ln.kind == "unitline" and opens_section(lines, i, text)
        )
        if is_heading:
            resolve_orphans(False)
            unit = unit_of_heading(text[ln.start : ln.end])
            level = ln.level or 3
            for lv in [lv for lv in stack if lv >= level]:
                del stack[lv]
            stack[level] = unit
            if unit:
                current = _Chain(unit, level)
                chains.append(current)
            else:
                if chains and level <= min(c.level for c in chains):
                    chains = []
                current = None
            continue
        if ln.kind == "byline":
            resolve_orphans(True)
            if current is not None:
                current.closed = True
                current = None
            continue
        if ln.kind not in ("content", "table", "unitline"):
            continue
        if ln.dup:
            owners[i] = current.owner if current is not None else _heading_owner(stack)
            continue
        if current is not None and not current.closed and not current.dangling:
            owners[i] = current.owner
            current.extend(text[ln.start : ln.end])
            s = text[ln.start : ln.end].rstrip()
            if s and s[-1] not in '。！？!?；;”")）|:：':
                current.dangling = True
            continue
        if any(not c.closed and c.owner for c in chains):
            current = None
            orphan.append(i)
        else:
            owners[i] = _heading_owner(stack)
    resolve_orphans(False)
    _column_owners(text, lines, owners)
    _stacked_column_owners(text, lines, owners)
    return owners


# A table printed one cell a line without bars ("序号⏎目标名称⏎分管领导⏎牵头单位⏎配合单位⏎
# (1)生产总值增长5%左右。⏎某某⏎区发改局⏎经开区⏎(2)…"): the header's responsible-unit cell
# comes after the item's, so the units printed after an item (a leader's name may stand
# between) own it, and the cells after them (a deadline: 12月底前) belong to its row; the
# serial may stand on a line of its own or be lost, and a deadline may run into the next
# item ("12月底前新建2座人行天桥。") or follow its unit ("县残联5月底前动工").  An item
# printed without units (a merged cell) keeps the units of the item above.
_STACKED_ITEM = re.compile(r"\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.、．])\s*\S")
_COOPERATING_HEADER = re.compile(r"(?:配合|协办|协助|参与)(?:单位|部门)")
_STACKED_SERIAL = re.compile(r"\d{1,3}")
# a time cell: 12月底前, 9月投入使用, 5月底前动工, 2024年6月
_STACKED_TIME = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?(?:[上中下]旬|底|末|中)?前?"
    r"(?:[" + HAN + r"]{0,4})?|(?:年底|年内|全年|长期|持续推进)[" + HAN + r"]{0,4}"
)
_STACKED_UNIT_TIME = re.compile(
    r"([" + HAN + r"]{2,12}?)(?=(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)"
)


# a figure cell: 6%, ≥80%, 1200个以上, 50万亩
_STACKED_FIGURE = re.compile(
    r"[≥≤><]?\s?\d[\d.,]*\s?(?:[%％‰]|[万亿]?[" + HAN + r"]{0,3})(?:以上|以内|左右|以下)?"
)


# a progress cell: a figure and a remark in brackets (57%(赤溪、灵溪偏慢), 50%(马站未开工)
_STACKED_PROGRESS = re.compile(r"[≥≤><]?\s?\d[\d.,]*\s?[%％‰]?\s?[(（][^()（）\n]{1,40}[)）]?")


# a cell of units whose first is marked the lead (▲发改局,各部门; ★区发改委、统计局)
_LEAD_MARKED = re.compile(r"(.*?)[▲★]\s*([^,，、;；\s]{2,14})(?:[,，、;；].*)?")


def _stacked_unit(s: str) -> bool:
    return is_organisation(s) and not _is_place_name(s) and bool(_subject_suffix().search(s))


def _between_bars(text: str, lines: list[Line], i: int) -> bool:
    """Line i stands between two lines of bars only (|, ||||): a cell of a table printed
    one cell a line."""

    def bars(k: int) -> bool:
        if not 0 <= k < len(lines):
            return False
        line = text[lines[k].start : lines[k].end].strip()
        return bool(line) and set(line) <= set("|｜ ")

    before = i - 1
    while before >= 0 and lines[before].kind == "blank":
        before -= 1
    after = i + 1
    while after < len(lines) and lines[after].kind == "blank":
        after += 1
    return bars(before) and bars(after)


def _stacked_column_owners(text: str, lines: list[Line], owners: list[str | None]) -> None:
    head = None
    for i, ln in enumerate(lines[:400]):
        if ln.kind in ("content", "unitline") and _OWNER_HEADER.fullmatch(
            text[ln.start : ln.end].strip()
        ):
            before = [
                text[b.start : b.end].strip() for b in lines[max(0, i - 8) : i] if b.kind != "blank"
            ]
            if sum(1 for b in before if len(b) <= 6) >= 2 and "序号" in before:
                head = i
                break
    if head is None:
        return
    # a column of cooperating units after the lead's (配合单位): the lead alone owns the item
    after = [text[b.start : b.end].strip() for b in lines[head + 1 : head + 5]]
    lead_only = any(_COOPERATING_HEADER.fullmatch(a) for a in after)
    row: list[int] = []  # the item's line and the cells after it
    units: list[str] = []
    carry: str | None = None

    def close() -> None:
        nonlocal carry
        if not row:
            return
        if units:
            carry = "、".join(units)
        if carry:
            for k in row:
                owners[k] = carry

    for i in range(head + 1, len(lines)):
        ln = lines[i]
        if ln.kind == "heading":
            if not _between_bars(text, lines, i):
                break
            # 一、主要预期目标 printed as a cell between bar lines (|): a chapter's row of
            # the table, which opens rows of its own; the table goes on
            close()
            row, units, carry = [], [], None
            continue
        s = text[ln.start : ln.end].strip()
        if ln.kind not in ("content", "unitline") or not s or _STACKED_SERIAL.fullmatch(s):
            continue
        marked = _LEAD_MARKED.fullmatch(s)
        if marked and _stacked_unit(marked.group(2)):
            # ▲发改局,各部门,各镇乡(街道): the marked first unit leads, the rest help
            if len(marked.group(1).strip()) > 6:
                # the item's cell and its units' joined on one line: a row of its own
                close()
                row, units = [i], [marked.group(2)]
                continue
            s = marked.group(2)
        if _stacked_unit(s):
            if row and (not units or (len(units) == len(row) - 1 and not lead_only)):
                units.append(s)
            row.append(i)
            continue
        lead = _STACKED_UNIT_TIME.match(s)
        if row and lead and _stacked_unit(lead.group(1)):
            # 县残联5月底前动工: the item's unit and its deadline in one cell
            if not units:
                units.append(lead.group(1))
            row.append(i)
            continue
        if row and len(s) <= 12 and _STACKED_TIME.fullmatch(s):
            row.append(i)
            continue
        if row and len(s) <= 12 and _STACKED_FIGURE.fullmatch(s):
            # the row's figure in a cell of its own (目标任务: 6%, 1200个以上)
            row.append(i)
            continue
        if row and not units and _STACKED_PROGRESS.fullmatch(s):
            # its progress with a remark in brackets (当前进度: 80%(新区实验幼儿园进度滞后),
            # the bracket perhaps cut): a cell of the row, before its unit (rule
            # owner.stacked_progress)
            row.append(i)
            continue
        if len(s) > 6:
            close()
            row, units = [i], []
    close()


# A table flattened to one cell a line, each cell closed by " |" and each row by a line
# of bars ("序号 |⏎项目名称 |⏎…⏎责任单位 |⏎|⏎1 |⏎…⏎教体局 |⏎|"): the cell of the header's
# responsible-unit column owns the lines of its row; a row printed with fewer cells
# (its owner cell merged with the row above) keeps the owner of the row above.
_OWNER_HEADER = re.compile(r"(?:牵头|责任|主办|承办)(?:单位|部门)")
_BAR_ROW = re.compile(r"[|｜\s]+")


def _flat_cells(text: str, lines: list[Line], i: int) -> tuple[list[int], int]:
    """The line indices of the cells of the flattened row starting at line i, and the
    index of the line after the row's closing bar line."""
    cells: list[int] = []
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "blank":
            i += 1
            continue
        s = text[ln.start : ln.end].strip()
        if ln.kind != "table" or not s.endswith(("|", "｜")):
            break
        if _BAR_ROW.fullmatch(s):
            return cells, i + 1
        cells.append(i)
        i += 1
    return cells, i


def _column_owners(text: str, lines: list[Line], owners: list[str | None]) -> None:
    """Give the lines of a flattened table's rows the unit of their owner column."""
    if " |" not in text:
        return
    i = 0
    while i < len(lines):
        ln = lines[i]
        cell = text[ln.start : ln.end].strip().rstrip("|｜ ")
        if ln.kind != "table" or not _OWNER_HEADER.fullmatch(cell):
            i += 1
            continue
        # the header row: back to the bar line before it
        h = i
        while h > 0 and lines[h - 1].kind in ("table", "blank"):
            prev = text[lines[h - 1].start : lines[h - 1].end].strip()
            if lines[h - 1].kind == "table" and _BAR_ROW.fullmatch(prev):
                break
            h -= 1
        header, k = _flat_cells(text, lines, h)
        if i not in header:
            i += 1
            continue
        col, width = header.index(i), len(header)
        carry: str | None = None
        while k < len(lines):
            row, nxt = _flat_cells(text, lines, k)
            if not row or nxt == k:
                break
            names = [
                text[lines[j].start : lines[j].end].strip().rstrip("|｜ ").replace(" ", "")
                for j in row
            ]
            if len(row) == width:
                name = names[col]
                carry = name if is_organisation(name) and not _is_place_name(name) else None
            elif len(row) < width:
                # which cell is merged is not printed: a unit's name in the row, else the
                # owner of the row above
                found = [
                    n
                    for n in names
                    if is_organisation(n) and not _is_place_name(n) and _subject_suffix().search(n)
                ]
                carry = found[-1] if found else carry
            else:
                carry = None
            if carry:
                for j in row:
                    owners[j] = carry
            k = nxt
        i = k


def _heading_owner(stack: dict[int, str | None]) -> str | None:
    for lv in sorted(stack, reverse=True):
        if stack[lv]:
            return stack[lv]
    return None


# an inspection (督查组, 检查, 暗访) that the units a marker names lead: they inspect the
# plan's work, they do not own it
_INSPECTION = re.compile(r"督查|督导|检查|巡查|暗访|考核组|调研组")
_INSPECTION_REACH = 24


def explicit_owner(sentence: str) -> str | None:
    """由市XX局牵头, (市X局负责), 牵头单位: X, 各…单位 (the addressee of a duty)."""
    m = _LEAD_RE.search(sentence) if _LEAD_HINT.search(sentence) else None
    if m and _INSPECTION.search(sentence, m.end(), m.end() + _INSPECTION_REACH):
        return None  # 由县委办牵头,抽调18人组成督查组: they lead an inspection, not the plan
    if m:
        name = next(g for g in m.groups() if g)
        parts = [clean_unit(p) or p for p in _split_list(name) if p]
        return "、".join(parts) if parts else None
    m = _ADDRESSEE_RE.match(sentence) or _REQUESTED_RE.search(sentence)
    if m:
        return m.group(1)
    m = _UNIT_COLON_RE.match(sentence)
    if m:
        return clean_unit(m.group(1))
    return None


_UNIT_COLON_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*"
    # a name may hold a bracketed word (工业(产业)园区建设工作指挥部:)
    r"((?:[" + HAN + r"]|[(（][" + HAN + r"]{1,6}[)）]){2,16}?"
    r"(?:局|委员会|委|办公室|办|厅|部|中心|政府))\s*[:：]"
)


# how the units share a duty, printed before 负责 (市工信局、市住建局按职责分工负责)
_DUTY_WAY = r"(?:按照?职责分工|按职责|按分工|共同|分工)?"


_TRAILING_RE = scanning(
    # (A主办,B协办): the lead (主办) owns the item, its helpers (协办) do not join it
    r"[(（](?:由)?(["
    + HAN
    + r"、]{2,40}?)"
    + _DUTY_WAY
    + r"(?:牵头|分别负责|负责|牵头负责|为责任单位|主办)"
    r"(?:[,，][" + HAN + r"、()（）〔〕]{2,60}?" + _HELPERS + r")?[)）][。；;]?\s*$"
    # 牵头单位:X;配合单位:Y。 — the lead's field, the fields after it left
    # (责任单位:市发展改革委,各县(市、区)人民政府): units after commas, a group's bracket
    r"|[(（【]?(?:牵头单位|责任单位|牵头部门|责任部门)\s?[:：]\s?("
    r"(?:[" + HAN + r"、]|[,，](?=[" + HAN + r"])|[(（〔][" + HAN + r"、]{1,8}[)）〕]){2,60}?)"
    # the next field after a mark, a run of spaces or nothing, its spaces joined by repair
    # (责任单位:市人社局  完成时限:12月底)
    r"(?:(?:[;；,，]\s?|[ \t\u3000]{1,4}|(?=(?:完成时限|完成时间|配合单位|协办单位)[:：]))"
    r"(?:配合|协办|责任|完成|时限)[^。\n()（）【】]{0,90})?"
    r"[)）】]?[。；;]?\s*$"
)


_CLAUSE_MARKER = re.compile(
    r"[^,，。；;]{0,40}?[(（](?:由)?(["
    + HAN
    + r"、]{2,40}?)"
    + _DUTY_WAY
    + r"(?:牵头|分别负责|负责|牵头负责|主办)"
    r"(?:[,，][" + HAN + r"、()（）〔〕]{2,60}?" + _HELPERS + r")?[)）]"
)


_CLAUSE_BARE = re.compile(r"[^,，。；;()（）]{0,40}?[(（【]([" + HAN + r"、]{3,40}?)[)）】]")


_CLAUSE_OPEN = re.compile(r"[(（【]")


def clause_owner(text: str, pos: int, end: int) -> str | None:
    """ "新增高标准农田2万亩(市农业农村局负责)": a marker closing the item's own clause;
    also a bare bracket naming bureaus ("新建5G基站1200个以上(市工信局);")."""
    lim = min(end, pos + 60)
    # both patterns open a bracket in their window: most clauses have none to try
    if _CLAUSE_OPEN.search(text, pos, lim) is None:
        return closing_cell_owner(text, pos)
    m = _CLAUSE_MARKER.match(text, pos, lim)
    if not m:
        b = _CLAUSE_BARE.match(text, pos, lim)
        if b is None:
            return closing_cell_owner(text, pos)
        name = b.group(1)
        parts = [p for p in _split_list(name) if p]
        if parts and all(
            is_organisation(p) and not _is_place_name(p) and _subject_suffix().search(p)
            for p in parts
        ):
            return "、".join(parts)
        return None
    parts = [clean_unit(p) or p for p in _split_list(m.group(1)) if p]
    return "、".join(parts) if parts else None


# A list whose every item is closed by its unit, after the item's full stop: a flattened
# table row ("1 生产总值增长6%以上. 发改委2 财政收入…", the rows run together) or an item
# closed by a bare bracket ("…1200个以上。(工信局)").  The cell ends where the next
# row's serial number, the line or the text does; the item's line opens with a serial.
_CLOSING_CELL_REST = (
    r"(?:[.。;；][ \t\u3000]?[(（【]((?:[" + HAN + r"、]|[,，](?=[" + HAN + r"])"
    # units listed with commas, a group with its own bracket (各县〔市、区〕政府)
    r"|[〔(（][" + HAN + r"、]{1,8}[〕)）]){2,40}?)[)）】][。;；]?"
    # a cell after a space and a sentence's 。 is the row cell's (row_cell_owner)
    r"|(?:\.[ \t\u3000]?|[。;；])([" + HAN + r"、]{2,30}?))"
    r"(?=[ \t\u3000]?\d{1,2}[ \t\u3000.、．]|[ \t\u3000]*(?:\n|$))"
)
_CLOSING_CELL = re.compile(r"[^。;；\n]{0,100}?" + _CLOSING_CELL_REST)
# with no "." within its reach, the item can only end at its first 。 or ;: the same
# match, without trying the rest of the pattern after every character before it
_CLOSING_CELL_NO_POINT = re.compile(r"[^。;；\n]{0,100}+" + _CLOSING_CELL_REST)
_SERIAL_OPEN = re.compile(
    r"[ \t\u3000]*(?:\d{1,2}[ \t\u3000.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)


# "常住人口控制在1150万人左右。(市公安局牵头)能源消耗降低20%。(市经委牵头)": a marker
# printed right after an item's full stop closes that item, whatever follows it; a marker
# cut at the end of its line ("…达到40%以上。 (市建委、") still names its units.
_CLOSING_MARKER = re.compile(
    # (the item ends at its first 。 or ;, so the run before it is taken whole, at once)
    r"[^。;；\n]{0,100}+[。;；][ \t\u3000]?[(（](?:由)?([" + HAN + r"、]{2,40}?)"
    r"(?:(?:牵头负责|牵头|分别负责|负责|主办)(?:[,，]["
    + HAN
    + r"、()（）〔〕]{2,60}?"
    + _HELPERS
    + r")?[)）]"
    # the next item runs on after the marker; a marker that ends its line closes the
    # paragraph or the numbered item (trailing_owner)
    r"(?=[ \t\u3000]*[^\s。；;])"
    r"|、?[ \t\u3000]*(?=\n|$))"
)


# Numbered items and table rows are short lines. A line that runs on for longer than
# this is running text (or hostile input): looking back to its start from every item
# made the owner search quadratic on a one-line megabyte.
_LONGEST_LINE = 2000


def _line_start(text: str, pos: int) -> int | None:
    """Where the line holding `pos` starts, or None for a line longer than _LONGEST_LINE."""
    lo = max(0, pos - _LONGEST_LINE)
    newline = text.rfind("\n", lo, pos)
    if newline >= 0:
        return newline + 1
    return 0 if lo == 0 else None


def closing_cell_owner(text: str, pos: int) -> str | None:
    """The unit that closes an item after its full stop (see _CLOSING_MARKER, _CLOSING_CELL)."""
    mk = _CLOSING_MARKER.match(text, pos, min(len(text), pos + 150))
    if mk is not None:
        parts = [clean_unit(p) or p for p in _split_list(mk.group(1)) if p]
        if parts and all(is_organisation(p) and not _is_place_name(p) for p in parts):
            return "、".join(parts)
    end = min(len(text), pos + 140)
    point = text.find(".", pos, min(end, pos + 101)) >= 0
    m = (_CLOSING_CELL if point else _CLOSING_CELL_NO_POINT).match(text, pos, end)
    if m is None:
        return None
    line_start = _line_start(text, pos)
    serial = line_start is not None and _SERIAL_OPEN.match(text, line_start, pos)
    # a line closed by a bracket of units ("…增长6%以上。(发改委)") needs no serial
    if not serial and not (m.group(1) and _LINE_END.match(text, m.end())):
        return None
    cell = m.group(1) or m.group(2)
    if _MARKER_WORD.search(cell):
        return None  # (X负责), (X主办): the marker rules read those
    # (市发展改革委,各县〔市、区〕政府): a comma between the units joins them as 、 does
    parts = [p for p in _split_outside_brackets(re.sub("[,，]", "、", cell)) if p]
    if not parts or not all(
        is_organisation(p) and not _is_place_name(p) and _subject_suffix().search(p) for p in parts
    ):
        return None
    # a cell naming several units is printed one unit a line below it
    k = m.end()
    while k < len(text) and text[k] in " \t\u3000":
        k += 1
    if text.startswith("\n", k):
        k += 1
        while len(parts) < 8:
            u = _UNIT_LINE.match(text, k, k + 30)
            if not u or not is_organisation(u.group(1)) or _is_place_name(u.group(1)):
                break
            parts.append(u.group(1))
            k = u.end()
    return "、".join(parts)


_LINE_END = re.compile(r"[ \t\u3000]*(?:\n|$)")
_MARKER_WORD = re.compile(r"牵头|负责|主办|协办|配合")


# A table row flattened to one line ("1 地区生产总值增长6%以上。 区发展改革委 地区生产
# 总值同比增长2.9%"): the cell right after the item's sentence is its responsible
# unit.  Repair joins the spaces between Chinese cells, so the cell ends where the
# shortest organisation's name does; a cell naming several units is printed one
# unit a line below it.
_ROW_START = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]+\S")
_CELL_GAP = re.compile(r"[。；;]?[ \t\u3000]+(?=[" + HAN + r"])")
_UNIT_LINE = re.compile(r"[ \t\u3000]*([" + HAN + r"]{2,20})[ \t\u3000]*\n")


# A table printed one cell a line ("1⏎⏎生产总值增长6%左右。⏎⏎发改局⏎⏎2⏎⏎…"): the item's
# paragraph stands between its serial number and its responsible unit's cell.
_SERIAL_LINE = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]*$")
_NEXT_CELL = re.compile(r"\s*\n\s*([" + HAN + r"()（）、]{2,24})[ \t\u3000]*(?:\n|$)")


def stacked_cell_owner(text: str, par_start: int, par_end: int) -> str | None:
    """The unit on the line after an item whose line before is only its serial number."""
    prev_end = text.rfind("\n", max(0, par_start - _LONGEST_LINE), par_start)
    if prev_end < 0:
        return None
    k = prev_end
    while k > 0 and text[k - 1] in "\n \t\u3000" and prev_end - k < _LONGEST_LINE:
        k -= 1
    line_start = _line_start(text, k)
    if line_start is None or not _SERIAL_LINE.fullmatch(text, line_start, k):
        return None
    first = _NEXT_CELL.match(text, par_end, par_end + 60)
    if not first:
        return None
    # a cell of several units prints them one a line (县教科局⏎⏎县代建中心)
    names: list[str] = []
    m: re.Match[str] | None = first
    while m and len(names) < 8 and _stacked_unit(m.group(1)):
        names.append(m.group(1))
        m = _NEXT_CELL.match(text, m.end(1), m.end(1) + 60)
    if names:
        return "、".join(names)
    unit = first.group(1)
    if not is_organisation(unit):
        # a narrow cell breaks its unit's name over two lines (市生态⏎⏎环境局)
        rest = _NEXT_CELL.match(text, first.end(1), first.end(1) + 60)
        if rest and len(unit) <= 4 and _stacked_unit(unit + rest.group(1)):
            return unit + rest.group(1)
    return unit if is_organisation(unit) and not _is_place_name(unit) else None


def row_cell_owner(text: str, sent_start: int, sent_end: int) -> str | None:
    """The responsible-unit cell that follows an item in a numbered table row."""
    line_start = _line_start(text, sent_start)
    if line_start is None or not _ROW_START.match(text, line_start, sent_start + 8):
        return None
    gap = _CELL_GAP.match(text, sent_end, sent_end + 8)
    if not gap:
        return None
    k = gap.end()
    first = next(
        (text[k:j] for j in range(k + 4, min(len(text), k + 20) + 1) if is_organisation(text[k:j])),
        None,
    )
    if first is None or not text[k : k + len(first)].isalpha():
        return None
    names = [first]
    k += len(first)
    if text.startswith("\n", k):
        k += 1
        while len(names) < 8:
            u = _UNIT_LINE.match(text, k, k + 30)
            if not u or not is_organisation(u.group(1)):
                break
            names.append(u.group(1))
            k = u.end()
    return "、".join(names)


# A numbered item followed by its labelled lines ("1.地区生产总值增长6%左右。⏎⏎牵头单位:
# 区发改局⏎⏎责任单位:…"): the lead unit line owns the item; a 责任单位 line alone does.
# a Word heading keeps its Markdown marks when the reader writes it (## (一)地区生产总值…)
_ITEM_MARK = re.compile(
    r"[ \t\u3000]*(?:#{1,6}[ \t]*)?(?:\d{1,2}[.、．﹒]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)
_LABEL_LINE = re.compile(
    # 牵头责任单位 is the lead, 协同责任单位 a helper (read, never the owner)
    r"\s*(牵头责任单位|牵头责任部门|协同责任单位|协同责任部门|牵头单位|牵头部门|责任单位|责任部门)\s?[:：]\s?(["
    + HAN
    + r"、,，]{2,90}?)[。；;]?"
    # a note on how the list reads (列第一位者为工作牵头单位,下同)
    r"(?:[(（][^()（）\n]{2,40}[)）])?[。；;]?[ \t\u3000]*(?:\n|$)"
)


# A 分工方案 prints, below each numbered item, the leader who answers for it and how the
# departments share it ("分管省领导:某某⏎部门分工:省发展改革委牵头,各地、各部门配合"): the
# leader's line names no owner, the unit that leads (牵头) in the division line owns the item.
_LEADER_LINE = re.compile(
    r"\s*(?:分管|协管|责任|牵头)[省市区县]?(?:负责)?(?:领导|负责同志)\s?[:：][^\n:：]{1,40}?[ \t\u3000]*(?:\n|$)"
)
_DIVISION_LINE = re.compile(
    r"\s*(?:部门分工|责任分工|任务分工|分工)\s?[:：]\s?([" + HAN + r"、]{2,60}?)(?:牵头负责|牵头)"
    r"(?:[,，][^\n]{0,80}?)?[。；;]?[ \t\u3000]*(?:\n|$)"
)


# the fields of the item above with the next item run onto their line after a gap of
# spaces (责任单位:省税务局等,各市人民政府  2.一般公共预算收入增长5%。): the item opens
# after the gap (rule owner.label_line)
_GLUED_ITEM = re.compile(
    r"[ \t\u3000]*(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门)\s?[:：][^\n]{2,160}?"
    r"[ \t\u3000]{2,}(?=\d{1,2}[.、．﹒]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)


# an item's fields printed below its title, the targets in the last of them (牵头单位:X⏎
# 责任单位:Y任务目标:2024年计划改造…10万平方米), run together or on a line of their own
_TARGET_FIELD = re.compile(
    r"[ \t\u3000]*(?:(?:责任单位|配合单位|责任部门|配合部门)\s?[:：][^\n]{0,60}?)?"
    r"(?:任务目标|目标任务|工作目标|建设目标)\s?[:：]"
)
_LEAD_FIELD_LINE = re.compile(
    r"(?:^|\n)[ \t\u3000]*(?:牵头单位|牵头部门)\s?[:：]\s?(["
    + HAN
    + r"、,，]{2,40}?)[。；;]?[ \t\u3000]*(?=\n)"
)


def _lead_field_above(text: str, par_start: int) -> str | None:
    """The 牵头单位 line of the item whose task-target field opens the paragraph: the last
    one in the few lines above, before any other item's title (rule owner.label_line)."""
    window = text[max(0, par_start - 160) : par_start]
    found = None
    for m in _LEAD_FIELD_LINE.finditer(window):
        found = m
    if found is None or _ITEM_MARK.search(window, found.end()):
        return None
    parts = [clean_unit(p) or p for p in re.split(r"[、,，]", found.group(1)) if p]
    parts = [p for p in parts if is_organisation(p)]
    return "、".join(parts) if parts else None


def label_line_owner(text: str, par_start: int, par_end: int) -> str | None:
    """The 牵头单位 (else 责任单位) line right below a numbered item's paragraph; also the
    unit a division line (部门分工:X牵头,…配合) makes lead, past a leader's line."""
    if _TARGET_FIELD.match(text, par_start, par_end):
        return _lead_field_above(text, par_start)
    if not _ITEM_MARK.match(text, par_start, par_end):
        glued = _GLUED_ITEM.match(text, par_start, par_end)
        if glued is None or not _ITEM_MARK.match(text, glued.end(), par_end):
            return None
    found: dict[str, str] = {}
    k = par_end
    for _ in range(2):
        m = _LABEL_LINE.match(text, k, k + 90)
        if m:
            found.setdefault(m.group(1)[:2], m.group(2))
            k = m.end()
            continue
        leader = _LEADER_LINE.match(text, k, k + 60)
        if leader:
            k = leader.end()
            continue
        division = _DIVISION_LINE.match(text, k, k + 160)
        if division:
            found.setdefault("牵头", division.group(1))
        break
    name = found.get("牵头") or found.get("责任")
    if not name:
        return None
    parts = [clean_unit(p) or p for p in re.split(r"[、,，]", name) if p]
    parts = [p for p in parts if is_organisation(p)]
    return "、".join(parts) if parts else None


_NOT_STARTS = tuple(lex.data()["owners"]["not_starts"] + lex.data()["owners"]["time_starts"])
_FRAGMENT_STEMS = frozenset(lex.data()["owners"]["fragment_stems"])
_CLAUSE_IN_STEM = re.compile("|".join(lex.data()["owners"]["not_in_place_stems"]))
_FURNITURE = tuple(lex.data()["owners"]["furniture"])
_ROLE_LABELS = frozenset(lex.data()["owners"]["role_labels"])
_FIELD_BUREAU_ENDS = frozenset(lex.data()["owners"]["field_bureau_endings"])
# 绍兴市, 嘉兴市: a city's three-character name that ends like a slogan (科技兴市)
_CITY_SLOGAN_ENDS = frozenset(lex.data()["owners"]["city_slogan_endings"])
_DISTRICT_THING_ENDS = frozenset(lex.data()["owners"]["district_thing_endings"])
_THING_DESCRIBERS = frozenset(lex.data()["owners"]["thing_describers"])
_BRACKETED = re.compile(r"[(（〔][^)）〕]*[)）〕]")
_PLACE_SUFFIXES = ("市", "区", "县", "省", "州", "旗", "镇", "乡")
_NOT_PLACE_CHARS = set("的了和与及在对全年已各本该我其这那每个等")


# the words that end a development zone's name (临川高新区, 经开区)
ZONE_WORDS = r"(?:开发区|高新区|经开区|新区)"
_ZONE_NAME = re.compile(r"[" + HAN + r"]{0,6}?" + ZONE_WORDS)


def is_zone(name: str | None) -> bool:
    """A development zone's name (开发区, 临川高新区): it governs its page's plan, though a
    bare 开发区 in a sentence is a common word (is_organisation refuses it)."""
    return name is not None and _ZONE_NAME.fullmatch(name) is not None


# 每个县(市、区)至少落地5个…: a quota set for each member of a named group
_EACH_GROUP = re.compile(
    # the clause may open with its year (今年每个旗县市区至少…)
    r"\s*(?:今年|明年|全年|年内)?[,，]?\s*每(?:一)?个?([\u4e00-\u9fff()（）、]{1,8}?)(?=至少|不少于|不低于|要|须|力争|确保|均)"
)


# ... or a clause that opens with a list of zones or units and their quota (…,经开区、
# 工业园区至少3个): the list as printed is the group
_LISTED_GROUP = re.compile(
    r"\s*([\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10})+)(?=至少|不少于|不低于|各[\d一二三四五六七八九十])"
)


def _group_member(name: str) -> bool:
    """A zone (经开区), an industrial park that governs itself (工业园区) or a unit."""
    return is_zone(name) or name.endswith(("工业园区", "产业园区")) or is_organisation(name)


def each_group_owner(text: str, lo: int, pos: int) -> str | None:
    """The named group whose every member a clause text[lo:pos] sets a quota for."""
    m = _EACH_GROUP.match(text, lo, pos)
    if m and is_group(m.group(1)):
        return m.group(1)
    m = _LISTED_GROUP.match(text, lo, pos)
    if m and all(_group_member(n) for n in m.group(1).split("、")):
        return m.group(1)
    return None


def is_group(name: str) -> bool:
    """A named group of units: 一组单位, 各乡镇, 各有关部门."""
    return lex.owner_model()[2].fullmatch(name) is not None


# a sector's system of a whole jurisdiction (全省交通运输系统, 全市住建行业): the bureaus and
# units of that sector, which a sector meeting's news makes the subject of the year's plan
# ... or of a place named (内蒙古交通运输系统, 云南省应急管理系统: round 11)
_SECTOR_SYSTEM = re.compile(
    r"(?:全[省市县区州]|(?:"
    + "|".join(PROVINCES + ["北京", "天津", "上海", "重庆"] + sorted(_AUTONOMOUS))
    + r")(?:省|市|自治区)?|["
    + HAN
    + r"]{2,4}[市州])["
    + HAN
    + r"]{2,8}?(?:系统|行业)"
)


# the task forces a plan's work is shared out to (新型工业化专班, 第一招商工作组, 项目指挥部):
# each reports its own results
_TASK_FORCE_END = ("专班", "工作组", "指挥部")


def is_task_force(name: str) -> bool:
    return name.endswith(_TASK_FORCE_END) and "、" not in name


def is_sector_system(name: str | None) -> bool:
    return bool(name and _SECTOR_SYSTEM.fullmatch(name))


@lru_cache(maxsize=4096)
def is_organisation(name: str | None) -> bool:
    """Whether `name` looks like an organisation, a government or a group of units.

    The owner model of lexicon.toml: a name ends in an organisation's suffix
    (局, 委, 办, 中心, 公司, 政府, 街道, 县, 区 …) and holds no veto (个人中心, 日报,
    棚户区, 部分 …); a place (临川市, 青湖区) needs a name before its suffix that
    is not a common word (城市, 部分县); a region (全国, 浙江, 长三角) counts as
    the government of a statistic.  Several units joined by 、 must each pass.
    """
    if not name:
        return False
    if is_sector_system(name):
        return True
    if "、" in name and is_group(name):
        return True  # a group printed as a list (各地、各部门)
    # 浙江省(嘉兴、温州、台州): the bracket specifies the name before it
    if "(" in name or "（" in name or "〔" in name:
        name = _BRACKETED.sub("", name)
    parts = [p for p in _split_outside_brackets(name) if p] if "、" in name else [name]
    if len(parts) > 1:
        return all(is_organisation(p) for p in parts)
    name = name.strip()
    if len(name) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    suffix, veto, _groups, not_places, thing = lex.owner_model()
    if is_group(name):
        return True
    # a place of the gazetteer, though its name ends like a word (聊城市, 晋城市 end in 城市)
    if name in gazetteer_names():
        return True
    if name in _REGION_SET or normalise_region(name) != name:
        return True
    # 区农业农村委 (the bureau of agriculture and rural affairs) ends in 村委 too
    is_thing = (
        thing.search(name)
        and not name.endswith("农村委")
        and not (len(name) == 3 and name[1:] in _CITY_SLOGAN_ENDS)
        # 金山区, 宝山区: a district, not a mountain area (深山区) (rule owner.district_not_a_thing)
        and not (
            len(name) == 3 and name[1:] in _DISTRICT_THING_ENDS and name[0] not in _THING_DESCRIBERS
        )
    )
    # 建设局, 建设委: a bureau named by its field alone, which not_starts' verb opens
    bureau = len(name) == 3 and name[2] in _FIELD_BUREAU_ENDS and name[:2] in _NOT_STARTS
    if (
        veto.search(name)
        or is_thing
        or (name.startswith(_NOT_STARTS) and not _dated_place(name) and not bureau)
    ):
        return False
    if name in _FURNITURE or name in _ROLE_LABELS:
        return False
    m = suffix.search(name)
    if m is None:
        return False
    stem = name[: m.start()]
    if not stem:
        return False
    if m.group(0) in _PLACE_SUFFIXES:
        bare = re.sub(r"^[省市区县]", "", stem)
        # 哈市 (哈尔滨市) is a place; 城市, 上市, 部分县, 海南市 (a province) and
        # 宁夏市 (an autonomous region: its daily is no city's) are not; 湖南省 is
        if (
            stem in not_places
            or bare in not_places
            or stem in _FRAGMENT_STEMS
            or _CLAUSE_IN_STEM.search(stem)
            or (stem in PROVINCE_SET and m.group(0) != "省")
            or stem in _AUTONOMOUS
            or not _NOT_PLACE_CHARS.isdisjoint(stem)
        ):
            return False
    return True


def _dated_place(name: str) -> bool:
    """日照市 opens with 日 but is a city: a date word (年, 月, 日) vetoes a name when it cuts
    a place off a date (3日兰州市); a three-character place whose one-character stem
    after it is no common word is a name of its own."""
    return (
        len(name) == 3
        and name[0] in "年月日"
        and name[2] in "市县州"
        and name[1] not in _NOT_PLACE_CHARS
        and name[1] not in "新上下前后内外中底初末"
    )


def lead_and_cooperating(owner: str) -> tuple[str, list[str]]:
    """ "市工信局、市科技局、市数据局" → ("市工信局", ["市科技局", "市数据局"]).

    Addressees named as groups ("各街道、各有关部门") are one joint owner, not a lead.
    """
    parts = [p for p in _split_outside_brackets(owner) if p]
    if len(parts) < 2 or any(is_group(p) for p in parts):
        return owner, []
    return parts[0], parts[1:]


def _split_outside_brackets(s: str) -> list[str]:
    """Split at 、 outside brackets: "各县(市、区)交通运输部门" stays whole."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in s:
        if ch in "(（〔":
            depth += 1
        elif ch in ")）〕":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def names_a_lead(sentence: str) -> bool:
    """The sentence makes a unit responsible (由X牵头, (X负责), 牵头单位:X), not an addressee."""
    return bool(_LEAD_HINT.search(sentence)) and _LEAD_RE.search(sentence) is not None


_LEAD_LABEL = re.compile(
    r"[(（【]\s?(?:牵头单位|牵头部门)\s?[:：]\s?([" + HAN + r"、]{2,40}?)\s?[;；,，)）】]"
)
_LEADERS_THEN_LEAD = re.compile(
    r"[(（]["
    + HAN
    + r"、]{0,30}?(?:省长|市长|县长|区长|秘书长|主任)负责[,，](["
    + HAN
    + r"]{2,20}?)牵头"
    r"(?:[,，][^()（）\n]{0,40})?(?:[)）][。；;]?)?\s*$"
)
_BRACKET_TAIL = re.compile(r"[。；;]\s*【([" + HAN + r"、]{3,40})】[。；;]?\s*$")


def trailing_owner(tail: str) -> str | None:
    """An owner marker closing a paragraph, "…(区住建局牵头)。", owns the whole paragraph."""
    lead = _LEAD_LABEL.search(tail)
    if lead:
        # (牵头单位:市工信局;责任单位:各县区): the lead, not the units after it
        parts = [clean_unit(p) or p for p in _split_list(lead.group(1)) if p]
        if parts and all(is_organisation(p) for p in parts):
            return "、".join(parts)
    # (分管副省长、协管副秘书长负责,省发展改革委牵头,省工信厅…): the leaders answer for it,
    # the unit that leads owns it, also where the text is cut inside the bracket
    led = _LEADERS_THEN_LEAD.search(tail) if "牵头" in tail else None
    if led and is_organisation(led.group(1)):
        return led.group(1)
    m = _TRAILING_RE.search(tail) if _LEAD_HINT.search(tail) else None
    if not m:
        b = _BRACKET_TAIL.search(tail)
        if b and all(is_organisation(p) and not _is_place_name(p) for p in b.group(1).split("、")):
            return b.group(1)
        return None
    name = m.group(1) or m.group(2)
    if _LISTED_WITH_COMMAS.search(name):
        # a comma joins the units as 、 does; a group keeps its bracket (各县(市、区)人民政府)
        listed = [clean_unit(p) or p for p in _split_outside_brackets(re.sub("[,，]", "、", name))]
        listed = [p for p in listed if p]
        return "、".join(listed) if listed and all(is_organisation(p) for p in listed) else None
    parts = [clean_unit(p) or p for p in _split_list(name) if p]
    return "、".join(parts) if parts else None


_LISTED_WITH_COMMAS = re.compile(r"[,，(（〔]")

# the duty a closing bracket gives its units (…等相关部门,各县〔市、区〕政府按职责分工负责)
_BRACKET_DUTY = re.compile(r"等?(?:按照?职责分工|按职责|按分工|分工)?(?:牵头)?负责$|等?牵头$")
_KEPT_AS_PRINTED = ("等相关部门", "等有关部门", "等相关单位", "等有关单位")


def long_bracket_owner(tail: str) -> str | None:
    """The units of a bracket closing a paragraph that opens more than 40 characters
    before its end (a joint list of a dozen units, its groups after a comma), every
    part an organisation: "、"-joined, as printed ("X等相关部门" kept whole)."""
    body = tail.rstrip(" 。；;\n")
    if not body.endswith((")", "）")):
        return None
    start = max(body.rfind("("), body.rfind("（"))
    if start < 0 or len(body) - start <= 40:
        return None
    inner = _BRACKET_DUTY.sub("", body[start + 1 : -1])
    if inner == body[start + 1 : -1]:
        return None  # no duty named: an aside, not an owner marker
    parts = [p.strip() for p in _split_outside_brackets(re.sub("[,，]", "、", inner))]
    parts = [p for p in parts if p]
    if not parts or not all(p.endswith(_KEPT_AS_PRINTED) or is_organisation(p) for p in parts):
        return None
    return "、".join(parts)


# an owner's bracket cut off by the page's end before it closes (…167亿元。(区发改委主办,区教育局、
# 城建集): its lead units, named before their duty, are read
_CUT_DUTY_BRACKET = re.compile(r"[(（]([^()（）]{2,40}?)(?:主办|牵头|负责)[,，;；][^()（）]*$")


def cut_bracket_owner(tail: str) -> str | None:
    """The lead units of an owner's bracket left open at a paragraph's end."""
    m = _CUT_DUTY_BRACKET.search(tail.rstrip())
    if not m:
        return None
    parts = [p.strip() for p in m.group(1).split("、") if p.strip()]
    return "、".join(parts) if parts and all(is_organisation(p) for p in parts) else None


# the head of a bureau gives a meeting's report under its title (市水利局局长某某作题为
# 《…》的工作报告): the title is too long for _REPORTER_RE's window, so it has a pattern of its own
_TITLED_REPORT = re.compile(
    r"([" + HAN + r"]{2,20}?" + _UNIT_SUFFIX + r")(?:党组书记、|党委书记、|党组成员、)?副?"
    r"(?:局长|主任|厅长|部长|负责人)[" + HAN + r"·]{2,4}?作题为《[^》\n]{1,100}》的(?:工作)?报告"
)


def reporters(text: str) -> list[tuple[int, str]]:
    """Units that present a plan or a figure: 据X介绍, X召开, X公布."""
    out = []
    for m in _reporter_matches(text):
        if _in_caption(text, m.end()) or carried_out(text, m.start()):
            continue
        raw = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        # after 从 the name is whole (甘肃省经济合作服务局: 经 opens no clause here)
        u = raw if m.group(4) and is_organisation(raw) else clean_unit(raw)
        if u:
            out.append((m.start(), u))
    k = text.find("作题为《")
    while k >= 0:
        close = text.find("》", k)
        if close < 0:
            break
        for m in _TITLED_REPORT.finditer(text, max(0, k - 40), close + 8):
            u = clean_unit(m.group(1))
            if u and is_organisation(u):
                out.append((m.start(), u))
                break
        k = text.find("作题为《", k + 4)
    return sorted(out) if len(out) > 1 else out


# a body whose instructions a clause carries out (贯彻党中央国务院、省委省政府部署要求): a
# superior the text obeys, not the body that presents its plan
_CARRIES_OUT = re.compile(r"贯彻|落实|按照|根据|遵照|依照|响应")
_CLAUSE_END = re.compile(r"[,，。；;！!？?\n]")


def carried_out(text: str, start: int) -> bool:
    lo = max(0, start - 30)
    clause = _CLAUSE_END.split(text[lo:start])[-1]
    return bool(_CARRIES_OUT.search(clause))


# the end of a photo's caption ("X网站公布的…进展情况截图", "(记者某某 摄)"), which a damaged
# page may run into the title before it and the body after it
_CAPTION_END = re.compile(r"截图|截屏|供图|资料图|示意图|效果图|摄[)）]")
_CAPTION_WINDOW = 40


def _in_caption(text: str, end: int) -> bool:
    """A reporter's match that a photo's caption closes before the sentence ends
    (X网站公布的2020年…进展情况截图): the caption shows a page; it presents no plan."""
    window = text[end : end + _CAPTION_WINDOW]
    stop = min((k for k in (window.find("。"), window.find("\n")) if k >= 0), default=len(window))
    return _CAPTION_END.search(window, 0, stop) is not None


# no match of _REPORTER_RE is longer (a 22-character unit, 党组书记、副局长, a name, the day,
# 在 and a place of seven characters, 介绍)
_REPORTER_MAX = 56
_REPORTER_WINDOW = 112


def _reporter_matches(text: str):
    """The matches of _REPORTER_RE.finditer(text), found near the hint words only.

    _REPORTER_RE tries a unit name at every position, which is slow; every match
    ends with a hint word, so a match starts at most _REPORTER_MAX characters
    before the first hint word after it.  The pattern has no look-around, so a
    search in a window finds the same match as in the whole text whenever the
    longest match from its start fits in the window.
    """
    pos, n = 0, len(text)
    while pos < n:
        h = _REPORTER_HINT.search(text, pos)
        if h is None:
            return
        q = max(pos, h.start() - _REPORTER_MAX)  # no match starts in [pos, q)
        end = min(n, q + _REPORTER_WINDOW)
        m = _REPORTER_RE.search(text, q, end) if _REPORTER_NEED.search(text, q, end) else None
        if m is not None and (m.start() + _REPORTER_MAX <= end or end == n):
            yield m
            pos = m.end()
        else:
            # no match starts in [q, end - _REPORTER_MAX]: look again from there
            pos = max(q + 1, end - _REPORTER_MAX + 1)


# "由市财政局、农业局,各县(市)、区人民政府负责落实。": an owner sentence.  Closing a
# paragraph, it owns the items before it; standing alone on the line after a list,
# it owns the list.  Units may be separated by 、 or a comma.
_OWNER_SENTENCE = re.compile(
    r"由([" + HAN + r"、,，()（）]{2,80}?)(?:牵头)?(?:负责|承办)(?:落实|实施|完成)?[。；;]?\s*$"
    # 由市农业农村局牵头,市财政局配合。: the lead owns the paragraph, not its helpers
    r"|(?:^|[。；;]\s*)由?([" + HAN + r"、()（）]{2,60}?)牵头(?:负责)?"
    r"[,，][" + HAN + r"、()（）]{2,80}?(?:配合|协办|参与)(?:落实|实施)?[。；;]?\s*$"
)


# "…粮食产量达到200万吨。(市发展改革委、市财政局、市农业农村委、人民": a bracket that only
# lists units closes a paragraph of targets after its full stop, with no 牵头 or 负责 word;
# the text may be cut inside it.  Every unit it lists owns the paragraph's items, in text
# order; a cut fragment (人民) is no unit and is dropped.
_UNIT_LIST_TAIL = re.compile(
    r"[。；;][ \t\u3000]*[(（]([" + HAN + r"、]{5,120}?)([)）][。；;]?)?\s*$"
)


def unit_list_close(tail: str) -> str | None:
    """The units of a bare bracket of two or more units closing `tail` (see _UNIT_LIST_TAIL)."""
    m = _UNIT_LIST_TAIL.search(tail)
    if m is None:
        return None
    parts = m.group(1).split("、")
    if m.group(2) is None and parts and not _bracket_unit(parts[-1]):
        parts = parts[:-1]  # the name the text cuts
    if len(parts) < 2 or not all(_bracket_unit(p) for p in parts):
        return None
    return "、".join(parts)


def _bracket_unit(name: str) -> bool:
    """A department's name (市财政局), not a place (青湖区) nor a fragment (人民)."""
    return (
        is_organisation(name) and not _is_place_name(name) and bool(_subject_suffix().search(name))
    )


# a bracket closing a paragraph that names the leading units and then those that share the
# duty (〔A、B、C等牵头,省直有关单位按职责分工负责〕, also in round brackets); the helpers
# may follow a semicolon and run long (A、B牵头;C、D,E分行,各州、市人民政府配合)
_LEAD_BRACKET_CLOSE = re.compile(
    r"[(（〔]([" + HAN + r"、]{2,60}?)等?牵头(?:[,，;；][^〔〕\n]{0,120}?)?[)）〕][。；;]?\s*$"
)


# a bracket after a paragraph's full stop that lists the units sharing its duty, too long
# for the trailing-marker window (…进行督导。(A委、B厅、C厅、D厅、E厅、F厅等按职责分工负责)),
# or a 〔 bracket the text's end cuts (…等重大项目。〔A办、B委、C局(D局)): every unit it
# lists owns the paragraph, in text order (rule owner.paragraph_marker)
_DUTY_LIST_CLOSE = re.compile(
    r"[。；;][ \t\u3000]*[(（〔]((?:[" + HAN + r"、]|[(（][" + HAN + r"]{1,10}[)）]){5,160}?)"
    r"(?:等?" + _DUTY_WAY + r"负责)?([)）〕][。；;]?)?\s*$"
)


def duty_list_close(tail: str) -> str | None:
    """The units of a long bracket of units closing `tail` (see _DUTY_LIST_CLOSE)."""
    m = _DUTY_LIST_CLOSE.search(tail)
    if m is None:
        return None
    parts = [p for p in _split_outside_brackets(m.group(1)) if p]
    if m.group(2) is None and parts and not _listed_unit(parts[-1]):
        parts = parts[:-1]  # the name the text cuts
    if len(parts) < 2 or not all(_listed_unit(p) for p in parts):
        return None
    return "、".join(parts)


def _listed_unit(name: str) -> bool:
    """A department, its other name in brackets at most (省数据局(省营商局))."""
    return _bracket_unit(re.sub(r"[(（][^()（）]*[)）]$", "", name))


def owner_sentence(text: str) -> str | None:
    """The units of an owner sentence that ends `text`, joined by 、 (None if there is none)."""
    tail = text[-160:]
    listed = unit_list_close(tail) if ("(" in tail or "（" in tail) else None
    if listed:
        return listed
    if "〔" in tail or "负责" in tail:
        listed = duty_list_close(tail)
        if listed:
            return listed
    if "单位" in tail or "部门" in tail:
        labelled = labelled_close(tail)
        if labelled:
            return labelled
    if "协办" in tail or "配合" in tail:
        # (A主办,B、C、D…协办): a marker too long for the caller's look at the tail
        marker = trailing_owner(tail)
        if marker:
            return marker
    if "牵头" not in tail and "由" not in tail:
        return None  # the patterns need one of them; most sentences have none
    lead = _LEAD_BRACKET_CLOSE.search(tail) if "牵头" in tail else None
    if lead:
        # 〔省发展改革委、省财政厅等牵头,省(中)直有关单位按职责分工负责〕: the units that
        # lead, printed before 等牵头, own the paragraph (rule owner.paragraph_marker)
        leads = [clean_unit(p) or p for p in lead.group(1).split("、") if p]
        if leads and all(is_organisation(p) and not _is_place_name(p) for p in leads):
            return "、".join(leads)
    m = _OWNER_SENTENCE.search(tail)
    if not m:
        return None
    parts = [clean_unit(p) or p for p in re.split(r"[、,，]", m.group(1) or m.group(2)) if p]
    name = "、".join(parts)
    return name if parts and is_organisation(name) else None


# "…每个乡镇不超过2个。(责任单位:市农技中心、市农开中心;完成时限:2024年年底前)": a
# bracket of labelled fields closing a paragraph; its unit field owns the paragraph's
# items (the lead unit's field when both are printed).
_LABELLED_CLOSE = re.compile(
    r"[(（【]\s?((?:牵头|责任)(?:单位|部门))\s?[:：]\s?([" + HAN + r"、,，]{2,60}?)\s?"
    r"(?:[;；]\s?([^()（）【】;；]{2,90}?))?(?:[;；]\s?[^()（）【】]{2,90}?)?[)）】][。；;]?\s*$"
)
_LEAD_FIELD = re.compile(r"^(?:牵头单位|牵头部门)\s?[:：]\s?([" + HAN + r"、,，]{2,60})$")


def labelled_close(tail: str) -> str | None:
    """The unit field of a bracket of labelled fields that closes `tail` (see _LABELLED_CLOSE)."""
    m = _LABELLED_CLOSE.search(tail)
    if not m:
        return None
    name = m.group(2)
    if m.group(1).startswith("责任") and m.group(3):
        lead = _LEAD_FIELD.match(m.group(3).strip())
        if lead:
            name = lead.group(1)
    parts = [clean_unit(p) or p for p in re.split(r"[、,，]", name) if p]
    return "、".join(parts) if parts and all(is_organisation(p) for p in parts) else None


def is_owner_line(text: str) -> str | None:
    """A line that is nothing but an owner sentence ("由市人民政府各相关部门负责落实。") or an
    owner marker fallen below its item ("(市工信局负责)", "【牵头单位:市工信局】")."""
    s = text.strip()
    if (
        s[:1] in ("(", "（", "【")
        and s.rstrip("。；;")[-1:] in (")", "）", "】")
        and sum(s.count(ch) for ch in "(（【") == 1  # (四)…(X负责) is an item, not a marker
        and len(s) <= 80
    ):
        name = trailing_owner(s) or labelled_close(s)
        return name if name and is_organisation(name) else None
    if not s.startswith("由") or len(s) > 120:
        return None
    m = _OWNER_SENTENCE.fullmatch(s)
    return owner_sentence(s) if m else None


# The subject of a sentence that opens with a unit or a named group of units
# ("一组单位完成合同资金…", "各部门招商引资要实现…", "外经贸局、建委引进外资…",
# "市经委作为…牵头部门,要…确保完成…"): it owns the figures of its sentence and of
# the sentences after it in the paragraph, until another subject opens one.
_SUBJECT_LEAD = re.compile(
    # a quoted question or remark may open on its unit (“商务厅牵头建设50家…?”)
    r"[ \t\u3000]*[“\"]?(?:[①②③④⑤⑥⑦⑧⑨⑩㈠㈡㈢㈣㈤]|\d{1,2}\s?[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    # the sentence may open with its year, a number or a word (2026年, 今年, 年内)
    r"|[一二三四五六七八九十]{1,3}、)?\s*(?:(?:(?:19|20)\d{2}年(?:度)?|今年|明年|年内)\s?[,，]?\s?)?"
    # a photo's credit run into the sentence after it (胡某某摄新疆…发展和改革委员会…在会上说)
    r"(?:[\u4e00-\u9fff]{2,3}摄\s?)?"
)
# a name may carry an aside in brackets (各区县(包括开发区,下同)、各行业)
_SUBJECT_NAME = re.compile(r"(?:[(（][^()（）\n]{1,30}[)）]|[" + HAN + r"()（）、]){2,24}")
_ASIDE = re.compile(r"[(（][^()（）\n]{1,30}[,，][^()（）\n]{0,30}[)）]")


_MODAL = re.compile(r"将|要|须|需|必须|应|计划|力争|确保|拟|全年")


# a unit named by pointing back (该局, 该委): the one named before, which stays the subject
_BACK_REFERENCE = re.compile(r"该(?:局|委|厅|办|部|中心|单位|部门|公司)")


def clause_subject(text: str, start: int, end: int) -> str | None:
    """A unit that opens a later clause of the sentence and is given a duty there
    ("今年,在去年的基础上,市交通部门将…"): the subject of what follows."""
    found = None
    for m in _COMMA.finditer(text, start, end):
        k = m.end()
        if not _MODAL.search(text, k, min(end, k + 24)):
            continue
        name = subject_owner(text, k, end)
        if name and not _BACK_REFERENCE.search(name):
            # the clause may open on its year before the unit (,今年某厅计划…)
            at = text.find(name, k, min(end, k + 24))
            after = (at if at >= 0 else k) + len(name)
            while after < end and text[after] in " \u3000":
                after += 1
            if _MODAL.match(text, after):
                found = name
    return found


_COMMA = re.compile(r"[,，]")


def subject_owner(text: str, start: int, end: int) -> str | None:
    """The unit or group of units that opens the sentence text[start:end], if any.

    The name is the shortest opening run that is an organisation's name, grown
    over the rest of its suffix (二类部 → 二类部门) and over units joined by 、
    (外经贸局、建委); a named group at its end is the name (招商考核一类部门 →
    一类部门).  Places (全市, 青湖区) are not subjects here (the region rules
    read them), nor are names whose suffix is weak (行, 站, 社 …).
    """
    m = _SUBJECT_LEAD.match(text, start, end)
    k = m.end() if m else start
    run = _SUBJECT_NAME.match(text, k, min(end, k + 30))
    if not run:
        return None
    s = run.group(0)
    if not _NAME_END_RX().search(s, 0, 21):
        return None
    names: list[str] = []
    i = 0
    while i < len(s) and len(names) < 6:
        name = _shortest_name(s, i, first=not names)
        if name is None:
            break
        names.append(name)
        i += len(name)
        aside = _ASIDE.match(s, i)
        if aside:
            i = aside.end()  # (包括开发区,下同): what the name covers, not another name
        if not s.startswith("、", i):
            break
        i += 1
    if not names:
        return None
    if _PROJECTS_LISTED.match(text, k + i, min(end, k + i + 40)):
        # 某某产业发展中心、某某广场等新建项目20个: the names of projects, listed before the
        # count of them, not units (rule owner.subject)
        return None
    if len(names) == 1 and not is_group(names[0]):
        g = lex.owner_model()[2]
        one = names[0]
        for j in range(len(one) - 2, 0, -1):
            if g.fullmatch(one[j:]):
                names = [one[j:]]
                break
    if len(names) == 1 and is_government(names[0]):
        # 省政府各牵头部门要…: the government's departments named as a group, not the government
        whole = lex.owner_model()[2].match(s)
        if whole and len(whole.group(0)) > len(names[0]):
            names = [whole.group(0)]
    if any(_is_place_name(n) or is_government(n) or _subject_veto().search(n) for n in names):
        return None
    # 某局局长…表示: the head speaks; the reporter and interview rules read that
    after = s[len("、".join(names)) :] if s.startswith("、".join(names)) else ""
    if _HEAD_TITLE.match(after):
        return None
    # 市安委会下达我区…指标: the body that hands a quota down does not own it, the body
    # that receives it does (the document's)
    if _HANDS_DOWN.match(after):
        return None
    return "、".join(names)


# the rest of a list of projects after the names that open it (、新城吾悦广场等新建项目20个)
_PROJECTS_LISTED = re.compile(r"[^,，。；;:：]{0,30}?等[" + HAN + r"]{0,8}?(?:项目|工程)")


def _shortest_name(s: str, i: int, first: bool) -> str | None:
    strong = _subject_suffix()
    stop = s.find("、", i)
    limit = min(len(s), i + 20) if stop < 0 else min(stop, i + 20)
    # a group whose levels a bracket lists (各县(市、区)) holds its own 、
    whole = lex.owner_model()[2].match(s, i)
    if whole and whole.end() > limit:
        return whole.group(0)
    # a name ends where an organisation's suffix or a group's last character does
    ends = sorted({m.end() for m in _NAME_END_RX().finditer(s, i, limit)})
    for j in ends:
        if j < i + 2 or _SUFFIX_OPENS_WORD_RE.match(s, j):
            continue
        cand = s[i:j]
        if not (is_organisation(cand) and (strong.search(cand) or is_group(cand))):
            continue
        if cand.startswith("各") and not is_group(cand):
            continue
        if whole and len(whole.group(0)) > len(cand) and whole.group(0).startswith(cand):
            return whole.group(0)  # 各区县, not 各区: the whole group's name
        if first and len(cand) < 3 and not is_group(cand):
            return None
        # grow over the rest of the suffix: 部 → 部门, 委 → 委员会, 政府 → 政府办公室
        # (not over a title: 总局局长 is the head of 总局)
        suffix = lex.owner_model()[0]
        for extra in (3, 2, 1):
            longer = s[i : j + extra]
            if (
                j + extra <= len(s)
                and all(ch in _SUFFIX_CHARS for ch in s[j : j + extra])
                and is_organisation(longer)
                and (longer_suffix := suffix.search(longer)) is not None
                and (cand_suffix := suffix.search(cand)) is not None
                and len(longer_suffix.group(0)) > len(cand_suffix.group(0))
            ):
                return longer
        return cand
    # a group whose name ends in no organisation's suffix (各行业)
    return whole.group(0) if whole else None


_SUFFIX_CHARS = set("门员会办公室厅局委府")
_HEAD_TITLE = re.compile(r"局长|主任|书记|厅长|部长|省长|市长|县长|区长|负责人|党组|副")


@lru_cache(maxsize=1)
def _NAME_END_RX() -> re.Pattern:  # noqa: N802 - a compiled constant, built from the lexicon
    words = set(lex.data()["owners"]["subject_suffixes"]) | {
        "单位",
        "部门",
        "乡镇",
        "镇街",
        "街道",
        "县",
        "区",
        "镇",
        "乡",
    }
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _subject_veto() -> re.Pattern:
    words = lex.data()["owners"]["subject_vetoes"]
    # function words (据, 在, 的 …) but not 经 and 起, which open names too (市经委, 起重机厂)
    function = "".join(sorted(_STOP_BEFORE - set("经起")))
    return re.compile("|".join(re.escape(w) for w in words) + "|[" + function + "]")


@lru_cache(maxsize=1)
def _subject_suffix() -> re.Pattern:
    words = lex.data()["owners"]["subject_suffixes"]
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")$")


def _is_place_name(name: str) -> bool:
    """全市, 浙江, 青湖区, 临川市: a region or a bare place, not a unit of it."""
    name = _BRACKETED.sub("", name)
    if name in _REGION_SET or normalise_region(name) != name:
        return True
    return name.endswith(_PLACE_SUFFIXES) and not is_group(name)


# A government or its office (辽宁省政府, 市人民政府办公室, 县政府): when the
# paragraph speaks for the whole jurisdiction (全省…, 全市…), the jurisdiction owns it.
# 县府办, 市府办: the office of a government written short, as its notices' source line does
_GOVERNMENT_ENDING = r"(?:(?:人民政府|政府)(?:办公室|办公厅)?|(?<=[省市县区])府办)$"
_GOVERNMENT = re.compile(_GOVERNMENT_ENDING)


def is_government(name: str | None) -> bool:
    return bool(name and _GOVERNMENT.search(name))


_GOVERNMENT_OF = re.compile(r"^([" + HAN + r"]{0,12}?)" + _GOVERNMENT_ENDING)


def government_place(name: str | None) -> str | None:
    """The place of a government or its office (金乡县人民政府 → 金乡县, 辽宁省政府 → 辽宁省,
    区人民政府 → 区); None when `name` is not one government (各相关乡镇政府, a list)."""
    if not name or "、" in name or is_group(name):
        return None
    m = _GOVERNMENT_OF.match(name)
    if not m:
        return None
    place = m.group(1)
    if place.startswith("各") or is_group(place):
        return None  # 各区县政府: a group of governments, as printed
    if place in ("", "市", "区", "县", "省", "自治区"):
        return place
    if place in PROVINCE_SET:
        return place + "省"
    return place if (is_organisation(place) or place in _AUTONOMOUS) else None


def split_owner(owner: str) -> list[str]:
    """The names of a joint owner ("A、B、C"), 、 inside brackets kept."""
    return [p for p in _split_outside_brackets(owner) if p]


_ELEMENT_BOUND_CHARS = ",，。;；:：\n"
_ELEMENT_BOUND = re.compile("[" + _ELEMENT_BOUND_CHARS + "]")
# up to the last bound of a window (greedy: one match instead of a search per character)
_UP_TO_LAST_BOUND = re.compile("(?s).*[" + _ELEMENT_BOUND_CHARS + "]")
_ELEMENT_PLACE_END = re.compile(r"[区县旗市州]")


def _opening_place(element: str, places: list[str]) -> str | None:
    """The place an element of a list opens with (新城区 of 新城区项目13个), if any."""
    for m in _ELEMENT_PLACE_END.finditer(element, 0, 6):
        name = element[: m.end()]
        if (
            len(name) >= 3
            and is_organisation(name)
            and _is_place_name(name)
            and (name in places or len(name) == 3)
        ):
            return name
    return None


_CLAUSE_BOUND = re.compile(r"[,，;；:：]")


def _clause_list_place(
    text: str, lo: int, k: int, e: int, hi: int, places: list[str]
) -> str | None:
    """ "其中:青湖区120亿元,江北区100亿元,临川县80亿元": clauses of a sentence that each open
    with a place; the place opening the figure's clause owns it."""
    own_place = _clause_place(text, k, e, places)
    if own_place is None:
        return None
    bounds = [lo] + [m.end() for m in _CLAUSE_BOUND.finditer(text, lo, hi)]
    others = sum(1 for b in bounds if b != k and _clause_place(text, b, hi, places))
    return own_place if others >= 1 else None


def _clause_place(text: str, b: int, e: int, places: list[str]) -> str | None:
    """The place a clause opens with as its subject: not one that opens a unit's name
    (临川市发展改革委主任…介绍)."""
    while b < e and text[b] in " \t\u3000":
        b += 1
    place = _opening_place(text[b : min(e, b + 8)], places)
    if place is None:
        return None
    unit = _UNIT_RE.match(text, b, min(e, b + 20))
    return None if unit and len(unit.group(0)) > len(place) else place


def _after_last_bound(text: str, lo: int, pos: int) -> int:
    """Just after the last element bound in text[lo:pos], else lo."""
    m = _UP_TO_LAST_BOUND.match(text, lo, pos)
    return m.end() if m else lo


def list_element_place(text: str, lo: int, pos: int, hi: int, places: list[str]) -> str | None:
    """ "直属学校项目4个、新城区项目13个、回民区项目8个": in a 、-list of which two elements or
    more open with a place, the place that opens the figure's element owns it."""
    # the element's clause: after the last bound before pos, up to the first one after it
    k = pos if pos <= lo else _after_last_bound(text, lo, pos)
    after = _ELEMENT_BOUND.search(text, pos, hi)
    e = after.start() if after else max(pos, hi)
    elements = text[k:e].split("、")
    if len(elements) < 2:
        return _clause_list_place(text, lo, k, e, hi, places)
    at = text.count("、", k, pos)
    own_place = _opening_place(elements[at].lstrip(), places)
    if own_place is None:
        return None
    # the others carry figures of their own (回民区项目8个); names alone (泰山区、东平县10家
    # 单位) are the members a figure counts, whose list owns it whole
    others = sum(
        1
        for i, el in enumerate(elements)
        if i != at and _opening_place(el, places) and _DIGIT.search(el)
    )
    return own_place if others >= 1 else None


_DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class Place:
    """A city or county of the gazetteer (owners.toml [places])."""

    name: str  # with its level word, as the corpus writes a place (慈溪市, 平昌县, 都安县)
    stem: str  # as a text may print it bare (慈溪, 平昌, 都安)
    level: str  # 市 or 县
    above: str  # the prefecture it belongs to; "" for a prefecture-level city


# an autonomous county is written by its place and 县 (都安瑶族自治县 → 都安县)
_ETHNIC_COUNTY = re.compile(r"([" + HAN + r"]{2,}?)(?:[" + HAN + r"]{1,4}?族)+自治县")


def _gazetteer_place(full: str, above: str) -> Place | None:
    if full.endswith("自治县"):
        m = _ETHNIC_COUNTY.fullmatch(full)
        return Place(m.group(1) + "县", m.group(1), "县", above) if m else None
    if full[-1] in "市县" and len(full) >= 3:
        return Place(full, full[:-1], full[-1], above)
    return None  # a prefecture (湘西土家族苗族自治州, 大兴安岭地区) or a one-character stem


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """The gazetteer's cities and counties by the first two characters of their stems."""
    index: dict[str, list[Place]] = {}
    for prefecture, below in lex.data()["places"].items():
        head = _gazetteer_place(prefecture, "")
        above = head.name if head else ""
        for place in [head] + [_gazetteer_place(n, above) for n in below.split()]:
            if place is not None:
                index.setdefault(place.stem[:2], []).append(place)
    return {k: tuple(v) for k, v in index.items()}


# what follows a place's stem when the text names something else: another level or a
# street (中山区, 大连路), a paper or a site (滁州日报), a zone or a school (湘西高新区)
_NOT_THE_PLACE_AFTER = re.compile(
    r"[省市县区州旗乡镇村路街]|日报|晚报|[报网台]|新闻|电视|广播|高新|开发|经开|新区|[\u4e00-\u9fff]{0,4}?(?:大学|学院)"
    # a stem that is a word of a sector (新兴产业, 新兴业态 of 新兴县): the word, not the place
    r"|产业|业态"
    # ... or of a bureau's name (经济合作局 holds 合作 of 合作市)
    r"|[局委厅处科]"
)


# a word the stem's last character opens (重特大安全事故 holds 大安): the stem is a word's
# tail, not a place; see `stem_opens_a_word` in owners.toml (rule owner.stem_opens_a_word)
_STEM_OPENS_A_WORD = re.compile(
    "|".join(re.escape(w) for w in lex.data()["owners"]["stem_opens_a_word"])
)


# a firm's name opens with a place (北京华联…北京华联超市, 上海家化集团): wherever the text
# prints the name so, the place is the firm's, not the text's
_FIRM_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,3}?(?:超市|商场|商城|百货|集团|公司|酒店|银行|药业|股份)"
)


def opens_a_firms_name(text: str, start: int, after: int, sample: str | None = None) -> bool:
    """The place printed at text[start:after] opens a name that `sample` (else `text`) prints
    as a firm's somewhere."""
    name = text[start : after + 2]
    if len(name) < after - start + 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    # Every printing of the name, then the firm's word after it: a pattern built from the
    # name would be compiled anew for each text and push the fixed patterns out of re's cache.
    where = text if sample is None else sample
    at = where.find(name)
    while at >= 0:
        if _FIRM_AFTER.match(where, at + len(name)):
            return True
        at = where.find(name, at + 1)
    return False


_ROUTE_MARKS = "至到-—~～"


def _route_end(sample: str, start: int, end: int) -> bool:
    """A name at an end of a route (衡阳至西渡, 永州至衡阳, 衡阳-株洲) names a road's or a
    waterway's end, not the text's place."""
    return (start > 0 and sample[start - 1] in _ROUTE_MARKS) or (
        end < len(sample) and sample[end] in _ROUTE_MARKS
    )


_PROVINCE_AT = re.compile("|".join(sorted(PROVINCES, key=len, reverse=True)))


def province_at(text: str, at: int) -> str | None:
    """The province whose bare name text prints at `at` (青海将…), if any."""
    m = _PROVINCE_AT.match(text, at)
    return m.group(0) if m else None


@lru_cache(maxsize=1)
def _stem_first_chars() -> re.Pattern[str]:
    """Any first character of a stem of the gazetteer, followed by any second character
    of one (every stem has two at least): the regex engine skips the text between them,
    where a Python loop would look up every pair of characters."""
    firsts = sorted({re.escape(pair[0]) for pair in gazetteer()})
    seconds = sorted({re.escape(pair[1]) for pair in gazetteer()})
    return re.compile("[" + "".join(firsts) + "](?=[" + "".join(seconds) + "])")


@lru_cache(maxsize=2)
def _printings(sample: str) -> tuple[tuple[Place, int, int, bool], ...]:
    """Each printing of a place of the gazetteer: (place, where its stem starts, where it
    ends, whether its level word follows).  Kept for the text last asked about, since the
    document context asks up to five times about the same opening (printed_places,
    place_in_own_words, place_below_named_most) and the walk is the same each time."""
    return tuple(_walk_printings(sample))


_LEVEL_WORDS = frozenset("省市区县州旗盟")


def _walk_printings(sample: str):
    """The walk behind _printings.  A bare stem that another word holds (滁州日报, 中山路,
    a firm's name, a route's end) is none, nor a stem inside a province's name (龙江 of
    黑龙江); nor a stem that is the word for a whole jurisdiction (全州 of 全州县: the whole
    prefecture, printed bare)."""
    index = gazetteer()
    provinces = [m.span() for m in _PROVINCE_AT.finditer(sample)]
    for first in _stem_first_chars().finditer(sample):
        i = first.start()
        for place in index.get(sample[i : i + 2], ()):
            if not sample.startswith(place.stem, i):
                continue
            if any(a <= i < b or a < i + len(place.stem) <= b for a, b in provinces):
                continue
            after = i + len(place.stem)
            if sample.startswith(place.level, after):
                yield place, i, after, True
            elif (
                not (place.stem[0] == "全" and place.stem[1:] in _LEVEL_WORDS)
                and not _NOT_THE_PLACE_AFTER.match(sample, after)
                and not _STEM_OPENS_A_WORD.match(sample, after - 1)
                and not _route_end(sample, i, after)
                and not opens_a_firms_name(sample, i, after)
            ):
                yield place, i, after, False


# the rest of a list of places closed by their count (…、广州等8个城市, 、某某等地)
_PLACE_EXAMPLES_AFTER = re.compile(
    r"(?:、["
    + HAN
    + r"]{2,4})*等(?:[\d一二三四五六七八九十]{1,3}个?)?(?:城市|地区|省市|省份|国家|地)"
)


_DATELINE_BEFORE = ("本报", "新华社", "中新社", "电")
_DATELINE_AFTER = re.compile(r"\s?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)")


# the rest of a list of named works closed by 等 or by their count (…等220个亿元以上产业
# 项目, …3个创新型省实验室)
_WORKS_LISTED_AFTER = re.compile(
    r"[^,，。；;:：]{0,30}?(?:等|[\d一二三四五六七八九十]{1,4}个)[^,，。；;:：]{0,12}?"
    r"(?:项目|工程|实验室|园区|平台|基地)"
)


_GOVERNMENT_AFTER = re.compile(r"(?:人民)?政府|委员会|人大|政协")


def places_governing(sample: str, level: str) -> set[str]:
    """The gazetteer's places of `level` a text prints with their level word and then their
    government's (紫阳县政府办公室, 紫阳县人民政府): the governments a text names."""
    return {
        place.name
        for place, _i, after, leveled in _printings(sample)
        if leveled
        and place.level == level
        and _GOVERNMENT_AFTER.match(sample, after + len(place.level))
    }


def printed_places(sample: str) -> dict[Place, list[int]]:
    """The gazetteer's places a text prints, each with [bare mentions, mentions with its
    level word]: 慈溪 in 打造新慈溪 is bare, 平昌县 in 围绕平昌县 has its level word.  A
    bare name after a mark (东北、辽宁、大连振兴) counts twice: no word holds it, unless it is
    one of the examples of a count of places (…、广州等8个城市).  A stem
    inside a province's name (龙江 of 黑龙江, 吉林 the province) is none."""
    out: dict[Place, list[int]] = {}
    # a name printed right after a province's (欢迎来到浙江临海, 江苏昆山): the place given
    # with its province, as a page's greeting or a dateline writes it, no word's tail (rule
    # owner.place_after_its_province)
    province_ends = {m.end() for m in _PROVINCE_AT.finditer(sample)}
    for place, i, after, leveled in _printings(sample):
        # a place opening a listed project's name (、海口哈罗公学项目、, a paragraph opening on
        # 海口市国际免税城项目、…) names the project, not the text's place (rule
        # owner.place_in_project_name)
        if (i == 0 or sample[i - 1] in "、\n \u3000") and _PROJECT_NAME_REST.match(
            sample, after + len(place.level) if leveled else after
        ):
            continue
        if leveled:
            out.setdefault(place, [0, 0])[1] += 1
        else:
            # a name that opens after a mark (、大连, “慈溪) is cut from no longer word; one of
            # the examples of a count of places (前往北京、上海、广州等8个城市) is one of
            # several places named, no more the text's than a word (rule owner.place_examples)
            clear = i == 0 or not "\u4e00" <= sample[i - 1] <= "\u9fff" or i in province_ends
            if clear and _PLACE_EXAMPLES_AFTER.match(sample, after):
                clear = False
            # a dateline's place (本报海口11月26日电, 新华社长沙电) is where the news was filed,
            # not what it is about (rule owner.dateline_place)
            if _DATELINE_AFTER.match(sample, after) and sample[max(0, i - 3) : i].endswith(
                _DATELINE_BEFORE
            ):
                continue
            # a bare name opening one of a list of named works (大唐二热、榆树风电制氢合成氨
            # 等220个产业项目; 吉光、三江、长白山3个创新型省实验室): the work's name, not a
            # printing of the place (rule owner.place_in_a_works_name)
            if not i or sample[i - 1] in "、，,“":
                if _WORKS_LISTED_AFTER.match(sample, after):
                    continue
            out.setdefault(place, [0, 0])[0] += 2 if clear else 1
    return out


# what a text writes right after its own place, printed bare or whole: its development, its
# contribution, the leader's words to it (为随州发展贡献力量, 推动保山高质量跨越, 作出漾濞贡献,
# 视察江西和赣州重要讲话精神, 把漾濞打造成…); see `own_place_after` in owners.toml
_OWN_PLACE_AFTER = re.compile(
    "|".join(re.escape(w) for w in lex.data()["owners"]["own_place_after"])
)


def place_in_own_words(sample: str, level: str) -> str | None:
    """The one place of the gazetteer of `level` (市, 县; "" any) that a text prints before
    words of its own development or contribution (see _OWN_PLACE_AFTER), once being enough:
    the place the text speaks for when it calls itself only 全市/我市 or nothing and names
    its place so seldom that `seat_of` cannot tell it from a word.  Of a city and a place
    under it, the city; None when no place, or more than one, is printed so (rule
    owner.place_in_own_words)."""
    found: set[Place] = set()
    for place, _i, after, leveled in _printings(sample):
        if (not level or place.level == level) and _OWN_PLACE_AFTER.match(
            sample, after + len(place.level) if leveled else after
        ):
            found.add(place)
    cities = {p.name for p in found}
    found = {p for p in found if p.above not in cities}
    return found.pop().name if len(found) == 1 else None


def seat_of(printed: dict[Place, list[int]], level: str, need_level_word: bool) -> str | None:
    """The one place of `level` (市, 县; "" any) a text prints at least twice, once with its
    level word when `need_level_word`: the place the text is by, when it calls itself only
    全市/我市 (慈溪 in a city's plan that says 我市) or nothing. A name printed once (大沙河
    holds 沙河, 真金白银 白银) is too weak to tell a place from a word.  Of a city and a
    place under it, the city; of places apart, the one printed most."""
    found = {
        p
        for p, (bare, leveled) in printed.items()
        if (not level or p.level == level)
        and bare + leveled >= 2
        and (leveled or not need_level_word)
    }
    # a city's text names the places under it (大连 … 金普、庄河农房改造): the city
    cities = {p.name for p in found}
    weights: Counter[str] = Counter()
    for p in found:
        if p.above not in cities:
            weights[p.name] += sum(printed[p])
    ranked = weights.most_common(2)
    # one place, or one printed more than any other (吉水 beside 东山中央城, 白沙水厂)
    if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def place_below_named_most(sample: str, city: str) -> Place | None:
    """The place under `city` that a text prints (bare or whole) most, and more often than
    the city: the text is about it, the city is only named (a city's meeting held in one of
    its counties, 湛江市…现场会在廉江召开, then 廉江制定…, 廉江把…).  None when no place
    under the city is printed more often than the city, or two tie (rule
    owner.place_below_named_most)."""
    times = Counter(place for place, _i, _after, _leveled in _printings(sample))
    of_city = sum(n for p, n in times.items() if p.name == city and not p.above)
    below = [(n, p) for p, n in times.most_common() if p.above == city and n > of_city]
    if not below or (len(below) > 1 and below[1][0] == below[0][0]):
        return None
    return below[0][1]


@lru_cache(maxsize=1)
def gazetteer_names() -> frozenset[str]:
    """Every name of the gazetteer as it is written whole: its prefectures, leagues and
    地区 (锡林郭勒盟, 大兴安岭地区) and the cities and counties under them."""
    names = {k for k in lex.data()["places"] if not k.endswith("直辖")}
    names |= {p.name for places in gazetteer().values() for p in places}
    return frozenset(names)


def opening_place(line: str) -> str | None:
    """The place of the gazetteer, written whole, that a text's first line opens on as
    its subject (锡林郭勒盟全面贯彻落实…): the place the text is about.  Not one that
    names a paper, a site or a zone (锡林郭勒盟日报, 临川市高新区)."""
    line = line.lstrip()
    for n in range(min(len(line), 12), 2, -1):
        name = line[:n]
        if name in gazetteer_names():
            after = line[n : n + 2]
            if (
                after[:1]
                and "\u4e00" <= after[0] <= "\u9fff"
                and not _NOT_THE_PLACE_AFTER.match(after)
            ):
                return name
            return None
    return None


@lru_cache(maxsize=1)
def _places_by_name() -> dict[str, Place]:
    return {p.name: p for places in gazetteer().values() for p in places}


def place_named(name: str) -> Place | None:
    """The city or county of the gazetteer written `name` (呼和浩特市, 廉江市), if any."""
    return _places_by_name().get(name)


def known_place(stem: str, level: str) -> bool:
    """The gazetteer knows a place `stem` of `level` (东营 of 市, 和田 of 市)."""
    return any(p.stem == stem and p.level == level for p in gazetteer().get(stem[:2], ()))


def known_tail(name: str, level: str) -> str:
    """A name cut out of a sentence with a character too many in front (话余姚 of 对话余姚市)
    whose tail is a place of the gazetteer at that level: the tail (余姚).  A name the
    gazetteer knows whole, or whose tail it does not know, is kept."""
    index = gazetteer()

    def known(stem: str) -> bool:
        return any(p.stem == stem and p.level == level for p in index.get(stem[:2], ()))

    if len(name) < 3 or known(name):
        return name
    for k in range(1, len(name) - 1):
        if known(name[k:]):
            return name[k:]
    return name


@lru_cache(maxsize=1)
def _one_character_counties() -> dict[str, Place]:
    """The gazetteer's counties named by one character and 县 (宾县, 道县, 沛县, 蠡县), which
    _gazetteer_place leaves out: a stem of one character is no name to look for bare."""
    out: dict[str, Place] = {}
    for prefecture, below in lex.data()["places"].items():
        head = _gazetteer_place(prefecture, "")
        for n in below.split():
            if len(n) == 2 and n[1] == "县":
                out[n] = Place(n, n[0], "县", head.name if head else prefecture)
    return out


# the county's own bodies printed after its name (宾县人民政府, 道县县委, 沛县政府)
_COUNTY_BODY_AFTER = re.compile(r"人民政府|县委|县政府|政府|人大|政协|发改|统计局")


def _printed_before(sample: str, level: str) -> set[str]:
    """Every character printed before `level` in sample, with it (宾县, 全县): the names of
    one character and that level the text can hold, found in one pass instead of a search
    for each name of the gazetteer."""
    out: set[str] = set()
    k = sample.find(level, 1)
    while k >= 0:
        out.add(sample[k - 1 : k + 1])
        k = sample.find(level, k + 1)
    return out


def one_character_county(sample: str) -> str | None:
    """The one county named by one character (宾县) that a text prints at least twice, once
    where no longer word can hold it: after a mark or its city (，沛县; 永州市道县) or
    before its own bodies (宾县人民政府, 道县县委).  None when it prints none or several."""
    found: set[str] = set()
    counties = _one_character_counties()
    for name in _printed_before(sample, "县"):
        place = counties.get(name)
        if place is None:
            continue
        at = sample.find(name)
        if at < 0 or sample.find(name, at + 1) < 0:
            continue
        city = place.above[:-1] if place.above.endswith("市") else place.above
        while at >= 0:
            before = sample[at - 1] if at else ""
            clear = (
                not before
                or not "\u4e00" <= before <= "\u9fff"
                or (city and sample.endswith(city, 0, at))
                or sample.endswith(place.above, 0, at)
                or _COUNTY_BODY_AFTER.match(sample, at + 2) is not None
            )
            if clear:
                found.add(name)
                break
            at = sample.find(name, at + 1)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def long_place_names() -> re.Pattern[str] | None:
    """The gazetteer's cities and counties whose names before their level word run longer
    than three characters (呼和浩特市, 鄂尔多斯市, 齐齐哈尔市), beyond the reach of the place
    patterns; printed whole, such a name is no common word."""
    names = sorted(
        {p.name for places in gazetteer().values() for p in places if len(p.stem) > 3},
        key=lambda n: (-len(n), n),
    )
    return re.compile("|".join(re.escape(n) for n in names)) if names else None


# A place named alone, as the label of what follows: a line of its own over a place's part
# of a roundup (广州⏎●地区生产总值增长6%以上) or a paragraph's first sentence in a
# county-by-county report (滨城区 。 重点投资项目35个…; 樊城区:…).  The name and nothing
# else: a stray word (重点工作, 主要目标) is no place, nor is the whole (全市) or a group.
_LABEL_MARKS = " \u3000\t。.:："
# a page's repeated headline run into a paragraph's start (【2020年滨州市…通报!…】邹平市 。)
_RUN_IN_HEADLINE = re.compile(r"\s*【[^【】\n]{4,60}】")
_LEVEL_ENDS = "区县市旗州盟"


def place_label(s: str) -> str | None:
    """The place `s` names and nothing else (滨城区, 宜城市, 广州, 江西), as printed."""
    name = s.strip(_LABEL_MARKS)
    if not 2 <= len(name) <= 8 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return None
    if name[0] in "全我本各该":
        return None
    if name in gazetteer_names() or name in PROVINCE_SET:
        return name
    if known_place(name, "市") or known_place(name, "县"):
        return name  # 广州, 惠州: a city printed by its stem
    if (
        3 <= len(name) <= 6
        and name[-1] in _LEVEL_ENDS
        and is_organisation(name)
        and not is_group(name)
    ):
        return name
    return None


_PLACE_OPENING = re.compile(r"\s*([\u4e00-\u9fff]{2,8})\s*[。:：]")


def _opening_label(text: str, lo: int, hi: int) -> str | None:
    """The place a line opens on as its label (滨城区 。 重点投资项目35个…), if the line
    goes on after it."""
    run_in = _RUN_IN_HEADLINE.match(text, lo, hi)
    m = _PLACE_OPENING.match(text, run_in.end() if run_in else lo, hi)
    if m is None or not text[m.end() : hi].strip():
        return None
    return place_label(m.group(1))


def place_sections(text: str, lines: list[Line]) -> list[str | None]:
    """For each line, the place that labels it, when the text is laid out by places: two
    places at least each named alone on a line over their part (广州⏎●…⏎深圳⏎●…), a part
    running to the next label or to a part heading (一、…); or two at least each opening
    a paragraph as its label (滨城区 。 …⏎沾化区 。 …), each its own paragraph's. One
    place so named is no layout: a headline's 贵州:今年… names where the news is from."""
    over: dict[int, str] = {}
    opening: dict[int, str] = {}
    for i, ln in enumerate(lines):
        if ln.kind not in ("content", "unitline"):
            continue
        if ln.end - ln.start <= 12:
            name = place_label(text[ln.start : ln.end])
            if name and opens_section(lines, i, text):
                over[i] = name
                continue
        name = _opening_label(text, ln.start, ln.end)
        if name:
            opening[i] = name
    out: list[str | None] = [None] * len(lines)
    if len(set(over.values())) >= 2:
        current: str | None = None
        for i, ln in enumerate(lines):
            if i in over:
                current = over[i]
                continue
            if ln.kind == "byline" or (ln.kind == "heading" and (ln.level or 3) <= 2):
                current = None
            out[i] = current
    if len(set(opening.values())) >= 2:
        for i, name in opening.items():
            out[i] = name
    return out
