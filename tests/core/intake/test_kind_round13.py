"""Kinds, round thirteen: a figure labelled as a task's size is the quota (issue 15).

Each rule has an invented example that it decides and one that it leaves alone.
"""

from luoshi.core.intake import extract


def _kinds(text, year=2021):
    return [(it["value"], it["kind"]) for it in extract(text, year).items]


def test_a_figure_labelled_as_the_tasks_size_is_the_quota_even_in_a_review():
    text = (
        "二、工作完成情况\n按专班划分:\n新型工业化专班项目编制任务数88个,完成编制10个,完成率11%。\n"
    )
    kinds = dict(_kinds(text))
    assert kinds[88.0] == "target"
    assert kinds[10.0] == "statistic"


def test_the_count_of_tasks_done_is_a_result():
    text = "二、工作完成情况\n新型工业化专班完成任务数10个,完成率11%。\n"
    assert dict(_kinds(text))[10.0] == "statistic"


def test_a_tally_by_the_state_against_the_schedule_is_a_result():
    text = (
        "2024年上半年重点项目督查通报\n"
        "2.城乡建设工作指挥部:项目23项,未达序时进度2项为:南山片区老旧小区改造工程。\n"
        "4.新城建设工作指挥部:项目33项,进展缓慢的有3项。\n"
    )
    kinds = dict(_kinds(text, 2024))
    assert kinds[2.0] == kinds[3.0] == "statistic"


def test_a_plan_to_keep_to_the_schedule_is_no_tally():
    text = "2024年重点项目工作要点\n全年确保达到序时进度要求,新开工项目12项。\n"
    assert dict(_kinds(text, 2024))[12.0] == "target"
