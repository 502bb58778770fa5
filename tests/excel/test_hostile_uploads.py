"""Hostile workbooks: each is read within bounds or refused whole with a clear 400, and
nothing is written. The files are real exports rewritten as an attacker would
(tests/excel/hostile.py); bench/hostile_uploads.py measures them."""

from datetime import date

import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from luoshi.excel import workbook as yibiaotong
from luoshi.ledgers.models import Hazard
from luoshi.plans.models import Target
from luoshi.reporting.models import Report
from tests.excel import hostile
from tests.excel.helpers import HAZARD_HEADERS, hazard_row, ledger_book, save, upload

UPLOAD = "/excel/workbook/"
HAZARDS = "/excel/ledger/hazards/import/"
VALUE = f"J{yibiaotong.FIRST_ROW}"  # the 本期数值 cell of the first target's row
WHERE = f"sheet 填报, row {yibiaotong.FIRST_ROW}, column J (本期数值)"


@pytest.fixture
def c(plan_city, settings):
    settings.LANGUAGE_CODE = "en"  # messages are asserted in their English source form
    return plan_city


@pytest.fixture
def padding_forbidden(monkeypatch):
    """openpyxl's read-only rows, padded to the sheet's declared dimension, may not be
    built wider than a template (15 columns): a row of 16,384 cells fails the test."""
    original = ReadOnlyWorksheet._get_row

    def guarded(self, row, min_col=1, max_col=None, values_only=False):
        assert max_col is None or max_col - min_col < 15, f"a row padded to {max_col} cells"
        return original(self, row, min_col, max_col, values_only)

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_row", guarded)


def filled(c, value=12345, narrative="进展顺利") -> bytes:
    """The commerce reporter's 一表通 for 2025-06, the signed-projects row filled."""
    book = yibiaotong.export_workbook(c.commerce, yibiaotong.parse_period("2025-06"))
    sheet = book[yibiaotong.SHEET]
    assert sheet.cell(yibiaotong.FIRST_ROW, 1).value == c.signed.pk
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = value
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.NARRATIVE_COL + 1).value = narrative
    return save(book)


def post_workbook(c, content):
    return c.client("commerce-reporter").post(
        UPLOAD, {"unit": c.commerce.pk, "period": "2025-06", "file": upload(content, "一表通.xlsx")}
    )


def post_ledger(c, content):
    return c.client("supervisor").post(HAZARDS, {"file": upload(content), "import": "1"})


def problems(response):
    assert response.status_code == 400, response.content[:300]
    return [str(p) for p in response.context["problems"]]


# --- a declared dimension of A1:XFD1048576 ------------------------------------------------


def test_a_declared_dimension_does_not_pad_the_workbook_rows(c, padding_forbidden):
    content = hostile.with_dimension(filled(c), empty_rows=300)
    response = post_workbook(c, content)
    assert response.status_code == 200, response.content[:300]
    assert list(Report.objects.values_list("target", "value", "narrative")) == [
        (c.signed.pk, 12345.0, "进展顺利")
    ]


def test_a_declared_dimension_does_not_pad_the_ledger_rows(c, padding_forbidden):
    content = hostile.with_dimension(ledger_book([hazard_row()], HAZARD_HEADERS), empty_rows=300)
    response = post_ledger(c, content)
    assert response.status_code == 302, response.content[:300]
    assert list(Hazard.objects.values_list("description", flat=True)) == ["燃气管道老化锈蚀"]


def test_cells_far_outside_the_template_are_not_read(c):
    """A value in XFD (column 16,384) of a ledger row is not a column of the template."""
    content = ledger_book([hazard_row()], HAZARD_HEADERS)
    content = hostile.with_cell(content, "XFD2", hostile.inline_text_cell("XFD2", "x"))
    assert post_ledger(c, content).status_code == 302
    assert Hazard.objects.count() == 1


def test_rows_past_the_limit_refuse_the_file(c, settings):
    settings.UPLOAD_MAX_ROWS = 3  # the heading and two rows
    rows = [hazard_row(隐患地点=f"{n}号楼") for n in range(3)]
    assert problems(post_ledger(c, ledger_book(rows, HAZARD_HEADERS))) == [
        "sheet 安全隐患: The sheet has more than 3 rows: split it into several files."
    ]
    assert Hazard.objects.count() == 0
    settings.UPLOAD_MAX_ROWS = 4
    assert post_ledger(c, ledger_book(rows, HAZARD_HEADERS)).status_code == 302
    assert Hazard.objects.count() == 3


def test_a_row_past_the_limit_far_down_the_sheet_refuses_the_file(c, settings):
    content = hostile.with_cell(
        ledger_book([hazard_row()], HAZARD_HEADERS),
        "B1048576",
        hostile.inline_text_cell("B1048576", "x"),
    )
    assert problems(post_ledger(c, content)) == [
        "sheet 安全隐患: The sheet has more than 200000 rows: split it into several files."
    ]
    assert Hazard.objects.count() == 0


def test_more_cells_than_the_limit_refuse_the_file(c, settings):
    settings.UPLOAD_MAX_CELLS = 60  # XML elements: a hazard row is about 45
    rows = [hazard_row(), hazard_row(隐患地点="二号楼")]
    assert problems(post_ledger(c, ledger_book(rows, HAZARD_HEADERS))) == [
        "sheet 安全隐患: The sheet has more than 60 cells: split it into several files."
    ]
    assert Hazard.objects.count() == 0


# --- cells that are not what they claim -----------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (hostile.number_cell(VALUE, "1e999"), "The number is too large."),
        (hostile.number_cell(VALUE, "-1E400"), "The number is too large."),
        (hostile.inline_text_cell(VALUE, "9" * 400), "The number is too large."),
        (
            hostile.number_cell(VALUE, "NaN"),
            "The cell cannot be read: it is marked as a number but holds “NaN”.",
        ),
        (
            hostile.number_cell(VALUE, "inf"),
            "The cell cannot be read: it is marked as a number but holds “inf”.",
        ),
        (
            hostile.number_cell(VALUE, "abc"),
            "The cell cannot be read: it is marked as a number but holds “abc”.",
        ),
        (
            hostile.shared_string_cell(VALUE, 99999),
            "The cell refers to a text that is not in the workbook (number 99999).",
        ),
        (
            hostile.shared_string_cell(VALUE, -1),
            "The cell refers to a text that is not in the workbook (number -1).",
        ),
        (
            f'<c r="{VALUE}" t="b"><v>yes</v></c>',
            "The cell cannot be read: it is marked as TRUE/FALSE but holds “yes”.",
        ),
    ],
)
def test_a_bad_number_cell_refuses_the_workbook_naming_the_cell(c, cell, message):
    content = hostile.with_cell(filled(c), VALUE, cell)
    assert problems(post_workbook(c, content)) == [f"{WHERE}: {message}"]
    assert Report.objects.count() == 0


def test_every_bad_cell_of_the_sheet_is_listed(c, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    second = Target.objects.create(
        plan=c.plan,
        unit=c.commerce,
        name="落地项目",
        kind="cumulative",
        value=20,
        cadence="month",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )
    book = yibiaotong.export_workbook(c.commerce, yibiaotong.parse_period("2025-06"))
    sheet = book[yibiaotong.SHEET]
    rows = {sheet.cell(r, 1).value: r for r in range(yibiaotong.FIRST_ROW, sheet.max_row + 1)}
    for row in rows.values():
        sheet.cell(row, yibiaotong.VALUE_COL + 1).value = 1
    content = save(book)
    first, other = f"J{rows[c.signed.pk]}", f"J{rows[second.pk]}"
    content = hostile.with_cell(content, first, hostile.number_cell(first, "1e999"))
    content = hostile.with_cell(content, other, hostile.number_cell(other, "abc"))
    listed = problems(post_workbook(c, content))
    assert [p.split(":")[0] for p in listed] == [
        f"sheet 填报, row {rows[c.signed.pk]}, column J (本期数值)",
        f"sheet 填报, row {rows[second.pk]}, column J (本期数值)",
    ]
    assert Report.objects.count() == 0


def test_bad_cells_in_a_ledger_are_listed_with_the_others(c):
    content = ledger_book([hazard_row(), hazard_row(发现日期="昨天")], HAZARD_HEADERS)
    content = hostile.with_cell(content, "N2", hostile.number_cell("N2", "abc"))
    assert problems(post_ledger(c, content)) == [
        "sheet 安全隐患, row 2, column N (资金(万元)): "
        "The cell cannot be read: it is marked as a number but holds “abc”.",
        "sheet 安全隐患, row 3, column G (发现日期): "
        "Expected a date such as 2025-09-30, found “昨天”.",
    ]
    assert Hazard.objects.count() == 0


def test_a_huge_number_in_a_ledger_amount_is_refused(c):
    content = ledger_book([hazard_row()], HAZARD_HEADERS)
    content = hostile.with_cell(content, "N2", hostile.number_cell("N2", "1e999"))
    assert problems(post_ledger(c, content)) == [
        "sheet 安全隐患, row 2, column N (资金(万元)): The number is too large."
    ]


# --- damaged files -----------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_a_truncated_sheet_is_refused_as_damaged(c, keep):
    response = post_workbook(c, hostile.truncated(filled(c), keep=keep))
    listed = problems(response)
    assert len(listed) == 1
    assert "(cut short or malformed): save the workbook again in Excel or WPS." in listed[0]
    assert Report.objects.count() == 0
    listed = problems(
        post_ledger(c, hostile.truncated(ledger_book([hazard_row()], HAZARD_HEADERS), keep=keep))
    )
    assert "cut short or malformed" in listed[0]
    assert Hazard.objects.count() == 0


def test_shared_strings_are_read_and_damaged_ones_refused(c):
    narrative = f"L{yibiaotong.FIRST_ROW}"
    content = hostile.with_shared_strings(filled(c), ["甲", "按计划推进"])
    content = hostile.with_cell(content, narrative, hostile.shared_string_cell(narrative, 1))
    assert post_workbook(c, content).status_code == 200
    assert Report.objects.get().narrative == "按计划推进"
    Report.objects.all().delete()
    damaged = hostile.with_shared_strings(filled(c), [], raw=b'<sst xmlns="x"><si><t>\xe7')
    assert problems(post_workbook(c, damaged)) == ["The workbook is damaged and cannot be read."]
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, not a workbook", b"PK\x03\x04" + b"\x00" * 100],
    ids=["empty", "text", "zip-header-only"],
)
def test_a_file_that_is_not_a_workbook_is_refused(c, content):
    for response in (post_workbook(c, content), post_ledger(c, content)):
        assert response.status_code == 400
    assert Report.objects.count() == 0 and Hazard.objects.count() == 0


# --- zip bombs -------------------------------------------------------------------------------


def test_a_member_inflating_too_many_times_is_refused(c):
    content = hostile.inflated(filled(c), megabytes=4)
    (message,) = problems(post_workbook(c, content))
    assert message.startswith("The part xl/worksheets/sheet1.xml of the file inflates ")
    assert message.endswith("times (at most 100): refused as a zip bomb.")
    (message,) = problems(
        post_ledger(c, hostile.inflated(ledger_book([], HAZARD_HEADERS), megabytes=4))
    )
    assert "refused as a zip bomb" in message


def test_a_workbook_unpacking_past_the_limit_is_refused(c, settings):
    settings.UPLOAD_MAX_UNPACKED_BYTES = 64 * 1024
    content = hostile.rewrite(
        filled(c), "xl/theme/theme1.xml", lambda xml: xml + bytes(range(256)) * 300
    )
    assert problems(post_workbook(c, content)) == [
        "The file unpacks to more than 64.0\xa0KB: refused."
    ]
    assert Report.objects.count() == 0


def test_a_workbook_of_too_many_parts_is_refused(c):
    content = hostile.many_members(filled(c), 1000)
    count = len(hostile.members(content))
    assert problems(post_workbook(c, content)) == [
        f"The file holds {count} parts (at most 1000): refused."
    ]


def test_an_entity_expansion_bomb_is_refused_as_damaged(c):
    """A "billion laughs" DTD in the sheet: expat refuses to expand it, and so do we."""
    entities = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"&%s;" % bytes([97 + i]) * 10) for i in range(9)
    )
    doctype = b"<!DOCTYPE worksheet [" + entities + b"]>"

    def change(xml):
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return doctype + body.replace(b"<t>", b"<t>&j;", 1)

    content = hostile.rewrite(ledger_book([hazard_row()], HAZARD_HEADERS), hostile.SHEET1, change)
    assert problems(post_ledger(c, content)) == [
        "sheet 安全隐患: The sheet's data is damaged (cut short or malformed): "
        "save the workbook again in Excel or WPS."
    ]
    assert Hazard.objects.count() == 0
