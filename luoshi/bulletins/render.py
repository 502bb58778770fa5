"""One entry point renders a bulletin to a format by name (docx, pdf, xlsx)."""

from __future__ import annotations

from . import docx, pdf, xlsx
from .choices import FileFormat
from .layout import layout

RENDERERS = {
    FileFormat.DOCX: (docx.render, docx.CONTENT_TYPE),
    FileFormat.PDF: (pdf.render, pdf.CONTENT_TYPE),
    FileFormat.XLSX: (xlsx.render, xlsx.CONTENT_TYPE),
}


def render(bulletin, fmt: str) -> bytes:
    """The file of `bulletin` (saved or not) in `fmt`."""
    build, _content_type = RENDERERS[FileFormat(fmt)]
    return build(layout(bulletin))


def content_type(fmt: str) -> str:
    return RENDERERS[FileFormat(fmt)][1]


def filename(bulletin, fmt: str) -> str:
    """督查通报-2025年第9期.docx, or 督查通报-草稿-2025-06-30.docx for a draft."""
    label = bulletin.issue_label or f"草稿-{bulletin.at.isoformat()}"
    return f"督查通报-{label}.{fmt}"
