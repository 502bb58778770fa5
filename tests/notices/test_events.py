"""Events that notify: a target turning behind (from the stored-evaluation refresh), a
hazard past its deadline (the daily job, once per hazard), a leader's instruction."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from luoshi.dashboards import store
from luoshi.dashboards.models import StoredEvaluation
from luoshi.ledgers.models import Hazard
from luoshi.notices import events
from luoshi.notices.models import HazardAlert, Instruction, Notification
from luoshi.notices.recipients import approvers_and_office, approvers_of
from luoshi.notices.tasks import remind_daily
from luoshi.orgs.choices import Role
from luoshi.orgs.models import Unit, User


def told(kind) -> list[tuple[str, str]]:
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", "text"))


def run_queue() -> None:
    """The worker: the refresh queues the telling, in its own transaction. The worker
    closes the database connection when it is done, so its tests run with real
    transactions (django_db(transaction=True)), not inside one the test rolls back."""
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_target_that_turns_behind_tells_its_units_approvers_and_the_office_once(
    plan_city, django_capture_on_commit_callbacks
):
    c = plan_city
    with django_capture_on_commit_callbacks(execute=True):
        store.refresh(None, today=date(2025, 5, 10))
    run_queue()
    assert told("state") == []
    # The policy milestone was due on 2025-06-30 and is not done: behind by August.
    with django_capture_on_commit_callbacks(execute=True):
        store.refresh(None, today=date(2025, 8, 10))
    assert told("state") == []  # queued, for the worker
    run_queue()
    text = "市商务局 · 出台外贸实施意见 已滞后（截至 2025-08-10）"
    assert told("state") == [("commerce-approver", text), ("supervisor", text)]
    notice = Notification.objects.filter(kind="state").first()
    assert notice.link == f"/targets/{c.policy.pk}/"
    # Still behind the next day: nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        store.refresh(None, today=date(2025, 8, 11))
    run_queue()
    assert len(told("state")) == 2


@pytest.mark.django_db(transaction=True)
def test_the_telling_is_queued_with_the_refreshed_rows_or_not_at_all(
    plan_city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        store.refresh(None, today=date(2025, 5, 10))
    queued = DBTaskResult.objects.filter(task_path__endswith="tell_state_changes")
    with pytest.raises(RuntimeError), transaction.atomic():
        store.refresh(None, today=date(2025, 8, 10))
        assert queued.count() == 1  # in the refresh's transaction, not after it
        raise RuntimeError("rolled back")
    assert queued.count() == 0
    assert StoredEvaluation.objects.filter(at=date(2025, 8, 10)).count() == 0
    run_queue()
    assert told("state") == []


@pytest.mark.parametrize(
    "old, new, warning",
    [
        (("on_track", False), ("behind", False), "behind"),
        (("behind", False), ("behind", True), None),
        (("on_track", False), ("on_track", True), "will_miss"),
        (("lagging", True), ("lagging", True), None),
        (("on_track", None), ("done", True), None),
        (("behind", False), ("lagging", False), None),
    ],
)
def test_which_changes_warn(old, new, warning):
    assert events.turned_bad(*old, *new) == warning


def hazard(c, deadline, status="open", place="某小区燃气管道"):
    return Hazard.objects.create(
        description="燃气管道老化",
        domain="gas",
        place=place,
        place_kind="other",
        level="ordinary",
        found_on=date(2025, 6, 1),
        found_by="市住建局",
        unit=c.housing_team,
        deadline=deadline,
        status=status,
    )


def test_a_hazard_past_its_deadline_tells_its_unit_once(plan_city):
    c = plan_city
    late = hazard(c, date(2025, 6, 30))
    hazard(c, date(2025, 6, 30), status="rectified", place="已整改")
    hazard(c, date(2025, 7, 31), place="未到期")
    remind_daily.call("2025-07-01")  # the daily job: the ladder, then the hazards
    assert events.overdue_hazards(date(2025, 7, 2)) == []
    assert HazardAlert.objects.get().hazard == late
    text = "住建安全科 · 某小区燃气管道 的隐患：整改期限 2025-06-30 已过"
    # The unit's own reporter and the approvers above it.
    assert told("hazard") == [("housing-approver", text), ("team-reporter", text)]
    assert Notification.objects.get(kind="hazard", recipient=c.team_reporter).link == (
        f"/ledgers/hazards/{late.pk}/"
    )


def test_a_leader_writes_an_instruction_on_a_target_and_the_unit_is_told(plan_city):
    c = plan_city
    leader = c.client("leader")
    response = leader.post(f"/targets/{c.signed.pk}/instructions/", {"text": "请加快签约进度"})
    assert response.status_code == 302
    instruction = Instruction.objects.get()
    assert (instruction.target, instruction.author, instruction.text) == (
        c.signed,
        c.leader,
        "请加快签约进度",
    )
    assert instruction.history.count() == 1
    assert sorted(
        Notification.objects.filter(kind="instruction").values_list(
            "recipient__username", flat=True
        )
    ) == ["commerce-approver", "commerce-reporter"]
    page = c.client("commerce-reporter").get(f"/targets/{c.signed.pk}/").content.decode()
    assert "请加快签约进度" in page and 'id="instruction-form"' not in page
    assert 'id="instruction-form"' in leader.get(f"/targets/{c.signed.pk}/").content.decode()


def test_an_instruction_on_a_unit_is_shown_on_its_page(plan_city):
    c = plan_city
    response = c.client("leader").post(f"/units/{c.housing.pk}/instructions/", {"text": "抓紧整改"})
    assert response.status_code == 302
    page = c.client("housing-reporter").get(f"/units/{c.housing.pk}/").content.decode()
    assert "抓紧整改" in page
    # The unit's people: its reporter and approver (not the sub-unit's reporter).
    assert sorted(
        Notification.objects.filter(kind="instruction").values_list(
            "recipient__username", flat=True
        )
    ) == ["housing-approver", "housing-reporter"]


def test_an_empty_or_unauthorised_instruction_changes_nothing(plan_city):
    c = plan_city
    assert (
        c.client("leader").post(f"/targets/{c.signed.pk}/instructions/", {"text": " "}).status_code
        == 400
    )
    assert (
        c.client("supervisor")
        .post(f"/targets/{c.signed.pk}/instructions/", {"text": "x"})
        .status_code
        == 403
    )
    assert (
        c.client("leader")
        .post(f"/targets/{c.signed.pk}/instructions/", {"text": "x" * 2001})
        .status_code
        == 400
    )
    assert not Instruction.objects.exists()
    assert not Notification.objects.exists()


def test_the_people_told_of_many_units_are_read_in_one_query(plan_city, django_assert_num_queries):
    units = list(Unit.objects.all())
    with django_assert_num_queries(1):
        office, approvers = approvers_and_office(units)
    for unit in units:
        want = set(approvers_of(unit).values_list("pk", flat=True))
        assert {person.pk for person in approvers[unit.pk]} == want
    assert any(approvers.values())
    supervisors = User.objects.filter(
        is_active=True, memberships__role=Role.SUPERVISOR, memberships__unit__is_active=True
    )
    assert {person.pk for person in office} == set(supervisors.values_list("pk", flat=True))
    assert office
