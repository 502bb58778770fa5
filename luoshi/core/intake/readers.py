"""Read a document into text: .txt, .md, .docx, .pdf (text layer), .html, or "-" (stdin).

Tables in .docx and .html come out as pipe rows ("| a | b |"), headings as
markdown "#" lines, so that the extractor sees the document's structure.
Unreadable input raises IntakeError with a message for the user.
"""

from __future__ import annotations

import io
import re
import sys
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from luoshi.core.archives import MB, ArchiveRefused, Limits, check_zip

from .errors import IntakeError

TEXT_EXTS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
# A .docx is read whole into memory by python-docx: its parts may unpack to 50 MB (a
# 300-page plan's text is a few MB; its pictures are stored, not inflated).
DOCUMENT_LIMITS = Limits(max_unpacked=50 * MB)
# A year's plan is tens of pages; a newspaper issue a hundred. Time is checked between pages.
PDF_MAX_PAGES = 500
PDF_MAX_SECONDS = 60


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), then GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def read_document(path_or_dash: str) -> str:
    if path_or_dash == "-":
        data = (
            sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        )
        text = decode_bytes(data)
        if text.lstrip().startswith("<") and "<html" in text[:2000].lower():
            return html_to_text(text)
        return text
    path = Path(path_or_dash)
    ext = path.suffix.lower()
    if not path.exists():
        raise IntakeError(f"{path}: no such file")
    if path.is_dir():
        raise IntakeError(f"{path}: is a directory")
    try:
        if ext in TEXT_EXTS:
            return decode_bytes(path.read_bytes())
        if ext in HTML_EXTS:
            data = path.read_bytes()
            if b"\x00" in data or not re.search(rb"<[A-Za-z!/]", data):
                raise IntakeError(f"{path}: not an HTML page")
            text = html_to_text(decode_bytes(data))
            if not text.strip():
                raise IntakeError(f"{path}: the page holds no text")
            return text
        if ext == ".docx":
            return _read_docx(path)
        if ext == ".pdf":
            return _read_pdf(path)
    except IntakeError:
        raise
    except Exception as exc:  # corrupt files raise many kinds of errors
        raise IntakeError(
            f"{path}: cannot read {ext or 'file'} ({type(exc).__name__}: {exc})"
        ) from exc
    raise IntakeError(
        f"{path}: unsupported file type {ext or '(none)'}; use .txt, .md, .docx, .pdf or .html"
    )


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "｜").split())


def _docx_blocks(parent):
    """The body's paragraphs and tables in order, also those inside content controls
    (w:sdt: cover pages, forms, templates) and custom XML, which python-docx skips."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag in ("p", "tbl"):
            yield child
        elif tag == "sdt":
            for content in child.iterchildren(_W + "sdtContent"):
                yield from _docx_blocks(content)
        elif tag == "customXml":
            yield from _docx_blocks(child)


def _read_docx(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        raise IntakeError(f"{path}: empty .docx file")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover
        raise IntakeError("python-docx is not installed") from exc
    try:
        check_zip(data, DOCUMENT_LIMITS)  # before python-docx inflates anything
    except ArchiveRefused as exc:
        if exc.reason == "not_zip":
            raise IntakeError(f"{path}: not a valid .docx file (not a zip package)") from exc
        raise IntakeError(f"{path}: refused, {exc}") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise IntakeError(f"{path}: not a valid .docx file ({type(exc).__name__})") from exc
    out: list[str] = []
    numbers = _DocxNumbering(document)
    for child in _docx_blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, document)
            text = p.text
            label = numbers.label(p) if text.strip() else ""
            if label:  # Word draws a tab after it; Chinese documents type "1.生产总值…"
                text = label + text.lstrip()
            style = (p.style.name if p.style is not None else "") or ""
            if style.lower().startswith("heading") and text.strip():
                digits = "".join(c for c in style if c.isdigit())
                level = min(6, int(digits)) if digits else 1
                text = "#" * level + " " + text.strip()
            elif style.lower() == "title" and text.strip():
                text = "# " + text.strip()
            out.append(text)
        elif tag == "tbl":
            table = Table(child, document)
            out.append("")
            for row in table.rows:
                # A cell merged across columns is written once, then left empty (as the
                # PDF reader does); one merged down rows is repeated on each row.
                cells, before = [], None
                for c in row.cells:
                    cells.append("" if c._tc is before else _cell(c.text))
                    before = c._tc
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
    return "\n".join(out)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"


def _chinese_counting(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[units] if units else "")


def _letters(n: int) -> str:
    if not 0 < n < 100_000:
        return str(n)
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + digits, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "chineseLegalSimplified"):  # fmt: skip
        return _chinese_counting(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal, decimalFullWidth, and what we do not know


def _numbering_of(num_pr) -> tuple[str | None, int]:
    """(numId, ilvl) of a w:numPr element; a missing level is the first."""
    num_id = num_pr.find(_W + "numId")
    ilvl = num_pr.find(_W + "ilvl")
    return (
        num_id.get(_W + "val") if num_id is not None else None,
        int(ilvl.get(_W + "val", "0")) if ilvl is not None else 0,
    )


class _DocxNumbering:
    """The numbers Word draws before list paragraphs ("1.", "（一）"), which it keeps in
    the numbering properties and not in the text: counted here as Word counts them."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract id
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> abstract, starts
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
            self._load(root)
        except Exception:  # no numbering part, or one we cannot read: no numbers
            self.levels, self.nums = {}, {}

    def _load(self, root) -> None:
        for abstract in root.iter(_W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                start = lvl.find(_W + "start")
                levels[ilvl] = (
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "",
                    int(start.get(_W + "val", "1")) if start is not None else 1,
                )
            self.levels[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            starts = {}
            for override in num.iter(_W + "lvlOverride"):
                so = override.find(_W + "startOverride")
                if so is not None:
                    starts[int(override.get(_W + "ilvl", "0"))] = int(so.get(_W + "val", "1"))
            if ref is not None:
                self.nums[num.get(_W + "numId", "")] = (ref.get(_W + "val", ""), starts)

    def _num_pr(self, paragraph) -> tuple[str | None, int]:
        """The numbering (id, level) of a paragraph: its own, else its style's or a base's."""
        ppr = paragraph._p.pPr
        num_pr = ppr.find(_W + "numPr") if ppr is not None else None
        if num_pr is not None:
            return _numbering_of(num_pr)
        style = paragraph.style
        for _ in range(10):  # a style and the styles it is based on
            if style is None:
                break
            spr = style.element.pPr
            num_pr = spr.find(_W + "numPr") if spr is not None else None
            if num_pr is not None:
                return _numbering_of(num_pr)
            style = style.base_style
        return None, 0

    def label(self, paragraph) -> str:
        if not self.nums:
            return ""
        try:
            num_id, ilvl = self._num_pr(paragraph)
        except Exception:
            return ""
        if not num_id or num_id not in self.nums:
            return ""
        abstract_id, starts = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.get(num_id)
        if counters is None:
            counters = [0] * 9
            self.counters[num_id] = counters
        ilvl = max(0, min(ilvl, 8))
        for k in range(9):
            if counters[k] == 0 and k <= ilvl:
                start = starts.get(k, levels.get(k, ("", "", 1))[2])
                counters[k] = start - 1 if k == ilvl else start
        counters[ilvl] += 1
        for k in range(ilvl + 1, 9):
            counters[k] = 0
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            fmt_k = levels.get(k, (fmt, "", 1))[0]
            return _format_number(counters[k] if 0 <= k < 9 else 0, fmt_k)

        return re.sub(r"%([1-9])", number, text).strip()


def _read_pdf(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        raise IntakeError(f"{path}: empty .pdf file")
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover
        raise IntakeError("pdfplumber is not installed") from exc
    started = time.monotonic()
    try:
        pages: list[_PdfPage] = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > PDF_MAX_PAGES:
                raise IntakeError(
                    f"{path}: the PDF has {len(pdf.pages)} pages (at most {PDF_MAX_PAGES})"
                )
            for page in pdf.pages:
                pages.append(_pdf_page(page))
                page.close()  # its parsed objects are not needed again
                # A page cannot be interrupted, but a document can stop between pages.
                if time.monotonic() - started > PDF_MAX_SECONDS:
                    raise IntakeError(
                        f"{path}: reading the PDF took more than {PDF_MAX_SECONDS} s "
                        f"(stopped at page {len(pages)})"
                    )
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(f"{path}: not a valid .pdf file ({type(exc).__name__})") from exc
    text = _pdf_text(pages)
    if not text.strip():
        raise IntakeError(f"{path}: the PDF has no text layer, OCR is not supported")
    return text


# Fonts that share one glyph between an ideograph and its radical (Source Han / Noto
# CJK, and others) often map that glyph back to the radical's code point, so that the
# text layer says "⼈⺠" for 人民. The Kangxi radicals have compatibility mappings
# (NFKC); the supplement's standalone forms do not, and are listed here.
_RADICAL_SUPPLEMENT = str.maketrans(
    "⺠⺟⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⺩⺜⺝⺗⺮⺬⺳⺶⻁⻗⻑⺙⺢⺁⺊⺋⺓⺒⺽⺻",
    "民母西见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟王日月心竹示网羊虎雨長攵氺厂卜卩幺巳臼聿",
)
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def _unradical(text: str) -> str:
    if not _RADICALS.search(text):
        return text
    text = text.translate(_RADICAL_SUPPLEMENT)
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


class _PdfLine:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "size", "rows")

    def __init__(self, text, x0, x1, top, bottom, size, rows=None):
        self.text, self.x0, self.x1, self.top, self.bottom = text, x0, x1, top, bottom
        self.size = size
        self.rows: list[list[str]] | None = rows  # a table: its rows of cells


class _PdfPage:
    def __init__(self, lines: list[_PdfLine], width: float, height: float):
        self.lines, self.width, self.height = lines, width, height


def _join_wrapped(left: str, right: str) -> str:
    """Two pieces of one line broken by the layout: a space only between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum():
        if right[0].isascii() and right[0].isalnum():
            return left + " " + right
    return left + right


def _cell_text(text: str | None) -> str:
    if not text:
        return ""
    out = ""
    for piece in text.split("\n"):
        piece = " ".join(piece.split())
        out = _join_wrapped(out, piece) if out else piece
    return _cell(_unradical(out))


def _pdf_table_rows(table) -> list[list[str]]:
    """The table's rows; a cell merged over several rows is repeated in each of them
    (as python-docx gives a vertically merged .docx cell), one merged across columns
    is written once."""
    grid = table.extract()
    cells = [(r, c, box) for r, row in enumerate(table.rows) for c, box in enumerate(row.cells)]
    real = [(r, c, box) for r, c, box in cells if box is not None]
    rows = [[_cell_text(v) for v in row] for row in grid]
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            if box is not None or c >= len(rows[r]):
                continue
            xs = [b for rr, cc, b in real if cc == c]
            if not xs or row.bbox is None:
                continue
            x = (min(b[0] for b in xs) + max(b[2] for b in xs)) / 2
            y = (row.bbox[1] + row.bbox[3]) / 2
            for rr, cc, b in real:
                if cc == c and rr < r and b[0] <= x <= b[2] and b[1] <= y <= b[3]:
                    rows[r][c] = rows[rr][cc]
                    break
    return rows


# A line set justified (or spread, 分散对齐) leaves gaps between its characters that
# the text layer reads as spaces. Where most pairs of Chinese characters on a line are
# so parted, the spaces are spacing; where few are, they part columns or fields.
_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")
_CJK_PAIR = re.compile(f"(?=[{_CJK}][{_CJK}])")


def _unspread(text: str) -> str:
    gaps = len(_CJK_GAP.findall(text))
    if gaps >= 2 and gaps > len(_CJK_PAIR.findall(text)):
        return _CJK_GAP.sub("", text)
    return text


def _pdf_page(page) -> _PdfPage:
    """The page's text lines and tables (as one line each), top to bottom."""
    tables: list[_PdfLine] = []
    try:
        for table in page.find_tables():
            rows = _pdf_table_rows(table)
            if rows and max(len(r) for r in rows) >= 2:  # a box around a paragraph: no table
                x0, top, x1, bottom = table.bbox
                tables.append(_PdfLine("", x0, x1, top, bottom, 0.0, rows))
    except Exception:  # odd ruling must not cost the page its text: read it as lines
        tables = []
    body = page
    for t in tables:
        px0, ptop, px1, pbottom = page.bbox
        body = body.outside_bbox(
            (max(t.x0, px0), max(t.top, ptop), min(t.x1, px1), min(t.bottom, pbottom))
        )
    lines = []
    for ln in body.extract_text_lines(return_chars=True, strip=True):
        chars = ln.get("chars") or []
        sizes = [ch.get("size", 0.0) for ch in chars if not ch.get("text", " ").isspace()]
        size = sorted(sizes)[len(sizes) // 2] if sizes else 10.0
        text = _unspread(_unradical(ln["text"]))
        if text.strip():
            lines.append(_PdfLine(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], size))
    lines.extend(tables)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return _PdfPage(lines, float(page.width), float(page.height))


_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·.]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－_·.]*$"
)
_SENTENCE_END = "。！？!?；;：:"
_STARTS_ITEM = re.compile(
    r"^(?:\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．]"
    r"|第[一二三四五六七八九十百\d]+[章节条部分]|[①-⑳]|[-•·●■◆]\s)"
)


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _strip_running_lines(pages: list[_PdfPage]) -> None:
    """Drop page numbers, and headers and footers repeated on half the pages or more.

    A page number or running line sits in the top or bottom band of the page, apart
    from the body (a gap wider than a line), and a running line does not fill the
    line: a cell "2019" or a paragraph that starts or ends the same way on several
    pages stays.
    """

    def edges(page: _PdfPage) -> list[tuple[_PdfLine, float]]:
        """The first and last two text lines in the page's bands, with their gaps."""
        lines = [ln for ln in page.lines if ln.rows is None]
        band = 0.15 * page.height
        out: list[tuple[_PdfLine, float]] = []
        for ln in lines[:2]:
            if ln.top < band:
                nxt = page.lines[page.lines.index(ln) + 1 :]
                out.append((ln, nxt[0].top - ln.bottom if nxt else page.height))
        for ln in lines[-2:]:
            if ln.bottom > page.height - band and all(ln is not o for o, _ in out):
                k = page.lines.index(ln)
                out.append((ln, ln.top - page.lines[k - 1].bottom if k else page.height))
        return out

    seen: dict[str, int] = {}
    for page in pages:
        for key in {_edge_key(ln.text) for ln, _ in edges(page)}:
            seen[key] = seen.get(key, 0) + 1
    often = max(2, (len(pages) + 1) // 2)
    for page in pages:
        right = max((ln.x1 for ln in page.lines if ln.rows is None), default=0.0)
        drop = [
            ln
            for ln, gap in edges(page)
            if gap > 1.2 * ln.size
            and (
                _PAGE_NUMBER.match(ln.text)
                or (seen.get(_edge_key(ln.text), 0) >= often and ln.x1 < right - 2 * ln.size)
            )
        ]
        if drop:
            page.lines = [ln for ln in page.lines if all(ln is not d for d in drop)]


def _pdf_text(pages: list[_PdfPage]) -> str:
    """Lines of the pages, with the lines that the page width broke joined again.

    A line is continued by the next when it runs to the right margin and the next line
    starts at the left margin (not indented, not a list item or a heading), and this
    also across a page break. Where the paragraphs of the document start indented, that
    is all; where they do not, a line that ends a sentence ends its paragraph. Tables
    are written as pipe rows between blank lines, as the .docx reader writes them.
    """
    _strip_running_lines(pages)
    rights = sorted(max((ln.x1 for ln in p.lines if ln.rows is None), default=0.0) for p in pages)
    doc_right = rights[len(rights) // 2] if rights else 0.0
    lefts = [
        min(ln.x0 for ln in p.lines if ln.rows is None)
        for p in pages
        if any(ln.rows is None for ln in p.lines)
    ]
    doc_left = min(lefts, default=0.0)  # pages of indented lines only are common

    def page_left(text_lines: list[_PdfLine]) -> float:
        """The page's left margin; a page of indented lines only has the document's."""
        left = min((ln.x0 for ln in text_lines), default=doc_left)
        size = max((ln.size for ln in text_lines), default=10.0)
        return doc_left if left > doc_left + size else left

    first_line_indents = 0
    for page in pages:
        text_lines = [ln for ln in page.lines if ln.rows is None]
        left = page_left(text_lines)
        first_line_indents += sum(
            1 for ln in text_lines if left + 1.5 * ln.size <= ln.x0 <= left + 2.6 * ln.size
        )
    indented = first_line_indents >= 2
    out: list[str] = []
    prev: _PdfLine | None = None
    prev_full = False
    last_table: list[list[str]] | None = None  # the table just written, if nothing since
    for page in pages:
        text_lines = [ln for ln in page.lines if ln.rows is None]
        if not text_lines and not page.lines:
            continue
        right = max((ln.x1 for ln in text_lines), default=doc_right)
        if right < doc_right - 2 * max((ln.size for ln in text_lines), default=10.0):
            right = doc_right  # a page of short lines says nothing about the margin
        left = page_left(text_lines)
        for ln in page.lines:
            if ln.rows is not None:
                rows = ln.rows
                if last_table and len(last_table[0]) == len(rows[0]) and out and not out[-1]:
                    # the same table, continued on the next page (its header repeated)
                    out.pop()
                    if rows[0] == last_table[0]:
                        rows = rows[1:]
                else:
                    last_table = rows
                    if out and out[-1]:
                        out.append("")
                out.extend("| " + " | ".join(row) + " |" for row in rows)
                out.append("")
                prev, prev_full = None, False
                continue
            last_table = None
            text = ln.text.strip()
            joins = (
                prev is not None
                and prev_full
                and ln.x0 <= left + 0.5 * ln.size
                and abs(ln.size - prev.size) <= 0.2 * max(ln.size, 1.0)
                and not _STARTS_ITEM.match(text)
            )
            if joins and out:
                out[-1] = _join_wrapped(out[-1], text)
            else:
                out.append(text)
            prev = ln
            prev_full = ln.x1 >= right - 1.5 * ln.size and (
                indented or text[-1:] not in _SENTENCE_END
            )
    return _unshare_glyphs("\n".join(out).strip("\n") + "\n") if out else ""


# Other code points that a CJK font's shared glyph is mapped back to: a two-em dash
# for "——", the technical angle brackets for 〈〉, and 戶 for 户, which a simplified
# font draws alike (so only in a document written in simplified characters).
_SHARED_GLYPHS = str.maketrans({"⸺": "——", "⸻": "———", "\u2329": "〈", "\u232a": "〉"})
_SIMPLIFIED = re.compile("[这们个国发会为经区实产务时对进现]")
_TRADITIONAL = re.compile("[這們個國發會為經區實產務時對進現]")


def _unshare_glyphs(text: str) -> str:
    text = text.translate(_SHARED_GLYPHS)
    if "戶" in text and len(_SIMPLIFIED.findall(text)) > 2 * len(_TRADITIONAL.findall(text)):
        text = text.replace("戶", "户")
    return text


_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "hr", "form", "center",
}  # fmt: skip
_SKIP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "head",
    "svg",
    "iframe",
    "select",
    "button",
}


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.heading = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("\n" + "#" * int(tag[1]) + " ")
            self.heading = int(tag[1])
        elif tag in _BLOCK and self.cell is None:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(_cell("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(c for c in self.row):
                self.out.append("\n| " + " | ".join(self.row) + " |\n")
            self.row = None
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("\n")
            self.heading = 0
        elif tag in _BLOCK and self.cell is None:
            self.out.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.heading:
            self.out.append(" ".join(data.split()))
        else:
            self.out.append(data.replace("\r", "").replace("\n", " ") if data.strip() else "")


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:
        raise IntakeError(f"cannot parse the HTML page ({type(exc).__name__})") from exc
    lines = [ln.strip() for ln in "".join(parser.out).split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip() + "\n" if any(out) else ""
