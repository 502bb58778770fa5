"""The people every web test works with.

A small city with two departments (商务局 and 住建局, the latter with a
sub-unit) and one person per role: the supervisor, a leader, the approver and
reporter of each department, a reporter of the sub-unit, and an outsider with
no membership at all.
"""

import pytest
from django.test import Client

from luoshi.orgs.choices import Role, UnitKind
from luoshi.orgs.models import Membership, Unit, User

PASSWORD = "persona-pass-123"


class City:
    """The persona city. Attributes are units and users; `client(name)` signs one in."""

    def __init__(self):
        self.city = Unit.objects.create(
            code="t", name="测试市", short_name="测试市", kind=UnitKind.CITY
        )
        self.office = self._unit("t-dcs", "督查室", UnitKind.DEPARTMENT, self.city)
        self.commerce = self._unit("t-swj", "市商务局", UnitKind.DEPARTMENT, self.city)
        self.housing = self._unit("t-zjj", "市住建局", UnitKind.DEPARTMENT, self.city)
        self.housing_team = self._unit("t-zjj-aq", "住建安全科", UnitKind.TOWN, self.housing)

        self.supervisor = self._person("supervisor", self.office, Role.SUPERVISOR)
        self.leader = self._person("leader", self.city, Role.LEADER)
        self.commerce_approver = self._person("commerce-approver", self.commerce, Role.APPROVER)
        self.commerce_reporter = self._person("commerce-reporter", self.commerce, Role.REPORTER)
        self.housing_approver = self._person("housing-approver", self.housing, Role.APPROVER)
        self.housing_reporter = self._person("housing-reporter", self.housing, Role.REPORTER)
        self.team_reporter = self._person("team-reporter", self.housing_team, Role.REPORTER)
        self.outsider = self._person("outsider", None, None)

    @staticmethod
    def _unit(code, name, kind, parent):
        return Unit.objects.create(code=code, name=name, short_name=name, kind=kind, parent=parent)

    @staticmethod
    def _person(username, unit, role):
        user = User.objects.create_user(username=username, password=PASSWORD, full_name=username)
        if unit is not None:
            Membership.objects.create(user=user, unit=unit, role=role)
        return user

    def client(self, username: str | None) -> Client:
        """A client signed in as `username` (None: anonymous)."""
        client = Client()
        if username is not None:
            client.force_login(User.objects.get(username=username))
        return client


PERSONAS = [
    "supervisor",
    "leader",
    "commerce-approver",
    "commerce-reporter",
    "housing-approver",
    "housing-reporter",
    "team-reporter",
    "outsider",
    None,
]


@pytest.fixture
def city(db) -> City:
    return City()


class PlanCity(City):
    """The persona city with a confirmed 2025 plan and one target of each kind.

    commerce: `signed` (cumulative ≥ 50 个, monthly, due day 5) and `policy`
    (milestone, due 2025-06-30); housing: `sales` (growth ≥ 5 %, quarterly);
    housing_team: `hazards` (zero). The plan has no approved reading yet.
    """

    def __init__(self):
        from datetime import date

        from luoshi.plans.models import Milestone, Plan, Target

        super().__init__()
        self.plan = Plan.objects.create(
            title="2025年重点工作计划",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
            status="confirmed",
        )
        year = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}
        self.signed = Target.objects.create(
            plan=self.plan,
            unit=self.commerce,
            name="签约项目",
            kind="cumulative",
            value=50,
            unit_label="个",
            cadence="month",
            **year,
        )
        self.policy = Target.objects.create(
            plan=self.plan, unit=self.commerce, name="出台外贸实施意见", kind="milestone", **year
        )
        self.policy_milestone = Milestone.objects.create(
            target=self.policy, name="出台实施意见", due=date(2025, 6, 30)
        )
        self.sales = Target.objects.create(
            plan=self.plan,
            unit=self.housing,
            name="新建商品房销售面积增长",
            kind="growth",
            value=5,
            unit_label="%",
            cadence="quarter",
            **year,
        )
        self.hazards = Target.objects.create(
            plan=self.plan,
            unit=self.housing_team,
            name="重大事故隐患动态清零",
            kind="zero",
            comparator="=",
            value=0,
            **year,
        )
        for target in (self.signed, self.policy, self.sales, self.hazards):
            target.original_value, target.original_start, target.original_end = (
                target.value,
                target.start,
                target.end,
            )
            target.save()


@pytest.fixture
def plan_city(db, settings) -> PlanCity:
    """PlanCity, with "today" fixed at 2025-07-15 so reports of 2025 are not in the future."""
    from datetime import date

    settings.LUOSHI_TODAY = date(2025, 7, 15)
    return PlanCity()
