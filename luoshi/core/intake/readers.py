"""Read a document into text: .txt, .md, .docx, .pdf (text layer), .html, or "-" (stdin).

Tables in .docx and .html come out as pipe rows ("| a | b |"), headings as
markdown "#" lines, so that the extractor sees the document's structure.
Unreadable input raises IntakeError with a message for the user.
"""

from __future__ import annotations

import io
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

from luoshi.core.archives import MB, ArchiveRefused, Limits, check_zip

from .errors import IntakeError

TEXT_EXTS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
# A .docx is read whole into memory by python-docx: its parts may unpack to 50 MB (a
# 300-page plan's text is a few MB; its pictures are stored, not inflated).
DOCUMENT_LIMITS = Limits(max_unpacked=50 * MB)
# A year's plan is tens of pages; a newspaper issue a hundred. Time is checked between pages.
PDF_MAX_PAGES = 500
PDF_MAX_SECONDS = 60


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), then GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def read_document(path_or_dash: str) -> str:
    if path_or_dash == "-":
        data = (
            sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        )
        text = decode_bytes(data)
        if text.lstrip().startswith("<") and "<html" in text[:2000].lower():
            return html_to_text(text)
        return text
    path = Path(path_or_dash)
    ext = path.suffix.lower()
    if not path.exists():
        raise IntakeError(f"{path}: no such file")
    if path.is_dir():
        raise IntakeError(f"{path}: is a directory")
    try:
        if ext in TEXT_EXTS:
            return decode_bytes(path.read_bytes())
        if ext in HTML_EXTS:
            data = path.read_bytes()
            if b"\x00" in data or not re.search(rb"<[A-Za-z!/]", data):
                raise IntakeError(f"{path}: not an HTML page")
            text = html_to_text(decode_bytes(data))
            if not text.strip():
                raise IntakeError(f"{path}: the page holds no text")
            return text
        if ext == ".docx":
            return _read_docx(path)
        if ext == ".pdf":
            return _read_pdf(path)
    except IntakeError:
        raise
    except Exception as exc:  # corrupt files raise many kinds of errors
        raise IntakeError(
            f"{path}: cannot read {ext or 'file'} ({type(exc).__name__}: {exc})"
        ) from exc
    raise IntakeError(
        f"{path}: unsupported file type {ext or '(none)'}; use .txt, .md, .docx, .pdf or .html"
    )


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "｜").split())


def _read_docx(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        raise IntakeError(f"{path}: empty .docx file")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover
        raise IntakeError("python-docx is not installed") from exc
    try:
        check_zip(data, DOCUMENT_LIMITS)  # before python-docx inflates anything
    except ArchiveRefused as exc:
        if exc.reason == "not_zip":
            raise IntakeError(f"{path}: not a valid .docx file (not a zip package)") from exc
        raise IntakeError(f"{path}: refused, {exc}") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise IntakeError(f"{path}: not a valid .docx file ({type(exc).__name__})") from exc
    out: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, document)
            text = p.text
            style = (p.style.name if p.style is not None else "") or ""
            if style.lower().startswith("heading") and text.strip():
                digits = "".join(c for c in style if c.isdigit())
                level = min(6, int(digits)) if digits else 1
                text = "#" * level + " " + text.strip()
            elif style.lower() == "title" and text.strip():
                text = "# " + text.strip()
            out.append(text)
        elif tag == "tbl":
            table = Table(child, document)
            out.append("")
            for row in table.rows:
                cells = [_cell(c.text) for c in row.cells]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
    return "\n".join(out)


def _read_pdf(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        raise IntakeError(f"{path}: empty .pdf file")
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover
        raise IntakeError("pdfplumber is not installed") from exc
    started = time.monotonic()
    try:
        pages = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > PDF_MAX_PAGES:
                raise IntakeError(
                    f"{path}: the PDF has {len(pdf.pages)} pages (at most {PDF_MAX_PAGES})"
                )
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.close()  # its parsed objects are not needed again
                # A page cannot be interrupted, but a document can stop between pages.
                if time.monotonic() - started > PDF_MAX_SECONDS:
                    raise IntakeError(
                        f"{path}: reading the PDF took more than {PDF_MAX_SECONDS} s "
                        f"(stopped at page {len(pages)})"
                    )
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(f"{path}: not a valid .pdf file ({type(exc).__name__})") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise IntakeError(f"{path}: the PDF has no text layer, OCR is not supported")
    return text


_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "hr", "form", "center",
}  # fmt: skip
_SKIP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "head",
    "svg",
    "iframe",
    "select",
    "button",
}


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.heading = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("\n" + "#" * int(tag[1]) + " ")
            self.heading = int(tag[1])
        elif tag in _BLOCK and self.cell is None:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(_cell("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(c for c in self.row):
                self.out.append("\n| " + " | ".join(self.row) + " |\n")
            self.row = None
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("\n")
            self.heading = 0
        elif tag in _BLOCK and self.cell is None:
            self.out.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.heading:
            self.out.append(" ".join(data.split()))
        else:
            self.out.append(data.replace("\r", "").replace("\n", " ") if data.strip() else "")


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:
        raise IntakeError(f"cannot parse the HTML page ({type(exc).__name__})") from exc
    lines = [ln.strip() for ln in "".join(parser.out).split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip() + "\n" if any(out) else ""
