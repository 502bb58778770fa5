"""`luoshi bulletin --plan ID --at DATE --format docx|pdf|xlsx -o FILE` writes the draft."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from luoshi.bulletins.models import Bulletin


def run(*args) -> str:
    err = io.StringIO()
    call_command("bulletin", *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_the_command_writes_the_draft_docx_and_xlsx_and_saves_nothing(figures_city, tmp_path):
    plan = str(figures_city.plan.pk)
    said = run("--plan", plan, "--at", "2025-06-30", "--format", "docx", "-o", tmp_path / "b.docx")
    assert "4 targets, 2 behind, 0 missing" in said
    text = [p.text for p in Document(tmp_path / "b.docx").paragraphs]
    assert "（草稿）" in text and "一、总体情况" in text
    assert any(line.startswith("截至2025年6月30日") for line in text)
    run("--plan", plan, "--at", "2025-06-30", "--format", "xlsx", "-o", tmp_path / "b.xlsx")
    assert load_workbook(tmp_path / "b.xlsx").sheetnames == ["附件1", "附件2", "附件3"]
    assert not Bulletin.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--plan", "999999"], "no plan"),
        (["--plan", "²"], "no plan"),
        (["--plan", "{plan}", "--at", "2025-13-01"], "not a date"),
        (["--plan", "{plan}", "--at", "0001-01-01"], "--at"),
    ],
)
def test_bad_arguments_are_named_and_write_nothing(figures_city, tmp_path, args, message):
    out = tmp_path / "b.docx"
    args = [a.format(plan=figures_city.plan.pk) for a in args]
    with pytest.raises(CommandError, match=message):
        run(*args, "-o", out)
    assert not out.exists()
