"""The bulletin's annex tables as a workbook: one sheet per annex, the same rows as the
.docx and the .pdf print (layout.annexes). Cells are written by luoshi.excel.writer, so
a target's name that starts with = stays text."""

from __future__ import annotations

from luoshi.excel.writer import (
    XLSX_CONTENT_TYPE,
    cell_value,
    header_cells,
    new_write_only,
    workbook_bytes,
)

from .layout import Layout

CONTENT_TYPE = XLSX_CONTENT_TYPE


def render(layout: Layout) -> bytes:
    workbook = new_write_only()
    for annex in layout.annexes:
        sheet = workbook.create_sheet(f"附件{annex.number}")
        for letter, width in zip("ABCDEFGH", annex.widths, strict=False):
            sheet.column_dimensions[letter].width = max(8, width * 0.55)
        sheet.append([cell_value(sheet, f"附件{annex.number} {annex.title}")])
        sheet.append([cell_value(sheet, f"{layout.title}（{layout.issue_line}）")])
        sheet.append(header_cells(sheet, annex.headers))
        for row in annex.rows:
            sheet.append([cell_value(sheet, value) for value in row])
    return workbook_bytes(workbook)
