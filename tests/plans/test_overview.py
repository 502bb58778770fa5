"""The overview: counts by state on top, filters, sorting and pages."""

from datetime import date

from luoshi.reporting import actions


def approve(city, target, reporter, approver, as_of, value, **extra):
    report = actions.create_report(target, reporter, as_of=as_of, value=value, **extra)
    actions.submit_report(report, reporter)
    actions.approve_report(report, approver)


def test_counts_filters_and_sorting(plan_city):
    c = plan_city
    approve(c, c.signed, c.commerce_reporter, c.commerce_approver, date(2025, 6, 30), 10)  # behind
    approve(c, c.sales, c.housing_reporter, c.housing_approver, date(2025, 6, 30), 5.5)  # on track
    client = c.client("supervisor")
    page = client.get("/overview/?at=2025-07-15")
    counts = {state.value: count for state, count, _ in page.context["counts"]}
    # signed: 10 of 50 × 181/365 = 24.8 expected → behind; sales 5.5% ≥ 5% → on track;
    # policy: milestone due 06-30, 15 days late = the grace → lagging; hazards: no reading.
    assert counts == {
        "done": 0,
        "on_track": 1,
        "lagging": 1,
        "behind": 1,
        "overdue": 0,
        "not_started": 1,
    }
    behind = client.get("/overview/?at=2025-07-15&state=behind").context["page"].object_list
    assert c.signed in [row.target for row in behind]
    assert all(row.state == "behind" for row in behind)
    housing_only = (
        client.get(f"/overview/?at=2025-07-15&unit={c.housing.pk}").context["page"].object_list
    )
    assert {row.target for row in housing_only} == {c.sales, c.hazards}
    by_ratio = client.get("/overview/?at=2025-07-15&sort=-ratio").context["page"].object_list
    ratios = [row.evaluation.ratio for row in by_ratio if row.evaluation.ratio is not None]
    assert ratios == sorted(ratios, reverse=True)
    growth = client.get("/overview/?at=2025-07-15&kind=growth").context["page"].object_list
    assert [row.target for row in growth] == [c.sales]


def test_reporter_overview_shows_only_their_units(plan_city):
    rows = plan_city.client("commerce-reporter").get("/overview/").context["page"].object_list
    assert {row.target.unit for row in rows} == {plan_city.commerce}
