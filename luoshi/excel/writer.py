"""Writing cells safely: text never evaluates, dates and numbers keep their types.

Formula injection (CSV/DDE injection): a text that starts with =, +, -, @
(or a tab or carriage return, which some spreadsheet programs strip before
looking) could be taken for a formula by the program that opens the file.
`cell_value` stores such text as a plain string cell (never a formula) and
marks it with Excel's quote prefix, the same flag Excel sets when someone types
'=…: the cell shows the text as typed and stays text even when edited. The
text itself is not changed, so an export re-imports to the same values.

Characters that XML cannot hold (control characters but tab and line breaks)
are dropped from text, so that one such character in one stored row does not
break the export of the whole ledger (luoshi.textclean).
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from luoshi.textclean import xml_safe

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def is_risky_text(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS)


def write_cell(cell, value) -> None:
    """Put `value` into an openpyxl cell (normal or write-only) with its real type."""
    if value is None or value == "":
        cell.value = None
        return
    if isinstance(value, bool):
        cell.value = value
    elif isinstance(value, datetime):
        # Excel has no time zones: local wall-clock time.
        cell.value = value.replace(tzinfo=None)
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal):
        # Amounts in 万元 with two decimals: a float holds them exactly enough for Excel.
        cell.value = float(value)
        cell.number_format = "#,##0.00"
    elif isinstance(value, float):
        # Readings and targets show as people write them (core.formatting): thousands
        # grouped, no trailing zeros. The cell keeps the exact value.
        cell.value = value
        cell.number_format = "#,##0" if value.is_integer() else "#,##0.0#"
    elif isinstance(value, int):
        cell.value = value  # ids and counts: no separators in an id
    else:
        # Rows stored before text was cleaned on the way in may hold a control character
        # (Word's \x0b line break, an escape): XML cannot, and openpyxl would refuse the
        # whole export with IllegalCharacterError.
        text = xml_safe(str(value))
        cell.value = text
        if is_risky_text(text):
            # openpyxl turned "=…" into a formula; make it a plain string cell again.
            cell.data_type = "s"
            cell.quotePrefix = True


def cell_value(sheet, value) -> WriteOnlyCell:
    """A write-only cell holding `value` safely (see the module docstring)."""
    cell = WriteOnlyCell(sheet)
    write_cell(cell, value)
    return cell


def header_cells(sheet, headers) -> list[WriteOnlyCell]:
    cells = []
    for text in headers:
        cell = cell_value(sheet, text)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def new_write_only() -> Workbook:
    return Workbook(write_only=True)


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    """The workbook as a download named `filename` (non-ASCII names are RFC 5987-encoded)."""
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
