"""Chinese and Arabic number parsing with magnitudes (万, 亿, 万亿, 千, 百).

Pure Python, shared by intake and the rest of the app.

    parse_number("1.8万亿") == 1.8e12
    parse_number("四十万") == 4e5
    parse_number("一千") == 1000
    parse_number("19,800") == 19800

cn2an parses plain Chinese numerals ("四十", "一千二百") but fails on mixed
forms such as "1.8万亿", so the magnitude is split off here and cn2an only ever
sees what it can parse. A small fallback parser covers the rare cases where
cn2an raises.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

try:  # cn2an is a declared dependency; the fallback keeps this module importable without it
    import cn2an as _cn2an
except ImportError:  # pragma: no cover
    _cn2an = None

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
#: characters that may appear inside a Chinese numeral
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "万亿"

_ARABIC_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d*\.\d+$")
_MAX_LEN = 40


def _parse_arabic(s: str) -> float | None:
    if not _ARABIC_RE.match(s):
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _fallback_cn_small(s: str) -> float | None:
    """Parse a Chinese numeral below 10000 ("一千二百三十四", "十二", "三")."""
    total = 0
    current = None
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if current is None else current) * CN_SMALL_UNITS[ch]
            current = None
        else:
            return None
    if current is not None:
        total += current
    return float(total)


def _parse_cn_small(s: str) -> float | None:
    if not s:
        return None
    if any(ch not in CN_DIGITS and ch not in CN_SMALL_UNITS for ch in s):
        return None
    # "一九九八" style digit strings
    if len(s) > 1 and all(ch in CN_DIGITS for ch in s):
        return float("".join(str(CN_DIGITS[ch]) for ch in s))
    if _cn2an is not None:
        try:
            value = _cn2an.cn2an(s, "smart")
            return float(value)
        except Exception:  # noqa: S110 - cn2an raises many error types on odd input; fall back below
            pass
    return _fallback_cn_small(s)


def _parse_simple(s: str) -> float | None:
    """A number with no 万/亿 inside: Arabic, Chinese, or Arabic followed by 千/百."""
    if not s:
        return None
    value = _parse_arabic(s)
    if value is not None:
        return value
    # "3千", "1.5千"
    if s[-1] in "千百" and len(s) > 1:
        head = _parse_arabic(s[:-1])
        if head is not None:
            return head * MAGNITUDES[s[-1]]
    return _parse_cn_small(s)


def parse_number(text: str) -> float | None:
    """Parse a number written with Arabic digits, Chinese numerals and magnitudes.

    Returns None for anything that is not a complete number (including a bare
    magnitude such as "万", which damaged text leaves behind when digits are lost).
    """
    if not text:
        return None
    s = text.strip().replace(" ", "")
    if not s or len(s) > _MAX_LEN:
        return None
    return _parse_short(s)


@lru_cache(maxsize=4096)  # pure, on short strings; documents repeat figures (years, counts)
def _parse_short(s: str) -> float | None:
    try:
        value = _parse_with_magnitudes(s)
    except (ValueError, OverflowError, RecursionError):
        return None
    if value is None or math.isnan(value) or math.isinf(value):
        return None
    # 285.6 * 1e8 is 28560000000.000004 in binary floating point; documents have few digits
    return float(f"{value:.12g}")


def _parse_with_magnitudes(s: str) -> float | None:
    # 亿 splits first (三亿五千万 = 三 * 1e8 + 五千万), then 万.
    for mark, factor in (("亿", 1e8), ("万", 1e4)):
        idx = s.find(mark)
        if idx < 0:
            continue
        head, tail = s[:idx], s[idx + 1 :]
        if not head:
            return None  # a bare 万 / 亿 has lost its digits
        # 万亿: "1.8万亿" -> head "1.8", next char 亿
        if mark == "万" and tail.startswith("亿"):
            factor, tail = 1e12, tail[1:]
        head_value = _parse_with_magnitudes(head)
        if head_value is None:
            return None
        if not tail:
            return head_value * factor
        tail_value = _parse_with_magnitudes(tail)
        if tail_value is None:
            return None
        if tail_value >= factor:
            return None
        return head_value * factor + tail_value
    return _parse_simple(s)


def format_value(value: float | None) -> str:
    """A compact human rendering ("1.8万亿", "19800") for tables."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}"
