"""The demo city's 2025 plan: tasks, targets and nine months of readings.

Written for this project in the style of real municipal commitments (任务分解
方案); the city, its units, its people and every figure are fictional.

`load_demo_plan()` creates the plan through the real actions, as the demo
people would: the supervisor 周明远 creates and confirms the plan and
re-baselines one target, each unit's reporter creates and submits its reports,
and the unit's approver (a supervisor where the unit has none) approves them.
History therefore names a person on every row.

The readings run from January to September 2025 and are chosen so that on the
demo date, 2025-10-15 (`make run` sets LUOSHI_TODAY to it), the overview shows
every state: done, on track, lagging, behind, overdue and not started, with
missing reports (西山县 has not reported September; some September reports
are still awaiting approval or were returned), a few "will miss" forecasts, a
correction and one re-baselined target.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.test.utils import override_settings

from luoshi.orgs.models import Unit, User
from luoshi.plans.actions import (
    add_milestone,
    ask_part,
    confirm_plan,
    create_plan,
    create_target,
    create_task,
    update_target,
)
from luoshi.plans.models import Plan, Target, Task
from luoshi.reporting.actions import (
    approve_report,
    correct_report,
    create_report,
    return_report,
    update_report,
)
from luoshi.reporting.models import Report

from .city import demo_loaded

PLAN_TITLE = "青禾市2025年重点工作任务分解方案"
DEMO_DATE = date(2025, 10, 15)
YEAR_START = date(2025, 1, 1)
YEAR_END = date(2025, 12, 31)

SUPERVISOR = "supervisor"
# Who fills in a unit's reports, and who approves them. 市工信局 and 市统计局
# have no approver of their own: the supervision office approves for them, and
# 云河街道's reports are approved by 东湖区, its parent.
REPORTERS = {
    "qh-fgw": "dev-reporter",
    "qh-swj": "commerce-reporter",
    "qh-zjj": "housing-reporter",
    "qh-zrzy": "resources-reporter",
    "qh-yjj": "safety-reporter",
    "qh-gxj": "industry-reporter",
    "qh-tjj": "stats-reporter",
    "qh-dh": "donghu-reporter",
    "qh-dh-yh": "yunhe-reporter",
    "qh-xs": "xishan-reporter",
}
APPROVERS = {
    "qh-fgw": "dev-approver",
    "qh-swj": "commerce-approver",
    "qh-zjj": "housing-approver",
    "qh-zrzy": "resources-approver",
    "qh-yjj": "safety-approver",
    "qh-gxj": "supervisor2",
    "qh-tjj": "supervisor2",
    "qh-dh": "donghu-approver",
    "qh-dh-yh": "donghu-approver",
    "qh-xs": "xishan-approver",
}

Q1, H1, Q3 = date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30)
SCHEDULE_20_50_75 = [["2025-03-31", 0.2], ["2025-06-30", 0.5], ["2025-09-30", 0.75]]


def month_end(month: int) -> date:
    return date(2025, month, monthrange(2025, month)[1])


def monthly(*values, first: int = 1) -> list[tuple[date, object]]:
    """Readings as of the end of each month from `first` on; None skips a month."""
    return [(month_end(first + i), v) for i, v in enumerate(values) if v is not None]


def quarterly(*values) -> list[tuple[date, object]]:
    return [(month_end(3 * (i + 1)), v) for i, v in enumerate(values) if v is not None]


# --- the plan -----------------------------------------------------------------


@dataclass
class TaskSpec:
    key: str
    parent: str | None
    title: str
    lead: str
    cooperating: tuple[str, ...] = ()
    deadline: date = YEAR_END


TASKS = [
    TaskSpec("invest", None, "扩大有效投资", "qh-fgw", ("qh-swj", "qh-zjj", "qh-zrzy")),
    TaskSpec("attract", "invest", "强化招商引资，提升项目落地转化率", "qh-swj", ("qh-dh", "qh-xs")),
    TaskSpec("projects", "invest", "加快重点项目建设", "qh-fgw", ("qh-zjj", "qh-zrzy")),
    TaskSpec("consume", None, "提振消费扩大内需", "qh-swj", ("qh-tjj", "qh-dh", "qh-xs")),
    TaskSpec("industry", None, "推进新型工业化", "qh-gxj", ("qh-fgw",)),
    TaskSpec("trade", None, "稳定外贸外资", "qh-swj", ("qh-fgw",)),
    TaskSpec("housing", None, "推动房地产市场平稳健康发展和城市更新", "qh-zjj", ("qh-dh", "qh-xs")),
    TaskSpec("land", None, "节约集约用地和耕地保护", "qh-zrzy", ("qh-xs",)),
    TaskSpec("safety", None, "安全生产治本攻坚", "qh-yjj", ("qh-zjj", "qh-dh", "qh-xs")),
    TaskSpec("gas", "safety", "城镇燃气安全专项整治", "qh-zjj", ("qh-yjj", "qh-dh", "qh-xs")),
    TaskSpec("planning", None, "统筹高质量发展和规划编制", "qh-fgw", ("qh-tjj",)),
    TaskSpec("donghu", None, "东湖区：建设现代化中心城区", "qh-dh", ("qh-dh-yh",)),
    TaskSpec("yunhe", "donghu", "云河街道：完整社区建设", "qh-dh-yh"),
    TaskSpec("xishan", None, "西山县：壮大县域经济", "qh-xs"),
]


@dataclass
class PartSpec:
    unit: str
    value: float
    readings: list
    last: str = "approved"


@dataclass
class TargetSpec:
    """One target and its story. `readings` are (as_of, value) pairs, or
    (as_of, (open, overdue)) for zero targets; `last` is what became of the
    latest one (approved, submitted, returned or draft)."""

    task: str
    unit: str
    name: str
    kind: str
    snippet: str
    value: float | None = None
    comparator: str = ">="
    unit_label: str = ""
    cadence: str = ""
    start: date = YEAR_START
    end: date = YEAR_END
    schedule: list = field(default_factory=list)
    baseline: float | None = None
    readings: list = field(default_factory=list)
    last: str = "approved"
    note: str = ""  # added to the narrative of the latest reading
    measure: str = ""  # what a reading counts, in its narrative (default: the name)
    milestones: list = field(default_factory=list)  # (name, due, done on or None)
    parts: list[PartSpec] = field(default_factory=list)
    rebaseline: tuple[float, str] | None = None  # (new value, reason)
    correct: tuple[date, float, str] | None = None  # (as_of, new value, narrative)
    return_reason: str = ""


TARGETS = [
    # 一、扩大有效投资 · 招商引资 (市商务局)
    TargetSpec(
        "attract",
        "qh-swj",
        "洽谈对接项目",
        "cumulative",
        "全年洽谈对接项目不少于100个",
        value=100,
        unit_label="个",
        cadence="month",
        readings=monthly(6, 13, 22, 31, 41, 50, 60, 70, 80),
    ),
    TargetSpec(
        "attract",
        "qh-swj",
        "签约项目",
        "cumulative",
        "签约项目不少于50个（一季度、上半年、前三季度分别完成20%、50%、75%）",
        value=50,
        unit_label="个",
        cadence="month",
        schedule=SCHEDULE_20_50_75,
        readings=monthly(3, 6, 11, 15, 20, 26, 29, 33, 38),
    ),
    TargetSpec(
        "attract",
        "qh-swj",
        "落地项目",
        "cumulative",
        "落地项目不少于20个",
        value=20,
        unit_label="个",
        cadence="quarter",
        readings=quarterly(3, 7, 11),
        note="部分签约项目用地、环评手续未办结，落地滞后，已逐个建立专班推进。",
    ),
    TargetSpec(
        "attract",
        "qh-swj",
        "项目开工率",
        "level",
        "项目开工率达到70%以上",
        value=70,
        unit_label="%",
        cadence="month",
        readings=monthly(52, 55, 58, 60, 62, 63, 65, 66, 67.5),
    ),
    # 一、扩大有效投资 · 重点项目 (市发展改革委)
    TargetSpec(
        "projects",
        "qh-fgw",
        "固定资产投资增速",
        "growth",
        "固定资产投资增长6%",
        value=6,
        unit_label="%",
        cadence="month",
        readings=monthly(4.8, 5.2, 5.5, 5.9, 6.1, 6.2, 6.3, 6.4, first=2),
    ),
    TargetSpec(
        "projects",
        "qh-fgw",
        "省市重点项目完成投资",
        "cumulative",
        "省市重点项目全年完成投资260亿元",
        value=260,
        unit_label="亿元",
        cadence="month",
        schedule=SCHEDULE_20_50_75,
        readings=monthly(15, 33, 54, 76, 101, 132, 155, 178, 201),
    ),
    TargetSpec(
        "projects",
        "qh-fgw",
        "新开工亿元以上项目",
        "cumulative",
        "新开工亿元以上项目不少于120个",
        value=120,
        unit_label="个",
        cadence="quarter",
        readings=quarterly(26, 58, 94),
    ),
    # 二、提振消费扩大内需 (市商务局)
    TargetSpec(
        "consume",
        "qh-swj",
        "社会消费品零售总额增速",
        "growth",
        "社会消费品零售总额增长5%以上",
        value=5,
        unit_label="%",
        cadence="month",
        readings=monthly(4.2, 4.5, 4.6, 4.8, 4.9, 4.8, 4.7, 4.6, first=2),
        note="汽车、家电以旧换新拉动作用减弱，四季度将开展“青禾消费季”系列促消费活动。",
        correct=(
            H1,
            5.1,
            "1-6月社会消费品零售总额同比增长5.1%（据市统计局6月快报修订，原报4.9%）。",
        ),
    ),
    TargetSpec(
        "consume",
        "qh-swj",
        "新增限上商贸企业",
        "cumulative",
        "新增限上商贸企业29户以上",
        value=29,
        unit_label="户",
        cadence="month",
        readings=monthly(2, 4, 7, 10, 14, 18, 22, 26, 31),
        parts=[
            PartSpec("qh-dh", 12, monthly(1, 2, 3, 4, 6, 7, 8, 9, 10)),
            PartSpec("qh-xs", 8, monthly(0, 1, 1, 2, 2, 3, 3, 4)),
        ],
    ),
    # 三、推进新型工业化 (市工信局)
    TargetSpec(
        "industry",
        "qh-gxj",
        "规上工业增加值增速",
        "growth",
        "规上工业增加值增长7%",
        value=7,
        unit_label="%",
        cadence="month",
        readings=monthly(6.5, 6.9, 7.1, 7.2, 7.4, 7.3, 7.3, 7.5, first=2),
        last="submitted",
    ),
    TargetSpec(
        "industry",
        "qh-gxj",
        "规上工业综合能源消费量",
        "cumulative",
        "规上工业综合能源消费量控制在380万吨标准煤以内",
        value=380,
        comparator="<=",
        unit_label="万吨标准煤",
        cadence="quarter",
        readings=quarterly(96, 190, 279),
    ),
    TargetSpec(
        "industry",
        "qh-gxj",
        "新增规上工业企业",
        "cumulative",
        "新增规上工业企业40户以上",
        value=40,
        unit_label="户",
        cadence="quarter",
        schedule=[["2025-03-31", 0.1], ["2025-06-30", 0.4], ["2025-09-30", 0.7]],
        readings=quarterly(4, 15, 25),
    ),
    TargetSpec(
        "industry",
        "qh-gxj",
        "市级工业互联网公共服务平台",
        "milestone",
        "年底前建成市级工业互联网公共服务平台",
        milestones=[
            ("完成平台建设方案评审", date(2025, 3, 31), date(2025, 3, 28)),
            ("平台上线试运行", date(2025, 8, 31), None),
            ("接入规上工业企业300家", date(2025, 12, 20), None),
        ],
    ),
    # 四、稳定外贸外资 (市商务局)
    TargetSpec(
        "trade",
        "qh-swj",
        "外贸进出口总额增速",
        "growth",
        "外贸进出口总额增长3%",
        value=3,
        unit_label="%",
        cadence="quarter",
        readings=quarterly(1.2, 0.8, 1.5),
        note="受主要出口市场需求回落影响，机电产品出口下降。",
    ),
    TargetSpec(
        "trade",
        "qh-swj",
        "出台《推动外贸企业高质量发展实施意见》",
        "milestone",
        "6月底前制定出台《推动外贸企业高质量发展实施意见》",
        end=H1,
        milestones=[
            ("形成征求意见稿", date(2025, 4, 30), date(2025, 4, 25)),
            ("提请市政府常务会议审议", date(2025, 6, 15), date(2025, 6, 12)),
            ("印发实施", H1, date(2025, 6, 20)),
        ],
    ),
    TargetSpec(
        "trade",
        "qh-swj",
        "实际使用外资",
        "cumulative",
        "实际使用外资1.2亿美元",
        value=12000,
        unit_label="万美元",
        cadence="quarter",
        readings=quarterly(2500, 6100, 9500),
    ),
    # 五、房地产与城市更新 (市住建局)
    TargetSpec(
        "housing",
        "qh-zjj",
        "新建商品房销售面积增速",
        "growth",
        "新建商品房销售面积同比增长5%",
        value=5,
        unit_label="%",
        cadence="month",
        readings=monthly(-8.5, -6.2, -5.1, -4.0, -3.2, -2.8, -2.5, -2.1, first=2),
        note="降幅连续七个月收窄，住房公积金新政和购房补贴效果逐步显现。",
    ),
    TargetSpec(
        "housing",
        "qh-zjj",
        "上半年城镇老旧小区改造开工",
        "cumulative",
        "上半年开工改造城镇老旧小区42个",
        value=42,
        unit_label="个",
        cadence="month",
        end=H1,
        measure="开工改造城镇老旧小区",
        readings=monthly(4, 9, 15, 22, 30, 38),
        note="4个小区因居民意见未统一推迟开工，转入下半年推进。",
    ),
    TargetSpec(
        "housing",
        "qh-zjj",
        "筹集保障性租赁住房",
        "cumulative",
        "筹集保障性租赁住房1500套",
        value=1500,
        unit_label="套",
        cadence="quarter",
        readings=quarterly(310, 760, 1180),
        last="submitted",
    ),
    TargetSpec(
        "gas",
        "qh-zjj",
        "城镇燃气安全隐患",
        "zero",
        "推动城镇燃气安全隐患动态清零",
        unit_label="项",
        cadence="month",
        readings=monthly(
            (46, 5), (40, 6), (33, 4), (28, 3), (21, 2), (15, 1), (11, 1), (6, 0), (3, 0)
        ),
    ),
    # 六、节约集约用地和耕地保护 (市自然资源局)
    TargetSpec(
        "land",
        "qh-zrzy",
        "盘活存量土地",
        "cumulative",
        "盘活存量土地500亩",
        value=500,
        unit_label="亩",
        cadence="month",
        readings=monthly(20, 45, 80, 110, 140, 175, 205, 230, 260),
        rebaseline=(
            400,
            "省自然资源厅下达我市年度盘活任务400亩，经市政府第28次常务会议同意，由500亩调整为400亩",
        ),
    ),
    TargetSpec(
        "land",
        "qh-zrzy",
        "耕地保有量",
        "floor",
        "确保耕地数量不减、质量有提高",
        unit_label="万亩",
        cadence="quarter",
        baseline=186.4,
        readings=quarterly(186.42, 186.45, 186.47),
    ),
    TargetSpec(
        "land",
        "qh-zrzy",
        "处置批而未供土地",
        "cumulative",
        "处置批而未供土地1200亩",
        value=1200,
        unit_label="亩",
        cadence="quarter",
        readings=quarterly(260, 590, 910),
    ),
    # 七、安全生产治本攻坚 (市应急局)
    TargetSpec(
        "safety",
        "qh-yjj",
        "重大事故隐患",
        "zero",
        "推动重大事故隐患动态清零",
        unit_label="项",
        cadence="month",
        readings=monthly((12, 3), (10, 2), (9, 2), (8, 1), (7, 1), (6, 2), (6, 1), (5, 2), (5, 2)),
        note="2项超期隐患为危化品企业储罐区改造，需停产施工，已挂牌督办。",
    ),
    TargetSpec(
        "safety",
        "qh-yjj",
        "生产安全事故死亡人数",
        "cumulative",
        "生产安全事故死亡人数控制在24人以内",
        value=24,
        comparator="<=",
        unit_label="人",
        cadence="quarter",
        readings=quarterly(5, 10, 14),
    ),
    TargetSpec(
        "safety",
        "qh-yjj",
        "修订突发事件总体应急预案并组织演练",
        "milestone",
        "修订《青禾市突发事件总体应急预案》并组织全市综合应急演练",
        milestones=[
            ("完成预案修订并印发", H1, date(2025, 6, 26)),
            ("组织全市综合应急演练", date(2025, 11, 30), None),
        ],
    ),
    TargetSpec(
        "safety",
        "qh-yjj",
        "新建改造应急避难场所",
        "cumulative",
        "新建改造应急避难场所30处",
        value=30,
        unit_label="处",
        cadence="quarter",
        readings=quarterly(6, 14, 24),
    ),
    # 八、统筹高质量发展和规划编制 (市统计局、市发展改革委)
    TargetSpec(
        "planning",
        "qh-tjj",
        "地区生产总值增速",
        "growth",
        "地区生产总值增长6.5%左右",
        value=6.5,
        comparator="~",
        unit_label="%",
        cadence="quarter",
        readings=quarterly(6.2, 6.3, 6.1),
    ),
    TargetSpec(
        "planning",
        "qh-fgw",
        "编制“十五五”规划纲要",
        "milestone",
        "高质量编制“十五五”规划纲要",
        milestones=[
            ("完成基本思路研究", date(2025, 5, 31), date(2025, 5, 28)),
            ("形成规划纲要初稿", Q3, None),
            ("提请市委全会审议规划建议稿", date(2025, 12, 31), None),
        ],
    ),
    TargetSpec(
        "planning",
        "qh-tjj",
        "2025年全国1%人口抽样调查",
        "milestone",
        "组织实施2025年全国1%人口抽样调查",
        milestones=[
            ("完成摸底登记", date(2025, 10, 31), None),
            ("完成正式登记", date(2025, 11, 15), None),
            ("完成数据审核上报", date(2025, 12, 20), None),
        ],
    ),
    # 九、东湖区
    TargetSpec(
        "donghu",
        "qh-dh",
        "东湖区社会消费品零售总额增速",
        "growth",
        "东湖区社会消费品零售总额增长6%",
        value=6,
        unit_label="%",
        cadence="month",
        readings=monthly(5.6, 5.9, 6.1, 6.3, 6.5, 6.6, 6.7, 6.8, first=2),
    ),
    TargetSpec(
        "donghu",
        "qh-dh",
        "城中村改造项目开工",
        "cumulative",
        "开工城中村改造项目3个",
        value=3,
        unit_label="个",
        cadence="quarter",
        readings=quarterly(0, 1, 3),
    ),
    TargetSpec(
        "donghu",
        "qh-dh",
        "九小场所消防安全隐患",
        "zero",
        "九小场所消防安全隐患动态清零",
        unit_label="处",
        cadence="month",
        readings=monthly((18, 0), (15, 1), (11, 0), (8, 0), (6, 0), (3, 0), (2, 0), (0, 0), (1, 0)),
        last="returned",
        return_reason="填报数与隐患台账不一致（台账显示9月新增2处、整改1处），请核实后重新填报。",
    ),
    TargetSpec(
        "donghu",
        "qh-dh",
        "云河片区控制性详细规划修编",
        "milestone",
        "上半年完成云河片区控制性详细规划修编",
        end=H1,
        milestones=[
            ("完成现状调研和方案编制", date(2025, 4, 30), date(2025, 4, 20)),
            ("完成专家评审和批前公示", H1, None),
        ],
    ),
    TargetSpec(
        "yunhe",
        "qh-dh-yh",
        "既有住宅加装电梯",
        "cumulative",
        "既有住宅加装电梯24部",
        value=24,
        unit_label="部",
        cadence="month",
        readings=monthly(0, 1, 3, 5, 7, 9, 11, 14, 17),
        last="submitted",
    ),
    TargetSpec(
        "yunhe",
        "qh-dh-yh",
        "社区养老服务站点覆盖率",
        "level",
        "社区养老服务站点覆盖率达到100%",
        value=100,
        unit_label="%",
        cadence="quarter",
        readings=quarterly(88, 92, 96),
    ),
    # 十、西山县
    TargetSpec(
        "xishan",
        "qh-xs",
        "西山县固定资产投资增速",
        "growth",
        "固定资产投资增长8%",
        value=8,
        unit_label="%",
        cadence="month",
        readings=monthly(7.1, 7.6, 8.0, 8.3, 8.4, 8.6, 8.5, 8.7, first=2),
        last="draft",
    ),
    TargetSpec(
        "xishan",
        "qh-xs",
        "标准蔬菜基地",
        "cumulative",
        "到2027年建成标准蔬菜基地10万亩",
        value=10,
        unit_label="万亩",
        cadence="quarter",
        end=date(2027, 12, 31),
        readings=quarterly(0.6, 1.3, 2.1),
    ),
    TargetSpec(
        "xishan",
        "qh-xs",
        "西山县耕地保有量",
        "floor",
        "耕地保有量不低于62.4万亩",
        unit_label="万亩",
        cadence="quarter",
        baseline=62.4,
        readings=quarterly(62.41, 62.4, 62.32),
        note="石桥镇查出违法占用耕地约400亩，已立案查处，年底前完成复耕。",
    ),
    TargetSpec(
        "xishan",
        "qh-xs",
        "农村冬季清洁取暖改造",
        "cumulative",
        "10月起实施农村冬季清洁取暖改造3000户",
        value=3000,
        unit_label="户",
        cadence="month",
        start=date(2025, 10, 1),
    ),
]

PREAMBLE = (
    "为深入贯彻落实市委经济工作会议和市《政府工作报告》部署，压紧压实工作责任，"
    "确保全年目标任务落到实处，现将2025年重点工作任务分解如下。"
)
CLOSING = (
    "各牵头单位要于每月5日前（按季度报送的于季度结束后次月5日前）报送上月工作进展，"
    "配合单位将责任落实情况提前报送牵头单位。市政府督查室定期汇总通报，"
    "对进度滞后的任务进行专项督办。"
)
NUMERALS = "一二三四五六七八九十"


# --- building -----------------------------------------------------------------


def _source_text(units: dict[str, Unit]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The plan's source document, and where each target's snippet sits in it."""
    lines = [PLAN_TITLE, "", PREAMBLE]
    offsets: dict[int, tuple[int, int]] = {}
    text_so_far = "\n".join(lines) + "\n"
    top = 0
    sub: dict[str, int] = {}
    for task in TASKS:
        if task.parent is None:
            heading = f"{NUMERALS[top]}、{task.title}"
            top += 1
        else:
            sub[task.parent] = sub.get(task.parent, 0) + 1
            heading = f"（{NUMERALS[sub[task.parent] - 1]}）{task.title}"
        sentence = heading
        snippets = [(i, t.snippet) for i, t in enumerate(TARGETS) if t.task == task.key]
        if snippets:
            sentence += "。"
            for n, (i, snippet) in enumerate(snippets):
                if n:
                    sentence += "，"
                start = len(text_so_far) + len(sentence)
                sentence += snippet
                offsets[i] = (start, start + len(snippet))
        sentence += "。（牵头单位：" + units[task.lead].short_name
        if task.cooperating:
            sentence += "；配合单位：" + "、".join(units[c].short_name for c in task.cooperating)
        sentence += "）"
        text_so_far += sentence + "\n"
    text_so_far += CLOSING + "\n"
    return text_so_far, offsets


def _period_words(as_of: date, cadence: str) -> str:
    if cadence == "quarter" and as_of.month in (3, 6, 9, 12):
        return {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}[as_of.month]
    return "1月" if as_of.month == 1 else f"1-{as_of.month}月"


def _narrative(spec: TargetSpec, as_of: date, value, baseline=None) -> str:
    when = _period_words(as_of, spec.cadence)
    unit = spec.unit_label
    if spec.kind == "growth":
        return f"{when}{spec.name.removesuffix('增速')}同比增长{value:g}%。"
    if spec.kind == "level":
        return f"截至{as_of.month}月底，{spec.name}为{value:g}{unit}。"
    if spec.kind == "zero":
        open_, overdue = value
        return (
            f"截至{as_of.month}月底，尚未整改销号{open_}{unit}，其中超过整改期限{overdue}{unit}。"
        )
    if spec.kind == "floor":
        return f"截至{as_of.month}月底，{spec.name}{value:g}{unit}（基数{baseline:g}{unit}）。"
    return f"{when}累计{spec.measure or spec.name}{value:g}{unit}。"


class _Loader:
    def __init__(self):
        self.units = {u.code: u for u in Unit.objects.all()}
        usernames = {SUPERVISOR, *REPORTERS.values(), *APPROVERS.values()}
        self.people = {u.username: u for u in User.objects.filter(username__in=usernames)}
        self.supervisor = self.people[SUPERVISOR]

    def reporter(self, code: str) -> User:
        return self.people[REPORTERS[code]]

    def approver(self, code: str) -> User:
        return self.people[APPROVERS[code]]

    def run(self) -> Plan:
        text, offsets = _source_text(self.units)
        plan = create_plan(
            self.supervisor, title=PLAN_TITLE, start=YEAR_START, end=YEAR_END, source_text=text
        )
        tasks: dict[str, Task] = {}
        for position, task_spec in enumerate(TASKS):
            tasks[task_spec.key] = create_task(
                plan,
                self.supervisor,
                title=task_spec.title,
                lead_unit=self.units[task_spec.lead],
                cooperating_units=[self.units[c] for c in task_spec.cooperating],
                parent=tasks[task_spec.parent] if task_spec.parent else None,
                deadline=task_spec.deadline,
                position=position,
            )
        made: list[tuple[TargetSpec, Target, list[tuple[PartSpec, Target]]]] = []
        for i, spec in enumerate(TARGETS):
            start, end = offsets[i]
            target = create_target(
                plan,
                self.supervisor,
                task=tasks[spec.task],
                unit=self.units[spec.unit],
                name=spec.name,
                kind=spec.kind,
                comparator=spec.comparator,
                value=spec.value,
                unit_label=spec.unit_label,
                start=spec.start,
                end=spec.end,
                cadence=spec.cadence,
                due_day=5,
                schedule=spec.schedule,
                baseline=spec.baseline,
                source_snippet=spec.snippet,
                source_start=start,
                source_end=end,
            )
            for name, due, _done in spec.milestones:
                add_milestone(target, self.supervisor, name=name, due=due)
            parts = [
                (
                    part,
                    ask_part(target, self.supervisor, unit=self.units[part.unit], value=part.value),
                )
                for part in spec.parts
            ]
            made.append((spec, target, parts))
        confirm_plan(plan, self.supervisor)

        for spec, target, parts in made:
            # confirm_plan saved the originals on its own copies: reload ours, or
            # update_target would save them back as they were before confirmation.
            target.refresh_from_db()
            if spec.rebaseline:
                new_value, reason = spec.rebaseline
                update_target(target, self.supervisor, reason, value=new_value)
            self.report(spec, target, spec.readings, spec.last)
            for part, part_target in parts:
                self.report(spec, part_target, part.readings, part.last)
            for name, _due, done in spec.milestones:
                if done is not None:
                    milestone = target.milestones.get(name=name)
                    self.file(
                        target,
                        done,
                        None,
                        None,
                        f"“{name}”已于{done.month}月{done.day}日完成。",
                        milestone=milestone,
                    )
            if spec.correct:
                self.correct(target, *spec.correct)
        return plan

    def report(self, spec: TargetSpec, target: Target, readings, last: str) -> None:
        for n, (as_of, value) in enumerate(readings):
            is_last = n == len(readings) - 1
            overdue = None
            if spec.kind == "zero":
                text = _narrative(spec, as_of, value)
                value, overdue = value
            else:
                text = _narrative(spec, as_of, value, spec.baseline)
            if is_last and spec.note:
                text += spec.note
            status = last if is_last else "approved"
            self.file(target, as_of, value, overdue, text, status=status, reason=spec.return_reason)

    def file(
        self, target, as_of, value, overdue, text, *, milestone=None, status="approved", reason=""
    ) -> Report:
        code = target.unit.code
        reporter = self.reporter(code)
        report = create_report(
            target,
            reporter,
            as_of=as_of,
            value=value,
            overdue=overdue,
            milestone=milestone,
            narrative=text,
            submit=status != "draft",
        )
        if status in ("draft", "submitted"):
            return report
        if status == "returned":
            return return_report(report, self.approver(code), reason)
        return approve_report(report, self.approver(code))

    def correct(self, target: Target, as_of: date, value: float, text: str) -> None:
        code = target.unit.code
        reporter = self.reporter(code)
        old = target.reports.get(as_of=as_of, status="approved")
        correction = correct_report(old, reporter)
        update_report(
            correction,
            reporter,
            expected_revision=correction.revision,
            as_of=as_of,
            value=value,
            narrative=text,
            submit=True,
        )
        approve_report(correction, self.approver(code))


def demo_plan_loaded() -> bool:
    return Plan.objects.filter(title=PLAN_TITLE).exists()


def load_demo_plan() -> bool:
    """Load the demo city's 2025 plan. Returns False (and changes nothing) if it is there.

    The demo city (luoshi.demo.city.load_demo) must be loaded first.

    The actions refuse readings dated after luoshi.clock.today(). The demo's
    story is told as of DEMO_DATE, so loading pins "today" to it: the same
    validation then holds whatever the machine's date or LUOSHI_TODAY (a
    training copy may fix an earlier day), and the result does not depend on
    when the demo was loaded. Submission and review times are the real ones.
    """
    if demo_plan_loaded():
        return False
    if not demo_loaded():
        raise RuntimeError("Load the demo city (load_demo) before its plan.")
    with override_settings(LUOSHI_TODAY=DEMO_DATE), transaction.atomic():
        _Loader().run()
    return True
