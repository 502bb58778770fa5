"""What the API reads and writes. Output schemas read model rows; input schemas check types."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import StrictBool, StringConstraints

from luoshi.clock import EARLIEST, LATEST
from luoshi.core.values import LIMIT
from luoshi.orgs.choices import UnitKind
from luoshi.plans.choices import Cadence, Comparator, PlanStatus, TargetKind
from luoshi.reporting.choices import ReportStatus

# A finite number within the documented range (luoshi.core.values, docs/api.md): JSON
# may carry NaN, Infinity (1e999) or 1.7e308, which no target or reading means; strict,
# so that `true` is not read as 1 nor "5" as 5.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-LIMIT, le=LIMIT)]
# A row's id, as a database column holds it (64-bit): a larger number is bad input
# (422), not an overflow in the database driver (500).
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
# The dates a status may be asked for (`?at=`): luoshi.clock's window.
AtDate = Annotated[date, Field(ge=EARLIEST, le=LATEST)]
Text = Annotated[str, StringConstraints(max_length=10000)]


def _username(user) -> str | None:
    return user.username if user is not None else None


# --- units --------------------------------------------------------------------


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent: int | None = Field(None, alias="parent_id")
    is_active: bool


# --- plans and tasks ----------------------------------------------------------------


class RulesOut(Schema):
    lagging_below: float
    behind_below: float
    growth_tolerance_pp: float
    level_tolerance: float
    milestone_grace_days: int
    four_eyes: bool


class PlanOut(Schema):
    id: int
    title: str
    start: date
    end: date
    status: PlanStatus
    confirmed_at: datetime | None


class PlanDetail(PlanOut):
    rules: RulesOut

    @staticmethod
    def resolve_rules(plan) -> dict:
        return {name: getattr(plan, name) for name in RulesOut.model_fields}


class RulesPatch(Schema):
    """Only the rules named change; `reason` goes into the plan's history."""

    lagging_below: Annotated[Number, Field(ge=0)] | None = None
    behind_below: Annotated[Number, Field(ge=0)] | None = None
    growth_tolerance_pp: Annotated[Number, Field(ge=0)] | None = None
    level_tolerance: Annotated[Number, Field(ge=0)] | None = None
    milestone_grace_days: Annotated[int, Field(ge=0, le=366)] | None = None
    four_eyes: StrictBool | None = None
    reason: Annotated[str, StringConstraints(max_length=300)] = ""


class TaskOut(Schema):
    id: int
    plan: int = Field(alias="plan_id")
    parent: int | None = Field(None, alias="parent_id")
    title: str
    lead_unit: int = Field(alias="lead_unit_id")
    cooperating_units: list[int]
    deadline: date | None
    position: int

    @staticmethod
    def resolve_cooperating_units(task) -> list[int]:
        return [unit.pk for unit in task.cooperating_units.all()]


class ImportItemOut(Schema):
    id: int
    position: int
    kind: str
    target_kind: str
    owner_text: str
    unit: int | None = Field(None, alias="unit_id")
    metric: str
    comparator: str
    value: float | None
    unit_label: str
    period: str
    baseline: float | None
    snippet: str
    start_offset: int | None
    end_offset: int | None
    note: str
    decision: str
    target: int | None = Field(None, alias="target_id")


class ImportItemIn(Schema):
    """Fields of an import item; on PATCH only those sent change."""

    kind: str | None = None
    target_kind: str | None = None
    owner_text: Annotated[str, StringConstraints(max_length=200)] | None = None
    unit: Id | None = None
    metric: Annotated[str, StringConstraints(max_length=200)] | None = None
    comparator: str | None = None
    value: Number | None = None
    unit_label: Annotated[str, StringConstraints(max_length=20)] | None = None
    period: Annotated[str, StringConstraints(max_length=40)] | None = None
    baseline: Number | None = None
    snippet: Text | None = None
    note: Annotated[str, StringConstraints(max_length=300)] | None = None
    decision: str | None = None


class OwnerMappingIn(Schema):
    owner_text: Annotated[str, StringConstraints(max_length=200)]
    unit: Id


class OwnerMappingOut(Schema):
    owner_text: str
    unit: int
    items_changed: int


# --- targets ------------------------------------------------------------------------


class TargetOut(Schema):
    id: int
    plan: int = Field(alias="plan_id")
    task: int | None = Field(None, alias="task_id")
    part_of: int | None = Field(None, alias="part_of_id")
    unit: int = Field(alias="unit_id")
    name: str
    kind: TargetKind
    comparator: Comparator
    value: float | None
    unit_label: str
    start: date
    end: date
    cadence: str
    due_day: int
    schedule: list
    baseline: float | None
    source_snippet: str
    is_active: bool


class BaselineOut(Schema):
    value: float | None
    start: date | None
    end: date | None


class RebaselineOut(Schema):
    changed_by: str
    changed_at: datetime
    reason: str
    old_value: float | None
    new_value: float | None
    old_start: date
    new_start: date
    old_end: date
    new_end: date

    @staticmethod
    def resolve_changed_by(rebaseline) -> str:
        return rebaseline.changed_by.username


class MilestoneOut(Schema):
    id: int
    name: str
    due: date
    done: date | None


class TargetDetail(TargetOut):
    """A target with its value and dates as confirmed, now, and each re-baseline between."""

    original: BaselineOut
    current: BaselineOut
    is_rebaselined: bool
    rebaselines: list[RebaselineOut]
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_original(target) -> dict:
        return {
            "value": target.original_value,
            "start": target.original_start,
            "end": target.original_end,
        }

    @staticmethod
    def resolve_current(target) -> dict:
        return {"value": target.value, "start": target.start, "end": target.end}

    @staticmethod
    def resolve_rebaselines(target) -> list:
        return list(target.rebaselines.select_related("changed_by"))

    @staticmethod
    def resolve_milestones(target) -> list:
        return list(target.milestones.all())


Schedule = list[tuple[date, Annotated[Number, Field(ge=0, le=1)]]]
DueDay = Annotated[int, Field(ge=1, le=28)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
UnitLabel = Annotated[str, StringConstraints(max_length=20)]
CadenceIn = Cadence | Annotated[str, StringConstraints(max_length=0)]


class TargetIn(Schema):
    plan: Id
    unit: Id
    name: Name
    kind: TargetKind
    comparator: Comparator = Comparator.GE
    value: Number | None = None
    unit_label: UnitLabel = ""
    start: date
    end: date
    cadence: CadenceIn = ""
    due_day: DueDay = 5
    schedule: Schedule = []
    baseline: Number | None = None
    task: Id | None = None
    part_of: Id | None = None
    source_snippet: Text = ""


class TargetPatch(Schema):
    """Only the fields named change. On a confirmed plan, a new value or new dates is a
    re-baseline and needs `reason`."""

    unit: Id | None = None
    name: Name | None = None
    kind: TargetKind | None = None
    comparator: Comparator | None = None
    value: Number | None = None
    unit_label: UnitLabel | None = None
    start: date | None = None
    end: date | None = None
    cadence: CadenceIn | None = None
    due_day: DueDay | None = None
    schedule: Schedule | None = None
    baseline: Number | None = None
    task: Id | None = None
    part_of: Id | None = None
    source_snippet: Text | None = None
    reason: Annotated[str, StringConstraints(max_length=300)] = ""


# --- reports ------------------------------------------------------------------------


class ReportOut(Schema):
    id: int
    target: int = Field(alias="target_id")
    unit: int = Field(alias="unit_id")
    as_of: date
    value: float | None
    overdue: float | None
    milestone: int | None = Field(None, alias="milestone_id")
    narrative: str
    status: ReportStatus
    version: int
    supersedes: int | None = Field(None, alias="supersedes_id")
    revision: int
    created_by: str
    created_at: datetime
    submitted_by: str | None
    submitted_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    return_reason: str

    @staticmethod
    def resolve_created_by(report) -> str:
        return report.created_by.username

    @staticmethod
    def resolve_submitted_by(report) -> str | None:
        return _username(report.submitted_by)

    @staticmethod
    def resolve_reviewed_by(report) -> str | None:
        return _username(report.reviewed_by)


class HistoryOut(Schema):
    at: datetime
    by: str | None
    status: str
    revision: int
    reason: str


class EvidenceOut(Schema):
    id: int
    name: str
    size: int
    content_type: str
    uploaded_by: str
    uploaded_at: datetime

    @staticmethod
    def resolve_uploaded_by(evidence) -> str:
        return evidence.uploaded_by.username


class ReportDetail(ReportOut):
    history: list[HistoryOut]
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_evidence(report) -> list:
        # A report read through its getter knows whether it has any (no query if not).
        if not getattr(report, "has_evidence", True):
            return []
        return list(report.evidence.select_related("uploaded_by"))

    @staticmethod
    def resolve_history(report) -> list[dict]:
        # The columns shown, not whole history records (the write answers of the rush).
        rows = report.history.order_by("history_date", "pk").values_list(
            "history_date", "history_user__username", "status", "revision", "history_change_reason"
        )
        return [
            {"at": at, "by": by, "status": status, "revision": revision, "reason": reason or ""}
            for at, by, status, revision, reason in rows
        ]


class ReportIn(Schema):
    target: Id
    as_of: date
    value: Number | None = None
    overdue: Annotated[Number, Field(ge=0)] | None = None
    milestone: Id | None = None
    narrative: Text = ""
    # Submit for approval in the same call, as the web form's 保存并提交 does: one request
    # and one transaction, so a client never leaves a draft behind when its second call fails.
    submit: bool = False


# A report's revision as the database column holds it (PostgreSQL's integer): a
# larger number is bad input (422), not a database error.
Revision = Annotated[int, Field(ge=1, le=2**31 - 1)]


class ReportPatch(Schema):
    """`revision` is the one read; a report changed since then answers 409."""

    revision: Revision
    as_of: date | None = None
    value: Number | None = None
    overdue: Annotated[Number, Field(ge=0)] | None = None
    milestone: Id | None = None
    narrative: Text | None = None


class RevisionIn(Schema):
    """Optional on submit and approve: with it, a report changed since is a 409."""

    revision: Revision | None = None


class ReturnIn(Schema):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    revision: Revision | None = None


# --- status ---------------------------------------------------------------------------


class EvaluationOut(Schema):
    target: int
    name: str
    unit: int
    unit_name: str
    state: str
    missing: bool
    expected: float | None
    actual: float | None
    ratio: float | None
    forecast: float | None
    will_miss: bool | None
    reason: str
    awaiting: bool = Field(
        False, description="missing, but the owed report is submitted and awaits approval (待审核)"
    )


class StatusOut(Schema):
    at: date
    count: int | None = Field(None, description="targets matching the filters (without `state`)")
    next: str | None = Field(None, description="pass as `cursor` for the next page; null: last")
    evaluations: list[EvaluationOut]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
