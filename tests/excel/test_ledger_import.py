"""Ledger import: a good workbook is applied whole; a file with any bad cell changes nothing."""

import os
from datetime import date

import pytest
from openpyxl import Workbook

from luoshi.ledgers import actions
from luoshi.ledgers.models import Hazard, HazardEvent, Project, StageEvent
from tests.excel.helpers import (
    HAZARD_HEADERS,
    PROJECT_HEADERS,
    hazard_row,
    ledger_book,
    project_row,
    save,
    upload,
)

HAZARDS_URL = "/excel/ledger/hazards/import/"
PROJECTS_URL = "/excel/ledger/projects/import/"


@pytest.fixture
def c(city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    settings.LANGUAGE_CODE = "en"  # messages are asserted in their English source form
    return city


def counts():
    return (
        Hazard.objects.count(),
        Hazard.history.count(),
        HazardEvent.objects.count(),
        Project.objects.count(),
        Project.history.count(),
        StageEvent.objects.count(),
    )


def post(client, url, data: bytes, name="ledger.xlsx", action="import"):
    return client.post(url, {"file": upload(data, name), action: "1"})


def problems(response):
    return [str(p) for p in response.context["problems"]]


def test_good_hazard_workbook_imports_with_history_and_opening_events(c):
    rows = [
        hazard_row(),
        hazard_row(
            隐患描述="消防通道堵塞", 领域="消防", 隐患等级="一般", 责任单位="住建安全科", 资金=""
        ),
    ]
    response = post(c.client("housing-approver"), HAZARDS_URL, ledger_book(rows, HAZARD_HEADERS))
    assert response.status_code == 302, response.content.decode()[:3000]
    gas = Hazard.objects.get(domain="gas")
    assert gas.level == "major" and gas.place_kind == "residential"
    assert gas.unit == c.housing and gas.found_on == date(2025, 6, 1)
    assert str(gas.funds) == "12.50" and gas.status == "open"
    fire = Hazard.objects.get(domain="fire")
    assert fire.unit == c.housing_team and fire.level == "ordinary"
    # Recorded as create_hazard records it: a history row by the importer, an opening event.
    for hazard in (gas, fire):
        record = hazard.history.get()
        assert record.history_type == "+" and record.history_user == c.housing_approver
        assert record.history_change_reason == "created"
        event = hazard.events.get()
        assert (event.status, event.date, event.recorded_by) == (
            "open",
            hazard.found_on,
            c.housing_approver,
        )


def test_bulk_created_hazard_matches_one_made_by_the_action(c):
    post(c.client("housing-reporter"), HAZARDS_URL, ledger_book([hazard_row()], HAZARD_HEADERS))
    imported = Hazard.objects.get()
    made = actions.create_hazard(
        c.housing_reporter,
        **{f: getattr(imported, f) for f in actions.HAZARD_FIELDS},
    )
    fields = [f.attname for f in Hazard._meta.concrete_fields if f.name not in ("id", "created_at")]
    assert [getattr(imported, f) for f in fields] == [getattr(made, f) for f in fields]
    for attr in ("history_type", "history_user_id", "history_change_reason"):
        assert getattr(imported.history.get(), attr) == getattr(made.history.get(), attr)
    for attr in ("status", "date", "note", "recorded_by_id"):
        assert getattr(imported.events.get(), attr) == getattr(made.events.get(), attr)


def test_good_project_workbook_imports_through_the_actions(c):
    rows = [
        project_row(),
        project_row(
            项目名称="冷链物流园",
            当前阶段="洽谈",
            阶段日期=None,
            放弃日期=date(2025, 7, 1),
            放弃原因="投资方撤资",
        ),
    ]
    response = post(
        c.client("commerce-reporter"), PROJECTS_URL, ledger_book(rows, PROJECT_HEADERS, "招商项目")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    battery = Project.objects.get(name="新能源电池项目")
    assert battery.stage == "signed" and battery.unit == c.commerce
    assert battery.events.get().date == date(2025, 5, 20)
    assert str(battery.planned_amount) == "50000.00" and str(battery.paid_in_amount) == "1200.50"
    cold = Project.objects.get(name="冷链物流园")
    assert cold.dropped_on == date(2025, 7, 1) and cold.drop_reason == "投资方撤资"
    assert cold.events.get().date == date(2025, 7, 15)  # no stage date: today


def test_check_only_writes_nothing_and_shows_the_preview(c):
    before = counts()
    response = post(
        c.client("housing-reporter"),
        HAZARDS_URL,
        ledger_book([hazard_row()], HAZARD_HEADERS),
        action="check",
    )
    assert response.status_code == 200
    assert len(response.context["preview"].creates) == 1
    assert counts() == before


def _refused(c, data, expected, *, user="housing-reporter", url=HAZARDS_URL, name="ledger.xlsx"):
    """The file is refused with a problem containing each `expected` text; nothing written."""
    before = counts()
    response = post(c.client(user), url, data, name)
    assert response.status_code == 400
    listed = problems(response)
    for text in expected:
        assert any(text in p for p in listed), listed
    assert counts() == before
    return listed


def test_wrong_unit_name_is_refused_naming_the_cell(c):
    rows = [hazard_row(), hazard_row(责任单位="市住建厅")]
    listed = _refused(c, ledger_book(rows, HAZARD_HEADERS), ["No unit is called “市住建厅”"])
    assert listed == ["sheet 安全隐患, row 3, column I (责任单位): No unit is called “市住建厅”."]


def test_bad_date_is_refused(c):
    rows = [hazard_row(发现日期="2025-13-45"), hazard_row(整改期限="下个月")]
    listed = _refused(c, ledger_book(rows, HAZARD_HEADERS), ["Expected a date such as 2025-09-30"])
    assert any("row 2, column G (发现日期)" in p for p in listed)
    assert any("row 3, column J (整改期限)" in p for p in listed)


def test_deadline_before_found_date_and_future_dates_are_refused(c):
    rows = [
        hazard_row(整改期限=date(2025, 5, 1)),
        hazard_row(发现日期=date(2025, 8, 1), 整改期限=date(2025, 9, 1)),
    ]
    _refused(
        c,
        ledger_book(rows, HAZARD_HEADERS),
        ["The deadline cannot be before the day the hazard was found.", "cannot be in the future"],
    )


def test_text_in_a_number_cell_is_refused(c):
    rows = [hazard_row(**{"资金(万元)": "十二万"})]
    listed = _refused(
        c, ledger_book(rows, HAZARD_HEADERS), ["Expected a number, found the text “十二万”"]
    )
    assert "column N (资金(万元))" in listed[0]


def test_unknown_choice_is_refused_with_the_choices(c):
    rows = [hazard_row(领域="天然气", 隐患等级="特大")]
    _refused(
        c,
        ledger_book(rows, HAZARD_HEADERS),
        ["“天然气” is not one of: 燃气、消防", "“特大” is not one of: 一般、重大"],
    )


def test_missing_column_is_refused(c):
    headers = [h for h in HAZARD_HEADERS if h != "发现日期"]
    _refused(c, ledger_book([hazard_row()], headers), ["The column “发现日期” is missing."])


def test_unknown_column_is_refused(c):
    headers = [*HAZARD_HEADERS, "备注二"]
    _refused(c, ledger_book([hazard_row()], headers), ["Unknown column “备注二”"])


def test_extra_sheet_is_refused(c):
    data = ledger_book([hazard_row()], HAZARD_HEADERS, extra_sheets=["Sheet2"])
    _refused(c, data, ["must hold only the ledger sheet; it has 2 sheets (安全隐患, Sheet2)"])


def test_formula_cell_is_refused(c):
    rows = [hazard_row(**{"资金(万元)": "=10+2.5"})]
    listed = _refused(c, ledger_book(rows, HAZARD_HEADERS), ["Formulas are not accepted"])
    assert "row 2, column N (资金(万元))" in listed[0]


def test_ten_megabytes_of_junk_is_refused(c):
    junk = os.urandom(10 * 1024 * 1024)
    # Exactly the limit: read, and found not to be a workbook; one byte more: too large.
    _refused(c, junk, ["not an Excel .xlsx workbook (the file is not a zip package)"])
    _refused(c, junk + b"x", ["The file is too large (10.0 MB; at most 10 MB)."])


def test_xls_renamed_to_xlsx_is_refused(c):
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
    _refused(c, xls, ["This is an old Excel 97–2003 (.xls) file"], name="台账.xlsx")


def test_zip_that_is_not_a_workbook_is_refused(c):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(c, buffer.getvalue(), ["This zip file is not an Excel .xlsx workbook."])


def test_unit_the_importer_does_not_keep_is_refused(c):
    rows = [hazard_row(责任单位="市住建局"), hazard_row(责任单位="市商务局")]
    listed = _refused(
        c, ledger_book(rows, HAZARD_HEADERS), ["You do not keep the ledger of 市商务局."]
    )
    assert listed == [
        "sheet 安全隐患, row 3, column I (责任单位): You do not keep the ledger of 市商务局."
    ]


def test_sub_unit_reporter_cannot_import_for_the_parent_department(c):
    _refused(
        c,
        ledger_book([hazard_row()], HAZARD_HEADERS),
        ["You do not keep the ledger of 市住建局."],
        user="team-reporter",
    )


def test_supervisor_keeps_every_unit(c):
    rows = [hazard_row(责任单位="市住建局"), hazard_row(责任单位="市商务局")]
    response = post(c.client("supervisor"), HAZARDS_URL, ledger_book(rows, HAZARD_HEADERS))
    assert response.status_code == 302
    assert Hazard.objects.count() == 2


def test_leader_and_outsider_cannot_import(c):
    for user in ("leader", "outsider"):
        response = post(c.client(user), HAZARDS_URL, ledger_book([hazard_row()], HAZARD_HEADERS))
        assert response.status_code == 403
    assert Hazard.objects.count() == 0


def test_every_bad_cell_is_listed(c):
    rows = [hazard_row(责任单位="不存在"), hazard_row(发现日期="昨天"), hazard_row(领域="水")]
    listed = _refused(c, ledger_book(rows, HAZARD_HEADERS), ["不存在", "昨天", "“水”"])
    assert [p.split(",")[1].strip() for p in listed] == ["row 2", "row 3", "row 4"]


def test_empty_sheet_and_blank_rows(c):
    _refused(c, ledger_book([], HAZARD_HEADERS), ["The sheet has no rows to import."])
    book = Workbook()
    book.active.title = "安全隐患"
    _refused(c, save(book), ["The sheet is empty."])


def test_missing_required_cell_is_refused(c):
    _refused(
        c,
        ledger_book([hazard_row(发现人=None)], HAZARD_HEADERS),
        ["row 2, column H (发现人): This cell must be filled."],
    )


def test_numbers_of_rows_the_importer_cannot_see_are_refused(c):
    other = actions.create_hazard(
        c.commerce_reporter,
        **{k: v for k, v in _fields().items()},
        unit=c.commerce,
    )
    _refused(
        c,
        ledger_book([hazard_row(编号=other.pk)], HAZARD_HEADERS),
        [f"No row with number {other.pk} that you can see"],
    )


def _fields():
    return {
        "description": "d",
        "domain": "gas",
        "place": "p",
        "found_on": date(2025, 6, 1),
        "found_by": "x",
        "deadline": date(2025, 7, 1),
    }


def test_import_page_shows_the_form_and_columns(c):
    response = c.client("housing-reporter").get(HAZARDS_URL)
    assert response.status_code == 200
    assert [col.header for col in response.context["columns"]] == HAZARD_HEADERS
    assert c.client("housing-reporter").get("/excel/ledger/people/import/").status_code == 404
    assert c.client(None).get(HAZARDS_URL).status_code == 302


def test_the_page_counts_the_problems(c):
    rows = [hazard_row(责任单位="不存在"), hazard_row(发现日期="昨天")]
    response = post(c.client("housing-reporter"), HAZARDS_URL, ledger_book(rows, HAZARD_HEADERS))
    assert "Correct the 2 problems below" in response.content.decode()
