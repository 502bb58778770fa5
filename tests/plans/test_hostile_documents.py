"""Hostile plan documents: a .docx that inflates, a damaged one, a PDF past the page limit.
Each is refused with a message naming the problem (400 on the page, 422 in the API),
before python-docx or pdfplumber spends minutes on it, and no plan is made."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.core.intake import IntakeError, read_document, readers
from luoshi.plans.models import Plan
from tests.api.conftest import Api
from tests.core.intake.test_cli import minimal_pdf
from tests.excel import hostile

DOCUMENT = "word/document.xml"
PARAGRAPH = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"


def real_docx() -> bytes:
    document = docx.Document()
    document.add_heading("2025年重点工作计划", level=1)
    document.add_heading("市商务局", level=2)
    document.add_paragraph("全年社会消费品零售总额增长5%以上。签约项目不少于50个。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "新增限上企业29户", "市商务局"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paragraphs(count: int) -> bytes:
    """The .docx with `count` more paragraphs: a 54 KB file of 2 million took 44 s to read."""
    return hostile.rewrite(
        real_docx(),
        DOCUMENT,
        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + PARAGRAPH * count, 1),
    )


HOSTILE = {
    "bomb": (
        lambda: paragraphs(200_000),  # 6.8 MB of XML in a 30 KB file
        "plan.docx: refused, word/document.xml inflates",
    ),
    "parts": (
        lambda: hostile.many_members(real_docx(), 1000),
        "plan.docx: refused, the package holds",
    ),
    "truncated": (
        lambda: hostile.truncated(real_docx(), member=DOCUMENT),
        "plan.docx: not a valid .docx file",
    ),
    "not a zip": (lambda: b"PK\x03\x04" + b"\x00" * 64, "plan.docx: not a valid .docx file"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_document_reader_refuses_a_hostile_docx(tmp_path, name):
    make, message = HOSTILE[name]
    path = tmp_path / "plan.docx"
    path.write_bytes(make())
    with pytest.raises(IntakeError) as refused:
        read_document(str(path))
    assert refused.value.message.replace(str(path), "plan.docx").startswith(message)


def test_the_document_reader_reads_the_real_docx(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(real_docx())
    text = read_document(str(path))
    assert "签约项目不少于50个" in text and "| 新增限上企业29户 | 市商务局 |" in text


def test_a_large_but_honest_document_is_read(tmp_path):
    """Many paragraphs of varied text inflate as real text does (under 100 times)."""
    varied = b"".join(
        b"<w:p><w:r><w:t>%d: \xe7\xad\xbe\xe7\xba\xa6\xe9\xa1\xb9\xe7\x9b\xae %d</w:t></w:r></w:p>"
        % (n, n * 7919 % 10007)
        for n in range(40_000)
    )
    path = tmp_path / "plan.docx"
    path.write_bytes(
        hostile.rewrite(
            real_docx(), DOCUMENT, lambda xml: xml.replace(b"<w:body>", b"<w:body>" + varied, 1)
        )
    )
    assert "39999: 签约项目" in read_document(str(path))


def test_a_pdf_past_the_page_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "plan.pdf"
    path.write_bytes(minimal_pdf("Plan 2025: 50 projects"))
    assert "50 projects" in read_document(str(path))
    monkeypatch.setattr(readers, "PDF_MAX_PAGES", 0)
    with pytest.raises(IntakeError, match=r"the PDF has 1 pages \(at most 0\)"):
        read_document(str(path))


def test_a_pdf_that_reads_too_long_stops_between_pages(tmp_path, monkeypatch):
    path = tmp_path / "plan.pdf"
    path.write_bytes(minimal_pdf("Plan 2025: 50 projects"))
    monkeypatch.setattr(readers, "PDF_MAX_SECONDS", -1)  # every page is past the budget
    with pytest.raises(IntakeError, match=r"took more than -1 s \(stopped at page 1\)"):
        read_document(str(path))


# --- the page and the API answer 4xx -----------------------------------------------------


@pytest.fixture
def supervisor_page(city, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.LANGUAGE_CODE = "en"
    client = city.client("supervisor")

    def post(content):
        return client.post(
            reverse("plan-import"),
            {
                "title": "2025年重点工作计划",
                "start": "2025-01-01",
                "end": "2025-12-31",
                "file": SimpleUploadedFile("plan.docx", content),
            },
        )

    return post


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_import_page_answers_400_for_a_hostile_docx(supervisor_page, name):
    make, message = HOSTILE[name]
    response = supervisor_page(make())
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Plan.objects.exists()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_import_api_answers_422_for_a_hostile_docx(city, settings, tmp_path, name):
    from luoshi.api.auth import issue_token

    settings.MEDIA_ROOT = tmp_path
    make, message = HOSTILE[name]
    api = Api(issue_token(city.supervisor, "tests")[1])
    response = api.client.post(
        "/api/v1/plans/import",
        {
            "file": SimpleUploadedFile("plan.docx", make()),
            "title": "2025年重点工作计划",
            "start": "2025-01-01",
            "end": "2025-12-31",
        },
        HTTP_AUTHORIZATION=f"Bearer {api.token}",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422, response.content[:300]
    assert response.json()["detail"].startswith(message)
    assert not Plan.objects.exists()
