"""Region mentions: the fixed region words and the document's own places scanned
apart must give what one alternation of all of them gives (leftmost, longest first)
(issue 15, owner-scan speed)."""

import random
import re

from luoshi.core.intake import owners as own


def _one_alternation(text, extra):
    words = sorted(set(own._REGION_WORDS + [e for e in extra if e]), key=len, reverse=True)
    rx = re.compile("|".join(re.escape(w) for w in words))
    return [
        (m.start(), m.end(), m.group(0))
        for m in rx.finditer(text)
        if not own._in_event_name(text, m.start(), m.end())
    ]


def test_a_place_longer_than_a_region_word_at_the_same_position_wins():
    # 全市 is a fixed word; 全市北区 a place of this invented document
    text = "全市北区今年新建学校20所,全市完成投资3亿元。"
    found = own.find_regions(text, ["全市北区"])
    assert found[0] == (0, 4, "全市北区")
    assert found[1][2] == "全市"


def test_a_place_that_starts_inside_a_region_word_is_not_found_there():
    # 江平县 (a place of this invented document) starts inside the fixed word 浙江
    text = "浙江平县新建学校20所。"
    assert own.find_regions(text, ["江平县"]) == [(0, 2, "浙江")]
    assert own.find_regions("在江平县新建学校", ["江平县"]) == [(1, 4, "江平县")]


def test_the_scan_matches_one_alternation_on_random_text():
    rng = random.Random(15)
    alphabet = list("全市北区江浙平县省东西南") + ["上海", "我市", "内蒙古", "中国", "湖南"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        extra = [
            "".join(rng.choice("全市北区江平县东西") for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(0, 4))
        ]
        assert own.find_regions(text, extra) == _one_alternation(text, extra), (text, extra)
