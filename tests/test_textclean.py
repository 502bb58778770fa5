"""Control characters: dropped on the way in (pages, API, imports) and on the way out
(.xlsx exports of rows stored before), line breaks and tabs kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledgers.models import Hazard, Project
from luoshi.plans.models import Plan
from luoshi.textclean import clean_data, clean_text, xml_safe
from tests.api.conftest import Api
from tests.excel import hostile
from tests.excel.helpers import HAZARD_HEADERS, hazard_row, ledger_book, read, upload
from tests.ledgers.rows import add_ledger_rows

HOSTILE = "第一行\x0b第二行\x1b[31m红\x00字\x7f\x85\ud800\r\n第三行\r第四行\t完"
CLEAN = "第一行第二行[31m红字\n第三行\n第四行\t完"
# A form post carries bytes: a lone surrogate cannot be sent (JSON can escape one).
FORM_HOSTILE = HOSTILE.replace("\ud800", "")


def test_clean_text_keeps_line_breaks_and_tabs_and_drops_the_other_controls():
    assert clean_text(HOSTILE) == CLEAN
    assert clean_text("") == "" and clean_text(None) is None and clean_text(5) == 5
    assert clean_data({"a\x00": ["x\x0by", {"n": 1.5, "t": "\r\n"}]}) == {
        "a": ["xy", {"n": 1.5, "t": "\n"}]
    }


def test_xml_safe_drops_only_what_xml_cannot_hold():
    assert xml_safe("a\x0bb\x1bc\x00d\te\nf\rg\ufffeh\ud800i") == "abcd\te\nf\rghi"


@pytest.fixture
def ledger_city(plan_city):
    """The persona city with its plan and a few ledger rows (tests/ledgers/rows.py)."""
    add_ledger_rows(plan_city)
    return plan_city


# --- out: rows stored before the fix still export ---------------------------------------


@pytest.fixture
def dirty(ledger_city, settings):
    """Rows whose text was stored with control characters (before the cleaning)."""
    settings.LANGUAGE_CODE = "en"
    c = ledger_city
    Project.objects.filter(pk=c.project.pk).update(note="换行\x0b后\x1b[0m")
    Hazard.objects.filter(pk=c.hazard.pk).update(description="楼道\x1b堆物\x0c")
    return c


@pytest.mark.parametrize(("kind", "expected"), [("projects", "换行后[0m"), ("hazards", "楼道堆物")])
def test_ledger_export_drops_control_characters_of_stored_rows(dirty, kind, expected):
    response = dirty.client("supervisor").get(f"/excel/ledger/{kind}/export/")
    assert response.status_code == 200
    texts = [
        cell
        for row in read(response.content).worksheets[0].iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert expected in texts


# --- in: pages, API, imports ---------------------------------------------------------------


def test_a_hazard_entered_on_its_page_is_stored_clean(ledger_city):
    from tests.ledgers.test_hazards import _new_hazard

    c = ledger_city
    data = _new_hazard(c.housing_team, description=FORM_HOSTILE, measures="清理\x0b楼道\r\n劝导")
    response = c.client("team-reporter").post("/ledgers/hazards/new/", data)
    assert response.status_code == 302, response.content[:500]
    hazard = Hazard.objects.get(place=data["place"])
    assert (hazard.description, hazard.measures) == (CLEAN, "清理楼道\n劝导")
    assert hazard.history.first().description == CLEAN


def test_a_project_note_edited_on_its_page_is_stored_clean(ledger_city):
    from tests.ledgers.test_projects import _form

    c = ledger_city
    response = c.client("commerce-reporter").post(
        "/ledgers/projects/new/", _form(c.commerce, name="园区\x00项目", note="Word 换行\x0b之后")
    )
    assert response.status_code == 302, response.content[:500]
    assert Project.objects.filter(name="园区项目", note="Word 换行之后").exists()


def test_passwords_are_left_as_typed(ledger_city):
    """The cleaning is for text that is shown and exported, never for secrets."""
    from django.http import QueryDict

    from luoshi.middleware import _cleaned

    data = QueryDict(mutable=True)
    data.update({"password": "a\x0bb", "new_password1": "c\x00d", "note": "e\x0bf"})
    cleaned = _cleaned(data)
    assert cleaned["password"] == "a\x0bb" and cleaned["new_password1"] == "c\x00d"
    assert cleaned["note"] == "ef"


def test_the_api_stores_text_clean(ledger_city):
    from luoshi.api.auth import issue_token

    c = ledger_city
    api = Api(issue_token(c.team_reporter, "tests")[1])
    body = {
        "description": HOSTILE,
        "domain": "fire",
        "place": "城南\x00农贸市场",
        "place_kind": "market",
        "found_on": "2025-07-10",
        "found_by": "巡查员\x1b",
        "unit": c.housing_team.pk,
        "deadline": "2025-08-10",
    }
    response = api.post("/hazards", body)
    assert response.status_code == 201, response.content
    hazard = Hazard.objects.get(pk=response.json()["id"])
    assert (hazard.description, hazard.place, hazard.found_by) == (CLEAN, "城南农贸市场", "巡查员")


def test_an_imported_ledger_is_stored_clean(ledger_city, settings):
    settings.LANGUAGE_CODE = "en"
    c = ledger_city
    content = ledger_book([hazard_row(隐患地点="九号楼")], HAZARD_HEADERS)
    # XML carries a carriage return as &#13;; a tab and a line break as themselves.
    content = hostile.with_cell(
        content, "K2", hostile.inline_text_cell("K2", "关阀&#13;&#10;更换管道\t&#13;复查")
    )
    response = c.client("supervisor").post(
        "/excel/ledger/hazards/import/", {"file": upload(content), "import": "1"}
    )
    assert response.status_code == 302
    assert Hazard.objects.get(place="九号楼").measures == "关阀\n更换管道\t\n复查"


def test_a_plan_imported_from_a_document_is_stored_clean(city, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    text = "2025年重点工作计划\r\n\r\n一、市商务局\x0b\r\n签约项目不少于50个。\x1b\r\n"
    response = city.client("supervisor").post(
        "/plans/import/",
        {
            "title": "2025年重点工作计划",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "file": SimpleUploadedFile("plan.txt", text.encode()),
        },
    )
    assert response.status_code == 302, response.content[:300]
    plan = Plan.objects.get()
    assert "\r" not in plan.source_text and "\x0b" not in plan.source_text
    assert "\x1b" not in plan.source_text
    assert "签约项目不少于50个。" in plan.source_text


def test_a_narrative_from_the_workbook_is_stored_clean(plan_city):
    from luoshi.excel import workbook as yibiaotong
    from luoshi.reporting.models import Report
    from tests.excel.helpers import save

    c = plan_city
    book = yibiaotong.export_workbook(c.commerce, yibiaotong.parse_period("2025-06"))
    sheet = book[yibiaotong.SHEET]
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = 20
    content = save(book)
    ref = f"L{yibiaotong.FIRST_ROW}"
    content = hostile.with_cell(content, ref, hostile.inline_text_cell(ref, "一&#13;&#10;二"))
    response = c.client("commerce-reporter").post(
        "/excel/workbook/",
        {"unit": c.commerce.pk, "period": "2025-06", "file": upload(content, "一表通.xlsx")},
    )
    assert response.status_code == 200
    assert Report.objects.get().narrative == "一\n二"
