"""The shortcuts taken for speed give the answers of the slow paths they replace (issue 15)."""

import random
import re
import sys

from luoshi.core.intake import extract
from luoshi.core.intake.classify import clause_bounds
from luoshi.core.intake.numbers_scan import _clause_start
from luoshi.core.intake.owner_choice import Lookups

# the module, not the function that luoshi.core.intake exports under the same name
_extract_module = sys.modules["luoshi.core.intake.extract"]

_MARKS = "。！？!?；;,，:：\n|"


def _texts(n: int = 200) -> list[str]:
    """Invented strings of digits, letters, Chinese characters and every clause mark."""
    rng = random.Random(15)
    alphabet = "12,3.4万亿全市增长" + _MARKS
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_a_clause_found_by_bisection_is_the_clause_bounds_scan_finds():
    for text in _texts():
        for lo in range(0, len(text) + 1, 3):
            hi = len(text) - (len(text) - lo) // 4
            look = Lookups(text, (lo, hi))
            for pos in range(lo, hi + 1):
                assert look.clause(pos, (lo, hi)) == clause_bounds(text, pos, lo, hi), (text, pos)


def _clause_start_by_scan(text: str, pos: int, lo: int) -> int:
    i = pos - 1
    floor = max(lo, pos - 60)
    while i >= floor:
        if text[i] in _MARKS:
            return i + 1
        i -= 1
    return floor


def test_a_clause_start_found_by_regex_is_the_one_a_scan_back_finds():
    long_text = "增长" * 40 + "，" + "全市" * 40
    for text in [*_texts(), long_text]:
        for lo in range(0, len(text) + 1, 5):
            for pos in range(lo, len(text) + 1):
                assert _clause_start(text, pos, lo) == _clause_start_by_scan(text, pos, lo)


def test_a_paragraph_without_items_passes_on_the_past_year_it_speaks_of():
    # the first paragraph has no figure: only its frame is read, and the next continues it
    text = "2025年，全市经济稳中有进，发展质量稳步提升。\n全年地区生产总值增长5.1%。"
    items = extract(text, year=2026).items
    assert [(it["kind"], it["period"], it["why"]["kind"]) for it in items] == [
        ("statistic", "2025", "kind.review_continues")
    ]
    # without a past year before it, the same sentence sets this year's goal
    text = "全市经济稳中有进，发展质量稳步提升。\n全年地区生产总值增长5.1%。"
    items = extract(text, year=2026).items
    assert [(it["kind"], it["period"]) for it in items] == [("target", "2026")]


def test_printed_places_counts_what_a_look_up_at_every_character_counts(monkeypatch):
    from luoshi.core.intake import owners

    stems = sorted({p.stem for places in owners.gazetteer().values() for p in places})[:400]
    rng = random.Random(15)
    texts = [
        "".join(
            rng.choice(stems) if rng.random() < 0.3 else rng.choice("市县省、的在推进“”至江苏")
            for _ in range(rng.randint(0, 30))
        )
        for _ in range(200)
    ]
    fast = [owners.printed_places(text) for text in texts]
    # every character a possible start, as printed_places looked before its regex
    monkeypatch.setattr(owners, "_stem_first_chars", lambda: re.compile(".", re.S))
    for text, found in zip(texts, fast, strict=True):
        slow = owners.printed_places(text)
        assert list(found.items()) == list(slow.items()), text


def test_spam_tokens_needs_a_three_character_end_repeated_three_times():
    from luoshi.core.intake.repair import spam_tokens

    spam = "城市建设加快,星空体育。\n3星空体育,道路通车星空体育。农田水利星空体育;学校星空体育,"
    assert spam_tokens(spam) == ["星空体育"]
    # each end of a run printed twice at most: no candidate at all
    assert spam_tokens("城市建设加快,道路通车。城市建设加快,道路通车。") == []


def _scan_texts(alphabet: str, n: int = 400) -> list[str]:
    rng = random.Random(15)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_a_scanning_regex_finds_what_the_plain_one_finds():
    from luoshi.core.intake.fastre import first_characters, scanning

    patterns = [
        r"(?:会议|报告)(?:指出|回顾)[^。]{0,6}?成效|过去一年|[三十]年来",
        r"(?<![省市])([市县])(?:级|重点)项目",
        r"(?:(?:19|20)\d{2}年)?(?:年底|年内)完成",  # may open on a digit or on 年
        r"(?:[(（]\s*|文\s?[/:])([局委办]{1,3})",
        r"(?:到|至)?\s?202\d年",  # may open on a blank: \s is in the class
        r"[^。]{0,3}年",  # may open on anything: no class is read
    ]
    texts = _scan_texts(
        "会议报告指出回顾成效过去一年三十来。市县省级重点项目2019年底内完成(（ 文/:局委办"
    )
    for pattern in patterns:
        plain, fast = re.compile(pattern), scanning(pattern)
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [
                m.span() for m in fast.finditer(text)
            ]
            for lo in range(0, len(text), 7):
                a, b = plain.search(text, lo), fast.search(text, lo)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    # what the look-ahead admits: every first character, and none when one is unknown
    assert set(first_characters(patterns[0]) or "") == set("会报过三十")
    assert first_characters(r"\s?年") == r"\s年"  # a blank or 年: \s kept as a category
    assert first_characters(r"[^。]?年") is None  # anything but 。: no class to read
    assert first_characters(r"[全我本]市") is None  # the engine skips to 全/我/本 itself
    assert scanning(r"[全我本]市").pattern == r"[全我本]市"


def test_a_pattern_with_a_start_set_finds_what_the_plain_one_finds():
    from luoshi.core.intake.fastre import with_start_set

    cases = [
        # named groups, alternatives behind their look-aheads, a look-behind
        (r"(?=[到今2])(?:(?P<to>(?<![增])到(?P<y>20\d\d)年)|(?P<ty>今年)|(?P<n>2\d))", "到今2"),
        (r"(?=[共发])(?:(?<![免绝止])发生[^，]{0,3}事故|共计)", "共发"),
        (r"(?=[a])(?:a|ab)", "a"),  # one character: a literal, compiled as written
        (r"(?=[年])(?:年?)", "年"),  # may match empty: compiled as written
    ]
    texts = _scan_texts("到今2025年增免发生事故共计，ab年 ")
    for pattern, first in cases:
        plain, fast = re.compile(pattern), with_start_set(pattern, first)
        assert fast.pattern == pattern and fast.groupindex == plain.groupindex
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == [
                (m.span(), m.groupdict()) for m in fast.finditer(text)
            ]
            for lo in range(0, len(text), 5):
                for a, b in (
                    (plain.search(text, lo), fast.search(text, lo)),
                    (plain.match(text, lo), fast.match(text, lo)),
                    (plain.search(text, 0, lo), fast.search(text, 0, lo)),
                ):
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_the_time_scan_refuses_no_start_a_time_opens():
    # periods._TIME_SKIP refuses the starts that open none of _TIME_RE's alternatives, read
    # from the alternatives by hand: an alternative added there needs its words here too
    from luoshi.core.intake import periods

    skip_end = len(periods._TIME_START) + len(periods._TIME_SKIP)
    plain = re.compile(periods._TIME_START + periods._TIME_RE.pattern[skip_end:])
    pieces = (
        "2025 2019 1998 20 12 3 0 7 年 月 日 季度 第 一 二 三 四 五 十 〇 ○ 零 上半年 前三季度 前 个"
        " 月份 - — ~ ～ 至 到 累计 今年 去年 上年 全年 计划 目前 截至目前 当前 开年以来 年内 年初"
        " 以来 春节 假期 期间 本年度 本年 度 底 末 二〇二五 占 比 增 较 同 截 亿元 % , 。 半 目标"
        " 开展 全面 上级 当年 本月 春天 今天 去除"
    ).split() + [" ", "\t", "\u3000"]
    rng = random.Random(15)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert [(m.span(), m.lastgroup, m.groups()) for m in plain.finditer(text)] == [
            (m.span(), m.lastgroup, m.groups()) for m in periods._TIME_RE.finditer(text)
        ], text


def test_guarded_alternatives_find_what_the_plain_ones_find():
    from luoshi.core.intake.fastre import guarded

    alternatives = [
        r"(?P<h1>(?P<h1y>20\d{2})?年?上半年)",
        r"(?P<ym>(?P<ymy>20\d{2})\s?年\s?(?P<ymm>\d{1,2})\s?月)",
        r"(?P<ly>(?<![比较])(?:去年|上年))",
        r"(?P<any>[^。]{0,2}底)",  # opens on anything: left as it is
    ]
    plain = re.compile("|".join(alternatives))
    fast = re.compile(guarded(alternatives))
    assert fast.pattern.count("(?=[") == 3
    for text in _scan_texts("2025年上半年去年比较底。 1月"):
        assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == [
            (m.span(), m.groupdict()) for m in fast.finditer(text)
        ]


def test_a_decimal_point_without_spaces_is_left_as_it_is_not_rewritten():
    from luoshi.core.intake import repair

    # the pattern before: a decimal point matched with no space after it too
    before = re.compile(r"\.(?<=\d\.) {0,3}(?=\d)| (?<=\d )(?: {0,2}\. {0,3}(?=\d)| {0,2}(?=%))")

    def dot(m: re.Match) -> str:
        return "." if "." in m.group(0) else ""

    for text in _scan_texts("12. %增长", 3000):
        index = list(range(len(text)))
        assert repair._apply_regex_deletions(
            text, index, before, dot
        ) == repair._apply_regex_deletions(text, index, repair._NUM_SPACE_RE, dot)
    assert repair.repair_lines("增长5.2%, 5. 3 %")[0] == "增长5.2%, 5.3%"


def test_every_cue_set_finds_with_its_look_ahead_what_the_plain_regex_finds():
    from luoshi.core.intake import lexicon as lex

    rng = random.Random(15)
    for name in lex.cue_names():
        entry = lex.data()["cues"][name]
        vetoes = entry.get("vetoes", [])
        alternatives = [lex._word_alternative(w, vetoes) for w in entry.get("words", [])]
        plain = re.compile("|".join(alternatives + list(entry.get("patterns", []))))
        examples = [str(x) for x in (*entry.get("pos", []), *entry.get("neg", []))]
        seen = "".join(examples) + "".join(entry.get("words", []))
        alphabet = "".join(sorted(set(seen))) + "12,。 "
        texts = examples + [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(100)
        ]
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [
                m.span() for m in lex.cue(name).finditer(text)
            ], (name, text)
