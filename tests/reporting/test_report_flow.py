"""The reporting loop through the web forms: draft → submitted → approved / returned."""

import io

from luoshi.dashboards.evaluation import evaluate_target
from luoshi.reporting.models import Evidence, Report

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def png(name="photo.png"):
    upload = io.BytesIO(PNG)
    upload.name = name
    return upload


def test_reporter_submits_with_evidence_and_approver_approves_and_status_changes(plan_city):
    c = plan_city
    reporter = c.client("commerce-reporter")
    response = reporter.post(
        f"/targets/{c.signed.pk}/report/",
        {
            "as_of": "2025-06-30",
            "value": "30",
            "narrative": "上半年签约30个",
            "evidence": png(),
            "action": "submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get(target=c.signed)
    assert report.status == "submitted" and report.submitted_by == c.commerce_reporter
    assert Evidence.objects.get(report=report).name == "photo.png"
    assert evaluate_target(c.signed, c.signed.end).state == "not_started"  # not approved yet

    approver = c.client("commerce-approver")
    assert report.pk in [r.pk for r in approver.get("/approvals/").context["queue"]]
    approver.post(f"/reports/{report.pk}/approve/", {"revision": report.revision})
    report.refresh_from_db()
    assert report.status == "approved" and report.reviewed_by == c.commerce_approver
    assert [h.history_user.username for h in report.history.order_by("history_date")] == [
        "commerce-reporter",
        "commerce-reporter",
        "commerce-approver",
    ]
    overview = c.client("supervisor").get("/overview/?at=2025-07-15")
    row = next(row for row in overview.context["page"].object_list if row.target == c.signed)
    # ≥ 50 over 2025 without a schedule: expected at 06-30 = 50 × 181/365 = 24.79; 30 is ahead.
    assert row.evaluation.actual == 30 and row.state == "on_track"


def test_returned_report_goes_back_with_its_reason_and_can_be_resubmitted(plan_city):
    c = plan_city
    c.client("commerce-reporter").post(
        f"/targets/{c.signed.pk}/report/",
        {"as_of": "2025-06-30", "value": "30", "action": "submit"},
    )
    report = Report.objects.get()
    c.client("commerce-approver").post(f"/reports/{report.pk}/return/", {"reason": "缺少佐证材料"})
    report.refresh_from_db()
    assert report.status == "returned" and report.return_reason == "缺少佐证材料"
    page = c.client("commerce-reporter").get(f"/reports/{report.pk}/").content.decode()
    assert "缺少佐证材料" in page
    c.client("commerce-reporter").post(
        f"/reports/{report.pk}/",
        {"as_of": "2025-06-30", "value": "31", "revision": report.revision, "action": "submit"},
    )
    report.refresh_from_db()
    assert report.status == "submitted" and report.value == 31


def test_a_stale_edit_is_a_conflict_not_a_lost_update(plan_city):
    c = plan_city
    reporter = c.client("commerce-reporter")
    reporter.post(f"/targets/{c.signed.pk}/report/", {"as_of": "2025-06-30", "value": "30"})
    report = Report.objects.get()
    stale = report.revision
    reporter.post(
        f"/reports/{report.pk}/", {"as_of": "2025-06-30", "value": "31", "revision": stale}
    )
    response = reporter.post(
        f"/reports/{report.pk}/",
        {"as_of": "2025-06-30", "value": "99", "revision": stale},
        follow=True,
    )
    report.refresh_from_db()
    assert report.value == 31
    assert (
        "changed by someone else" in response.content.decode()
        or "其他人" in response.content.decode()
    )


def test_correction_is_a_new_version_and_supersedes_the_old_once_approved(plan_city):
    c = plan_city
    c.client("commerce-reporter").post(
        f"/targets/{c.signed.pk}/report/",
        {"as_of": "2025-06-30", "value": "30", "action": "submit"},
    )
    first = Report.objects.get()
    c.client("commerce-approver").post(f"/reports/{first.pk}/approve/")
    c.client("commerce-reporter").post(f"/reports/{first.pk}/correct/")
    correction = Report.objects.get(supersedes=first)
    assert correction.version == 2 and correction.status == "draft"
    c.client("commerce-reporter").post(
        f"/reports/{correction.pk}/",
        {"as_of": "2025-06-30", "value": "28", "revision": correction.revision, "action": "submit"},
    )
    c.client("commerce-approver").post(f"/reports/{correction.pk}/approve/")
    first.refresh_from_db()
    assert first.status == "superseded" and first.value == 30
    assert evaluate_target(c.signed, c.signed.end).actual == 28


def test_bad_evidence_is_refused_and_nothing_is_written(plan_city):
    c = plan_city
    fake = io.BytesIO(b"MZ\x90\x00 not a png")
    fake.name = "photo.png"
    response = c.client("commerce-reporter").post(
        f"/targets/{c.signed.pk}/report/", {"as_of": "2025-06-30", "value": "30", "evidence": fake}
    )
    assert response.status_code == 200
    assert "photo.png" in response.content.decode()
    assert not Report.objects.exists() and not Evidence.objects.exists()


def test_milestone_report_marks_the_milestone_done_on_approval(plan_city):
    c = plan_city
    c.client("commerce-reporter").post(
        f"/targets/{c.policy.pk}/report/",
        {"as_of": "2025-06-20", "milestone": c.policy_milestone.pk, "action": "submit"},
    )
    report = Report.objects.get()
    c.client("commerce-approver").post(f"/reports/{report.pk}/approve/")
    c.policy_milestone.refresh_from_db()
    assert str(c.policy_milestone.done) == "2025-06-20"
    assert evaluate_target(c.policy, c.policy.end).state == "done"


def test_future_dated_report_is_refused(plan_city):
    response = plan_city.client("commerce-reporter").post(
        f"/targets/{plan_city.signed.pk}/report/", {"as_of": "2025-08-31", "value": "30"}
    )
    assert response.status_code == 200 and not Report.objects.exists()


def test_a_target_computed_from_a_ledger_is_neither_owed_nor_reported_by_hand(plan_city):
    from luoshi.ledgers.measures import bind_measure

    c = plan_city
    bind_measure(
        c.signed,
        c.supervisor,
        source="projects",
        aggregate="count",
        filter={"stage_reached": "signed"},
    )
    owed = c.client("commerce-reporter").get("/workbench/").context["owed"]
    assert c.signed not in [item.target for item in owed]
    response = c.client("commerce-reporter").post(
        f"/targets/{c.signed.pk}/report/", {"as_of": "2025-06-30", "value": "30"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "computed from a ledger" in page or "台账" in page
    assert not Report.objects.exists()
