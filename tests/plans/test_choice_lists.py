"""Every choice list, filter and lookup offered to a person goes through luoshi.orgs.access.

Issue 10, broke #1: the overview's task filter listed every top-level task, including
those of another unit's unconfirmed draft plan.
"""

from datetime import date

import pytest

from luoshi.api.auth import issue_token
from luoshi.ledgers.forms_measures import FilterForm
from luoshi.orgs.access import choosable_units
from luoshi.plans.forms_edit import NewTargetForm, PartForm, TaskForm
from luoshi.plans.forms_import import ItemForm, OwnerMapForm, unit_choices
from luoshi.plans.models import Plan, Target, Task

SECRET = "住建局草案保密任务"


@pytest.fixture
def draft(plan_city):
    """住建局's draft plan (not confirmed) with a task and a target of its own, and, in the
    confirmed plan, a task led by 住建局 under which 商务局 owns `signed`."""
    c = plan_city
    c.draft_plan = Plan.objects.create(
        title="住建局2026年计划（草案）", start=date(2026, 1, 1), end=date(2026, 12, 31)
    )
    c.secret_task = Task.objects.create(plan=c.draft_plan, title=SECRET, lead_unit=c.housing)
    Target.objects.create(
        plan=c.draft_plan,
        task=c.secret_task,
        unit=c.housing,
        name="草案指标",
        kind="cumulative",
        value=10,
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
    )
    c.shared_task = Task.objects.create(plan=c.plan, title="扩大有效投资", lead_unit=c.housing)
    c.signed.task = c.shared_task
    c.signed.save()
    return c


def test_reporter_cannot_see_other_units_draft_tasks_in_the_overview_filter(draft):
    # Tasks are offered within a chosen plan (a city has a thousand of them).
    for plan in (draft.draft_plan, draft.plan):
        page = draft.client("commerce-reporter").get(f"/overview/?plan={plan.pk}")
        assert page.status_code == 200
        assert SECRET not in page.content.decode()
    # The task under which the reporter's own target sits is offered, though another unit leads it.
    assert list(page.context["tasks"]) == [draft.shared_task]


def test_overview_unit_filter_offers_only_the_reporters_units(draft):
    page = draft.client("commerce-reporter").get("/overview/")
    assert list(page.context["units"]) == [draft.commerce]


def test_supervisor_sees_every_top_level_task_in_the_overview_filter(draft):
    page = draft.client("supervisor").get(f"/overview/?plan={draft.draft_plan.pk}")
    assert set(page.context["tasks"]) == {draft.secret_task}
    assert SECRET in page.content.decode()
    page = draft.client("supervisor").get(f"/overview/?plan={draft.plan.pk}")
    assert set(page.context["tasks"]) == {draft.shared_task}


def test_filtering_by_another_units_draft_task_shows_nothing(draft):
    page = draft.client("commerce-reporter").get(f"/overview/?task={draft.secret_task.pk}")
    assert page.context["total"] == 0


def test_reporter_cannot_open_other_units_draft_plan(draft):
    assert (
        draft.client("commerce-reporter").get(f"/plans/{draft.draft_plan.pk}/").status_code == 404
    )


def test_plan_page_lists_only_the_tasks_one_may_see(draft):
    draft.housing_task = Task.objects.create(
        plan=draft.plan, title="住建局独有任务", lead_unit=draft.housing
    )
    page = draft.client("commerce-reporter").get(f"/plans/{draft.plan.pk}/")
    assert list(page.context["tasks"]) == [draft.shared_task]
    assert "住建局独有任务" not in page.content.decode()
    everything = draft.client("supervisor").get(f"/plans/{draft.plan.pk}/").context["tasks"]
    assert set(everything) == {draft.shared_task, draft.housing_task}


def test_api_task_list_hides_other_units_draft_tasks(draft):
    from django.test import Client

    token = issue_token(draft.commerce_reporter, "tests")[1]
    response = Client().get("/api/v1/tasks", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert [task["title"] for task in response.json()["items"]] == ["扩大有效投资"]


def test_api_target_cannot_name_a_task_of_a_plan_one_may_not_see(draft):
    """A supervisor sees everything; the lookup of `task` is still scoped to the plan."""
    from django.test import Client

    token = issue_token(draft.supervisor, "tests")[1]
    response = Client().patch(
        f"/api/v1/targets/{draft.signed.pk}",
        data={"task": draft.secret_task.pk},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422
    assert "task" in response.json()["errors"]


FORMS = {
    "task": lambda c, user: TaskForm(plan=c.plan, user=user).fields["lead_unit"],
    "task cooperating": lambda c, user: TaskForm(plan=c.plan, user=user).fields[
        "cooperating_units"
    ],
    "new target": lambda c, user: NewTargetForm(plan=c.plan, user=user).fields["unit"],
    "part": lambda c, user: PartForm(user=user).fields["unit"],
    "import item": lambda c, user: ItemForm(user=user).fields["unit"],
    "owner map": lambda c, user: OwnerMapForm(user=user).fields["unit"],
    "measure filter": lambda c, user: FilterForm(user=user).fields["unit"],
}


@pytest.mark.parametrize("form", FORMS)
def test_every_unit_choice_in_a_form_goes_through_access(draft, form):
    """Today only supervisors reach these forms; the list still comes from the access
    module, so that widening a form to another role cannot leak the unit tree."""
    field = FORMS[form](draft, draft.housing_approver)
    assert set(field.queryset) == {draft.housing, draft.housing_team}
    assert set(field.queryset) == set(choosable_units(draft.housing_approver))
    assert set(FORMS[form](draft, draft.supervisor).queryset) == set(
        choosable_units(draft.supervisor)
    )


def test_import_unit_choices_go_through_access(draft):
    choices = unit_choices(draft.commerce_reporter)
    assert choices == [("", "—"), (draft.commerce.pk, draft.commerce.name)]
