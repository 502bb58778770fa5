"""The status engine's judgements in words: a ``Reason`` (code and figures) as a sentence.

core.status decides and returns a ``Reason``; this module only writes it, in
Chinese (``ZH``) or English (``EN``): one function per ``Code`` in each language,
taking the reason's params. Numbers are written by the rule every page uses
(core.formatting). ``render(reason, lang)`` writes the opening sentence and
appends each note (a forecast, a report owed) after it.

    render(Reason(Code.CUMULATIVE_PROGRESS,
                  {"expected": 25, "actual": 18, "unit": "个", "ratio": 0.72}), "zh")
    == "按序时进度应完成25个，实际18个，完成72%"
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from luoshi.core.formatting import format_number
from luoshi.core.targets import CAPS, LANGS, STRICT, Code, Reason
from luoshi.core.values import bounded


def fmt(x: float, unit: str = "", zh: bool = False) -> str:
    """A number for a reason: one decimal, trailing .0 stripped, thousands grouped, and in
    Chinese 亿 for large amounts, by the same rule as every page (core.formatting.format_number)."""
    number = bounded(x)
    if number is None:  # not a number: nothing to print
        return "—"
    return format_number(number, 1, lang="zh" if zh else "en", unit=unit)


def pct(ratio: float) -> str:
    return fmt(ratio * 100) + "%"


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_CMP_ZH = {">=": "不低于", ">": "高于", "=": "达到", "~": "达到", "<=": "不高于", "<": "低于"}
_CMP_EN = {">=": "at least", ">": "above", "=": "at", "~": "about", "<=": "at most", "<": "below"}

Renderer = Callable[[dict], str]


def _q(p: dict, name: str, zh: bool) -> str:
    """The figure ``name`` of the params followed by the params' unit."""
    unit = p["unit"]
    return f"{fmt(p[name], unit, zh)}{unit}"


# --- cumulative -----------------------------------------------------------------


def _cumulative_progress_zh(p: dict) -> str:
    text = f"按序时进度应完成{_q(p, 'expected', True)}，实际{_q(p, 'actual', True)}"
    if p["ratio"] is not None:
        text += f"，完成{pct(p['ratio'])}"
    return text


def _cumulative_progress_en(p: dict) -> str:
    text = f"Expected {_q(p, 'expected', False)} by schedule, actual {_q(p, 'actual', False)}"
    if p["ratio"] is not None:
        text += f", {pct(p['ratio'])} done"
    return text


def _cumulative_short_zh(p: dict) -> str:
    text = f"期末未完成目标{_q(p, 'value', True)}，实际{_q(p, 'actual', True)}"
    if p["share"] is not None:
        text += f"，完成{pct(p['share'])}"
    return text


def _cumulative_short_en(p: dict) -> str:
    text = f"Period ended short of {_q(p, 'value', False)}: {_q(p, 'actual', False)}"
    if p["share"] is not None:
        text += f", {pct(p['share'])} done"
    return text


def _cap_progress_zh(p: dict) -> str:
    text = f"按序时进度应控制在{_q(p, 'expected', True)}以内，实际{_q(p, 'actual', True)}"
    if p["used"] is not None:
        text += f"，为序时控制量的{pct(p['used'])}"
    return text


def _cap_progress_en(p: dict) -> str:
    text = f"At most {_q(p, 'expected', False)} by schedule, actual {_q(p, 'actual', False)}"
    if p["used"] is not None:
        text += f", {pct(p['used'])} of the allowance"
    return text


# --- growth and level -----------------------------------------------------------


def _rate_unit(p: dict) -> str:
    return "%" if p["growth"] and not p["unit"] else p["unit"]


def _goal_zh(p: dict) -> str:
    unit = _rate_unit(p)
    growth = "增长" if p["growth"] else ""
    return f"目标{growth}{_CMP_ZH[p['comparator']]}{fmt(p['value'], unit, True)}{unit}"


def _goal_en(p: dict) -> str:
    unit = _rate_unit(p)
    growth = "growth " if p["growth"] else ""
    return f"target {growth}{_CMP_EN[p['comparator']]} {fmt(p['value'], unit, False)}{unit}"


def _rate_zh(p: dict) -> str:
    """The goal and the reading, before what is said of them."""
    unit = _rate_unit(p)
    head = "期末" if p["ended"] else ""
    growth = "增长" if p["growth"] else ""
    return f"{head}{_goal_zh(p)}，实际{growth}{fmt(p['actual'], unit, True)}{unit}"


def _rate_en(p: dict) -> str:
    unit = _rate_unit(p)
    head = "Period ended: " if p["ended"] else ""
    goal = _goal_en(p)
    return f"{head}{goal[0].upper()}{goal[1:]}, actual {fmt(p['actual'], unit, False)}{unit}"


def _gap_zh(p: dict) -> str:
    points = p["growth"] or _rate_unit(p) == "%"  # a gap between two percentages is in points
    unit = "个百分点" if points else _rate_unit(p)
    text = f"{_rate_zh(p)}，{'超出' if p['cap'] else '差'}{fmt(p['gap'])}{unit}"
    return text + "（在容差内）" if p["tolerated"] else text


def _gap_en(p: dict) -> str:
    points = p["growth"] or _rate_unit(p) == "%"
    unit = " pp" if points else _rate_unit(p)
    text = f"{_rate_en(p)}, {fmt(p['gap'])}{unit} {'over' if p['cap'] else 'short'}"
    return text + " (within tolerance)" if p["tolerated"] else text


# --- zero -----------------------------------------------------------------------


def _zero_open_zh(p: dict) -> str:
    unit = p["unit"] or "项"
    text = f"{'期末' if p['ended'] else ''}尚有{fmt(p['open'], unit, True)}{unit}未清零"
    if p["overdue"] > 0:
        return text + f"，其中{fmt(p['overdue'], unit, True)}{unit}已超期"
    return text + "，均未超期"


def _zero_open_en(p: dict) -> str:
    text = f"{fmt(p['open'])} {p['unit']}".rstrip() + " still open"
    if p["overdue"] > 0:
        text += f", {fmt(p['overdue'])} past deadline"
    else:
        text += ", none past deadline"
    return "Period ended: " + text if p["ended"] else text


# --- floor ----------------------------------------------------------------------


def _floor_none_zh(p: dict) -> str:
    return f"{'期末无填报' if p['ended'] else '尚无填报'}，基数{_q(p, 'baseline', True)}"


def _floor_none_en(p: dict) -> str:
    head = "Period ended with no report" if p["ended"] else "No report yet"
    return f"{head}; baseline {_q(p, 'baseline', False)}"


def _floor_reading_zh(p: dict) -> str:
    cap = p["comparator"] in CAPS
    if p["comparator"] in STRICT and p["actual"] == p["baseline"]:
        word = "等于"
    elif p["met"]:
        word = "不高于" if cap else "不低于"
    else:
        word = "高于" if cap else "低于"
    when = "期末" if p["ended"] else "当前"
    return f"{when}{_q(p, 'actual', True)}，{word}基数{_q(p, 'baseline', True)}"


def _floor_reading_en(p: dict) -> str:
    when = "Period ended at" if p["ended"] else "Now"
    rel = "meets" if p["met"] else "misses"
    return f"{when} {_q(p, 'actual', False)}, {rel} the baseline of {_q(p, 'baseline', False)}"


# --- milestones -----------------------------------------------------------------


def _milestone_late_zh(p: dict) -> str:
    text = f"节点“{p['name']}”应于{zh_date(p['due'])}完成，"
    text += f"已逾期{p['late']}天" if p["late"] else "今日到期尚未完成"
    if p["tolerated"] and p["late"]:
        text += f"（宽限{p['grace']}天内）"
    return text


def _milestone_late_en(p: dict) -> str:
    text = f"Milestone “{p['name']}” was due {p['due'].isoformat()}, "
    text += f"{p['late']} day(s) late" if p["late"] else "due today and not done"
    if p["tolerated"] and p["late"]:
        text += f" (within {p['grace']} days' grace)"
    return text


# --- notes ----------------------------------------------------------------------


def _forecast_zh(p: dict) -> str:
    return f"；按当前进度预计期末{_q(p, 'forecast', True)}，{'超出' if p['cap'] else '完不成'}目标"


def _forecast_en(p: dict) -> str:
    verb = "exceed" if p["cap"] else "miss"
    return (
        f"; at this pace the period ends at {_q(p, 'forecast', False)} and will {verb} the target"
    )


ZH: dict[Code, Renderer] = {
    Code.CUMULATIVE_NONE: lambda p: f"尚无填报，按序时进度应完成{_q(p, 'expected', True)}",
    Code.CUMULATIVE_NONE_ENDED: lambda p: f"期末目标{_q(p, 'value', True)}，尚无填报",
    Code.CUMULATIVE_PROGRESS: _cumulative_progress_zh,
    Code.CUMULATIVE_MET: lambda p: f"已完成目标{_q(p, 'value', True)}，实际{_q(p, 'actual', True)}",
    Code.CUMULATIVE_SHORT_ENDED: _cumulative_short_zh,
    Code.CAP_NONE: lambda p: f"尚无填报，按序时进度应控制在{_q(p, 'expected', True)}以内",
    Code.CAP_PROGRESS: _cap_progress_zh,
    Code.CAP_WITHIN_ENDED: lambda p: (
        f"期末实际{_q(p, 'actual', True)}，控制在目标{_q(p, 'value', True)}以内"
    ),
    Code.CAP_OVER_ENDED: lambda p: (
        f"期末实际{_q(p, 'actual', True)}，超出控制目标{_q(p, 'value', True)}"
    ),
    Code.RATE_NONE: lambda p: f"{'期末无填报' if p['ended'] else '尚无填报'}，{_goal_zh(p)}",
    Code.RATE_MET: lambda p: f"{_rate_zh(p)}，已达标",
    Code.RATE_GAP: _gap_zh,
    Code.RATE_NOT_MET: lambda p: f"{_rate_zh(p)}，未达标",
    Code.ZERO_NONE: lambda p: "期末无填报" if p["ended"] else "尚无填报",
    Code.ZERO_CLEARED: lambda p: "期末已清零" if p["ended"] else "已清零",
    Code.ZERO_OPEN: _zero_open_zh,
    Code.FLOOR_NONE: _floor_none_zh,
    Code.FLOOR_READING: _floor_reading_zh,
    Code.MILESTONES_DONE: lambda p: f"全部{p['total']}个节点已完成",
    Code.MILESTONES_UNDONE_ENDED: lambda p: f"期末仍有{p['left']}个节点未完成",
    Code.MILESTONE_LATE: _milestone_late_zh,
    Code.MILESTONES_NONE_DUE: lambda p: "尚无到期节点",
    Code.MILESTONES_AHEAD: lambda p: f"尚无到期节点，已提前完成{p['done']}个",
    Code.MILESTONES_DUE_DONE: lambda p: f"到期节点{p['due']}个均已完成，共完成{p['done']}个",
    Code.FORECAST_MISS: _forecast_zh,
    Code.REPORT_OVERDUE: lambda p: f"；截至{zh_date(p['period_end'])}的报告逾期未报",
    Code.REPORT_AWAITING: lambda p: f"；截至{zh_date(p['period_end'])}的报告已报送，待审核",
}

EN: dict[Code, Renderer] = {
    Code.CUMULATIVE_NONE: lambda p: (
        f"No report yet; {_q(p, 'expected', False)} expected by schedule"
    ),
    Code.CUMULATIVE_NONE_ENDED: lambda p: (
        f"Period ended: target {_q(p, 'value', False)}, nothing reported"
    ),
    Code.CUMULATIVE_PROGRESS: _cumulative_progress_en,
    Code.CUMULATIVE_MET: lambda p: (
        f"Target of {_q(p, 'value', False)} met: {_q(p, 'actual', False)}"
    ),
    Code.CUMULATIVE_SHORT_ENDED: _cumulative_short_en,
    Code.CAP_NONE: lambda p: f"No report yet; {_q(p, 'expected', False)} expected by schedule",
    Code.CAP_PROGRESS: _cap_progress_en,
    Code.CAP_WITHIN_ENDED: lambda p: (
        f"Period ended at {_q(p, 'actual', False)}, within the cap of {_q(p, 'value', False)}"
    ),
    Code.CAP_OVER_ENDED: lambda p: (
        f"Period ended at {_q(p, 'actual', False)}, over the cap of {_q(p, 'value', False)}"
    ),
    Code.RATE_NONE: lambda p: (
        f"{'Period ended with no report' if p['ended'] else 'No report yet'}; {_goal_en(p)}"
    ),
    Code.RATE_MET: lambda p: f"{_rate_en(p)}, met",
    Code.RATE_GAP: _gap_en,
    Code.RATE_NOT_MET: lambda p: f"{_rate_en(p)}, not met",
    Code.ZERO_NONE: lambda p: "Period ended with no report" if p["ended"] else "No report yet",
    Code.ZERO_CLEARED: lambda p: "Cleared: nothing open",
    Code.ZERO_OPEN: _zero_open_en,
    Code.FLOOR_NONE: _floor_none_en,
    Code.FLOOR_READING: _floor_reading_en,
    Code.MILESTONES_DONE: lambda p: f"All {p['total']} milestones done",
    Code.MILESTONES_UNDONE_ENDED: lambda p: f"Period ended with {p['left']} milestone(s) undone",
    Code.MILESTONE_LATE: _milestone_late_en,
    Code.MILESTONES_NONE_DUE: lambda p: "No milestone due yet",
    Code.MILESTONES_AHEAD: lambda p: f"No milestone due yet, {p['done']} done ahead of time",
    Code.MILESTONES_DUE_DONE: lambda p: (
        f"All {p['due']} milestone(s) due are done, {p['done']} done in all"
    ),
    Code.FORECAST_MISS: _forecast_en,
    Code.REPORT_OVERDUE: lambda p: f"; the report as of {p['period_end'].isoformat()} is overdue",
    Code.REPORT_AWAITING: lambda p: (
        f"; the report as of {p['period_end'].isoformat()} is submitted, awaiting approval"
    ),
}

RENDERERS: dict[str, dict[Code, Renderer]] = {"zh": ZH, "en": EN}


def render(reason: Reason, lang: str = "zh") -> str:
    """``reason`` as a sentence in ``lang`` ("zh" or "en"), its notes appended."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return write(reason, RENDERERS[lang])


def write(reason: Reason, words: dict[Code, Renderer]) -> str:
    """``reason`` written with one language's renderers (``ZH`` or ``EN``)."""
    text = words[reason.code](reason.params)
    for note in reason.notes:
        text += words[note.code](note.params)
    return text
