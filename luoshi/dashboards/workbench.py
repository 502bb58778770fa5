"""What a unit owes: for each target, the reporting period just ended and its due date.

The workbench (`workbench_page`) shows 50 targets a page, filtered, ordered and paged in
the database on the stored evaluations (read.Evaluated): the ones whose report is
missing (缺报) first, then by unit and target. The 一表通 workbooks owed are counted for
every owed target, not only the page's, from one narrow query (`workbooks_owed_in`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page
from django.db.models import (
    Case,
    CharField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import HttpRequest

from luoshi.core.periods import due_date, last_period_end
from luoshi.core.targets import Evaluation
from luoshi.formtools import paginate
from luoshi.orgs.models import Unit
from luoshi.plans.choices import Cadence
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .evaluation import evaluate_targets
from .queries import Row, evaluated_rows
from .read import Evaluated

PAGE_SIZE = 50


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


def reported_by(user, today: date) -> QuerySet[Target]:
    """The active manual targets `user` reports for (ledger-computed ones are never
    reported by hand)."""
    return Target.objects.restrict(user, "report").filter(
        is_active=True, start__lte=today, measure__isnull=True
    )


def owed_by(user, today: date) -> list[Owed]:
    """The active manual targets `user` reports for, with the period owed and the reports behind it.

    Four queries whatever the number of targets: targets, readings, milestones,
    and the reports of the current periods and the last approved ones.
    """
    targets = list(
        reported_by(user, today).select_related("plan", "unit").order_by("unit__path", "pk")
    )
    return owed_of(evaluated_rows(targets, today), today)


def owed_of(rows: list[Row], today: date) -> list[Owed]:
    """The Owed of evaluated `rows` (ended targets whose last report is in dropped): one
    query for the reports of their current periods and their last approved ones."""
    targets = [row.target for row in rows]
    periods = {target.pk: period_end_of(target, today) for target in targets}
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


def period_end_of(target: Target, today: date) -> date | None:
    """The end of the period the target reports for now. Calendar periods, as the status
    engine counts them (DESIGN.md section 4): not cut at the target's end, so an ended
    target still asks for its figure."""
    if not target.cadence:
        return None
    end = last_period_end(target.cadence, today)
    return end if end >= target.start else None


@dataclass
class Workbench:
    """One page of what a person owes, and the workbooks owed for all of it."""

    page: Page
    query: str  # the query string without the page, for the page links
    owed: list[Owed]
    workbooks: list[Workbook]


def workbench_page(request: HttpRequest, user, today: date) -> Workbench:
    """The page of owed targets `?page=` asks for, PAGE_SIZE a page, paged in SQL: first
    the missing (缺报), then those whose report for the period is still to be made (none,
    a draft, returned), then the rest, each by unit path and id. A fixed number of
    queries whatever the number of targets."""
    evaluated, owed, first = owed_targets(user, today)
    owed = owed.order_by(first, "unit__path", "pk")
    page, query = paginate(request, evaluated.with_fields(owed), PAGE_SIZE)
    rows = evaluated.rows(list(page.object_list))
    return Workbench(page, query, owed_of(rows, today), workbooks_owed_in(owed, today))


def owed_targets(user, today: date) -> tuple[Evaluated, QuerySet[Target], Case]:
    """The targets `user` owes something for (as `owed_by` lists them, in SQL), carrying
    `with_current_status`, and the rank that puts them in the workbench's order: 0 the
    missing (缺报, stored days only), 1 a report still to make, 2 the rest."""
    evaluated = Evaluated(reported_by(user, today), today)
    owed = with_current_status(evaluated.base, today)
    needs = Q(owes_period(today)) & (
        Q(current_status__isnull=True) | Q(current_status__in=NEEDS_REPORT)
    )
    if evaluated.stored:
        # Ended targets whose last report is in owe nothing (as `owed_of` drops them).
        owed = owed.filter(Q(end__gte=today) | Q(ev__missing=True))
        first = Case(
            When(ev__missing=True, ev__awaiting=False, then=Value(0)),
            When(needs, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    else:
        # A day not yet stored (the daily job is behind): the ended targets are judged
        # now, those still owing kept; the page's rows are evaluated on demand.
        ended = list(reported_by(user, today).filter(end__lt=today).select_related("plan"))
        still_owing = [pk for pk, ev in evaluate_targets(ended, today).items() if ev.missing]
        owed = owed.filter(Q(end__gte=today) | Q(pk__in=still_owing))
        first = Case(When(needs, then=Value(1)), default=Value(2), output_field=IntegerField())
    return evaluated, owed, first


NEEDS_REPORT = (ReportStatus.DRAFT, ReportStatus.RETURNED)


def period_ends(today: date) -> dict[str, date]:
    return {cadence: last_period_end(cadence, today) for cadence in Cadence.values}


def owes_period(today: date) -> Q:
    """Targets that report for a period now (`period_end_of` is not None)."""
    owing = Q()
    for cadence, end in period_ends(today).items():
        owing |= Q(cadence=cadence, start__lte=end)
    return owing


def with_current_status(targets: QuerySet[Target], today: date) -> QuerySet[Target]:
    """`targets` annotated with `current_status`: the status of the newest report (not
    superseded) of the period each reports for now, as `owed_of` picks `report`; None
    when there is none or no period is owed. A subquery per cadence, on the report index."""

    def newest(end: date) -> Subquery:
        return Subquery(
            Report.objects.filter(target=OuterRef("pk"), as_of__gte=end)
            .exclude(status=ReportStatus.SUPERSEDED)
            .order_by("-as_of", "-version")
            .values("status")[:1]
        )

    return targets.annotate(
        current_status=Case(
            *[
                When(Q(cadence=cadence, start__lte=end), then=newest(end))
                for cadence, end in period_ends(today).items()
            ],
            default=Value(None),
            output_field=CharField(),
        )
    )


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


def workbooks_owed_in(targets: QuerySet[Target], today: date) -> list[Workbook]:
    """`workbooks_owed` for every target of `targets` (owed targets, however many, carrying
    `with_current_status`), from one narrow query: the targets that owe a period, with
    their unit and the status of the period's report. The same answer as
    `workbooks_owed(owed_of(...))` on all of them."""
    ends = period_ends(today)
    seen: dict[tuple[int, str], Workbook] = {}
    for cadence, unit_id, path, short_name, name in (
        targets.filter(owes_period(today))
        .filter(Q(current_status__isnull=True) | Q(current_status__in=NEEDS_REPORT))
        .order_by()
        .values_list("cadence", "unit_id", "unit__path", "unit__short_name", "unit__name")
        .distinct()
    ):
        end = ends[cadence]
        if cadence == Cadence.QUARTER:
            period = f"{end.year}Q{(end.month - 1) // 3 + 1}"
        else:
            period = f"{end.year}-{end.month:02d}"
        unit = Unit(pk=unit_id, path=path, short_name=short_name, name=name)
        seen.setdefault((unit_id, period), Workbook(unit, period))
    return sorted(seen.values(), key=lambda w: (w.unit.path, w.period))
