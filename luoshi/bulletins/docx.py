"""The bulletin as a Word file in the layout of GB/T 9704-2012 (党政机关公文格式).

The figures of the standard, as DESIGN.md section 6 gives them: A4 paper; top
margin 37 mm, binding (left) margin 28 mm, a text block of 156 × 225 mm (so right
26 mm, bottom 35 mm); 22 lines of 28 characters (an exact line pitch of 28.95 pt);
the title in 2号 (22 pt) 方正小标宋简体, the body in 3号 (16 pt) 仿宋_GB2312,
first-level headings in 3号 黑体, second-level ones in 3号 楷体_GB2312; the issuing
office's mark in red 小标宋 with a red line under it; page numbers "— 1 —" at the
foot in 4号 (14 pt) 宋体, odd pages on the right and even ones on the left, one
character in from the edge; dates in Arabic numerals.

The file names the official fonts (East Asian slot, w:rFonts/@w:eastAsia) so that an
office's Word shows them; a machine without them substitutes its own.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from luoshi.textclean import xml_safe

from .layout import Layout, Paragraph

XIAOBIAOSONG = "方正小标宋简体"
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"

TITLE_PT = 22  # 2号
BODY_PT = 16  # 3号
PAGE_NUMBER_PT = 14  # 4号
OFFICE_PT = 30  # the office's mark: larger than the title, as offices print it
TABLE_PT = 12  # 小四, so that an annex table's columns hold their words
TABLE_STYLE, TABLE_HEAD_STYLE = "Luoshi Annex Table", "Luoshi Annex Table Header"
LINE_PITCH_PT = 28.95  # 225 mm / 22 lines
RED = RGBColor(0xFF, 0x00, 0x00)
# The properties a paragraph's w:pBdr comes before (ECMA-376, CT_PPrBase).
AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(layout: Layout) -> bytes:
    document = Document()
    _page(document)
    _styles(document)
    _masthead(document, layout)
    _title(document, layout.title)
    if layout.correction_line:
        _body(document, Paragraph("", layout.correction_line), indent=False, centred=True)
    for section in layout.sections:
        _heading(document, section.heading)
        for paragraph in section.paragraphs:
            _body(document, paragraph)
    _blank(document)
    _annex_note(document, layout)
    _blank(document)
    _signature(document, layout)
    for annex in layout.annexes:
        _annex(document, annex)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- the page -------------------------------------------------------------------------


def _page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # The page number sits 7 mm below the text block: its line ends about 23 mm up.
    section.footer_distance = Mm(23)
    section.header_distance = Mm(15)
    # A line grid of 22 lines to the page (the character grid is left to Word).
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(footer, alignment) -> None:
    """— PAGE — in 4号 宋体, one character in from the outer edge."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = alignment
    one_char = Pt(PAGE_NUMBER_PT)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = one_char
    else:
        paragraph.paragraph_format.left_indent = one_char
    _font(_add(paragraph, "— "), SONGTI, PAGE_NUMBER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None)):
        run = _add(paragraph)
        _font(run, SONGTI, PAGE_NUMBER_PT)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {text} "
            run._r.append(instruction)
    _font(_add(paragraph, "1"), SONGTI, PAGE_NUMBER_PT)
    end = _add(paragraph)
    _font(end, SONGTI, PAGE_NUMBER_PT)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)
    _font(_add(paragraph, " —"), SONGTI, PAGE_NUMBER_PT)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = FANGSONG
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    _table_styles(document)


def _add(paragraph, text: str = ""):
    """A run of `text`, less any character XML cannot hold (a stored name may have one)."""
    return paragraph.add_run(xml_safe(text))


def _table_styles(document) -> None:
    """The annex tables' paragraphs: 小四 仿宋 (黑体 in the header row), single-spaced."""
    for name, font in ((TABLE_STYLE, FANGSONG), (TABLE_HEAD_STYLE, HEITI)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.name = font
        style.font.size = Pt(TABLE_PT)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.first_line_indent = Pt(0)


def _font(run, name: str, size: float, *, colour: RGBColor | None = None) -> None:
    """`name` in every slot of the run, the East Asian one included (w:eastAsia)."""
    run.font.name = name
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if colour is not None:
        run.font.color.rgb = colour


def _paragraph(document, *, centred: bool = False, indent: bool = False, exact: bool = True):
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        fmt.first_line_indent = Pt(2 * BODY_PT)  # two characters
    if not exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    return paragraph


def _blank(document) -> None:
    _paragraph(document)


# --- the parts ------------------------------------------------------------------------


def _masthead(document, layout: Layout) -> None:
    office = _paragraph(document, centred=True, exact=False)
    office.paragraph_format.space_after = Pt(12)
    _font(_add(office, layout.office), XIAOBIAOSONG, OFFICE_PT, colour=RED)
    number = _paragraph(document, centred=True)
    _font(_add(number, layout.issue_line), FANGSONG, BODY_PT)
    # The red line under the mark: the issue line's bottom border, across the text block.
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "18"), ("space", "6"), ("color", "FF0000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    # In its place among the paragraph's properties (the schema's order: Word is strict).
    number._p.get_or_add_pPr().insert_element_before(border, *AFTER_PBDR)
    _blank(document)


def _title(document, title: str) -> None:
    paragraph = _paragraph(document, centred=True, exact=False)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(35)
    _font(_add(paragraph, title), XIAOBIAOSONG, TITLE_PT)
    _blank(document)


def _heading(document, text: str) -> None:
    paragraph = _paragraph(document, indent=True)
    _font(_add(paragraph, text), HEITI, BODY_PT)


def _body(document, paragraph: Paragraph, *, indent: bool = True, centred: bool = False) -> None:
    printed = _paragraph(document, indent=indent, centred=centred)
    if paragraph.heading:
        _font(_add(printed, paragraph.heading), KAITI, BODY_PT)
    if paragraph.text:
        _font(_add(printed, paragraph.text), FANGSONG, BODY_PT)


def _annex_note(document, layout: Layout) -> None:
    for index, line in enumerate(layout.annex_note):
        paragraph = _paragraph(document, indent=True)
        if index == 0:
            _font(_add(paragraph, "附件："), FANGSONG, BODY_PT)
        else:
            paragraph.paragraph_format.left_indent = Pt(3 * BODY_PT)  # under the first name
        _font(_add(paragraph, line), FANGSONG, BODY_PT)


def _signature(document, layout: Layout) -> None:
    """The office and the date, ending four characters in from the right (7.3.5.3)."""
    for text in (layout.signature, layout.signed_on):
        paragraph = _paragraph(document)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = Pt(4 * BODY_PT)
        _font(_add(paragraph, text), FANGSONG, BODY_PT)


def _annex(document, annex) -> None:
    label = _paragraph(document)
    _add(label).add_break(WD_BREAK.PAGE)
    _font(_add(label, f"附件{annex.number}"), HEITI, BODY_PT)
    _blank(document)
    title = _paragraph(document, centred=True)
    _font(_add(title, annex.title), XIAOBIAOSONG, TITLE_PT)
    _blank(document)
    rows = annex.rows or [["—"] + [""] * (len(annex.headers) - 1)]
    table = document.add_table(rows=1 + len(rows), cols=len(annex.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, annex.widths, strict=True):
        column.width = Mm(width)
    # A city's annex has hundreds of rows: the fonts come from two paragraph styles, so
    # that each cell is one styled paragraph and one run (a font per run takes seconds).
    head = document.styles[TABLE_HEAD_STYLE].style_id
    body = document.styles[TABLE_STYLE].style_id
    for row, values in zip(table.rows, [annex.headers, *rows], strict=True):
        style = head if values is annex.headers else body
        for cell, value in zip(row.cells, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style  # by id: Paragraph.style= looks the name up each time
            _add(paragraph, "" if value is None else str(value))
