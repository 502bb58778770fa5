"""Numbers as people write them: one rule for every page, status reason and export.

Pure Python and light to import (the status engine and the CLI load it), so it
lives apart from core.numbers, which parses numbers and pulls in cn2an.
"""

from __future__ import annotations

#: a unit that already names a magnitude ("万元", "亿元", "千瓦") is never folded again
_MAGNITUDE_UNIT_PREFIXES = ("万", "亿", "千", "百")


def format_number(value: float, digits: int = 2, *, lang: str = "en", unit: str = "") -> str:
    """A number as people write it, the one rule for pages, status reasons and exports.

    Thousands are grouped with commas (12,000 and 9,500 alike), at most `digits`
    decimals are kept and trailing zeros dropped (3.5, never 3.500000). In Chinese,
    amounts of a hundred million and more read in 亿 / 万亿 (4.2e10 元 → 420亿),
    unless `unit` already carries a magnitude (a value in 万元 stays as it is).

        format_number(12000) == "12,000"
        format_number(3.5) == "3.5"
        format_number(4.2e10, lang="zh", unit="元") == "420亿"
    """
    number = float(value)
    suffix = ""
    if lang.startswith("zh") and not unit.startswith(_MAGNITUDE_UNIT_PREFIXES):
        if abs(number) >= 1e12:
            number, suffix = number / 1e12, "万亿"
        elif abs(number) >= 1e8:
            number, suffix = number / 1e8, "亿"
    text = f"{number:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-") == "0":
        text = "0"  # -0.001 rounds to "-0", which nobody writes
    return text + suffix
