"""A long approval queue: a page at a time, filtered by unit and plan, the menu's count right,
and bulk approval back on the page and filters it was made from."""

from datetime import UTC, date, datetime, timedelta

from luoshi.plans.models import Plan, Target
from luoshi.reporting.models import Report
from luoshi.reporting.views_queue import PAGE_SIZE

START = datetime(2025, 7, 1, 8, tzinfo=UTC)


def submit_many(city, target, count: int, first: int = 0) -> list[Report]:
    return Report.objects.bulk_create(
        Report(
            target=target,
            unit=target.unit,
            as_of=date(2025, 6, 30),
            value=i,
            status="submitted",
            created_by=city.commerce_reporter,
            submitted_by=city.commerce_reporter,
            submitted_at=START + timedelta(minutes=first + i),
        )
        for i in range(count)
    )


def shown(response) -> list[int]:
    return [row.report.pk for row in response.context["rows"]]


def test_a_long_queue_is_paged_oldest_first_and_the_menu_counts_all_of_it(plan_city):
    reports = submit_many(plan_city, plan_city.signed, PAGE_SIZE * 2 + 7)
    client = plan_city.client("commerce-approver")
    first = client.get("/approvals/")
    assert shown(first) == [r.pk for r in reports[:PAGE_SIZE]]
    last = client.get("/approvals/?page=3")
    assert shown(last) == [r.pk for r in reports[PAGE_SIZE * 2 :]]
    for page in (first, last):
        html = page.content.decode()
        assert f'data-queue-size="{len(reports)}"' in html
        assert f'data-queue="{len(reports)}"' in html  # the menu
    assert 'rel="next"' in first.content.decode() and 'rel="prev"' in last.content.decode()


def test_the_filters_narrow_the_queue_and_its_pages_keep_them(plan_city):
    c = plan_city
    other_plan = Plan.objects.create(
        title="2025年住建要点", start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    elsewhere = Target.objects.create(
        plan=other_plan,
        unit=c.housing_team,
        name="隐患整改",
        kind="zero",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )
    commerce = submit_many(c, c.signed, 3)
    housing = submit_many(c, c.sales, PAGE_SIZE + 2, first=10)
    team = submit_many(c, elsewhere, 2, first=100)
    client = c.client("supervisor")
    everything = client.get("/approvals/")
    total = len(commerce) + len(housing) + len(team)
    assert f'data-queue-size="{total}"' in everything.content.decode()
    in_housing = client.get(f"/approvals/?unit={c.housing.pk}")
    html = in_housing.content.decode()
    # The unit's subtree: the housing team's reports are housing's too.
    assert f'data-queue-size="{len(housing) + len(team)}"' in html
    assert f'data-queue="{total}"' in html  # the menu counts the whole queue
    assert f"?unit={c.housing.pk}&amp;page=2" in html
    second = client.get(f"/approvals/?unit={c.housing.pk}&page=2")
    assert shown(second) == [r.pk for r in [*housing, *team][PAGE_SIZE:]]
    by_plan = client.get(f"/approvals/?plan={other_plan.pk}")
    assert shown(by_plan) == [r.pk for r in team]
    # The filters offer the units and plans that have reports waiting.
    assert {pk for pk, _ in everything.context["plans"]} == {c.plan.pk, other_plan.pk}
    assert {pk for pk, _ in everything.context["units"]} == {
        c.commerce.pk,
        c.housing.pk,
        c.housing_team.pk,
    }


def test_a_unit_one_may_not_see_or_nonsense_filters_break_nothing(plan_city):
    c = plan_city
    submit_many(c, c.signed, 2)
    client = c.client("commerce-approver")
    assert shown(client.get(f"/approvals/?unit={c.housing.pk}")) == []
    for query in ("page=999", "page=-1", "page=x", "unit=99999999999999999999", "plan=abc"):
        response = client.get(f"/approvals/?{query}")
        assert response.status_code == 200, query
        assert len(shown(response)) == 2


def test_approving_from_a_filtered_page_comes_back_to_it(plan_city):
    c = plan_city
    reports = submit_many(c, c.signed, PAGE_SIZE + 5)
    client = c.client("commerce-approver")
    page = client.get(f"/approvals/?unit={c.commerce.pk}&page=2")
    ticked = shown(page)[:2]
    data = {
        "report": ticked,
        **{f"revision-{r.pk}": r.revision for r in reports if r.pk in ticked},
        "unit": c.commerce.pk,
        "page": 2,
    }
    confirm = client.post("/approvals/approve/", data)
    assert confirm.status_code == 200
    back = f"/approvals/?unit={c.commerce.pk}&page=2"
    assert f'href="{back.replace("&", "&amp;")}"' in confirm.content.decode()  # Cancel
    done = client.post("/approvals/approve/", {**data, "action": "confirm"})
    assert done["Location"] == back
    assert set(Report.objects.filter(pk__in=ticked).values_list("status", flat=True)) == {
        "approved"
    }
    assert Report.objects.filter(status="submitted").count() == len(reports) - 2
