"""The approval queue: decide from the list, evidence in place, several at once, then the next."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.reporting import actions
from luoshi.reporting.evidence import add_evidence
from luoshi.reporting.models import Report

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
DOCX = b"PK\x03\x04" + b"\x00" * 64


def submitted(c, target, value=30, as_of=date(2025, 6, 30), files=()):
    report = actions.create_report(target, c.commerce_reporter, as_of=as_of, value=value)
    for name, content in files:
        add_evidence(report, c.commerce_reporter, SimpleUploadedFile(name, content))
    return actions.submit_report(report, c.commerce_reporter)


def test_each_row_shows_expected_reported_the_state_it_would_give_and_its_evidence(plan_city):
    c = plan_city
    report = submitted(c, c.signed, files=[("photo.png", PNG), ("table.docx", DOCX)])
    response = c.client("commerce-approver").get("/approvals/")
    (row,) = response.context["rows"]
    # ≥ 50 over 2025: expected at 06-30 = 50 × 181/365 = 24.79; 30 is ahead of it.
    assert round(row.preview.expected, 2) == 24.79 and row.preview.state == "on_track"
    page = response.content.decode()
    tr = page[page.index(f'data-report="{report.pk}"') :].split("</tr>")[0]
    assert "24.79个" in tr and "30个" in tr
    assert 'data-preview="on_track"' in tr and 'data-evidence="2"' in tr
    (image,) = row.images
    assert f'src="/evidence/{image.pk}/view/"' in page


def test_a_report_that_would_fall_behind_says_so(plan_city):
    c = plan_city
    submitted(c, c.signed, value=10)  # 10 of 24.79 expected: 40%, behind
    (row,) = c.client("commerce-approver").get("/approvals/").context["rows"]
    assert row.preview.state == "behind"


def test_evidence_opens_inline_for_images_and_pdfs_only_and_only_for_those_who_see_it(plan_city):
    c = plan_city
    report = submitted(c, c.signed, files=[("photo.png", PNG), ("table.docx", DOCX)])
    png, docx = report.evidence.order_by("name")
    response = c.client("commerce-approver").get(f"/evidence/{png.pk}/view/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PNG
    assert c.client("commerce-approver").get(f"/evidence/{docx.pk}/view/").status_code == 404
    assert c.client("housing-approver").get(f"/evidence/{png.pk}/view/").status_code == 404


def test_after_approving_the_next_report_opens_and_after_the_last_the_queue(plan_city):
    c = plan_city
    first = submitted(c, c.signed, value=30)
    second = submitted(c, c.signed, value=31, as_of=date(2025, 7, 1))
    approver = c.client("commerce-approver")
    response = approver.post(f"/reports/{first.pk}/approve/", {"revision": first.revision})
    assert response.status_code == 302 and response["Location"] == f"/reports/{second.pk}/"
    response = approver.post(
        f"/reports/{second.pk}/return/", {"revision": second.revision, "reason": "请补充"}
    )
    assert response["Location"] == "/approvals/"
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == ("approved", "returned")


def test_a_refused_approval_stays_on_the_report(plan_city):
    c = plan_city
    report = submitted(c, c.signed)
    response = c.client("commerce-approver").post(
        f"/reports/{report.pk}/approve/", {"revision": report.revision - 1}
    )
    assert response["Location"] == f"/reports/{report.pk}/"
    report.refresh_from_db()
    assert report.status == "submitted"


def test_several_are_approved_together_after_one_confirmation(plan_city):
    c = plan_city
    one = submitted(c, c.signed, value=30)
    two = submitted(c, c.signed, value=31, as_of=date(2025, 7, 1))
    approver = c.client("commerce-approver")
    data = {
        "report": [one.pk, two.pk],
        f"revision-{one.pk}": one.revision,
        f"revision-{two.pk}": two.revision,
    }
    confirm = approver.post("/approvals/approve/", data)
    assert confirm.status_code == 200
    assert [row.report.pk for row in confirm.context["rows"]] == [one.pk, two.pk]
    assert set(Report.objects.values_list("status", flat=True)) == {"submitted"}
    response = approver.post("/approvals/approve/", {**data, "action": "confirm"})
    assert response["Location"] == "/approvals/"
    assert set(Report.objects.values_list("status", flat=True)) == {"approved"}
    assert set(Report.objects.values_list("reviewed_by__username", flat=True)) == {
        "commerce-approver"
    }


def test_one_stale_report_approves_none_of_the_selection(plan_city):
    c = plan_city
    one = submitted(c, c.signed, value=30)
    two = submitted(c, c.signed, value=31, as_of=date(2025, 7, 1))
    data = {
        "report": [one.pk, two.pk],
        f"revision-{one.pk}": one.revision,
        f"revision-{two.pk}": two.revision - 1,
        "action": "confirm",
    }
    c.client("commerce-approver").post("/approvals/approve/", data)
    assert set(Report.objects.values_list("status", flat=True)) == {"submitted"}


def test_bulk_approval_of_reports_one_may_not_approve_changes_nothing(plan_city):
    c = plan_city
    report = submitted(c, c.signed)
    for persona in ("commerce-reporter", "leader", "housing-approver"):
        data = {"report": [report.pk], f"revision-{report.pk}": report.revision}
        client = c.client(persona)
        for step in ("review", "confirm"):
            response = _post(client, {**data, "action": step})
            assert response.status_code == 400
            assert f"Report {report.pk} is not one you may approve." in _message(response)
    approver = c.client("commerce-approver")
    for junk, message in (
        ({"report": ["x"]}, "“x” is no report."),
        ({"report": ["9" * 400]}, "“99999999999999999999” is no report."),
        ({"report": []}, "Tick the reports to approve."),
        ({}, "Tick the reports to approve."),
        ({"report": [report.pk], "action": "approve-all"}, "Select a valid choice."),
    ):
        response = _post(approver, junk)
        assert response.status_code == 400, junk
        assert message in _message(response), junk
    report.refresh_from_db()
    assert report.status == "submitted"


def _post(client, data):
    """Post to the bulk approval, asking for English (the default language is Chinese)."""
    return client.post("/approvals/approve/", data, headers={"accept-language": "en"})


def _message(response) -> str:
    """The 400 page's message (the page is in the site's layout)."""
    return response.context["message"]


def test_more_ticked_reports_than_a_selection_holds_approve_none(plan_city):
    """At most 200 at once (BulkApproveForm): a longer list is refused whole, before any
    query looks at it."""
    c = plan_city
    report = submitted(c, c.signed)
    ids = [report.pk] * 150 + list(range(10**6, 10**6 + 51))
    data = {"report": ids, f"revision-{report.pk}": report.revision, "action": "confirm"}
    response = _post(c.client("commerce-approver"), data)
    assert response.status_code == 400
    assert _message(response) == "At most 200 reports at a time; 201 were ticked."
    report.refresh_from_db()
    assert report.status == "submitted"


def test_confirming_without_the_revisions_shown_approves_none(plan_city):
    c = plan_city
    one = submitted(c, c.signed, value=30)
    two = submitted(c, c.signed, value=31, as_of=date(2025, 7, 1))
    data = {"report": [one.pk, two.pk], f"revision-{one.pk}": one.revision, "action": "confirm"}
    response = _post(c.client("commerce-approver"), data)
    assert response.status_code == 400
    assert f"Report {two.pk} came without a whole revision number" in _message(response)
    assert set(Report.objects.values_list("status", flat=True)) == {"submitted"}


def _nav(client) -> str:
    page = client.get("/").content.decode()
    return page[page.index("<nav") : page.index("</nav>")]


def test_menus_show_only_what_the_person_can_use(plan_city):
    c = plan_city
    submitted(c, c.signed)
    leader = _nav(c.client("leader"))
    assert 'href="/workbench/"' not in leader and 'href="/approvals/"' not in leader
    reporter = _nav(c.client("commerce-reporter"))
    assert 'href="/workbench/"' in reporter and 'href="/approvals/"' not in reporter
    approver = _nav(c.client("commerce-approver"))
    assert 'href="/workbench/"' in approver and 'data-queue="1"' in approver
    supervisor = _nav(c.client("supervisor"))
    assert 'href="/workbench/"' not in supervisor and 'data-queue="1"' in supervisor
    assert 'data-queue="' not in _nav(c.client("housing-approver"))  # nothing waits there
