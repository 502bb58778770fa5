"""Posts that would overwrite someone else's change, or carry a damaged revision.

The edit form needs the revision it was opened at; the review buttons answer a
revision that is not a whole number with 400; a second correction of one report
is a conflict. Each is refused with a message and changes nothing.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from luoshi.reporting import actions
from luoshi.reporting.models import Report


@pytest.fixture
def reports(plan_city):
    c = plan_city
    cr = c.commerce_reporter
    c.draft = actions.create_report(c.signed, cr, as_of=date(2025, 6, 30), value=24)
    c.submitted = actions.create_report(c.signed, cr, as_of=date(2025, 5, 31), value=20)
    actions.submit_report(c.submitted, cr)
    c.approved = actions.create_report(c.signed, cr, as_of=date(2025, 4, 30), value=15)
    actions.submit_report(c.approved, cr)
    actions.approve_report(c.approved, c.commerce_approver)
    return c


def _state(report: Report) -> tuple:
    report = Report.objects.get(pk=report.pk)
    return report.status, report.value, report.revision, report.history.count()


def test_an_edit_without_the_revision_is_refused_and_overwrites_nothing(reports):
    c = reports
    # Someone else saves first (revision 1 → 2) …
    actions.update_report(
        c.draft, c.commerce_approver, expected_revision=1, as_of=date(2025, 6, 30), value=25
    )
    before = _state(c.draft)
    # … then a post without the revision arrives.
    response = c.client("commerce-reporter").post(
        f"/reports/{c.draft.pk}/", {"as_of": "2025-06-30", "value": "99"}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["revision"]
    assert 'class="alert alert-danger"' in response.content.decode()
    assert _state(c.draft) == before == ("draft", 25, 2, 2)


def test_an_edit_with_a_stale_revision_is_a_conflict(reports):
    c = reports
    actions.update_report(
        c.draft, c.commerce_approver, expected_revision=1, as_of=date(2025, 6, 30), value=25
    )
    client = c.client("commerce-reporter")
    response = client.post(
        f"/reports/{c.draft.pk}/", {"as_of": "2025-06-30", "value": "99", "revision": "1"}
    )
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    assert _state(c.draft) == ("draft", 25, 2, 2)


def test_the_edit_action_needs_a_revision(reports):
    c = reports
    with pytest.raises(ValidationError) as refused:
        actions.update_report(
            c.draft, c.commerce_reporter, expected_revision=None, as_of=date(2025, 6, 30), value=9
        )
    assert "revision" in refused.value.message_dict
    assert _state(c.draft) == ("draft", 24, 1, 1)


@pytest.mark.parametrize("revision", ["abc", "1.5", "9" * 400, "-1", "0"])
@pytest.mark.parametrize("button", ["approve", "return", "submit"])
def test_a_review_button_with_a_damaged_revision_answers_400(reports, button, revision):
    c = reports
    report = c.draft if button == "submit" else c.submitted
    who = "commerce-reporter" if button == "submit" else "commerce-approver"
    before = _state(report)
    response = c.client(who).post(
        f"/reports/{report.pk}/{button}/", {"revision": revision, "reason": "请补充"}
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().startswith("revision: ")
    assert _state(report) == before


def test_a_review_button_with_the_current_revision_still_works(reports):
    c = reports
    client = c.client("commerce-approver")
    response = client.post(
        f"/reports/{c.submitted.pk}/return/", {"revision": c.submitted.revision, "reason": "缺表"}
    )
    assert response.status_code == 302
    assert _state(c.submitted)[0] == "returned"


def test_a_second_correction_of_one_report_is_a_conflict_on_the_page(reports):
    c = reports
    client = c.client("commerce-reporter")
    first = client.post(f"/reports/{c.approved.pk}/correct/")
    correction = Report.objects.get(supersedes=c.approved)
    assert first.url == f"/reports/{correction.pk}/"
    client.get(first.url)  # shows (and so uses up) the "correction started" message

    second = client.post(f"/reports/{c.approved.pk}/correct/")
    assert second.status_code == 302 and second.url == f"/reports/{c.approved.pk}/"
    messages = [str(m) for m in client.get(second.url).context["messages"]]
    assert len(messages) == 1
    assert Report.objects.filter(supersedes=c.approved).count() == 1
    with pytest.raises(actions.Conflict):
        actions.correct_report(c.approved, c.commerce_reporter)


@pytest.mark.parametrize(
    "field, bad",
    [("report", "²"), ("report", "9" * 400), ("revision", "²"), ("revision", "9" * 400)],
)
def test_approving_ticked_reports_with_damaged_numbers_approves_nothing(reports, field, bad):
    """'²' passes str.isdigit() but not int(); 400 digits pass int() but no database column."""
    c = reports
    pk = c.submitted.pk
    data = {"report": [str(pk)], f"revision-{pk}": str(c.submitted.revision), "action": "confirm"}
    if field == "report":
        data["report"] = [str(pk), bad]
    else:
        data[f"revision-{pk}"] = bad
    before = _state(c.submitted)
    response = c.client("commerce-approver").post("/approvals/approve/", data)
    # A damaged tick or revision is a bad request (BulkApproveForm).
    assert response.status_code == 400
    assert _state(c.submitted) == before
