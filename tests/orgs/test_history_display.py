"""History shows labels and names, not codes and ids, in the page's language."""

from datetime import date

from django.utils import translation

from luoshi.orgs.history import history_of
from luoshi.plans import actions as plan_actions
from luoshi.reporting import actions as report_actions


def _changes(obj, lang="zh-hans"):
    with translation.override(lang):
        return {label: (old, new) for entry in history_of(obj) for label, old, new in entry.changes}


def test_plan_confirmation_shows_the_status_label_and_the_person(city):
    city.supervisor.full_name = "王芳"
    city.supervisor.save()
    plan = plan_actions.create_plan(
        city.supervisor, title="计划", start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    plan_actions.confirm_plan(plan, city.supervisor)
    changes = _changes(plan)
    assert changes["状态"] == ("草稿", "已确认")
    assert changes["确认人"] == ("—", "王芳")
    assert changes["确认时间"][0] == "—" and changes["确认时间"][1].startswith("20")
    assert _changes(plan, "en")["status"] == ("Draft", "Confirmed")


def test_target_edits_show_cadence_label_dates_booleans_and_numbers(plan_city):
    c = plan_city
    target = c.hazards
    with translation.override("zh-hans"):
        plan_actions.update_target(target, c.supervisor, cadence="month", reason="按月报")
        plan_actions.set_target_active(target, c.supervisor, False)
    changes = _changes(target)
    assert changes["填报周期"] == ("—", "按月")
    assert changes["启用"] == ("是", "否")
    plan_actions.update_target(
        c.signed, c.supervisor, reason="调整", value=12000, end=date(2025, 11, 30)
    )
    changes = _changes(c.signed)
    assert changes["目标值"] == ("50", "12,000")
    assert changes["结束日期"] == ("2025年12月31日", "2025年11月30日")


def test_report_review_names_the_reviewer_and_hides_revision_bookkeeping(plan_city):
    c = plan_city
    c.commerce_approver.full_name = "李审核"
    c.commerce_approver.save()
    report = report_actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=30
    )
    report_actions.submit_report(report, c.commerce_reporter)
    report_actions.approve_report(report, c.commerce_approver)
    with translation.override("zh-hans"):
        entries = history_of(report)
    changes = {label: (old, new) for label, old, new in entries[0].changes}
    assert changes["审核人"] == ("—", "李审核")
    assert changes["状态"] == ("已提交", "已通过")
    assert all("修订" not in label and label != "revision" for label in changes)
    assert entries[0].reason == "审核通过"


def test_a_created_row_reads_created_not_the_deliveries_time_column(plan_city):
    """The msgid "Created" is both simple_history's action and the deliveries' time
    column: the column has a context of its own, so the history reads 已创建 like 已修改."""
    c = plan_city
    plan_actions.update_target(c.signed, c.supervisor, reason="调整", unit_label="家")
    with translation.override("zh-hans"):
        actions = [entry.action for entry in history_of(c.signed)]
    assert actions[0] == "已修改" and actions[-1] == "已创建"
    page = c.client("supervisor").get("/notices/deliveries/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
    assert "<thead><tr><th>创建时间</th>" in page.content.decode()
