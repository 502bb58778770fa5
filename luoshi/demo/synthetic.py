"""A synthetic city (or province) for measuring luoshi at scale: `luoshi generate`.

One "city" is what a real prefecture-level city runs on: 150 units (the
government, 40 departments, 12 districts and their 96 towns), 300 people (a
reporter and an approver in each unit) plus a supervisor and a leader, one
confirmed plan of 5,000 targets of all six kinds, 12 months of reports (drafts,
submissions, returns and corrections among the approved ones), 5,000 safety
hazards and 2,000 investment projects with their dated events, and a few
targets computed from those ledgers. `scale` N builds N such cities under one
province.

Everything follows from the seed: the same seed and scale give the same rows
(ids aside). Rows are written with bulk_create, so the generated rows carry no
history entries; the history of what people change afterwards is kept as usual.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from luoshi.core.periods import days_in_month
from luoshi.dashboards.store import refresh
from luoshi.ledgers import reach
from luoshi.ledgers.choices import (
    HazardDomain,
    HazardLevel,
    HazardStatus,
    PlaceKind,
    Stage,
)
from luoshi.ledgers.models import Hazard, HazardEvent, Measure, Project, StageEvent
from luoshi.orgs.choices import Role, UnitKind
from luoshi.orgs.models import Membership, Unit, User
from luoshi.plans.choices import Cadence, Comparator, PlanStatus, TargetKind
from luoshi.plans.models import Milestone, Plan, Target, Task
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

DEPARTMENTS = [
    "发展改革委",
    "教育局",
    "科技局",
    "工信局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人社局",
    "自然资源局",
    "生态环境局",
    "住建局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文旅局",
    "卫健委",
    "退役军人局",
    "应急局",
    "审计局",
    "国资委",
    "市场监管局",
    "体育局",
    "统计局",
    "医保局",
    "林业局",
    "城管局",
    "信访局",
    "数据局",
    "粮食和储备局",
    "人防办",
    "机关事务局",
    "投资促进局",
    "金融办",
    "外办",
    "乡村振兴局",
    "供销社",
    "消防救援支队",
    "税务局",
]
DISTRICTS = [
    "东湖区",
    "西山县",
    "南岭区",
    "北塘县",
    "青溪区",
    "白石县",
    "临江区",
    "松原县",
    "柳川区",
    "金沙县",
    "云台区",
    "石门县",
]
TOWN_WORDS = ["桥", "塘", "湾", "岭", "坪", "溪", "埠", "集"]
TOWN_PREFIXES = ["安", "长", "新", "永", "清", "和", "兴", "福", "宁", "丰", "平", "明"]

# (kind, name pattern, comparator, value range, unit label): what targets read like.
TARGET_SHAPES = [
    (TargetKind.CUMULATIVE, "新增{}企业", Comparator.GE, (10, 200), "户"),
    (TargetKind.CUMULATIVE, "完成{}投资", Comparator.GE, (5, 120), "亿元"),
    (TargetKind.CUMULATIVE, "签约{}项目", Comparator.GE, (10, 80), "个"),
    (TargetKind.CUMULATIVE, "培训{}人次", Comparator.GE, (1000, 20000), "人次"),
    (TargetKind.CUMULATIVE, "{}能耗", Comparator.LE, (50, 500), "万吨标煤"),
    (TargetKind.GROWTH, "{}增长", Comparator.GE, (3, 9), "%"),
    (TargetKind.GROWTH, "{}收入增长", Comparator.APPROX, (4, 8), "%"),
    (TargetKind.LEVEL, "{}达标率", Comparator.GE, (80, 99), "%"),
    (TargetKind.LEVEL, "{}开工率", Comparator.GE, (60, 90), "%"),
    (TargetKind.ZERO, "{}重大隐患动态清零", Comparator.EQ, None, "项"),
    (TargetKind.FLOOR, "{}面积不减少", Comparator.GE, None, "万亩"),
    (TargetKind.MILESTONE, "出台{}实施方案", Comparator.GE, None, ""),
    (TargetKind.MILESTONE, "建成{}平台", Comparator.GE, None, ""),
]
SUBJECTS = [
    "规上工业",
    "社会消费品零售",
    "高新技术",
    "文化旅游",
    "城乡居民",
    "重点领域",
    "数字经济",
    "现代农业",
    "生态环境",
    "公共服务",
    "营商环境",
    "安全生产",
]
INVESTORS = [
    "华信集团",
    "中科控股",
    "远航实业",
    "东方新能源",
    "明德智造",
    "恒通物流",
    "锦程医药",
    "蓝海数据",
]
ORIGINS = ["长三角", "珠三角", "京津冀", "成渝", "港澳", "境外"]
CHAINS = ["新能源", "装备制造", "新材料", "电子信息", "生物医药", "现代物流"]

PER_CITY = {
    "departments": 40,
    "districts": 12,
    "towns_per_district": 8,
    "targets": 5000,
    "hazards": 5000,
    "projects": 2000,
}


@dataclass
class Generated:
    """What was written, for the command to print."""

    units: int = 0
    people: int = 0
    plans: int = 0
    tasks: int = 0
    targets: int = 0
    reports: int = 0
    hazards: int = 0
    projects: int = 0
    measures: int = 0
    usernames: list[str] = field(default_factory=list)


class AlreadyGenerated(Exception):
    """The province of this seed is in the database already."""


def generate(
    scale: int = 1,
    fraction: float = 1.0,
    seed: int = 1,
    year: int = 2025,
    months: int = 12,
    password: str = "luoshi-demo",  # noqa: S107 - the documented demo password
    batch_size: int = 2000,
) -> Generated:
    """Write `scale` synthetic cities under one province, all or nothing.

    `fraction` shrinks each city (0.02 is a city of 100 targets), for tests that
    compare a small city with ten times its size.
    """
    if not 1 <= scale <= 100:
        raise ValueError("scale must be between 1 and 100")
    if not 1 <= months <= 12:
        raise ValueError("months must be between 1 and 12")
    if not 0 < fraction <= 1:
        raise ValueError("fraction must be above 0 and at most 1")
    prefix = f"syn{seed}"
    if Unit.objects.filter(code=prefix).exists():
        raise AlreadyGenerated(f"a synthetic province with seed {seed} is already loaded")
    sizes = {name: max(1, round(count * fraction)) for name, count in PER_CITY.items()}
    # A seeded generator: the same seed makes the same province (S311 is about secrets).
    rng = random.Random(seed)  # noqa: S311 - see above
    builder = _Builder(rng, prefix, year, months, password, batch_size, sizes)
    with transaction.atomic():
        builder.province()
        for index in range(scale):
            builder.city(index)
        # Rows written in bulk send no signals: the stored evaluations are made here.
        refresh(Target.objects.filter(plan__in=builder.plans).values_list("pk", flat=True))
    return builder.result


class _Builder:
    def __init__(
        self,
        rng: random.Random,
        prefix: str,
        year: int,
        months: int,
        password: str,
        batch_size: int,
        sizes: dict[str, int],
    ):
        self.sizes = sizes
        self.rng = rng
        self.prefix = prefix
        self.year = year
        self.months = months
        self.start = date(year, 1, 1)
        self.end = date(year, 12, 31)
        self.batch = batch_size
        # How well each generated target goes (by id() of the instance, unsaved at first).
        self.paces: dict[int, float] = {}
        # One hash for every generated person: argon2 is slow on purpose, and a
        # salt from the seed keeps the rows the same from run to run.
        self.password = make_password(password, salt=f"{prefix}salt0000")
        self.result = Generated()
        self.plans: list[Plan] = []

    # --- units and people -------------------------------------------------

    def _unit(self, code: str, parent: Unit | None, kind: str, name: str, short: str) -> Unit:
        unit = Unit(code=code, parent=parent, kind=kind, name=name, short_name=short)
        unit.path = f"{parent.path if parent else '/'}{code}/"
        return unit

    def province(self) -> None:
        root = self._unit(self.prefix, None, UnitKind.CITY, "合成省人民政府", "合成省")
        root.save()
        self.root = root
        people = [
            self._person(f"{self.prefix}-supervisor", "督查员"),
            self._person(f"{self.prefix}-leader", "省领导"),
        ]
        User.objects.bulk_create(people)
        Membership.objects.bulk_create(
            [
                Membership(user=people[0], unit=root, role=Role.SUPERVISOR),
                Membership(user=people[1], unit=root, role=Role.LEADER),
            ]
        )
        self.result.units += 1
        self.result.people += 2
        self.result.usernames += [p.username for p in people]

    def _person(self, username: str, full_name: str) -> User:
        return User(username=username, full_name=full_name, password=self.password)

    def city(self, index: int) -> None:
        code = f"{self.prefix}-c{index}"
        city_name = f"合成{index + 1}市"
        city = self._unit(code, self.root, UnitKind.CITY, f"{city_name}人民政府", city_name)
        units = [city]
        departments = []
        for d, name in enumerate(DEPARTMENTS[: self.sizes["departments"]]):
            unit = self._unit(
                f"{code}-d{d}", city, UnitKind.DEPARTMENT, f"{city_name}{name}", f"市{name}"
            )
            departments.append(unit)
        districts, towns = [], []
        for k, name in enumerate(DISTRICTS[: self.sizes["districts"]]):
            district = self._unit(f"{code}-k{k}", city, UnitKind.DISTRICT, f"{name}人民政府", name)
            districts.append(district)
            for t in range(self.sizes["towns_per_district"]):
                town_name = TOWN_PREFIXES[(k + t) % len(TOWN_PREFIXES)] + TOWN_WORDS[t]
                towns.append(
                    self._unit(
                        f"{code}-k{k}-t{t}",
                        district,
                        UnitKind.TOWN,
                        f"{town_name}镇人民政府",
                        f"{town_name}镇",
                    )
                )
        # Level by level, so that each parent has its id before its children are written.
        city.save()
        Unit.objects.bulk_create(departments + districts, batch_size=self.batch)
        Unit.objects.bulk_create(towns, batch_size=self.batch)
        units += departments + districts + towns
        self.result.units += len(units)

        # A reporter and an approver in every unit, the city government included.
        people, memberships = [], []
        for unit in units:
            for role in (Role.REPORTER, Role.APPROVER):
                person = self._person(f"{unit.code}-{role}", f"{unit.short_name}{role[:1]}")
                people.append(person)
                memberships.append(Membership(user=person, unit=unit, role=role))
        User.objects.bulk_create(people, batch_size=self.batch)
        Membership.objects.bulk_create(memberships, batch_size=self.batch)
        self.result.people += len(people)
        self.result.usernames += [p.username for p in people[:4]]
        reporters = {m.unit.code: m.user for m in memberships if m.role == Role.REPORTER}
        approvers = {m.unit.code: m.user for m in memberships if m.role == Role.APPROVER}

        owners = departments + districts + towns
        plan = self._plan(city_name)
        targets = self._targets(plan, owners)
        self._reports(targets, reporters, approvers)
        self._ledgers(owners, reporters, plan, targets)

    # --- the plan -----------------------------------------------------------

    def _plan(self, city_name: str) -> Plan:
        plan = Plan.objects.create(
            title=f"{city_name}{self.year}年重点工作目标任务",
            start=self.start,
            end=self.end,
            status=PlanStatus.CONFIRMED,
        )
        self.result.plans += 1
        self.plans.append(plan)
        return plan

    def _targets(self, plan: Plan, owners: list[Unit]) -> list[Target]:
        rng = self.rng
        count = self.sizes["targets"]
        # About five targets a task, each task led by one unit.
        tasks = []
        for position in range(count // 5):
            owner = owners[position % len(owners)]
            tasks.append(
                Task(
                    plan=plan,
                    title=f"{owner.short_name}重点任务{position + 1}",
                    lead_unit=owner,
                    position=position,
                    deadline=self.end,
                )
            )
        Task.objects.bulk_create(tasks, batch_size=self.batch)
        self.result.tasks += len(tasks)

        targets = []
        for n in range(count):
            task = tasks[n // 5]
            kind, pattern, comparator, span, unit_label = rng.choice(TARGET_SHAPES)
            value = None if span is None else float(rng.randint(*span))
            cadence: str = Cadence.QUARTER if rng.random() < 0.2 else Cadence.MONTH
            if kind == TargetKind.MILESTONE and rng.random() < 0.5:
                cadence = ""
            target = Target(
                plan=plan,
                task=task,
                unit=task.lead_unit,
                name=pattern.format(rng.choice(SUBJECTS)),
                kind=kind,
                comparator=comparator,
                value=0.0 if kind == TargetKind.ZERO else value,
                unit_label=unit_label,
                start=self.start,
                end=self.end,
                cadence=cadence,
                due_day=rng.choice([5, 10]),
                baseline=float(rng.randint(100, 900)) if kind == TargetKind.FLOOR else None,
                original_value=value,
                original_start=self.start,
                original_end=self.end,
            )
            # How well this target goes: most on pace, some lagging, a few far behind.
            self.paces[id(target)] = max(0.3, rng.gauss(1.02, 0.15))
            targets.append(target)
        Target.objects.bulk_create(targets, batch_size=self.batch)
        self.result.targets += len(targets)

        milestones = []
        for target in targets:
            if target.kind != TargetKind.MILESTONE:
                continue
            for m in range(rng.randint(1, 3)):
                due = date(self.year, 3 * (m + 1) + rng.randint(0, 2), 28)
                late = rng.random() > self.paces[id(target)] - 0.05
                done_at = due + timedelta(days=rng.randint(5, 60) if late else -rng.randint(0, 20))
                done = (
                    done_at if done_at.month <= self.months and done_at.year == self.year else None
                )
                milestones.append(
                    Milestone(target=target, name=f"阶段成果{m + 1}", due=due, done=done)
                )
        Milestone.objects.bulk_create(milestones, batch_size=self.batch)
        return targets

    # --- reports --------------------------------------------------------------

    def _reading(self, target: Target, as_of: date) -> tuple[float | None, float | None]:
        """What the unit reports on `as_of`: on the target's pace, with some noise."""
        rng = self.rng
        share = (as_of - self.start).days / ((self.end - self.start).days + 1)
        pace = self.paces[id(target)] * rng.uniform(0.97, 1.03)
        value = target.value if target.value is not None else 0.0
        if target.kind == TargetKind.CUMULATIVE:
            if target.comparator == Comparator.LE:
                return round(value * share / pace, 1), None
            return round(value * share * pace, 1), None
        if target.kind in (TargetKind.GROWTH, TargetKind.LEVEL):
            return round(value * (0.85 + 0.15 * pace), 1), None
        if target.kind == TargetKind.ZERO:
            open_items = max(0, round((1.1 - pace) * 10))
            return float(open_items), float(open_items // 2)
        if target.kind == TargetKind.FLOOR:
            baseline = target.baseline if target.baseline is not None else 0.0
            return round(baseline * (0.98 + 0.03 * pace), 1), None
        return None, None

    def _reports(self, targets: list[Target], reporters: dict, approvers: dict) -> None:
        rng = self.rng
        reports = []
        corrections = []
        for target in targets:
            if not target.cadence or target.kind == TargetKind.MILESTONE:
                continue
            reporter = reporters[target.unit.code]
            approver = approvers[target.unit.code]
            step = 3 if target.cadence == Cadence.QUARTER else 1
            for month in range(step, self.months + 1, step):
                if rng.random() < 0.05:
                    continue  # a period nobody reported: 缺报
                as_of = date(self.year, month, days_in_month(self.year, month))
                value, overdue = self._reading(target, as_of)
                status = ReportStatus.APPROVED
                if month > self.months - step:  # the month being reported now
                    status = rng.choices(
                        [
                            ReportStatus.APPROVED,
                            ReportStatus.SUBMITTED,
                            ReportStatus.DRAFT,
                            ReportStatus.RETURNED,
                        ],
                        weights=[60, 20, 12, 8],
                    )[0]
                submitted = self._moment(as_of, 3)
                report = Report(
                    submitted_at=None if status == ReportStatus.DRAFT else submitted,
                    reviewed_at=self._moment(as_of, 6)
                    if status in (ReportStatus.APPROVED, ReportStatus.RETURNED)
                    else None,
                    target=target,
                    unit=target.unit,
                    as_of=as_of,
                    value=value,
                    overdue=overdue,
                    narrative=f"{month}月进展正常。",
                    status=status,
                    created_by=reporter,
                    submitted_by=None if status == ReportStatus.DRAFT else reporter,
                    reviewed_by=approver
                    if status in (ReportStatus.APPROVED, ReportStatus.RETURNED)
                    else None,
                    return_reason="数据口径与统计局不一致，请核实。"
                    if status == ReportStatus.RETURNED
                    else "",
                )
                reports.append(report)
                if status == ReportStatus.APPROVED and rng.random() < 0.02:
                    corrections.append(report)
        Report.objects.bulk_create(reports, batch_size=self.batch)
        # A correction is a new approved version; the one it corrects turns superseded.
        fixes = []
        for old in corrections:
            old.status = ReportStatus.SUPERSEDED
            fixes.append(
                Report(
                    target=old.target,
                    unit=old.unit,
                    as_of=old.as_of,
                    value=None if old.value is None else round(old.value * 1.01, 1),
                    overdue=old.overdue,
                    narrative="更正：补录漏报数据。",
                    status=ReportStatus.APPROVED,
                    version=2,
                    supersedes=old,
                    created_by=old.created_by,
                    submitted_by=old.created_by,
                    reviewed_by=old.reviewed_by,
                    submitted_at=self._moment(old.as_of, 20),
                    reviewed_at=self._moment(old.as_of, 22),
                )
            )
        Report.objects.bulk_update(corrections, ["status"], batch_size=self.batch)
        Report.objects.bulk_create(fixes, batch_size=self.batch)
        self.result.reports += len(reports) + len(fixes)

    def _moment(self, as_of: date, days_after: int) -> datetime:
        """A working-day moment a few days after a period's end."""
        day = as_of + timedelta(days=days_after)
        return datetime(
            day.year,
            day.month,
            day.day,
            9 + self.rng.randrange(8),
            self.rng.randrange(60),
            tzinfo=UTC,
        )

    # --- ledgers --------------------------------------------------------------

    def _ledgers(
        self, owners: list[Unit], reporters: dict, plan: Plan, targets: list[Target]
    ) -> None:
        rng = self.rng
        last_day = date(self.year, self.months, days_in_month(self.year, self.months))
        hazards, hazard_events = [], []
        for n in range(self.sizes["hazards"]):
            unit = owners[rng.randrange(len(owners))]
            found = self.start + timedelta(days=rng.randrange((last_day - self.start).days + 1))
            major = rng.random() < 0.08
            hazard = Hazard(
                description=f"{rng.choice(SUBJECTS)}检查发现隐患{n + 1}",
                domain=rng.choice(HazardDomain.values),
                place=f"{unit.short_name}某场所{n % 97}",
                place_kind=rng.choice(PlaceKind.values),
                level=HazardLevel.MAJOR if major else HazardLevel.ORDINARY,
                found_on=found,
                found_by="排查组",
                unit=unit,
                deadline=found + timedelta(days=rng.choice([15, 30, 60, 90])),
                measures="限期整改" if major else "",
                responsible_person="负责人" if major else "",
                funds=Decimal("10.00") if major else None,
                contingency_plan="应急预案" if major else "",
            )
            path: list[tuple[str, date]] = [(HazardStatus.OPEN, found)]
            day = found
            for status in (HazardStatus.RECTIFYING, HazardStatus.RECTIFIED, HazardStatus.CLOSED):
                day = day + timedelta(days=rng.randint(3, 40))
                if day > last_day or rng.random() < 0.15:
                    break
                path.append((status, day))
            hazard.status = path[-1][0]
            hazards.append(hazard)
            hazard_events.append((hazard, path, reporters[unit.code]))
        Hazard.objects.bulk_create(hazards, batch_size=self.batch)
        HazardEvent.objects.bulk_create(
            [
                HazardEvent(hazard=h, status=s, date=d, recorded_by=who)
                for h, path, who in hazard_events
                for s, d in path
            ],
            batch_size=self.batch,
        )
        self.result.hazards += len(hazards)

        projects, project_events = [], []
        stages = list(Stage.values)
        for n in range(self.sizes["projects"]):
            unit = owners[rng.randrange(len(owners))]
            day = self.start + timedelta(days=rng.randrange(200))
            path = [(stages[0], day)]
            for stage in stages[1:]:
                day = day + timedelta(days=rng.randint(10, 90))
                if day > last_day or rng.random() < 0.35:
                    break
                path.append((stage, day))
            amount = Decimal(rng.randint(500, 200000))
            projects.append(
                Project(
                    name=f"{rng.choice(CHAINS)}项目{n + 1}",
                    investor=rng.choice(INVESTORS),
                    origin=rng.choice(ORIGINS),
                    industry_chain=rng.choice(CHAINS),
                    planned_amount=amount,
                    paid_in_amount=amount / 3 if len(path) > 3 else 0,
                    unit=unit,
                    stage=path[-1][0],
                )
            )
            project_events.append((projects[-1], path, reporters[unit.code]))
        Project.objects.bulk_create(projects, batch_size=self.batch)
        StageEvent.objects.bulk_create(
            [
                StageEvent(project=p, stage=s, date=d, recorded_by=who)
                for p, path, who in project_events
                for s, d in path
            ],
            batch_size=self.batch,
        )
        # Events written in bulk skip move_project, which keeps the funnel's reach rows.
        ids = [p.pk for p in projects]
        for start in range(0, len(ids), self.batch):
            reach.recount(ids[start : start + self.batch])
        self.result.projects += len(projects)

        # Each district's signed-projects and major-hazard targets read from the ledgers.
        measures = []
        for district in (u for u in owners if u.kind == UnitKind.DISTRICT):
            signed = next(
                (
                    t
                    for t in targets
                    if t.unit_id == district.pk
                    and t.kind == TargetKind.CUMULATIVE
                    and t.unit_label == "个"
                ),
                None,
            )
            if signed is not None:
                measures.append(
                    Measure(
                        target=signed,
                        source="projects",
                        aggregate="count",
                        filter={
                            "stage_reached": "signed",
                            "reached_in_period": True,
                            "unit": f"subtree:{district.code}",
                        },
                    )
                )
            zero = next(
                (t for t in targets if t.unit_id == district.pk and t.kind == TargetKind.ZERO), None
            )
            if zero is not None:
                measures.append(
                    Measure(
                        target=zero,
                        source="hazards",
                        aggregate="count",
                        filter={
                            "status": "open",
                            "level": "major",
                            "unit": f"subtree:{district.code}",
                        },
                    )
                )
        Measure.objects.bulk_create(measures)
        self.result.measures += len(measures)
