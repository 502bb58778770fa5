"""The 一表通 page: styled, the unit preselected, one "submit all"; the workbench links every
workbook owed (at a quarter's end the quarter's too)."""

# ruff: noqa: F811  (the fixture `c` is imported from test_workbook and used as an argument)

from datetime import date

from luoshi.reporting.models import Report
from tests.excel.test_workbook import c, export, fill, post  # noqa: F401

UPLOAD = "/excel/workbook/"


def test_the_page_preselects_the_persons_one_unit_and_styles_its_fields(c):
    form = c.client("commerce-reporter").get(UPLOAD).context["export_form"]
    assert form["unit"].value() == c.commerce.pk
    html = str(form["unit"]) + str(form["period"])
    assert 'class="form-select"' in html and 'class="form-control"' in html
    # The housing approver reports for two units (housing and its team): no guess.
    assert c.client("housing-approver").get(UPLOAD).context["export_form"]["unit"].value() is None


def test_submit_all_submits_the_drafts_the_upload_made_dated_at_the_period_end(c):
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (27, None, "")})
    page = post(reporter, c.commerce, "2025-06", content)
    (draft,) = page.context["created"]
    assert draft.as_of == date(2025, 6, 30)
    assert 'id="submit-all"' in page.content.decode()
    response = reporter.post("/excel/workbook/submit/", {"report": [draft.pk]})
    assert response["Location"] == "/workbench/"
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.submitted_by == c.commerce_reporter


def test_submit_all_of_drafts_not_ones_own_submits_nothing(c):
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (27, None, "")})
    (draft,) = post(reporter, c.commerce, "2025-06", content).context["created"]
    for persona in ("housing-reporter", "leader", "supervisor"):
        c.client(persona).post("/excel/workbook/submit/", {"report": [draft.pk]})
    for junk in ({"report": ["x"]}, {}):
        reporter.post("/excel/workbook/submit/", junk)
    assert Report.objects.get(pk=draft.pk).status == "draft"


def test_workbench_links_every_workbook_owed_with_the_quarter_at_its_end(c, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    # 住建局's sales target is quarterly (2025Q2 owed), its team's zero target monthly (2025-06).
    page = c.client("housing-approver").get("/workbench/")
    books = {(b.unit.pk, b.period) for b in page.context["workbooks"]}
    assert (c.housing.pk, "2025Q2") in books
    html = page.content.decode()
    assert f"/excel/workbook/export/?unit={c.housing.pk}&amp;period=2025Q2" in html
    commerce = c.client("commerce-reporter").get("/workbench/").context["workbooks"]
    assert [(b.unit.pk, b.period) for b in commerce] == [(c.commerce.pk, "2025-06")]
