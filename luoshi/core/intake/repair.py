"""Repair damaged document text before reading it.

`repair(raw)` returns the repaired text that every offset of an extraction
refers to, together with a map from repaired positions back to the raw text.

Repairs, in order:
- lines starting with "# source:" are dropped;
- full-width digits, letters and punctuation become ASCII; ﹒ and ． between
  digits become a decimal point; traditional characters become simplified
  (character for character, so offsets stay aligned);
- pinyin inserted after characters (規(guī)劃) is removed;
- spaces inside numbers (6 . 5%) and single spaces between Chinese
  characters (line-wrap damage: 工作机 制) are removed;
- a paragraph that ends without closing punctuation and continues after blank
  lines (a column or page break: 建⏎⏎设) is joined to its continuation.

Lines are classified by `classify_line` (heading, furniture, byline, table
row, content); `find_duplicates` marks paragraphs printed twice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from .fastre import scanning
from .numbers_scan import UNITS

try:
    from opencc import OpenCC

    _T2S = OpenCC("t2s")
except Exception:  # pragma: no cover - opencc is a declared dependency
    _T2S = None

_t2s_cache: dict[str, str] = {}

SENTENCE_END = set('。！？!?；;…:：”’"」』)）|】')
HAN_RE = r"\u4e00-\u9fff"
_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# These patterns run over the whole text.  Each starts with a literal character
# and checks what comes before it with a look-behind written after that
# character ("\((?<=[一-鿿]\()" for "(?<=[一-鿿])\("): the same matches, but the
# regex engine can skip ahead to the literal instead of trying every position.
_PINYIN_RE = re.compile(
    r"\((?<=[\u4e00-\u9fff]\()(?=[a-zü" + _TONE_VOWELS + r"]{0,7}[" + _TONE_VOWELS + r"])"
    # (a space may close the gloss: 会(huì )议)
    r"[a-zü" + _TONE_VOWELS + r"]{1,8} ?\)"
)
# (?<=\d) {0,3}\. {0,3}(?=\d)|(?<=\d) {1,3}(?=%): a figure's decimal point, or a
# percent sign, set apart by spaces.  A decimal point with no space after it (5.2) would
# be replaced by itself: the first branch asks for a space, so that a text's every
# decimal does not rebuild the text and its index for nothing
_NUM_SPACE_RE = re.compile(r"\.(?<=\d\.) {1,3}(?=\d)| (?<=\d )(?: {0,2}\. {0,3}(?=\d)| {0,2}(?=%))")
# (?<=[一-鿿]) {1,2}(?=[一-鿿]), except the space between two units' names in one cell
# (县教体局 各相关乡镇政府): a unit's last character before it, a group (各…) or a unit
# named by its level (市财政局) after it
_UNIT_LAST = "局委办厅府心司团队"
_NEXT_UNIT = r"(?:各|[省市县区][\u4e00-\u9fff]{1,10}?(?:局|委|办|厅|政府|中心|公司|集团|大队))"
# ... nor the space before a table row's last cell that names its unit (1 居民消费价格涨幅3%左右
# 发展改革委): the row's responsible body, kept apart from its task
_ROW_END_UNIT = r"[\u4e00-\u9fff]{1,12}?(?:部|委|局|署|厅|办)[ \t]*(?:\n|$)"
_HAN_SPACE_RE = re.compile(
    r" (?<=[\u4e00-\u9fff] ) ?(?=[\u4e00-\u9fff])"
    r"(?!(?<=[" + _UNIT_LAST + r"] ) ?" + _NEXT_UNIT + r")"
    r"(?! ?" + _ROW_END_UNIT + r")"
)
_DECIMAL_MARKS = {"﹒", "．", "·", "•"}


# variant forms that the converter leaves as they are (陜西省 with 陜, U+965C, for 陕; 囯 for
# 国; 峩 for 峨): written as the simplified character, one for one, so that a place or a
# name printed with a variant is read as itself; 瞭, which the converter keeps for 瞭望 one
# character at a time, is the traditional 了 of 了解 and 明了 (记者從省交通運輸廳瞭解到):
# the cues that name a text's source (了解到) read it as written in either script
_VARIANTS = {"陜": "陕", "囯": "国", "峩": "峨", "瞭": "了"}


def _t2s_char(ch: str) -> str:
    out = _t2s_cache.get(ch)
    if out is None and ch in _VARIANTS:
        out = _t2s_cache[ch] = _VARIANTS[ch]
    if out is None:
        out = ch
        if _T2S is not None:
            try:
                conv = _T2S.convert(ch)
                if len(conv) == 1:
                    out = conv
            except Exception:
                out = ch
        _t2s_cache[ch] = out
    return out


# the small-form marks of some traditional-script pages (减免…110%﹔为…, 增长5﹪): read as the
# ordinary ones, so that ﹔ ends a clause as ; does
_SMALL_FORMS = {"﹐": ",", "﹑": "、", "﹪": "%", "﹔": ";", "﹕": ":", "﹖": "?", "﹗": "!"}


def _norm_char(ch: str) -> str:
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if o in (0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF, 0x2007, 0x202F):
        return " "
    if o == 0x09:
        return " "
    if 0x4E00 <= o <= 0x9FFF:
        return _t2s_char(ch)
    if ch in _SMALL_FORMS:
        return _SMALL_FORMS[ch]
    if ch in "–－−":
        return "-"
    return ch


class _Builder:
    """Builds a string while recording, for each output char, its raw index."""

    __slots__ = ("chars", "index")

    def __init__(self):
        self.chars: list[str] = []
        self.index: list[int] = []


def _apply_regex_deletions(text: str, idx: list[int], pattern: re.Pattern, repl=None):
    """Delete (or replace by a same-length-or-shorter string) regex matches, keeping the map."""
    out: list[str] = []
    out_idx: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        out_idx.extend(idx[pos : m.start()])
        if repl is not None:
            r = repl(m)
            out.append(r)
            out_idx.extend(idx[m.start() : m.start() + len(r)] or [idx[m.start()]] * len(r))
        pos = m.end()
    if pos == 0:
        return text, idx
    out.append(text[pos:])
    out_idx.extend(idx[pos:])
    return "".join(out), out_idx


@dataclass(slots=True)
class Line:
    start: int
    end: int  # exclusive, without the newline
    kind: str  # blank, heading, furniture, byline, table, content, signature, date
    level: int = 0
    dup: bool = False

    def text(self, s: str) -> str:
        return s[self.start : self.end]


_FURNITURE_PREFIX = re.compile(
    r"^\s*(?:文\s*号|索\s*引\s*号|发布时间|发文日期|成文日期|发布日期|发布机构|信息来源|来\s*源\s*[:：]|"
    r"时\s*间\s*[:：]|作\s*者\s*[:：]|字\s*号|标\s*题\s|信息分类|主题分类|责任编辑|编\s*辑\s*[:：]|"
    r"浏览次数|点击数|阅读数|访问量|分享到|扫一扫|【字体|首页\s*[>＞]|当前位置|您的位置|"
    r"第\s*[0-9一二三四五六七八九十]{1,3}\s*版|上一篇|下一篇|附件\s*[:：]?\s*\d?\s*$)"
)
_FURNITURE_ANY = scanning(
    r"点击蓝字|关注我们|长按二维码|扫码关注|阅读原文|登录\s*[|｜]\s*注册|打印本页|关闭窗口|"
    r"(?:浏览|阅读|点击)(?:次数|量|数)?\s*[:：]\s*\d|[>＞].{0,20}[>＞]"
)
_BYLINE = re.compile(
    r"^\s*[(（]\s*(?:本报)?(?:记者|通讯员|供稿|转自|来源|编辑|作者|撰稿)[^()（）]{0,40}[)）]\s*$|"
    r"^\s*(?:《[^》]{1,12}》)?\s*(?:本报)?(?:记者|评论员|通讯员)[\s\u4e00-\u9fff、,]{0,40}$"
)
_MASTHEAD = scanning(
    r"(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s*(?:星期|周)[一二三四五六日天]|第\s?[0-9一二三四五六七八九十]{1,3}\s?版"
)
_DATE_LINE = re.compile(
    r"^\s*(?:20\d{2}|19\d{2})\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_ATTACHMENT = re.compile(r"\.(?:xlsx?|docx?|pdf|wps|zip|rar|et|ofd)\s*$", re.IGNORECASE)
_HEADING_MD = re.compile(r"^\s*(#{1,6})\s")
_HEADING_CN = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
_HEADING_PAREN = re.compile(r"^\s*[(（][一二三四五六七八九十]{1,3}[)）]")
# a sentence that ends inside the line ("3. 新建5G基站1200个以上。(市工信局负责)",
# "1.新建…。责任单位:市工信局", "…以上。【市工信局】"): an item with its owner, not a heading
_ITEM_INSIDE = re.compile(r"[。；;！？!?]\s*\S")
# a numbered line that closes on a measured figure ("(一)地区生产总值增长7%以上",
# "2.新建学校10所"): an item printed without its full stop, not a heading
_MEASURED_ITEM = scanning(
    r"(?<!第)\d(?:\.\d+)?\s?[万亿]{0,2}(?:[%％‰]|"
    + "|".join(re.escape(u) for u in UNITS)
    + r")(?:以上|以内|左右|以下)?\s*$"
)
_HEADING_NUM = re.compile(r"^\s*\d{1,2}\s*[、.．](?!\d)")
# an owner's bracket closing a line (市工信局负责, 区商务局): it names a unit or a duty
_CLOSING_BRACKET = re.compile(
    r"\s*[(（【〔][^()（）【】〔〕]{1,38}(?:局|委|办|厅|政府|中心|公司|集团|单位|部门|牵头|负责|主办)"
    r"[)）】〕]\s*$"
)
_UNIT_LINE = re.compile(
    r"^\s*["
    + HAN_RE
    + r"()（）]{2,24}(?:局|委员会|委|办公室|办|厅|部|政府|管委会|中心|公司|集团)\s*$"
)
# no stripped line longer than this matches _UNIT_LINE (24 characters and a 3-character
# suffix): a paragraph is not tried
_UNIT_LINE_MAX = 27


def classify_line(line: str) -> tuple[str, int]:
    """Return (kind, heading level) for one line of repaired text."""
    s = line.strip()
    if not s:
        return "blank", 0
    if s.endswith("|") or s.startswith("|"):
        return "table", 0
    m = _HEADING_MD.match(line)
    if m:
        return "heading", len(m.group(1))
    if len(s) <= 60 and (_FURNITURE_PREFIX.match(s) or _FURNITURE_ANY.search(s)):
        return "furniture", 0
    if len(s) <= 120 and _MASTHEAD.search(s):
        return "furniture", 0
    if len(s) <= 80 and _BYLINE.match(s):
        return "byline", 0
    if _DATE_LINE.match(s):
        return "date", 0
    if len(s) <= 80 and _ATTACHMENT.search(s):
        return "furniture", 0
    if "作者" in s[:6] and len(s) <= 80:
        return "furniture", 0
    # a numbered line with a sentence inside ("3. 新建5G基站1200个以上。(市工信局负责)") is an item
    if (
        len(s) <= 40
        and s[-1] not in "。；;！？!?,，"
        and not _ITEM_INSIDE.search(s)
        and not _MEASURED_ITEM.search(s)
        # …1200个以上(市工信局负责): the figure closes the item before its owner's bracket
        and not _MEASURED_ITEM.search(_CLOSING_BRACKET.sub("", s))
    ):
        if _HEADING_CN.match(s):
            return "heading", 2
        if _HEADING_PAREN.match(s):
            return "heading", 3
        if _HEADING_NUM.match(s) and len(s) <= 30:
            return "heading", 4
    if len(s) <= _UNIT_LINE_MAX and _UNIT_LINE.match(s):
        return "unitline", 0
    if len(s) <= 4 and s.isdigit():
        return "furniture", 0
    return "content", 0


def split_lines(text: str, known: dict[str, tuple[str, int]] | None = None) -> list[Line]:
    """The lines of text, classified.

    `known` (line -> classify_line(line)) is read and filled in: repair splits
    the text a second time after joining paragraphs, and most lines are the same.
    """
    lines: list[Line] = []
    pos = 0
    for part in text.split("\n"):
        end = pos + len(part)
        if not part or part.isspace():
            lines.append(Line(pos, end, "blank", 0))
        else:
            kl = known.get(part) if known is not None else None
            if kl is None:
                kl = classify_line(part)
                if known is not None:
                    known[part] = kl
            lines.append(Line(pos, end, kl[0], kl[1]))
        pos = end + 1
    _stray_bars(text, lines)
    _related_links(text, lines)
    return lines


# a page's list of links to other articles (相关新闻, 相關鏈結, 延伸阅读, 【相关新闻】)
_RELATED_HEADING = re.compile(
    r"^[【\[]?(?:相[关關](?:新[闻聞]|[阅閱][读讀]|[链鏈][接结結]|文章|[报報][道導])"
    r"|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀])[】\]]?\s?[:：]?"
)
# a link's title: a bullet, or a short line that is no sentence
_LINK_BULLET = re.compile(r"^[·•●\-－—]\s?|^[【\[]")


# the words every related-links heading holds: a text without them is not walked line by line
_RELATED_WORD = re.compile(r"相[关關]|延伸|推[荐薦]")


def _related_links(text: str, lines: list[Line]) -> None:
    """The titles listed under a page's related-links heading are other articles'
    headlines (· 广西力争2007年内高速公路通车里程达到1800公里): furniture, whose figures
    are not this text's. The list ends at a line that reads as a sentence of the text."""
    if not _RELATED_WORD.search(text):
        return
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        heading = text[ln.start : ln.end].strip()
        if len(heading) > 16 or not _RELATED_HEADING.match(heading):
            continue
        lines[i] = Line(ln.start, ln.end, "furniture", 0)
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if nxt.kind == "blank":
                continue
            title = text[nxt.start : nxt.end].strip()
            if not (_LINK_BULLET.match(title) or (len(title) <= 45 and "。" not in title)):
                break
            lines[j] = Line(nxt.start, nxt.end, "furniture", 0)


def _stray_bars(text: str, lines: list[Line]) -> None:
    """A paragraph with a stray bar of the page at one end ("…2个百分点。 |") and no
    table around it is no row: a table has rows above or below, and a row two cells."""
    for i, ln in enumerate(lines):
        if ln.kind != "table":
            continue
        part = text[ln.start : ln.end]
        if part.count("|") != 1 or "。" not in part:
            continue
        near = [
            lines[j].kind
            for j in (*range(i - 1, max(-1, i - 3), -1), *range(i + 1, min(len(lines), i + 3)))
            if lines[j].kind != "blank"
        ]
        if "table" not in near:
            lines[i] = Line(ln.start, ln.end, "content", 0)


_DUP_WINDOW = 30000


def find_duplicates(text: str, lines: list[Line]) -> None:
    """Mark content lines that repeat an earlier paragraph (whole, or as a tail of one)."""
    seen: set[str] = set()
    for ln in lines:
        if ln.kind not in ("content", "table"):
            continue
        s = text[ln.start : ln.end].strip()
        if len(s) < 12:
            continue
        if s in seen:
            ln.dup = True
            continue
        seen.add(s)
        if ln.kind == "content" and len(s) >= 30:
            lo = max(0, ln.start - _DUP_WINDOW)
            if text.find(s, lo, ln.start) >= 0:
                ln.dup = True


_CONTINUATION = re.compile(r"\s*(?:[0-9.%]|[的了和及与、,，;；)）”个万亿元])")
_FRESH_START = re.compile(r"[\u4e00-\u9fff]{4,16}。")
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}\s?年(?:度)?")
# a title names the kind of document it heads ("…工作方案的通知", "…政府工作报告")
_DOC_TYPE_END = re.compile(r"(?:通知|意见|方案|计划|要点|报告|决定|办法|通报|公告|的函|清单)$")
_LIST_MARK = re.compile(r"[,，、;；\d]")
# a numbered item after blank lines opens a new item (2.规模上…, (二)…, 三、…), even
# when the line before it ends without punctuation (责任单位:各街道)
# a line of an item's fields (牵头单位:省财政厅, 责任单位:…, 牵头领导:某某) is whole
_FIELD_LINE = re.compile(r"[ \t\u3000]*(?:牵头|责任|配合|协办|主办|分管)(?:单位|部门|领导)\s?[:：]")
_ITEM_START = re.compile(
    r"[ \t\u3000]*(?:\d{1,2}[.、．](?=[\u4e00-\u9fff])|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}、)"
)


# a news story opens with its dateline (本报讯, 本报北京3月1日电, 新华社…电, 本报记者…)
_NEWS_LEAD = re.compile(
    r"[ \t\u3000]*(?:本报讯|本报记者|(?:本报|新华社|中新社|中新网)[\u4e00-\u9fff\d]{0,10}?(?:讯|电))"
)


def _section_heading(line: str) -> bool:
    """A short line that names a review or a goal section (2024年工作回顾, 2025年主要预期目标)."""
    s = line.strip()
    if not s or len(s) > 16 or s[-1] in SENTENCE_END:
        return False
    if _NOT_YEAR_DIGIT.search(_YEAR_WORD.sub("", s)):
        return False
    from . import lexicon as lex  # the lexicon needs nothing of repair; imported when used

    return bool(lex.cue("review_heading").search(s) or lex.cue("target_heading").search(s))


_NOT_YEAR_DIGIT = re.compile(r"\d")


_UNIT_START = re.compile(
    r"[ \u3000]*(?:[万亿])?(?:个百分点|百分点|%|％|元|个|家|所|项|公里|千米|米|人|户|座|条|吨|亩|"
    r"平方米|辆|台|套|场|处|千瓦|间|名)(?![\d])"
)


# the column labels of a table printed one cell a line: its serial's label, and a unit's
_SERIAL_LABEL = re.compile(r"[ \t\u3000]*序\s*号[ \t\u3000]*")
_UNIT_LABEL = re.compile(
    r"[ \t\u3000]*(?:牵\s*头|责\s*任|主\s*办|承\s*办)\s*(?:单\s*位|部\s*门)[ \t\u3000]*"
)
_LABEL_MAX = 12  # a column label is short (主 要 工 作 任 务)


def _stacked_tables(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    """The header lines (first, last) of the tables printed one cell a line: a 序号 line,
    then short column labels one a line with a unit's among them (序号⏎项目内容⏎当前进度⏎
    牵头单位⏎备注) (rule repair.stacked_labels)."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind == "blank" or not _SERIAL_LABEL.fullmatch(text, ln.start, ln.end):
            i += 1
            continue
        labels: list[int] = []
        for k in range(i + 1, min(n, i + 20)):
            cell = text[lines[k].start : lines[k].end].strip()
            if lines[k].kind == "blank":
                continue
            # the labels end at the first row's serial or at a cell longer than a label
            if len(labels) == 8 or len(cell) > _LABEL_MAX or cell.isdigit():
                break
            labels.append(k)
        if not any(_UNIT_LABEL.fullmatch(text, lines[k].start, lines[k].end) for k in labels):
            i += 1
            continue
        spans.append((i, labels[-1]))
        i = labels[-1] + 1
    return spans


def _in_table(cells: list[tuple[int, int]], lines: list[Line], i: int) -> bool:
    """Line i is a cell of a table printed one cell a line, or the line right before its
    labels (字体:[ ]⏎⏎序号): no cut text either way."""
    nxt = next((k for k in range(i + 1, min(len(lines), i + 10)) if lines[k].kind != "blank"), i)
    return any(first <= i <= last or nxt == first for first, last in cells)


def _join_breaks(
    text: str, idx: list[int], known: dict[str, tuple[str, int]] | None = None
) -> tuple[str, list[int], list[Line] | None]:
    """Join paragraphs cut at column or page breaks.

    Also returns the lines of the text (classified, duplicates marked) when
    nothing was joined, so that the extractor need not split the text again.
    A table printed one cell a line is no broken paragraph: its lines stay apart.
    """
    lines = split_lines(text, known)
    find_duplicates(text, lines)
    cells = _stacked_tables(text, lines) if "序" in text else []
    cut: list[tuple[int, int]] = []  # spans of text to delete
    i = 0
    nlines = len(lines)
    continued = False
    while i < nlines:
        a = lines[i]
        was_continued, continued = continued, False
        if a.kind != "content" or a.dup:
            i += 1
            continue
        if cells and _in_table(cells, lines, i):
            i += 1
            continue
        atext = text[a.start : a.end].rstrip()
        if not atext or atext[-1] in SENTENCE_END:
            i += 1
            continue
        # a short line standing alone is a title, unless the next line plainly continues it
        standalone = not was_continued and (i == 0 or lines[i - 1].kind != "content")
        j = i + 1
        blanks = 0
        # page furniture (a masthead, a page number) may sit inside the break
        while (
            j < nlines
            and blanks < 8
            and (
                lines[j].kind == "blank" or (lines[j].kind in ("furniture", "date") and blanks > 0)
            )
        ):
            blanks += 1
            j += 1
        if j >= nlines:
            break
        b = lines[j]
        if (
            blanks <= 1
            and b.kind == "content"
            and not b.dup
            and (
                (atext[-1].isdigit() and _UNIT_START.match(text, b.start, b.end))
                # …9.9⏎个、⏎3.1⏎个百分点: a list of figures one a line
                or (atext[-1] == "、" and len(atext) <= 6 and text[b.start : b.start + 1].isdigit())
            )
        ):
            # a figure cut from its unit at a PDF's line break (新增就业9.9⏎万人): one line
            continued = True
            cut.append((a.start + len(atext), b.start))
            i = j
            continue
        if b.kind != "content" or b.dup or _FRESH_START.match(text, b.start, b.end):
            # a topic sentence ("抓好村镇建设。") opens a paragraph; the cut text continues elsewhere
            i += 1
            continue
        if blanks == 0 and len(atext) < 30:
            i += 1
            continue
        if _section_heading(text[b.start : b.end]):
            # "2024年工作回顾" on a line of its own opens a section; it continues nothing
            i += 1
            continue
        if blanks and _ITEM_START.match(text, b.start, b.end):
            i += 1
            continue
        if blanks and _NEWS_LEAD.match(text, b.start, b.end):
            # "本报讯 …" after blank lines opens the story: the line above is its headline
            i += 1
            continue
        if _ITEM_START.match(text, b.start, b.end) and (
            _ITEM_START.match(text, a.start, a.end) or _FIELD_LINE.match(text, a.start, a.end)
        ):
            # two numbered items, one a line ("1.…。责任单位:市工信局⏎2.…"), or an item after
            # the last field line of the one above (责任单位:…,省沈抚示范区管委会⏎2.…, as a
            # Word list prints it with no indent): two items
            i += 1
            continue
        bare = _YEAR_WORD.sub("", atext.strip())
        title_like = (len(bare) < 25 and not _LIST_MARK.search(bare)) or bool(
            _DOC_TYPE_END.search(bare)
        )
        if standalone and title_like and not _CONTINUATION.match(text, b.start):
            i += 1
            continue
        continued = True
        # delete from the end of A's visible text to the start of B
        a_end = a.start + len(atext)
        cut.append((a_end, b.start))
        # B now continues A: treat the merged paragraph from B on
        i = j
    if not cut:
        return text, idx, lines
    out: list[str] = []
    out_idx: list[int] = []
    pos = 0
    for s, e in cut:
        out.append(text[pos:s])
        out_idx.extend(idx[pos:s])
        pos = e
    out.append(text[pos:])
    out_idx.extend(idx[pos:])
    return "".join(out), out_idx, None


_SOURCE_LINE = re.compile(r"(?m)^# source:[^\n]*(?:\n|$)")
_CR = re.compile(r"\r(?=\n)")
_BLANK_RUN = re.compile(r"\n(?:[ \t\u3000]*\n){2,}")
_DECIMAL_RE = re.compile(r"[﹒．·•](?<=\d[﹒．·•])(?=\d)")


class _CharTable(dict):
    """ord(ch) -> normalised ch, filled in by str.translate itself as it meets new
    characters (so no separate pass over the text looks for them)."""

    def __missing__(self, o: int) -> str:
        ch = chr(o)
        out = _norm_char(ch)
        out = out if len(out) == 1 else ch
        if len(self) > 200000:  # pragma: no cover - bounded cache
            self.clear()
        self[o] = out
        return out


_char_table = _CharTable()


def _normalise(text: str) -> str:
    """Full-width to ASCII, traditional to simplified, char for char (same length)."""
    return text.translate(_char_table)


_SPAM_PUNCT = ",，、。;；!！?？\n"
_SPAM_MAX_TEXT = 400_000
_SPAM_FEW = 32  # candidates that are cheaper to scan for one by one
_NUMERAL_CHARS = set("零〇一二两三四五六七八九十百千万亿")


# a whole run (the look-behind and the possessive ++ keep the search linear)
_SPAM_RUN = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]++(?=[" + re.escape(_SPAM_PUNCT) + r"])"
)
_SPAM_ANCHOR = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[个处座家户人元吨亩米项]))(?=([\u4e00-\u9fff]{3,6}))"
)


def _occurrences(text: str, tok: str) -> list[int]:
    """Starts of the non-overlapping occurrences of tok, left to right (as re.finditer
    would find them, without compiling a pattern for every candidate token)."""
    out = []
    p = text.find(tok)
    while p >= 0:
        out.append(p)
        p = text.find(tok, p + len(tok))
    return out


def _anchored_words(text: str) -> set[str]:
    """The words of 3-6 Chinese characters that start a run or follow a measure word."""
    words: set[str] = set()
    for m in _SPAM_ANCHOR.finditer(text):
        w = m.group(1)
        for n in range(3, len(w) + 1):
            words.add(w[:n])
    return words


def spam_tokens(text: str) -> list[str]:
    """Words injected by spam sites ("星空体育"): 3–6 characters repeated in unrelated places.

    A token qualifies when it occurs at least four times, mostly right before
    punctuation, after at least four different characters, and at least once
    right after a figure or at the start of a line, where no phrase of the
    document would stand.
    """
    if len(text) > _SPAM_MAX_TEXT:
        return []
    # the last 3, 4, 5 and 6 characters of every run of Chinese characters that
    # ends at punctuation; counted length by length, in text order, as four
    # searches of "[一-鿿]{n}(?=punctuation)" would count them
    runs = [r for r in _SPAM_RUN.findall(text) if len(r) >= 3]
    ends: Counter = Counter(map(itemgetter(slice(-3, None)), runs))
    # a longer token ends its runs with its last three characters, as often: with no
    # three that end three runs there is no candidate, and a run whose last three end
    # fewer adds only to counts below three
    repeated = {tok for tok, f in ends.items() if f >= 3}
    if not repeated:
        return []
    runs = [r for r in runs if r[-3:] in repeated]
    # runs of at least n characters, narrowed as n grows (most runs are short; each
    # round filters only the runs the last one kept), in text order
    for n in range(4, 7):
        runs = [r for r in runs if len(r) >= n]
        ends.update(map(itemgetter(slice(-n, None)), runs))
    found: list[str] = []
    candidates = [(tok, f) for tok, f in ends.items() if f >= 3]
    # Finding every occurrence of every candidate scans the text once per
    # candidate: quadratic, as a long text has thousands of candidates.  A token
    # must occur somewhere after a figure, a measure word or a line start
    # (`anchored` below); then collect, in one pass, the words at such places
    # (a superset: every place after a non-Chinese character), and scan only
    # for candidates among them.
    anchored_words = _anchored_words(text) if len(candidates) > _SPAM_FEW else None
    for tok, f in sorted(candidates, key=lambda kv: -len(kv[0])):
        if (
            f < 3
            or (found and any(tok in longer for longer in found))
            or not _NUMERAL_CHARS.isdisjoint(tok)
        ):
            continue
        if anchored_words is not None and tok not in anchored_words:
            continue  # never after a figure, a measure word or a line start: cannot qualify
        positions = _occurrences(text, tok)
        c = len(positions)
        if c < 4 or f / c < 0.6:
            continue
        lefts = {text[p - 1] if p > 0 else "\n" for p in positions}
        anchored = any(
            p == 0
            or text[p - 1] == "\n"
            or text[p - 1].isdigit()
            or text[p - 1] in "个处座家户人元吨亩米项"
            for p in positions
        )
        han_lefts = sum(1 for ch in lefts if "\u4e00" <= ch <= "\u9fff")
        if len(lefts) >= 4 and han_lefts >= 2 and anchored:
            found.append(tok)
    return found


def repair(raw: str) -> tuple[str, list[int]]:
    """Return (repaired text, map from repaired index to raw index)."""
    text, idx, _lines = repair_lines(raw)
    return text, idx


def repair_lines(raw: str) -> tuple[str, list[int], list[Line]]:
    """`repair`, plus the lines of the repaired text (`split_lines`, `find_duplicates`)."""
    if not raw:
        return "", [], split_lines("")
    text = raw
    idx = list(range(len(raw)))
    text, idx = _apply_regex_deletions(text, idx, _SOURCE_LINE)
    text, idx = _apply_regex_deletions(text, idx, _CR)
    text, idx = _apply_regex_deletions(text, idx, _BLANK_RUN, lambda m: "\n\n")
    text = text.replace("\r", "\n")
    text = _normalise(text)
    text = _DECIMAL_RE.sub(".", text)
    text, idx = _apply_regex_deletions(text, idx, _PINYIN_RE)
    text, idx = _apply_regex_deletions(
        text, idx, _NUM_SPACE_RE, lambda m: "." if "." in m.group(0) else ""
    )
    text, idx = _apply_regex_deletions(text, idx, _HAN_SPACE_RE)
    spam = spam_tokens(text)
    if spam:
        text, idx = _apply_regex_deletions(text, idx, re.compile("|".join(map(re.escape, spam))))
    known: dict[str, tuple[str, int]] = {}
    text, idx, lines = _join_breaks(text, idx, known)
    if lines is None:
        lines = split_lines(text, known)
        find_duplicates(text, lines)
    return text, idx, lines
