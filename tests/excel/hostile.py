"""Hostile variants of real Office files, made by rewriting their XML inside the zip.

Each function takes the bytes of a real file (an exported 一表通 workbook, a
ledger workbook, a .docx) and returns a small damaged or inflated copy, as an
attacker would make it with a zip tool and a text editor. The fuzz tests and
bench/hostile_uploads.py start from these.
"""

from __future__ import annotations

import io
import re
import zipfile

SHEET1 = "xl/worksheets/sheet1.xml"
SHARED = "xl/sharedStrings.xml"


def members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def pack(files: dict[str, bytes], level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def rewrite(content: bytes, member: str, change) -> bytes:
    """`content` with `member` replaced by change(old bytes)."""
    files = members(content)
    files[member] = change(files[member])
    return pack(files)


def with_dimension(
    content: bytes, ref: str = "A1:XFD1048576", empty_rows: int = 20000, member: str = SHEET1
) -> bytes:
    """The sheet declares `ref` as its used range, and ends with `empty_rows` empty row
    elements (as a sheet with formatted rows has): openpyxl's read-only mode pads each
    row to the declared width, 16,384 cells. 20,000 such rows zip to a few KB."""

    def change(xml: bytes) -> bytes:
        tag = f'<dimension ref="{ref}"/>'.encode()
        if b"<dimension" in xml:
            xml = re.sub(rb"<dimension [^>]*/>", tag, xml, count=1)
        else:
            xml = xml.replace(b"<sheetData", tag + b"<sheetData", 1)
        last = max((int(n) for n in re.findall(rb'<row r="(\d+)"', xml)), default=0)
        rows = b"".join(b'<row r="%d"/>' % n for n in range(last + 1, last + 1 + empty_rows))
        return xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)

    return rewrite(content, member, change)


def with_cell(content: bytes, ref: str, cell_xml: str, member: str = SHEET1) -> bytes:
    """The cell `ref` (e.g. "J3") replaced by `cell_xml`, or added at the end of its row."""

    def change(xml: bytes) -> bytes:
        new = cell_xml.encode()
        pattern = rb'<c r="' + ref.encode() + rb'"(?:[^>]*/>|[^>]*>.*?</c>)'
        if re.search(pattern, xml):
            return re.sub(pattern, lambda _m: new, xml, count=1)
        row = re.sub(r"\D", "", ref)
        row_pattern = rb'(<row r="' + row.encode() + rb'"[^>]*>)(.*?)(</row>)'
        if re.search(row_pattern, xml, flags=re.S):
            return re.sub(row_pattern, lambda m: m[1] + m[2] + new + m[3], xml, count=1, flags=re.S)
        return xml.replace(
            b"</sheetData>", b'<row r="' + row.encode() + b'">' + new + b"</row></sheetData>"
        )

    return rewrite(content, member, change)


def number_cell(ref: str, text: str) -> str:
    """A cell marked as a number holding `text` (1e999, NaN, abc…)."""
    return f'<c r="{ref}" t="n"><v>{text}</v></c>'


def shared_string_cell(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def inline_text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def truncated(content: bytes, member: str = SHEET1, keep: float = 0.6) -> bytes:
    """`member` cut short, as a half-written file would be."""
    return rewrite(content, member, lambda xml: xml[: int(len(xml) * keep)])


def inflated(content: bytes, member: str = SHEET1, megabytes: int = 50) -> bytes:
    """`member` padded with `megabytes` of spaces after its root: valid XML that compresses
    about a thousand times (a zip bomb of the Office kind)."""
    return rewrite(content, member, lambda xml: xml + b" " * (megabytes * 1024 * 1024))


def many_members(content: bytes, count: int = 2000) -> bytes:
    files = members(content)
    for index in range(count):
        files[f"customXml/item{index}.xml"] = b"<a/>"
    return pack(files)


SST = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def with_shared_strings(content: bytes, strings: list[str], raw: bytes | None = None) -> bytes:
    """The workbook with a shared-strings part, as Excel writes one (openpyxl writes text
    inline): `strings`, or the bytes `raw` as the part."""
    files = members(content)
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    files[SHARED] = (
        raw
        if raw is not None
        else (
            f'<sst xmlns="{SST}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
        ).encode()
    )
    rels = "xl/_rels/workbook.xml.rels"
    files[rels] = files[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    types = "[Content_Types].xml"
    files[types] = files[types].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return pack(files)
