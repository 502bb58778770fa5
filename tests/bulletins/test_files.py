"""The files: the .docx read back with python-docx (GB/T 9704-2012 figures), the PDF's fonts
with pdffonts (every one embedded), the annex workbook with openpyxl."""

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from openpyxl import load_workbook

from luoshi.bulletins import actions, pdf
from luoshi.bulletins.render import render

from .conftest import AT


@pytest.fixture
def draft(figures_city):
    return actions.draft_bulletin(figures_city.plan, AT, figures_city.supervisor)


@pytest.fixture
def issued(draft, figures_city):
    return actions.issue_bulletin(draft, figures_city.supervisor, expected_revision=1)


def mm(length) -> float:
    return round(Length(length).mm, 1)


def east_asian(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def find(document, text):
    return next(p for p in document.paragraphs if p.text == text)


def test_the_docx_has_the_page_of_gbt_9704(issued):
    document = Document(io.BytesIO(render(issued, "docx")))
    section = document.sections[0]
    # Word keeps lengths in twips (1/20 pt): millimetres to a tenth.
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)
    # The text block: 156 × 225 mm.
    assert mm(section.page_width - section.left_margin - section.right_margin) == 156
    assert mm(section.page_height - section.top_margin - section.bottom_margin) == 225
    normal = document.styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert abs(normal.line_spacing.pt - 28.95) < 0.01  # 22 lines to the block
    assert section._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")) == "579"


def test_the_docx_names_the_official_fonts_and_sizes(issued):
    document = Document(io.BytesIO(render(issued, "docx")))
    title = find(document, issued.title).runs[0]
    assert (east_asian(title), title.font.size) == ("方正小标宋简体", Pt(22))
    office = find(document, "测试市人民政府督查室").runs[0]
    assert east_asian(office) == "方正小标宋简体" and str(office.font.color.rgb) == "FF0000"
    issue_line = find(document, "2025年第1期")
    assert issue_line._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:color")) == "FF0000"
    # The border comes before the spacing and alignment, as the schema orders them.
    tags = [child.tag for child in issue_line._p.pPr]
    assert tags.index(qn("w:pBdr")) < tags.index(qn("w:jc"))
    heading = find(document, "一、总体情况").runs[0]
    assert (east_asian(heading), heading.font.size) == ("黑体", Pt(16))
    body = next(p for p in document.paragraphs if p.text.startswith("截至2025年6月30日"))
    assert {(east_asian(r), r.font.size) for r in body.runs} == {("仿宋_GB2312", Pt(16))}
    assert body.paragraph_format.first_line_indent == Pt(32)
    second = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    assert (east_asian(second.runs[0]), second.runs[0].text) == ("楷体_GB2312", "（一）市商务局。")
    assert east_asian(second.runs[1]) == "仿宋_GB2312"
    # The date of issue in Arabic numerals, e.g. 2025年7月15日.
    assert find(document, "2025年7月15日").alignment is not None


def test_the_docx_numbers_its_pages_with_a_page_field_in_song_4(issued):
    document = Document(io.BytesIO(render(issued, "docx")))
    for footer in (document.sections[0].footer, document.sections[0].even_page_footer):
        paragraph = footer.paragraphs[0]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert {(east_asian(r), r.font.size) for r in paragraph.runs} == {("宋体", Pt(14))}
    assert document.settings.odd_and_even_pages_header_footer


def test_the_docx_annexes_hold_the_tables(issued):
    document = Document(io.BytesIO(render(issued, "docx")))
    ranking, behind, missing = document.tables
    assert [c.text for c in ranking.rows[0].cells][:2] == ["名次", "责任单位"]
    assert [c.text for c in ranking.rows[1].cells][:2] == ["1", "市住建局"]
    assert {row.cells[2].text for row in behind.rows[1:]} == {"签约项目", "重大事故隐患动态清零"}
    assert len(missing.rows) == 2  # the header and a dash: nothing is missing


def test_a_draft_says_it_is_a_draft(draft):
    document = Document(io.BytesIO(render(draft, "docx")))
    assert "（草稿）" in [p.text for p in document.paragraphs]


def test_the_annex_workbook_has_one_sheet_per_table(issued):
    workbook = load_workbook(io.BytesIO(render(issued, "xlsx")))
    assert workbook.sheetnames == ["附件1", "附件2", "附件3"]
    rows = list(workbook["附件2"].iter_rows(values_only=True))
    assert rows[2] == ("序号", "责任单位", "目标", "状态", "原因")
    assert {row[2] for row in rows[3:]} == {"签约项目", "重大事故隐患动态清零"}


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_every_font_of_the_pdf_is_embedded(issued, tmp_path):
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(render(issued, "pdf"))
    listing = subprocess.run(  # noqa: S603 - a fixed program on a file this test wrote
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listing) >= 3  # 仿宋, 小标宋 and 黑体 stand-ins
    for line in listing:
        name, *_middle, emb, _sub, _uni, _obj, _gen = line.split()
        assert emb == "yes", line
        assert "Luoshi" in name, line  # the Noto CJK faces, by their @font-face names


def test_the_pdf_loads_nothing_from_a_network():
    fetcher = pdf._fetcher()
    for address in ("http://example.com/a.css", "https://example.com/f.woff", "file:///etc/passwd"):
        with pytest.raises(pdf.RefusedAddress):
            fetcher.fetch(address)
    font = pdf.FONTS["LuoshiSerif"]
    if font.exists():
        assert fetcher.fetch(font.as_uri()) is not None


def test_the_docx_is_a_valid_package_with_no_external_links(issued):
    package = zipfile.ZipFile(io.BytesIO(render(issued, "docx")))
    relations = "".join(
        package.read(name).decode() for name in package.namelist() if name.endswith(".rels")
    )
    assert 'TargetMode="External"' not in relations


def test_a_name_that_looks_like_a_formula_stays_text_in_the_workbook(figures_city):
    city = figures_city
    city.signed.name = '=HYPERLINK("http://example.com","点击")'
    city.signed.save()
    bulletin = actions.compose_draft(city.plan, AT)
    sheet = load_workbook(io.BytesIO(render(bulletin, "xlsx")))["附件2"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == city.signed.name]
    assert cells and all(cell.data_type == "s" for cell in cells)
    document = Document(io.BytesIO(render(bulletin, "docx")))
    assert any(city.signed.name in p.text for p in document.paragraphs)  # printed as written
