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


def test_a_row_writes_the_targets_text_escaped_and_its_figures_as_people_read_them(plan_city):
    """The rows are written in Python (plans/templatetags/target_rows.py, issue 14): what a
    person typed is escaped like any template variable, and the cells are those of the page."""
    c = plan_city
    c.signed.name = '签约<script>alert("x")</script>&项目'
    c.signed.save()
    approve(c, c.signed, c.commerce_reporter, c.commerce_approver, date(2025, 6, 30), 10)
    page = c.client("supervisor").get("/overview/?at=2025-07-15").content.decode()
    row = page[page.index(f'data-target="{c.signed.pk}"') :].split("</tr>")[0]
    cells = [cell.split(">", 1)[1] for cell in row.split("</td>")[1:-1]]
    name = "签约&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;项目"
    assert f'aria-label="{name}"' in row
    assert cells[0].split("\n")[0] == f'<a href="/targets/{c.signed.pk}/?at=2025-07-15">{name}</a>'
    assert (
        cells[0].split("\n")[1].strip() == '<div class="small text-muted">累计型 &gt;= 50个</div>'
    )
    assert cells[1:8] == [
        "市商务局",
        '<span class="badge text-bg-danger " data-state="behind">严重滞后</span>',
        "24.79",
        "10",
        "40.3%",
        '20.17 <span class="badge text-bg-warning text-dark" title="按当前进度将无法完成目标">!</span>',
        "按序时进度应完成24.8个，实际10个，完成40.3%；按当前进度预计期末20.2个，完不成目标",
    ]
