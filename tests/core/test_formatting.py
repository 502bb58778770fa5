"""Numbers as people write them (core.formatting): the rule every page, reason and export uses."""

import pytest

from luoshi.core.formatting import format_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12000, "12,000"),
        (9500, "9,500"),
        (3.5, "3.5"),
        (3.500000, "3.5"),
        (18.0, "18"),
        (1234567.891, "1,234,567.89"),
        (0.005, "0.01"),
        (-1234.5, "-1,234.5"),
        (-0.001, "0"),
        (0, "0"),
    ],
)
def test_thousands_are_grouped_and_trailing_zeros_dropped(value, text):
    assert format_number(value) == text


def test_digits_bounds_the_decimals():
    assert format_number(20.054945, 1) == "20.1"
    assert format_number(2 / 3, 4) == "0.6667"


def test_chinese_reads_large_amounts_in_yi_unless_the_unit_names_a_magnitude():
    assert format_number(4.2e10, lang="zh", unit="元") == "420亿"
    assert format_number(1.8e12, lang="zh") == "1.8万亿"
    assert format_number(95_000_000, lang="zh") == "95,000,000"
    assert format_number(5e8, lang="zh", unit="万元") == "500,000,000"
    assert format_number(4.2e10, lang="en", unit="元") == "42,000,000,000"
