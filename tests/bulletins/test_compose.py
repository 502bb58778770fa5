"""compose.py writes the bulletin's sentences from numbers alone (no database)."""

from datetime import date

from luoshi.bulletins.compose import (
    behind,
    changes,
    chinese_date,
    chinese_numeral,
    default_office,
    missing,
    overview,
    ranking,
)


def figures(**overrides):
    base = {
        "at": "2025-06-30",
        "plan_title": "2025年重点工作计划",
        "total": 10,
        "by_state": {
            "done": 1,
            "on_track": 4,
            "lagging": 2,
            "behind": 2,
            "overdue": 0,
            "not_started": 1,
        },
        "missing": 3,
        "awaiting": 1,
        "previous": None,
    }
    return base | overrides


def test_dates_are_written_in_arabic_numerals_without_leading_zeros():
    assert chinese_date(date(2025, 6, 3)) == "2025年6月3日"


def test_second_level_markers_count_in_chinese():
    assert [chinese_numeral(n) for n in (1, 9, 10, 11, 20, 42, 99)] == [
        "一", "九", "十", "十一", "二十", "四十二", "九十九",
    ]  # fmt: skip


def test_the_office_mark_does_not_double_the_government():
    assert default_office("青禾市") == "青禾市人民政府督查室"
    assert default_office("青禾市人民政府") == "青禾市人民政府督查室"


def test_the_overview_gives_every_count_and_says_when_it_is_the_first_issue():
    text = overview(figures())
    assert "截至2025年6月30日，《2025年重点工作计划》纳入督查的目标共10项" in text
    assert "已完成1项，序时推进4项，进度偏慢2项，进度滞后2项，逾期未完成0项，尚未开始1项" in text
    assert "应报未报（缺报）3项" in text and "已报送待审核1项" in text
    assert "已完成和序时推进的目标占50%" in text
    assert "首期" in text


def test_the_overview_says_what_changed_since_the_previous_bulletin():
    previous = {
        "label": "2025年第8期",
        "at": "2025-05-31",
        "total": 10,
        "by_state": {"done": 0, "on_track": 4, "lagging": 2, "behind": 4, "overdue": 0,
                     "not_started": 0},
        "missing": 3,
    }  # fmt: skip
    now = figures(previous=previous)
    assert changes(now)["behind"] == -2 and changes(now)["done"] == 1
    text = overview(now)
    assert "与上期（2025年第8期，截至2025年5月31日）相比" in text
    assert "已完成增加1项" in text and "进度滞后减少2项" in text and "尚未开始增加1项" in text
    assert "缺报" not in text.split("相比")[1]  # unchanged counts are not mentioned


def test_the_ranking_names_every_unit_of_a_small_plan_in_order():
    units = [
        {"name": "市商务局", "share": 1.0, "good": 2, "total": 2},
        {"name": "市住建局", "share": 0.5, "good": 1, "total": 2},
    ]
    assert ranking(units) == (
        "按各责任单位已完成和序时推进目标所占比例排序，依次为："
        "市商务局（100%，2/2项）、市住建局（50%，1/2项）（详见附件1）。"
    )


def test_the_ranking_of_many_units_names_the_first_and_last_three():
    units = [
        {"name": f"单位{i}", "share": 1 - i / 10, "good": 10 - i, "total": 10} for i in range(8)
    ]
    text = ranking(units)
    assert "单位0（100%，10/10项）、单位1（90%，9/10项）、单位2（80%，8/10项）位列前三" in text
    assert "单位5（50%，5/10项）、单位6（40%，4/10项）、单位7（30%，3/10项）位列后三" in text


def test_the_behind_list_gives_each_targets_reason_under_its_unit():
    lines = [
        {"unit_name": "市商务局", "name": "签约项目", "state": "behind",
         "reason": "按序时进度应完成25个，实际18个，完成72%"},
        {"unit_name": "市商务局", "name": "出口", "state": "overdue", "reason": ""},
        {"unit_name": "市住建局", "name": "隐患", "state": "behind", "reason": "尚有1项未清零。"},
    ]  # fmt: skip
    assert behind(lines).splitlines() == [
        "进度滞后和逾期未完成的目标共3项（详见附件2）。",
        "（一）市商务局。共2项。",
        "1．签约项目：按序时进度应完成25个，实际18个，完成72%。",
        "2．出口：逾期未完成。",
        "（二）市住建局。共1项。",
        "1．隐患：尚有1项未清零。",
    ]
    assert behind([]) == "本期没有进度滞后或逾期未完成的目标。"


def test_the_missing_list_groups_targets_by_unit():
    lines = [
        {"unit_name": "市商务局", "name": "签约项目"},
        {"unit_name": "市商务局", "name": "落地项目"},
        {"unit_name": "市住建局", "name": "销售面积"},
    ]
    assert missing(lines) == (
        "截至通报日，应报未报的目标共3项，涉及2个单位：市商务局（签约项目、落地项目）；"
        "市住建局（销售面积）（详见附件3）。"
    )
    assert missing([]) == "本期各责任单位均已按时报送。"
