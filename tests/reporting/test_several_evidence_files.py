"""A report takes several evidence files at once; each is checked, and one bad file saves nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.reporting.models import Evidence, Report

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4 scan"


def _post(c, files, submit=True):
    data = {"as_of": "2025-06-30", "value": "30", "evidence": files}
    return c.client("commerce-reporter").post(
        f"/targets/{c.signed.pk}/report/", {**data, "action": "submit"} if submit else data
    )


def test_two_files_in_one_submission_are_both_attached(plan_city):
    c = plan_city
    page = c.client("commerce-reporter").get(f"/targets/{c.signed.pk}/report/").content.decode()
    assert 'type="file" name="evidence"' in page and "multiple" in page
    response = _post(c, [SimpleUploadedFile("photo.png", PNG), SimpleUploadedFile("scan.pdf", PDF)])
    assert response.status_code == 302
    report = Report.objects.get()
    assert sorted(report.evidence.values_list("name", "content_type")) == [
        ("photo.png", "image/png"),
        ("scan.pdf", "application/pdf"),
    ]


def test_one_bad_file_refuses_the_form_and_stores_nothing(plan_city, settings):
    c = plan_city
    settings.EVIDENCE_MAX_BYTES = 1024
    response = _post(
        c,
        [
            SimpleUploadedFile("photo.png", PNG),
            SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2048),
            SimpleUploadedFile("fake.png", b"GIF89a"),
        ],
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "big.pdf" in page and "fake.png" in page
    assert not Report.objects.exists() and not Evidence.objects.exists()


def test_more_than_ten_files_at_once_are_refused(plan_city):
    c = plan_city
    files = [SimpleUploadedFile(f"p{i}.png", PNG) for i in range(11)]
    response = _post(c, files)
    assert response.status_code == 200 and not Report.objects.exists()


def test_a_draft_takes_more_files_later(plan_city):
    c = plan_city
    _post(c, [SimpleUploadedFile("photo.png", PNG)], submit=False)
    report = Report.objects.get()
    data = {"as_of": "2025-06-30", "value": "30", "revision": report.revision}
    c.client("commerce-reporter").post(
        f"/reports/{report.pk}/",
        {**data, "evidence": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)]},
    )
    assert report.evidence.count() == 3
