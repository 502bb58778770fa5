"""Frames of results and goals in invented texts (issue 15): a section heading that a
line break left after a sentence, results quoted in a 督查 report, a sentence of results."""

from luoshi.core.intake import extract


def _kinds(text, year=2026):
    return [(it["kind"], it["value"]) for it in extract(text, year=year).items]


def test_a_review_heading_after_an_unfinished_line_still_opens_its_section():
    text = (
        "市长某某向大会作政府工作报告。要点速读↓\n2025年工作回顾\n"
        "地区生产总值增长5%。\n粮食产量达到32万吨。\n"
        "2026年主要预期目标\n地区生产总值增长5%左右。\n粮食产量32万吨左右。\n"
    )
    assert _kinds(text) == [
        ("statistic", 5.0),
        ("statistic", 320000.0),
        ("target", 5.0),
        ("target", 320000.0),
    ]


def test_a_task_quoted_at_the_head_of_a_progress_item_is_a_target():
    text = (
        "2026年上半年重点工作推进情况的通报\n一、工作进展\n"
        "1.引进投资10亿元以上项目不少于10个;新开工亿元以上产业项目100个。"
        "上半年,引进10亿元以上项目7个,新开工亿元以上产业项目62个。\n"
    )
    assert _kinds(text) == [
        ("target", 10.0),
        ("target", 100.0),
        ("statistic", 7.0),
        ("statistic", 62.0),
    ]


def test_a_figure_after_a_result_in_its_sentence_is_a_result():
    text = (
        "2026年安全生产工作要点\n全年共发生事故120起、死亡35人,同比分别下降11%、7.6%。\n"
        "2026年,事故起数下降5%。\n"
    )
    assert [k for k, _ in _kinds(text)] == ["statistic"] * 4 + ["target"]


def test_a_notice_of_control_targets_gives_caps_and_a_result_beside_a_quota_is_a_result():
    notice = (
        "关于下达2026年安全生产控制指标的通知\n"
        "1.工矿商贸行业领域事故死亡人数31人以下。\n2.煤矿事故死亡人数1人以下。\n"
    )
    assert [(it["kind"], it["comparator"], it["value"]) for it in extract(notice).items] == [
        ("target", "<=", 31.0),
        ("target", "<=", 1.0),
    ]
    progress = "上半年,省政府下达道路交通事故死亡人数控制指标32人、实际死亡10人。\n"
    assert _kinds(progress, 2026) == [("target", 32.0), ("statistic", 10.0)]
