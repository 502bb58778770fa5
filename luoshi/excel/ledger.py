"""Ledger import and export (.xlsx) for investment projects and safety hazards.

The file format is a contract with the people who fill it: one sheet, a row
of Chinese column headings, one ledger row per line. Headings and choice
labels are the Chinese ones of the register (领域 燃气, 等级 重大, 阶段 签约)
whatever the interface language, so that a file exported by one person
imports for another. Units are named by full or short name.

This module holds the format (columns, choice labels) and the export; the
import pipeline is in ledger_import.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from django.db.models import OuterRef, QuerySet, Subquery, TextChoices
from django.utils import translation
from openpyxl.utils import get_column_letter

from luoshi.ledgers.choices import HazardDomain, HazardLevel, HazardStatus, PlaceKind, Stage
from luoshi.ledgers.models import Hazard, Project, StageEvent

from . import writer

KINDS = ("projects", "hazards")


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str  # id, text, decimal, date, choice, unit, status
    required: bool = False  # the column must be in the file and the cell filled
    max_length: int | None = None
    choices: type[TextChoices] | None = None
    digits: tuple[int, int] = (14, 2)


PROJECT_COLUMNS = (
    Column("编号", "id", "id"),
    Column("项目名称", "name", "text", True, 200),
    Column("投资方", "investor", "text", True, 200),
    Column("来源地", "origin", "text", max_length=100),
    Column("产业链", "industry_chain", "text", max_length=100),
    Column("计划投资(万元)", "planned_amount", "decimal", digits=(14, 2)),
    Column("到位资金(万元)", "paid_in_amount", "decimal", digits=(14, 2)),
    Column("责任单位", "unit", "unit", True),
    Column("当前阶段", "stage", "choice", choices=Stage),
    Column("阶段日期", "stage_date", "date"),
    Column("放弃日期", "dropped_on", "date"),
    Column("放弃原因", "drop_reason", "text", max_length=300),
    Column("备注", "note", "text"),
)
HAZARD_COLUMNS = (
    Column("编号", "id", "id"),
    Column("隐患描述", "description", "text", True),
    Column("领域", "domain", "choice", True, choices=HazardDomain),
    Column("隐患地点", "place", "text", True, 200),
    Column("场所类型", "place_kind", "choice", choices=PlaceKind),
    Column("隐患等级", "level", "choice", choices=HazardLevel),
    Column("发现日期", "found_on", "date", True),
    Column("发现人", "found_by", "text", True, 100),
    Column("责任单位", "unit", "unit", True),
    Column("整改期限", "deadline", "date", True),
    Column("整改措施", "measures", "text"),
    Column("状态", "status", "status", choices=HazardStatus),
    Column("责任人", "responsible_person", "text", max_length=100),
    Column("资金(万元)", "funds", "decimal", digits=(12, 2)),
    Column("应急预案", "contingency_plan", "text"),
)


class Spec(TypedDict):
    columns: tuple[Column, ...]
    sheet: str
    model: type[Project] | type[Hazard]


SPECS: dict[str, Spec] = {
    "projects": {"columns": PROJECT_COLUMNS, "sheet": "招商项目", "model": Project},
    "hazards": {"columns": HAZARD_COLUMNS, "sheet": "安全隐患", "model": Hazard},
}


def zh_label(choices, value: str) -> str:
    """The label a file shows for a choice: the Chinese one."""
    with translation.override("zh-hans"):
        return str(choices(value).label)


def choice_lookup(choices) -> dict[str, str]:
    """Every name a person may write for a choice → its stored value: the code, and the
    label in Chinese and in English (case does not matter)."""
    lookup = {}
    for value, label in choices.choices:
        names = {value}
        for language in ("zh-hans", "en"):
            with translation.override(language):
                names.add(str(label))
        for name in names:
            lookup[str(name).strip().lower()] = value
    return lookup


# --- export ---------------------------------------------------------------------------


def filtered(kind: str, user, params) -> QuerySet:
    """The rows `user` may see, filtered by the list page's query parameters.

    The list pages' own filter forms read the parameters, so "export" gives the
    rows the list shows: projects q, unit (and its subtree), stage, chain,
    origin, dropped ("" active, "yes", "all"); hazards unit, domain, level,
    status, place_kind, overdue. Malformed parameters are ignored, as there.
    """
    from luoshi.ledgers.queries import filter_hazards, filter_projects

    rows, _form, _data = (filter_projects if kind == "projects" else filter_hazards)(user, params)
    return rows


def export_rows(kind: str, rows) -> list[tuple]:
    """Plain tuples in column order, in one query."""
    columns = SPECS[kind]["columns"]
    names = [c.field if c.kind != "unit" else "unit__name" for c in columns]
    if kind == "projects":
        latest = StageEvent.objects.filter(project=OuterRef("pk")).order_by("-date", "-pk")
        rows = rows.annotate(stage_date=Subquery(latest.values("date")[:1]))
    labels = {
        c.field: {value: zh_label(c.choices, value) for value in c.choices.values}
        for c in columns
        if c.choices
    }
    out = []
    for values in rows.order_by("pk").values_list(*names):
        out.append(
            tuple(
                labels[c.field][v] if c.field in labels and v else v
                for c, v in zip(columns, values, strict=True)
            )
        )
    return out


def export_workbook(kind: str, rows, progress=None):
    """The rows as the ledger's workbook; `progress(rows written)` hears every 5,000."""
    spec = SPECS[kind]
    workbook = writer.new_write_only()
    sheet = workbook.create_sheet(spec["sheet"])
    sheet.freeze_panes = "A2"
    widths = {"text": 24, "date": 12, "decimal": 14, "unit": 16}
    for index, column in enumerate(spec["columns"]):
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths.get(column.kind, 10)
    sheet.append(writer.header_cells(sheet, [c.header for c in spec["columns"]]))
    cell = writer.cell_value
    for number, values in enumerate(export_rows(kind, rows), 1):
        sheet.append([cell(sheet, v) for v in values])
        if progress is not None and number % 5000 == 0:
            progress(number)
    return workbook
