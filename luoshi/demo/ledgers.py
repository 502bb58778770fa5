"""The demo city's two ledgers, and the demo plan's targets computed from them.

Written for this project: every project, investor, place and person below is
fictional, and the figures are made up so that the demo tells a story.

`load_demo_ledgers()` fills, through the ledger actions and as the demo people
would (each unit's reporter keeps its rows; the supervision office verifies
and reopens hazards):

- about 230 investment projects of 市商务局, 东湖区 and 西山县 on the path
  洽谈 → 签约 → 落地 → 开工 → 投产, dated from 2024 to the demo date, some moved
  back (开工 withdrawn, a signing suspended), some dropped with a reason;
- 300 safety hazards of 市应急局, 市住建局, 东湖区, 云河街道 and 西山县 across the
  domains, places and levels, moving open → rectifying → rectified → closed,
  some reopened after a failed verification, some past their deadline.

It then binds four targets of the demo plan to ledger measures (their manual
reports stay in their history but no longer count). On the demo date,
2025-10-15, they read:

- 签约项目 ≥ 50 (count of projects that reached 签约 in 2025): 38, lagging
  against the 75%-by-Q3 schedule;
- 项目开工率 ≥ 70% (开工 in 2025 ÷ 签约 in 2025): 26 ÷ 38 = 68.4%, lagging;
- 重大事故隐患动态清零 (open major hazards): 5 open, 2 past their deadline
  (the tank-farm rebuilds of two chemical plants): behind;
- 城镇燃气安全隐患动态清零 (open gas hazards): 3 open, none overdue: lagging.

Randomness is seeded: every load gives the same ledgers. Like the demo plan,
loading pins "today" to the demo date (actions refuse future dates).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.test.utils import override_settings

from luoshi.ledgers import actions
from luoshi.ledgers.measures import bind_measure
from luoshi.ledgers.models import Hazard, Measure, Project
from luoshi.orgs.models import Unit, User
from luoshi.plans.models import Target

from .plan import DEMO_DATE, PLAN_TITLE, demo_plan_loaded

SEED = 20251015
LAST = DEMO_DATE - timedelta(days=1)  # the last day with ledger entries

PROJECT_KEEPERS = {
    "qh-swj": "commerce-reporter",
    "qh-dh": "donghu-reporter",
    "qh-xs": "xishan-reporter",
}
HAZARD_KEEPERS = {
    "qh-yjj": "safety-reporter",
    "qh-zjj": "housing-reporter",
    "qh-dh": "donghu-reporter",
    "qh-dh-yh": "yunhe-reporter",
    "qh-xs": "xishan-reporter",
}
VERIFIERS = ("supervisor", "supervisor2")

# The demo plan's targets computed from the ledgers: (target name, measure fields, reason).
BINDINGS: list[tuple[str, dict[str, Any], str]] = [
    (
        "签约项目",
        {
            "source": "projects",
            "aggregate": "count",
            "filter": {"stage_reached": "signed", "reached_in_period": True},
        },
        "签约项目数由招商项目台账自动统计，不再人工填报",
    ),
    (
        "项目开工率",
        {
            "source": "projects",
            "aggregate": "ratio",
            "filter": {"stage_reached": "started", "reached_in_period": True},
            "denominator_filter": {"stage_reached": "signed", "reached_in_period": True},
        },
        "开工率＝当年开工项目数÷当年签约项目数，由招商项目台账自动计算",
    ),
    (
        "重大事故隐患",
        {"source": "hazards", "aggregate": "count", "filter": {"status": "open", "level": "major"}},
        "重大事故隐患清零进度由隐患台账自动统计（含超期未整改数）",
    ),
    (
        "城镇燃气安全隐患",
        {"source": "hazards", "aggregate": "count", "filter": {"status": "open", "domain": "gas"}},
        "燃气安全隐患清零进度由隐患台账自动统计",
    ),
]

# --- words ------------------------------------------------------------------------------

CHAINS = {
    "新能源汽车及零部件": ["电驱动总成", "动力电池模组", "汽车线束", "轻量化车身件", "充换电设备"],
    "新材料": ["高性能碳纤维", "电子级多晶硅", "特种工程塑料", "锂电隔膜", "高端铝合金板带"],
    "生物医药": ["生物制剂", "医用敷料", "体外诊断试剂", "中药配方颗粒", "医疗器械"],
    "电子信息": ["智能终端", "功率半导体封测", "柔性电路板", "服务器整机", "光通信模块"],
    "绿色食品": ["预制菜", "茶饮原料", "冷链乳制品", "特色果蔬深加工", "粮油精深加工"],
    "高端装备": ["智能农机", "工业机器人", "环保装备", "精密数控机床", "輸变电设备"],
    "现代物流": ["冷链物流园", "电商分拨中心", "多式联运枢纽", "城市共同配送中心"],
    "文旅康养": ["康养综合体", "研学旅行基地", "乡村度假区", "温泉文旅小镇"],
}
ORIGINS = ["长三角", "珠三角", "京津冀", "成渝地区", "本省", "港澳", "德国", "新加坡", "日本"]
INVESTOR_WORDS = ["恒远", "启明", "华辰", "瑞丰", "联拓", "青川", "宏泰", "博越", "明德", "嘉禾"]
INVESTOR_WORDS += ["中科", "鼎盛", "天顺", "海纳", "润和", "星联", "锦程", "安泰", "佳禾", "泓源"]
INVESTOR_TAILS = [
    "科技有限公司",
    "实业集团有限公司",
    "股份有限公司",
    "控股有限公司",
    "产业投资有限公司",
]
CITIES = ["上海", "深圳", "苏州", "杭州", "北京", "成都", "广州", "武汉", "宁波", "东莞"]
DROP_REASONS = [
    "投资方调整战略布局，项目终止",
    "投资方资金链紧张，无法按期履约",
    "项目选址与国土空间规划不符，无法落地",
    "环评未获批准，项目终止",
    "投资方转投其他城市",
    "项目能耗指标无法保障，双方协商终止",
]
BACK_NOTES = {
    "signed": "施工许可手续被撤回，开工状态退回",
    "landed": "主体工程因设计变更停工，开工状态退回",
    "negotiating": "投资方调整投资计划，签约协议暂缓执行",
}

PLACES = {
    # domain: [(place, kind), ...]
    "gas": [
        ("{area}幸福里小区{n}号楼", "residential"),
        ("{area}金桂园小区燃气调压箱", "residential"),
        ("{area}老街餐饮店（{n}号铺）", "small_venue"),
        ("{area}农贸市场熟食区", "market"),
        ("{area}第{n}中学食堂", "school"),
    ],
    "fire": [
        ("{area}明珠商厦", "market"),
        ("{area}颐养院（{n}号楼）", "care_home"),
        ("{area}便民超市（{n}号）", "small_venue"),
        ("{area}网吧（{n}号）", "small_venue"),
        ("{area}人民医院住院楼", "hospital"),
        ("{area}翠湖花园高层{n}栋", "high_rise"),
        ("{area}实验小学", "school"),
    ],
    "construction": [
        ("{area}安置房项目{n}标段工地", "other"),
        ("{area}学校扩建工程工地", "school"),
        ("{area}商业综合体项目基坑", "other"),
        ("{area}医院门诊楼改造工地", "hospital"),
    ],
    "road": [
        ("{area}国道{n}公里处急弯路段", "other"),
        ("{area}学校门口路段", "school"),
        ("{area}乡道临水临崖路段", "other"),
    ],
    "mining": [("{area}石料矿{n}号采区", "factory"), ("{area}尾矿库", "factory")],
    "chemicals": [
        ("{area}化工园区{n}号储罐区", "factory"),
        ("{area}危化品仓库", "factory"),
        ("{area}加油站（{n}号）", "other"),
    ],
    "equipment": [
        ("{area}商场自动扶梯", "market"),
        ("{area}住宅小区电梯（{n}号楼）", "residential"),
        ("{area}工业园区锅炉房", "factory"),
    ],
    "other": [("{area}广场临时搭建物", "other"), ("{area}废弃厂房", "other")],
}
DESCRIPTIONS = {
    "gas": [
        "燃气管道老化锈蚀，存在泄漏风险",
        "餐饮场所未安装燃气泄漏报警装置",
        "燃气软管超期使用且穿墙敷设",
        "液化气钢瓶与灶具间距不足，存放在地下室",
    ],
    "fire": [
        "疏散通道堆放杂物，安全出口锁闭",
        "消防设施未定期维护，部分灭火器失效",
        "电动自行车在楼道内停放充电",
        "电气线路私拉乱接，未穿管保护",
        "自动喷水灭火系统未处于工作状态",
    ],
    "construction": [
        "深基坑支护未按方案施工，监测数据异常",
        "高支模未经验收即浇筑混凝土",
        "塔吊附着装置松动，未及时检测",
        "脚手架连墙件缺失",
    ],
    "road": [
        "急弯路段缺少警示标志和减速设施",
        "临水临崖路段未设置防护栏",
        "学校周边人行横道标线磨损",
    ],
    "mining": ["边坡台阶高度超过设计要求", "尾矿库排洪设施淤堵", "爆破作业安全距离不足"],
    "chemicals": [
        "储罐区防火堤破损，围堰容积不足",
        "重大危险源监测预警系统数据中断",
        "危化品仓库超量储存，禁忌物料混放",
    ],
    "equipment": ["电梯超期未检验", "锅炉安全阀失效", "自动扶梯梳齿板缺损"],
    "other": ["临时搭建物结构不稳固", "废弃厂房围挡缺失，存在坍塌风险"],
}
AREAS = {
    "qh-yjj": ["青禾经开区", "滨江工业园", "北郊", "南湖片区"],
    "qh-zjj": ["城北新区", "老城片区", "高铁新城", "青禾经开区"],
    "qh-dh": ["东湖区湖滨路", "东湖区解放街", "东湖区望江路", "东湖区花园巷"],
    "qh-dh-yh": ["云河街道杏园社区", "云河街道河畔社区", "云河街道新桥社区"],
    "qh-xs": ["西山县石桥镇", "西山县城关镇", "西山县柳塘村", "西山县龙泉乡"],
}
DOMAINS = {
    "qh-yjj": ["chemicals", "chemicals", "mining", "equipment", "fire"],
    "qh-zjj": ["construction", "construction", "gas", "gas", "equipment"],
    "qh-dh": ["fire", "fire", "gas", "road", "equipment"],
    "qh-dh-yh": ["fire", "fire", "gas", "other"],
    "qh-xs": ["mining", "road", "chemicals", "fire", "construction"],
}
FINDERS = {
    "qh-yjj": ["市应急局执法支队检查组", "第三方专家组", "企业自查"],
    "qh-zjj": ["市住建局质安站", "燃气安全专项检查组", "第三方检测机构"],
    "qh-dh": ["东湖区消防救援大队", "东湖区安委办检查组", "网格员巡查"],
    "qh-dh-yh": ["云河街道安全员", "社区网格员", "居民举报核实"],
    "qh-xs": ["西山县应急管理局", "石桥镇安全办", "县交警大队"],
}
MEASURES = {
    "gas": "更换老化管道和软管，加装燃气泄漏报警及自动切断装置",
    "fire": "清理疏散通道，维修更换消防设施，开展消防安全培训",
    "construction": "停工整改，按专项方案加固并经专家论证后复工",
    "road": "增设警示标志、减速带和防护栏",
    "mining": "按设计削坡减载，清淤疏通排洪设施",
    "chemicals": "修复防火堤，恢复监测预警系统，清理超量储存物料",
    "equipment": "委托特检机构检验，更换失效部件",
    "other": "拆除或加固，设置围挡和警示标识",
}
PEOPLE_NAMES = ["张建国", "李卫民", "王海涛", "刘志强", "陈晓东", "杨立新", "赵文斌", "周国平"]


def _day(rng: random.Random, lo: date, hi: date) -> date:
    if hi <= lo:
        return lo
    return date.fromordinal(rng.randint(lo.toordinal(), hi.toordinal()))


def _after(rng: random.Random, day: date, lo: int, hi: int, cap: date = LAST) -> date:
    return min(day + timedelta(days=rng.randint(lo, hi)), cap)


# --- projects ---------------------------------------------------------------------------


@dataclass
class ProjectStory:
    path: list[tuple[str, date]]
    dropped: tuple[date, str] | None = None
    notes: dict[int, str] = field(default_factory=dict)  # event index → note


def _signing_days(rng: random.Random) -> list[date]:
    """38 signing days in 2025 up to the demo date: 10 by Q1, 24 by H1, 36 by Q3."""
    per_month = [2, 3, 5, 4, 5, 5, 4, 4, 4, 2]
    days = []
    for month, count in enumerate(per_month, start=1):
        last = LAST if month == 10 else date(2025, month + 1, 1) - timedelta(days=1)
        days += [_day(rng, date(2025, month, 1), last) for _ in range(count)]
    return sorted(days)


def project_stories(rng: random.Random) -> list[ProjectStory]:
    stories: list[ProjectStory] = []
    # 38 projects signed in 2025 and still at 签约 or beyond on the demo date.
    signing = _signing_days(rng)
    started = set(rng.sample(range(30), 20))  # 20 of those signed before August start
    withdrawn = set(rng.sample(sorted(set(range(24)) - started), 4))
    for i, signed in enumerate(signing):
        path = [("negotiating", _after(rng, signed, -120, -20))]
        path.append(("signed", signed))
        notes = {}
        if i in started or i in withdrawn:
            start = _after(rng, signed, 30, 150)
            if start <= signed:
                start = signed
            if rng.random() < 0.6:
                path.append(("landed", _day(rng, signed, start)))
            path.append(("started", start))
            if i in withdrawn:
                back = "landed" if rng.random() < 0.5 else "signed"
                path.append((back, _after(rng, start, 20, 60)))
                notes[len(path) - 1] = BACK_NOTES[back]
            elif start < DEMO_DATE - timedelta(days=90) and rng.random() < 0.4:
                path.append(("producing", _after(rng, start, 60, 120)))
        elif rng.random() < 0.5:
            path.append(("landed", _after(rng, signed, 20, 90)))
        stories.append(ProjectStory(path, notes=notes))
    # Carried over from 2024: producing in 2025; signed in 2024 and started in 2025;
    # signed in 2024 and landed; still negotiating (some dropped in 2025).
    for _ in range(10):
        neg = _day(rng, date(2023, 10, 1), date(2024, 3, 31))
        signed = _after(rng, neg, 30, 120)
        start = _after(rng, signed, 30, 120)
        stories.append(
            ProjectStory(
                [
                    ("negotiating", neg),
                    ("signed", signed),
                    ("started", start),
                    ("producing", _day(rng, date(2025, 1, 10), date(2025, 9, 30))),
                ]
            )
        )
    for _ in range(6):
        signed = _day(rng, date(2024, 9, 1), date(2024, 12, 20))
        stories.append(
            ProjectStory(
                [
                    ("negotiating", _after(rng, signed, -150, -40)),
                    ("signed", signed),
                    ("started", _day(rng, date(2025, 2, 1), date(2025, 9, 20))),
                ]
            )
        )
    for _ in range(6):
        signed = _day(rng, date(2024, 6, 1), date(2024, 12, 20))
        stories.append(
            ProjectStory(
                [("signed", signed), ("landed", _day(rng, date(2025, 1, 15), date(2025, 9, 30)))]
            )
        )
    for n in range(12):
        neg = _day(rng, date(2024, 3, 1), date(2024, 12, 31))
        dropped = None
        if n < 4:
            dropped = (_day(rng, date(2025, 2, 1), date(2025, 9, 30)), rng.choice(DROP_REASONS))
        stories.append(ProjectStory([("negotiating", neg)], dropped))
    # Signed in 2025, then dropped; signed in 2025, then the signing suspended.
    for _ in range(4):
        signed = _day(rng, date(2025, 2, 1), date(2025, 5, 31))
        stories.append(
            ProjectStory(
                [("negotiating", _after(rng, signed, -90, -20)), ("signed", signed)],
                (_day(rng, date(2025, 7, 1), date(2025, 9, 30)), rng.choice(DROP_REASONS)),
            )
        )
    for _ in range(3):
        signed = _day(rng, date(2025, 3, 1), date(2025, 5, 31))
        stories.append(
            ProjectStory(
                [
                    ("negotiating", _after(rng, signed, -60, -20)),
                    ("signed", signed),
                    ("negotiating", _day(rng, date(2025, 6, 15), date(2025, 8, 31))),
                ],
                notes={2: BACK_NOTES["negotiating"]},
            )
        )
    # New leads of 2025, still being negotiated; some given up.
    for n in range(150):
        neg = _day(rng, date(2025, 1, 3), LAST)
        dropped = None
        if n % 8 == 0 and neg < date(2025, 9, 1):
            dropped = (_after(rng, neg, 20, 120), rng.choice(DROP_REASONS))
        stories.append(ProjectStory([("negotiating", neg)], dropped))
    return stories


def _project_fields(rng: random.Random, n: int, stage: str) -> dict:
    chain = rng.choice(list(CHAINS))
    product = rng.choice(CHAINS[chain])
    scale = rng.choice(["年产", "新建", "扩建", "智能化改造"])
    name = f"{scale}{product}项目"
    if scale == "年产":
        name = f"年产{rng.choice([5, 10, 20, 30, 50])}万套{product}项目"
    planned = Decimal(rng.choice([3000, 5000, 8000, 12000, 20000, 35000, 50000, 80000, 120000]))
    paid = Decimal(0)
    if stage in ("started", "producing"):
        paid = (planned * Decimal(rng.choice([20, 35, 50, 70, 90])) / 100).quantize(Decimal("1"))
    investor = (
        f"{rng.choice(CITIES)}{rng.choice(INVESTOR_WORDS)}{rng.choice(INVESTOR_WORDS)}"
        f"{rng.choice(INVESTOR_TAILS)}"
    )
    return {
        "name": f"{name}（{n:03d}）",
        "investor": investor,
        "origin": rng.choice(ORIGINS),
        "industry_chain": chain,
        "planned_amount": planned,
        "paid_in_amount": paid,
    }


def _load_projects(rng: random.Random, units: dict[str, Unit], people: dict[str, User]) -> int:
    codes = list(PROJECT_KEEPERS)
    stories = project_stories(rng)
    # In order of the first entry, as the ledger would have been kept.
    stories.sort(key=lambda s: s.path[0][1])
    for n, story in enumerate(stories, start=1):
        code = codes[0] if n % 2 else rng.choice(codes)  # 市商务局 keeps about two thirds
        keeper = people[PROJECT_KEEPERS[code]]
        (stage, on), *moves = story.path
        project = actions.create_project(
            keeper,
            stage=stage,
            stage_date=on,
            unit=units[code],
            **_project_fields(rng, n, story.path[-1][0]),
        )
        for index, (stage, on) in enumerate(moves, start=1):
            actions.move_project(
                project, keeper, stage=stage, on=on, note=story.notes.get(index, "")
            )
        if story.dropped:
            on, reason = story.dropped
            actions.drop_project(project, keeper, on=max(on, story.path[-1][1]), reason=reason)
    return len(stories)


# --- hazards ----------------------------------------------------------------------------


@dataclass
class HazardStory:
    code: str
    domain: str
    level: str
    found: date
    deadline: date
    moves: list[tuple[str, date]]


def _closed_moves(rng: random.Random, found: date, deadline: date, reopen: bool) -> list:
    """open → (rectifying) → rectified → closed, on time or late; maybe reopened once."""
    span = max((deadline - found).days, 1)
    late = rng.random() < 0.15
    rectified = found + timedelta(
        days=rng.randint(span // 3, span) + (rng.randint(5, 40) if late else 0)
    )
    moves = []
    if rng.random() < 0.5:
        moves.append(("rectifying", _day(rng, found, rectified)))
    moves.append(("rectified", rectified))
    if reopen:
        again = _after(rng, rectified, 3, 10)
        moves.append(("reopened", again))
        moves.append(("rectifying", _after(rng, again, 2, 10)))
        moves.append(("rectified", _after(rng, again, 15, 40)))
    moves.append(("closed", _after(rng, moves[-1][1], 2, 10)))
    return moves


def hazard_stories(rng: random.Random) -> list[HazardStory]:
    stories: list[HazardStory] = []
    codes = list(HAZARD_KEEPERS)

    def found_between(lo: date, hi: date) -> date:
        return _day(rng, lo, hi)

    # Major hazards open on the demo date: two past their deadline (chemical tank
    # farms, one reopened after a failed verification), three within it.
    found = date(2025, 3, 18)
    stories.append(
        HazardStory(
            "qh-yjj",
            "chemicals",
            "major",
            found,
            date(2025, 8, 31),
            [("rectifying", date(2025, 4, 2))],
        )
    )
    stories.append(
        HazardStory(
            "qh-xs",
            "chemicals",
            "major",
            date(2025, 4, 9),
            date(2025, 9, 15),
            [
                ("rectifying", date(2025, 5, 6)),
                ("rectified", date(2025, 9, 8)),
                ("reopened", date(2025, 9, 19)),
            ],
        )
    )
    for code, domain, found, deadline, moves in (
        (
            "qh-zjj",
            "construction",
            date(2025, 9, 4),
            date(2025, 11, 30),
            [("rectifying", date(2025, 9, 12))],
        ),
        ("qh-dh", "fire", date(2025, 9, 22), date(2025, 12, 20), []),
        (
            "qh-xs",
            "mining",
            date(2025, 8, 11),
            date(2025, 10, 31),
            [("rectified", date(2025, 10, 10))],
        ),
    ):
        stories.append(HazardStory(code, domain, "major", found, deadline, moves))
    # Major hazards closed by the demo date (some late, some reopened on the way).
    for n in range(27):
        code = rng.choice(codes)
        domain = rng.choice(DOMAINS[code])
        while domain == "gas" and n % 3:  # fewer major gas hazards
            domain = rng.choice(DOMAINS[code])
        found = found_between(date(2024, 11, 1), date(2025, 6, 30))
        deadline = _after(rng, found, 60, 120, cap=date(2025, 12, 31))
        stories.append(
            HazardStory(
                code,
                domain,
                "major",
                found,
                deadline,
                _closed_moves(rng, found, deadline, n % 6 == 0),
            )
        )
    # Open gas hazards on the demo date: three, none past its deadline.
    for code, found, deadline, moves in (
        ("qh-zjj", date(2025, 9, 16), date(2025, 10, 31), [("rectifying", date(2025, 9, 25))]),
        ("qh-dh", date(2025, 10, 9), date(2025, 11, 15), []),
        ("qh-dh-yh", date(2025, 9, 28), date(2025, 10, 20), [("rectified", date(2025, 10, 13))]),
    ):
        stories.append(HazardStory(code, "gas", "ordinary", found, deadline, moves))
    # Ordinary non-gas hazards open on the demo date: 21 within their deadline, 7 past it.
    for n in range(28):
        code = rng.choice(codes)
        domain = rng.choice([d for d in DOMAINS[code] if d != "gas"])
        if n < 7:
            found = found_between(date(2025, 5, 1), date(2025, 8, 20))
            deadline = _after(rng, found, 20, 45, cap=date(2025, 10, 10))
        else:
            found = found_between(date(2025, 8, 20), LAST)
            deadline = _after(rng, found, 30, 60, cap=date(2026, 1, 31))
        kind = n % 4
        if kind == 0:
            moves = []
        elif kind == 1:
            moves = [("rectifying", _after(rng, found, 2, 15))]
        elif kind == 2:
            moves = [("rectified", _after(rng, found, 5, 25))]
        else:
            rectified = _after(rng, found, 3, 15)
            moves = [("rectified", rectified), ("reopened", _after(rng, rectified, 2, 8))]
        stories.append(HazardStory(code, domain, "ordinary", found, deadline, moves))
    # The rest: ordinary hazards found since November 2024 and closed by the demo date.
    for n in range(242):
        code = codes[n % len(codes)]
        domain = rng.choice(DOMAINS[code])
        found = found_between(date(2024, 11, 1), date(2025, 8, 31))
        deadline = _after(rng, found, 15, 60, cap=date(2025, 12, 31))
        moves = _closed_moves(rng, found, deadline, n % 25 == 0)
        stories.append(HazardStory(code, domain, "ordinary", found, deadline, moves))
    return stories


def _hazard_fields(rng: random.Random, story: HazardStory, n: int) -> dict:
    area = rng.choice(AREAS[story.code])
    template, kind = rng.choice(PLACES[story.domain])
    fields = {
        "description": rng.choice(DESCRIPTIONS[story.domain]),
        "domain": story.domain,
        "place": template.format(area=area, n=rng.randint(1, 12)),
        "place_kind": kind,
        "level": story.level,
        "found_on": story.found,
        "found_by": rng.choice(FINDERS[story.code]),
        "deadline": max(story.deadline, story.found),
        "measures": MEASURES[story.domain],
    }
    if story.level == "major":
        fields["responsible_person"] = f"{rng.choice(PEOPLE_NAMES)}（企业主要负责人）"
        fields["funds"] = Decimal(rng.choice([30, 50, 80, 120, 200, 450]))
        fields["contingency_plan"] = (
            "制定专项应急预案，落实24小时值守和停产撤人措施，每周组织一次应急演练。"
        )
    return fields


def _load_hazards(rng: random.Random, units: dict[str, Unit], people: dict[str, User]) -> int:
    stories = hazard_stories(rng)
    stories.sort(key=lambda s: s.found)
    verifiers = [people[name] for name in VERIFIERS]
    for n, story in enumerate(stories, start=1):
        keeper = people[HAZARD_KEEPERS[story.code]]
        hazard = actions.create_hazard(
            keeper, unit=units[story.code], **_hazard_fields(rng, story, n)
        )
        last = story.found
        for status, on in story.moves:
            on = min(max(on, last), LAST)
            last = on
            if status in ("closed", "reopened"):
                note = (
                    "复核未通过：整改不到位，重新整改"
                    if status == "reopened"
                    else "现场复核合格，予以销号"
                )
                actions.move_hazard(hazard, rng.choice(verifiers), status=status, on=on, note=note)
            else:
                actions.move_hazard(hazard, keeper, status=status, on=on)
    return len(stories)


# --- loading ------------------------------------------------------------------------------


def demo_ledgers_loaded() -> bool:
    return Project.objects.filter(unit__code__in=PROJECT_KEEPERS).exists() or (
        Hazard.objects.filter(unit__code__in=HAZARD_KEEPERS).exists()
    )


def bound_demo_targets() -> list[Target]:
    names = [name for name, _fields, _reason in BINDINGS]
    return list(
        Target.objects.filter(
            plan__title=PLAN_TITLE, name__in=names, part_of__isnull=True
        ).select_related("plan")
    )


def load_demo_ledgers() -> bool:
    """Fill the demo ledgers and bind the demo targets. False (nothing changed) if there.

    The demo city and its plan (load_demo, load_demo_plan) must be loaded first.
    """
    if demo_ledgers_loaded():
        return False
    if not demo_plan_loaded():
        raise RuntimeError("Load the demo plan (load_demo_plan) before its ledgers.")
    rng = random.Random(SEED)  # noqa: S311 - a seeded generator makes the same demo every time
    units = {u.code: u for u in Unit.objects.all()}
    usernames = {*PROJECT_KEEPERS.values(), *HAZARD_KEEPERS.values(), *VERIFIERS, "supervisor"}
    people = {u.username: u for u in User.objects.filter(username__in=usernames)}
    with override_settings(LUOSHI_TODAY=DEMO_DATE), transaction.atomic():
        _load_projects(rng, units, people)
        _load_hazards(rng, units, people)
        targets = {t.name: t for t in bound_demo_targets()}
        for name, fields, reason in BINDINGS:
            target = targets.get(name)
            if target is not None and not Measure.objects.filter(target=target).exists():
                bind_measure(target, people["supervisor"], reason=reason, **fields)
    return True
