"""One action files a report with its evidence and, if asked, submits it: all or nothing.

The pages, the API and 一表通 call `create_report` (and `update_report` for an edit);
nothing chains create, evidence and submit by itself.
"""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.reporting import actions
from luoshi.reporting.models import Evidence, Report

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4 scan"


def test_a_report_is_filed_with_its_evidence_and_submitted_in_one_call(plan_city):
    c = plan_city
    report = actions.create_report(
        c.signed,
        c.commerce_reporter,
        as_of=date(2025, 6, 30),
        value=30,
        evidence=[SimpleUploadedFile("photo.png", PNG), SimpleUploadedFile("scan.pdf", PDF)],
        submit=True,
    )
    stored = Report.objects.get()
    assert stored.pk == report.pk and stored.status == "submitted"
    assert stored.submitted_by == c.commerce_reporter
    assert sorted(stored.evidence.values_list("name", flat=True)) == ["photo.png", "scan.pdf"]
    reasons = list(
        stored.history.order_by("history_date").values_list("history_change_reason", "history_user")
    )
    assert reasons == [("created", c.commerce_reporter.pk), ("submitted", c.commerce_reporter.pk)]


def test_without_submit_the_report_stays_a_draft(plan_city):
    c = plan_city
    actions.create_report(c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=30)
    assert Report.objects.get().status == "draft"


def test_a_bad_evidence_file_files_nothing(plan_city):
    c = plan_city
    with pytest.raises(ValidationError):
        actions.create_report(
            c.signed,
            c.commerce_reporter,
            as_of=date(2025, 6, 30),
            value=30,
            evidence=[
                SimpleUploadedFile("photo.png", PNG),
                SimpleUploadedFile("fake.pdf", b"GIF89a"),
            ],
            submit=True,
        )
    assert not Report.objects.exists() and not Evidence.objects.exists()


def test_someone_who_does_not_report_for_the_unit_files_nothing(plan_city):
    c = plan_city
    with pytest.raises(PermissionDenied):
        actions.create_report(
            c.signed,
            c.outsider,
            as_of=date(2025, 6, 30),
            value=30,
            evidence=[SimpleUploadedFile("photo.png", PNG)],
            submit=True,
        )
    assert not Report.objects.exists() and not Evidence.objects.exists()


def test_an_edit_adds_files_and_submits_in_one_call_or_changes_nothing(plan_city):
    c = plan_city
    cr = c.commerce_reporter
    report = actions.create_report(c.signed, cr, as_of=date(2025, 6, 30), value=30)
    with pytest.raises(ValidationError):
        actions.update_report(
            report,
            cr,
            expected_revision=1,
            as_of=date(2025, 6, 30),
            value=31,
            evidence=[SimpleUploadedFile("fake.png", b"GIF89a")],
            submit=True,
        )
    stored = Report.objects.get()
    assert (stored.value, stored.status, stored.revision) == (30, "draft", 1)
    actions.update_report(
        stored,
        cr,
        expected_revision=1,
        as_of=date(2025, 6, 30),
        value=31,
        evidence=[SimpleUploadedFile("scan.pdf", PDF)],
        submit=True,
    )
    stored = Report.objects.get()
    assert (stored.value, stored.status) == (31, "submitted")
    assert list(stored.evidence.values_list("name", flat=True)) == ["scan.pdf"]
