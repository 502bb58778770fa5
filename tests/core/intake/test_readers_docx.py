"""The .docx reader gives back what Word shows: automatic list numbers, tables as pipe rows."""

from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from luoshi.core.intake import extract, read_document  # noqa: E402


def _abstract(document, abstract_id: int, levels: list[tuple[str, str]]) -> None:
    """An abstract numbering definition with (numFmt, lvlText) for levels 0.."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    element = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    if first_num is not None:
        first_num.addprevious(element)
    else:
        numbering.append(element)


def _num(document, num_id: int, abstract_id: int, restart: int | None = None) -> None:
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart is not None
        else ""
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )


def _item(document, text: str, num_id: int, level: int = 0):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def _lines(path) -> list[str]:
    return [ln for ln in read_document(str(path)).split("\n") if ln.strip()]


def test_automatic_list_numbers_are_written_back(tmp_path):
    document = docx.Document()
    _abstract(document, 90, [("chineseCounting", "%1、"), ("decimal", "%2.")])
    _num(document, 90, 90)
    _item(document, "年度目标", 90)
    _item(document, "生产总值增长6%左右。（市发展改革委负责）", 90, level=1)
    _item(document, "新建5G基站1200个以上。（市工信局负责）", 90, level=1)
    _item(document, "重点任务", 90)
    _item(document, "新增规上工业企业20家。", 90, level=1)
    path = tmp_path / "list.docx"
    document.save(str(path))

    assert _lines(path) == [
        "一、年度目标",
        "1.生产总值增长6%左右。（市发展改革委负责）",
        "2.新建5G基站1200个以上。（市工信局负责）",
        "二、重点任务",
        "1.新增规上工业企业20家。",  # a deeper level starts again under a new parent
    ]


def test_a_restarted_list_counts_from_its_start_and_bullets_add_nothing(tmp_path):
    document = docx.Document()
    _abstract(document, 91, [("decimal", "（%1）")])
    _abstract(document, 92, [("bullet", "\u2022")])
    _num(document, 91, 91)
    _num(document, 92, 91, restart=1)
    _num(document, 93, 92)
    _item(document, "甲", 91)
    _item(document, "乙", 91)
    _item(document, "丙", 92)
    _item(document, "丁", 93)
    path = tmp_path / "restart.docx"
    document.save(str(path))

    assert _lines(path) == ["（1）甲", "（2）乙", "（1）丙", "丁"]


def test_list_number_style_numbers_through_the_style(tmp_path):
    document = docx.Document()
    document.add_paragraph("生产总值增长6%。", style="List Number")
    document.add_paragraph("固定资产投资增长7%。", style="List Number")
    document.add_paragraph("不编号的段落。")
    path = tmp_path / "style.docx"
    document.save(str(path))

    lines = _lines(path)
    assert lines[0].startswith("1") and lines[0].endswith("生产总值增长6%。")
    assert lines[1].startswith("2") and lines[1].endswith("固定资产投资增长7%。")
    assert lines[2] == "不编号的段落。"


def test_numbered_item_with_trailing_owner_is_extracted_with_its_number(tmp_path):
    document = docx.Document()
    _abstract(document, 94, [("decimal", "%1.")])
    _num(document, 94, 94)
    document.add_paragraph("2025年年度目标")
    _item(document, "生产总值增长6%左右。（市发展改革委负责）", 94)
    _item(document, "一般公共预算收入增长3.5%。（市财政局负责）", 94)
    path = tmp_path / "owners.docx"
    document.save(str(path))

    text = read_document(str(path))
    assert "1.生产总值增长6%左右。" in text
    assert "2.一般公共预算收入增长3.5%。" in text
    values = sorted(item["value"] for item in extract(text, year=2025).items)
    assert values == [3.5, 6]


def test_merged_owner_cell_is_repeated_on_each_row(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "任务"
    table.cell(0, 1).text = "责任单位"
    table.cell(1, 0).text = "新建基站100个"
    table.cell(2, 0).text = "新增企业20家"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "市工信局"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    assert _lines(path) == [
        "| 任务 | 责任单位 |",
        "| 新建基站100个 | 市工信局 |",
        "| 新增企业20家 | 市工信局 |",
    ]


def test_paragraphs_inside_a_content_control_are_read_in_place(tmp_path):
    document = docx.Document()
    document.add_paragraph("前言。")
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>新建5G基站1200个以上。（市工信局负责）</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.paragraphs[0]._p.addnext(sdt)
    document.add_paragraph("结语。")
    path = tmp_path / "sdt.docx"
    document.save(str(path))

    assert _lines(path) == ["前言。", "新建5G基站1200个以上。（市工信局负责）", "结语。"]


def test_odd_numbering_costs_no_text(tmp_path):
    document = docx.Document()
    _abstract(document, 95, [("upperRoman", "%1.")])
    _num(document, 95, 95, restart=2_000_000_000)
    _item(document, "甲", 95)
    _item(document, "乙", 99)  # a list that does not exist
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="96"><w:abstractNumId w:val="x"/></w:num>')
    )
    _item(document, "丙", 96)
    path = tmp_path / "odd.docx"
    document.save(str(path))

    assert _lines(path) == ["2000000000.甲", "乙", "丙"]


def test_a_cell_merged_across_columns_is_written_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "2025年重点任务分解表"
    for c, value in enumerate(["任务", "责任单位", "完成时限"]):
        table.cell(1, c).text = value
    for c, value in enumerate(["新增企业20家", "市工信局", "年底"]):
        table.cell(2, c).text = value
    path = tmp_path / "span.docx"
    document.save(str(path))

    assert _lines(path) == [
        "| 2025年重点任务分解表 |  |  |",
        "| 任务 | 责任单位 | 完成时限 |",
        "| 新增企业20家 | 市工信局 | 年底 |",
    ]
