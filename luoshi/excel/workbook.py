"""一表通: one workbook per unit per period, filled offline, uploaded as draft reports.

The export lists every manual target the unit owes for the period: targets of
that unit with the period's cadence (monthly for 2025-09, quarterly for
2025Q3), active in the period, not computed from a ledger, and not milestone
targets (those are reported by choosing the milestone done, on the target's
page). Each row shows what the reporter needs (unit of measure, target,
expected value by the period's end, last approved reading) and has cells for
the new value, the overdue count (zero targets) and the narrative.

A very hidden sheet carries the workbook's identity: the unit, the period,
the targets listed, and an HMAC of them keyed with SECRET_KEY. An upload is
refused unless the signature holds and the unit and period are the ones it is
uploaded for, so a workbook for another unit or period, or one whose hidden
sheet was edited, never becomes reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection

from luoshi.clock import today
from luoshi.core import status as engine
from luoshi.core.formatting import format_number
from luoshi.core.periods import days_in_month, last_period_end
from luoshi.orgs.access import access_for
from luoshi.plans.choices import PlanStatus, TargetKind
from luoshi.plans.engine import plan_rules, to_engine
from luoshi.plans.models import Target
from luoshi.plans.validators import reading_errors
from luoshi.reporting import actions
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from . import writer
from .reader import (
    CellError,
    Problem,
    Refused,
    column_name,
    is_blank,
    open_workbook,
    read_header,
    sheet_rows,
    to_float,
    to_text,
)

SHEET = "填报"
ID_SHEET = "_luoshi"
MAGIC = "luoshi 一表通 v1"
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
HEADERS = (
    "编号",
    "指标",
    "所属计划",
    "计量单位",
    "目标",
    "截至日期",
    "序时应完成",
    "上次审核值",
    "上次审核日期",
    "本期数值",
    "其中逾期",
    "情况说明",
)
ID_COL, VALUE_COL, OVERDUE_COL, NARRATIVE_COL = 0, 9, 10, 11
INPUT_COLS = (VALUE_COL, OVERDUE_COL, NARRATIVE_COL)
NARRATIVE_MAX = 5000
QUARTER_ZH = "一二三四"


# --- periods ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A calendar month (2025-09) or quarter (2025Q3): what a report covers."""

    cadence: str  # month / quarter, as Target.cadence
    start: date
    end: date
    label: str

    @property
    def zh(self) -> str:
        if self.cadence == "month":
            return f"{self.start.year}年{self.start.month}月"
        return f"{self.start.year}年第{QUARTER_ZH[(self.start.month - 1) // 3]}季度"


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")


def parse_period(text: str) -> Period:
    """2025-09 (a month) or 2025Q3 (a quarter); ValueError with a message otherwise."""
    text = (text or "").strip()
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12 and year >= 2000:
            return Period(
                "month",
                date(year, month, 1),
                date(year, month, days_in_month(year, month)),
                f"{year}-{month:02d}",
            )
    if match := _QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        if year >= 2000:
            first = 3 * quarter - 2
            return Period(
                "quarter",
                date(year, first, 1),
                date(year, first + 2, days_in_month(year, first + 2)),
                f"{year}Q{quarter}",
            )
    raise ValueError(_("Give the period as a month (2025-09) or a quarter (2025Q3)."))


def default_period(cadence: str = "month") -> Period:
    """The last month (or quarter) that has ended: what is usually owed now."""
    day = last_period_end(cadence, today())
    if cadence == "quarter":
        return parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")
    return parse_period(f"{day.year}-{day.month:02d}")


# --- what the unit owes ------------------------------------------------------------------


def check_may_report(user, unit) -> None:
    """The workbook is a reporting form: only those who report for the unit get or send it."""
    if not access_for(user).can_report_for(unit):
        raise PermissionDenied(_("You do not report for this unit."))


def owed_targets(unit, period: Period) -> list[Target]:
    return list(
        Target.objects.filter(
            unit=unit,
            is_active=True,
            plan__status=PlanStatus.CONFIRMED,
            cadence=period.cadence,
            start__lte=period.end,
            end__gte=period.start,
            measure__isnull=True,
        )
        .exclude(kind=TargetKind.MILESTONE)
        .select_related("plan")
        .order_by("plan__start", "plan_id", "pk")
    )


def as_of(period: Period) -> date:
    """The date a report for `period` is as of: the calendar period's end, which is what the
    status engine's `missing` asks for (DESIGN.md section 4), also for a target that ends
    inside the period."""
    return period.end


def expected_value(target: Target, at: date) -> float | None:
    """What the target expects by `at`: the scheduled share of a cumulative target,
    the value of growth and level targets, 0 for zero targets, the baseline of a floor."""
    if target.kind == TargetKind.CUMULATIVE:
        evaluation = engine.evaluate_all([to_engine(target, [], [], plan_rules(target.plan))], at)
        return evaluation[0].expected
    if target.kind == TargetKind.ZERO:
        return 0.0
    if target.kind == TargetKind.FLOOR:
        return target.baseline
    return target.value


def last_approved(targets: list[Target], before: date) -> dict[int, Report]:
    """The latest approved report of each target dated on or before `before` (one query)."""
    latest: dict[int, Report] = {}
    for report in (
        Report.objects.filter(target__in=targets, status=ReportStatus.APPROVED, as_of__lte=before)
        .order_by("target_id", "-as_of", "-version")
        .only("pk", "target_id", "as_of", "value")
    ):
        latest.setdefault(report.target_id, report)
    return latest


def signature(unit_id: int | str, period_label: str, target_ids: str) -> str:
    return salted_hmac(
        "luoshi.excel.workbook", f"{unit_id}|{period_label}|{target_ids}", algorithm="sha256"
    ).hexdigest()


# --- export ------------------------------------------------------------------------------


def export_workbook(unit, period: Period) -> Workbook:
    targets = owed_targets(unit, period)
    approved = last_approved(targets, period.end)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    title = sheet.cell(TITLE_ROW, 1)
    writer.write_cell(title, f"一表通 · {unit.name} · {period.zh}（{period.label}）")
    title.font = Font(bold=True, size=14)
    for index, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, index)
        writer.write_cell(cell, header)
        cell.font = Font(bold=True)
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    for row, target in enumerate(targets, start=FIRST_ROW):
        day = as_of(period)
        previous = approved.get(target.pk)
        goal = (
            f"{target.comparator} {writer_number(target.value)}" if target.value is not None else ""
        )
        values = (
            target.pk,
            target.name,
            target.plan.title,
            target.unit_label,
            goal,
            day,
            expected_value(target, day),
            previous.value if previous else None,
            previous.as_of if previous else None,
            None,
            None,
            None,
        )
        for index, value in enumerate(values):
            cell = sheet.cell(row, index + 1)
            writer.write_cell(cell, value)
            if index in INPUT_COLS:
                cell.protection = Protection(locked=False)
                cell.fill = input_fill
            if index == NARRATIVE_COL:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip(
        "ABCDEFGHIJKL", (8, 36, 24, 10, 12, 12, 12, 12, 12, 12, 10, 48), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 3)
    # Locked cells are the workbook's; only the yellow cells are to be filled.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False

    hidden = workbook.create_sheet(ID_SHEET)
    hidden.sheet_state = "veryHidden"
    ids = ",".join(str(t.pk) for t in targets)
    for row, (key, value) in enumerate(
        (
            ("format", MAGIC),
            ("unit", unit.pk),
            ("period", period.label),
            ("targets", ids),
            ("signature", signature(unit.pk, period.label, ids)),
        ),
        start=1,
    ):
        hidden.cell(row, 1, key)
        writer.write_cell(hidden.cell(row, 2), value)
    return workbook


def writer_number(value: float) -> str:
    return format_number(value, 6)


def filename(unit, period: Period) -> str:
    return f"一表通-{unit.short_name or unit.name}-{period.label}.xlsx"


# --- upload ------------------------------------------------------------------------------


@dataclass
class Filled:
    row: int
    target: Target
    as_of: date
    value: float | None  # None only for a row with a problem, which is never Filled
    overdue: float | None
    narrative: str


@dataclass
class WorkbookUpload:
    rows: list[Filled] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _identity(sheet) -> dict[str, str]:
    found = {}
    for _number, cells in sheet_rows(sheet, range(2), last_row=10):
        key, value = cells.get(0), cells.get(1)
        if key is not None:
            found[str(key.value)] = "" if value is None else str(value.value)
    return found


def check_identity(workbook, unit, period: Period) -> list[int]:
    """The target ids the workbook was issued for, or Refused (not ours, altered, or for
    another unit or period)."""
    names = [s.title for s in workbook.worksheets]
    if ID_SHEET not in names:
        raise Refused(
            [
                Problem(
                    message=_(
                        "This is not a 一表通 workbook exported by luoshi (its identifier is "
                        "missing): export the workbook for the unit and period and fill that."
                    )
                )
            ]
        )
    extra = [n for n in names if n not in (SHEET, ID_SHEET)]
    if extra or SHEET not in names:
        raise Refused(
            [
                Problem(
                    message=_("The workbook must hold only the sheet “%(sheet)s”; found %(names)s.")
                    % {"sheet": SHEET, "names": ", ".join(names)}
                )
            ]
        )
    identity = _identity(workbook[ID_SHEET])
    expected = signature(
        identity.get("unit", ""), identity.get("period", ""), identity.get("targets", "")
    )
    if identity.get("format") != MAGIC or not constant_time_compare(
        identity.get("signature", ""), expected
    ):
        raise Refused(
            [
                Problem(
                    message=_(
                        "The workbook's hidden identifier was altered or damaged; export a new "
                        "workbook and fill that."
                    )
                )
            ]
        )
    if identity["unit"] != str(unit.pk):
        from luoshi.orgs.models import Unit

        other = Unit.objects.filter(pk=identity["unit"]).first()
        raise Refused(
            [
                Problem(
                    message=_("This workbook is for %(other)s, not %(unit)s.")
                    % {"other": other.name if other else "?", "unit": unit.name}
                )
            ]
        )
    if identity["period"] != period.label:
        raise Refused(
            [
                Problem(
                    message=_("This workbook is for the period %(other)s, not %(period)s.")
                    % {"other": identity["period"], "period": period.label}
                )
            ]
        )
    return [int(i) for i in identity["targets"].split(",") if i]


def read_upload(upload, unit, period: Period, user, max_bytes: int | None = None):
    """Parse and validate an uploaded 一表通 workbook. Refused when anything is wrong."""
    check_may_report(user, unit)
    if period.end > today():
        raise Refused([Problem(message=_("The period has not ended yet."))])
    workbook = open_workbook(upload, max_bytes)
    try:
        issued = check_identity(workbook, unit, period)
        result = _read_rows(workbook[SHEET], unit, period, issued)
    finally:
        workbook.close()
    if not result.ok:
        raise Refused(result.problems)
    if not result.rows:
        raise Refused(
            [Problem(SHEET, message=_("Nothing was filled in: enter this period's values."))]
        )
    return result


def _read_rows(sheet, unit, period: Period, issued: list[int]) -> WorkbookUpload:
    result = WorkbookUpload()

    def problem(row, index, message):
        result.problems.append(Problem(SHEET, row, column_name(index, HEADERS[index]), message))

    # Only the template's columns are read, from the heading row on (reader.sheet_rows).
    rows = sheet_rows(sheet, range(len(HEADERS)), first_row=HEADER_ROW)
    first = next(rows, None)
    header_cells = first[1] if first and first[0] == HEADER_ROW else {}
    headings = read_header(header_cells)
    header = [headings.get(i, "") for i in range(len(HEADERS))]
    if tuple(header) != HEADERS:
        result.problems.append(
            Problem(
                SHEET,
                HEADER_ROW,
                message=_("The column headings were changed; they must be: %(headers)s.")
                % {"headers": "、".join(HEADERS)},
            )
        )
        return result
    targets = {t.pk: t for t in owed_targets(unit, period)}
    # One report per target and period: a second upload does not duplicate the first.
    taken = set(
        Report.objects.filter(target_id__in=list(targets), as_of__gte=as_of(period))
        .exclude(status=ReportStatus.SUPERSEDED)
        .values_list("target_id", flat=True)
    )
    seen: dict[int, int] = {}
    for number, cells in rows:
        unusable = False
        for index, cell in sorted(cells.items()):
            if cell.data_type == "f":
                problem(number, index, _("Formulas are not accepted; type the value."))
                unusable = True
            elif cell.data_type == "x":
                problem(number, index, cell.value.why)
                unusable = True
        if unusable:
            continue
        values = [cells[i].value if i in cells else None for i in range(len(HEADERS))]
        if all(is_blank(values[i]) for i in INPUT_COLS):
            continue
        raw_id = values[ID_COL]
        target_id = (
            int(raw_id) if isinstance(raw_id, (int, float)) and raw_id == int(raw_id) else None
        )
        if target_id is None or target_id not in issued:
            problem(number, ID_COL, _("This row is not one of the workbook's targets."))
            continue
        if target_id in seen:
            problem(
                number,
                ID_COL,
                _("The target appears again (first in row %(row)d).") % {"row": seen[target_id]},
            )
            continue
        seen[target_id] = number
        target = targets.get(target_id)
        if target is None:
            problem(number, ID_COL, _("This target is no longer owed by the unit for the period."))
            continue
        before = len(result.problems)
        value = overdue = None
        if is_blank(values[VALUE_COL]):
            problem(number, VALUE_COL, _("A value is required."))
        else:
            try:
                value = to_float(values[VALUE_COL])
            except CellError as error:
                problem(number, VALUE_COL, str(error))
        if not is_blank(values[OVERDUE_COL]):
            try:
                overdue = to_float(values[OVERDUE_COL])
            except CellError as error:
                problem(number, OVERDUE_COL, str(error))
        # The check the form and the API make too (plans.validators), named by cell.
        columns = {"value": VALUE_COL, "overdue": OVERDUE_COL}
        for name, message in reading_errors(target.kind, value, overdue).items():
            problem(number, columns[name], message)
        try:
            narrative = to_text(values[NARRATIVE_COL])
        except CellError as error:
            problem(number, NARRATIVE_COL, str(error))
            narrative = ""
        if len(narrative) > NARRATIVE_MAX:
            problem(
                number,
                NARRATIVE_COL,
                _("At most %(limit)d characters (this has %(count)d).")
                % {"limit": NARRATIVE_MAX, "count": len(narrative)},
            )
        if target_id in taken:
            problem(
                number,
                ID_COL,
                _("A report for this period already exists; change it on its page."),
            )
        if len(result.problems) == before:
            result.rows.append(Filled(number, target, as_of(period), value, overdue, narrative))
    return result


def apply_upload(result: WorkbookUpload, user) -> list[Report]:
    """Create the draft reports, all or none."""
    current = None
    try:
        with transaction.atomic():
            reports = []
            for current in result.rows:
                reports.append(
                    actions.create_report(
                        current.target,
                        user,
                        as_of=current.as_of,
                        value=current.value,
                        overdue=current.overdue,
                        narrative=current.narrative,
                    )
                )
    except (ValidationError, PermissionDenied) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        raise Refused(
            [Problem(SHEET, current.row if current else None, "", m) for m in messages]
        ) from None
    return reports
