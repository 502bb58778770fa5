"""Every API list pages with an opaque cursor: walking the pages shows each row once, also
while rows are added and removed between two pages; a cursor that is not the list's is a
400 that says what to do."""

from datetime import date, timedelta
from itertools import count

import pytest

from luoshi.ledgers.models import Hazard, Project
from luoshi.plans.importing import start_import
from luoshi.plans.models import Plan, Target, Task
from luoshi.reporting.models import Report

LISTS = ["/units", "/plans", "/tasks", "/targets", "/reports", "/projects", "/hazards", "/status"]
serial = count()


def add_target(city, unit, plan=None) -> Target:
    return Target.objects.create(
        plan=plan or city.plan,
        unit=unit,
        name=f"新增指标{next(serial)}",
        kind="zero",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )


def add_hazard(city, found_on: date) -> Hazard:
    return Hazard.objects.create(
        description=f"隐患{next(serial)}",
        domain="gas",
        place="某小区",
        found_on=found_on,
        found_by="巡查员",
        unit=city.housing_team,
        deadline=found_on + timedelta(days=30),
    )


def add_report(city, target: Target, day: int) -> Report:
    return Report.objects.create(
        target=target,
        unit=target.unit,
        as_of=date(2025, 3, day),
        value=day,
        status="submitted",
        created_by=city.commerce_reporter,
        submitted_by=city.commerce_reporter,
    )


def fill(city) -> None:
    """Enough rows in every list for pages of two."""
    for i in range(5):
        add_target(city, city.commerce if i % 2 else city.housing_team)
        add_hazard(city, date(2025, 5, 1) + timedelta(days=i % 3))
        Project.objects.create(name=f"项目{i % 2}", investor="某公司", unit=city.commerce)
        add_report(city, city.signed, i + 1)
        Task.objects.create(
            plan=city.plan, title=f"任务{i}", lead_unit=city.commerce, position=i % 2
        )
    for i in range(3):
        Plan.objects.create(
            title=f"计划{i}", start=date(2024 + i % 2, 1, 1), end=date(2025, 12, 31)
        )


def ids_of(body: dict) -> list[int]:
    if "evaluations" in body:
        return [row["target"] for row in body["evaluations"]]
    return [row["id"] for row in body["items"]]


def walk(api, path: str, limit: int = 2, between=None) -> list[int]:
    """Every id the pages of `path` show, in order; `between(page)` runs after each page."""
    seen, cursor, pages = [], None, 0
    separator = "&" if "?" in path else "?"
    while True:
        url = f"{path}{separator}limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        answer = api.get(url)
        assert answer.status_code == 200, answer.content
        body = answer.json()
        assert len(ids_of(body)) <= limit
        seen += ids_of(body)
        cursor = body["next"]
        pages += 1
        if cursor is None:
            return seen
        if between:
            between(pages)
        assert pages < 200


@pytest.mark.parametrize("path", LISTS)
def test_the_pages_of_a_list_show_every_row_once_in_the_order_of_one_long_page(api_city, path):
    fill(api_city)
    api = api_city.api("supervisor")
    whole = api.get(f"{path}?limit=500").json()
    assert whole["next"] is None
    walked = walk(api, path)
    assert walked == ids_of(whole)
    assert len(walked) == len(set(walked)) >= 4
    if path != "/status":
        assert whole["count"] == len(walked)


def test_the_pages_of_a_filtered_list_keep_the_filter(api_city):
    fill(api_city)
    api = api_city.api("supervisor")
    walked = walk(api, f"/targets?unit={api_city.housing.pk}&subtree=true")
    expected = Target.objects.filter(unit__path__startswith=api_city.housing.path)
    assert sorted(walked) == sorted(expected.values_list("pk", flat=True))
    assert walk(api, "/reports?status=submitted") == list(
        Report.objects.filter(status="submitted")
        .order_by("target_id", "-as_of", "-version", "-pk")
        .values_list("pk", flat=True)
    )


def test_an_import_review_is_paged_like_every_list(api_city):
    lines = "".join(f"全年签约项目不少于{n}个。\n" for n in range(10, 17))
    plan = start_import(
        api_city.supervisor,
        title="2025年商务工作要点",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        filename="plan.txt",
        content=f"### 市商务委\n{lines}".encode(),
    )
    walked = walk(api_city.api("supervisor"), f"/plans/{plan.pk}/items", limit=3)
    assert walked == list(plan.import_items.order_by("position", "pk").values_list("pk", flat=True))
    assert len(walked) >= 7


def test_rows_added_and_removed_between_pages_never_repeat_nor_hide_a_row(api_city):
    fill(api_city)
    api = api_city.api("supervisor")
    before = set(Target.objects.values_list("pk", flat=True))
    removed = []

    def change(page):
        # New targets sort before and after the cursor (by plan, then by unit path).
        add_target(api_city, api_city.city)
        add_target(api_city, api_city.housing_team)
        add_target(api_city, api_city.commerce, Plan.objects.order_by("-pk").first())
        if page == 2:  # a row of a later page disappears
            last = Target.objects.order_by("plan_id", "unit__path", "pk").last()
            removed.append(last.pk)
            last.reports.all().delete()
            last.delete()

    walked = walk(api, "/targets", limit=3, between=change)
    assert len(walked) == len(set(walked))
    assert before - set(removed) <= set(walked)
    assert not set(removed) & set(walked)

    hazards_before = set(Hazard.objects.values_list("pk", flat=True))
    walked = walk(
        api,
        "/hazards",
        between=lambda page: [add_hazard(api_city, date(2025, 5, d)) for d in (1, 2, 9)],
    )
    assert len(walked) == len(set(walked))
    assert hazards_before <= set(walked)

    reports_before = set(
        Report.objects.restrict(api_city.supervisor, "view").values_list("pk", flat=True)
    )
    walked = walk(
        api, "/reports", between=lambda page: add_report(api_city, api_city.signed, 10 + page)
    )
    assert len(walked) == len(set(walked))
    assert reports_before <= set(walked)


@pytest.mark.parametrize("path", LISTS)
def test_a_cursor_that_is_not_this_lists_is_refused_with_advice(api_city, path):
    fill(api_city)
    api = api_city.api("supervisor")
    good = api.get(f"{path}?limit=1").json()["next"]
    other = "/units" if path != "/units" else "/targets"
    foreign = api.get(f"{other}?limit=1").json()["next"]
    tampered = good[:-1] + ("A" if good[-1] != "A" else "B")
    for cursor in ("garbage", "5", tampered, foreign, "x" * 999):
        answer = api.get(f"{path}?limit=1&cursor={cursor}")
        assert answer.status_code == 400, (cursor, answer.content)
        assert "cursor" in answer.json()["detail"]
    answer = api.get(f"{path}?cursor={'x' * 1001}")
    assert answer.status_code == 422 and "cursor" in answer.json()["errors"]


def test_a_cursor_shows_no_row_the_person_may_not_see(api_city):
    fill(api_city)
    supervisor_cursor = api_city.api("supervisor").get("/targets?limit=1").json()["next"]
    reporter = api_city.api("commerce-reporter")
    seen = ids_of(reporter.get(f"/targets?cursor={supervisor_cursor}&limit=500").json())
    visible = set(
        Target.objects.restrict(api_city.commerce_reporter, "view").values_list("pk", flat=True)
    )
    assert set(seen) <= visible


def test_the_count_is_counted_on_the_first_page_and_the_cursor_carries_it(api_city):
    """Issue 14: a COUNT of every matching row on every page grew with the data."""
    from django.core import signing
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from luoshi.api.pagination import _Serializer

    fill(api_city)
    api = api_city.api("supervisor")
    api.get("/targets?limit=2")  # the token's first use is recorded once
    reset_queries()  # the log is bounded: a full one would capture nothing
    with CaptureQueriesContext(connection) as captured:
        first = api.get("/targets?limit=2").json()
    first_queries = [q["sql"] for q in captured.captured_queries]  # before the next request
    assert any("COUNT(" in sql for sql in first_queries)
    assert first["count"] == len(walk(api, "/targets", limit=500)) >= 5

    add_target(api_city, api_city.commerce)
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        second = api.get(f"/targets?limit=2&cursor={first['next']}").json()
    second_queries = [q["sql"] for q in captured.captured_queries]
    assert second["count"] == first["count"]  # the count of when the walk began
    assert not any("COUNT(" in sql for sql in second_queries)
    assert len(second_queries) == len(first_queries) - 1
    assert api.get("/targets?limit=2").json()["count"] == first["count"] + 1

    # A cursor written before counts were carried (the key alone) still pages, and counts.
    salt = "luoshi.api.cursor.targets"
    key = signing.loads(first["next"], salt=salt, serializer=_Serializer)[:-1]
    old = signing.dumps(key, salt=salt, serializer=_Serializer, compress=True)
    answer = api.get(f"/targets?limit=2&cursor={old}").json()
    assert [t["id"] for t in answer["items"]] == [t["id"] for t in second["items"]]
    assert answer["count"] == first["count"] + 1
