"""The supervision office writes plans by hand, changes rules and re-baselines targets."""

from datetime import date

from luoshi.dashboards.evaluation import evaluate_target
from luoshi.plans.models import Plan, Rebaseline, Target
from luoshi.reporting import actions as reporting


def test_supervisor_writes_a_plan_task_and_target_with_schedule_and_milestones(city):
    client = city.client("supervisor")
    response = client.post(
        "/plans/new/", {"title": "2026年计划", "start": "2026-01-01", "end": "2026-12-31"}
    )
    plan = Plan.objects.get(title="2026年计划")
    assert response.url == f"/plans/{plan.pk}/"
    client.post(
        f"/plans/{plan.pk}/tasks/new/",
        {
            "title": "招商引资",
            "lead_unit": city.commerce.pk,
            "cooperating_units": [city.housing.pk],
        },
    )
    task = plan.tasks.get()
    assert list(task.cooperating_units.all()) == [city.housing]
    client.post(
        f"/plans/{plan.pk}/targets/new/",
        {
            "task": task.pk,
            "unit": city.commerce.pk,
            "name": "签约项目",
            "kind": "cumulative",
            "comparator": ">=",
            "value": "50",
            "unit_label": "个",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "cadence": "month",
            "due_day": "5",
            "schedule_text": "2026-03-31 0.2\n2026-06-30 0.5",
        },
    )
    target = Target.objects.get(name="签约项目")
    assert target.schedule == [["2026-03-31", 0.2], ["2026-06-30", 0.5]]
    assert target.history.first().history_user == city.supervisor
    response = client.post(
        f"/plans/{plan.pk}/targets/new/",
        {
            "unit": city.commerce.pk,
            "name": "出台实施意见",
            "kind": "milestone",
            "comparator": ">=",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "due_day": "5",
            "milestones_text": "2026-06-30 出台实施意见",
        },
    )
    milestone = Target.objects.get(name="出台实施意见").milestones.get()
    assert (milestone.name, milestone.due) == ("出台实施意见", date(2026, 6, 30))


def test_target_form_refuses_a_bad_schedule_line_and_writes_nothing(city):
    plan = Plan.objects.create(title="p", start=date(2026, 1, 1), end=date(2026, 12, 31))
    response = city.client("supervisor").post(
        f"/plans/{plan.pk}/targets/new/",
        {
            "unit": city.commerce.pk,
            "name": "x",
            "kind": "cumulative",
            "comparator": ">=",
            "value": "5",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "due_day": "5",
            "schedule_text": "三月底 20%",
        },
    )
    assert (
        response.status_code == 200
        and "Line 1" in response.content.decode()
        or "第1行" in response.content.decode()
    )
    assert not Target.objects.exists()


def test_rebaseline_of_a_confirmed_target_needs_a_reason_and_keeps_the_original(plan_city):
    c = plan_city
    client = c.client("supervisor")
    form = {
        "name": c.signed.name,
        "comparator": ">=",
        "value": "40",
        "unit_label": "个",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "cadence": "month",
        "due_day": "5",
    }
    refused = client.post(f"/targets/{c.signed.pk}/edit/", form)
    assert refused.status_code == 200
    c.signed.refresh_from_db()
    assert c.signed.value == 50 and not Rebaseline.objects.exists()

    client.post(
        f"/targets/{c.signed.pk}/edit/", {**form, "reason": "受外部环境影响，经市政府同意调整"}
    )
    c.signed.refresh_from_db()
    assert (c.signed.value, c.signed.original_value) == (40, 50)
    change = Rebaseline.objects.get()
    assert (change.old_value, change.new_value, change.changed_by) == (50, 40, c.supervisor)
    page = client.get(f"/targets/{c.signed.pk}/").content.decode()
    assert "经市政府同意调整" in page


def test_rules_change_the_judgement_everywhere(plan_city):
    c = plan_city
    reporting_report = reporting.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=22
    )
    reporting.submit_report(reporting_report, c.commerce_reporter)
    reporting.approve_report(reporting_report, c.commerce_approver)
    # expected at 06-30 = 50 × 181/365 = 24.79; 22 / 24.79 = 0.887 → lagging by default
    assert evaluate_target(c.signed, date(2025, 7, 15)).state == "lagging"
    c.client("supervisor").post(
        f"/plans/{c.plan.pk}/rules/",
        {
            "lagging_below": "0.85",
            "behind_below": "0.6",
            "growth_tolerance_pp": "1",
            "level_tolerance": "0.05",
            "milestone_grace_days": "15",
            "reason": "年中调整",
        },
    )
    c.signed.plan.refresh_from_db()
    assert (
        evaluate_target(
            Target.objects.select_related("plan").get(pk=c.signed.pk), date(2025, 7, 15)
        ).state
        == "on_track"
    )


def test_cooperating_part_is_reported_and_judged_separately_and_shown_to_the_lead(plan_city):
    c = plan_city
    c.client("supervisor").post(
        f"/targets/{c.signed.pk}/parts/new/", {"unit": c.housing.pk, "value": "10"}
    )
    part = Target.objects.get(part_of=c.signed)
    assert (part.unit, part.value) == (c.housing, 10)
    report = reporting.create_report(part, c.housing_reporter, as_of=date(2025, 6, 30), value=10)
    reporting.submit_report(report, c.housing_reporter)
    reporting.approve_report(report, c.housing_approver)
    assert evaluate_target(part, date(2025, 7, 15)).state == "done"
    assert evaluate_target(c.signed, date(2025, 7, 15)).state == "not_started"
    lead_page = c.client("commerce-reporter").get(f"/targets/{c.signed.pk}/")
    assert [row.target for row in lead_page.context["parts"]] == [part]
    assert c.client("housing-reporter").get(f"/targets/{part.pk}/").status_code == 200


def test_moving_a_target_to_another_unit_moves_its_reports_too(plan_city):
    from luoshi.plans import actions as plan_actions
    from luoshi.reporting.models import Report

    c = plan_city
    report = reporting.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=22
    )
    plan_actions.update_target(c.signed, c.supervisor, "职责调整", unit=c.housing)
    assert Report.objects.get(pk=report.pk).unit == c.housing
    assert c.client("housing-reporter").get(f"/reports/{report.pk}/").status_code == 200
    assert c.client("commerce-reporter").get(f"/reports/{report.pk}/").status_code == 404
