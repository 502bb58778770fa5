"""A cooperating unit's part (配合) need not be a number: it can be a milestone of its own."""

from datetime import date

from luoshi.dashboards.evaluation import evaluate_target
from luoshi.plans.models import Target
from luoshi.reporting import actions as reporting


def test_a_milestone_part_is_reported_and_judged_on_its_own(plan_city):
    c = plan_city
    response = c.client("supervisor").post(
        f"/targets/{c.signed.pk}/parts/new/",
        {"unit": c.housing.pk, "milestone": "配合出台招商政策", "due": "2025-06-30"},
    )
    assert response.status_code == 302
    part = Target.objects.get(part_of=c.signed)
    assert (part.unit, part.kind, part.value, part.unit_label) == (c.housing, "milestone", None, "")
    milestone = part.milestones.get()
    assert (milestone.name, milestone.due) == ("配合出台招商政策", date(2025, 6, 30))
    assert part.history.first().history_user == c.supervisor

    report = reporting.create_report(
        part, c.housing_reporter, as_of=date(2025, 6, 20), milestone=milestone
    )
    reporting.submit_report(report, c.housing_reporter)
    reporting.approve_report(report, c.housing_approver)
    assert evaluate_target(part, date(2025, 7, 15)).state == "done"
    assert evaluate_target(c.signed, date(2025, 7, 15)).state == "not_started"


def test_a_milestone_part_without_a_date_is_due_at_the_targets_end(plan_city):
    c = plan_city
    c.client("supervisor").post(
        f"/targets/{c.signed.pk}/parts/new/", {"unit": c.housing.pk, "milestone": "配合"}
    )
    assert Target.objects.get(part_of=c.signed).milestones.get().due == date(2025, 12, 31)


def test_a_part_cannot_be_both_a_share_and_a_milestone(plan_city):
    c = plan_city
    response = c.client("supervisor").post(
        f"/targets/{c.signed.pk}/parts/new/",
        {"unit": c.housing.pk, "value": "10", "milestone": "配合"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["value"]
    assert not Target.objects.filter(part_of=c.signed).exists()


def test_the_lead_target_page_shows_a_milestone_part_and_the_part_form_offers_it(plan_city):
    c = plan_city
    supervisor = c.client("supervisor")
    form = supervisor.get(f"/targets/{c.signed.pk}/parts/new/").content.decode()
    assert 'name="milestone"' in form and 'type="date" name="due"' in form
    supervisor.post(
        f"/targets/{c.signed.pk}/parts/new/", {"unit": c.housing.pk, "milestone": "配合招商"}
    )
    page = c.client("commerce-reporter").get(f"/targets/{c.signed.pk}/")
    assert page.status_code == 200
    assert "签约项目（市住建局）" in page.content.decode()
