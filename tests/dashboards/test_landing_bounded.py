"""The reporter's home is bounded (issue 14): the counts of what is owed, returned and
drafted are taken in SQL over every owed target, only the first few of each list are
shown (with a link to the workbench), and the number of queries does not grow with the
number of targets. Today is 2025-07-15: June's monthly reports are due (day 5)."""

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards import signals, store
from luoshi.dashboards.landing import HOME_ITEMS
from luoshi.dashboards.workbench import owed_by
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus

from .test_workbench_pages import TODAY, reports, targets


def build(city, missing: int) -> None:
    targets(city, missing)  # June's report not in: 缺报
    reports(city, targets(city, 7, name="退回"), date(2025, 6, 30), ReportStatus.RETURNED)
    reports(city, targets(city, 3, name="草稿"), date(2025, 6, 30), ReportStatus.DRAFT)
    reports(city, targets(city, 4, name="待审"), date(2025, 6, 30), ReportStatus.SUBMITTED)
    reports(city, targets(city, 2, name="已批"), date(2025, 6, 30), ReportStatus.APPROVED)
    store.refresh(list(Target.objects.values_list("pk", flat=True)), today=TODAY)
    signals.flush()


def home(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return response, len(queries)


def test_the_reporters_home_counts_every_owed_target_and_shows_the_first_few(plan_city, settings):
    settings.LUOSHI_TODAY = TODAY
    client = plan_city.client("commerce-reporter")
    build(plan_city, 60)
    response, queries = home(client)
    owed = owed_by(plan_city.commerce_reporter, TODAY)
    status = [item.report.status if item.report else None for item in owed]
    due = [item for item in owed if item.needs_report and item.report is None]
    assert len(due) > 50
    assert response.context["counts"] == {
        "due": len(due),
        "returned": status.count(ReportStatus.RETURNED),
        "drafts": status.count(ReportStatus.DRAFT),
        "waiting": status.count(ReportStatus.SUBMITTED),
        "approved": status.count(ReportStatus.APPROVED),
    }
    assert response.context["counts"]["returned"] >= 7  # the fixture may add its own
    for name in ("due", "returned", "drafts"):
        shown = response.context[name]
        assert len(shown) == min(HOME_ITEMS, response.context["counts"][name])
    # The first few due are the workbench's first: the missing ones, by unit and id.
    missing_first = sorted(due, key=lambda item: (not item.missing, item.target.unit.path))
    assert [item.target.pk for item in response.context["due"]] == [
        item.target.pk for item in missing_first[:HOME_ITEMS]
    ]
    html = response.content.decode()
    assert f'data-count="{len(due)}"' in html
    assert f'data-more="{len(due)}"' in html and 'href="/workbench/"' in html
    assert len(re.findall(r'<li class="mb-2" data-target="', html)) == HOME_ITEMS

    # Twice as many targets: the same number of queries.
    build(plan_city, 120)
    response, more_queries = home(client)
    assert response.context["counts"]["due"] == len(due) + 120
    assert more_queries == queries
