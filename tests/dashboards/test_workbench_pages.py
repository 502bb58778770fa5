"""The reporter's workbench is paged in the database (issue 14): 50 targets a page, the ones
whose report is missing (缺报) first, then by unit and target; the pages together are exactly
what the unpaged computation owes, and the 一表通 workbooks owed are those of every owed
target on every page. Today is 2025-07-15: June's monthly reports are due (day 5)."""

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards import signals, store
from luoshi.dashboards.models import StoredEvaluation
from luoshi.dashboards.workbench import owed_by, workbooks_owed
from luoshi.plans.models import Target
from luoshi.reporting.models import Report

TODAY = date(2025, 7, 15)


def targets(city, count: int, *, cadence="month", end=date(2025, 12, 31), name="指标"):
    return Target.objects.bulk_create(
        Target(
            plan=city.plan,
            unit=city.commerce,
            name=f"{name}{i}",
            kind="cumulative",
            value=100,
            unit_label="个",
            start=date(2025, 1, 1),
            end=end,
            cadence=cadence,
        )
        for i in range(count)
    )


def reports(city, of, as_of: date, status: str) -> None:
    Report.objects.bulk_create(
        Report(
            target=target,
            unit=city.commerce,
            as_of=as_of,
            value=60,
            status=status,
            created_by=city.commerce_reporter,
            submitted_by=city.commerce_reporter,
        )
        for target in of
    )


def build(city) -> dict[str, list[Target]]:
    made = {
        "missing": targets(city, 40),  # June's report not in: 缺报
        "in": targets(city, 20, name="已报"),  # June's report approved
        "ended_in": targets(city, 1, end=date(2025, 6, 30), name="已结束"),  # owes nothing
        "ended_missing": targets(city, 1, end=date(2025, 6, 30), name="结束缺报"),
    }
    reports(city, made["in"] + made["ended_in"], date(2025, 6, 30), "approved")
    # Rows written in bulk send no signals: their stored evaluations are made here.
    store.refresh(list(Target.objects.values_list("pk", flat=True)), today=TODAY)
    signals.flush()
    return made


def rank(item) -> int:
    """Where the workbench puts an owed target: 缺报, then a report to make, then the rest."""
    return 0 if item.missing else 1 if item.needs_report else 2


def rows_of(client, page: int) -> tuple[list[int], list[str], int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/workbench/?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    return (
        [int(pk) for pk in re.findall(r'<tr data-target="(\d+)"', html)],
        re.findall(r'data-workbook="([^"]+)"', html),
        len(queries),
    )


def test_the_workbench_shows_fifty_owed_targets_a_page_missing_first(plan_city):
    made = build(plan_city)
    client = plan_city.client("commerce-reporter")
    first, books_1, queries_1 = rows_of(client, 1)
    second, books_2, queries_2 = rows_of(client, 2)
    assert len(first) == 50 and not set(first) & set(second)
    assert rows_of(client, 3)[0] == second  # past the end: the last page

    # Together, the pages are exactly what the unpaged computation owes, ...
    owed = owed_by(plan_city.commerce_reporter, TODAY)
    assert sorted(first + second) == sorted(item.target.pk for item in owed)
    assert made["ended_in"][0].pk not in first + second
    assert made["ended_missing"][0].pk in first + second
    # ... the missing ones first (unit path, then id), then those whose report is still to
    # be made, then the rest in the same order.
    late = [item.target.pk for item in owed if item.missing]
    assert len(late) == 42  # 40, the one ended without its report, the fixture's 签约项目
    assert first + second == [item.target.pk for item in sorted(owed, key=rank)]
    assert first[:42] == late
    assert set(made["missing"]) and all(t.pk in first for t in made["missing"])

    # Page 2 holds no target that needs a report, yet it offers the workbook owed by
    # page 1's: the workbooks are those of every owed target.
    assert books_1 == books_2 == [w.period for w in workbooks_owed(owed)] == ["2025-06"]
    assert queries_1 == queries_2
    page = client.get("/workbench/?page=2").content.decode()
    assert 'href="?page=1"' in page and "2 / 2" in page


def test_the_workbooks_owed_count_drafts_returns_and_quarters_as_the_unpaged_list(plan_city):
    build(plan_city)
    quarterly = targets(plan_city, 3, cadence="quarter", name="季度")
    reports(plan_city, quarterly[:1], date(2025, 6, 30), "draft")  # a draft: still owed
    reports(plan_city, quarterly[1:], date(2025, 6, 30), "submitted")
    monthly = list(Target.objects.filter(name__startswith="已报"))
    # A newer version returned for correction: June's report is owed again.
    reports(plan_city, monthly[:1], date(2025, 6, 30), "returned")
    Report.objects.filter(target=monthly[0], status="returned").update(version=2)
    store.refresh([t.pk for t in quarterly + monthly], today=TODAY)
    signals.flush()
    client = plan_city.client("commerce-reporter")
    owed = owed_by(plan_city.commerce_reporter, TODAY)
    expected = [w.period for w in workbooks_owed(owed)]
    assert expected == ["2025-06", "2025Q2"]
    for page in (1, 2):
        assert rows_of(client, page)[1] == expected
    # The returned one comes right after the missing ones, before those reported.
    first = rows_of(client, 1)[0]
    assert first[: len(owed)] == [item.target.pk for item in sorted(owed, key=rank)][:50]
    assert first.index(monthly[0].pk) < first.index(monthly[1].pk)

    # Every quarterly report in: the quarter's workbook is no longer owed.
    Report.objects.filter(target=quarterly[0]).update(status="submitted")
    assert rows_of(client, 1)[1] == ["2025-06"]


def test_a_person_who_reports_for_nothing_sees_an_empty_workbench(plan_city):
    response = plan_city.client("outsider").get("/workbench/?page=abc")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<tr data-target" not in html and '<td colspan="8" class="text-muted">' in html


def test_a_day_not_yet_stored_pages_the_same_targets_judged_on_demand(plan_city, monkeypatch):
    build(plan_city)
    owed = owed_by(plan_city.commerce_reporter, TODAY)
    # The daily job is behind and the list is too long to bring itself up to date.
    StoredEvaluation.objects.filter(at=TODAY).delete()
    monkeypatch.setattr(signals, "INLINE_LIMIT", 10)
    client = plan_city.client("commerce-reporter")
    first, books, _queries = rows_of(client, 1)
    second = rows_of(client, 2)[0]
    assert not StoredEvaluation.objects.filter(at=TODAY).exists()  # judged on demand
    # The same targets (the ended one with its report in left out): those with a report to
    # make first (缺报 is not known before they are judged), then by unit and id.
    expected = sorted(owed, key=lambda item: 1 if item.needs_report else 2)
    assert first + second == [item.target.pk for item in expected]
    assert books == ["2025-06"]
