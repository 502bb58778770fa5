"""A persona city whose plan has figures: approved readings that make each state appear."""

from datetime import date

import pytest

from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

AT = date(2025, 6, 30)


def approve(target, as_of, value, user, overdue=None):
    return Report.objects.create(
        target=target,
        unit=target.unit,
        as_of=as_of,
        value=value,
        overdue=overdue,
        status=ReportStatus.APPROVED,
        created_by=user,
    )


@pytest.fixture
def figures_city(plan_city):
    """plan_city with readings at the end of June 2025: 签约项目 18 of an expected 24.8
    (behind), 销售面积 +5.5 % (on track), 隐患 1 open and 1 overdue (behind); 出台实施意见
    not done by its due day (lagging, within the grace days). 签约项目 owes May's and
    June's reports monthly: June's is in, so nothing is missing for it."""
    city = plan_city
    approve(city.signed, date(2025, 6, 30), 18, city.commerce_reporter)
    approve(city.sales, date(2025, 6, 30), 5.5, city.housing_reporter)
    approve(city.hazards, date(2025, 6, 30), 1, city.team_reporter, overdue=1)
    return city
