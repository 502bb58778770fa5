"""The report form's as-of date: ISO in the date input, and the period owed by default."""

from datetime import date

import pytest

from luoshi.core.periods import default_as_of
from luoshi.reporting.models import Report
from tests.excel.test_workbook import export, fill, post


@pytest.mark.parametrize(
    ("cadence", "start", "day", "expected"),
    [
        ("month", date(2025, 1, 1), date(2025, 10, 15), date(2025, 9, 30)),
        ("month", date(2025, 1, 1), date(2025, 10, 3), date(2025, 9, 30)),
        ("quarter", date(2025, 1, 1), date(2025, 11, 20), date(2025, 9, 30)),
        (None, date(2025, 1, 1), date(2025, 3, 1), date(2025, 2, 28)),
        ("month", date(2025, 10, 1), date(2025, 10, 15), date(2025, 10, 15)),
    ],
)
def test_default_as_of_is_the_end_of_the_last_period_that_ended(cadence, start, day, expected):
    assert default_as_of(cadence, start, day) == expected


def test_new_report_offers_the_end_of_the_owed_month_in_chinese(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 10, 15)
    response = plan_city.client("commerce-reporter").get(f"/targets/{plan_city.signed.pk}/report/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-hans"' in html
    assert 'name="as_of" value="2025-09-30"' in html


def test_new_quarterly_report_offers_the_end_of_the_last_quarter(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 11, 20)
    response = plan_city.client("housing-reporter").get(f"/targets/{plan_city.sales.pk}/report/")
    assert 'name="as_of" value="2025-09-30"' in response.content.decode()


def test_an_iso_date_typed_in_chinese_is_accepted(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 10, 15)
    reporter = plan_city.client("commerce-reporter")
    response = reporter.post(
        f"/targets/{plan_city.signed.pk}/report/", {"as_of": "2025-09-30", "value": "30"}
    )
    assert response.status_code == 302
    assert Report.objects.get(target=plan_city.signed).as_of == date(2025, 9, 30)


def test_a_draft_from_a_workbook_opens_with_its_period_end_in_the_date_input(plan_city):
    reporter = plan_city.client("commerce-reporter")
    content = fill(
        export(reporter, plan_city.commerce, "2025-06"), {plan_city.signed.pk: (27, None, "")}
    )
    assert post(reporter, plan_city.commerce, "2025-06", content).status_code == 200
    draft = Report.objects.get(target=plan_city.signed, status="draft")
    response = reporter.get(f"/reports/{draft.pk}/")
    assert 'name="as_of" value="2025-06-30"' in response.content.decode()
