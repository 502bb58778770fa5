"""No input makes extract raise, and adversarial megabytes stay linear."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.core.intake import extract
from luoshi.core.intake.extract import ITEM_KEYS, OPTIONAL_KEYS
from luoshi.core.numbers import parse_number

# characters that exercise every rule: digits, magnitudes, units, hedges,
# brackets, range marks, full-width forms, pinyin, table pipes, headings
ALPHABET = (
    "0123456789.,%-—~万亿千百十一二三四五六七八九两零〇上近约超余多以上下内左右不少于低过达到"
    "个人元亩吨台套项场处座户家成倍百分点年月日前底季度全今去将力争确保计划目标同比增长累计已"
    "清零杜绝日产日清减降变有提高市县区局委办牵头负责由据介绍召开()（）【】《》“”、，。；：!?"
    "|#\n \t\u3000０１２３﹒．％－規劃經濟(guī)"
)


def check(result, text):
    assert isinstance(result.text, str)
    for item in result.items:
        assert set(item) - set(OPTIONAL_KEYS) == set(ITEM_KEYS)
        assert 0 <= item["start"] <= item["end"] <= len(result.text)
        assert result.text[item["start"] : item["end"]] == item["snippet"]
        assert item["kind"] in ("target", "statistic")
        assert item["comparator"] in (">=", ">", "=", "~", "<=", "<", "none")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400), st.one_of(st.none(), st.integers(1900, 2100)))
def test_extract_never_raises_on_plan_like_noise(text, year):
    check(extract(text, year=year), text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_extract_never_raises_on_any_unicode(text):
    check(extract(text), text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,万亿千百十一二三两零上余多", max_size=60))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or value == value  # not NaN


def megabyte(unit: str) -> str:
    return (unit * (1_000_000 // len(unit) + 1))[:1_000_000]


def test_adversarial_megabytes_finish():
    rng = random.Random(4)
    cases = {
        "digits": megabyte("1234567890"),
        "wan": megabyte("万"),
        "wan_digits": megabyte("5万"),
        "brackets": "(" * 500_000 + ")" * 500_000,
        "nested": megabyte("（【《“"),
        "figures": megabyte("增长5%以上,"),
        "dates": megabyte("2025年1月2日、"),
        "pipes": megabyte("a |\n"),
        "noise": "".join(rng.choice(ALPHABET) for _ in range(1_000_000)),
    }
    for name, text in cases.items():
        result = extract(text)
        assert len(result.text) <= len(text), name
        if name in ("digits", "wan", "brackets", "nested", "pipes"):
            assert result.items == [], name
    # digit-less 万 never becomes 10000
    assert extract(megabyte("改造管线万户,")).items == []
