"""Evidence file names of any length or content are stored, cut to fit, keeping their
extension (issue 10: over-long names and NUL characters answered 500 on PostgreSQL).
Runs on SQLite and, with DATABASE_URL, on PostgreSQL, whose varchar limits are enforced."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.reporting import actions
from luoshi.reporting.evidence import add_evidence
from luoshi.reporting.models import Evidence
from luoshi.uploads import DISPLAY_NAME_CHARS, FILE_NAME_BYTES, shortened

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def report(plan_city):
    return actions.create_report(
        plan_city.signed, plan_city.commerce_reporter, as_of=date(2025, 6, 30), value=5
    )


@pytest.mark.parametrize(
    "name",
    [
        "证" * 300 + ".pdf",
        "a" * 5000 + ".PDF",
        "scan\x00of\x00the\x00contract.pdf",
        "x" * 250 + " 签约 合同 (final).pdf",
        "../../" + "证明" * 80 + ".pdf",
    ],
    ids=["300 Chinese characters", "5000 letters", "NUL characters", "spaces", "a path"],
)
def test_any_evidence_name_is_stored_cut_to_fit(report, plan_city, name):
    evidence = add_evidence(report, plan_city.commerce_reporter, SimpleUploadedFile(name, PDF))
    evidence.refresh_from_db()
    assert evidence.name.lower().endswith(".pdf")
    assert len(evidence.name) <= DISPLAY_NAME_CHARS
    assert "\x00" not in evidence.name and "/" not in evidence.name
    stored = evidence.file.name.rsplit("/", 1)[1]
    assert len(stored.encode()) <= FILE_NAME_BYTES
    assert stored.lower().endswith(".pdf")
    assert len(evidence.file.name) <= Evidence._meta.get_field("file").max_length
    assert evidence.file.read() == PDF


def test_api_stores_a_long_evidence_name(plan_city):
    from django.test import Client

    from luoshi.api.auth import issue_token

    report = actions.create_report(
        plan_city.signed, plan_city.commerce_reporter, as_of=date(2025, 6, 30), value=5
    )
    token = issue_token(plan_city.commerce_reporter, "tests")[1]
    response = Client().post(
        f"/api/v1/reports/{report.pk}/evidence",
        {"file": SimpleUploadedFile("证" * 300 + ".pdf", PDF)},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "证" * (DISPLAY_NAME_CHARS - 4) + ".pdf"


def test_shortened_keeps_the_extension_and_whole_characters():
    assert shortened("证" * 50 + ".pdf", ".pdf", 10, in_bytes=True) == "证证.pdf"  # 6 + 4 bytes
    assert shortened("abcdef.docx", ".docx", 8) == "abc.docx"
    assert shortened("___.pdf", ".pdf", 200) == "evidence.pdf"
