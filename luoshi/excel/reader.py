"""Reading uploaded workbooks: the file checks, and plain converters for cells.

Nothing here knows about ledgers or reports. `open_workbook` refuses what is
not a workbook before openpyxl parses it (too large, not a zip, an old .xls
under a new name, a zip that unpacks to something huge); the converters turn
one cell into a Python value or raise `CellError` with a message for a person.
They are plain functions on plain values so that 100,000 rows validate fast.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 (.xls) and other OLE files
ZIP_SIGNATURE = b"PK\x03\x04"


# Uploads larger than this are refused before they are opened. A 100,000-row hazard
# register (ten times a real city's) is about 6 MB.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


# A real 10 MB workbook unpacks to a few hundred MB at most; more is a zip bomb.
MAX_UNPACKED_BYTES = 600 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One reason a file is refused, located as precisely as possible."""

    sheet: str = ""
    row: int | None = None
    column: str = ""  # "C (领域)"
    message: str = ""

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(_("sheet %(sheet)s") % {"sheet": self.sheet})
        if self.row:
            where.append(_("row %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


class Refused(Exception):
    """The file is refused whole; `problems` says why, cell by cell."""

    def __init__(self, problems: list[Problem], count: int | None = None):
        super().__init__("; ".join(str(p) for p in problems[:5]))
        self.problems = problems
        self.count = len(problems) if count is None else count  # the list may be cut short


class CellError(ValueError):
    """A cell's value cannot be used; the message is for the person who filled it."""


def column_name(index: int, header: str = "") -> str:
    """ "C (领域)" for the 0-based column `index`."""
    letter = get_column_letter(index + 1)
    return f"{letter} ({header})" if header else letter


def refuse(message: str, **where) -> Refused:
    return Refused([Problem(message=message, **where)])


def open_workbook(upload, max_bytes: int | None = None):
    """The upload as a read-only openpyxl workbook (formulas kept as formulas), or Refused.

    `upload` is a binary file object: a Django UploadedFile, or an open file.
    """
    limit = MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    source = upload
    size = getattr(upload, "size", None)
    if size is None:
        size = source.seek(0, 2)
    if limit and size > limit:
        raise refuse(
            _("The file is too large (%(size).1f MB; at most %(limit)d MB).")
            % {"size": size / 1024 / 1024, "limit": limit // 1024 // 1024}
        )
    if size == 0:
        raise refuse(_("The file is empty."))
    source.seek(0)
    head = source.read(8)
    source.seek(0)
    if head.startswith(OLE2_SIGNATURE):
        raise refuse(
            _(
                "This is an old Excel 97–2003 (.xls) file, not an .xlsx workbook: "
                "open it in Excel or WPS and save it as .xlsx."
            )
        )
    if not head.startswith(ZIP_SIGNATURE) or not zipfile.is_zipfile(source):
        raise refuse(_("This is not an Excel .xlsx workbook (the file is not a zip package)."))
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(
            _("This is not an Excel .xlsx workbook (the file is not a zip package).")
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise refuse(
            _("The workbook unpacks to more than %(limit)d MB: refused.")
            % {"limit": MAX_UNPACKED_BYTES // 1024 // 1024}
        )
    if "xl/workbook.xml" not in names:
        raise refuse(_("This zip file is not an Excel .xlsx workbook."))
    source.seek(0)
    try:
        return load_workbook(source, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds on damaged files)
        raise refuse(_("The workbook is damaged and cannot be read.")) from None


# --- cells -----------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_DATE_SEP = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise CellError(_("Expected text, found TRUE/FALSE."))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_decimal(value, max_digits: int, places: int) -> Decimal:
    """A number cell as a Decimal with at most `places` decimals; text that is a plain
    number (a 文本型数字) is accepted, any other text is refused."""
    if isinstance(value, bool):
        raise CellError(_("Expected a number, found TRUE/FALSE."))
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "")
        if not _NUMBER.match(text):
            raise CellError(_("Expected a number, found the text “%(text)s”.") % {"text": value})
        number = Decimal(text)
    elif isinstance(value, (date, datetime)):
        raise CellError(_("Expected a number, found a date."))
    else:
        raise CellError(_("Expected a number."))
    try:
        rounded = number.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:
        raise CellError(_("The number is too large.")) from None
    if rounded != number:
        raise CellError(_("At most %(places)d decimal places.") % {"places": places})
    if abs(rounded) >= Decimal(10) ** (max_digits - places):
        raise CellError(_("The number is too large."))
    return rounded


def to_float(value) -> float:
    if isinstance(value, bool):
        raise CellError(_("Expected a number, found TRUE/FALSE."))
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if _NUMBER.match(text):
            return float(text)
        raise CellError(_("Expected a number, found the text “%(text)s”.") % {"text": value})
    if isinstance(value, (date, datetime)):
        raise CellError(_("Expected a number, found a date."))
    raise CellError(_("Expected a number."))


def to_date(value) -> date:
    """A date cell; text in the forms 2025-09-30, 2025/9/30 and 2025年9月30日 is accepted."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE_SEP.match(value.strip())
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
        raise CellError(
            _("Expected a date such as 2025-09-30, found “%(text)s”.") % {"text": value}
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError(
            _("Expected a date, found the number %(number)s (format the cell as a date).")
            % {"number": value}
        )
    raise CellError(_("Expected a date such as 2025-09-30."))


def read_header(row_cells, sheet: str, row_number: int) -> list[str]:
    """The column headings of a sheet, stripped; formulas in headings are refused."""
    headers = []
    for cell in row_cells:
        if getattr(cell, "data_type", None) == "f":
            raise Refused(
                [
                    Problem(
                        sheet,
                        row_number,
                        column_name(len(headers)),
                        _("Formulas are not accepted; type the value."),
                    )
                ]
            )
        headers.append(to_text(cell.value) if cell.value is not None else "")
    while headers and not headers[-1]:
        headers.pop()
    return headers
