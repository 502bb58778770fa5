"""Lists make a fixed number of SQL queries, whatever the number of targets."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards import signals, store
from luoshi.plans.models import Target
from luoshi.reporting.models import Report

# Session, user and memberships (3), then: overview (today, stored) = the totals and the counts
# by state in one query, the page's targets, their plans, and the units of the filter;
# workbench (paged, stored) = the totals, the page's count, the page, its reports, and the
# units and periods of every owed target still to report (the workbooks owed); approvals = the
# queue's count, its page, their evidence, the approved readings and the milestones of their
# targets (the state each report would give), and the units and plans of the whole queue for
# its filters. The approver's menu counts the queue (1), except on the queue's own page.
# Every page's bell counts the person's unread notifications (1).
BUDGET = {"/overview/?at=2025-07-15": 9, "/workbench/": 10, "/approvals/": 10}
PAGES = list(BUDGET)


def add_targets(city, count: int) -> None:
    targets = Target.objects.bulk_create(
        Target(
            plan=city.plan,
            unit=city.commerce,
            name=f"指标{i}",
            kind="cumulative",
            value=100,
            unit_label="个",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
            cadence="month",
        )
        for i in range(count)
    )
    reports = []
    for target in targets:
        for month, status in ((5, "approved"), (6, "submitted")):
            reports.append(
                Report(
                    target=target,
                    unit=city.commerce,
                    as_of=date(2025, month, 28),
                    value=10 * month,
                    status=status,
                    created_by=city.commerce_reporter,
                    submitted_by=city.commerce_reporter,
                )
            )
    Report.objects.bulk_create(reports)
    # Rows written in bulk send no signals: their stored evaluations are made here, and
    # what the fixture's own saves left to recompute too, so that pages only read.
    store.refresh([target.pk for target in targets])
    signals.flush()


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_page_makes_the_same_number_of_queries_for_10_and_2000_targets(plan_city, url):
    client = plan_city.client("commerce-approver")
    add_targets(plan_city, 10)
    small = queries_of(client, url)
    add_targets(plan_city, 1990)
    large = queries_of(client, url)
    assert small == large == BUDGET[url], (
        f"{url}: {small} queries with 10 targets, {large} with 2000"
    )
