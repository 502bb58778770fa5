"""Decide, then explain: each reason code the engine emits, written in Chinese and English.

EXAMPLES holds one target per code that makes the engine (core.status) emit that code,
with the sentences core.explain writes for it. The tests check that every code has a
renderer in both languages, that every code the engine's source names has an example
here, and that each example gives its code and its sentences.
"""

import ast
from datetime import date
from pathlib import Path

import pytest

from luoshi.core import explain, status
from luoshi.core.explain import EN, ZH, render
from luoshi.core.targets import Code, Milestone, Reading, Reason, State, Target

Y = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}
SET_UP = date(2025, 3, 31), date(2025, 3, 20)  # a milestone due, and done before it

# code: (target, date of evaluation, state, Chinese, English)
EXAMPLES = {
    Code.CUMULATIVE_NONE: (
        Target("t", "cumulative", value=50, unit="个", **Y),
        date(2025, 6, 30),
        State.NOT_STARTED,
        "尚无填报，按序时进度应完成24.8个",
        "No report yet; 24.8个 expected by schedule",
    ),
    Code.CUMULATIVE_NONE_ENDED: (
        Target("t", "cumulative", value=50, unit="个", **Y),
        date(2026, 1, 10),
        State.NOT_STARTED,
        "期末目标50个，尚无填报",
        "Period ended: target 50个, nothing reported",
    ),
    Code.CUMULATIVE_PROGRESS: (
        Target(
            "t", "cumulative", value=50, unit="个", readings=(Reading(date(2025, 5, 31), 21),), **Y
        ),
        date(2025, 6, 10),
        State.ON_TRACK,
        "按序时进度应完成20.7个，实际21个，完成101.5%",
        "Expected 20.7个 by schedule, actual 21个, 101.5% done",
    ),
    Code.CUMULATIVE_MET: (
        Target(
            "t", "cumulative", value=50, unit="个", readings=(Reading(date(2025, 9, 30), 52),), **Y
        ),
        date(2025, 10, 1),
        State.DONE,
        "已完成目标50个，实际52个",
        "Target of 50个 met: 52个",
    ),
    Code.CUMULATIVE_SHORT_ENDED: (
        Target("t", "cumulative", value=50, unit="个", readings=(Reading(Y["end"], 40),), **Y),
        date(2026, 1, 10),
        State.OVERDUE,
        "期末未完成目标50个，实际40个，完成80%",
        "Period ended short of 50个: 40个, 80% done",
    ),
    Code.CAP_NONE: (
        Target("t", "cumulative", comparator="<=", value=120, unit="万吨", **Y),
        date(2025, 3, 31),
        State.NOT_STARTED,
        "尚无填报，按序时进度应控制在29.6万吨以内",
        "No report yet; 29.6万吨 expected by schedule",
    ),
    Code.CAP_PROGRESS: (
        Target(
            "t",
            "cumulative",
            comparator="<=",
            value=120,
            unit="万吨",
            readings=(Reading(date(2025, 6, 30), 55),),
            **Y,
        ),
        date(2025, 7, 1),
        State.ON_TRACK,
        "按序时进度应控制在59.5万吨以内，实际55万吨，为序时控制量的92.4%",
        "At most 59.5万吨 by schedule, actual 55万吨, 92.4% of the allowance",
    ),
    Code.CAP_WITHIN_ENDED: (
        Target(
            "t",
            "cumulative",
            comparator="<=",
            value=120,
            unit="万吨",
            readings=(Reading(Y["end"], 110),),
            **Y,
        ),
        date(2026, 1, 2),
        State.DONE,
        "期末实际110万吨，控制在目标120万吨以内",
        "Period ended at 110万吨, within the cap of 120万吨",
    ),
    Code.CAP_OVER_ENDED: (
        Target(
            "t",
            "cumulative",
            comparator="<=",
            value=120,
            unit="万吨",
            readings=(Reading(Y["end"], 130),),
            **Y,
        ),
        date(2026, 1, 2),
        State.OVERDUE,
        "期末实际130万吨，超出控制目标120万吨",
        "Period ended at 130万吨, over the cap of 120万吨",
    ),
    Code.RATE_NONE: (
        Target("t", "growth", comparator="~", value=6.5, **Y),
        date(2025, 3, 1),
        State.NOT_STARTED,
        "尚无填报，目标增长达到6.5%",
        "No report yet; target growth about 6.5%",
    ),
    Code.RATE_MET: (
        Target("t", "growth", value=6.5, readings=(Reading(date(2025, 6, 30), 6.8),), **Y),
        date(2025, 7, 1),
        State.ON_TRACK,
        "目标增长不低于6.5%，实际增长6.8%，已达标",
        "Target growth at least 6.5%, actual 6.8%, met",
    ),
    Code.RATE_GAP: (
        Target("t", "growth", value=6.5, readings=(Reading(date(2025, 6, 30), 5.8),), **Y),
        date(2025, 7, 1),
        State.LAGGING,
        "目标增长不低于6.5%，实际增长5.8%，差0.7个百分点（在容差内）",
        "Target growth at least 6.5%, actual 5.8%, 0.7 pp short (within tolerance)",
    ),
    Code.RATE_NOT_MET: (
        Target(
            "t",
            "level",
            comparator=">",
            value=90,
            unit="%",
            readings=(Reading(date(2025, 6, 30), 90),),
            **Y,
        ),
        date(2025, 7, 1),
        State.LAGGING,
        "目标高于90%，实际90%，未达标",
        "Target above 90%, actual 90%, not met",
    ),
    Code.ZERO_NONE: (
        Target("t", "zero", **Y),
        date(2026, 1, 2),
        State.NOT_STARTED,
        "期末无填报",
        "Period ended with no report",
    ),
    Code.ZERO_CLEARED: (
        Target("t", "zero", readings=(Reading(date(2025, 6, 30), 0, 0),), **Y),
        date(2025, 7, 1),
        State.ON_TRACK,
        "已清零",
        "Cleared: nothing open",
    ),
    Code.ZERO_OPEN: (
        Target("t", "zero", readings=(Reading(date(2025, 6, 30), 5, 2),), **Y),
        date(2025, 7, 1),
        State.BEHIND,
        "尚有5项未清零，其中2项已超期",
        "5 still open, 2 past deadline",
    ),
    Code.FLOOR_NONE: (
        Target("t", "floor", baseline=3000, unit="公顷", **Y),
        date(2025, 3, 1),
        State.NOT_STARTED,
        "尚无填报，基数3,000公顷",
        "No report yet; baseline 3,000公顷",
    ),
    Code.FLOOR_READING: (
        Target(
            "t",
            "floor",
            baseline=3000,
            unit="公顷",
            readings=(Reading(date(2025, 6, 30), 2950),),
            **Y,
        ),
        date(2025, 7, 1),
        State.BEHIND,
        "当前2,950公顷，低于基数3,000公顷",
        "Now 2,950公顷, misses the baseline of 3,000公顷",
    ),
    Code.MILESTONES_DONE: (
        Target("t", "milestone", milestones=(Milestone("出台实施意见", *SET_UP),), **Y),
        date(2025, 7, 1),
        State.DONE,
        "全部1个节点已完成",
        "All 1 milestones done",
    ),
    Code.MILESTONES_UNDONE_ENDED: (
        Target(
            "t",
            "milestone",
            milestones=(Milestone("出台实施意见", *SET_UP), Milestone("完成验收", Y["end"])),
            **Y,
        ),
        date(2026, 1, 2),
        State.OVERDUE,
        "期末仍有1个节点未完成",
        "Period ended with 1 milestone(s) undone",
    ),
    Code.MILESTONE_LATE: (
        Target("t", "milestone", milestones=(Milestone("出台实施意见", date(2025, 6, 30)),), **Y),
        date(2025, 7, 10),
        State.LAGGING,
        "节点“出台实施意见”应于2025年6月30日完成，已逾期10天（宽限15天内）",
        "Milestone “出台实施意见” was due 2025-06-30, 10 day(s) late (within 15 days' grace)",
    ),
    Code.MILESTONES_NONE_DUE: (
        Target("t", "milestone", milestones=(Milestone("出台实施意见", date(2025, 6, 30)),), **Y),
        date(2025, 5, 1),
        State.NOT_STARTED,
        "尚无到期节点",
        "No milestone due yet",
    ),
    Code.MILESTONES_AHEAD: (
        Target(
            "t",
            "milestone",
            milestones=(
                Milestone("出台实施意见", date(2025, 6, 30), date(2025, 4, 1)),
                Milestone("完成验收", Y["end"]),
            ),
            **Y,
        ),
        date(2025, 5, 1),
        State.ON_TRACK,
        "尚无到期节点，已提前完成1个",
        "No milestone due yet, 1 done ahead of time",
    ),
    Code.MILESTONES_DUE_DONE: (
        Target(
            "t",
            "milestone",
            milestones=(Milestone("出台实施意见", *SET_UP), Milestone("完成验收", Y["end"])),
            **Y,
        ),
        date(2025, 5, 1),
        State.ON_TRACK,
        "到期节点1个均已完成，共完成1个",
        "All 1 milestone(s) due are done, 1 done in all",
    ),
    Code.FORECAST_MISS: (
        Target(
            "t", "cumulative", value=50, unit="个", readings=(Reading(date(2025, 6, 30), 20),), **Y
        ),
        date(2025, 7, 1),
        State.LAGGING,
        "按序时进度应完成24.8个，实际20个，完成80.7%；按当前进度预计期末40.3个，完不成目标",
        "Expected 24.8个 by schedule, actual 20个, 80.7% done; "
        "at this pace the period ends at 40.3个 and will miss the target",
    ),
    Code.REPORT_OVERDUE: (
        Target("t", "zero", cadence="month", readings=(Reading(date(2025, 5, 31), 0, 0),), **Y),
        date(2025, 7, 6),
        State.ON_TRACK,
        "已清零；截至2025年6月30日的报告逾期未报",
        "Cleared: nothing open; the report as of 2025-06-30 is overdue",
    ),
}
# Not decided by the engine: the apps turn REPORT_OVERDUE into it when the owed report
# is submitted and waits for approval (Reason.awaiting).
SET_BY_THE_APPS = {Code.REPORT_AWAITING}


def _codes(reason: Reason) -> list[Code]:
    return [reason.code, *(note.code for note in reason.notes)]


def test_every_code_has_a_renderer_in_chinese_and_in_english():
    assert set(ZH) == set(Code)
    assert set(EN) == set(Code)


def test_every_code_the_engine_names_has_an_example():
    """The engine's source is read for `Code.X`: a new code cannot come without its example."""
    tree = ast.parse(Path(status.__file__).read_text(encoding="utf-8"))
    named = {
        Code[node.attr]
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Code"
    }
    assert len(named) > 20
    assert named == set(EXAMPLES)
    assert set(EXAMPLES) | SET_BY_THE_APPS == set(Code)


@pytest.mark.parametrize("code", list(EXAMPLES))
def test_the_engine_emits_the_code_and_explain_writes_it(code):
    target, at, state, zh, en = EXAMPLES[code]
    evaluation = status.evaluate(target, at)
    assert code in _codes(evaluation.why)
    assert evaluation.state == state
    assert evaluation.reason == zh
    assert status.evaluate(target, at, lang="en").reason == en
    # the same judgement written again, without judging again
    assert render(evaluation.why, "zh") == zh
    assert render(evaluation.why, "en") == en


def test_an_owed_report_awaiting_approval_is_written_as_such():
    target, at, _state, zh, en = EXAMPLES[Code.REPORT_OVERDUE]
    why = status.evaluate(target, at).why.awaiting()
    assert _codes(why) == [Code.ZERO_CLEARED, Code.REPORT_AWAITING]
    assert render(why, "zh") == "已清零；截至2025年6月30日的报告已报送，待审核"
    assert (
        render(why, "en")
        == "Cleared: nothing open; the report as of 2025-06-30 is submitted, awaiting approval"
    )


def test_explain_writes_what_it_is_given_and_refuses_an_unknown_language():
    params = {"expected": 25, "actual": 18, "unit": "个", "ratio": 0.72}
    reason = Reason(Code.CUMULATIVE_PROGRESS, params)
    assert render(reason) == "按序时进度应完成25个，实际18个，完成72%"
    assert render(reason, "en") == "Expected 25个 by schedule, actual 18个, 72% done"
    with pytest.raises(ValueError, match="lang"):
        render(reason, "fr")


def test_explain_imports_nothing_of_the_engine():
    tree = ast.parse(Path(explain.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "luoshi.core.status" not in imported
    assert "luoshi.core.snapshot" not in imported
