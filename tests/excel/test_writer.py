"""Exports neutralise formula-like text and keep dates and numbers typed."""

import io
import zipfile
from datetime import date
from decimal import Decimal

from luoshi.excel import writer
from tests.excel.helpers import read


def _one_cell_book(value):
    book = writer.new_write_only()
    sheet = book.create_sheet("s")
    sheet.append([writer.cell_value(sheet, value)])
    return writer.workbook_bytes(book)


def _sheet_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_text_starting_with_a_formula_character_is_stored_as_inert_text():
    for text in ('=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"):
        content = _one_cell_book(text)
        assert "<f>" not in _sheet_xml(content)
        cell = read(content)["s"]["A1"]
        assert cell.data_type == "s"
        assert cell.value == text  # unchanged, so an export re-imports to the same value
        assert cell.quotePrefix  # Excel keeps it text even when the cell is edited


def test_plain_text_is_not_marked():
    cell = read(_one_cell_book("燃气管道"))["s"]["A1"]
    assert cell.value == "燃气管道" and not cell.quotePrefix


def test_dates_and_numbers_are_real_excel_types():
    book = writer.new_write_only()
    sheet = book.create_sheet("s")
    sheet.append(
        [writer.cell_value(sheet, v) for v in (date(2025, 9, 30), Decimal("12.50"), 7, 2.5)]
    )
    cells = read(writer.workbook_bytes(book))["s"][1]
    assert cells[0].is_date and cells[0].value.date() == date(2025, 9, 30)
    assert cells[1].data_type == "n" and cells[1].value == 12.5
    assert cells[2].data_type == "n" and cells[2].value == 7
    assert cells[3].data_type == "n" and cells[3].value == 2.5
