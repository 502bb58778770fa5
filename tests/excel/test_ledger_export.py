"""Ledger export: the rows one may see, filtered like the list, typed, inert, re-importable."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from luoshi.ledgers import actions
from luoshi.ledgers.models import Hazard, Project
from tests.excel.helpers import HAZARD_HEADERS, PROJECT_HEADERS, read, upload


@pytest.fixture
def c(city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    settings.LANGUAGE_CODE = "en"  # messages are asserted in their English source form
    city.gas = actions.create_hazard(
        city.housing_reporter,
        description="燃气管道老化",
        domain="gas",
        place="幸福小区",
        place_kind="residential",
        level="major",
        found_on=date(2025, 6, 1),
        found_by="张三",
        unit=city.housing,
        deadline=date(2025, 7, 1),
        funds=Decimal("12.50"),
    )
    city.fire = actions.create_hazard(
        city.commerce_reporter,
        description='=HYPERLINK("http://evil.example","点我")',
        domain="fire",
        place="+商场",
        found_on=date(2025, 7, 1),
        found_by="@王五",
        unit=city.commerce,
        deadline=date(2025, 9, 1),
    )
    city.project = actions.create_project(
        city.commerce_reporter,
        name='=HYPERLINK("http://evil.example")',
        investor="-某某公司",
        planned_amount=Decimal("50000"),
        unit=city.commerce,
        stage="signed",
        stage_date=date(2025, 5, 20),
    )
    return city


def export(client, kind, **params):
    response = client.get(f"/excel/ledger/{kind}/export/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return response.content


def rows_of(content):
    sheet = read(content).worksheets[0]
    return [list(r) for r in sheet.iter_rows()]


def test_export_has_chinese_headers_and_typed_cells(c):
    rows = rows_of(export(c.client("supervisor"), "hazards"))
    assert [cell.value for cell in rows[0]] == HAZARD_HEADERS
    gas = next(r for r in rows[1:] if r[0].value == c.gas.pk)
    by = dict(zip(HAZARD_HEADERS, gas, strict=True))
    assert by["领域"].value == "燃气" and by["隐患等级"].value == "重大"
    assert by["场所类型"].value == "居民小区" and by["责任单位"].value == "市住建局"
    assert by["发现日期"].is_date and by["发现日期"].value.date() == date(2025, 6, 1)
    assert by["整改期限"].is_date
    assert by["资金(万元)"].data_type == "n" and by["资金(万元)"].value == 12.5
    assert by["编号"].data_type == "n"


def test_formula_like_text_comes_out_inert(c):
    content = export(c.client("supervisor"), "projects")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    row = rows_of(content)[1]
    by = dict(zip(PROJECT_HEADERS, row, strict=True))
    assert by["项目名称"].value == '=HYPERLINK("http://evil.example")'
    assert by["项目名称"].data_type == "s" and by["项目名称"].quotePrefix
    assert by["投资方"].data_type == "s" and by["投资方"].quotePrefix
    assert by["当前阶段"].value == "签约"
    assert by["阶段日期"].value.date() == date(2025, 5, 20)
    assert by["计划投资(万元)"].value == 50000


def test_reporter_exports_only_its_units_rows(c):
    ids = [r[0].value for r in rows_of(export(c.client("housing-reporter"), "hazards"))[1:]]
    assert ids == [c.gas.pk]
    # Asking for another unit's rows gives nothing, not an error.
    assert rows_of(export(c.client("housing-reporter"), "hazards", unit=c.commerce.pk))[1:] == []
    assert rows_of(export(c.client("outsider"), "hazards"))[1:] == []


def test_export_follows_the_list_filters(c):
    supervisor = c.client("supervisor")
    assert [r[0].value for r in rows_of(export(supervisor, "hazards", domain="fire"))[1:]] == [
        c.fire.pk
    ]
    assert [r[0].value for r in rows_of(export(supervisor, "hazards", overdue="on"))[1:]] == [
        c.gas.pk
    ]
    assert [r[0].value for r in rows_of(export(supervisor, "hazards", unit=c.housing.pk))[1:]] == [
        c.gas.pk
    ]
    assert rows_of(export(supervisor, "projects", stage="landed"))[1:] == []


def test_anonymous_is_sent_to_sign_in_and_unknown_kind_is_404(c):
    assert c.client(None).get("/excel/ledger/hazards/export/").status_code == 302
    assert c.client("supervisor").get("/excel/ledger/people/export/").status_code == 404


def _snapshot(model, fields):
    return sorted(tuple(getattr(o, f) for f in fields) for o in model.objects.all())


def test_export_then_import_changes_nothing(c):
    supervisor = c.client("supervisor")
    for kind, model in (("hazards", Hazard), ("projects", Project)):
        fields = [f.attname for f in model._meta.concrete_fields]
        before = _snapshot(model, fields)
        history = model.history.count()
        content = export(supervisor, kind, dropped="all")
        response = supervisor.post(
            f"/excel/ledger/{kind}/import/", {"file": upload(content), "import": "1"}
        )
        assert response.status_code == 302, response.context and response.context.get("problems")
        assert _snapshot(model, fields) == before
        assert model.history.count() == history  # nothing changed, nothing recorded


def test_export_edit_reimport_updates_through_the_actions(c):
    supervisor = c.client("supervisor")
    book = read(export(supervisor, "hazards"))
    sheet = book.worksheets[0]
    column = {cell.value: cell.column for cell in sheet[1]}
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == c.gas.pk:
            row[column["整改措施"] - 1].value = "更换全部管道"
            row[column["隐患地点"] - 1].value = "幸福小区3号楼"
    new = [None] * len(HAZARD_HEADERS)
    for header, value in {
        "隐患描述": "新发现",
        "领域": "消防",
        "隐患地点": "仓库",
        "发现日期": date(2025, 7, 10),
        "发现人": "赵六",
        "责任单位": "市商务局",
        "整改期限": date(2025, 7, 20),
    }.items():
        new[HAZARD_HEADERS.index(header)] = value
    sheet.append(new)
    buffer = io.BytesIO()
    book.save(buffer)
    response = supervisor.post(
        "/excel/ledger/hazards/import/", {"file": upload(buffer.getvalue()), "import": "1"}
    )
    assert response.status_code == 302
    c.gas.refresh_from_db()
    assert c.gas.measures == "更换全部管道" and c.gas.place == "幸福小区3号楼"
    latest = c.gas.history.first()
    assert latest.history_user == c.supervisor and latest.history_change_reason == "import"
    assert Hazard.objects.count() == 3


def test_status_is_not_changed_by_import(c):
    supervisor = c.client("supervisor")
    book = read(export(supervisor, "hazards"))
    sheet = book.worksheets[0]
    status_col = HAZARD_HEADERS.index("状态")
    sheet.cell(2, status_col + 1).value = "Verified closed"
    buffer = io.BytesIO()
    book.save(buffer)
    response = supervisor.post(
        "/excel/ledger/hazards/import/", {"file": upload(buffer.getvalue()), "import": "1"}
    )
    assert response.status_code == 400
    assert "not by import" in str(response.context["problems"][0])
    assert set(Hazard.objects.values_list("status", flat=True)) == {"open"}
