"""What a unit owes: for each target, the reporting period just ended and its due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from luoshi.core.periods import due_date, last_period_end
from luoshi.core.targets import Evaluation
from luoshi.orgs.models import Unit
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .queries import evaluated_rows


@dataclass
class Owed:
    target: Target
    evaluation: Evaluation
    period_end: date | None
    due: date | None
    report: Report | None  # the newest report for that period, if any
    last_approved: Report | None
    awaiting: bool = False  # 待审核: the owed report is submitted and waits for approval

    @property
    def missing(self) -> bool:
        """缺报: the engine's `missing`, unless the report is in and only awaits approval."""
        return self.evaluation.missing and not self.awaiting

    @property
    def is_late(self) -> bool:
        return self.due is not None and self.report is None

    @property
    def needs_report(self) -> bool:
        return self.period_end is not None and (
            self.report is None or self.report.status in {ReportStatus.DRAFT, ReportStatus.RETURNED}
        )


def owed_by(user, today: date) -> list[Owed]:
    """The active manual targets `user` reports for, with the period owed and the reports behind it.

    Four queries whatever the number of targets: targets, readings, milestones,
    and the reports of the current periods and the last approved ones.
    """
    targets = list(
        Target.objects.restrict(user, "report")
        # Targets computed from a ledger are never reported by hand.
        .filter(is_active=True, start__lte=today, measure__isnull=True)
        .select_related("plan", "unit")
        .order_by("unit__path", "pk")
    )
    rows = evaluated_rows(targets, today)
    periods = {}
    for target in targets:
        if target.cadence:
            # Calendar periods, as the status engine counts them (DESIGN.md section 4):
            # not cut at the target's end, so an ended target still asks for its figure.
            end = last_period_end(target.cadence, today)
            periods[target.pk] = end if end >= target.start else None
        else:
            periods[target.pk] = None
    reports_by_target: dict[int, list[Report]] = {}
    for report in (
        Report.objects.filter(target__in=targets)
        .exclude(status=ReportStatus.SUPERSEDED)
        .order_by("target_id", "-as_of", "-version")
        .only("pk", "target_id", "as_of", "value", "status", "version", "return_reason")
    ):
        reports_by_target.setdefault(report.target_id, []).append(report)
    owed = []
    for row in rows:
        target = row.target
        if target.end < today and not row.evaluation.missing:
            continue  # ended, and its last report is in: nothing more is owed
        period_end = periods[target.pk]
        reports = reports_by_target.get(target.pk, [])
        current = next((r for r in reports if period_end and r.as_of >= period_end), None)
        approved = next((r for r in reports if r.status == ReportStatus.APPROVED), None)
        owed.append(
            Owed(
                target=target,
                evaluation=row.evaluation,
                period_end=period_end,
                due=due_date(period_end, target.due_day) if period_end else None,
                report=current,
                last_approved=approved,
                awaiting=row.awaiting,
            )
        )
    return owed


@dataclass(frozen=True)
class Workbook:
    """A 一表通 workbook a unit owes: its unit and period (2025-06, or 2025Q2 at a quarter's end)."""

    unit: Unit
    period: str


def workbooks_owed(owed: list[Owed]) -> list[Workbook]:
    """Every workbook the listed targets still ask for, one per unit and period: at a
    quarter's end both the month's and the quarter's. No query: it reads `owed`."""
    seen: dict[tuple[int, str], Workbook] = {}
    for item in owed:
        if not item.needs_report or item.period_end is None:
            continue
        end = item.period_end
        if item.target.cadence == "quarter":
            period = f"{end.year}Q{(end.month - 1) // 3 + 1}"
        else:
            period = f"{end.year}-{end.month:02d}"
        seen.setdefault((item.target.unit_id, period), Workbook(item.target.unit, period))
    return sorted(seen.values(), key=lambda w: (w.unit.path, w.period))
