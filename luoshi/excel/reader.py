"""Reading uploaded workbooks: the file checks, and plain converters for cells.

Nothing here knows about ledgers or reports. `open_workbook` refuses what is
not a workbook before openpyxl parses it (too large, not a zip, an old .xls
under a new name, a zip that unpacks to something huge); the converters turn
one cell into a Python value or raise `CellError` with a message for a person.
They are plain functions on plain values so that 100,000 rows validate fast.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet._reader import ROW_TAG, VALUE_TAG, WorkSheetParser, iterparse

from luoshi.core.archives import ArchiveRefused, Limits, check_zip
from luoshi.textclean import clean_text

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 (.xls) and other OLE files
ZIP_SIGNATURE = b"PK\x03\x04"


# Uploads larger than this are refused before they are opened. A 100,000-row hazard
# register (ten times a real city's) is about 6 MB.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


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


# Every column a sheet can have (A to XFD), for reading a heading row.
ALL_COLUMNS = range(16384)


def upload_limits() -> Limits:
    """The zip limits of the settings (docs/configuration.md)."""
    return Limits(
        max_unpacked=settings.UPLOAD_MAX_UNPACKED_BYTES,
        max_ratio=settings.UPLOAD_MAX_RATIO,
    )


def archive_message(error: ArchiveRefused) -> str:
    """What a person is told about a refused zip package (an .xlsx or a .docx)."""
    details = error.details
    if error.reason == "members":
        return _("The file holds %(count)d parts (at most %(limit)d): refused.") % details
    if error.reason == "unpacked":
        return _("The file unpacks to more than %(limit)s: refused.") % {
            "limit": filesizeformat(details["limit"])
        }
    if error.reason == "ratio":
        return (
            _(
                "The part %(name)s of the file inflates %(ratio).0f times (at most %(limit).0f): "
                "refused as a zip bomb."
            )
            % details
        )
    return _("This is not an Excel .xlsx workbook (the file is not a zip package).")


def open_workbook(upload, max_bytes: int | None = None):
    """The upload as a read-only openpyxl workbook (formulas kept as formulas), or Refused.

    `upload` is a binary file object: a Django UploadedFile, or an open file.
    Read its sheets with `sheet_rows`, never with openpyxl's own iter_rows.
    """
    check_upload(upload, max_bytes)
    try:
        return load_workbook(upload, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds on damaged files)
        raise refuse(_("The workbook is damaged and cannot be read.")) from None


def check_upload(upload, max_bytes: int | None = None) -> None:
    """Refused unless `upload` may be opened as a workbook: its size, that it is a zip
    package (not an .xls) holding a workbook, and what it unpacks to. Nothing is
    inflated; the file is left at its start. A background import checks this before
    the file is queued."""
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
    if not head.startswith(ZIP_SIGNATURE):
        raise refuse(_("This is not an Excel .xlsx workbook (the file is not a zip package)."))
    try:
        names = set(check_zip(source, upload_limits()))
    except ArchiveRefused as error:
        raise refuse(archive_message(error)) from None
    if "xl/workbook.xml" not in names:
        raise refuse(_("This zip file is not an Excel .xlsx workbook."))
    source.seek(0)


# --- rows --------------------------------------------------------------------------------


class Damaged(str):
    """The text of a cell openpyxl could not convert (a number cell holding "abc", a
    shared-string index past the end); `why` says what is wrong, for the person."""

    why: str = ""


@dataclass(slots=True)
class ReadCell:
    value: object
    data_type: str  # openpyxl's: n, s, b, d, e, f (formula), and "x" for a Damaged value


class _TolerantParser(WorkSheetParser):
    """openpyxl's sheet parser, bounded, with damaged cells kept as `Damaged`.

    openpyxl raises on the first cell it cannot convert, which would refuse the file
    with one Python error; keeping the cell lets the sheet be refused with the list of
    its bad cells, each with its reason, like any other bad cell.

    `rows` replaces openpyxl's `parse`: it reads only the rows (nothing else of a sheet
    matters to an import), counts every XML element against `max_elements`, and drops
    each element once read, so memory stays flat however long the sheet (openpyxl's
    parse keeps an emptied element per row, and every element outside the rows).
    """

    # The most elements one row may hold: 16,384 cells of a few elements each.
    ROW_ELEMENTS = 200_000

    def __init__(self, *args, max_elements: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.elements = 0
        self.max_elements = max_elements

    def rows(self):
        """Yield (row number, [cell dicts]) like openpyxl's parse."""
        depth = 0
        root = section = None  # the sheet's root, and the child of it being read (sheetData…)
        dropped = 0  # self.elements when the last element was dropped
        for event, element in iterparse(self.source, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1:
                    root = element
                elif depth == 2:
                    section = element
                continue
            depth -= 1
            self.elements += 1
            if self.elements > self.max_elements or self.elements - dropped > self.ROW_ELEMENTS:
                raise _TooManyCells
            if depth == 2:  # a child of a section: worksheet > sheetData > row
                if element.tag == ROW_TAG:
                    row = self.parse_row(element)
                    self.row_dimensions.clear()
                    yield row
                section.clear()
                dropped = self.elements
            elif depth == 1:
                root.clear()
                dropped = self.elements

    def parse_cell(self, element):
        kind = element.get("t", "n")
        text = element.findtext(VALUE_TAG) or ""
        if (
            kind == "s"
            and text
            and not (
                text.isascii() and text.isdigit() and int(text[:12]) < len(self.shared_strings)
            )
        ):
            # A negative index would silently read another cell's text from the end.
            return self._damaged(
                element,
                text,
                _("The cell refers to a text that is not in the workbook (number %(index)s).")
                % {"index": text[:20]},
            )
        try:
            return super().parse_cell(element)
        except (ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError):
            return self._damaged(
                element,
                text,
                _("The cell cannot be read: it is marked as %(kind)s but holds “%(text)s”.")
                % {"kind": CELL_KINDS.get(kind, kind[:20]), "text": text[:40]},
            )

    def _damaged(self, element, text, why):
        row, column = coordinate_to_tuple(element.get("r"))  # a bad reference raises
        value = Damaged(text)
        value.why = why
        return {"row": row, "column": column, "value": value, "data_type": "x", "style_id": 0}


class _TooManyCells(Exception):
    pass


CELL_KINDS = {
    "n": gettext_lazy("a number"),
    "b": gettext_lazy("TRUE/FALSE"),
    "d": gettext_lazy("a date"),
    "s": gettext_lazy("a text"),
    "e": gettext_lazy("an error"),
}


def sheet_rows(sheet, columns: Container[int], *, first_row: int = 1, last_row: int | None = None):
    """Yield (row number, {0-based column: ReadCell}) for each row of `sheet` holding a
    value in `columns`, or raise Refused.

    Reads the sheet's XML itself rather than through openpyxl's read-only iter_rows,
    which trusts the sheet's declared dimension and pads every row to it: a sheet that
    declares A1:XFD1048576 would give 16,384 cells per row, ten thousand rows of them in
    a 50 KB file. Here a row costs what its XML holds: cells outside `columns` are
    skipped, missing rows are not made up, and reading stops after `last_row`. A row
    past UPLOAD_MAX_ROWS that holds a value, or more than UPLOAD_MAX_CELLS cells in
    the sheet's XML, refuses the file; so does XML that is cut short or malformed.
    """
    title = sheet.title
    max_rows = settings.UPLOAD_MAX_ROWS
    workbook = sheet.parent
    source = sheet._get_source()  # openpyxl 3.1 (pinned): the sheet's XML in the zip
    parser = _TolerantParser(
        source,
        sheet._shared_strings,
        data_only=False,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
        max_elements=settings.UPLOAD_MAX_CELLS,
    )
    rows = parser.rows()
    number = 0
    try:
        while True:
            try:
                number, cells = next(rows)
            except StopIteration:
                return
            if number < first_row:
                continue
            if last_row is not None and number > last_row:
                return
            found = {
                cell["column"] - 1: ReadCell(cell["value"], cell["data_type"])
                for cell in cells
                if cell["value"] is not None and cell["column"] - 1 in columns
            }
            if not found:
                continue
            if number > max_rows:
                raise refuse(
                    _("The sheet has more than %(limit)d rows: split it into several files.")
                    % {"limit": max_rows},
                    sheet=title,
                )
            yield number, found
    except _TooManyCells:
        raise refuse(
            _("The sheet has more than %(limit)d cells: split it into several files.")
            % {"limit": settings.UPLOAD_MAX_CELLS},
            sheet=title,
        ) from None
    except Refused:
        raise
    except Exception:  # noqa: BLE001 (expat, lxml and zipfile raise many kinds on damage)
        # Expat also stops entity expansion bombs ("billion laughs") here, as damage.
        message = (
            _(
                "The sheet's data is damaged after row %(row)d (cut short or malformed): "
                "save the workbook again in Excel or WPS."
            )
            % {"row": number}
            if number
            else _(
                "The sheet's data is damaged (cut short or malformed): "
                "save the workbook again in Excel or WPS."
            )
        )
        raise refuse(message, sheet=title) from None
    finally:
        source.close()


# --- cells -----------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_DATE_SEP = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_text(value) -> str:
    """A cell as text, stripped and cleaned of control characters (luoshi.textclean)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value).strip()
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
        if isinstance(value, float):
            _finite(value)
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "")
        if not _NUMBER.match(text):
            raise CellError(
                _("Expected a number, found the text “%(text)s”.") % {"text": _excerpt(value)}
            )
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
    """A number cell as a finite float: a number too large for a float (1e999 in the XML,
    400 nines typed as text) would otherwise become infinity and count as met."""
    if isinstance(value, bool):
        raise CellError(_("Expected a number, found TRUE/FALSE."))
    if isinstance(value, (int, float)):
        return _finite(float(value))
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if _NUMBER.match(text):
            return _finite(float(text))
        raise CellError(
            _("Expected a number, found the text “%(text)s”.") % {"text": _excerpt(value)}
        )
    if isinstance(value, (date, datetime)):
        raise CellError(_("Expected a number, found a date."))
    raise CellError(_("Expected a number."))


def _finite(number: float) -> float:
    if not math.isfinite(number):
        raise CellError(_("The number is too large."))
    return number


def _excerpt(text: str, limit: int = 40) -> str:
    """Enough of a cell's text to recognise it in a message."""
    text = clean_text(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
            _("Expected a date such as 2025-09-30, found “%(text)s”.") % {"text": _excerpt(value)}
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError(
            _("Expected a date, found the number %(number)s (format the cell as a date).")
            % {"number": value}
        )
    raise CellError(_("Expected a date such as 2025-09-30."))


def read_header(cells: dict) -> dict[int, str]:
    """The column headings of a sheet's first row ({0-based column: heading}), stripped."""
    headers = {}
    for index, cell in cells.items():
        try:
            headers[index] = to_text(cell.value)
        except CellError:  # TRUE/FALSE: not a heading of ours, named as the cell shows it
            headers[index] = str(cell.value).upper()
    return headers
