"""The demo city's bulletins (督查通报): two issued ones and this month's draft.

Written through the actions, as the supervision office would: 2025年第1期 with the
figures of 31 July (issued 6 August), 2025年第2期 with those of 31 August (issued
5 September, so its 总体情况 counts the change since 第1期), and the draft of
30 September. The issued ones' files are built by the worker (`make run` starts it).
"""

from __future__ import annotations

from datetime import date

from luoshi.bulletins import actions
from luoshi.bulletins.models import Bulletin
from luoshi.orgs.models import User
from luoshi.plans.models import Plan

from .plan import PLAN_TITLE

ISSUES = ((date(2025, 7, 31), date(2025, 8, 6)), (date(2025, 8, 31), date(2025, 9, 5)))
DRAFT_AT = date(2025, 9, 30)
REQUIREMENTS = (
    "各责任单位要对照本通报，逐项分析进度滞后和缺报的原因，明确整改措施和完成时限，"
    "于10月10日前将整改情况书面报送青禾市人民政府督查室。\n"
    "（一）抓紧补齐短板。进度滞后的单位主要负责同志要亲自研究部署，确保按序时进度完成全年目标任务。\n"
    "（二）严格按期报送。缺报单位要立即补报，此后按期报送，不得迟报漏报。"
)


def seed() -> bool:
    """Issue the demo bulletins once; False when the plan already has bulletins."""
    plan = Plan.objects.filter(title=PLAN_TITLE).first()
    if plan is None or Bulletin.objects.filter(plan=plan).exists():
        return False
    office = User.objects.get(username="supervisor")
    for at, issued_on in ISSUES:
        draft = actions.draft_bulletin(plan, at, office)
        actions.issue_bulletin(draft, office, expected_revision=draft.revision, issued_on=issued_on)
    draft = actions.draft_bulletin(plan, DRAFT_AT, office)
    actions.edit_bulletin(
        draft,
        office,
        expected_revision=draft.revision,
        title=draft.title,
        office=draft.office,
        sections={**draft.sections, "requirements": REQUIREMENTS},
    )
    return True
