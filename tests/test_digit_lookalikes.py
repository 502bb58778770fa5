"""Ids read from requests: "²" is a digit to str.isdigit() but no number to int()."""

import pytest

from luoshi.formtools import as_id

LOOKALIKES = ["²", "٣", "１", "9" * 5000, "-1", " 1", ""]


def test_as_id_takes_ascii_digits_within_64_bits_only():
    assert as_id("42") == 42
    assert as_id("9" * 18) == int("9" * 18)
    for text in [*LOOKALIKES, "9" * 19]:
        assert as_id(text) is None, text


@pytest.mark.parametrize("text", LOOKALIKES)
def test_pages_answer_a_lookalike_id_without_a_500(city, text):
    supervisor = city.client("supervisor")
    assert supervisor.get("/units/new/", {"parent": text}).status_code == 200
    reporter = city.client("commerce-reporter")
    assert reporter.get("/excel/workbook/export/", {"unit": text}).status_code < 500
    answer = reporter.post("/excel/workbook/submit/", {"report": [text]})
    assert answer.status_code == 302
