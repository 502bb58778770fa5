"""Fuzzing the upload readers with mutated real files (Hypothesis).

Each example starts from a real file — an exported and filled 一表通 workbook, a
ledger import workbook, a .docx plan — and mutates it as an attacker or a broken
program would: the declared dimension, a cell's type and text, shared strings,
XML cut short or with a byte changed, a part inflated, the zip's own bytes. The
reader must either read the file or refuse it with the exception the pages and
the API turn into a 4xx (Refused for workbooks, IntakeError for documents, with a
message), within a bounded amount of memory; nothing is written.

The number of examples is small for `make test` (some ten seconds of CPU); run the long
version with LUOSHI_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/excel/test_fuzz_readers.py.
"""

import io
import os
import tracemalloc
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.core.intake import IntakeError, read_document
from luoshi.excel import workbook as yibiaotong
from luoshi.excel.ledger_import import import_file
from luoshi.excel.reader import Refused
from luoshi.ledgers.models import Hazard
from luoshi.reporting.models import Report
from tests.excel import hostile
from tests.excel.helpers import HAZARD_HEADERS, hazard_row, ledger_book, save
from tests.plans.test_hostile_documents import real_docx

EXAMPLES = int(os.environ.get("LUOSHI_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # time is bounded by the readers' caps; the suite asserts no times
    derandomize=EXAMPLES <= 100,  # the same examples in every `make test`
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What one read may allocate at its peak: the files are tens of KB, a part inflated to a
# few MB is refused unread, and reading keeps no more than a row at a time.
MEMORY_LIMIT = 64 * 1024 * 1024

CELL_TYPES = ["n", "s", "b", "d", "e", "str", "inlineStr", "x", ""]
NASTY = ["1e999", "-1E400", "NaN", "inf", "-0", "9" * 400, "-1", "99999", "", "1.5e308", "0x1F"]
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.integers(-(10**6), 10**6).map(str),
    st.text(alphabet="0123456789eE.+-abcNI零一", max_size=24),
)


def cell_xml(ref: str, kind: str, text: str) -> str:
    value = escape(text)
    if kind == "inlineStr":
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    kind_attr = f' t="{kind}"' if kind else ""
    return f'<c r="{ref}"{kind_attr}><v>{value}</v></c>'


SHEET_WAYS = ["dimension", "cell", "shared", "row"]
ZIP_WAYS = ["truncate", "byte", "inflate"]


@st.composite
def mutated(draw, content: bytes, cells: list[str], ways=SHEET_WAYS + ZIP_WAYS):
    """`content` changed in one to three ways."""
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(ways))
        parts = sorted(hostile.members(content))
        if how == "dimension":
            ref = draw(st.sampled_from(["A1:XFD1048576", "A1:L3", "B2:A1", "A0:ZZZZ9", "XFD1"]))
            content = hostile.with_dimension(content, ref, draw(st.integers(0, 2000)))
        elif how == "cell":
            ref = draw(st.sampled_from(cells))
            content = hostile.with_cell(
                content, ref, cell_xml(ref, draw(st.sampled_from(CELL_TYPES)), draw(TEXT))
            )
        elif how == "shared":
            strings = draw(st.lists(st.text(max_size=8).map(escape), max_size=3))
            content = hostile.with_shared_strings(content, strings)
            ref = draw(st.sampled_from(cells))
            index = draw(st.integers(-2, 5))
            content = hostile.with_cell(content, ref, hostile.shared_string_cell(ref, index))
        elif how == "truncate":
            member = draw(st.sampled_from(parts))
            content = hostile.truncated(content, member, draw(st.floats(0, 1)))
        elif how == "byte":
            member = draw(st.sampled_from(parts))

            at, byte = draw(st.floats(0, 1)), draw(st.integers(0, 255))

            def flip(xml, at=at, byte=byte):
                if not xml:
                    return xml
                index = min(int(len(xml) * at), len(xml) - 1)
                return xml[:index] + bytes([byte]) + xml[index + 1 :]

            content = hostile.rewrite(content, member, flip)
        elif how == "inflate":
            member = draw(st.sampled_from(parts))
            content = hostile.rewrite(content, member, lambda xml: xml + b" " * (2 * 1024 * 1024))
        elif how == "row":
            row = draw(st.sampled_from([4, 70000, 1048576, 1048577, 0, -3]))
            content = hostile.with_cell(content, f"B{row}", cell_xml(f"B{row}", "n", "1"))
    if draw(st.booleans()):  # last, since the zip may no longer open: a byte of the file itself
        at, byte = draw(st.integers(0, len(content) - 1)), draw(st.integers(0, 255))
        content = content[:at] + bytes([byte]) + content[at + 1 :]
    return content


def bounded(read):
    """Run `read()`; the outcome ("read" or the refusal's message), within the memory limit."""
    tracemalloc.start()
    try:
        try:
            read()
            outcome = "read"
        except Refused as refused:
            assert refused.problems and all(str(p) for p in refused.problems)
            outcome = str(refused.problems[0])
        except IntakeError as error:
            assert error.message
            outcome = error.message
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, (outcome, peak)
    return outcome


@pytest.fixture
def c(plan_city, settings):
    settings.LANGUAGE_CODE = "en"
    return plan_city


def test_the_workbook_upload_reads_or_refuses_every_mutation(c):
    book = yibiaotong.export_workbook(c.commerce, yibiaotong.parse_period("2025-06"))
    sheet = book[yibiaotong.SHEET]
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.VALUE_COL + 1).value = 20
    sheet.cell(yibiaotong.FIRST_ROW, yibiaotong.NARRATIVE_COL + 1).value = "进展顺利"
    real = save(book)
    period = yibiaotong.parse_period("2025-06")
    row = yibiaotong.FIRST_ROW
    cells = [f"{col}{row}" for col in "AJKL"] + ["A1", "J2", "B2"]

    @FUZZ
    @given(mutated(real, cells))
    def check(content):
        bounded(
            lambda: yibiaotong.read_upload(
                io.BytesIO(content), c.commerce, period, c.commerce_reporter
            )
        )
        assert Report.objects.count() == 0  # reading writes nothing

    check()


def test_the_ledger_import_reads_or_refuses_every_mutation(c):
    real = ledger_book([hazard_row(), hazard_row(隐患地点="二号楼")], HAZARD_HEADERS)
    cells = ["A1", "B1", "B2", "G2", "I2", "N2", "N3", "O3", "L3"]

    @FUZZ
    @given(mutated(real, cells))
    def check(content):
        bounded(lambda: import_file("hazards", io.BytesIO(content), c.supervisor, commit=False))
        assert Hazard.objects.count() == 0

    check()


def test_the_document_reader_reads_or_refuses_every_mutation(tmp_path):
    real = real_docx()
    path = tmp_path / "plan.docx"

    @FUZZ
    @given(mutated(real, [], ZIP_WAYS))
    def check(content):
        path.write_bytes(content)
        bounded(lambda: read_document(str(path)))

    check()
