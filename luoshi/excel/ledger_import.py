"""Ledger import: rows → per-row validation → preview → one atomic apply.

The pipeline (STYLE.md 9): `reader.open_workbook` → `read_rows` → one
plain-Python validation per row that resolves units and choices through
lookup dicts built once (`Lookups`) → `LedgerImport`, the preview (rows to
create and update) or the list of problems → `apply`, one transaction. A
file with any bad cell is refused whole. Projects are written through the
ledger actions; new hazards in bulk, equivalently (see `_create_hazards`).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.ledgers import actions
from luoshi.ledgers.choices import HazardDomain, HazardLevel, HazardStatus, PlaceKind, Stage
from luoshi.ledgers.models import Hazard, HazardEvent
from luoshi.orgs.access import access_for
from luoshi.orgs.models import Unit

from . import bulk
from .ledger import SPECS, Column, choice_lookup, zh_label
from .reader import (
    ALL_COLUMNS,
    CellError,
    Problem,
    Refused,
    column_name,
    is_blank,
    open_workbook,
    read_header,
    sheet_rows,
    to_date,
    to_decimal,
    to_text,
)

MAX_PROBLEMS = 200  # a list longer than this helps nobody; the count is given
BULK_BATCH = 2000
DEFAULTS: dict[str, dict[str, Any]] = {
    "projects": {
        "origin": "",
        "industry_chain": "",
        "planned_amount": Decimal(0),
        "paid_in_amount": Decimal(0),
        "stage": Stage.NEGOTIATING,
        "stage_date": None,
        "dropped_on": None,
        "drop_reason": "",
        "note": "",
    },
    "hazards": {
        "place_kind": PlaceKind.OTHER,
        "level": HazardLevel.ORDINARY,
        "measures": "",
        "status": None,
        "responsible_person": "",
        "funds": None,
        "contingency_plan": "",
    },
}


# --- import: rows → validated plan ------------------------------------------------------


@dataclass
class Row:
    number: int  # the row number in the sheet, for messages
    values: dict
    existing: Any = None  # the Project or Hazard the row updates


@dataclass
class LedgerImport:
    """The preview of an import: what would be created and updated, or what is wrong."""

    kind: str
    sheet: str = ""
    creates: list[Row] = field(default_factory=list)
    updates: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    positions: list = field(default_factory=list)  # (column index, Column) found in the file
    expected_rows: int | None = None  # rows the sheet seems to hold (for a progress bar)

    @property
    def ok(self) -> bool:
        return not self.problem_count

    def where(self, field_name: str) -> str:
        """The column of `field_name` as messages name it."""
        for index, column in self.positions:
            if column.field == field_name:
                return column_name(index, column.header)
        return next(c.header for c in SPECS[self.kind]["columns"] if c.field == field_name)

    def add(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)


class Lookups:
    """Units and choices by name, and which units this person keeps, built once per import."""

    def __init__(self, user):
        access = access_for(user)
        self.units: dict[str, list[Unit]] = {}
        for unit in Unit.objects.filter(is_active=True).only("pk", "name", "short_name", "path"):
            for name in {unit.name.strip(), unit.short_name.strip()}:
                if name:
                    self.units.setdefault(name, []).append(unit)
        self.keeps: dict[int, bool] = {}
        self._access = access
        self.choices = {
            c: choice_lookup(c) for c in (Stage, HazardDomain, HazardLevel, PlaceKind, HazardStatus)
        }

    def keeps_unit(self, unit: Unit) -> bool:
        allowed = self.keeps.get(unit.pk)
        if allowed is None:
            allowed = self._access.can_keep_ledger(unit)
            self.keeps[unit.pk] = allowed
        return allowed

    def unit(self, name: str) -> Unit:
        found = self.units.get(name)
        if not found:
            raise CellError(_("No unit is called “%(name)s”.") % {"name": name})
        if len({u.pk for u in found}) > 1:
            raise CellError(
                _("“%(name)s” names more than one unit; use the full name.") % {"name": name}
            )
        unit = found[0]
        if not self.keeps_unit(unit):
            raise CellError(_("You do not keep the ledger of %(unit)s.") % {"unit": unit.name})
        return unit


def read_rows(kind: str, workbook, result: LedgerImport):
    """Yield (row number, {field: raw value}) for each non-blank row of the ledger sheet.

    Sheet-level problems (sheets, headings) go to `result` and nothing is yielded;
    `result.positions` is set to the (column index, Column) pairs found.
    """
    spec = SPECS[kind]
    sheets = workbook.worksheets
    if len(sheets) != 1:
        result.add(
            Problem(
                message=_(
                    "The workbook must hold only the ledger sheet; it has %(count)d sheets "
                    "(%(names)s). Delete the others."
                )
                % {"count": len(sheets), "names": ", ".join(s.title for s in sheets)}
            )
        )
        return
    sheet = sheets[0]
    result.sheet = title = sheet.title
    result.expected_rows = estimated_rows(sheet)
    header_row = next(sheet_rows(sheet, ALL_COLUMNS, last_row=1), None)
    if header_row is None:
        result.add(Problem(title, message=_("The sheet is empty.")))
        return
    header_cells = header_row[1]
    for index, cell in header_cells.items():
        if cell.data_type in ("f", "x"):
            message = (
                _("Formulas are not accepted; type the value.")
                if cell.data_type == "f"
                else cell.value.why
            )
            result.add(Problem(title, 1, column_name(index), message))
    if not result.ok:
        return
    headers = read_header(header_cells)
    by_header = {c.header: c for c in spec["columns"]}
    positions: list[tuple[int, Column]] = []
    for index, header in headers.items():
        if not header:
            continue
        column = by_header.get(header)
        where = column_name(index, header)
        if column is None:
            result.add(
                Problem(
                    title,
                    1,
                    where,
                    _("Unknown column “%(header)s”. The columns are: %(known)s.")
                    % {"header": header, "known": "、".join(by_header)},
                )
            )
        elif any(c is column for _i, c in positions):
            result.add(Problem(title, 1, where, _("This column appears twice.")))
        else:
            positions.append((index, column))
    found = {c.field for _i, c in positions}
    for column in spec["columns"]:
        if column.required and column.field not in found:
            result.add(
                Problem(
                    title,
                    1,
                    column.header,
                    _("The column “%(header)s” is missing.") % {"header": column.header},
                )
            )
    result.positions = positions
    if not result.ok:
        return
    formula = _("Formulas are not accepted; type the value.")
    # Only the columns of the template are read: a cell in XFD costs nothing.
    wanted = {index for index, _column in positions}
    for number, cells in sheet_rows(sheet, wanted, first_row=2):
        raw = {}
        filled = False
        for index, cell in cells.items():
            value = cell.value
            if cell.data_type in ("f", "x"):
                header = headers.get(index, "")
                message = formula if cell.data_type == "f" else value.why
                result.add(Problem(title, number, column_name(index, header), message))
                filled = True
            elif isinstance(value, str) and not value.strip():
                continue
            else:
                raw[index] = value
                filled = True
        if filled:
            yield number, raw


PROGRESS_EVERY = 1000  # rows between two progress reports (each is cheap: see jobs.Progress)
SAMPLE_BYTES = 256 * 1024


def estimated_rows(sheet) -> int | None:
    """How many rows below the headings the sheet seems to hold, for a progress bar only.

    The sheet's declared dimension when it has one (Excel and WPS write it); otherwise
    (openpyxl's write-only mode writes none) the sheet's unpacked XML size times the rows
    found in its first 256 KB. Never trusted for anything but the bar: a sheet may lie.
    """
    if sheet.max_row:
        return max(0, min(sheet.max_row, settings.UPLOAD_MAX_ROWS) - 1)
    try:
        size = sheet.parent._archive.getinfo(sheet._worksheet_path).file_size  # openpyxl 3.1
        with sheet._get_source() as source:
            sample = source.read(SAMPLE_BYTES)
    except (AttributeError, KeyError, OSError):
        return None
    rows = sample.count(b"<row ") + sample.count(b"<row>")
    if not rows:
        return None
    if len(sample) < SAMPLE_BYTES:
        return max(0, rows - 1)
    return max(0, min(round(rows * size / len(sample)), settings.UPLOAD_MAX_ROWS) - 1)


def validate(kind: str, workbook, user, progress=None) -> LedgerImport:
    """Every row checked, units and choices resolved: the preview, with problems if any.

    `progress(rows read, rows expected)` is called every PROGRESS_EVERY rows.
    """
    result = LedgerImport(kind)
    lookups = Lookups(user)
    spec = SPECS[kind]
    today_ = today()
    ids_seen: dict[int, int] = {}
    rows: list[Row] = []
    for number, raw in read_rows(kind, workbook, result):
        values = {}
        before = result.problem_count
        for index, column in result.positions:
            try:
                values[column.field] = convert(column, raw.get(index), lookups)
            except CellError as error:
                result.add(
                    Problem(result.sheet, number, column_name(index, column.header), str(error))
                )
        row = Row(number, values)
        if result.problem_count == before:
            for name, message in check_row(kind, values, today_):
                result.add(Problem(result.sheet, number, result.where(name), message))
        row_id = values.get("id")
        if row_id is not None:
            if row_id in ids_seen:
                result.add(
                    Problem(
                        result.sheet,
                        number,
                        result.where("id"),
                        _("Number %(id)d appears again (first in row %(row)d).")
                        % {"id": row_id, "row": ids_seen[row_id]},
                    )
                )
            ids_seen.setdefault(row_id, number)
        rows.append(row)
        if progress is not None and len(rows) % PROGRESS_EVERY == 0:
            progress(len(rows), result.expected_rows)
    if result.ok and not rows:
        result.add(Problem(result.sheet, message=_("The sheet has no rows to import.")))
    if not rows:
        return result
    # Rows with a number update that row: one query, then the checks of the actions.
    existing = {}
    if ids_seen:
        existing = {
            obj.pk: obj
            for obj in spec["model"]
            .objects.restrict(user, "view")
            .select_related("unit")
            .filter(pk__in=list(ids_seen))
        }
    for row in rows:
        row_id = row.values.get("id")
        if row_id is None:
            if kind == "hazards" and row.values.get("status") not in (None, HazardStatus.OPEN):
                result.add(
                    Problem(
                        result.sheet,
                        row.number,
                        result.where("status"),
                        _("A new hazard starts open; its status changes on the hazard's page."),
                    )
                )
            result.creates.append(row)
            continue
        obj = existing.get(row_id)
        refusal: str | None
        if obj is None:
            refusal = _(
                "No row with number %(id)d that you can see; leave the number empty for a new row."
            ) % {"id": row_id}
        elif not lookups.keeps_unit(obj.unit):
            refusal = _("You do not keep the ledger of %(unit)s.") % {"unit": obj.unit.name}
        else:
            refusal = None
            for name, problem in check_existing(kind, obj, row.values):
                result.add(Problem(result.sheet, row.number, result.where(name), problem))
            row.existing = obj
            result.updates.append(row)
        if refusal:
            result.add(Problem(result.sheet, row.number, result.where("id"), refusal))
    return result


def convert(column: Column, value, lookups: Lookups):
    if is_blank(value):
        if column.required:
            raise CellError(_("This cell must be filled."))
        return None
    kind = column.kind
    if kind == "text":
        text = to_text(value)
        if column.max_length and len(text) > column.max_length:
            raise CellError(
                _("At most %(limit)d characters (this has %(count)d).")
                % {"limit": column.max_length, "count": len(text)}
            )
        return text
    if kind == "date":
        return to_date(value)
    if kind == "decimal":
        number = to_decimal(value, *column.digits)
        if number < 0:
            raise CellError(_("The amount cannot be negative."))
        return number
    if kind in ("choice", "status") and column.choices is not None:
        name = to_text(value).lower()
        found = lookups.choices[column.choices].get(name)
        if found is None:
            raise CellError(
                _("“%(text)s” is not one of: %(choices)s.")
                % {
                    "text": to_text(value),
                    "choices": "、".join(
                        zh_label(column.choices, v) for v in column.choices.values
                    ),
                }
            )
        return found
    if kind == "unit":
        return lookups.unit(to_text(value))
    if kind == "id":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise CellError(_("The number of an existing row, or empty for a new row."))
        return value
    raise AssertionError(kind)


def check_row(kind: str, values: dict, today_: date) -> list[tuple[str, str]]:
    """Checks across cells, the same as the models' and actions' (so bulk creation is safe)."""
    problems = []
    if kind == "hazards":
        found_on, deadline = values.get("found_on"), values.get("deadline")
        if found_on and found_on > today_:
            problems.append(("found_on", _("The date cannot be in the future.")))
        if found_on and deadline and deadline < found_on:
            problems.append(
                ("deadline", _("The deadline cannot be before the day the hazard was found."))
            )
        return problems
    for name in ("stage_date", "dropped_on"):
        if values.get(name) and values[name] > today_:
            problems.append((name, _("The date cannot be in the future.")))
    if values.get("dropped_on") and not values.get("drop_reason"):
        problems.append(("drop_reason", _("Say why the project was dropped.")))
    if values.get("drop_reason") and not values.get("dropped_on"):
        problems.append(("dropped_on", _("Give the date the project was dropped.")))
    return problems


def check_existing(kind: str, obj, values: dict) -> list[tuple[str, str]]:
    """What an import may not do to an existing row."""
    if kind == "hazards":
        status = values.get("status")
        if status is not None and status != obj.status:
            return [
                (
                    "status",
                    _(
                        "The status changes on the hazard's page (rectified, verified), not by import."
                    ),
                )
            ]
        return []
    if obj.dropped_on and "dropped_on" in values and values["dropped_on"] != obj.dropped_on:
        return [("dropped_on", _("The project was dropped; reinstate it on its page first."))]
    return []


# --- import: apply --------------------------------------------------------------------


def _fields(kind: str, values: dict, *, new: bool) -> dict:
    allowed = actions.PROJECT_FIELDS if kind == "projects" else actions.HAZARD_FIELDS
    fields = {name: value for name, value in values.items() if name in allowed}
    if new:
        for name, default in DEFAULTS[kind].items():
            if name in allowed and fields.get(name) is None:
                fields[name] = default
    else:
        # Blank optional cells of an existing row: empty text, no amount.
        fields = {
            k: (
                v
                if v is not None
                else ("" if isinstance(DEFAULTS[kind].get(k), str) else DEFAULTS[kind].get(k))
            )
            for k, v in fields.items()
        }
    return fields


def _create_hazards(rows: list[Row], user, wrote=None) -> None:
    """Bulk creation, equivalent to `actions.create_hazard` row by row.

    create_hazard saves the hazard (one history row: type "+", reason
    "created", by the user) and records its opening event (status open on the
    found date, note "found", by the user). Here the same three rows are
    written with multi-row INSERTs (luoshi.excel.bulk): the hazards, returning
    their ids, then their history rows and their events. Every check the
    action makes was made in validation: the fields (types, lengths, choices,
    the deadline constraint), the found date not in the future, and that the
    user keeps each row's unit. A 100,000-row register imports in about the
    time it takes to read the file (docs/performance.md), where the action
    row by row would take many minutes.
    """
    note = _("found")
    now = timezone.now()
    if not bulk.supported():  # a database that cannot return the ids of a multi-row INSERT
        for current in rows:
            actions.create_hazard(user, **_fields("hazards", current.values, new=True))
        return
    history_model = Hazard.history.model
    for start in range(0, len(rows), BULK_BATCH):
        hazards = []
        for row in rows[start : start + BULK_BATCH]:
            fields = _fields("hazards", row.values, new=True)
            fields["unit_id"] = fields.pop("unit").pk
            fields["status"] = HazardStatus.OPEN
            fields["created_at"] = now
            hazards.append(fields)
        ids = bulk.insert(Hazard, hazards, returning=True) or []
        bulk.insert(
            history_model,
            [
                {
                    **hazard,
                    "id": pk,
                    "history_date": now,
                    "history_change_reason": "created",
                    "history_type": "+",
                    "history_user_id": user.pk,
                }
                for hazard, pk in zip(hazards, ids, strict=True)
            ],
        )
        bulk.insert(
            HazardEvent,
            [
                {
                    "hazard_id": pk,
                    "status": HazardStatus.OPEN,
                    "date": hazard["found_on"],
                    "note": note,
                    "recorded_by_id": user.pk,
                    "recorded_at": now,
                }
                for hazard, pk in zip(hazards, ids, strict=True)
            ],
        )
        if wrote is not None:
            wrote(start + len(hazards))


def _changed(obj, fields: dict) -> dict:
    return {name: value for name, value in fields.items() if getattr(obj, name) != value}


WROTE_EVERY = 200  # rows written between two progress reports from inside the transaction


def apply(result: LedgerImport, user, progress=None) -> dict:
    """Write a validated import in one transaction; Refused if an action still objects.

    `progress.within(rows written, rows)` hears of the writing, when `progress` has it
    (luoshi.jobs.actions.Progress: on PostgreSQL through a connection of its own).
    """
    if not result.ok:
        raise _refused(result)
    kind = result.kind
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    current = None
    total = len(result.creates) + len(result.updates)
    within = getattr(progress, "within", None)

    def wrote(done: int) -> None:
        if within is not None:
            within(done, total)

    try:
        with transaction.atomic():
            if kind == "hazards":
                _create_hazards(result.creates, user, wrote)
                counts["created"] = len(result.creates)
            else:
                for current in result.creates:
                    values = current.values
                    project = actions.create_project(
                        user,
                        stage=values.get("stage") or Stage.NEGOTIATING,
                        stage_date=values.get("stage_date"),
                        **_fields(kind, values, new=True),
                    )
                    if values.get("dropped_on"):
                        actions.drop_project(
                            project, user, on=values["dropped_on"], reason=values["drop_reason"]
                        )
                    counts["created"] += 1
                    if counts["created"] % WROTE_EVERY == 0:
                        wrote(counts["created"])
            for number, current in enumerate(result.updates, counts["created"] + 1):
                changed = _update(kind, current, user)
                counts["updated" if changed else "unchanged"] += 1
                if number % WROTE_EVERY == 0:
                    wrote(number)
    except (ValidationError, PermissionDenied) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        raise Refused(
            [
                Problem(result.sheet, current.number if current else None, "", message)
                for message in messages
            ]
        ) from None
    return counts


def _update(kind: str, row: Row, user) -> bool:
    obj, values = row.existing, row.values
    fields = _changed(obj, _fields(kind, values, new=False))
    if kind == "hazards":
        if fields:
            actions.update_hazard(obj, user, reason="import", **fields)
        return bool(fields)
    stage = values.get("stage")
    moved = stage is not None and stage != obj.stage and not obj.dropped_on
    if fields:
        actions.update_project(obj, user, reason="import", **fields)
    if moved and stage is not None:
        actions.move_project(obj, user, stage=stage, on=values.get("stage_date") or today())
    dropped = values.get("dropped_on") and not obj.dropped_on
    if dropped:
        actions.drop_project(obj, user, on=values["dropped_on"], reason=values["drop_reason"])
    return bool(fields or moved or dropped)


def import_file(
    kind: str, upload, user, *, commit: bool, max_bytes: int | None = None, progress=None
):
    """Parse, validate and (if `commit` and the file is good) apply. Returns (preview, counts).

    `progress` (a luoshi.jobs.actions.Progress, for a background import) hears of the
    rows as they are checked, then once before the apply: the apply is one transaction,
    and a progress write inside it would be seen by nobody until the commit.
    """
    with gc_paused():
        workbook = open_workbook(upload, max_bytes)
        try:
            result = validate(kind, workbook, user, progress)
        finally:
            workbook.close()
        if not result.ok:
            raise _refused(result)
        rows = len(result.creates) + len(result.updates)
        if progress is not None and commit:
            # No total while writing: the bar turns indeterminate until the commit.
            progress(
                rows,
                None,
                message=_("Writing %(count)s rows in one transaction…")
                % {"count": number_format(rows, force_grouping=True)},
            )
        elif progress is not None:
            progress(rows, rows, message=_("Every row checked."))
        counts = apply(result, user, progress) if commit else None
    return result, counts


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a large file's rows pile up.

    Validation keeps a dict per row until the apply; with the collector running,
    its passes over the growing heap cost about 15% of validation (30,000 rows:
    4.3 s of CPU running, 3.7 s paused), more as the file grows; the same choice
    as luoshi.core.status.evaluate_all. Nothing here makes cycles that outlive
    the import; reference counting frees the rest.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _refused(result: LedgerImport) -> Refused:
    return Refused(result.problems, result.problem_count)
