"""缺报 vs 待审核: a report submitted for the owed period is awaiting approval, not missing.

The engine's `missing` stays as DESIGN.md section 4 defines it (approved readings only);
the pages, filters and counts tell the two cases apart.
"""

from datetime import date

from luoshi.dashboards.evaluation import evaluate_target
from luoshi.reporting.models import Report


def _report(c, status, as_of=date(2025, 6, 30)):
    return Report.objects.create(
        target=c.signed,
        unit=c.commerce,
        as_of=as_of,
        value=30,
        status=status,
        created_by=c.commerce_reporter,
    )


def _signed_row(c, query=""):
    response = c.client("supervisor").get(f"/overview/?at=2025-07-15{query}")
    rows = {row.target.pk: row for row in response.context["page"].object_list}
    return response, rows.get(c.signed.pk)


def test_submitted_report_for_the_owed_period_shows_awaiting_approval_not_missing(plan_city):
    c = plan_city
    _report(c, "submitted")
    assert evaluate_target(c.signed, date(2025, 7, 15)).missing  # the engine is unchanged
    response, row = _signed_row(c)
    assert row.awaiting and not row.missing
    assert response.context["awaiting"] == 1
    assert response.context["missing"] == 1  # the quarterly sales target still owes Q2
    assert "截至2025年6月30日的报告已报送，待审核" in row.evaluation.reason
    assert "逾期未报" not in row.evaluation.reason
    page = response.content.decode()
    assert f'data-target="{c.signed.pk}"' in page and 'data-awaiting="1"' in page
    assert _signed_row(c, "&state=missing")[1] is None
    assert _signed_row(c, "&state=awaiting")[1] is not None


def test_a_draft_or_an_older_submitted_report_is_still_missing(plan_city):
    c = plan_city
    _report(c, "draft")
    _report(c, "submitted", as_of=date(2025, 5, 31))
    _response, row = _signed_row(c)
    assert row.missing and not row.awaiting
    assert "逾期未报" in row.evaluation.reason


def test_workbench_shows_awaiting_approval_for_the_submitted_report(plan_city):
    c = plan_city
    _report(c, "submitted")
    response = c.client("commerce-reporter").get("/workbench/")
    item = next(i for i in response.context["owed"] if i.target == c.signed)
    assert item.awaiting and not item.missing
    page = response.content.decode()
    row = page[page.index(f'data-target="{c.signed.pk}"') :].split("</tr>")[0]
    assert 'data-awaiting="1"' in row and 'data-missing="1"' not in row
