"""Ledger lists and the funnel make a fixed number of SQL queries, whatever the number of rows."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.ledgers import reach
from luoshi.ledgers.models import Hazard, HazardEvent, Project, StageEvent

# Session, user and memberships (3), then: units of the filter, the count, the page;
# the funnel: the stage counts, the dropped count and the units. The supervisor approves,
# so the menu counts the approval queue (1); a reporter's menu has no such count.
# The bell in the menu counts the person's unread notices (1) on every page.
BUDGET = {
    "/ledgers/projects/?dropped=all": 8,
    "/ledgers/projects/?stage=signed&q=项目": 8,
    "/ledgers/hazards/": 8,
    "/ledgers/hazards/?overdue=on&level=major": 8,
    "/ledgers/hazards/?unit={team}": 9,  # the unit filter looks the unit up
    "/ledgers/projects/funnel/?start=2025-01-01": 8,
}
PAGES = list(BUDGET.items())


def add_rows(city, count: int) -> None:
    projects = Project.objects.bulk_create(
        Project(name=f"项目{i}", investor="投资方", unit=city.commerce, stage="signed")
        for i in range(count)
    )
    StageEvent.objects.bulk_create(
        StageEvent(
            project=p,
            stage="signed",
            date=date(2025, 1, 1) + timedelta(days=i % 180),
            recorded_by=city.commerce_reporter,
        )
        for i, p in enumerate(projects)
    )
    # What a writer in bulk does for the funnel (without it, one more query: test_reach.py).
    reach.recount(p.pk for p in projects)
    hazards = Hazard.objects.bulk_create(
        Hazard(
            description=f"隐患{i}",
            domain="gas",
            place=f"地点{i}",
            level="major" if i % 2 else "ordinary",
            found_on=date(2025, 6, 1),
            found_by="巡查员",
            unit=city.housing_team,
            deadline=date(2025, 6, 30),
        )
        for i in range(count)
    )
    HazardEvent.objects.bulk_create(
        HazardEvent(hazard=h, status="open", date=h.found_on, recorded_by=city.team_reporter)
        for h in hazards
    )


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_ledger_page_makes_the_same_number_of_queries_for_10_and_500_rows(plan_city, url, expected):
    client = plan_city.client("supervisor")
    url = url.format(team=plan_city.housing_team.pk)
    add_rows(plan_city, 10)
    small = queries_of(client, url)
    add_rows(plan_city, 490)
    large = queries_of(client, url)
    assert small == large == expected, f"{url}: {small} queries with 10 rows, {large} with 500"


def test_a_reporters_list_is_as_cheap(plan_city):
    client = plan_city.client("team-reporter")
    add_rows(plan_city, 10)
    small = queries_of(client, "/ledgers/hazards/")
    add_rows(plan_city, 490)
    assert queries_of(client, "/ledgers/hazards/") == small == 7
