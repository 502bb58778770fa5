"""一表通: export a unit's workbook for a period, fill it offline, upload it as drafts."""

from datetime import date

import pytest
from openpyxl import Workbook

from luoshi.excel import workbook as yibiaotong
from luoshi.plans.models import Target
from luoshi.reporting.models import Report
from tests.excel.helpers import read, save, upload

EXPORT = "/excel/workbook/export/"
UPLOAD = "/excel/workbook/"


@pytest.fixture
def c(plan_city, settings):
    settings.LANGUAGE_CODE = "en"  # messages are asserted in their English source form
    c = plan_city
    # A monthly zero target of the housing team, to report open and overdue items.
    c.team_zero = Target.objects.create(
        plan=c.plan,
        unit=c.housing_team,
        name="燃气隐患动态清零",
        kind="zero",
        comparator="=",
        value=0,
        cadence="month",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )
    return c


def export(client, unit, period):
    response = client.get(EXPORT, {"unit": unit.pk, "period": period})
    assert response.status_code == 200, response.content[:500]
    return response.content


def fill(content, values: dict[int, tuple]) -> bytes:
    """Fill the yellow cells of the rows of `values` (target id → value, overdue, narrative)."""
    book = read(content)
    sheet = book[yibiaotong.SHEET]
    for row in sheet.iter_rows(min_row=yibiaotong.FIRST_ROW):
        if row[0].value in values:
            value, overdue, narrative = values[row[0].value]
            row[yibiaotong.VALUE_COL].value = value
            row[yibiaotong.OVERDUE_COL].value = overdue
            row[yibiaotong.NARRATIVE_COL].value = narrative
    return save(book)


def post(client, unit, period, content):
    return client.post(
        UPLOAD, {"unit": unit.pk, "period": period, "file": upload(content, "一表通.xlsx")}
    )


def problems(response):
    return [str(p) for p in response.context["problems"]]


def approved(c, target, as_of, value):
    return Report.objects.create(
        target=target,
        unit=target.unit,
        as_of=as_of,
        value=value,
        status="approved",
        created_by=c.commerce_reporter,
    )


def test_round_trip_creates_drafts_with_values_and_author(c):
    approved(c, c.signed, date(2025, 5, 31), 18)
    reporter = c.client("commerce-reporter")
    content = export(reporter, c.commerce, "2025-06")
    book = read(content)
    assert book[yibiaotong.ID_SHEET].sheet_state == "veryHidden"
    sheet = book[yibiaotong.SHEET]
    assert [cell.value for cell in sheet[yibiaotong.HEADER_ROW]] == list(yibiaotong.HEADERS)
    rows = list(sheet.iter_rows(min_row=yibiaotong.FIRST_ROW))
    assert [r[0].value for r in rows] == [c.signed.pk]  # the milestone target is not listed
    row = rows[0]
    assert row[1].value == "签约项目" and row[3].value == "个" and row[4].value == ">= 50"
    assert row[5].is_date and row[5].value.date() == date(2025, 6, 30)
    assert row[6].data_type == "n" and round(row[6].value, 2) == round(50 * 181 / 365, 2)
    assert row[7].value == 18 and row[8].value.date() == date(2025, 5, 31)
    assert row[yibiaotong.VALUE_COL].value is None

    filled = fill(content, {c.signed.pk: (27, None, "上半年签约27个")})
    response = post(reporter, c.commerce, "2025-06", filled)
    assert response.status_code == 200, problems(response)
    draft = Report.objects.get(target=c.signed, status="draft")
    assert (draft.as_of, draft.value, draft.narrative) == (date(2025, 6, 30), 27, "上半年签约27个")
    assert draft.created_by == c.commerce_reporter and draft.unit == c.commerce
    assert draft.history.get().history_user == c.commerce_reporter

    # The same workbook again: the period's report exists, nothing is duplicated.
    again = post(reporter, c.commerce, "2025-06", filled)
    assert again.status_code == 400
    assert "already exists" in problems(again)[0]
    assert Report.objects.filter(target=c.signed, status="draft").count() == 1


def test_zero_target_reports_open_and_overdue_items(c):
    team = c.client("team-reporter")
    content = export(team, c.housing_team, "2025-06")
    filled = fill(content, {c.team_zero.pk: (3, 1, "3处未整改，1处逾期")})
    response = post(team, c.housing_team, "2025-06", filled)
    assert response.status_code == 200, problems(response)
    draft = Report.objects.get(target=c.team_zero)
    assert (draft.value, draft.overdue) == (3, 1)


def test_quarterly_workbook_lists_quarterly_targets(c):
    approver = c.client("housing-approver")
    content = export(approver, c.housing, "2025Q2")
    rows = list(read(content)[yibiaotong.SHEET].iter_rows(min_row=yibiaotong.FIRST_ROW))
    assert [r[0].value for r in rows] == [c.sales.pk]
    response = post(approver, c.housing, "2025Q2", fill(content, {c.sales.pk: (-1.5, None, "")}))
    assert response.status_code == 200, problems(response)
    assert Report.objects.get(target=c.sales).value == -1.5


def test_workbook_for_another_unit_is_refused(c):
    approver = c.client("housing-approver")  # reports for 市住建局 and its 住建安全科
    content = fill(export(approver, c.housing_team, "2025-06"), {c.team_zero.pk: (1, 0, "")})
    response = post(approver, c.housing, "2025-06", content)
    assert response.status_code == 400
    assert problems(response) == ["This workbook is for 住建安全科, not 市住建局."]
    assert Report.objects.count() == 0


def test_workbook_for_another_period_is_refused(c):
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-05"), {c.signed.pk: (20, None, "")})
    response = post(reporter, c.commerce, "2025-06", content)
    assert response.status_code == 400
    assert problems(response) == ["This workbook is for the period 2025-05, not 2025-06."]
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    "row, value",
    [(2, "999"), (3, "2025-07"), (4, "1,2,3"), (5, "0" * 64)],
    ids=["unit", "period", "targets", "signature"],
)
def test_tampered_identifier_is_refused(c, row, value):
    reporter = c.client("commerce-reporter")
    book = read(fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (20, None, "")}))
    book[yibiaotong.ID_SHEET].cell(row, 2).value = value
    response = post(reporter, c.commerce, "2025-06", save(book))
    assert response.status_code == 400
    assert "hidden identifier was altered" in problems(response)[0]
    assert Report.objects.count() == 0


def test_workbook_without_identifier_or_with_extra_sheet_is_refused(c):
    reporter = c.client("commerce-reporter")
    plain = Workbook()
    plain.active.title = yibiaotong.SHEET
    response = post(reporter, c.commerce, "2025-06", save(plain))
    assert "identifier is missing" in problems(response)[0]
    book = read(fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (20, None, "")}))
    book.create_sheet("Sheet2")
    response = post(reporter, c.commerce, "2025-06", save(book))
    assert "must hold only the sheet" in problems(response)[0]
    assert Report.objects.count() == 0


def test_bad_cells_are_listed_and_nothing_is_created(c):
    approver = c.client("housing-approver")
    # The housing approver reports for both 住建 units; use the team's zero target.
    content = export(approver, c.housing_team, "2025-06")
    book = read(content)
    sheet = book[yibiaotong.SHEET]
    sheet.protection.sheet = False
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = "三处"
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.OVERDUE_COL + 1).value = "=1+1"
    response = post(approver, c.housing_team, "2025-06", save(book))
    assert response.status_code == 400
    assert problems(response) == [
        "sheet 填报, row 3, column K (其中逾期): Formulas are not accepted; type the value."
    ]
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.OVERDUE_COL + 1).value = 5
    response = post(approver, c.housing_team, "2025-06", save(book))
    assert problems(response) == [
        "sheet 填报, row 3, column J (本期数值): Expected a number, found the text “三处”."
    ]
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = 2
    response = post(approver, c.housing_team, "2025-06", save(book))
    assert problems(response) == [
        "sheet 填报, row 3, column K (其中逾期): Overdue items cannot exceed open items."
    ]
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = None
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.OVERDUE_COL + 1).value = None
    response = post(approver, c.housing_team, "2025-06", save(book))
    assert "Nothing was filled in" in problems(response)[0]
    assert Report.objects.count() == 0


def test_overdue_count_only_for_zero_targets(c):
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (20, 2, "")})
    response = post(reporter, c.commerce, "2025-06", content)
    assert "Only zero targets count overdue items." in problems(response)[0]


def test_period_not_ended_is_refused(c):
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-07"), {c.signed.pk: (20, None, "")})
    response = post(reporter, c.commerce, "2025-07", content)
    assert problems(response) == ["The period has not ended yet."]


def test_bad_period_is_a_form_error(c):
    response = c.client("commerce-reporter").get(EXPORT, {"unit": c.commerce.pk, "period": "九月"})
    assert response.status_code == 400
    assert "2025Q3" in str(response.context["export_form"].errors["period"])


def test_reporter_cannot_export_or_upload_another_units_workbook(c):
    reporter = c.client("commerce-reporter")
    assert reporter.get(EXPORT, {"unit": c.housing.pk, "period": "2025Q2"}).status_code == 404
    housing = export(c.client("housing-reporter"), c.housing, "2025Q2")
    filled = fill(housing, {c.sales.pk: (6, None, "")})
    assert post(reporter, c.housing, "2025Q2", filled).status_code == 404
    # The sub-unit's reporter does not report for the department above it.
    assert (
        c.client("team-reporter")
        .get(EXPORT, {"unit": c.housing.pk, "period": "2025Q2"})
        .status_code
        == 404
    )
    # A leader sees every unit but reports for none; the supervisor likewise.
    for name in ("leader", "supervisor"):
        client = c.client(name)
        assert client.get(EXPORT, {"unit": c.housing.pk, "period": "2025Q2"}).status_code == 403
        assert post(client, c.housing, "2025Q2", filled).status_code == 403
    assert Report.objects.count() == 0


def test_workbook_page_lists_only_the_units_one_reports_for(c):
    response = c.client("housing-approver").get(UPLOAD)
    assert response.status_code == 200
    units = list(response.context["export_form"].fields["unit"].queryset)
    assert units == [c.housing, c.housing_team]
    assert c.client(None).get(UPLOAD).status_code == 302


def test_periods():
    assert yibiaotong.parse_period("2025-09").end == date(2025, 9, 30)
    quarter = yibiaotong.parse_period("2025q3")
    assert (quarter.start, quarter.end, quarter.label, quarter.zh) == (
        date(2025, 7, 1),
        date(2025, 9, 30),
        "2025Q3",
        "2025年第三季度",
    )
    for bad in ("2025-13", "2025Q5", "九月", ""):
        with pytest.raises(ValueError):
            yibiaotong.parse_period(bad)


def test_upload_of_junk_is_refused(c):
    response = c.client("commerce-reporter").post(
        UPLOAD,
        {"unit": c.commerce.pk, "period": "2025-06", "file": upload(b"junk" * 100, "a.xlsx")},
    )
    assert response.status_code == 400
    assert "not a zip package" in problems(response)[0]
