"""The bulletin's words, written from its numbers (figures.gather). No Django here.

Decide, then explain: figures.py counts, this module writes the sentences. The
text is the document's own, in Chinese whatever language the page is in: a 督查通报
is an official document of a Chinese office. Each section is plain text, one
paragraph a line; a line that starts with a second-level marker (（一）) carries its
heading before the first 。, which the document prints in 楷体 (docx.py, pdf.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

# The engine's states in the words of a bulletin.
STATE_WORDS = {
    "done": "已完成",
    "on_track": "序时推进",
    "lagging": "进度偏慢",
    "behind": "进度滞后",
    "overdue": "逾期未完成",
    "not_started": "尚未开始",
}
# First-level headings, one per section (models.SECTIONS), printed in 黑体.
HEADINGS = {
    "overview": "一、总体情况",
    "ranking": "二、排名情况",
    "behind": "三、滞后目标",
    "missing": "四、缺报情况",
    "requirements": "五、工作要求",
}
ANNEXES = ("各单位目标推进情况排名", "进度滞后目标清单", "缺报目标清单")
# A long list is printed in full in the annex; the body names the first ones.
LIST_IN_BODY = 30
_DIGITS = "零一二三四五六七八九"


def chinese_date(day: date) -> str:
    """2025年6月30日: Arabic numerals, no leading zeros (GB/T 9704-2012 7.3.5.3)."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 40 → 四十, 99 → 九十九 (for （一） markers up to 99)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return text + (_DIGITS[ones] if ones else "")


def percent(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def default_title(plan_title: str) -> str:
    return f"关于{plan_title}落实情况的通报"


def default_office(city_name: str) -> str:
    """青禾市 → 青禾市人民政府督查室 (a name that already ends in 人民政府 is not doubled)."""
    return f"{city_name.removesuffix('人民政府')}人民政府督查室"


def changes(figures: dict) -> dict[str, int] | None:
    """Each count's change since the previous bulletin (and "missing"); None without one."""
    previous = figures.get("previous")
    if not previous:
        return None
    change = {
        state: figures["by_state"].get(state, 0) - previous["by_state"].get(state, 0)
        for state in figures["by_state"]
    }
    change["missing"] = figures["missing"] - previous.get("missing", 0)
    return change


def by_unit(lines: list[dict]) -> dict[str, list[dict]]:
    """Lines grouped by unit name, in the order they come."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for line in lines:
        groups[line["unit_name"]].append(line)
    return dict(groups)


def sections(figures: dict, office: str) -> dict[str, str]:
    """Every section's text, written from `figures`."""
    return {
        "overview": overview(figures),
        "ranking": ranking(figures["ranking"]),
        "behind": behind(figures["behind_list"]),
        "missing": missing(figures["missing_list"]),
        "requirements": requirements(office),
    }


def overview(figures: dict) -> str:
    at = date.fromisoformat(figures["at"])
    counts = figures["by_state"]
    parts = "，".join(f"{STATE_WORDS[s]}{counts.get(s, 0)}项" for s in STATE_WORDS)
    good = counts.get("done", 0) + counts.get("on_track", 0)
    total = figures["total"]
    lines = [
        f"截至{chinese_date(at)}，《{figures['plan_title']}》纳入督查的目标共{total}项。"
        f"其中，{parts}；应报未报（缺报）{figures['missing']}项，"
        f"已报送待审核{figures['awaiting']}项。"
        + (f"已完成和序时推进的目标占{percent(good / total)}。" if total else "")
    ]
    change = changes(figures)
    previous = figures.get("previous")
    if change is None or previous is None:
        lines.append("本期为该计划的首期通报。")
    else:
        said = []
        for key in (*STATE_WORDS, "missing"):
            word = STATE_WORDS.get(key, "缺报")
            if change[key] > 0:
                said.append(f"{word}增加{change[key]}项")
            elif change[key] < 0:
                said.append(f"{word}减少{-change[key]}项")
        since = f"与上期（{previous['label']}，截至{chinese_date(date.fromisoformat(previous['at']))}）相比，"
        lines.append(since + ("，".join(said) + "。" if said else "各类目标数量持平。"))
    return "\n".join(lines)


def _unit_share(unit: dict) -> str:
    return f"{unit['name']}（{percent(unit['share'])}，{unit['good']}/{unit['total']}项）"


def ranking(units: list[dict]) -> str:
    if not units:
        return "本期没有纳入排名的单位。"
    head = "按各责任单位已完成和序时推进目标所占比例排序"
    if len(units) <= 6:
        order = "、".join(_unit_share(u) for u in units)
        return f"{head}，依次为：{order}（详见附件1）。"
    top = "、".join(_unit_share(u) for u in units[:3])
    bottom = "、".join(_unit_share(u) for u in units[-3:])
    return f"{head}，{top}位列前三；{bottom}位列后三（详见附件1）。"


def behind(lines: list[dict]) -> str:
    if not lines:
        return "本期没有进度滞后或逾期未完成的目标。"
    text = [f"进度滞后和逾期未完成的目标共{len(lines)}项（详见附件2）。"]
    shown = 0
    for number, (unit, items) in enumerate(by_unit(lines).items(), start=1):
        if shown >= LIST_IN_BODY:
            text.append(f"其余{len(lines) - shown}项见附件2。")
            break
        text.append(f"（{chinese_numeral(number)}）{unit}。共{len(items)}项。")
        for index, item in enumerate(items[: LIST_IN_BODY - shown], start=1):
            reason = item["reason"].rstrip("。") or STATE_WORDS[item["state"]]
            text.append(f"{index}．{item['name']}：{reason}。")
        shown += min(len(items), LIST_IN_BODY - shown)
    return "\n".join(text)


def missing(lines: list[dict]) -> str:
    if not lines:
        return "本期各责任单位均已按时报送。"
    groups = by_unit(lines)
    named = "；".join(
        f"{unit}（{'、'.join(item['name'] for item in items)}）" for unit, items in groups.items()
    )
    return (
        f"截至通报日，应报未报的目标共{len(lines)}项，涉及{len(groups)}个单位：{named}"
        "（详见附件3）。"
    )


def requirements(office: str) -> str:
    return (
        "各责任单位要对照本通报指出的问题，逐项分析进度滞后和缺报的原因，明确整改措施和完成时限，"
        f"于下一报送日前将整改情况报送{office}。\n"
        "进度滞后单位的主要负责同志要亲自研究、亲自部署，确保按序时进度完成全年目标任务；"
        "缺报单位要立即补报，此后按期报送，不得迟报漏报。"
    )
