"""`luoshi extract` end to end: formats, encodings, errors and exit codes."""

import io
import json
import sys

import pytest

from luoshi.core.intake import IntakeError, read_document
from luoshi.core.intake.cli import main

PLAN = "### 市商务局\n全年签约项目不少于50个,新增限上商贸企业29户以上。\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def minimal_pdf(text: str | None) -> bytes:
    """A one-page PDF; with text it has a text layer (Helvetica), without it has none."""
    if text is None:
        stream = b"0 0 1 rg 10 10 50 50 re f"
        resources = b"<< >>"
    else:
        stream = b"BT /F1 24 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
        resources = b"<< /Font << /F1 5 0 R >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
        + resources
        + b" >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def test_txt_prints_json_items(tmp_path, capsys):
    f = tmp_path / "plan.txt"
    f.write_text(PLAN, encoding="utf-8")
    code, out, _ = run(capsys, str(f), "--year", "2025")
    assert code == 0
    items = json.loads(out)["items"]
    assert [(i["value"], i["unit"], i["owner"], i["period"]) for i in items] == [
        (50.0, "个", "市商务局", "2025"),
        (29.0, "户", "市商务局", "2025"),
    ]
    assert "市商务局" in out  # ensure_ascii=False


def test_gbk_and_gb18030_text_files_are_decoded(tmp_path, capsys):
    f = tmp_path / "plan.txt"
    f.write_bytes(PLAN.encode("gbk"))
    code, out, _ = run(capsys, str(f), "--year", "2025")
    assert code == 0
    assert len(json.loads(out)["items"]) == 2
    f.write_bytes(("\ufeff" + PLAN).encode("utf-8"))
    assert read_document(str(f)).startswith("###")


def test_text_option_prints_the_repaired_text(tmp_path, capsys):
    f = tmp_path / "plan.md"
    f.write_text("# source: somewhere\n規(guī)劃目標：新增就業６﹒９萬人。\n", encoding="utf-8")
    code, out, _ = run(capsys, str(f), "--text")
    assert code == 0
    assert out.strip() == "规划目标:新增就业6.9万人。"


def test_table_format(tmp_path, capsys):
    f = tmp_path / "plan.txt"
    f.write_text(PLAN, encoding="utf-8")
    code, out, _ = run(capsys, str(f), "--format", "table", "--year", "2025")
    assert code == 0
    assert "市商务局" in out and "(2 items)" in out


def test_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PLAN.encode("utf-8"))))
    code, out, _ = run(capsys, "-", "--year", "2025")
    assert code == 0
    assert len(json.loads(out)["items"]) == 2


def test_docx_with_table_keeps_row_owner_and_deadline(tmp_path, capsys):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("2025年重点工作责任清单", level=1)
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ("序号", "重点工作", "责任单位", "完成时限"),
            ("1", "全年新建5G基站300个", "市工信局", "2025年12月底前"),
            ("2", "改造老旧小区40个", "市住建局", "全年"),
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    f = tmp_path / "plan.docx"
    document.save(f)
    code, out, _ = run(capsys, str(f))
    assert code == 0
    items = json.loads(out)["items"]
    assert [(i["value"], i["owner"], i["period"]) for i in items] == [
        (300.0, "市工信局", "2025"),
        (40.0, "市住建局", "2025"),
    ]


def test_html_page_skips_script_style_and_nav(tmp_path, capsys):
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><style>p{}</style><script>var x='增长99%';</script></head><body>"
        "<nav>首页 > 新闻 阅读 100次</nav><h2>市商务局</h2>"
        "<p>全年签约项目不少于50个。</p>"
        "<table><tr><th>重点工作</th><th>牵头单位</th></tr>"
        "<tr><td>全年新增限上企业30户</td><td>市统计局</td></tr></table></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(f), "--year", "2025")
    assert code == 0
    items = json.loads(out)["items"]
    assert [(i["value"], i["owner"]) for i in items] == [(50.0, "市商务局"), (30.0, "市统计局")]


def test_pdf_with_text_layer_is_read(tmp_path):
    pytest.importorskip("pdfplumber")
    f = tmp_path / "plan.pdf"
    f.write_bytes(minimal_pdf("Plan 2025: 50 projects"))
    assert "Plan 2025" in read_document(str(f))


def test_pdf_without_text_layer_says_ocr_is_not_supported(tmp_path, capsys):
    pytest.importorskip("pdfplumber")
    f = tmp_path / "scan.pdf"
    f.write_bytes(minimal_pdf(None))
    code, _, err = run(capsys, str(f))
    assert code == 2
    assert "no text layer" in err and "OCR is not supported" in err


@pytest.mark.parametrize("ext", [".docx", ".pdf", ".html"])
@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage\xff" * 10])
def test_corrupt_or_empty_files_exit_with_status_2(tmp_path, capsys, ext, content):
    f = tmp_path / f"broken{ext}"
    f.write_bytes(content)
    code, out, err = run(capsys, str(f))
    assert code == 2
    assert out == ""
    assert "luoshi extract:" in err


def test_unknown_extension_and_missing_file_exit_with_status_2(tmp_path, capsys):
    f = tmp_path / "plan.xyz"
    f.write_text(PLAN, encoding="utf-8")
    code, _, err = run(capsys, str(f))
    assert code == 2 and "unsupported" in err
    code, _, err = run(capsys, str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err


def test_bad_arguments_exit_with_status_2(capsys):
    code, _, _ = run(capsys)
    assert code == 2


def test_read_document_raises_intake_error(tmp_path):
    f = tmp_path / "broken.docx"
    f.write_bytes(b"not a zip")
    with pytest.raises(IntakeError):
        read_document(str(f))


def test_dispatch_from_the_luoshi_command(tmp_path, capsys):
    from luoshi.cli import main as luoshi_main

    f = tmp_path / "plan.txt"
    f.write_text(PLAN, encoding="utf-8")
    assert luoshi_main(["luoshi", "extract", str(f), "--year", "2025"]) == 0
    assert len(json.loads(capsys.readouterr().out)["items"]) == 2
